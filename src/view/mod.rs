//! The views: one component per file. Views take typed model data, never raw JSON, and never
//! touch the host page; they speak the reader's language through [`use_locale`]; what they have to tell the page goes out through [`EventSink`], and
//! what they need of the browser (storage, clipboard, share sheet, windows, media types) comes
//! in through [`crate::services::Services`]; the live player's state comes from its
//! [`crate::media::MediaController`].

pub mod body;
pub mod breadcrumb;
pub mod card;
pub mod comment_count;
pub mod error_state;
pub mod event_sink;
pub mod fallback;
pub mod figure;
pub mod frame;
pub mod icons;
pub mod live_toggle;
pub mod loading_state;
pub mod rich_text;
pub mod share_bar;
pub mod widget;

pub use event_sink::EventSink;

use crate::model::i18n::Locale;
use leptos::prelude::{provide_context, use_context};

/// The widget's own words alone ("By", "Play"): as [`words_around`], a `<span>` with the
/// strings' language in a card whose language has no strings, else plain text.
pub fn own_text(text: &'static str, lang: Option<&'static str>) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match lang {
        Some(lang) => view! { <span lang=lang>{text}</span> }.into_any(),
        None => text.into_any(),
    }
}

/// A sentence made of the widget's words around one value (`template` with `{placeholder}`:
/// "Published {date}", "Continue reading on {site}"). In a card whose language has no strings
/// of its own, the words are `<span>`s carrying the strings' language
/// (`Locale::strings_lang`), so that a screen reader speaks them as such, and the value (a date
/// in the card's language, a site's name) stays outside them; otherwise it is one text.
pub fn words_around(
    template: &'static str,
    placeholder: &str,
    value: String,
    lang: Option<&'static str>,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    let Some(lang) = lang else {
        return template.replace(placeholder, &value).into_any();
    };
    let (before, after) = crate::model::i18n::around(template, placeholder);
    let words = move |text: &'static str| {
        (!text.is_empty()).then(|| view! { <span lang=lang>{text}</span> })
    };
    view! { {words(before)}{value}{words(after)} }.into_any()
}

/// The reader's language, which the widget provides to every component under it (and
/// English for a component mounted on its own).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Gives the components created from here on `locale`.
pub fn provide_locale(locale: Locale) {
    provide_context(locale);
}
