//! URL resolution with a scheme allowlist.
//!
//! Every URL the widget puts into `href` or `src` goes through [`SafeUrl`]: the only way to
//! make one is to resolve a reference against an http(s) base, and the result always starts
//! with `http://` or `https://`. So the browser can never read a `javascript:`, `data:` or
//! other scheme out of anything the widget renders, however the publisher's string was spelled.
//!
//! Resolution follows RFC 3986 section 5.2, with the WHATWG URL preprocessing that browsers
//! apply first (leading/trailing controls trimmed, tabs and newlines removed, `\` read as `/`),
//! so `java\tscript:` is seen as the `javascript:` scheme it is.

use std::fmt;

/// An absolute `http:` or `https:` URL, safe to render as `href` or `src`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SafeUrl(String);

/// Why a URL was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing left after trimming.
    Empty,
    /// A scheme other than http or https (`javascript`, `data`, `mailto`, ...).
    Scheme(String),
    /// An absolute URL without a host, such as `https:///path`.
    NoHost,
}

impl SafeUrl {
    /// Parses an absolute http(s) URL, such as the address the JSON was fetched from.
    pub fn parse_absolute(input: &str) -> Result<SafeUrl, UrlError> {
        let cleaned = preprocess(input);
        if cleaned.is_empty() {
            return Err(UrlError::Empty);
        }
        let parts = Parts::split(&cleaned);
        match parts.scheme {
            Some(scheme) => {
                let scheme = allowed_scheme(scheme)?;
                compose(
                    scheme,
                    parts.authority,
                    &remove_dot_segments(parts.path),
                    parts.query,
                    parts.fragment,
                )
            }
            None => Err(UrlError::Scheme(String::new())),
        }
    }

    /// Resolves `reference` (absolute or relative) against this URL.
    pub fn join(&self, reference: &str) -> Result<SafeUrl, UrlError> {
        let cleaned = preprocess(reference);
        if cleaned.is_empty() {
            return Err(UrlError::Empty);
        }
        let base = Parts::split(&self.0);
        let r = Parts::split(&cleaned);
        let base_scheme = base.scheme.unwrap_or("https");
        if let Some(scheme) = r.scheme {
            let scheme = allowed_scheme(scheme)?;
            return compose(
                scheme,
                r.authority,
                &remove_dot_segments(r.path),
                r.query,
                r.fragment,
            );
        }
        if r.authority.is_some() {
            return compose(
                base_scheme,
                r.authority,
                &remove_dot_segments(r.path),
                r.query,
                r.fragment,
            );
        }
        let (path, query) = if r.path.is_empty() {
            (base.path.to_string(), r.query.or(base.query))
        } else if r.path.starts_with('/') {
            (remove_dot_segments(r.path), r.query)
        } else {
            (
                remove_dot_segments(&merge(base.authority.is_some(), base.path, r.path)),
                r.query,
            )
        };
        compose(base_scheme, base.authority, &path, query, r.fragment)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The fragment (after `#`), if any: a JSON Feed item id in `feed.json#item-7`.
    pub fn fragment(&self) -> Option<&str> {
        self.0.split_once('#').map(|(_, fragment)| fragment)
    }

    /// The host (with any port), e.g. `news.example`: how a reader names a site.
    pub fn host(&self) -> &str {
        let origin = self.origin();
        origin
            .find("://")
            .and_then(|i| origin.get(i + 3..))
            .map_or(origin, |host| host.rsplit('@').next().unwrap_or(host))
    }

    /// The scheme and host, e.g. `https://news.example`: the publisher site key for stored
    /// preferences.
    pub fn origin(&self) -> &str {
        let after_scheme = self.0.find("://").map_or(0, |i| i + 3);
        let end = self
            .0
            .get(after_scheme..)
            .and_then(|rest| rest.find(['/', '?', '#']))
            .map_or(self.0.len(), |i| i + after_scheme);
        self.0.get(..end).unwrap_or(&self.0)
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What browsers do to a URL string before parsing it: leading and trailing controls and
/// spaces trimmed, tabs and newlines removed, and, in http(s) URLs, `\` read as `/` before the
/// query (in the query and fragment a backslash is data: a signed URL may carry one).
fn preprocess(input: &str) -> String {
    let mut in_path = true;
    input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| {
            if c == '?' || c == '#' {
                in_path = false;
            }
            if c == '\\' && in_path {
                '/'
            } else {
                c
            }
        })
        .collect()
}

fn allowed_scheme(scheme: &str) -> Result<&'static str, UrlError> {
    if scheme.eq_ignore_ascii_case("https") {
        Ok("https")
    } else if scheme.eq_ignore_ascii_case("http") {
        Ok("http")
    } else {
        Err(UrlError::Scheme(scheme.to_ascii_lowercase()))
    }
}

fn compose(
    scheme: &str,
    authority: Option<&str>,
    path: &str,
    query: Option<&str>,
    fragment: Option<&str>,
) -> Result<SafeUrl, UrlError> {
    let authority = authority
        .filter(|a| !a.is_empty())
        .ok_or(UrlError::NoHost)?;
    let mut out = String::with_capacity(scheme.len() + authority.len() + path.len() + 8);
    out.push_str(scheme);
    out.push_str("://");
    out.push_str(authority);
    if !path.starts_with('/') {
        out.push('/');
    }
    out.push_str(path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    Ok(SafeUrl(out))
}

/// The five components of RFC 3986, borrowed from the input.
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> Parts<'a> {
    fn split(s: &'a str) -> Parts<'a> {
        let (rest, fragment) = match s.split_once('#') {
            Some((a, b)) => (a, Some(b)),
            None => (s, None),
        };
        let (rest, query) = match rest.split_once('?') {
            Some((a, b)) => (a, Some(b)),
            None => (rest, None),
        };
        let (scheme, rest) = match rest.split_once(':') {
            Some((candidate, after)) if is_scheme(candidate) => (Some(candidate), after),
            _ => (None, rest),
        };
        let (authority, path) = match rest.strip_prefix("//") {
            Some(after) => match after.find('/') {
                Some(i) => (after.get(..i), after.get(i..).unwrap_or("")),
                None => (Some(after), ""),
            },
            None => (None, rest),
        };
        Parts {
            scheme,
            authority,
            path,
            query,
            fragment,
        }
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// RFC 3986 5.2.3.
fn merge(base_has_authority: bool, base_path: &str, reference: &str) -> String {
    if base_has_authority && base_path.is_empty() {
        return format!("/{reference}");
    }
    match base_path.rfind('/') {
        Some(i) => format!("{}{}", base_path.get(..=i).unwrap_or(""), reference),
        None => reference.to_string(),
    }
}

/// RFC 3986 5.2.4, on whole segments.
fn remove_dot_segments(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing_slash = false;
    for (i, segment) in segments.iter().enumerate() {
        if i == 0 && absolute {
            continue;
        }
        match *segment {
            "." => trailing_slash = i == last,
            ".." => {
                output.pop();
                trailing_slash = i == last;
            }
            s => {
                output.push(s);
                trailing_slash = false;
            }
        }
    }
    let mut out = String::with_capacity(path.len());
    if absolute {
        out.push('/');
    }
    out.push_str(&output.join("/"));
    // A final `.` or `..` leaves the path ending in a slash, after whatever segment is last,
    // an empty one included (`a//.` is `a//`).
    if trailing_slash && !output.is_empty() {
        out.push('/');
    }
    out
}
