//! A WordPress REST API v2 post (`/wp-json/wp/v2/posts/<id>?_embed`, or the list endpoint,
//! whose first post is read).

use super::common::{date, Named, Reader};
use crate::model::article::{Article, Image};
use crate::model::error::LoadError;
use crate::model::html::decode_entities;
use crate::model::url::SafeUrl;
use crate::model::wire::{List, Object, Text};
use serde::Deserialize;

/// The post, or the posts of a list (of which the first is the article).
#[derive(Deserialize)]
#[serde(transparent)]
pub struct Posts(List<Object<Post>>);

#[derive(Deserialize, Default)]
#[serde(default)]
struct Post {
    id: Text,
    link: Text,
    title: Object<Rendered>,
    date_gmt: Text,
    date: Text,
    modified_gmt: Text,
    excerpt: Object<Rendered>,
    content: Object<Rendered>,
    #[serde(rename = "_embedded")]
    embedded: Object<Embedded>,
    #[serde(rename = "_links")]
    links: Object<Links>,
}

/// `{"rendered": "<html>"}`, WordPress' shape for every text it filters.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Rendered {
    rendered: Text,
}

impl Object<Rendered> {
    fn rendered(&self) -> Option<&str> {
        self.0.as_ref()?.rendered.as_deref()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Embedded {
    #[serde(rename = "wp:featuredmedia")]
    featured_media: List<Object<FeaturedMedia>>,
    /// One list of terms per taxonomy the post uses.
    #[serde(rename = "wp:term")]
    terms: List<List<Object<Term>>>,
    author: List<Named>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FeaturedMedia {
    source_url: Text,
    alt_text: Text,
    caption: Object<Rendered>,
    media_details: Object<MediaDetails>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MediaDetails {
    width: Text,
    height: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Term {
    taxonomy: Text,
    name: Text,
    link: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Links {
    replies: List<Object<Href>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Href {
    href: Text,
}

impl Posts {
    /// The article, and the URL whose `X-WP-Total` header counts its comments.
    pub(super) fn convert(
        self,
        reader: &mut Reader,
    ) -> Result<(Article, Option<SafeUrl>), LoadError> {
        let post = self.0 .0.into_iter().next().and_then(|Object(post)| post);
        let post = reader.required(post, "[0]")?;
        let headline = reader.html_to_text(post.title.rendered());
        let headline = reader.required(headline, "title.rendered")?;
        let url = reader.url(&post.link, "link");
        let url = reader.required(url, "link")?;
        let published = date(&post.date_gmt).or_else(|| date(&post.date));
        let published = reader.required(published, "date_gmt")?;
        let embedded = post.embedded.0.unwrap_or_default();

        let media = embedded
            .featured_media
            .first()
            .and_then(|m| m.0.as_ref())
            .filter(|m| m.source_url.0.is_some());
        let image = match media {
            Some(media) => reader
                .url(&media.source_url, "wp:featuredmedia.source_url")
                .map(|url| {
                    let details = media.media_details.0.as_ref();
                    Image {
                        url,
                        alt: media.alt_text.get().unwrap_or_default(),
                        caption: reader.html_to_text(media.caption.rendered()),
                        credit: None,
                        width: details.and_then(|d| d.width.pixels()),
                        height: details.and_then(|d| d.height.pixels()),
                    }
                }),
            None => None,
        };

        let terms: Vec<&Term> = embedded
            .terms
            .iter()
            .flat_map(|group| group.iter())
            .filter_map(|term| term.0.as_ref())
            .collect();
        let first_of = |taxonomy: &str| {
            terms
                .iter()
                .find(|t| t.taxonomy.as_deref() == Some(taxonomy))
                .copied()
        };
        let breadcrumb = match first_of("category") {
            Some(category) => reader.named_links(
                &List(vec![Named {
                    name: category.name.clone(),
                    url: category.link.clone(),
                }]),
                "link",
            ),
            None => Vec::new(),
        };
        let label = first_of("post_tag")
            .and_then(|t| t.name.as_deref())
            .map(decode_entities);
        let summary = reader
            .html_to_text(post.excerpt.rendered())
            .map(|e| e.trim_end_matches("[…]").trim().to_string())
            .filter(|s| !s.is_empty());
        let body = reader.html_body(post.content.rendered(), "content.rendered");
        let authors = reader.named_links(&embedded.author, "link");
        let count_source = post
            .links
            .0
            .as_ref()
            .and_then(|links| links.replies.first()?.0.as_ref()?.href.as_deref())
            .and_then(|replies| {
                let separator = if replies.contains('?') { '&' } else { '?' };
                reader
                    .base
                    .join(&format!("{replies}{separator}per_page=1"))
                    .ok()
            });
        // The comment count is filled in from `X-WP-Total` when the `comments` attribute asks.
        let article = Article {
            breadcrumb,
            label,
            summary,
            modified: date(&post.modified_gmt),
            authors,
            image,
            body,
            ..Article::new(post.id.get(), url, headline, published)
        };
        Ok((article, count_source))
    }
}
