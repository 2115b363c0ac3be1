use super::fallback::fallback_slot;
use super::use_locale;
use leptos::html;
use leptos::prelude::*;

/// Shown until the card is ready: the publisher's fallback (slotted light DOM) over a skeleton
/// the size of a card, so the page does not jump when the card arrives. It is announced by the
/// widget's live region, not here.
#[component]
pub fn LoadingState() -> impl IntoView {
    let locale = use_locale();
    let strings = locale.strings;
    let strings_lang = locale.strings_lang();
    view! {
        <div class="aw-loading" aria-busy="true" aria-label=strings.loading lang=strings_lang>
            {fallback_slot()}
            {skeleton()}
        </div>
    }
}

/// Grey bars in the shape of a card (element functions, not literal markup: see
/// [`super::fallback`]).
fn skeleton() -> impl IntoView {
    let bar = |class: &'static str| html::div().class(class);
    html::div()
        .class("aw-skeleton")
        .attr("aria-hidden", "true")
        .child((
            bar("aw-skeleton-line aw-skeleton-short"),
            bar("aw-skeleton-line aw-skeleton-title"),
            bar("aw-skeleton-media"),
            bar("aw-skeleton-line"),
            bar("aw-skeleton-line"),
        ))
}
