use crate::model::i18n::Strings;
use leptos::prelude::*;

/// Shown until the card is ready: the publisher's fallback (slotted light DOM) over a skeleton
/// the size of a card, so the page does not jump when the card arrives. It is announced by the
/// widget's live region, not here.
#[component]
pub fn LoadingState(strings: &'static Strings) -> impl IntoView {
    view! {
        <div class="aw-loading" aria-busy="true" aria-label=strings.loading>
            <div class="aw-fallback">
                <slot></slot>
            </div>
            <div class="aw-skeleton" aria-hidden="true">
                <div class="aw-skeleton-line aw-skeleton-short"></div>
                <div class="aw-skeleton-line aw-skeleton-title"></div>
                <div class="aw-skeleton-media"></div>
                <div class="aw-skeleton-line"></div>
                <div class="aw-skeleton-line"></div>
            </div>
        </div>
    }
}
