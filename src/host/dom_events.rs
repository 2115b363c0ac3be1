//! `article-widget:*` events on the host element: bubbling and composed, so a listener anywhere
//! on the page hears them.

use crate::model::widget_event::WidgetEvent;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

pub fn dispatch(element: &HtmlElement, event: &WidgetEvent) {
    let detail = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&detail, &key.into(), &value);
    };
    match event {
        WidgetEvent::Load { id, url } => {
            set("id", id.as_str().into());
            set("url", url.as_str().into());
        }
        WidgetEvent::Error { message } => set("message", message.as_str().into()),
        WidgetEvent::Share { network } => set("network", network.id().into()),
        WidgetEvent::MediaChange { mode, playing } => {
            set("mode", mode.as_str().into());
            set("playing", (*playing).into());
        }
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = element.dispatch_event(&custom);
    }
}
