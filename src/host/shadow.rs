//! The shadow root and its stylesheet.
//!
//! The stylesheet is one constructed `CSSStyleSheet`, built once per page and adopted by every
//! widget's shadow root: no `<style>` element (which a strict CSP would block), no request, and
//! a hundred widgets share one parsed sheet.

use crate::model::i18n::Locale;
use std::cell::OnceCell;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

const WIDGET_CSS_SOURCE: &str = include_str!("../../style/widget.css");

/// The stylesheet as shipped: `style/widget.css` without its comments, indentation and blank
/// lines, stripped at compile time (a third of its bytes, in every reader's download).
pub const WIDGET_CSS: &str = match core::str::from_utf8(&STRIPPED) {
    Ok(css) => css,
    Err(_) => WIDGET_CSS_SOURCE,
};

const STRIPPED_LEN: usize = strip_css(WIDGET_CSS_SOURCE.as_bytes(), &mut []);
const STRIPPED: [u8; STRIPPED_LEN] = {
    let mut out = [0u8; STRIPPED_LEN];
    strip_css(WIDGET_CSS_SOURCE.as_bytes(), &mut out);
    out
};

/// Writes `css` without `/* comments */`, leading whitespace and blank lines into `out` (as
/// far as it reaches) and returns the stripped length. Only whitespace at the start of a line
/// and whole comments go, so nothing inside a rule changes meaning (the sheet has no `/*` in a
/// string).
const fn strip_css(css: &[u8], out: &mut [u8]) -> usize {
    let mut rest = css;
    let mut out = out;
    let mut len = 0;
    let mut in_comment = false;
    let mut line_start = true;
    while let [byte, tail @ ..] = rest {
        let byte = *byte;
        if in_comment {
            if byte == b'*' && matches!(tail, [b'/', ..]) {
                in_comment = false;
                rest = skip_one(tail);
            } else {
                rest = tail;
            }
            continue;
        }
        if byte == b'/' && matches!(tail, [b'*', ..]) {
            in_comment = true;
            rest = skip_one(tail);
            continue;
        }
        rest = tail;
        if line_start && matches!(byte, b' ' | b'\t' | b'\r' | b'\n') {
            continue;
        }
        line_start = byte == b'\n';
        len += 1;
        // `mem::take` is not const yet.
        #[allow(clippy::mem_replace_with_default)]
        let whole = core::mem::replace(&mut out, &mut []);
        if let Some((slot, remaining)) = whole.split_first_mut() {
            *slot = byte;
            out = remaining;
        }
    }
    len
}

const fn skip_one(bytes: &[u8]) -> &[u8] {
    match bytes {
        [_, tail @ ..] => tail,
        [] => bytes,
    }
}

thread_local! {
    static SHEET: OnceCell<CssStyleSheet> = const { OnceCell::new() };
}

/// The page's one sheet, built on first success (a failure is tried again by the next widget).
fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.get() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(WIDGET_CSS)?;
        Ok(cell.get_or_init(|| sheet).clone())
    })
}

/// The element's shadow root, attached on first use, emptied, with the widget's styles. A root
/// that came with the page (a pre-rendered card in a declarative shadow root) is reused and
/// keeps its card (`attachShadow` would empty it), which is returned for the takeover.
///
/// Every DOM call here can throw on a hostile host page (a replaced `attachShadow`, a
/// `replaceSync` that throws, a frozen `adoptedStyleSheets`): each is caught and becomes an
/// `Err`, and the element is left showing the publisher's fallback. An exception must never
/// unwind through Rust frames, which would leave their borrows held for the next call.
pub fn prepare(element: &HtmlElement) -> Result<(ShadowRoot, Option<HtmlElement>), JsValue> {
    let root = match element.shadow_root() {
        Some(root) => root,
        None => {
            let init = ShadowRootInit::new(ShadowRootMode::Open);
            element.attach_shadow(&init)?
        }
    };
    let prerendered = super::takeover::prerendered(&root);
    if prerendered.is_none() {
        clear(&root);
    }
    let styled = stylesheet().and_then(|sheet| {
        js_sys::Reflect::set(
            &root,
            &JsValue::from_str("adoptedStyleSheets"),
            &js_sys::Array::of1(&sheet),
        )
    });
    if let Err(error) = styled {
        restore_fallback(&root);
        return Err(error);
    }
    Ok((root, prerendered))
}

/// Leaves only a `<slot>`, so the publisher's fallback content shows again.
pub fn restore_fallback(root: &ShadowRoot) {
    clear(root);
    if let Some(slot) = root
        .owner_document()
        .and_then(|d| d.create_element("slot").ok())
    {
        let _ = root.append_child(&slot);
    }
}

fn clear(root: &ShadowRoot) {
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
}

/// The error state drawn with plain DOM calls, for when Rust can no longer be trusted to run
/// the view (after a panic): a sentence and the publisher's fallback. A pre-rendered card not
/// yet taken over stays instead.
pub fn show_crash(root: &ShadowRoot, locale: &Locale) {
    if super::takeover::keep_prerendered(root) {
        return;
    }
    clear(root);
    let Some(document) = root.owner_document() else {
        return;
    };
    let make = |tag: &str, class: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        Some(element)
    };
    let (Some(outer), Some(error), Some(title), Some(slot)) = (
        make("div", "aw aw-crashed"),
        make("div", "aw-error"),
        make("p", "aw-error-title"),
        make("slot", "aw-fallback"),
    ) else {
        return;
    };
    let _ = outer.set_attribute("data-state", "error");
    let _ = outer.set_attribute("lang", &locale.lang);
    let _ = outer.set_attribute("dir", locale.dir());
    if let Some(lang) = locale.strings_lang() {
        let _ = error.set_attribute("lang", lang);
    }
    let _ = error.set_attribute("part", "error");
    title.set_text_content(Some(locale.strings.error_title));
    let _ = error.append_child(&title);
    let _ = error.append_child(&slot);
    let _ = outer.append_child(&error);
    let _ = root.append_child(&outer);
}
