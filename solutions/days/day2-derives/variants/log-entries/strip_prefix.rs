//! Exercise 4, another correct style: the words come from `split_whitespace`, and the message is
//! what is left of the line once they are stripped off the front (so its inner spaces stay);
//! `parse_log` with `map` and `collect` into a `Result`, `group_by_level` with `match` on `get_mut`.

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
        Ok(match s {
            "DEBUG" => Level::Debug,
            "INFO" => Level::Info,
            "WARNING" => Level::Warning,
            "ERROR" => Level::Error,
            "CRITICAL" => Level::Critical,
            _ => return Err(ParseLogError::UnknownLevel(s.into())),
        })
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
            Self::Missing(what) => write!(f, "missing {what}"),
            Self::UnknownLevel(what) => write!(f, "unknown log level `{what}`"),
        }
    }
}

impl std::error::Error for ParseLogError {}

impl FromStr for LogEntry {
    type Err = ParseLogError;

    fn from_str(line: &str) -> Result<LogEntry, ParseLogError> {
        let mut words = line.split_whitespace();
        let mut rest = line.trim_start();
        let mut take = |field: &'static str| {
            let word = words.next().ok_or(ParseLogError::Missing(field))?;
            rest = rest.strip_prefix(word).unwrap_or(rest).trim_start();
            Ok::<&str, ParseLogError>(word)
        };
        let timestamp = take("timestamp")?.to_string();
        let level: Level = take("level")?.parse()?;
        let host = take("host")?.to_string();
        let message = rest.trim_end();
        if message.is_empty() {
            return Err(ParseLogError::Missing("message"));
        }
        Ok(LogEntry {
            timestamp,
            level,
            host,
            message: message.to_string(),
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
        write!(
            f,
            "line {}: {} in {}",
            self.line_number, self.error, self.line
        )
    }
}

impl std::error::Error for LineError {}

/// Every entry of a log, in order.
pub fn parse_log(text: &str) -> Result<Vec<LogEntry>, LineError> {
    text.lines()
        .zip(1..)
        .filter(|(line, _)| !line.trim().is_empty())
        .map(|(line, line_number)| {
            LogEntry::from_str(line).map_err(|error| LineError {
                line_number,
                line: line.into(),
                error,
            })
        })
        .collect()
}

/// The entries grouped by level, each group in the order of the log.
pub fn group_by_level(entries: &[LogEntry]) -> BTreeMap<Level, Vec<LogEntry>> {
    let mut groups = BTreeMap::new();
    for entry in entries {
        match groups.get_mut(&entry.level) {
            Some(group) => Vec::push(group, entry.clone()),
            None => {
                groups.insert(entry.level, vec![entry.clone()]);
            }
        }
    }
    groups
}
