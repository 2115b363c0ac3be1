//! Native tests of the reader's Locale: strings, plurals, dates, numbers and error sentences
//! in each language.
#![cfg(not(target_arch = "wasm32"))]
// The panic lints guard src/; a failing test is supposed to panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use article_widget::model::date::DateTime;
use article_widget::model::error::{FieldError, LoadError, Problem};
use article_widget::model::i18n::{strings_for, EN, ES};
use article_widget::model::url::UrlError;

#[test]
fn comment_counts_and_languages() {
    assert_eq!(EN.comment_count(0, "0"), "0 Comments");
    assert_eq!(EN.comment_count(1, "1"), "1 Comment");
    assert_eq!(EN.comment_count(1234, "1,234"), "1,234 Comments");
    assert_eq!(ES.comment_count(1, "1"), "1 comentario");
    assert_eq!(ES.comment_count(2, "2"), "2 comentarios");
    assert_eq!(strings_for("es-MX").lang, "es");
    assert_eq!(strings_for("fr").lang, "en");
    assert_eq!(
        EN.published_on("November 1, 2018"),
        "Published November 1, 2018"
    );
    assert_eq!(
        ES.published_on("1 de noviembre de 2018"),
        "Publicado el 1 de noviembre de 2018"
    );
    assert_eq!(
        EN.error_detail(&LoadError::Http(404)),
        "The server answered HTTP 404."
    );
    assert_eq!(
        EN.error_detail(&LoadError::Invalid(FieldError {
            field: "headline".into(),
            problem: Problem::Missing
        })),
        "Headline is missing."
    );
}

#[test]
fn english_and_spanish_long_dates_are_written_without_intl() {
    use article_widget::model::i18n::Locale;
    let date = |s: &str| DateTime::parse_rfc3339(s).unwrap();
    let in_lang = |date: &DateTime, lang: &str| Locale::new(lang).long_date(date);
    // The publisher's calendar date, whatever the offset.
    let late = date("2018-11-01T23:30:00-05:00");
    assert_eq!(in_lang(&late, "en").as_deref(), Some("November 1, 2018"));
    assert_eq!(in_lang(&late, "en-US").as_deref(), Some("November 1, 2018"));
    assert_eq!(
        in_lang(&late, "es").as_deref(),
        Some("1 de noviembre de 2018")
    );
    assert_eq!(
        in_lang(&date("2024-02-29T00:00:00Z"), "ES-es").as_deref(),
        Some("29 de febrero de 2024")
    );
    // Other languages and far-off years are left to Intl.
    assert_eq!(in_lang(&late, "en-GB"), None);
    assert_eq!(in_lang(&late, "fr"), None);
    assert_eq!(in_lang(&date("0999-01-05T00:00:00Z"), "en"), None);
}

#[test]
fn english_and_spanish_counts_are_grouped_as_intl_groups_them() {
    use article_widget::model::i18n::Locale;
    let format_count = |n: u64, lang: &str| Locale::new(lang).count(n);
    let en: Vec<_> = [0, 7, 999, 1000, 12_345, 1_234_567]
        .iter()
        .map(|n| format_count(*n, "en").unwrap())
        .collect();
    assert_eq!(en, ["0", "7", "999", "1,000", "12,345", "1,234,567"]);
    let es: Vec<_> = [999, 1000, 9999, 10_000, 1_234_567]
        .iter()
        .map(|n| format_count(*n, "es").unwrap())
        .collect();
    assert_eq!(es, ["999", "1000", "9999", "10.000", "1.234.567"]);
    assert_eq!(format_count(1000, "de"), None);
}

#[test]
fn the_language_is_the_attribute_then_the_article_then_the_page_then_english() {
    use article_widget::model::i18n::choose_language;
    assert_eq!(choose_language(Some("es"), Some("ar"), Some("fr")), "es");
    assert_eq!(choose_language(None, Some("ar"), Some("fr")), "ar");
    assert_eq!(choose_language(Some(" "), None, Some("fr-CA")), "fr-CA");
    assert_eq!(choose_language(None, None, Some("")), "en");
    assert_eq!(choose_language(None, None, None), "en");
}

#[test]
fn errors_read_in_the_readers_language() {
    use article_widget::model::error::Expected;
    let field = |field: &str, problem: Problem| {
        LoadError::Invalid(FieldError {
            field: field.into(),
            problem,
        })
    };
    let errors = [
        LoadError::NoSource,
        LoadError::BadSource(UrlError::Scheme("javascript".into())),
        LoadError::TooLarge {
            limit_bytes: 1 << 20,
        },
        LoadError::NotJson("trailing comma at line 1 column 15".into()),
        LoadError::NotAnObject,
        LoadError::UnsupportedVersion(2),
        field("headline", Problem::Missing),
        field("headline", Problem::Empty),
        field("body[3].text", Problem::WrongType(Expected::String)),
        field("comments.count", Problem::Value(Expected::WholeNumber)),
        field("image.url", Problem::Url(UrlError::NoHost)),
        field("published", Problem::Date),
        field("headline", Problem::Repeated),
    ];
    for error in &errors {
        // The reader's English sentence is the console's message, as a sentence.
        let console = error.to_string();
        let sentence = format!("{}{}.", console[..1].to_ascii_uppercase(), &console[1..]);
        assert_eq!(EN.error_detail(error), sentence);
        // And every one has its own Spanish.
        assert_ne!(ES.error_detail(error), sentence, "{error:?}");
    }
    assert_eq!(
        ES.error_detail(&errors[8]),
        "Body[3].text debe ser una cadena de texto."
    );
    assert_eq!(ES.error_detail(&errors[6]), "Falta headline.");
    assert_eq!(
        ES.error_detail(&errors[1]),
        "Src usa el esquema javascript: (solo se permiten http y https)."
    );
}
