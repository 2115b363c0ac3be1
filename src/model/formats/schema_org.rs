//! A schema.org `NewsArticle` (or any `Article`) in JSON-LD: one object, an array of them, or
//! an `@graph` whose nodes refer to each other by `@id`.

use super::common::{date, paragraphs, Reader};
use crate::model::article::{Article, Comments, Image, NamedLink};
use crate::model::caps::MAX_NAMES;
use crate::model::error::LoadError;
use crate::model::html::decode_entities;
use crate::model::i18n::strings_for;
use crate::model::wire::{self, List, Text, Whole};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// The JSON-LD document: its top-level nodes.
#[derive(serde::Deserialize)]
#[serde(transparent)]
pub struct Document(List<Item>);

/// A node of the graph, with the properties the card reads (of an article, an image, a person
/// or an organization, a language).
#[derive(serde::Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Node {
    #[serde(rename = "@id")]
    id: Text,
    #[serde(rename = "@type")]
    types: List<Text>,
    #[serde(rename = "@graph")]
    graph: List<Item>,
    headline: Text,
    name: Text,
    alternate_name: Text,
    url: Text,
    main_entity_of_page: List<Item>,
    date_published: Text,
    date_modified: Text,
    description: Text,
    article_section: List<Text>,
    article_body: Text,
    comment_count: Whole,
    in_language: Item,
    image: List<Item>,
    author: List<Item>,
    publisher: List<Item>,
    // An image's.
    caption: Text,
    content_url: Text,
    credit_text: Text,
    copyright_holder: List<Item>,
    width: Text,
    height: Text,
}

/// A property's value: text (a URL, a name), a node, or nothing the card can use.
#[derive(Default)]
enum Item {
    Text(String),
    Node(Box<Node>),
    #[default]
    Nothing,
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a node")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                let v = v.trim();
                Ok(if v.is_empty() {
                    Item::Nothing
                } else {
                    Item::Text(v.to_string())
                })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                Node::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|node| Item::Node(Box::new(node)))
            }
            wire::read_as_absent!(Item::Nothing; numbers, arrays);
        }
        d.deserialize_any(V)
    }
}

impl Item {
    fn node(&self) -> Option<&Node> {
        match self {
            Item::Node(node) => Some(node),
            _ => None,
        }
    }
}

impl Node {
    fn is_article(&self) -> bool {
        self.types.iter().filter_map(Text::as_deref).any(|t| {
            t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report"
        })
    }

    /// `{"@id": "#logo"}`: a reference to another node of the graph, and nothing else.
    fn is_reference(&self) -> bool {
        self.id.0.is_some()
            && self.types.0.is_empty()
            && self.name.0.is_none()
            && self.url.0.is_none()
            && self.headline.0.is_none()
            && self.content_url.0.is_none()
    }
}

/// The graph's nodes, to resolve references against.
struct Graph<'a>(Vec<&'a Node>);

impl<'a> Graph<'a> {
    /// The node `item` refers to (or is); text stays text.
    fn resolve(&self, item: &'a Item) -> Resolved<'a> {
        match item {
            Item::Text(text) => Resolved::Text(text),
            Item::Node(node) if node.is_reference() => {
                let target = self.0.iter().find(|n| n.id.0 == node.id.0);
                Resolved::Node(target.copied().unwrap_or(node))
            }
            Item::Node(node) => Resolved::Node(node),
            Item::Nothing => Resolved::Nothing,
        }
    }

    fn first(&self, items: &'a List<Item>) -> Resolved<'a> {
        items
            .first()
            .map_or(Resolved::Nothing, |item| self.resolve(item))
    }
}

enum Resolved<'a> {
    Text(&'a str),
    Node(&'a Node),
    Nothing,
}

impl Document {
    pub(super) fn convert(self, reader: &mut Reader) -> Result<Article, LoadError> {
        let top: Vec<&Node> = self.0.iter().filter_map(Item::node).collect();
        let nodes = match top.first() {
            Some(root) if !root.graph.0.is_empty() => {
                root.graph.iter().filter_map(Item::node).collect()
            }
            _ => top,
        };
        let graph = Graph(nodes);
        let node = graph.0.iter().copied().find(|n| n.is_article());
        let node = reader.required(node, "@type NewsArticle")?;

        let headline = node.headline.get().or_else(|| node.name.get());
        let headline = reader.required(headline.map(|h| decode_entities(&h)), "headline")?;
        let page_url = match graph.first(&node.main_entity_of_page) {
            Resolved::Text(url) => Text(Some(url.to_string())),
            Resolved::Node(page) => {
                if page.id.0.is_some() {
                    page.id.clone()
                } else {
                    page.url.clone()
                }
            }
            Resolved::Nothing => Text(None),
        };
        let url = match reader.url(&node.url, "url") {
            Some(url) => Some(url),
            None => reader.url(&page_url, "mainEntityOfPage"),
        };
        let url = reader.required(url, "url")?;
        let published = reader.required(date(&node.date_published), "datePublished")?;

        let image = match graph.first(&node.image) {
            Resolved::Text(src) => reader
                .url(&Text(Some(src.to_string())), "image")
                .map(|url| (url, None)),
            Resolved::Node(object) => {
                let src = if object.url.0.is_some() {
                    &object.url
                } else {
                    &object.content_url
                };
                reader.url(src, "image.url").map(|url| (url, Some(object)))
            }
            Resolved::Nothing => None,
        };
        let image = image.map(|(url, object)| {
            let credit = object.and_then(|o| {
                o.credit_text
                    .get()
                    .or_else(|| match graph.first(&o.copyright_holder) {
                        Resolved::Node(holder) => holder.name.get(),
                        Resolved::Text(name) => Some(name.to_string()),
                        Resolved::Nothing => None,
                    })
            });
            Image {
                url,
                alt: object
                    .and_then(|o| o.caption.get().or_else(|| o.description.get()))
                    .unwrap_or_default(),
                caption: object.and_then(|o| o.caption.get()),
                credit,
                width: object.and_then(|o| o.width.pixels()),
                height: object.and_then(|o| o.height.pixels()),
            }
        });

        let mut authors = Vec::new();
        // Each reference is looked up in the graph: a few authors, not one per node, keep that
        // linear (`Parsed::capped` keeps MAX_NAMES and warns about the rest).
        for author in node.author.iter().take(MAX_NAMES + 1) {
            let (name, link) = match graph.resolve(author) {
                Resolved::Text(name) => (Some(name.to_string()), Text(None)),
                Resolved::Node(person) => (person.name.get(), person.url.clone()),
                Resolved::Nothing => (None, Text(None)),
            };
            if let Some(name) = name {
                let url = reader.url(&link, "url");
                authors.push(NamedLink {
                    name: decode_entities(&name),
                    url,
                });
            }
        }
        let site = match graph.first(&node.publisher) {
            Resolved::Node(publisher) => publisher.name.get().map(|name| NamedLink {
                name,
                url: reader.url(&publisher.url, "publisher.url"),
            }),
            _ => None,
        };
        let lang = match &node.in_language {
            Item::Node(language) => language
                .alternate_name
                .get()
                .or_else(|| language.name.get()),
            Item::Text(tag) => Some(tag.clone()),
            Item::Nothing => None,
        };
        let opinion = node
            .types
            .iter()
            .any(|t| t.as_deref() == Some("OpinionNewsArticle"));
        Ok(Article {
            site,
            breadcrumb: node
                .article_section
                .first()
                .and_then(Text::get)
                .map(|name| NamedLink { name, url: None })
                .into_iter()
                .collect(),
            // The article's own word for it, in its language: the label is the publisher's.
            label: opinion.then(|| {
                strings_for(lang.as_deref().unwrap_or("en"))
                    .opinion
                    .to_string()
            }),
            summary: node.description.as_deref().map(decode_entities),
            modified: date(&node.date_modified),
            authors,
            image,
            body: node
                .article_body
                .as_deref()
                .map(paragraphs)
                .unwrap_or_default(),
            comments: node.comment_count.0.map(|count| Comments {
                count,
                url: None,
                count_url: None,
            }),
            lang,
            ..Article::new(node.id.get(), url, headline, published)
        })
    }
}
