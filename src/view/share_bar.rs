use super::events::EventSink;
use super::icons::share_icon;
use crate::model::events::WidgetEvent;
use crate::model::i18n::Strings;
use crate::model::share::{
    mastodon_link, mastodon_server, opens_in_popup, popup_features, ShareNetwork, SharePage,
};
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

/// What the share bar shows below its buttons.
#[derive(Clone, Copy, Default)]
struct Panels {
    /// "Link copied".
    copied: RwSignal<bool>,
    /// The link in a selected field, where the Clipboard API is missing or refused.
    copy_field: RwSignal<Option<String>>,
    /// The Mastodon server form is open.
    mastodon: RwSignal<bool>,
}

/// The share buttons: plain links for the networks that are links, buttons for copy, native
/// share and Mastodon. Nothing is loaded from any network until the reader clicks.
///
/// Mastodon has no central share page, so its button opens a small form for the reader's
/// server (remembered once it is valid, offered again next time so it can be changed); the
/// share window opens from the form's submit, a gesture of its own, which popup blockers
/// allow.
#[component]
pub fn ShareBar(
    networks: Vec<ShareNetwork>,
    content: ShareContent,
    strings: &'static Strings,
    events: EventSink,
) -> impl IntoView {
    let panels = Panels::default();
    let copied = panels.copied;
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
                            let shared = content.with_value(|c| act(network, c, panels));
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
            {move || panels.copy_field.get().map(|url| view! { <CopyField url=url strings=strings /> })}
            {move || {
                panels.mastodon.get().then(|| {
                    let page = content.get_value();
                    view! { <MastodonForm content=page strings=strings events=events open=panels.mastodon /> }
                })
            }}
        </div>
    }
}

/// Copy link's last resort: the link in a read-only field, selected and focused, for the
/// reader to copy with the keyboard or the context menu.
#[component]
fn CopyField(url: String, strings: &'static Strings) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
            input.select();
        }
    });
    view! {
        <label class="aw-share-field" part="share-field">
            <span>{strings.copy_manually}</span>
            <input node_ref=field type="text" readonly value=url />
        </label>
    }
}

/// A number for element ids that must be unique within the widget's shadow root.
fn next_form_id() -> u32 {
    thread_local! {
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// The reader's Mastodon server, asked in the card: a labelled field (prefilled with the
/// remembered server), Share and Cancel. Escape or Cancel closes it and returns the focus to
/// the Mastodon button.
#[component]
fn MastodonForm(
    content: ShareContent,
    strings: &'static Strings,
    events: EventSink,
    open: RwSignal<bool>,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    let invalid = RwSignal::new(false);
    let error_id = format!("aw-mastodon-error-{}", next_form_id());
    let remembered = remembered_mastodon_server().unwrap_or_default();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let close = move || {
        // Focus goes back to the button that opened the form, not to the top of the page.
        let button = form
            .get_untracked()
            .and_then(|f| f.closest(".aw-share").ok().flatten())
            .and_then(|share| {
                share
                    .query_selector("[data-network=mastodon]")
                    .ok()
                    .flatten()
            })
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        open.set(false);
        if let Some(button) = button {
            let _ = button.focus();
        }
    };
    let submit = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        let typed = field.get_untracked().map(|f| f.value()).unwrap_or_default();
        let Some(server) = mastodon_server(&typed) else {
            invalid.set(true);
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
            }
            return;
        };
        remember_mastodon_server(&server);
        if let Some(link) = mastodon_link(&server, &content.page()) {
            open_share_window(&link);
            events.emit(WidgetEvent::Share {
                network: ShareNetwork::Mastodon,
            });
        }
        open.set(false);
    };
    let described_by = error_id.clone();
    view! {
        <form
            node_ref=form
            class="aw-mastodon"
            part="mastodon-form"
            novalidate
            on:submit=submit
            on:keydown=move |event: web_sys::KeyboardEvent| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    close();
                }
            }
        >
            <label class="aw-share-field">
                <span>{strings.mastodon_server}</span>
                <input
                    node_ref=field
                    type="text"
                    name="server"
                    inputmode="url"
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    placeholder="mastodon.social"
                    value=remembered
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby=described_by
                    on:input=move |_| invalid.set(false)
                />
            </label>
            <button type="submit" class="aw-button">{strings.mastodon_submit}</button>
            <button type="button" class="aw-button" on:click=move |_| close()>{strings.cancel}</button>
            <p id=error_id class="aw-mastodon-error" role="alert">
                {move || invalid.get().then_some(strings.mastodon_invalid)}
            </p>
        </form>
    }
}

/// Runs a button network's action; returns whether anything was shared (the Mastodon button
/// only opens its form: the share comes with the form's submit).
fn act(network: ShareNetwork, content: &ShareContent, panels: Panels) -> bool {
    match network {
        ShareNetwork::Copy => {
            copy_to_clipboard(content.url.clone(), panels);
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
        ShareNetwork::Mastodon => {
            panels.mastodon.update(|open| *open = !*open);
            false
        }
        _ => false,
    }
}

/// Opens a share page in a new tab (`noopener`: it cannot reach back into the host page).
fn open_share_window(link: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.open_with_url_and_target_and_features(link, "_blank", "noopener");
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

/// The server the reader shared to last time, if it is (still) a valid one.
fn remembered_mastodon_server() -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    let saved = storage.get_item(MASTODON_KEY).ok().flatten()?;
    mastodon_server(&saved)
}

fn remember_mastodon_server(server: &str) {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let Some(storage) = storage {
        // Storage may be full or forbidden (private mode); the server is then asked again.
        let _ = storage.set_item(MASTODON_KEY, server);
    }
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

/// Copies with the Clipboard API; where it is missing or refused, shows the link in a selected
/// field the reader can copy from.
fn copy_to_clipboard(url: String, panels: Panels) {
    let clipboard = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    let write = clipboard.as_ref().and_then(|c| {
        let f = Reflect::get(c, &"writeText".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        // `Promise.resolve` adopts any thenable: a promise from another realm (a polyfill
        // from an iframe, or Firefox's WebDriver sandbox) fails an `instanceof Promise` check.
        f.call1(c, &url.as_str().into())
            .ok()
            .map(|result| Promise::resolve(&result))
    });
    leptos::task::spawn_local(async move {
        let ok = match write {
            Some(promise) => JsFuture::from(promise).await.is_ok(),
            None => false,
        };
        panels.copied.try_set(ok);
        panels.copy_field.try_set((!ok).then_some(url));
    });
}
