use crate::model::article::Image;
use leptos::prelude::*;

/// The lead photo (or a body image) with caption and credit. `width`/`height` let the browser
/// reserve the box before the image arrives, so nothing below it moves.
#[component]
pub fn Figure(image: Image) -> impl IntoView {
    let Image {
        url,
        alt,
        caption,
        credit,
        width,
        height,
    } = image;
    let has_caption = caption.is_some() || credit.is_some();
    let separator = (caption.is_some() && credit.is_some()).then_some(" | ");
    // The photo's box comes from its width/height attributes (the browser's own `auto w / h`),
    // so it is reserved before the bytes arrive. The crop token sets the ratio of the frame
    // around it instead, which the photo then fills: no style attribute (which a strict CSP
    // blocks in pre-rendered markup) and no style query.
    view! {
        <figure class="aw-figure" part="figure">
            <div class="aw-photo">
                <img
                    part="image"
                    src=url.to_string()
                    alt=alt
                    width=width.map(|w| w.to_string())
                    height=height.map(|h| h.to_string())
                    decoding="async"
                />
            </div>
            {has_caption
                .then(|| {
                    view! {
                        <figcaption part="caption">
                            {caption}
                            {separator}
                            {credit.map(|credit| view! { <span class="aw-credit">{credit}</span> })}
                        </figcaption>
                    }
                })}
        </figure>
    }
}
