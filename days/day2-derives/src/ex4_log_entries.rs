//! # Exercise 4: log entries, a NamedTuple parsed from text
//!
//! ## The Python original (seed, Day 2)
//!
//! ```python
//! class ServerInfo(NamedTuple):
//!     name: str
//!     ip: str
//!     port: int = 8080
//!
//! info = ServerInfo("web-01", "10.0.1.1", 8080)
//! name, ip, port = info       # tuple unpacking
//! # info.name = "web-02"     # AttributeError: immutable
//! ```
//!
//! Exercise 4 asks for `LogEntry = NamedTuple(...)` with timestamp, level, host and message,
//! ten log lines parsed into `LogEntry` objects, and the entries grouped by level in a dict.
//!
//! ## The Rust idea
//!
//! A NamedTuple is a small record: named fields, immutable, comparable, hashable, unpackable.
//! In Rust that is a struct with public fields and derives (given below): it is immutable
//! unless its binding is `mut`, and `let LogEntry { level, host, .. } = entry;` unpacks it.
//!
//! Parsing text into a type is the trait `FromStr`: write `from_str` once, and `line.parse()`
//! gives `Result<LogEntry, ParseLogError>`. A bad line is an `Err` that says what is wrong, never
//! a panic: `split` and `get(i)` return `Option`s, and `ok_or` turns them into errors, where
//! `parts[3]` would crash the parser on the first short line at 3 AM.
//!
//! ## Your task
//!
//! A line is `<timestamp> <LEVEL> <host> <message>`, each field followed by one space or one
//! tab; the message is the rest of the line and may hold spaces:
//! `2025-06-08T10:15:00Z ERROR db-01 Connection refused`.
//!
//! 1. `Level::from_str`: the names Python's logging prints, in capitals: `DEBUG`, `INFO`,
//!    `WARNING`, `ERROR`, `CRITICAL`, exactly as written. Anything else is
//!    `Err(UnknownLevel(the text))`: `info`, `Warning` and `WARN` too.
//! 2. `ParseLogError`'s `Display`, then `LogEntry::from_str`. A line that ends too early is
//!    `Err(Missing(field))`, naming the first field that is missing: `"timestamp"`, `"level"`,
//!    `"host"` or `"message"`. The message is the rest of the line as written: trim its ends,
//!    but keep the spaces and tabs inside it (`Slow query:  2.3s` keeps both spaces).
//! 3. `parse_log`: every entry of a log, in order. Skip blank lines. The first bad line is an
//!    `Err(LineError)` with its line number, counted from 1 with the blank lines (as your editor
//!    numbers them). `LineError`'s `Display` starts with `line <number>: ` and gives the reason.
//! 4. `group_by_level`: the entries in a `BTreeMap` by level, each group in the log's order; a
//!    level without entries has no key.
//!
//! ## Read more
//!
//! - std::str::FromStr: <https://doc.rust-lang.org/std/str/trait.FromStr.html>
//! - str::split_once: <https://doc.rust-lang.org/std/primitive.str.html#method.split_once>
//! - The Rust Book, ch. 9.2 The ? operator: <https://doc.rust-lang.org/book/ch09-02-recoverable-errors-with-result.html#a-shortcut-for-propagating-errors-the--operator>
//! - The Rust Book, ch. 19.3 Pattern Syntax (destructuring structs): <https://doc.rust-lang.org/book/ch19-03-pattern-syntax.html#destructuring-structs>
//! - std::collections::BTreeMap::entry: <https://doc.rust-lang.org/std/collections/struct.BTreeMap.html#method.entry>
//!
//! Run the tests with `cargo day 2` (or `just day 2`); stuck? `cargo hint 2 log-entries`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A log level, as Python's logging names them. Ordered from the least to the most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Debug,
    Info,
    Warning,
    Error,
    Critical,
}

impl FromStr for Level {
    type Err = ParseLogError;

    fn from_str(s: &str) -> Result<Level, ParseLogError> {
        todo!("match on the text: \"DEBUG\" => Ok(Level::Debug), ...")
    }
}

/// One line of a log: `<timestamp> <LEVEL> <host> <message...>`. Given: the record itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub timestamp: String,
    pub level: Level,
    pub host: String,
    pub message: String,
}

/// Why a line is not a log entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseLogError {
    /// The line ends before this field: "timestamp", "level", "host" or "message".
    Missing(&'static str),
    /// The level is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL.
    UnknownLevel(String),
}

impl fmt::Display for ParseLogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!("say which field is missing, or show the unknown level")
    }
}

impl std::error::Error for ParseLogError {}

impl FromStr for LogEntry {
    type Err = ParseLogError;

    fn from_str(line: &str) -> Result<LogEntry, ParseLogError> {
        todo!("take the fields one by one; `?` passes a ParseLogError on")
    }
}

/// A line of a log that could not be parsed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// Counted from 1, blank lines included, as an editor shows them.
    pub line_number: usize,
    /// The line as it was.
    pub line: String,
    pub error: ParseLogError,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!("`line <number>: <the reason>`")
    }
}

impl std::error::Error for LineError {}

/// Every entry of a log, in order. Blank lines are skipped; the first bad line is an error.
pub fn parse_log(text: &str) -> Result<Vec<LogEntry>, LineError> {
    todo!("text.lines().enumerate(): the index counts from 0, lines from 1")
}

/// The entries grouped by level, each group in the order of the log. Only levels that occur.
pub fn group_by_level(entries: &[LogEntry]) -> BTreeMap<Level, Vec<LogEntry>> {
    todo!("groups.entry(level).or_default().push(...)")
}
