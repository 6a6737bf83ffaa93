//! # Area 4, runner (continued): the report as a table for humans and JSON for machines
//!
//! ## The Python
//!
//! The seed asks for a report twice without giving code: Day 1's `HealthRunner` "runs all checks
//! and prints a report", Day 3's `formatters.py` holds `format_report, format_table`. A sketch:
//!
//! ```python
//! def format_table(results):
//!     for r in results:
//!         print(f"{r.server:<12} {r.check:<16} {r.status:<8} {r.message}")
//! json.dumps(asdict(report))            # seed, Day 2: asdict; Day 1: json.dumps
//! ```
//!
//! ## The Rust idea
//!
//! `format!("{cell:<width$}")` pads to a width computed at run time. `Report` derives
//! `Serialize` (see `src/runner.rs`), so JSON is one call to serde_json: the `asdict` +
//! `json.dumps` of the seed.
//!
//! ## Your task
//!
//! 1. `render_table`, in exactly this layout (a test compares it with a snapshot):
//!    - a header row: `SERVER`, `CHECK`, `STATUS`, `VALUE`, `MESSAGE`;
//!    - one row per result, in the report's order: the server, the check, the status as it
//!      displays (`OK`, `WARNING`, `CRITICAL`), the value, the message. The value is the
//!      metric's value with one decimal and its unit right after it (`format!("{:.1}{}", ..)`,
//!      e.g. `42.0%`), or `-` when the result has no metric;
//!    - every cell left-aligned and padded with spaces to the width of the widest cell of its
//!      column (the header's included), the columns joined by two spaces; the last column
//!      (`MESSAGE`) is not padded, and no line ends with a space;
//!    - then the summary line `total N: A ok, B warning, C critical`;
//!    - every line, the last one included, ends with `\n`.
//!
//!    ```text
//!    SERVER  CHECK      STATUS    VALUE  MESSAGE
//!    web-01  disk /     OK        42.0%  disk / is 42.0% full
//!    db-01   port 5432  CRITICAL  -      connection refused
//!    total 2: 1 ok, 0 warning, 1 critical
//!    ```
//!
//! 2. `render_json`: the report as **one line** of JSON (`serde_json::to_string`), so that
//!    `--interval` prints one JSON object per line (JSON Lines), which `jq` reads as a stream.
//!    It holds every field of `Report`, and of each result, metric and alert in it, under its
//!    Rust name: an empty list is `[]` and a missing metric `null`, never a key left out, so
//!    that `jq .resolved` always finds what it asks for.
//!
//! Grade this area with `cargo capstone --area runner`; stuck? `cargo hint capstone runner`.
//!
//! ## Read more
//!
//! [`std::fmt`'s width and fill](https://doc.rust-lang.org/std/fmt/index.html#width)
//! (`{:<width$}`); [serde_json](https://docs.rs/serde_json/latest/serde_json/) (`to_string`);
//! [JSON Lines](https://jsonlines.org/); [insta](https://insta.rs/docs/), the snapshot test that
//! checks your table.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(dead_code, unused)]

use crate::models::Status;
use crate::runner::Report;

/// The table: a header, one row per result, columns padded to their widest cell and joined by two
/// spaces (the last column unpadded), then the summary line.
pub fn render_table(report: &Report) -> String {
    todo!("header, rows, padded columns, summary line")
}

/// The report as one line of JSON (a JSON Lines record: one per round).
pub fn render_json(report: &Report) -> String {
    todo!("serde_json::to_string")
}
