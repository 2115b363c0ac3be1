use crate::model::widget_event::WidgetEvent;
use leptos::prelude::*;
use std::rc::Rc;

/// Where views send [`WidgetEvent`]s. The host gives one that dispatches DOM events on the
/// element; tests give one that records.
///
/// It is `Copy` and `Send` (the callback lives in the reactive arena), so reactive closures can
/// carry it; the callback itself runs only on the main thread.
///
/// Leptos' `UnsyncCallback` is the same shape, but its `run` panics once the widget's owner is
/// gone (`StoredValue::with_value`), and events do arrive late: a media element's `pause` as
/// the widget unmounts, a share window's result. A panic would stop every widget on the page,
/// so this one drops such an event instead.
#[derive(Clone, Copy)]
pub struct EventSink(StoredValue<Rc<dyn Fn(WidgetEvent)>, LocalStorage>);

impl EventSink {
    pub fn new(callback: impl Fn(WidgetEvent) + 'static) -> EventSink {
        EventSink(StoredValue::new_local(Rc::new(callback)))
    }

    /// A sink that drops every event.
    pub fn ignore() -> EventSink {
        EventSink::new(|_| {})
    }

    pub fn emit(&self, event: WidgetEvent) {
        // After the widget is gone there is nobody to tell.
        if let Some(callback) = self.0.try_get_value() {
            callback(event);
        }
    }
}
