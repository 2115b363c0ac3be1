//! Every string the reader sees, one table per language.
//!
//! To add a language: copy [`EN`], translate the strings (its `lang` is the primary language
//! subtag), and add it to [`LANGUAGES`]. Dates and numbers need nothing here: the [`Locale`]
//! asks the browser's `Intl` for any language the widget does not write itself, even one
//! without a table.

use super::date::DateTime;
use super::error::{Expected, FieldError, LoadError, NotJson, Problem};
use super::url::UrlError;
use std::fmt;

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
    /// An HLS live stream that is not on the air (its playlist is missing or empty).
    pub stream_offline: &'static str,
    /// For the publisher (the console and the error event): the script player for HLS could not
    /// be loaded from the bundle's host, or not started.
    pub player_unavailable: &'static str,
    /// The control that takes a player that fell behind back to the live edge.
    pub go_live: &'static str,
    /// Shown on a live stream while it plays at the live edge.
    pub live_badge: &'static str,
    /// What went wrong, under `error_title`: `{status}`, `{seconds}`, `{kib}`, `{version}`,
    /// `{line}` and `{column}` are replaced.
    pub error_http: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_no_source: &'static str,
    pub error_too_large: &'static str,
    pub error_not_json_empty: &'static str,
    pub error_not_json_not_text: &'static str,
    pub error_not_json_ends_early: &'static str,
    pub error_not_json_syntax: &'static str,
    pub error_not_object: &'static str,
    pub error_version: &'static str,
    /// A field's problem; `{field}` is its path as the JSON spells it (`body[3].text`,
    /// `datePublished`: never capitalized, even where it starts the sentence), `{expected}` one
    /// of `expected`, `{scheme}` a refused URL scheme.
    pub field_missing: &'static str,
    pub field_empty: &'static str,
    pub field_wrong: &'static str,
    pub field_date: &'static str,
    pub field_repeated: &'static str,
    pub field_scheme: &'static str,
    pub field_no_host: &'static str,
    /// What a field must be.
    pub expected: ExpectedWords,
    /// The word for an opinion piece, as a label (schema.org's `OpinionNewsArticle`).
    pub opinion: &'static str,
    /// Month names, January first, as they stand in a long date.
    pub months: [&'static str; 12],
    /// A long date; `{day}`, `{month}` and `{year}` are replaced.
    pub long_date: &'static str,
    /// Between groups of three digits in a number.
    pub group_separator: char,
    /// Numbers with fewer digits are written without separators (Spanish groups only from
    /// five digits: "1000", "12.345").
    pub group_from_digits: usize,
}

/// What a field must be ([`Expected`]), in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct ExpectedWords {
    pub string: &'static str,
    pub object: &'static str,
    pub array: &'static str,
    pub number: &'static str,
    pub object_or_array: &'static str,
    pub positive_integer: &'static str,
    pub whole_number: &'static str,
    pub pixels: &'static str,
    pub video_or_audio: &'static str,
}

impl ExpectedWords {
    pub fn of(&self, expected: Expected) -> &'static str {
        match expected {
            Expected::String => self.string,
            Expected::Object => self.object,
            Expected::Array => self.array,
            Expected::Number => self.number,
            Expected::ObjectOrArray => self.object_or_array,
            Expected::PositiveInteger => self.positive_integer,
            Expected::WholeNumber => self.whole_number,
            Expected::Pixels => self.pixels,
            Expected::VideoOrAudio => self.video_or_audio,
        }
    }
}

/// Dates and numbers in the languages the widget does not write itself: the browser's `Intl`
/// (`host::intl`). A server has none; the pre-renderer's locale goes without.
pub trait Intl: Sync {
    /// A long date, as `Intl.DateTimeFormat` writes it with `dateStyle: "long"` in UTC.
    fn long_date(&self, date: &DateTime, lang: &str) -> Option<String>;
    /// A whole number, as `Intl.NumberFormat` writes it.
    fn number(&self, n: u64, lang: &str) -> Option<String>;
}

/// The reader's language as the widget speaks it: the tag, its strings and direction, and its
/// dates and numbers. The widget provides one to every component under it (Leptos context);
/// every text a reader sees comes from it.
#[derive(Clone)]
pub struct Locale {
    /// The BCP 47 tag, as the root's `lang`.
    pub lang: String,
    pub strings: &'static Strings,
    intl: Option<&'static dyn Intl>,
}

impl PartialEq for Locale {
    fn eq(&self, other: &Locale) -> bool {
        self.lang == other.lang
            && std::ptr::eq(self.strings, other.strings)
            && self.intl.is_some() == other.intl.is_some()
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locale")
            .field("lang", &self.lang)
            .field("strings", &self.strings.lang)
            .field("intl", &self.intl.is_some())
            .finish()
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::new("en")
    }
}

impl Locale {
    /// The locale of `lang`, writing dates and numbers only in the languages it has tables for.
    pub fn new(lang: &str) -> Locale {
        Locale {
            lang: lang.to_string(),
            strings: strings_for(lang),
            intl: None,
        }
    }

    /// The same, with `intl` for the dates and numbers of other languages.
    pub fn with_intl(self, intl: Option<&'static dyn Intl>) -> Locale {
        Locale { intl, ..self }
    }

    /// The language of the strings, where it is not the card's: "en" in a card in a language
    /// without a table of its own. An element that shows them carries it as its `lang`, so that
    /// a screen reader speaks English words as English.
    pub fn strings_lang(&self) -> Option<&'static str> {
        let primary = self.lang.split(['-', '_']).next().unwrap_or("");
        (!primary.eq_ignore_ascii_case(self.strings.lang)).then_some(self.strings.lang)
    }

    /// "November 1, 2018" (en), "1 de noviembre de 2018" (es): the publisher's calendar date, in
    /// the reader's language, wherever the reader is. English and Spanish are written here (the
    /// view tests check them against `Intl`); other languages through `Intl`, else English,
    /// else the date as the JSON gives it.
    pub fn date(&self, date: &DateTime) -> String {
        self.long_date(date)
            .or_else(|| self.intl?.long_date(date, &self.lang))
            .or_else(|| self.intl?.long_date(date, "en"))
            .unwrap_or_else(|| {
                date.original
                    .get(..10)
                    .unwrap_or(&date.original)
                    .to_string()
            })
    }

    /// "1,234" (en), "1234" / "12.345" (es): written here for those two, else through `Intl`,
    /// else in plain digits.
    pub fn number(&self, n: u64) -> String {
        self.count(n)
            .or_else(|| self.intl?.number(n, &self.lang))
            .unwrap_or_else(|| n.to_string())
    }

    /// The root's `dir`.
    pub fn dir(&self) -> &'static str {
        if is_rtl(&self.lang) {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether the widget writes this tag's dates and numbers itself, exactly as `Intl` would
    /// (the tags whose `Intl` output the browser tests compare against); others go through
    /// `Intl`, whose first use costs a page several milliseconds of locale data.
    fn writes_own_format(&self) -> bool {
        matches!(
            self.lang.to_ascii_lowercase().as_str(),
            "en" | "en-us" | "es" | "es-es"
        )
    }

    /// "November 1, 2018" in English, "1 de noviembre de 2018" in Spanish: the publisher's
    /// calendar date as `Intl.DateTimeFormat` writes it with `dateStyle: "long"`. `None` for
    /// the languages the widget does not write itself (and for years before 1000).
    pub fn long_date(&self, date: &DateTime) -> Option<String> {
        if !self.writes_own_format() {
            return None;
        }
        let (year, month, day) = date.calendar_date()?;
        if year < 1000 {
            return None;
        }
        let month = self
            .strings
            .months
            .get(usize::from(month).checked_sub(1)?)?;
        Some(
            self.strings
                .long_date
                .replace("{day}", &day.to_string())
                .replace("{month}", month)
                .replace("{year}", &year.to_string()),
        )
    }

    /// The sentence the reader sees under the error title.
    pub fn error_detail(&self, error: &LoadError) -> String {
        self.strings.error_detail(error)
    }

    /// A whole number as `Intl.NumberFormat` writes it in English ("1,234") or Spanish
    /// ("1234", "12.345"); `None` for the languages the widget does not write itself.
    pub fn count(&self, n: u64) -> Option<String> {
        if !self.writes_own_format() {
            return None;
        }
        let digits = n.to_string();
        if digits.len() < self.strings.group_from_digits {
            return Some(digits);
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.strings.group_separator);
            }
            out.push(c);
        }
        Some(out)
    }
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
    stream_offline: "This live stream is off the air right now.",
    player_unavailable: "The live player (hls.js) could not be loaded or started; check that its file is on the widget's host and served as JavaScript.",
    go_live: "Go live",
    live_badge: "LIVE",
    error_http: "The server answered HTTP {status}.",
    error_network: "Network error: the server could not be reached.",
    error_timeout: "Timeout: no answer after {seconds} s.",
    error_no_source: "The element has no src attribute.",
    error_too_large: "The response is larger than {kib} KiB.",
    error_not_json_empty: "The response is not JSON (the body is empty).",
    error_not_json_not_text: "The response is not JSON (the body is not UTF-8 text).",
    error_not_json_ends_early:
        "The response is not JSON (it ends too early, at line {line}, column {column}).",
    error_not_json_syntax: "The response is not JSON (it breaks at line {line}, column {column}).",
    error_not_object: "The JSON is not an article object.",
    error_version:
        "Unsupported version {version}: this widget reads version 1 of the article format.",
    field_missing: "{field} is missing.",
    field_empty: "{field} is empty.",
    field_wrong: "{field} must be {expected}.",
    field_date: "{field} is not an RFC 3339 date-time (like 2018-11-01T00:00:00Z).",
    field_repeated: "{field} appears twice.",
    field_scheme: "{field} uses the {scheme}: scheme (only http and https are allowed).",
    field_no_host: "{field} has no host.",
    expected: ExpectedWords {
        string: "a string",
        object: "an object",
        array: "an array",
        number: "a number",
        object_or_array: "an object or an array",
        positive_integer: "a positive integer",
        whole_number: "a whole number, 0 or more",
        pixels: "a positive whole number of pixels",
        video_or_audio: "\"video\" or \"audio\"",
    },
    opinion: "Opinion",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    long_date: "{month} {day}, {year}",
    group_separator: ',',
    group_from_digits: 4,
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
    stream_offline: "Esta transmisión en vivo no está al aire en este momento.",
    player_unavailable: "No se pudo cargar ni iniciar el reproductor en vivo (hls.js); comprueba que su archivo está en el servidor del widget y se sirve como JavaScript.",
    go_live: "Ir al directo",
    live_badge: "EN VIVO",
    error_http: "El servidor respondió HTTP {status}.",
    error_network: "Error de red: no se pudo contactar con el servidor.",
    error_timeout: "Tiempo agotado: sin respuesta tras {seconds} s.",
    error_no_source: "El elemento no tiene atributo src.",
    error_too_large: "La respuesta ocupa más de {kib} KiB.",
    error_not_json_empty: "La respuesta no es JSON (el cuerpo está vacío).",
    error_not_json_not_text: "La respuesta no es JSON (el cuerpo no es texto UTF-8).",
    error_not_json_ends_early:
        "La respuesta no es JSON (termina antes de tiempo, en la línea {line}, columna {column}).",
    error_not_json_syntax:
        "La respuesta no es JSON (se rompe en la línea {line}, columna {column}).",
    error_not_object: "El JSON no es un objeto de artículo.",
    error_version:
        "Versión {version} no admitida: este widget lee la versión 1 del formato de artículo.",
    field_missing: "Falta {field}.",
    field_empty: "{field} está vacío.",
    field_wrong: "{field} debe ser {expected}.",
    field_date: "{field} no es una fecha y hora RFC 3339 (como 2018-11-01T00:00:00Z).",
    field_repeated: "{field} aparece dos veces.",
    field_scheme: "{field} usa el esquema {scheme}: (solo se permiten http y https).",
    field_no_host: "{field} no tiene servidor.",
    expected: ExpectedWords {
        string: "una cadena de texto",
        object: "un objeto",
        array: "un array",
        number: "un número",
        object_or_array: "un objeto o un array",
        positive_integer: "un entero positivo",
        whole_number: "un número entero, 0 o más",
        pixels: "un número entero positivo de píxeles",
        video_or_audio: "\"video\" o \"audio\"",
    },
    opinion: "Opinión",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    long_date: "{day} de {month} de {year}",
    group_separator: '.',
    group_from_digits: 5,
};

/// Every language the widget has strings for; English first.
pub const LANGUAGES: &[&Strings] = &[&EN, &ES];

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

/// The table for a BCP 47 tag, by its primary language; English when there is none.
pub fn strings_for(lang: &str) -> &'static Strings {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|strings| strings.lang == primary)
        .unwrap_or(&EN)
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

    /// The word for `n` comments ("Comment", "Comments"), which follows the number.
    pub fn comment_word(&self, n: u64) -> &'static str {
        match plural(self.lang, n) {
            Plural::One => self.comment_one,
            Plural::Other => self.comment_other,
        }
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
            LoadError::NoSource => self.error_no_source.to_string(),
            LoadError::BadSource(problem) => self.url_problem("src", problem),
            LoadError::TooLarge { limit_bytes } => self
                .error_too_large
                .replace("{kib}", &(limit_bytes / 1024).to_string()),
            LoadError::NotJson(NotJson::Empty) => self.error_not_json_empty.to_string(),
            LoadError::NotJson(NotJson::NotText) => self.error_not_json_not_text.to_string(),
            LoadError::NotJson(NotJson::EndsEarly { line, column }) => {
                at(self.error_not_json_ends_early, *line, *column)
            }
            LoadError::NotJson(NotJson::Syntax { line, column }) => {
                at(self.error_not_json_syntax, *line, *column)
            }
            LoadError::NotAnObject => self.error_not_object.to_string(),
            LoadError::UnsupportedVersion(version) => self
                .error_version
                .replace("{version}", &version.to_string()),
            LoadError::Invalid(FieldError { field, problem }) => {
                let template = match problem {
                    Problem::Missing => self.field_missing.to_string(),
                    Problem::Empty => self.field_empty.to_string(),
                    Problem::Date => self.field_date.to_string(),
                    Problem::Repeated => self.field_repeated.to_string(),
                    Problem::Url(problem) => return self.url_problem(field, problem),
                    Problem::WrongType(expected) | Problem::Value(expected) => self
                        .field_wrong
                        .replace("{expected}", self.expected.of(*expected)),
                };
                template.replace("{field}", field)
            }
        }
    }

    fn url_problem(&self, field: &str, problem: &UrlError) -> String {
        let text = match problem {
            UrlError::Empty => self.field_empty.to_string(),
            UrlError::Scheme(scheme) => self.field_scheme.replace("{scheme}", scheme),
            UrlError::NoHost => self.field_no_host.to_string(),
        };
        text.replace("{field}", field)
    }
}

fn at(template: &str, line: usize, column: usize) -> String {
    template
        .replace("{line}", &line.to_string())
        .replace("{column}", &column.to_string())
}

/// The English sentence, for the publisher: the console and the `article-widget:error` event.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&EN.error_detail(self))
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&EN.error_detail(&LoadError::Invalid(self.clone())))
    }
}

/// What is wrong with a URL, in English, after the name of what it was for (`<a href> that
/// uses the javascript: scheme ...`): the English sentence without its field and full stop.
impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentence = EN.url_problem("{field}", self);
        let clause = sentence
            .strip_prefix("{field} ")
            .unwrap_or(&sentence)
            .trim_end_matches('.');
        f.write_str(clause)
    }
}

/// The words of `template` before and after `placeholder` ("Published " and "" around
/// `{date}`): the widget's own words, which a view marks with the strings' language, around
/// text that is not (a date, a site's name).
pub fn around(template: &'static str, placeholder: &str) -> (&'static str, &'static str) {
    template.split_once(placeholder).unwrap_or((template, ""))
}
