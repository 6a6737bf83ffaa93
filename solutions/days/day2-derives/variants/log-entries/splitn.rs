//! Exercise 4, another correct style: `splitn(4, char::is_whitespace)` and `Iterator::next`, a table of level
//! names, an explicit loop in `parse_log` and a `fold` in `group_by_level`.

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

const LEVELS: [(&str, Level); 5] = [
    ("DEBUG", Level::Debug),
    ("INFO", Level::Info),
    ("WARNING", Level::Warning),
    ("ERROR", Level::Error),
    ("CRITICAL", Level::Critical),
];

impl FromStr for Level {
    type Err = ParseLogError;

    fn from_str(s: &str) -> Result<Level, ParseLogError> {
        LEVELS
            .iter()
            .find(|(name, _)| *name == s)
            .map(|(_, level)| *level)
            .ok_or_else(|| ParseLogError::UnknownLevel(s.to_string()))
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
    /// The line ends before this field.
    Missing(&'static str),
    /// The level is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL.
    UnknownLevel(String),
}

impl fmt::Display for ParseLogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseLogError::Missing(field) => write!(f, "no {field}"),
            ParseLogError::UnknownLevel(level) => write!(f, "{level} is not a log level"),
        }
    }
}

impl std::error::Error for ParseLogError {}

impl FromStr for LogEntry {
    type Err = ParseLogError;

    fn from_str(line: &str) -> Result<LogEntry, ParseLogError> {
        let mut parts = line
            .splitn(4, char::is_whitespace)
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let timestamp = parts.next().ok_or(ParseLogError::Missing("timestamp"))?;
        let level = parts.next().ok_or(ParseLogError::Missing("level"))?;
        let level = Level::from_str(level)?;
        let host = parts.next().ok_or(ParseLogError::Missing("host"))?;
        let message = parts.next().ok_or(ParseLogError::Missing("message"))?;
        Ok(LogEntry {
            timestamp: timestamp.to_owned(),
            level,
            host: host.to_owned(),
            message: message.to_owned(),
        })
    }
}

/// A line of a log that could not be parsed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// Counted from 1, blank lines included.
    pub line_number: usize,
    /// The line as it was.
    pub line: String,
    pub error: ParseLogError,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line_number, self.error)
    }
}

impl std::error::Error for LineError {}

/// Every entry of a log, in order.
pub fn parse_log(text: &str) -> Result<Vec<LogEntry>, LineError> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        match line.parse::<LogEntry>() {
            Ok(entry) => entries.push(entry),
            Err(error) => {
                return Err(LineError {
                    line_number,
                    line: line.to_string(),
                    error,
                });
            }
        }
    }
    Ok(entries)
}

/// The entries grouped by level, each group in the order of the log.
pub fn group_by_level(entries: &[LogEntry]) -> BTreeMap<Level, Vec<LogEntry>> {
    entries.iter().fold(BTreeMap::new(), |mut groups, entry| {
        groups
            .entry(entry.level)
            .or_insert_with(Vec::new)
            .push(entry.clone());
        groups
    })
}
