//! Dates and numbers in the reader's language, through the browser's `Intl` (no locale data in
//! our bundle). Every call goes through `Reflect`, which turns a JavaScript exception (say, a
//! `RangeError` for a language tag Intl rejects) into an `Err` instead of unwinding through wasm.

use crate::model::date::DateTime;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn intl_constructor(name: &str) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    Reflect::get(&intl, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn format_with(constructor: &str, lang: &str, options: &Object, value: &JsValue) -> Option<String> {
    let ctor = intl_constructor(constructor)?;
    let args = Array::of2(&JsValue::from_str(lang), options);
    let formatter = Reflect::construct(&ctor, &args).ok()?;
    let format = Reflect::get(&formatter, &"format".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    format.call1(&formatter, value).ok()?.as_string()
}

fn set(options: &Object, key: &str, value: &str) {
    let _ = Reflect::set(options, &key.into(), &value.into());
}

/// "November 1, 2018" (en), "1 de noviembre de 2018" (es): the publisher's calendar date, in
/// `lang`, wherever the reader is.
pub fn format_date(date: &DateTime, lang: &str) -> String {
    let options = Object::new();
    set(&options, "dateStyle", "long");
    set(&options, "timeZone", "UTC");
    let value: JsValue = js_sys::Date::new(&JsValue::from_f64(date.wall_clock_ms() as f64)).into();
    format_with("DateTimeFormat", lang, &options, &value)
        .or_else(|| format_with("DateTimeFormat", "en", &options, &value))
        .unwrap_or_else(|| {
            date.original
                .get(..10)
                .unwrap_or(&date.original)
                .to_string()
        })
}

/// "1,234" (en), "1234" / "12.345" (es).
pub fn format_number(n: u64, lang: &str) -> String {
    format_with(
        "NumberFormat",
        lang,
        &Object::new(),
        &JsValue::from_f64(n as f64),
    )
    .unwrap_or_else(|| n.to_string())
}
