use crate::model::article::NamedLink;
use leptos::prelude::*;

/// News > Latin America: a navigation landmark with an ordered list, links where given.
#[component]
pub fn Breadcrumb(items: Vec<NamedLink>, label: &'static str) -> impl IntoView {
    view! {
        <nav class="aw-breadcrumb" part="breadcrumb" aria-label=label>
            <ol>
                {items
                    .into_iter()
                    .map(|item| {
                        let name = item.name;
                        view! {
                            <li>
                                {match item.url {
                                    Some(url) => view! { <a href=url.to_string() target="_blank" rel="noopener">{name}</a> }.into_any(),
                                    None => view! { <span>{name}</span> }.into_any(),
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
