use super::fallback::fallback_slot;
use super::use_locale;
use crate::model::error::LoadError;
use leptos::prelude::*;

/// What went wrong, in plain words, with a Retry button; the publisher's fallback stays visible
/// below it. The widget's live region announces it.
#[component]
pub fn ErrorState(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let locale = use_locale();
    let strings_lang = locale.strings_lang();
    let strings = locale.strings;
    view! {
        <div class="aw-error" part="error" lang=strings_lang>
            <p class="aw-error-title">{strings.error_title}</p>
            <p class="aw-error-detail">{locale.error_detail(&error)}</p>
            <button type="button" part="retry" class="aw-button" on:click=move |_| on_retry()>
                {strings.retry}
            </button>
            {fallback_slot()}
        </div>
    }
}
