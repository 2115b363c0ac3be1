//! Reading a widget element's attributes, for both forms of the element.

use crate::model::config::WidgetConfig;
use crate::model::url::SafeUrl;
use web_sys::Element;

/// `<article-widget src>` or `<div data-article-widget data-src>`.
pub fn is_custom_element(element: &Element) -> bool {
    element.tag_name().eq_ignore_ascii_case("article-widget")
}

/// The attribute `name` of the spec, in whichever form the element uses.
pub fn attribute(element: &Element, name: &str) -> Option<String> {
    if is_custom_element(element) {
        element.get_attribute(name)
    } else {
        element.get_attribute(&format!("data-{name}"))
    }
}

/// The element's settings, with its URLs resolved against the page's base URL. Warnings for
/// skipped values go to the console.
pub fn read_config(element: &Element) -> WidgetConfig {
    let page = element
        .owner_document()
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| SafeUrl::parse_absolute(&base).ok());
    let (config, warnings) =
        WidgetConfig::from_attributes(|name| attribute(element, name), page.as_ref());
    for warning in warnings {
        web_sys::console::warn_1(&format!("article-widget: {warning}").into());
    }
    config
}

/// The host page's language, from `<html lang>`.
pub fn page_lang(element: &Element) -> Option<String> {
    element
        .owner_document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .filter(|lang| !lang.trim().is_empty())
}
