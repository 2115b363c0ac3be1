use super::event_sink::EventSink;
use super::icons::share_icon;
use super::use_locale;
use crate::model::share::{
    mastodon_link, mastodon_server, opens_in_popup, ShareNames, ShareNetwork, SharePage,
};
use crate::model::widget_event::WidgetEvent;
use crate::services::Services;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    events: EventSink,
) -> impl IntoView {
    let locale = use_locale();
    let strings = locale.strings;
    let strings_lang = locale.strings_lang();
    let panels = Panels::default();
    let copied = panels.copied;
    let browser = Services::get();
    let native_available = browser.with(|b| b.can_share());
    let content = StoredValue::new(content);
    let buttons = networks
        .into_iter()
        .filter(|n| *n != ShareNetwork::Native || native_available)
        .map(|network| {
            let ShareNames {
                visible: visible_name,
                accessible: label,
            } = network.names(strings);
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
                                if opens_in_popup(network)
                                    && browser.with(|b| b.open_popup(&popup_href))
                                {
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
                        // What Copy link copies, for the loader to copy in a reader's first
                        // click on a pre-rendered card (before the live card is there).
                        value=(network == ShareNetwork::Copy).then(|| content.with_value(|c| c.url.clone()))
                        aria-label=label
                        on:click=move |_| {
                            let shared =
                                content.with_value(|c| run_share_button(network, c, panels, browser));
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
            <ul class="aw-share-bar" part="share-bar" aria-label=strings.share lang=strings_lang>
                {buttons}
            </ul>
            <span class="aw-share-status" role="status">
                {move || copied.get().then_some(strings.copied)}
            </span>
            {move || panels.copy_field.get().map(|url| view! { <CopyField url=url /> })}
            {move || {
                panels.mastodon.get().then(|| {
                    let page = content.get_value();
                    view! {
                        <MastodonForm
                            content=page
                            events=events
                            open=panels.mastodon
                            browser=browser
                        />
                    }
                })
            }}
        </div>
    }
}

/// Copy link's last resort: the link in a read-only field, selected and focused, for the
/// reader to copy with the keyboard or the context menu.
#[component]
fn CopyField(url: String) -> impl IntoView {
    let strings = use_locale().strings;
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
    events: EventSink,
    open: RwSignal<bool>,
    browser: Services,
) -> impl IntoView {
    let strings = use_locale().strings;
    let field = NodeRef::<leptos::html::Input>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    let invalid = RwSignal::new(false);
    let error_id = format!("aw-mastodon-error-{}", next_form_id());
    // The server the reader shared to last time, if it is (still) a valid one.
    let remembered = browser
        .with(|b| b.load(MASTODON_KEY))
        .and_then(|saved| mastodon_server(&saved))
        .unwrap_or_default();
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
        browser.with(|b| b.save(MASTODON_KEY, &server));
        if let Some(link) = mastodon_link(&server, &content.page()) {
            browser.with(|b| b.open_tab(&link));
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
fn run_share_button(
    network: ShareNetwork,
    content: &ShareContent,
    panels: Panels,
    browser: Services,
) -> bool {
    match network {
        ShareNetwork::Copy => {
            let copying = browser.with(|b| b.copy(&content.url));
            let url = content.url.clone();
            leptos::task::spawn_local(async move {
                let ok = copying.await;
                panels.copied.try_set(ok);
                // Where the Clipboard API is missing or refused: the link in a selected field.
                panels.copy_field.try_set((!ok).then_some(url));
            });
            true
        }
        ShareNetwork::Native => {
            browser.with(|b| b.share(&content.text, &content.url));
            true
        }
        ShareNetwork::Mastodon => {
            panels.mastodon.update(|open| *open = !*open);
            false
        }
        _ => false,
    }
}

/// Where the reader's Mastodon server is remembered.
pub const MASTODON_KEY: &str = "article-widget:mastodon-instance";
