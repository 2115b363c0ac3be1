//! The one error type of the widget: everything that can stop an article from showing.
//!
//! Its words live in one place, the reader's `Locale` (`i18n`); `Display` writes the English
//! sentence from there, for the console and the `article-widget:error` event.

use super::url::UrlError;

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
    /// The body is not JSON text.
    NotJson(NotJson),
    /// The JSON is not an article object (an array, a string, ...).
    NotAnObject,
    /// `version` names a major version this widget does not read.
    UnsupportedVersion(u64),
    /// A field is missing, of the wrong type, or has a value the format does not allow.
    Invalid(FieldError),
}

/// Why a body is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotJson {
    /// Nothing but white space.
    Empty,
    /// Bytes that are not UTF-8.
    NotText,
    /// The JSON ends before its last value does; where the text ends.
    EndsEarly { line: usize, column: usize },
    /// Something that is not JSON's syntax, at this line and column.
    Syntax { line: usize, column: usize },
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
/// (`Strings::expected`).
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

impl From<FieldError> for LoadError {
    fn from(err: FieldError) -> Self {
        LoadError::Invalid(err)
    }
}
