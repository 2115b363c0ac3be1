//! Share targets and the links they open. Every network is a plain link built here: no
//! third-party script, nothing requested before the reader clicks.
//!
//! [`NETWORKS`] is the one table of networks: the share list's ids and aliases, the share
//! bar's names and icons, and how each opens come from it; tests check the configurator's
//! list, the docs' table and the embed spec's ids against it, both ways.

use super::i18n::Strings;

/// A share target, by its id in the embed spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareNetwork {
    X,
    Facebook,
    Linkedin,
    Whatsapp,
    Telegram,
    Reddit,
    Bluesky,
    Threads,
    Mastodon,
    Email,
    /// Copies the article URL to the clipboard.
    Copy,
    /// The browser's share sheet, where there is one.
    Native,
}

/// What a share list entry turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum ShareId {
    Network(ShareNetwork),
    /// A service that has closed; accepted so old embed codes keep working, and skipped.
    Retired(&'static str),
    Unknown,
}

/// Shown when the `share` attribute is absent.
pub const DEFAULT_SHARE: &[ShareNetwork] = &[
    ShareNetwork::X,
    ShareNetwork::Facebook,
    ShareNetwork::Whatsapp,
    ShareNetwork::Bluesky,
    ShareNetwork::Linkedin,
    ShareNetwork::Email,
    ShareNetwork::Copy,
];

/// How a network's share opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opens {
    /// Its share page, in a sized popup on desktop and a new tab on touch devices.
    Popup,
    /// The reader's mail app (`mailto:`).
    MailApp,
    /// Something the widget does itself: copy, the share sheet, the Mastodon form.
    InWidget,
}

/// Everything the widget knows of one network but its link: the one table the model, the icons
/// and the share bar read (and, checked by tests, the configurator, the docs and the spec).
#[derive(Debug)]
pub struct NetworkInfo {
    pub network: ShareNetwork,
    /// The id in the embed spec, also used in `article-widget:share` events.
    pub id: &'static str,
    /// Other ids the share list accepts for it (a network's former name).
    pub aliases: &'static [&'static str],
    /// The service's own name, for "Share on X".
    pub brand: &'static str,
    pub opens: Opens,
    /// The icon: one SVG path on a 24 x 24 grid, and whether it is filled rather than stroked.
    pub icon: (&'static str, bool),
}

/// Every network, in the order of the embed spec.
#[rustfmt::skip]
pub const NETWORKS: &[NetworkInfo] = &[
    NetworkInfo { network: ShareNetwork::X, id: "x", aliases: &["twitter"], brand: "X", opens: Opens::Popup, icon: ("M4 4l16 16M20 4L4 20", false) },
    NetworkInfo { network: ShareNetwork::Facebook, id: "facebook", aliases: &[], brand: "Facebook", opens: Opens::Popup, icon: ("M14 7h3V3h-3a4 4 0 0 0-4 4v3H7v4h3v7h4v-7h3l1-4h-4V7.5a.5.5 0 0 1 .5-.5z", true) },
    NetworkInfo { network: ShareNetwork::Linkedin, id: "linkedin", aliases: &[], brand: "LinkedIn", opens: Opens::Popup, icon: ("M5 9h3v10H5zM6.5 4a1.75 1.75 0 1 1 0 3.5 1.75 1.75 0 0 1 0-3.5zM10 9h3v1.5c.6-1 1.8-1.8 3.3-1.8 2.6 0 3.7 1.7 3.7 4.6V19h-3v-5.2c0-1.4-.4-2.3-1.7-2.3-1.4 0-2.3 1-2.3 2.5V19h-3z", true) },
    NetworkInfo { network: ShareNetwork::Whatsapp, id: "whatsapp", aliases: &[], brand: "WhatsApp", opens: Opens::Popup, icon: ("M4 20l1.4-4A8 8 0 1 1 8 18.6zM9 9c0 3 3 6 6 6l1-1.5-2-1-1 1c-1 0-2.5-1.5-2.5-2.5l1-1-1-2z", false) },
    NetworkInfo { network: ShareNetwork::Telegram, id: "telegram", aliases: &[], brand: "Telegram", opens: Opens::Popup, icon: ("M3 11l17-7-3 16-5-4-3 3v-5l8-7-10 6z", true) },
    NetworkInfo { network: ShareNetwork::Reddit, id: "reddit", aliases: &[], brand: "Reddit", opens: Opens::Popup, icon: ("M6 14a6 4 0 1 0 12 0 6 4 0 1 0-12 0M12 10l1.5-5 4 1M9.5 13.5h0M14.5 13.5h0M9.5 16.5c1.5 1 3.5 1 5 0", false) },
    NetworkInfo { network: ShareNetwork::Bluesky, id: "bluesky", aliases: &[], brand: "Bluesky", opens: Opens::Popup, icon: ("M12 11C10.5 8 7 4 4.5 4 3 4 3.5 7 4 9c.6 2.2 2.6 3 5 2.7-2.5.5-4.3 1.8-2.5 4.3 2.6 3.4 4.6.5 5.5-2.5.9 3 2.9 5.9 5.5 2.5 1.8-2.5 0-3.8-2.5-4.3 2.4.3 4.4-.5 5-2.7.5-2 1-5-.5-5C17 4 13.5 8 12 11z", true) },
    NetworkInfo { network: ShareNetwork::Threads, id: "threads", aliases: &[], brand: "Threads", opens: Opens::Popup, icon: ("M16 11c-.5-3-2.5-4-4.5-4C9 7 8 9 8 12s1.5 5 4 5 4-1.5 4-4-2-3-4-3-3 1-3 2 1 2 2.5 2 3.5-1 3.5-4M19 12a7 7 0 1 1-2-5", false) },
    NetworkInfo { network: ShareNetwork::Mastodon, id: "mastodon", aliases: &[], brand: "Mastodon", opens: Opens::InWidget, icon: ("M5 6a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-5l-3 3v-3H8a3 3 0 0 1-3-3zM9 13V9l3 3 3-3v4", false) },
    NetworkInfo { network: ShareNetwork::Email, id: "email", aliases: &[], brand: "Email", opens: Opens::MailApp, icon: ("M3 6h18v12H3zM3 7l9 6 9-6", false) },
    NetworkInfo { network: ShareNetwork::Copy, id: "copy", aliases: &[], brand: "Copy link", opens: Opens::InWidget, icon: ("M8 8h11v11H8zM5 16V5h11", false) },
    NetworkInfo { network: ShareNetwork::Native, id: "native", aliases: &[], brand: "Share", opens: Opens::InWidget, icon: ("M12 3v12M8 7l4-4 4 4M5 12v8h14v-8", false) },
];

/// Services that have closed: their ids are accepted, so old embed codes keep working, and
/// skipped with the reason.
pub const RETIRED: &[(&str, &str)] = &[("googleplus", "Google+ closed in April 2019")];

/// What a share button is called: the text it shows, and its accessible name, which contains
/// that text (WCAG 2.5.3, Label in Name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareNames {
    pub visible: String,
    pub accessible: String,
}

/// Stands in for a network missing from [`NETWORKS`], which a test rules out.
const UNLISTED: NetworkInfo = NetworkInfo {
    network: ShareNetwork::Copy,
    id: "",
    aliases: &[],
    brand: "",
    opens: Opens::InWidget,
    icon: ("", false),
};

impl ShareNetwork {
    /// This network's row of [`NETWORKS`].
    pub fn info(self) -> &'static NetworkInfo {
        NETWORKS
            .iter()
            .find(|row| row.network == self)
            .unwrap_or(&UNLISTED)
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn brand(self) -> &'static str {
        self.info().brand
    }

    pub fn from_id(id: &str) -> ShareId {
        let id = id.trim().to_ascii_lowercase();
        if let Some((_, why)) = RETIRED.iter().find(|(retired, _)| *retired == id) {
            return ShareId::Retired(why);
        }
        NETWORKS
            .iter()
            .find(|row| row.id == id || row.aliases.contains(&id.as_str()))
            .map_or(ShareId::Unknown, |row| ShareId::Network(row.network))
    }

    /// The button's names in the reader's language: "Share on X" around the brand, or the
    /// widget's own words for what it does itself.
    pub fn names(self, strings: &Strings) -> ShareNames {
        let (visible, accessible) = match self {
            ShareNetwork::Email => (
                strings.email.to_string(),
                strings.share_by_email.to_string(),
            ),
            ShareNetwork::Copy => (strings.copy_link.to_string(), strings.copy_link.to_string()),
            ShareNetwork::Native => (strings.share.to_string(), strings.share_native.to_string()),
            other => (
                other.brand().to_string(),
                strings.share_on_network(other.brand()),
            ),
        };
        ShareNames {
            visible,
            accessible,
        }
    }

    /// The share link, for the networks that are links. `None` for [`ShareNetwork::Copy`],
    /// [`ShareNetwork::Native`] and [`ShareNetwork::Mastodon`], which need the browser or the
    /// reader's instance.
    pub fn link(self, page: &SharePage) -> Option<String> {
        let url = encode_component(page.url);
        let text = encode_component(page.text);
        let text_and_url = encode_component(&format!("{} {}", page.text, page.url));
        let link = match self {
            ShareNetwork::X => {
                let mut link = format!("https://x.com/intent/tweet?url={url}&text={text}");
                if !page.hashtags.is_empty() {
                    let tags: Vec<String> = page
                        .hashtags
                        .iter()
                        .map(|t| t.trim_start_matches('#').to_string())
                        .collect();
                    link.push_str("&hashtags=");
                    link.push_str(&encode_component(&tags.join(",")));
                }
                if let Some(via) = page.via {
                    link.push_str("&via=");
                    link.push_str(&encode_component(via.trim_start_matches('@')));
                }
                link
            }
            ShareNetwork::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
            ShareNetwork::Linkedin => {
                format!("https://www.linkedin.com/sharing/share-offsite/?url={url}")
            }
            ShareNetwork::Whatsapp => format!("https://wa.me/?text={text_and_url}"),
            ShareNetwork::Telegram => format!("https://t.me/share/url?url={url}&text={text}"),
            ShareNetwork::Reddit => format!("https://www.reddit.com/submit?url={url}&title={text}"),
            ShareNetwork::Bluesky => {
                format!(
                    "https://bsky.app/intent/compose?text={}",
                    encode_component(&bluesky_text(page))
                )
            }
            ShareNetwork::Threads => {
                format!("https://www.threads.net/intent/post?text={text_and_url}")
            }
            ShareNetwork::Email => format!("mailto:?subject={text}&body={url}"),
            ShareNetwork::Mastodon | ShareNetwork::Copy | ShareNetwork::Native => return None,
        };
        Some(link)
    }
}

/// The reader's Mastodon server as typed (`mastodon.social`, `https://Mastodon.Social/`,
/// `@me@mastodon.social`, `social.example:8443`), as the host (and port) to open, or `None`
/// if it is not a host name. It ends up in a URL the widget opens, so nothing but a host is
/// accepted: letters, digits and hyphens in dot-separated labels of 1 to 63 characters, at
/// least two labels, optionally a port.
pub fn mastodon_server(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let typed = typed
        .strip_prefix("https://")
        .or_else(|| typed.strip_prefix("http://"))
        .unwrap_or(typed);
    let typed = typed.trim_end_matches('/');
    // A handle (`@me@host`) names its server after the last `@`.
    let typed = typed.rsplit('@').next().unwrap_or(typed);
    let (host, port) = match typed.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (typed, None),
    };
    let host = host.to_ascii_lowercase();
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let host_ok =
        host.len() <= 253 && host.split('.').count() >= 2 && host.split('.').all(label_ok);
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok_and(|n| n > 0));
    (host_ok && port_ok).then(|| match port {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// The share link on the reader's own Mastodon server, or `None` if `server` is not one (see
/// [`mastodon_server`]).
pub fn mastodon_link(server: &str, page: &SharePage) -> Option<String> {
    mastodon_server(server).map(|host| {
        format!(
            "https://{host}/share?text={}",
            encode_component(&format!("{} {}", page.text, page.url))
        )
    })
}

/// The size of the share popup on desktop, in CSS pixels.
pub const POPUP_SIZE: (i32, i32) = (600, 560);

/// `window.open` features for a share popup centred over a browser window at
/// (`left`, `top`) of `width` x `height`. `noopener`: the network's page cannot reach back into
/// the host page.
pub fn popup_features(left: i32, top: i32, width: i32, height: i32) -> String {
    let (w, h) = POPUP_SIZE;
    let x = left + (width - w).max(0) / 2;
    let y = top + (height - h).max(0) / 2;
    format!("popup,width={w},height={h},left={x},top={y},noopener,noreferrer")
}

/// Whether a network's link opens in a popup (on desktop); mail opens the mail app instead.
pub fn opens_in_popup(network: ShareNetwork) -> bool {
    network.info().opens == Opens::Popup
}

/// What is shared: the canonical URL and the text that goes with it.
#[derive(Clone, Debug, Default)]
pub struct SharePage<'a> {
    pub url: &'a str,
    pub text: &'a str,
    pub hashtags: &'a [String],
    pub via: Option<&'a str>,
}

/// Bluesky posts hold 300 graphemes. The URL must survive whole, so the text is cut (at a
/// character boundary, with an ellipsis) to make room for it.
fn bluesky_text(page: &SharePage) -> String {
    const LIMIT: usize = 300;
    let url_len = page.url.chars().count();
    let room = LIMIT.saturating_sub(url_len + 1);
    let text: String = if page.text.chars().count() > room {
        let mut cut: String = page.text.chars().take(room.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        page.text.to_string()
    };
    if text.is_empty() {
        page.url.to_string()
    } else {
        format!("{text} {}", page.url)
    }
}

/// Reads the `share` attribute: a comma list of ids, or `none`. Returns the networks and the
/// console warnings for ids that were skipped.
pub fn parse_share_list(value: Option<&str>) -> (Vec<ShareNetwork>, Vec<String>) {
    let Some(value) = value else {
        return (DEFAULT_SHARE.to_vec(), Vec::new());
    };
    if value.trim().eq_ignore_ascii_case("none") {
        return (Vec::new(), Vec::new());
    }
    let mut networks = Vec::new();
    let mut warnings = Vec::new();
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        match ShareNetwork::from_id(id) {
            ShareId::Network(n) if !networks.contains(&n) => networks.push(n),
            ShareId::Network(_) => {}
            ShareId::Retired(why) => warnings.push(format!("share: \"{id}\" skipped: {why}")),
            ShareId::Unknown => warnings.push(format!("share: unknown network \"{id}\" skipped")),
        }
    }
    (networks, warnings)
}

/// Percent-encodes everything but the unreserved characters of RFC 3986, like JavaScript's
/// `encodeURIComponent` but also encoding `!'()*` (RFC 6068 wants them encoded in `mailto:`).
pub fn encode_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3);
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(
                HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(byte & 0xF)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}
