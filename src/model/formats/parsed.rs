//! What parsing an article gives: the article, and what was dropped on the way.

use crate::model::article::Article;
use crate::model::caps::MAX_NAMES;
use crate::model::limits::limit_body;
use crate::model::url::SafeUrl;

/// A parsed article and the things that were dropped on the way, for console warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<String>,
    /// Where the comment count can be read from a header (WordPress' `X-WP-Total`).
    pub comment_count_source: Option<SafeUrl>,
}

impl Parsed {
    /// Applies the body caps ([`crate::model::caps`]): a body past one is cut at a block boundary,
    /// and the console hears which cap it was.
    pub fn capped(mut self) -> Parsed {
        let body = std::mem::take(&mut self.article.body);
        let (body, cut) = limit_body(body);
        // A cut here comes first; else the sanitizer may have stopped reading at a cap.
        let cut = cut.or(self.article.body_cut);
        if let Some(cap) = cut {
            self.warnings.push(format!(
                "the body is longer than the widget renders ({}); it is cut after {} blocks and links to the rest",
                cap.describe(),
                body.len()
            ));
        }
        self.article.body = body;
        self.article.body_cut = cut;
        let article = &mut self.article;
        let lists = [
            ("authors", article.authors.len()),
            ("breadcrumb", article.breadcrumb.len()),
            ("share.hashtags", article.share.hashtags.len()),
        ];
        for (what, len) in lists {
            if len > MAX_NAMES {
                self.warnings.push(format!(
                    "{what} has {len} entries; the first {MAX_NAMES} are shown"
                ));
            }
        }
        article.authors.truncate(MAX_NAMES);
        article.breadcrumb.truncate(MAX_NAMES);
        article.share.hashtags.truncate(MAX_NAMES);
        self
    }
}
