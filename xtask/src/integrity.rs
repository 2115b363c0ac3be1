//! `dist/integrity.json`: the Subresource Integrity value of every file the bundle ships
//! (`{ "embed.js": "sha384-…", … }`), for pages that pin a versioned copy with `integrity`.

use crate::Result;
use base64::Engine as _;
use sha2::{Digest, Sha384};
use std::collections::BTreeMap;
use std::path::Path;

/// The file it is written to, inside `dist/`.
pub const FILE: &str = "integrity.json";

/// The SRI value of `bytes`: `sha384-` and the base64 of its SHA-384 digest.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// Every file under `dist` but the list itself, by its path relative to `dist` (with `/`),
/// and its SRI value.
pub fn of(dist: &Path) -> Result<BTreeMap<String, String>> {
    let mut list = BTreeMap::new();
    for path in crate::files_under(dist) {
        let relative = path
            .strip_prefix(dist)?
            .iter()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if relative == FILE {
            continue;
        }
        list.insert(relative, sri(&std::fs::read(&path)?));
    }
    Ok(list)
}

/// Writes `dist/integrity.json`.
pub fn write(dist: &Path) -> Result<()> {
    let list = of(dist)?;
    let text = serde_json::to_string_pretty(&list)?;
    std::fs::write(dist.join(FILE), format!("{text}\n"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_the_sha384_that_browsers_check() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }

    #[test]
    fn every_file_but_the_list_is_listed_by_its_path() {
        let dist = std::env::temp_dir().join(format!("xtask-integrity-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("demo/media")).unwrap();
        std::fs::write(dist.join("embed.js"), "alert(1)").unwrap();
        std::fs::write(dist.join("demo/media/a.jpg"), [0u8, 1, 2]).unwrap();
        write(&dist).unwrap();
        let written: BTreeMap<String, String> =
            serde_json::from_str(&std::fs::read_to_string(dist.join(FILE)).unwrap()).unwrap();
        // Written again over itself, the list does not list itself.
        write(&dist).unwrap();
        let again = of(&dist).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        assert_eq!(
            written.keys().collect::<Vec<_>>(),
            ["demo/media/a.jpg", "embed.js"]
        );
        assert_eq!(written["embed.js"], sri(b"alert(1)"));
        assert_eq!(again, written);
    }
}
