//! Dates and numbers in the reader's language, through the browser's `Intl` (no locale data in
//! our bundle), for the widget's [`crate::model::i18n::Locale`]: the one place that reads `Intl`. Every call goes through `Reflect`, which turns a JavaScript exception (say, a
//! `RangeError` for a language tag Intl rejects) into an `Err` instead of unwinding through wasm.
//!
//! Building an `Intl` formatter costs about half a millisecond (it loads locale data); a page
//! with a hundred widgets in one language builds one per kind and reuses it.

use crate::model::date::DateTime;
use crate::model::i18n::Intl;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Off the browser (the pre-renderer, natively) there is no `Intl`: languages beyond the ones
/// written in Rust fall back as if `Intl` had refused them.
const HAS_INTL: bool = cfg!(target_arch = "wasm32");

/// Which formatter, with which fixed options.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `DateTimeFormat` with `dateStyle: "long"`, in UTC.
    LongDate,
    /// `NumberFormat` with the defaults.
    Number,
}

thread_local! {
    /// Formatters built so far: the `format` function each one's `format` getter returns
    /// (already bound to it, per ECMA-402), or `None` for a language tag Intl rejected.
    static FORMATTERS: RefCell<Vec<(Kind, String, Option<Function>)>> = const { RefCell::new(Vec::new()) };
}

fn intl_constructor(name: &str) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    Reflect::get(&intl, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn set(options: &Object, key: &str, value: &str) {
    let _ = Reflect::set(options, &key.into(), &value.into());
}

fn build(kind: Kind, lang: &str) -> Option<Function> {
    let options = Object::new();
    let constructor = match kind {
        Kind::LongDate => {
            set(&options, "dateStyle", "long");
            set(&options, "timeZone", "UTC");
            "DateTimeFormat"
        }
        Kind::Number => "NumberFormat",
    };
    let args = Array::of2(&JsValue::from_str(lang), &options);
    let formatter = Reflect::construct(&intl_constructor(constructor)?, &args).ok()?;
    Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn formatter(kind: Kind, lang: &str) -> Option<Function> {
    let cached = FORMATTERS.with(|cache| {
        cache
            .borrow()
            .iter()
            .find(|(k, l, _)| *k == kind && l == lang)
            .map(|(_, _, format)| format.clone())
    });
    if let Some(format) = cached {
        return format;
    }
    let format = build(kind, lang);
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .push((kind, lang.to_string(), format.clone()))
    });
    format
}

fn format_with(kind: Kind, lang: &str, value: &JsValue) -> Option<String> {
    formatter(kind, lang)?
        .call1(&JsValue::UNDEFINED, value)
        .ok()?
        .as_string()
}

/// The browser's `Intl`, for the widget's [`crate::model::i18n::Locale`]s.
pub struct BrowserIntl;

/// The one there is.
pub static BROWSER_INTL: BrowserIntl = BrowserIntl;

impl Intl for BrowserIntl {
    fn long_date(&self, date: &DateTime, lang: &str) -> Option<String> {
        format_date_with_intl(date, lang)
    }
    fn number(&self, n: u64, lang: &str) -> Option<String> {
        format_number_with_intl(n, lang)
    }
}

/// The date through `Intl` alone.
pub fn format_date_with_intl(date: &DateTime, lang: &str) -> Option<String> {
    if !HAS_INTL {
        return None;
    }
    let value: JsValue = js_sys::Date::new(&JsValue::from_f64(date.wall_clock_ms() as f64)).into();
    format_with(Kind::LongDate, lang, &value)
}

/// The number through `Intl` alone.
pub fn format_number_with_intl(n: u64, lang: &str) -> Option<String> {
    if !HAS_INTL {
        return None;
    }
    format_with(Kind::Number, lang, &JsValue::from_f64(n as f64))
}
