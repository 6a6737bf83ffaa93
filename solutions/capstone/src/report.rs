//! # Report output: a table for humans, JSON for machines (reference solution)
//!
//! ## Read more
//!
//! [`std::fmt`'s width and fill](https://doc.rust-lang.org/std/fmt/index.html#width)
//! (`{:<width$}`); [serde_json](https://docs.rs/serde_json/latest/serde_json/) (`to_string`);
//! [JSON Lines](https://jsonlines.org/); [insta](https://insta.rs/docs/), the snapshot test that
//! checks your table.

use crate::models::Status;
use crate::runner::Report;

const HEADER: [&str; 5] = ["SERVER", "CHECK", "STATUS", "VALUE", "MESSAGE"];

/// The table: a header, one row per result, columns padded to their widest cell and joined by two
/// spaces (the last column unpadded), then the summary line.
pub fn render_table(report: &Report) -> String {
    let mut rows: Vec<[String; 5]> = vec![HEADER.map(str::to_owned)];
    for result in &report.results {
        let value = result.metric.as_ref().map_or_else(
            || "-".to_owned(),
            |metric| format!("{:.1}{}", metric.value(), metric.unit()),
        );
        rows.push([
            result.server.clone(),
            result.check.clone(),
            result.status.to_string(),
            value,
            result.message.clone(),
        ]);
    }
    let mut widths = [0; 5];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut table = String::new();
    for row in &rows {
        let mut line = String::new();
        for (column, cell) in row.iter().enumerate() {
            if column + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<width$}  ", width = widths[column]));
            }
        }
        table.push_str(line.trim_end());
        table.push('\n');
    }
    table.push_str(&format!(
        "total {}: {} ok, {} warning, {} critical\n",
        report.results.len(),
        report.count(Status::Ok),
        report.count(Status::Warning),
        report.count(Status::Critical)
    ));
    table
}

/// The report as one line of JSON (a JSON Lines record: one per round).
pub fn render_json(report: &Report) -> String {
    serde_json::to_string(report).expect("a report always serializes")
}
