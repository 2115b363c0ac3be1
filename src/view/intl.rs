//! Dates and numbers in the reader's language, through the browser's `Intl` (no locale data in
//! our bundle). Every call goes through `Reflect`, which turns a JavaScript exception (say, a
//! `RangeError` for a language tag Intl rejects) into an `Err` instead of unwinding through wasm.
//!
//! Building an `Intl` formatter costs about half a millisecond (it loads locale data); a page
//! with a hundred widgets in one language builds one per kind and reuses it.

use crate::model::date::DateTime;
use crate::model::i18n::Locale;
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

/// "November 1, 2018" (en), "1 de noviembre de 2018" (es): the publisher's calendar date, in
/// `lang`, wherever the reader is. English and Spanish are written in Rust, the same way
/// (`tests/views.rs` checks it against `Intl`); other languages through `Intl`.
pub fn format_date(date: &DateTime, locale: &Locale) -> String {
    locale
        .long_date(date)
        .or_else(|| format_date_with_intl(date, &locale.lang))
        .or_else(|| format_date_with_intl(date, "en"))
        .unwrap_or_else(|| {
            date.original
                .get(..10)
                .unwrap_or(&date.original)
                .to_string()
        })
}

/// The date through `Intl` alone.
pub fn format_date_with_intl(date: &DateTime, lang: &str) -> Option<String> {
    if !HAS_INTL {
        return None;
    }
    let value: JsValue = js_sys::Date::new(&JsValue::from_f64(date.wall_clock_ms() as f64)).into();
    format_with(Kind::LongDate, lang, &value)
}

/// "1,234" (en), "1234" / "12.345" (es): in Rust for those two (as for dates), else `Intl`.
pub fn format_number(n: u64, locale: &Locale) -> String {
    locale
        .count(n)
        .or_else(|| format_number_with_intl(n, &locale.lang))
        .unwrap_or_else(|| n.to_string())
}

/// The number through `Intl` alone.
pub fn format_number_with_intl(n: u64, lang: &str) -> Option<String> {
    if !HAS_INTL {
        return None;
    }
    format_with(Kind::Number, lang, &JsValue::from_f64(n as f64))
}
