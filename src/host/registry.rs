//! The mounted widgets of this page.

use super::attributes::{page_lang, read_config};
use super::browser::PageBrowser;
use super::{dom_events, lazy, shadow, takeover};
use crate::model::config::{Loading, WidgetConfig};
use crate::model::widget_event::WidgetEvent;
use crate::services::Services;
use crate::view::widget::ArticleWidget;
use crate::view::EventSink;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlMediaElement, ShadowRoot};

struct Mounted {
    element: HtmlElement,
    config: ArcRwSignal<WidgetConfig>,
    visible: ArcRwSignal<bool>,
    /// Leptos' unmount handle: dropping it disposes the widget's reactive scope and its DOM.
    _view: Box<dyn Any>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

fn position(element: &Element) -> Option<usize> {
    MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .position(|w| w.element.unchecked_ref::<Element>() == element)
    })
}

pub fn count() -> usize {
    MOUNTED.with(|m| m.borrow().len())
}

pub fn mount(element: HtmlElement) {
    if position(&element).is_some() {
        return;
    }
    let (root, prerendered) = match shadow::prepare(&element) {
        Ok(prepared) => prepared,
        Err(error) => {
            // The publisher's fallback stays; the page and the other widgets go on.
            web_sys::console::error_2(
                &"article-widget: could not set up this element's shadow root and styles (use <article-widget> or a <div>; the page may have replaced a DOM method); its fallback stays:".into(),
                &error,
            );
            return;
        }
    };
    let Some(container) = element
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
    else {
        return;
    };
    let Ok(container) = container.dyn_into::<HtmlElement>() else {
        return;
    };
    let _ = container.set_attribute("class", super::CONTAINER_CLASS);
    if prerendered.is_some() {
        // The live card is built out of sight and shown once it is whole (`takeover`).
        let _ = container.set_attribute("hidden", "");
    }
    if root.append_child(&container).is_err() {
        return;
    }
    let live = container.clone();

    let initial = read_config(&element);
    let eager = initial.loading == Loading::Eager;
    let config = ArcRwSignal::new(initial);
    let visible = ArcRwSignal::new(eager);
    let lang = page_lang(&element);
    let target = element.clone();
    let (config_for_view, visible_for_view) = (config.clone(), visible.clone());
    let view = leptos::mount::mount_to(container, move || {
        Services::provide(PageBrowser {
            pause_others: pause_players_except,
        });
        let events = EventSink::new(move |event| {
            if let (WidgetEvent::Load { .. }, Some(old)) = (&event, &prerendered) {
                // The card is built in the render pass after this event's: swap a task later.
                let (root, old, live) = (root.clone(), old.clone(), live.clone());
                leptos::task::spawn_local(async move {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    takeover::swap(&root, &old, &live);
                });
            }
            dom_events::dispatch(&target, &event)
        });
        let config = RwSignal::from(config_for_view);
        let visible = RwSignal::from(visible_for_view);
        view! { <ArticleWidget config=config visible=visible page_lang=lang.unwrap_or_default() events=events /> }
    });
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            element: element.clone(),
            config,
            visible: visible.clone(),
            _view: Box::new(view),
        })
    });
    if !eager && !lazy::observe(&element, became_visible) {
        visible.set(true);
    }
}

fn became_visible(element: &Element) {
    let visible = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .find(|w| w.element.unchecked_ref::<Element>() == element)
            .map(|w| w.visible.clone())
    });
    if let Some(visible) = visible {
        visible.set(true);
    }
}

/// Pauses every player of every mounted widget but `playing`: a reader hears one stream at a
/// time, however many widgets the page has. The players are found where they are, in the
/// widgets' shadow roots (wherever the widgets are: in the document, or in another
/// component's shadow root), so nothing has to register them.
pub fn pause_players_except(playing: &HtmlMediaElement) {
    let roots: Vec<ShadowRoot> = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .filter_map(|w| w.element.shadow_root())
            .collect()
    });
    for root in roots {
        let Ok(players) = root.query_selector_all("video, audio") else {
            continue;
        };
        for index in 0..players.length() {
            let player = players
                .item(index)
                .and_then(|p| p.dyn_into::<HtmlMediaElement>().ok());
            if let Some(player) = player.filter(|p| p != playing && !p.paused()) {
                let _ = player.pause();
            }
        }
    }
}

pub fn unmount(element: &HtmlElement) {
    let Some(index) = position(element) else {
        return;
    };
    // Take it out of the registry before dropping it: dropping runs cleanup code that must not
    // find the registry borrowed.
    let removed = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        (index < m.len()).then(|| m.swap_remove(index))
    });
    lazy::unobserve(element);
    drop(removed);
    if let Some(root) = element.shadow_root() {
        shadow::restore_fallback(&root);
    }
}

pub fn attributes_changed(element: &HtmlElement) {
    let Some(entry) = MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .find(|w| &w.element == element)
            .map(|w| (w.config.clone(), w.visible.clone()))
    }) else {
        return;
    };
    let (config, visible) = entry;
    let next = read_config(element);
    // Setting a signal notifies even when the value is the same, and `visible` starts loads.
    if next.loading == Loading::Eager && !visible.get_untracked() {
        visible.set(true);
    }
    if config.with_untracked(|current| *current != next) {
        config.set(next);
    }
}
