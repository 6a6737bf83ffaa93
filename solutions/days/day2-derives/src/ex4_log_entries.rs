//! # Exercise 4: log entries (reference solution)
//!
//! `LogEntry` is a record with public fields, immutable unless its binding is `mut`: Python's
//! NamedTuple. `FromStr` parses one line and returns an error instead of panicking; `parse_log`
//! adds the line number; `group_by_level` fills a `BTreeMap` with `entry().or_default()`.
//!
//! ## Read more
//!
//! - std::str::FromStr: <https://doc.rust-lang.org/std/str/trait.FromStr.html>
//! - str::split_once: <https://doc.rust-lang.org/std/primitive.str.html#method.split_once>
//! - The Rust Book, ch. 9.2 The ? operator: <https://doc.rust-lang.org/book/ch09-02-recoverable-errors-with-result.html#a-shortcut-for-propagating-errors-the--operator>
//! - The Rust Book, ch. 19.3 Pattern Syntax (destructuring structs): <https://doc.rust-lang.org/book/ch19-03-pattern-syntax.html#destructuring-structs>
//! - std::collections::BTreeMap::entry: <https://doc.rust-lang.org/std/collections/struct.BTreeMap.html#method.entry>

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
        match s {
            "DEBUG" => Ok(Level::Debug),
            "INFO" => Ok(Level::Info),
            "WARNING" => Ok(Level::Warning),
            "ERROR" => Ok(Level::Error),
            "CRITICAL" => Ok(Level::Critical),
            other => Err(ParseLogError::UnknownLevel(other.to_string())),
        }
    }
}

/// One line of a log: `<timestamp> <LEVEL> <host> <message...>`.
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
        match self {
            ParseLogError::Missing(field) => write!(f, "the {field} is missing"),
            ParseLogError::UnknownLevel(level) => write!(
                f,
                "unknown level {level:?} (expected DEBUG, INFO, WARNING, ERROR or CRITICAL)"
            ),
        }
    }
}

impl std::error::Error for ParseLogError {}

/// Splits off the first whitespace-separated word: the word and the rest, trimmed at the start.
fn next_field(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    if text.is_empty() {
        return None;
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    Some((&text[..end], text[end..].trim_start()))
}

impl FromStr for LogEntry {
    type Err = ParseLogError;

    fn from_str(line: &str) -> Result<LogEntry, ParseLogError> {
        let (timestamp, rest) = next_field(line).ok_or(ParseLogError::Missing("timestamp"))?;
        let (level, rest) = next_field(rest).ok_or(ParseLogError::Missing("level"))?;
        let level: Level = level.parse()?;
        let (host, rest) = next_field(rest).ok_or(ParseLogError::Missing("host"))?;
        let message = rest.trim();
        if message.is_empty() {
            return Err(ParseLogError::Missing("message"));
        }
        Ok(LogEntry {
            timestamp: timestamp.to_string(),
            level,
            host: host.to_string(),
            message: message.to_string(),
        })
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
        write!(
            f,
            "line {}: {}: {:?}",
            self.line_number, self.error, self.line
        )
    }
}

impl std::error::Error for LineError {}

/// Every entry of a log, in order. Blank lines are skipped; the first bad line is an error.
pub fn parse_log(text: &str) -> Result<Vec<LogEntry>, LineError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            line.parse().map_err(|error| LineError {
                line_number: index + 1,
                line: line.to_string(),
                error,
            })
        })
        .collect()
}

/// The entries grouped by level, each group in the order of the log. Only levels that occur.
pub fn group_by_level(entries: &[LogEntry]) -> BTreeMap<Level, Vec<LogEntry>> {
    let mut groups: BTreeMap<Level, Vec<LogEntry>> = BTreeMap::new();
    for entry in entries {
        groups.entry(entry.level).or_default().push(entry.clone());
    }
    groups
}
