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
    // The stylesheet's crop ratio falls back to this one, the ratio the browser derives from
    // the attributes (`auto w / h`), so no style query is needed to crop only when asked. Set
    // through the CSSOM, which a strict CSP allows (an inline style attribute it would not).
    let ratio = width
        .zip(height)
        .map(|(w, h)| format!("auto {w} / {h}"))
        .unwrap_or_else(|| "auto".to_string());
    view! {
        <figure class="aw-figure" part="figure">
            <img
                part="image"
                src=url.to_string()
                alt=alt
                width=width.map(|w| w.to_string())
                height=height.map(|h| h.to_string())
                style:--_ratio=ratio
                decoding="async"
            />
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
