use super::use_locale;
use crate::model::article::Comments;
use leptos::prelude::*;

/// "0 Comments / Post with no comments.", "1 Comment", "N Comments", linked to the thread.
/// `live` is the count from the comments API, when there is one; until it answers (or for an
/// id it does not know) the count from the article JSON stands.
#[component]
pub fn CommentCount(
    comments: Comments,
    #[prop(optional, into)] live: Option<Signal<Option<u64>>>,
) -> impl IntoView {
    let locale = use_locale();
    let strings_lang = locale.strings_lang();
    let strings = locale.strings;
    let from_json = comments.count;
    let count = move || live.and_then(|l| l.get()).unwrap_or(from_json);
    // "1,234 Comments": the number in the card's language, the word in the strings'.
    let text = move || {
        let n = count();
        match strings_lang {
            None => strings.comment_count(n, &locale.number(n)).into_any(),
            Some(lang) => {
                let word = strings.comment_word(n);
                view! { {locale.number(n)}" "<span lang=lang>{word}</span> }.into_any()
            }
        }
    };
    let none_yet = move || {
        (count() == 0)
            .then(|| view! { <span class="aw-comments-empty" lang=strings_lang>{strings.no_comments}</span> })
    };
    view! {
        <p class="aw-comments" part="comments">
            {match comments.url {
                Some(url) => view! { <a href=url.to_string() target="_blank" rel="noopener">{text}</a> }.into_any(),
                None => view! { <span>{text}</span> }.into_any(),
            }}
            " "
            {none_yet}
        </p>
    }
}
