//! The browser support policy, checked: the stylesheet and the loader against the caniuse data
//! for the browsers the docs promise (`docs/embedding.md`) (doiuse and eslint-plugin-compat, from npm).

use crate::tools::npm_tools_dir;
use crate::{workspace_root, Result};
use serde_json::Value;
use std::process::Command;

/// The oldest browsers the widget supports, as a browserslist query (`docs/embedding.md` states it).
pub const BROWSER_SUPPORT: &str =
    "safari >= 16.4, ios_saf >= 16.4, firefox esr, last 2 chrome versions, last 2 edge versions";

/// What the check reports that is fine, and why. Anything else fails the run.
pub const ACCEPTED: &[(&str, &str)] = &[
    (
        "text-decoration",
        "only text-decoration-thickness is used, which every supported engine has; the partial \
         support is about the shorthand and wavy styles",
    ),
    (
        "css-clip-path",
        "only clip-path: inset() on HTML (the visually-hidden text), which every supported \
         engine has; the partial support is about SVG references",
    ),
];

/// One thing the check found: `("css" | "js", feature or rule, line, message)`.
type Finding = (String, String, u64, String);

fn findings(query: &str) -> Result<Vec<Finding>> {
    let out = Command::new("node")
        .arg(workspace_root().join("xtask/src/check-support.cjs"))
        .arg(query)
        .arg(workspace_root().join("style/widget.css"))
        .arg(workspace_root().join("js/embed.js"))
        .env("NODE_PATH", npm_tools_dir().join("node_modules"))
        .output()
        .map_err(|e| format!("could not run node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the support check failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line)?;
            Ok((
                v[0].as_str().unwrap_or_default().to_string(),
                v[1].as_str().unwrap_or_default().to_string(),
                v[2].as_u64().unwrap_or(0),
                v[3].as_str().unwrap_or_default().to_string(),
            ))
        })
        .collect()
}

/// Fails on any finding for [`BROWSER_SUPPORT`] that [`ACCEPTED`] does not explain.
pub fn check() -> Result<()> {
    // The check is worth something only if it sees the files: for a policy reaching far back,
    // it must find both stylesheet and loader features.
    let old = findings("safari >= 10, ie 11")?;
    for kind in ["css", "js"] {
        if !old.iter().any(|f| f.0 == kind) {
            return Err(format!("the support check found no {kind} feature for IE 11").into());
        }
    }
    let mut unexplained = Vec::new();
    for (kind, feature, line, message) in findings(BROWSER_SUPPORT)? {
        match ACCEPTED.iter().find(|(name, _)| *name == feature) {
            Some((_, why)) => println!("  accepted {kind} {feature} (line {line}): {why}"),
            None => unexplained.push(format!("{kind} line {line}: {message}")),
        }
    }
    if unexplained.is_empty() {
        println!("  style/widget.css and js/embed.js fit the policy: {BROWSER_SUPPORT}");
        Ok(())
    } else {
        Err(format!(
            "outside the browser support policy ({BROWSER_SUPPORT}):\n{}",
            unexplained.join("\n")
        )
        .into())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_docs_state_the_policy_that_is_checked() {
        let docs = crate::workspace_root().join("docs/embedding.md");
        assert!(std::fs::read_to_string(docs)
            .unwrap()
            .contains(super::BROWSER_SUPPORT));
    }
}
