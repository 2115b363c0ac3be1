use super::fallback::fallback_slot;
use crate::model::error::LoadError;
use crate::model::i18n::Strings;
use leptos::prelude::*;

/// What went wrong, in plain words, with a Retry button; the publisher's fallback stays visible
/// below it. The widget's live region announces it.
#[component]
pub fn ErrorState(
    error: LoadError,
    strings: &'static Strings,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="aw-error" part="error">
            <p class="aw-error-title">{strings.error_title}</p>
            <p class="aw-error-detail">{strings.error_detail(&error)}</p>
            <button type="button" part="retry" class="aw-button" on:click=move |_| on_retry()>
                {strings.retry}
            </button>
            {fallback_slot()}
        </div>
    }
}
