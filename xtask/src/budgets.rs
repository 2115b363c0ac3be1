//! The size budgets of the shipped files, checked by the test command: bytes are deterministic,
//! so unlike time they can be a test. Every reader of every host page downloads the first
//! visit; the loader is all a page of sleeping pre-rendered cards downloads.

use crate::bench::first_visit_sizes;
use crate::Result;

/// The loader (`embed.js`), brotli: it stays small enough to cost a page nothing.
pub const LOADER_BROTLI_MAX: u64 = 5_000;

/// Everything a first visit downloads (loader, JS glue, wasm), brotli: a regression budget.
pub const FIRST_VISIT_BROTLI_MAX: u64 = 210_000;

/// What the budgets found: each file's brotli bytes, and the totals against the budgets.
pub struct Budgets {
    pub loader: u64,
    pub first_visit: u64,
}

/// Measures the built `dist/`.
pub fn measure() -> Result<Budgets> {
    let rows = first_visit_sizes()?;
    let brotli = |row: &serde_json::Value| row["brotli"].as_u64().unwrap_or(0);
    let loader = rows
        .iter()
        .filter(|r| r["file"] == "embed.js")
        .map(brotli)
        .sum();
    if loader == 0 {
        return Err("dist/embed.js is missing: build the bundle first".into());
    }
    Ok(Budgets {
        loader,
        first_visit: rows.iter().map(brotli).sum(),
    })
}

/// The budgets' verdicts, one line each, and whether all hold.
pub fn verdicts(measured: &Budgets) -> (Vec<String>, bool) {
    let line = |what: &str, bytes: u64, max: u64| {
        let verdict = if bytes <= max {
            format!("within, {} bytes to spare", max - bytes)
        } else {
            format!("OVER by {} bytes", bytes - max)
        };
        format!("  {what:<36} {bytes:>8} bytes brotli (budget {max}): {verdict}")
    };
    let within =
        measured.loader <= LOADER_BROTLI_MAX && measured.first_visit <= FIRST_VISIT_BROTLI_MAX;
    (
        vec![
            line("the loader (embed.js)", measured.loader, LOADER_BROTLI_MAX),
            line(
                "the first visit (loader, glue, wasm)",
                measured.first_visit,
                FIRST_VISIT_BROTLI_MAX,
            ),
        ],
        within,
    )
}

/// Fails when a budget is exceeded; prints each file's size and every verdict either way.
pub fn check() -> Result<()> {
    for row in first_visit_sizes()? {
        println!(
            "  {:<44} {:>8} bytes brotli",
            row["file"].as_str().unwrap_or(""),
            row["brotli"].as_u64().unwrap_or(0)
        );
    }
    let (lines, within) = verdicts(&measure()?);
    for line in &lines {
        println!("{line}");
    }
    if within {
        Ok(())
    } else {
        Err("a size budget is exceeded (above)".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_holds_up_to_its_last_byte() {
        let at = Budgets {
            loader: LOADER_BROTLI_MAX,
            first_visit: FIRST_VISIT_BROTLI_MAX,
        };
        assert!(verdicts(&at).1);
        let over = Budgets {
            loader: LOADER_BROTLI_MAX + 1,
            ..at
        };
        let (lines, within) = verdicts(&over);
        assert!(!within);
        assert!(lines[0].contains("OVER by 1 bytes"), "{lines:?}");
        let heavy = Budgets {
            first_visit: FIRST_VISIT_BROTLI_MAX + 10,
            loader: 1,
        };
        assert!(!verdicts(&heavy).1);
    }
}
