//! The one error type of the widget: everything that can stop an article from showing.

use super::url::UrlError;
use std::fmt;

/// Why a widget shows its error state instead of a card.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The element has no `src`.
    NoSource,
    /// `src` is not an http(s) URL.
    BadSource(UrlError),
    /// The endpoint answered with a status outside 200-299.
    Http(u16),
    /// The request failed before any answer: offline, DNS, CORS refused, connection reset.
    Network,
    /// No complete answer within the time limit.
    Timeout { seconds: u32 },
    /// The body is larger than the widget accepts.
    TooLarge { limit_bytes: usize },
    /// The body is not JSON (or not UTF-8); the detail is the parser's.
    NotJson(String),
    /// The JSON is not an article object (an array, a string, ...).
    NotAnObject,
    /// `version` names a major version this widget does not read.
    UnsupportedVersion(u64),
    /// A field is missing, of the wrong type, or has a value the format does not allow.
    Invalid(FieldError),
}

/// A problem with one field, named by its path (`headline`, `image.alt`, `body[3].text`).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Missing,
    /// The JSON type the field must have.
    WrongType(Expected),
    Empty,
    Url(UrlError),
    Date,
    /// A value outside what the format allows.
    Value(Expected),
    /// The object has the field twice.
    Repeated,
}

/// What a field must be: a JSON type, or the values the format allows. Each language words it
/// (`Strings::expected`); [`Expected::english`] is the console's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    Object,
    Array,
    Number,
    ObjectOrArray,
    PositiveInteger,
    WholeNumber,
    Pixels,
    VideoOrAudio,
}

impl Expected {
    /// Its place in a language's list of these words.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn english(self) -> &'static str {
        super::i18n::EN
            .expected
            .get(self.index())
            .copied()
            .unwrap_or("valid")
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = &self.field;
        match &self.problem {
            Problem::Missing => write!(f, "{field} is missing"),
            Problem::WrongType(expected) => write!(f, "{field} must be {}", expected.english()),
            Problem::Empty => write!(f, "{field} is empty"),
            Problem::Url(err) => write!(f, "{field} {err}"),
            Problem::Date => write!(
                f,
                "{field} is not an RFC 3339 date-time (like 2018-11-01T00:00:00Z)"
            ),
            Problem::Value(allowed) => write!(f, "{field} must be {}", allowed.english()),
            Problem::Repeated => write!(f, "{field} appears twice"),
        }
    }
}

/// The technical description, in English: it is written for the publisher who has to fix the
/// endpoint, and shown in the error state and the console. The reader-facing sentence around it
/// is localized (see `i18n`).
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoSource => f.write_str("the element has no src attribute"),
            LoadError::BadSource(err) => write!(f, "src {err}"),
            LoadError::Http(status) => write!(f, "the server answered HTTP {status}"),
            LoadError::Network => f.write_str("network error: the server could not be reached (offline, blocked, or CORS refused)"),
            LoadError::Timeout { seconds } => write!(f, "timeout: no answer after {seconds} s"),
            LoadError::TooLarge { limit_bytes } => {
                write!(f, "the response is larger than {} KiB", limit_bytes / 1024)
            }
            LoadError::NotJson(detail) => write!(f, "the response is not JSON ({detail})"),
            LoadError::NotAnObject => f.write_str("the JSON is not an article object"),
            LoadError::UnsupportedVersion(v) => {
                write!(f, "unsupported version {v}: this widget reads version 1 of the article format")
            }
            LoadError::Invalid(err) => err.fmt(f),
        }
    }
}

impl From<FieldError> for LoadError {
    fn from(err: FieldError) -> Self {
        LoadError::Invalid(err)
    }
}
