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
        "headline is missing."
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

/// Every error the widget can show, one of each kind. The matches list every variant without
/// a wildcard, so a new variant does not compile until it is walked here too.
fn every_error() -> Vec<LoadError> {
    use article_widget::model::error::{Expected, NotJson};
    let expected = [
        Expected::String,
        Expected::Object,
        Expected::Array,
        Expected::Number,
        Expected::ObjectOrArray,
        Expected::PositiveInteger,
        Expected::WholeNumber,
        Expected::Pixels,
        Expected::VideoOrAudio,
    ];
    for e in expected {
        match e {
            Expected::String
            | Expected::Object
            | Expected::Array
            | Expected::Number
            | Expected::ObjectOrArray
            | Expected::PositiveInteger
            | Expected::WholeNumber
            | Expected::Pixels
            | Expected::VideoOrAudio => {}
        }
    }
    let url_errors = [
        UrlError::Empty,
        UrlError::Scheme("javascript".into()),
        UrlError::NoHost,
    ];
    for e in &url_errors {
        match e {
            UrlError::Empty | UrlError::Scheme(_) | UrlError::NoHost => {}
        }
    }
    let not_json = [
        NotJson::Empty,
        NotJson::NotText,
        NotJson::EndsEarly { line: 3, column: 1 },
        NotJson::Syntax {
            line: 1,
            column: 15,
        },
    ];
    for e in not_json {
        match e {
            NotJson::Empty
            | NotJson::NotText
            | NotJson::EndsEarly { .. }
            | NotJson::Syntax { .. } => {}
        }
    }
    let mut problems = vec![
        Problem::Missing,
        Problem::Empty,
        Problem::Date,
        Problem::Repeated,
    ];
    problems.extend(expected.map(Problem::WrongType));
    problems.extend(expected.map(Problem::Value));
    problems.extend(url_errors.iter().cloned().map(Problem::Url));
    for p in &problems {
        match p {
            Problem::Missing
            | Problem::Empty
            | Problem::Date
            | Problem::Repeated
            | Problem::WrongType(_)
            | Problem::Value(_)
            | Problem::Url(_) => {}
        }
    }
    let mut errors = vec![
        LoadError::NoSource,
        LoadError::Http(404),
        LoadError::Network,
        LoadError::Timeout { seconds: 10 },
        LoadError::TooLarge {
            limit_bytes: 1 << 20,
        },
        LoadError::NotAnObject,
        LoadError::UnsupportedVersion(2),
    ];
    errors.extend(url_errors.iter().cloned().map(LoadError::BadSource));
    errors.extend(not_json.map(LoadError::NotJson));
    errors.extend(problems.into_iter().map(|problem| {
        LoadError::Invalid(FieldError {
            field: "body[3].text".into(),
            problem,
        })
    }));
    for e in &errors {
        match e {
            LoadError::NoSource
            | LoadError::BadSource(_)
            | LoadError::Http(_)
            | LoadError::Network
            | LoadError::Timeout { .. }
            | LoadError::TooLarge { .. }
            | LoadError::NotJson(_)
            | LoadError::NotAnObject
            | LoadError::UnsupportedVersion(_)
            | LoadError::Invalid(_) => {}
        }
    }
    errors
}

/// Each error has one sentence of its own in every language: none missing or left with a
/// placeholder, no two errors worded alike, every language its own words; the console's English
/// (`Display`) is the English Locale's.
#[test]
fn every_error_has_its_own_sentence_in_every_language() {
    use article_widget::model::i18n::LANGUAGES;
    let errors = every_error();
    for strings in LANGUAGES {
        let mut seen: Vec<(String, &LoadError)> = Vec::new();
        for error in &errors {
            let sentence = strings.error_detail(error);
            assert!(
                sentence.len() > 8 && sentence.ends_with('.') && !sentence.contains('{'),
                "{}: {error:?} reads {sentence:?}",
                strings.lang
            );
            // A wrong type and a value outside the allowed ones are worded alike on purpose
            // ("must be a string" either way), and so are an empty field and an empty URL.
            let alike = |a: &LoadError, b: &LoadError| match (a, b) {
                (LoadError::Invalid(a), LoadError::Invalid(b)) => {
                    matches!(
                        (&a.problem, &b.problem),
                        (Problem::WrongType(x), Problem::Value(y))
                            | (Problem::Value(x), Problem::WrongType(y)) if x == y
                    ) || matches!(
                        (&a.problem, &b.problem),
                        (Problem::Url(UrlError::Empty), Problem::Empty)
                            | (Problem::Empty, Problem::Url(UrlError::Empty))
                    )
                }
                _ => false,
            };
            if let Some((_, other)) = seen
                .iter()
                .find(|(s, other)| *s == sentence && !alike(error, other))
            {
                panic!(
                    "{}: {error:?} and {other:?} both read {sentence:?}",
                    strings.lang
                );
            }
            if strings.lang != "en" {
                assert_ne!(
                    sentence,
                    EN.error_detail(error),
                    "{}: {error:?}",
                    strings.lang
                );
            }
            seen.push((sentence, error));
        }
    }
    for error in &errors {
        assert_eq!(error.to_string(), EN.error_detail(error));
    }
}

#[test]
fn errors_read_in_the_readers_language() {
    use article_widget::model::error::{Expected, NotJson};
    let field = |field: &str, problem: Problem| {
        LoadError::Invalid(FieldError {
            field: field.into(),
            problem,
        })
    };
    assert_eq!(
        ES.error_detail(&field("body[3].text", Problem::WrongType(Expected::String))),
        "body[3].text debe ser una cadena de texto."
    );
    assert_eq!(
        ES.error_detail(&field("headline", Problem::Missing)),
        "Falta headline."
    );
    assert_eq!(
        EN.error_detail(&field("headline", Problem::Missing)),
        "headline is missing."
    );
    assert_eq!(
        ES.error_detail(&LoadError::BadSource(UrlError::Scheme("javascript".into()))),
        "src usa el esquema javascript: (solo se permiten http y https)."
    );
    assert_eq!(
        EN.error_detail(&LoadError::NotJson(NotJson::Syntax {
            line: 1,
            column: 15
        })),
        "The response is not JSON (it breaks at line 1, column 15)."
    );
    // A URL problem after what the URL was for, as the console's warnings put it.
    assert_eq!(
        UrlError::Scheme("data".into()).to_string(),
        "uses the data: scheme (only http and https are allowed)"
    );
}

/// Every string of every language is there: the destructuring lists each field, so a new one
/// does not compile until it is checked here; each is text, and each language has its own.
#[test]
fn every_string_is_there_in_every_language() {
    use article_widget::model::i18n::{Strings, LANGUAGES};
    fn texts(strings: &Strings) -> Vec<(&'static str, &'static str)> {
        let Strings {
            lang: _,
            published,
            updated,
            by,
            related,
            breadcrumb,
            live,
            audio_only,
            player_mode,
            play,
            comment_one,
            comment_other,
            no_comments,
            share,
            share_on,
            share_by_email,
            email,
            copy_link,
            copied,
            share_native,
            mastodon_server,
            mastodon_submit,
            mastodon_invalid,
            cancel,
            copy_manually,
            continue_reading,
            loading,
            error_title,
            retry,
            media_error,
            stream_offline,
            player_unavailable,
            go_live,
            live_badge,
            error_http: _,
            error_network: _,
            error_timeout: _,
            error_no_source: _,
            error_too_large: _,
            error_not_json_empty: _,
            error_not_json_not_text: _,
            error_not_json_ends_early: _,
            error_not_json_syntax: _,
            error_not_object: _,
            error_version: _,
            field_missing: _,
            field_empty: _,
            field_wrong: _,
            field_date: _,
            field_repeated: _,
            field_scheme: _,
            field_no_host: _,
            expected: _,
            opinion,
            months,
            long_date,
            group_separator: _,
            group_from_digits: _,
        } = strings;
        // The error sentences are walked by every_error_has_its_own_sentence_in_every_language.
        let mut all = vec![
            ("published", *published),
            ("updated", *updated),
            ("by", *by),
            ("related", *related),
            ("breadcrumb", *breadcrumb),
            ("live", *live),
            ("audio_only", *audio_only),
            ("player_mode", *player_mode),
            ("play", *play),
            ("comment_one", *comment_one),
            ("comment_other", *comment_other),
            ("no_comments", *no_comments),
            ("share", *share),
            ("share_on", *share_on),
            ("share_by_email", *share_by_email),
            ("email", *email),
            ("copy_link", *copy_link),
            ("copied", *copied),
            ("share_native", *share_native),
            ("mastodon_server", *mastodon_server),
            ("mastodon_submit", *mastodon_submit),
            ("mastodon_invalid", *mastodon_invalid),
            ("cancel", *cancel),
            ("copy_manually", *copy_manually),
            ("continue_reading", *continue_reading),
            ("loading", *loading),
            ("error_title", *error_title),
            ("retry", *retry),
            ("media_error", *media_error),
            ("stream_offline", *stream_offline),
            ("player_unavailable", *player_unavailable),
            ("go_live", *go_live),
            ("live_badge", *live_badge),
            ("opinion", *opinion),
            ("long_date", *long_date),
        ];
        all.extend(months.iter().map(|m| ("months", *m)));
        all
    }
    let english = texts(&EN);
    for strings in LANGUAGES {
        for (i, (name, text)) in texts(strings).into_iter().enumerate() {
            assert!(!text.trim().is_empty(), "{}: {name} is empty", strings.lang);
            if strings.lang != "en" {
                // "Share" the button and "Share" the form's submit may share a word, but no
                // string is left in English.
                assert_ne!(text, english[i].1, "{}: {name} is English", strings.lang);
            }
        }
    }
}

/// A fake `Intl` that says which language it was asked for.
struct NamedIntl;

impl article_widget::model::i18n::Intl for NamedIntl {
    fn long_date(
        &self,
        _date: &article_widget::model::date::DateTime,
        lang: &str,
    ) -> Option<String> {
        (lang != "xx").then(|| format!("date in {lang}"))
    }
    fn number(&self, n: u64, lang: &str) -> Option<String> {
        (lang != "xx").then(|| format!("{n} in {lang}"))
    }
}

static NAMED_INTL: NamedIntl = NamedIntl;

/// The Locale writes English and Spanish dates and numbers itself, asks `Intl` for the rest
/// (English where `Intl` refuses the language), and without `Intl` (a server) falls back to the
/// JSON's date and plain digits.
#[test]
fn the_locale_writes_dates_and_numbers_itself_or_through_intl() {
    use article_widget::model::date::DateTime;
    use article_widget::model::i18n::Locale;
    let date = DateTime::parse_rfc3339("2018-11-01T00:00:00-05:00").unwrap();
    let intl = Some(&NAMED_INTL as &dyn article_widget::model::i18n::Intl);
    assert_eq!(
        Locale::new("es").with_intl(intl).date(&date),
        "1 de noviembre de 2018"
    );
    assert_eq!(Locale::new("en").with_intl(intl).number(1234), "1,234");
    assert_eq!(Locale::new("fr").with_intl(intl).date(&date), "date in fr");
    assert_eq!(Locale::new("fr").with_intl(intl).number(7), "7 in fr");
    assert_eq!(Locale::new("xx").with_intl(intl).date(&date), "date in en");
    assert_eq!(Locale::new("fr").date(&date), "2018-11-01");
    assert_eq!(Locale::new("fr").number(1234), "1234");
}

/// Text from a language's table carries that language where the card is in another one.
#[test]
fn strings_in_another_language_than_the_cards_say_so() {
    use article_widget::model::i18n::Locale;
    assert_eq!(Locale::new("ar").strings_lang(), Some("en"));
    assert_eq!(Locale::new("fr-CA").strings_lang(), Some("en"));
    assert_eq!(Locale::new("es-MX").strings_lang(), None);
    assert_eq!(Locale::new("en-GB").strings_lang(), None);
    assert_eq!(Locale::new("EN").strings_lang(), None);
}
