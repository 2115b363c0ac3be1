use super::intl::format_number;
use crate::model::article::Comments;
use crate::model::i18n::Strings;
use leptos::prelude::*;

/// "0 Comments / Post with no comments.", "1 Comment", "N Comments", linked to the thread.
#[component]
pub fn CommentCount(comments: Comments, strings: &'static Strings, lang: String) -> impl IntoView {
    let text = strings.comment_count(comments.count, &format_number(comments.count, &lang));
    let none_yet = (comments.count == 0)
        .then(|| view! { <span class="aw-comments-empty">{strings.no_comments}</span> });
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
