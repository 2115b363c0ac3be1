use super::events::EventSink;
use super::icons::share_icon;
use crate::model::events::WidgetEvent;
use crate::model::i18n::Strings;
use crate::model::share::{mastodon_link, opens_in_popup, popup_features, ShareNetwork, SharePage};
use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the share bar shares.
#[derive(Clone, Debug, Default)]
pub struct ShareContent {
    pub url: String,
    pub text: String,
    pub hashtags: Vec<String>,
    pub via: Option<String>,
}

impl ShareContent {
    fn page(&self) -> SharePage<'_> {
        SharePage {
            url: &self.url,
            text: &self.text,
            hashtags: &self.hashtags,
            via: self.via.as_deref(),
        }
    }
}

/// The share buttons: plain links for the networks that are links, buttons for copy, native
/// share and Mastodon. Nothing is loaded from any network until the reader clicks.
#[component]
pub fn ShareBar(
    networks: Vec<ShareNetwork>,
    content: ShareContent,
    strings: &'static Strings,
    events: EventSink,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let native_available = navigator_has("share");
    let content = StoredValue::new(content);
    let buttons = networks
        .into_iter()
        .filter(|n| *n != ShareNetwork::Native || native_available)
        .map(|network| {
            let label = match network {
                ShareNetwork::Email => strings.share_by_email.to_string(),
                ShareNetwork::Copy => strings.copy_link.to_string(),
                ShareNetwork::Native => strings.share_native.to_string(),
                other => strings.share_on_network(other.brand()),
            };
            let visible_name = match network {
                ShareNetwork::Copy => strings.copy_link,
                ShareNetwork::Native => strings.share,
                ShareNetwork::Email => strings.email,
                other => other.brand(),
            };
            let link = content.with_value(|c| network.link(&c.page()));
            let item = match link {
                Some(href) => {
                    let popup_href = href.clone();
                    view! {
                        <a
                            class="aw-share-button"
                            part="share-button"
                            data-network=network.id()
                            href=href
                            target="_blank"
                            rel="noopener noreferrer"
                            aria-label=label
                            on:click=move |event: web_sys::MouseEvent| {
                                events.emit(WidgetEvent::Share { network });
                                if opens_in_popup(network) && open_popup(&popup_href) {
                                    event.prevent_default();
                                }
                            }
                        >
                            {share_icon(network)}
                            {visible_name}
                        </a>
                    }
                    .into_any()
                }
                None => view! {
                    <button
                        type="button"
                        class="aw-share-button"
                        part="share-button"
                        data-network=network.id()
                        aria-label=label
                        on:click=move |_| {
                            let shared = content.with_value(|c| act(network, c, strings, copied));
                            if shared {
                                events.emit(WidgetEvent::Share { network });
                            }
                        }
                    >
                        {share_icon(network)}
                        {visible_name}
                    </button>
                }
                .into_any(),
            };
            view! { <li>{item}</li> }
        })
        .collect_view();
    view! {
        <div class="aw-share">
            <ul class="aw-share-bar" part="share-bar" aria-label=strings.share>
                {buttons}
            </ul>
            <span class="aw-share-status" role="status">
                {move || copied.get().then_some(strings.copied)}
            </span>
        </div>
    }
}

/// Runs a button network's action; returns whether anything was shared.
fn act(
    network: ShareNetwork,
    content: &ShareContent,
    strings: &'static Strings,
    copied: RwSignal<bool>,
) -> bool {
    match network {
        ShareNetwork::Copy => {
            copy_to_clipboard(content.url.clone(), strings, copied);
            true
        }
        ShareNetwork::Native => {
            let data = Object::new();
            let _ = Reflect::set(&data, &"title".into(), &content.text.as_str().into());
            let _ = Reflect::set(&data, &"url".into(), &content.url.as_str().into());
            // A dismissed sheet rejects; that is the reader's choice, not an error.
            let _ = call_navigator("share", &data);
            true
        }
        ShareNetwork::Mastodon => match mastodon_instance(strings) {
            Some(instance) => match mastodon_link(&instance, &content.page()) {
                Some(link) => {
                    if let Some(window) = web_sys::window() {
                        let _ = window
                            .open_with_url_and_target_and_features(&link, "_blank", "noopener");
                    }
                    true
                }
                None => false,
            },
            None => false,
        },
        _ => false,
    }
}

/// On desktop, opens `href` in a sized popup, as share buttons do; on a touch device (where
/// popups are tabs anyway) returns false and lets the link open its new tab.
fn open_popup(href: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let coarse = window
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if coarse {
        return false;
    }
    let number =
        |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as i32;
    let features = popup_features(
        number(window.screen_x()),
        number(window.screen_y()),
        number(window.outer_width()),
        number(window.outer_height()),
    );
    // With `noopener` the result is always null, so success cannot be told from a blocked
    // popup; a click is a user gesture, which popup blockers allow.
    window
        .open_with_url_and_target_and_features(href, "_blank", &features)
        .is_ok()
}

const MASTODON_KEY: &str = "article-widget:mastodon-instance";

/// The reader's Mastodon server: asked once, then remembered in this browser.
fn mastodon_instance(strings: &'static Strings) -> Option<String> {
    let window = web_sys::window()?;
    let storage = window.local_storage().ok().flatten();
    if let Some(saved) = storage
        .as_ref()
        .and_then(|s| s.get_item(MASTODON_KEY).ok().flatten())
    {
        return Some(saved);
    }
    let answer = window
        .prompt_with_message_and_default(strings.mastodon_prompt, "mastodon.social")
        .ok()
        .flatten()?;
    let instance = answer
        .trim()
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string();
    if let Some(storage) = storage {
        let _ = storage.set_item(MASTODON_KEY, &instance);
    }
    Some(instance)
}

fn navigator_has(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &name.into()).ok())
        .is_some_and(|v| v.is_function())
}

fn call_navigator(method: &str, arg: &JsValue) -> Option<Promise> {
    let navigator = web_sys::window()?.navigator();
    let f = Reflect::get(&navigator, &method.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    f.call1(&navigator, arg).ok()?.dyn_into::<Promise>().ok()
}

/// Copies with the Clipboard API; where it is missing or refused, shows the link in a prompt
/// the reader can copy from.
fn copy_to_clipboard(url: String, strings: &'static Strings, copied: RwSignal<bool>) {
    let clipboard = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    let write = clipboard.as_ref().and_then(|c| {
        let f = Reflect::get(c, &"writeText".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        f.call1(c, &url.as_str().into())
            .ok()?
            .dyn_into::<Promise>()
            .ok()
    });
    leptos::task::spawn_local(async move {
        let ok = match write {
            Some(promise) => JsFuture::from(promise).await.is_ok(),
            None => false,
        };
        if !ok {
            if let Some(window) = web_sys::window() {
                let _ = window.prompt_with_message_and_default(strings.copy_link, &url);
            }
        }
        copied.try_set(ok);
    });
}
