//! A JSON Feed 1.1 item: the one whose `id` is the `src` URL's fragment, else the first.

use super::common::{date, paragraphs, percent_decode, Named, Reader};
use crate::model::article::{Article, Image, NamedLink};
use crate::model::error::LoadError;
use crate::model::wire::{List, Object, Text};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Feed {
    title: Text,
    home_page_url: Text,
    language: Text,
    authors: List<Named>,
    /// JSON Feed 1.0's single author.
    author: List<Named>,
    items: Option<List<Object<Item>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Item {
    id: Text,
    url: Text,
    external_url: Text,
    title: Text,
    content_html: Text,
    content_text: Text,
    summary: Text,
    image: Text,
    banner_image: Text,
    date_published: Text,
    date_modified: Text,
    language: Text,
    tags: List<Text>,
    authors: List<Named>,
    author: List<Named>,
}

/// The authors, from 1.1's `authors` or 1.0's `author`.
fn people<'a>(authors: &'a List<Named>, author: &'a List<Named>) -> &'a List<Named> {
    if authors.0.is_empty() {
        author
    } else {
        authors
    }
}

impl Feed {
    pub(super) fn convert(self, reader: &mut Reader) -> Result<Article, LoadError> {
        let items = reader.required(self.items, "items")?;
        let mut items = items.0.into_iter().filter_map(|Object(item)| item);
        let item = match reader.base.fragment().filter(|f| !f.is_empty()) {
            Some(fragment) => {
                let wanted = percent_decode(fragment);
                let found = items.find(|i| i.id.as_deref() == Some(wanted.as_str()));
                reader.required(found, &format!("items[id = {wanted}]"))?
            }
            None => reader.required(items.next(), "items[0]")?,
        };
        let headline = reader.required(item.title.get(), "title")?;
        let url = match reader.url(&item.url, "url") {
            Some(url) => Some(url),
            None => reader.url(&item.external_url, "external_url"),
        };
        let url = reader.required(url, "url")?;
        let published = reader.required(date(&item.date_published), "date_published")?;
        let body = match item.content_html.as_deref() {
            Some(html) => reader.html_body(Some(html), "content_html"),
            None => item
                .content_text
                .as_deref()
                .map(paragraphs)
                .unwrap_or_default(),
        };
        let image_url = match reader.url(&item.image, "image") {
            Some(url) => Some(url),
            None => reader.url(&item.banner_image, "banner_image"),
        };
        let mut authors = reader.named_links(people(&item.authors, &item.author), "url");
        if authors.is_empty() {
            authors = reader.named_links(people(&self.authors, &self.author), "url");
        }
        let site = match self.title.get() {
            Some(name) => Some(NamedLink {
                name,
                url: reader.url(&self.home_page_url, "home_page_url"),
            }),
            None => None,
        };
        Ok(Article {
            lang: item.language.get().or_else(|| self.language.get()),
            site,
            label: item.tags.first().and_then(Text::get),
            summary: item.summary.get(),
            modified: date(&item.date_modified),
            authors,
            image: image_url.map(|url| Image {
                url,
                alt: String::new(),
                caption: None,
                credit: None,
                width: None,
                height: None,
            }),
            body,
            ..Article::new(item.id.get(), url, headline, published)
        })
    }
}
