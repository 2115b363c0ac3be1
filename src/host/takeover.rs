//! Taking over a pre-rendered card (`crate::render`): the card the publisher's server rendered
//! into a declarative shadow root stays on screen, untouched, while the live widget loads
//! beside it, hidden. Once the live card is built, one task removes the old card and shows
//! the new one: the same components on the same article print the same boxes, so no frame
//! shows a change, and the reader's focus moves to the same place in the new card.
//!
//! Not hydration: Leptos hydrates only in a `hydrate` build of the whole bundle, which
//! cannot also mount client-rendered widgets beside it on the same page. A failed load
//! never swaps: the pre-rendered card is the best content there is.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

/// The class of the element a widget's card is mounted in, inside the shadow root.
pub const CONTAINER_CLASS: &str = "aw-host";

/// The attribute `render` puts on its container.
pub const PRERENDERED: &str = "data-prerendered";

/// The pre-rendered container in `root`, if the page came with one.
pub fn prerendered(root: &ShadowRoot) -> Option<HtmlElement> {
    root.query_selector(&format!(".{CONTAINER_CLASS}[{PRERENDERED}]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// After a panic, when `root` still shows its pre-rendered card: keeps that card (and the
/// snippet's `<style>`), drops the live card being built beside it, and returns `true`. The
/// card stays as it is with JavaScript off, its links working; an error message would be worse
/// content. `false` when there is no pre-rendered card (or it was taken over).
pub fn keep_prerendered(root: &ShadowRoot) -> bool {
    if prerendered(root).is_none() {
        return false;
    }
    if let Ok(live) = root.query_selector_all(&format!(".{CONTAINER_CLASS}:not([{PRERENDERED}])")) {
        for i in 0..live.length() {
            if let Some(element) = live.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                element.remove();
            }
        }
    }
    true
}

/// The attribute the loader (`js/embed.js`) puts on a pre-rendered container when a reader
/// activates one of its buttons before the live card is there: the button's place among the
/// container's elements.
const ACTIVATED: &str = "data-activated";

/// Shows `live` in place of `old` once `live` holds a card; else (still loading, or failed)
/// leaves both as they are. The reader's focus moves to the same place in the new card, and
/// a button the reader activated in the old card is activated in the new one: the first
/// click on a card that was not live yet is carried out, not lost.
pub fn swap(root: &ShadowRoot, old: &HtmlElement, live: &HtmlElement) {
    if !old.is_connected() || !matches!(live.query_selector(".aw-card"), Ok(Some(_))) {
        return;
    }
    let focused = root
        .active_element()
        .and_then(|active| position_in(old, &active));
    let activated = old
        .get_attribute(ACTIVATED)
        .and_then(|index| index.parse::<u32>().ok());
    old.remove();
    live.remove_attribute("hidden").ok();
    if let Some(target) = focused.and_then(|index| element_at(live, index)) {
        let _ = target.focus();
    }
    if let Some(button) = activated
        .and_then(|index| element_at(live, index))
        .filter(|element| element.local_name() == "button")
    {
        button.click();
    }
}

/// Where `element` is among `container`'s elements, in document order.
fn position_in(container: &HtmlElement, element: &Element) -> Option<u32> {
    let all = container.query_selector_all("*").ok()?;
    (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(element))))
}

fn element_at(container: &HtmlElement, index: u32) -> Option<HtmlElement> {
    container
        .query_selector_all("*")
        .ok()?
        .item(index)?
        .dyn_into::<HtmlElement>()
        .ok()
}
