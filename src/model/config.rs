//! The element's attributes, read into typed settings. The host reads the strings; this module
//! decides what they mean, so the rules are tested natively.

use super::error::LoadError;
use super::formats::Format;
use super::share::{parse_share_list, ShareNetwork};
use super::url::{SafeUrl, UrlError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`, live.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(value: Option<&str>) -> Theme {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("light") => Theme::Light,
            Some(v) if v.eq_ignore_ascii_case("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A complete look, as a set of token defaults (`theme-preset`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Preset {
    #[default]
    Default,
    /// A classic newspaper serif.
    Classic,
    /// A modern sans with rounder corners.
    Modern,
    /// Black on white (white on black in dark), the strongest contrast.
    Contrast,
}

impl Preset {
    pub fn parse(value: Option<&str>) -> Preset {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("classic") => Preset::Classic,
            Some("modern") => Preset::Modern,
            Some("contrast") => Preset::Contrast,
            _ => Preset::Default,
        }
    }

    /// The value of the root's `data-preset`, which the stylesheet selects on.
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Default => "default",
            Preset::Classic => "classic",
            Preset::Modern => "modern",
            Preset::Contrast => "contrast",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// The teaser: everything but the body.
    #[default]
    Card,
    /// The whole article.
    Full,
}

impl Layout {
    pub fn parse(value: Option<&str>) -> Layout {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("full") => Layout::Full,
            _ => Layout::Card,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Card => "card",
            Layout::Full => "full",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Loading {
    /// Fetch when the element comes near the viewport.
    #[default]
    Lazy,
    Eager,
}

impl Loading {
    pub fn parse(value: Option<&str>) -> Loading {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("eager") => Loading::Eager,
            _ => Loading::Lazy,
        }
    }
}

/// Everything an element's attributes say, in the spec's names, with its URLs resolved
/// against the page.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetConfig {
    /// The article's URL; why there is none, if there is none.
    pub src: Result<SafeUrl, LoadError>,
    pub theme: Theme,
    pub preset: Preset,
    pub lang: Option<String>,
    pub layout: Layout,
    pub share: Vec<ShareNetwork>,
    pub loading: Loading,
    /// The comment counts endpoint, `{ids}` kept as written.
    pub comments_api: Option<SafeUrl>,
    pub heading_level: HeadingLevel,
    pub credentials: Credentials,
    /// The source format (`format` attribute); `None` detects it.
    pub format: Option<Format>,
    /// `comments="count"`: read a WordPress post's comment count from its comments endpoint.
    pub count_comments: bool,
}

/// Whether the article request carries the reader's cookies for the publisher's origin
/// (`credentials="include"`). Off by default: articles are public, and a host page should not
/// make its readers' cookies travel to a third party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Credentials {
    #[default]
    Omit,
    Include,
}

impl Credentials {
    pub fn parse(value: Option<&str>) -> Credentials {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("include") => Credentials::Include,
            _ => Credentials::Omit,
        }
    }
}

/// The level of the card's headline (`heading-level`, 2 by default), so the card fits the
/// host page's outline; body sub-headings sit one level below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl Default for HeadingLevel {
    fn default() -> Self {
        HeadingLevel(2)
    }
}

impl HeadingLevel {
    /// 1 to 6; anything else is the default.
    pub fn parse(value: Option<&str>) -> HeadingLevel {
        match value.and_then(|v| v.trim().parse::<u8>().ok()) {
            Some(level @ 1..=6) => HeadingLevel(level),
            _ => HeadingLevel::default(),
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// The element name `steps` levels below this one, never past `h6`.
    pub fn tag_below(self, steps: u8) -> &'static str {
        match self.0.saturating_add(steps) {
            0 | 1 => "h1",
            2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }
}

/// The attribute names of the spec; the `<div>` form prefixes each with `data-`.
pub const ATTRIBUTES: &[&str] = &[
    "src",
    "theme",
    "lang",
    "layout",
    "share",
    "loading",
    "comments-api",
    // Not in the embed spec (which leaves room for more): the headline's level, for the
    // host page's outline.
    "heading-level",
    // Not in the embed spec either: send cookies with the article request.
    "credentials",
    // Publishers' existing formats: which one, and whether to count WordPress comments.
    "format",
    "comments",
    "theme-preset",
    // When a pre-rendered card becomes live: read by the loader alone (`js/embed.js`), which
    // wakes the card; listed so that a change of it is reported.
    "hydrate",
];

/// `reference` against the page's base URL, or on its own where the page has none.
fn resolve(reference: &str, page: Option<&SafeUrl>) -> Result<SafeUrl, UrlError> {
    match page {
        Some(page) => page.join(reference),
        None => SafeUrl::parse_absolute(reference),
    }
}

/// An element with no attributes.
impl Default for WidgetConfig {
    fn default() -> Self {
        WidgetConfig::from_attributes(|_| None, None).0
    }
}

impl WidgetConfig {
    /// Reads the settings through `attribute`, which returns an attribute's value by its spec
    /// name, resolving relative URLs against `page` (the document's base URL, when it is an
    /// http(s) one). Returns console warnings for values that were skipped.
    ///
    /// URLs are resolved by [`SafeUrl`], the one resolver of the widget: the loader
    /// (`js/embed.js`) keys its early requests with the browser's `URL`, and
    /// `tests/url_agreement.rs` holds the two to the same results.
    pub fn from_attributes(
        attribute: impl Fn(&str) -> Option<String>,
        page: Option<&SafeUrl>,
    ) -> (WidgetConfig, Vec<String>) {
        let non_empty = |name: &str| {
            attribute(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let (share, warnings) = parse_share_list(non_empty("share").as_deref());
        let config = WidgetConfig {
            src: match non_empty("src") {
                None => Err(LoadError::NoSource),
                Some(src) => resolve(&src, page).map_err(LoadError::BadSource),
            },
            theme: Theme::parse(non_empty("theme").as_deref()),
            preset: Preset::parse(non_empty("theme-preset").as_deref()),
            lang: non_empty("lang"),
            layout: Layout::parse(non_empty("layout").as_deref()),
            share,
            loading: Loading::parse(non_empty("loading").as_deref()),
            comments_api: non_empty("comments-api").and_then(|t| resolve(&t, page).ok()),
            heading_level: HeadingLevel::parse(non_empty("heading-level").as_deref()),
            credentials: Credentials::parse(non_empty("credentials").as_deref()),
            format: Format::parse(non_empty("format").as_deref()),
            count_comments: non_empty("comments").is_some_and(|v| v.eq_ignore_ascii_case("count")),
        };
        (config, warnings)
    }
}
