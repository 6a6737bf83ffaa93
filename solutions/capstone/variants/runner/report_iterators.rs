//! Report output, another style: columns measured with iterators, lines joined with `join`, the
//! table collected into a `Vec` of lines.

use crate::models::Status;
use crate::runner::Report;

/// The table: a header, one row per result, columns padded to their widest cell and joined by two
/// spaces (the last column unpadded), then the summary line.
pub fn render_table(report: &Report) -> String {
    let header = ["SERVER", "CHECK", "STATUS", "VALUE", "MESSAGE"].map(String::from);
    let rows: Vec<[String; 5]> = std::iter::once(header)
        .chain(report.results.iter().map(|r| {
            let value = match &r.metric {
                Some(m) => format!("{:.1}{}", m.value(), m.unit()),
                None => String::from("-"),
            };
            [
                r.server.clone(),
                r.check.clone(),
                format!("{}", r.status),
                value,
                r.message.clone(),
            ]
        }))
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..4).map(width).collect();
    let mut lines: Vec<String> = rows
        .iter()
        .map(|row| {
            let mut cells: Vec<String> = widths
                .iter()
                .zip(row)
                .map(|(w, cell)| format!("{cell:<w$}"))
                .collect();
            cells.push(row[4].clone());
            cells.join("  ").trim_end().to_owned()
        })
        .collect();
    lines.push(format!(
        "total {}: {} ok, {} warning, {} critical",
        report.results.len(),
        report.count(Status::Ok),
        report.count(Status::Warning),
        report.count(Status::Critical)
    ));
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// The report as one line of JSON (a JSON Lines record: one per round).
pub fn render_json(report: &Report) -> String {
    serde_json::to_value(report)
        .map(|value| value.to_string())
        .unwrap_or_default()
}
