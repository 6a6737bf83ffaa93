//! # `monitoring::formatters`: reports (alternative solution)
//!
//! `result_line` is `pub(super)`; the report and the table are built with loops, `push_str` and
//! `str::repeat` for the padding.

use super::checks::CheckResult;

/// `[<status>] <name>: <detail>`.
pub(super) fn result_line(result: &CheckResult) -> String {
    let mut line = String::new();
    line.push('[');
    line.push_str(result.status());
    line.push_str("] ");
    line.push_str(&result.name);
    line.push_str(": ");
    line.push_str(&result.detail);
    line
}

/// Every result's line, then `<passed>/<total> checks passed`.
pub fn format_report(results: &[CheckResult]) -> String {
    let mut report = String::new();
    let mut passed = 0;
    for result in results {
        if result.passed {
            passed += 1;
        }
        report.push_str(&result_line(result));
        report.push('\n');
    }
    report.push_str(&format!("{}/{} checks passed", passed, results.len()));
    report
}

/// `text` followed by spaces up to `width`.
fn padded(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width - text.len()))
}

/// The results as an aligned table: `CHECK`, `STATUS`, `DETAIL`.
pub fn format_table(results: &[CheckResult]) -> String {
    let mut check_width = "CHECK".len();
    let mut status_width = "STATUS".len();
    for result in results {
        check_width = check_width.max(result.name.len());
        status_width = status_width.max(result.status().len());
    }
    let mut lines = vec![format!(
        "{}  {}  DETAIL",
        padded("CHECK", check_width),
        padded("STATUS", status_width)
    )];
    for result in results {
        lines.push(format!(
            "{}  {}  {}",
            padded(&result.name, check_width),
            padded(result.status(), status_width),
            result.detail
        ));
    }
    lines.join("\n")
}
