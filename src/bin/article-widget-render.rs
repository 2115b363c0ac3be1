//! `article-widget-render`: prints a pre-rendered embed snippet for a publisher's CMS.
//!
//! ```text
//! article-widget-render [--embed-js URL] [--page-url URL] [--page-lang TAG] [--csp]
//!                       [--hydrate interaction|idle|visible|load]
//!                       [--ATTRIBUTE VALUE ...] [ARTICLE.json | -]
//! ```
//!
//! Every other `--name value` pair is an attribute of the element (`--src`, `--layout`,
//! `--theme`, `--lang`, `--heading-level`, `--share`, `--hydrate`, ...), written into the
//! snippet as given; `--hydrate` (when the card becomes live) must be one of its four modes.
//! The article is read from the file, or from standard input. The snippet goes to standard
//! output; with `--csp`, the `style-src` source for its `<style>` goes to standard error.
//! Exit status 1 with the widget's own message when the article cannot be rendered, 2 for a
//! bad command line.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

// The crate's bundle target builds every target for wasm; there, this program is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use article_widget::render::{render_snippet, RenderOptions};
    use std::io::Read;

    /// When a pre-rendered card becomes live (the embed API's `hydrate`).
    const HYDRATE: [&str; 4] = ["interaction", "idle", "visible", "load"];

    const USAGE: &str = "usage: article-widget-render [--embed-js URL] [--page-url URL] [--page-lang TAG] [--csp] [--hydrate interaction|idle|visible|load] [--ATTRIBUTE VALUE ...] [ARTICLE.json | -]";

    pub fn run(args: Vec<String>) -> i32 {
        let mut options = RenderOptions::default();
        let mut csp = false;
        let mut input = None;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return 0;
                }
                "--csp" => csp = true,
                "-" => input = Some(arg),
                flag if flag.starts_with("--") => {
                    let Some(value) = args.next() else {
                        eprintln!("article-widget-render: {flag} needs a value\n{USAGE}");
                        return 2;
                    };
                    match flag.trim_start_matches("--") {
                        "embed-js" => options.embed_js = Some(value),
                        "page-url" => options.page_url = Some(value),
                        "page-lang" => options.page_lang = Some(value),
                        "hydrate" if !HYDRATE.contains(&value.as_str()) => {
                            eprintln!("article-widget-render: --hydrate is one of {} (not {value})\n{USAGE}", HYDRATE.join(", "));
                            return 2;
                        }
                        name => options.attributes.push((name.to_string(), value)),
                    }
                }
                _ if input.is_none() => input = Some(arg),
                _ => {
                    eprintln!("article-widget-render: one article at a time\n{USAGE}");
                    return 2;
                }
            }
        }
        let text = match input.as_deref() {
            None | Some("-") => {
                let mut text = String::new();
                std::io::stdin().read_to_string(&mut text).map(|_| text)
            }
            Some(path) => std::fs::read_to_string(path),
        };
        let text = match text {
            Ok(text) => text,
            Err(error) => {
                eprintln!("article-widget-render: cannot read the article: {error}");
                return 1;
            }
        };
        match render_snippet(&text, &options) {
            Ok(snippet) => {
                print!("{}", snippet.html);
                if csp {
                    eprintln!("style-src {}", snippet.style_source);
                }
                0
            }
            Err(error) => {
                eprintln!("article-widget-render: {error}");
                1
            }
        }
    }
}
