//! Languages: strings, dates and numbers, and the lang of text in another language.

use crate::support::*;

#[wasm_bindgen_test]
fn spanish_dates_and_strings() {
    let article = seed();
    let (root, _h) = mount(move || {
        provide_locale(Locale::new("es"));
        view! { <ArticleCard article=article options=options(Layout::Full) /> }
    });
    assert_eq!(
        text(&root, "[part=date]"),
        "Publicado el 1 de noviembre de 2018"
    );
    assert!(text(&root, "[part=related]").starts_with("RELACIONADO: "));
    assert_eq!(text(&root, "[part=comments] a"), "0 comentarios");
}

#[wasm_bindgen_test]
fn a_language_without_strings_gets_english_words_and_its_own_dates() {
    let article = seed();
    let (root, _h) = mount(move || {
        provide_locale(
            Locale::new("fr").with_intl(Some(&article_widget::host::intl::BROWSER_INTL)),
        );
        view! { <ArticleCard article=article options=options(Layout::Card) /> }
    });
    assert_eq!(text(&root, "[part=date]"), "Published 1 novembre 2018");
    // The English words say they are English, inside a French card; the French date, the count
    // and the article's own text (the headline) do not.
    assert_eq!(text(&root, "[part=date] [lang=en]"), "Published ");
    assert_eq!(attr(&root, "[part=date]", "lang"), None);
    assert_eq!(
        attr(&root, "[part=share-bar]", "lang").as_deref(),
        Some("en")
    );
    assert_eq!(text(&root, "[part=comments] a [lang=en]"), "Comments");
    assert_eq!(attr(&root, "[part=comments]", "lang"), None);
    assert_eq!(attr(&root, "[part=headline]", "lang"), None);
}

#[wasm_bindgen_test]
fn a_language_with_strings_marks_no_text_as_another_language() {
    let article = seed();
    let (root, _h) = mount(move || {
        provide_locale(Locale::new("es"));
        view! { <ArticleCard article=article options=options(Layout::Card) /> }
    });
    assert!(root.query_selector("[lang]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn english_and_spanish_dates_and_counts_match_intl_exactly() {
    use article_widget::host::intl::{format_date_with_intl, format_number_with_intl};
    use article_widget::model::date::DateTime;
    use article_widget::model::i18n::Locale;
    let dates = [
        "2018-11-01T00:00:00Z",
        "2018-11-01T23:30:00-05:00",
        "2024-02-29T12:00:00+09:00",
        "1999-12-31T23:59:59Z",
        "2031-01-09T08:00:00.250+01:00",
    ];
    for lang in ["en", "en-US", "es", "es-ES"] {
        let locale = Locale::new(lang);
        for s in dates {
            let date = DateTime::parse_rfc3339(s).unwrap();
            assert_eq!(
                locale.long_date(&date),
                format_date_with_intl(&date, lang),
                "{lang} {s}"
            );
        }
        for n in [0, 5, 999, 1000, 9999, 10_000, 123_456, 9_876_543_210] {
            assert_eq!(
                locale.count(n),
                format_number_with_intl(n, lang),
                "{lang} {n}"
            );
        }
    }
}
