//! Every string the reader sees, one table per language.
//!
//! To add a language: copy [`EN`], translate the strings, and add its primary language subtag
//! to [`strings_for`]. Dates and numbers need nothing here: the browser's `Intl` formats them in
//! whatever language the article declares, even one without a table.

use super::error::LoadError;

/// The strings of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// The language subtag these strings are in.
    pub lang: &'static str,
    /// Before the published date; `{date}` is replaced.
    pub published: &'static str,
    /// Before the modified date; `{date}` is replaced.
    pub updated: &'static str,
    /// Before author names.
    pub by: &'static str,
    /// The default label of a related-article link.
    pub related: &'static str,
    pub breadcrumb: &'static str,
    pub live: &'static str,
    pub audio_only: &'static str,
    /// Accessible name of the Live / Audio only group.
    pub player_mode: &'static str,
    /// The button that stands in for the player until the reader starts it.
    pub play: &'static str,
    pub comment_one: &'static str,
    pub comment_other: &'static str,
    /// Shown beside the count when it is zero.
    pub no_comments: &'static str,
    /// Accessible name of the share bar.
    pub share: &'static str,
    /// `{network}` is replaced.
    pub share_on: &'static str,
    pub share_by_email: &'static str,
    /// The email button's visible name; the accessible name (`share_by_email`) must contain it.
    pub email: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub share_native: &'static str,
    /// The label of the Mastodon form's server field.
    pub mastodon_server: &'static str,
    /// Its submit button.
    pub mastodon_submit: &'static str,
    /// Shown (and announced) when what the reader typed is not a server name.
    pub mastodon_invalid: &'static str,
    pub cancel: &'static str,
    /// Copy link's last resort, where the Clipboard API is missing or refused: a selected
    /// field with the link.
    pub copy_manually: &'static str,
    /// After a body cut at a cap, the link to the rest; `{site}` is replaced.
    pub continue_reading: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub retry: &'static str,
    /// Shown in the player area when the stream fails (missing, or a format the browser lacks).
    pub media_error: &'static str,
    /// Network-level error sentences; field errors stay in the publisher's technical English.
    pub error_http: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
}

/// The languages whose dates and numbers the widget writes itself, exactly as `Intl` would
/// (the tags whose `Intl` output the browser tests compare against); others go through `Intl`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OwnFormat {
    English,
    Spanish,
}

impl OwnFormat {
    pub fn for_lang(lang: &str) -> Option<OwnFormat> {
        match lang.to_ascii_lowercase().as_str() {
            "en" | "en-us" => Some(OwnFormat::English),
            "es" | "es-es" => Some(OwnFormat::Spanish),
            _ => None,
        }
    }
}

/// A whole number as `Intl.NumberFormat` writes it in English ("1,234") or Spanish ("1234",
/// "12.345": Spanish groups only from five digits); `None` for other languages, which go
/// through `Intl`.
pub fn format_count(n: u64, lang: &str) -> Option<String> {
    let (separator, min_digits) = match OwnFormat::for_lang(lang)? {
        OwnFormat::English => (',', 4),
        OwnFormat::Spanish => ('.', 5),
    };
    let digits = n.to_string();
    if digits.len() < min_digits {
        return Some(digits);
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    Some(out)
}

pub const EN: Strings = Strings {
    lang: "en",
    published: "Published {date}",
    updated: "Updated {date}",
    by: "By",
    related: "RELATED",
    breadcrumb: "Breadcrumb",
    live: "Live",
    audio_only: "Audio only",
    player_mode: "Player mode",
    play: "Play",
    comment_one: "Comment",
    comment_other: "Comments",
    no_comments: "Post with no comments.",
    share: "Share",
    share_on: "Share on {network}",
    share_by_email: "Share by email",
    email: "Email",
    copy_link: "Copy link",
    copied: "Link copied",
    share_native: "More ways to share",
    mastodon_server: "Your Mastodon server",
    mastodon_submit: "Share",
    mastodon_invalid: "Type a server name, such as mastodon.social.",
    cancel: "Cancel",
    copy_manually: "Copy this link",
    continue_reading: "Continue reading on {site}",
    loading: "Loading article…",
    error_title: "This article could not be loaded.",
    retry: "Retry",
    media_error: "This stream could not be played.",
    error_http: "The server answered HTTP {status}.",
    error_network: "Network error: the server could not be reached.",
    error_timeout: "Timeout: no answer after {seconds} s.",
};

pub const ES: Strings = Strings {
    lang: "es",
    published: "Publicado el {date}",
    updated: "Actualizado el {date}",
    by: "Por",
    related: "RELACIONADO",
    breadcrumb: "Ruta de navegación",
    live: "En vivo",
    audio_only: "Solo audio",
    player_mode: "Modo del reproductor",
    play: "Reproducir",
    comment_one: "comentario",
    comment_other: "comentarios",
    no_comments: "Todavía no hay comentarios.",
    share: "Compartir",
    share_on: "Compartir en {network}",
    share_by_email: "Compartir por correo",
    email: "Correo",
    copy_link: "Copiar enlace",
    copied: "Enlace copiado",
    share_native: "Más formas de compartir",
    mastodon_server: "Tu servidor de Mastodon",
    mastodon_submit: "Compartir",
    mastodon_invalid: "Escribe el nombre de un servidor, como mastodon.social.",
    cancel: "Cancelar",
    copy_manually: "Copia este enlace",
    continue_reading: "Sigue leyendo en {site}",
    loading: "Cargando artículo…",
    error_title: "No se pudo cargar este artículo.",
    retry: "Reintentar",
    media_error: "No se pudo reproducir esta transmisión.",
    error_http: "El servidor respondió HTTP {status}.",
    error_network: "Error de red: no se pudo contactar con el servidor.",
    error_timeout: "Tiempo agotado: sin respuesta tras {seconds} s.",
};

/// The table for a BCP 47 tag, by its primary language; English when there is none.
/// The widget's language: the `lang` attribute, else the article's language, else the host
/// page's `<html lang>`, else English. Empty values count as absent.
pub fn choose_language(
    attribute: Option<&str>,
    article: Option<&str>,
    page: Option<&str>,
) -> String {
    [attribute, article, page]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|lang| !lang.is_empty())
        .unwrap_or("en")
        .to_string()
}

pub fn strings_for(lang: &str) -> &'static Strings {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "es" => &ES,
        _ => &EN,
    }
}

/// CLDR plural categories that the shipped languages use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

/// The plural category of a whole number. English and Spanish both have `one` for exactly 1
/// and `other` otherwise (Spanish `many` applies only to millions written with a suffix).
pub fn plural(_lang: &str, n: u64) -> Plural {
    if n == 1 {
        Plural::One
    } else {
        Plural::Other
    }
}

/// Scripts written right to left, for the root's `dir`.
pub fn is_rtl(lang: &str) -> bool {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "yi" | "dv" | "ckb" | "ug"
    )
}

impl Strings {
    /// "0 Comments", "1 Comment", "1,234 Comments"; `formatted` is `n` formatted for the
    /// language by the caller (the browser's `Intl.NumberFormat`).
    pub fn comment_count(&self, n: u64, formatted: &str) -> String {
        let word = match plural(self.lang, n) {
            Plural::One => self.comment_one,
            Plural::Other => self.comment_other,
        };
        format!("{formatted} {word}")
    }

    pub fn published_on(&self, date: &str) -> String {
        self.published.replace("{date}", date)
    }

    pub fn updated_on(&self, date: &str) -> String {
        self.updated.replace("{date}", date)
    }

    pub fn continue_reading_on(&self, site: &str) -> String {
        self.continue_reading.replace("{site}", site)
    }

    pub fn share_on_network(&self, network: &str) -> String {
        self.share_on.replace("{network}", network)
    }

    /// The sentence the reader sees under [`Strings::error_title`].
    pub fn error_detail(&self, error: &LoadError) -> String {
        match error {
            LoadError::Http(status) => self.error_http.replace("{status}", &status.to_string()),
            LoadError::Network => self.error_network.to_string(),
            LoadError::Timeout { seconds } => self
                .error_timeout
                .replace("{seconds}", &seconds.to_string()),
            other => {
                let mut text = other.to_string();
                // The messages are the widget's own English: ASCII, so no Unicode case tables
                // (16 KB of wasm) are needed to capitalize them.
                if let Some(first) = text.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                text.push('.');
                text
            }
        }
    }
}
