//! # `monitoring::formatters`: reports (reference solution)
//!
//! `result_line` is shared with `alerts` and hidden from users (`pub(crate)`); `format_report` and
//! `format_table` are re-exported at the top of the package.

use super::checks::CheckResult;

/// `[<status>] <name>: <detail>`.
pub(crate) fn result_line(result: &CheckResult) -> String {
    format!("[{}] {}: {}", result.status(), result.name, result.detail)
}

/// Every result's line, then `<passed>/<total> checks passed`.
pub fn format_report(results: &[CheckResult]) -> String {
    let passed = results.iter().filter(|r| r.passed).count();
    let mut lines: Vec<String> = results.iter().map(result_line).collect();
    lines.push(format!("{passed}/{} checks passed", results.len()));
    lines.join("\n")
}

/// The results as an aligned table: `CHECK`, `STATUS`, `DETAIL`.
pub fn format_table(results: &[CheckResult]) -> String {
    let rows: Vec<[&str; 3]> = std::iter::once(["CHECK", "STATUS", "DETAIL"])
        .chain(
            results
                .iter()
                .map(|r| [r.name.as_str(), r.status(), r.detail.as_str()]),
        )
        .collect();
    let width = |column: usize| rows.iter().map(|row| row[column].len()).max().unwrap_or(0);
    let (check_width, status_width) = (width(0), width(1));
    rows.iter()
        .map(|[check, status, detail]| {
            format!("{check:<check_width$}  {status:<status_width$}  {detail}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
