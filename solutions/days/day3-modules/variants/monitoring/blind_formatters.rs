//! # `monitoring::formatters`: reports (the seed's `formatters.py`)
//!
//! - `result_line(result)`: `[<status>] <name>: <detail>`, e.g.
//!   `[PASS] disk /: 45.0% used, threshold 90.0%`. Shared with `alerts`, hidden from users:
//!   `pub(crate)`.
//! - `format_report(results)`: one `result_line` per result, in order, then a last line
//!   `<passed>/<total> checks passed`. Lines are joined with `\n`, with no newline at the end.
//!   With no results, the report is just `0/0 checks passed`.
//! - `format_table(results)`: a table with the columns `CHECK`, `STATUS` (`PASS`/`FAIL`) and
//!   `DETAIL`: a header line, then one line per result. The `CHECK` and `STATUS` columns are
//!   left-aligned and as wide as their widest cell (the header included), and every column is
//!   followed by two spaces except the last, `DETAIL`, which is not padded. Lines are joined with
//!   `\n`, with no newline at the end:
//!
//! ```text
//! CHECK            STATUS  DETAIL
//! disk /           PASS    45.0% used, threshold 90.0%
//! port db-01:5432  FAIL    closed
//! ```

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

use super::checks::CheckResult;

/// `[<status>] <name>: <detail>`.
pub(super) fn result_line(result: &CheckResult) -> String {
    format!("[{}] {}: {}", result.status(), result.name, result.detail)
}

/// Every result's line, then `<passed>/<total> checks passed`.
pub fn format_report(results: &[CheckResult]) -> String {
    let mut out = String::new();
    let mut passed = 0;
    for r in results {
        out += &result_line(r);
        out.push('\n');
        if r.passed {
            passed += 1;
        }
    }
    out + &format!("{passed}/{} checks passed", results.len())
}

/// The results as an aligned table: `CHECK`, `STATUS`, `DETAIL`.
pub fn format_table(results: &[CheckResult]) -> String {
    let name_width = results
        .iter()
        .map(|r| r.name.chars().count())
        .chain(std::iter::once("CHECK".len()))
        .max()
        .unwrap_or(0);
    let status_width = "STATUS".len(); // PASS and FAIL are shorter
    let row = |a: &str, b: &str, c: &str| format!("{a:<name_width$}  {b:<status_width$}  {c}");
    let mut lines = vec![row("CHECK", "STATUS", "DETAIL")];
    for r in results {
        lines.push(row(&r.name, r.status(), &r.detail));
    }
    lines.join("\n")
}
