//! Exercise 4: log lines parsed into `LogEntry` records with `FromStr`, and grouped by level.

#[path = "../src/ex4_log_entries.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex4_log_entries;

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use ex4_log_entries::{Level, LogEntry, ParseLogError, group_by_level, parse_log};

/// The ten lines the exercise parses.
const TEN_LINES: &str = "\
2025-06-08T10:00:00Z INFO web-01 Service started on port 8080
2025-06-08T10:00:05Z DEBUG web-01 Loaded 42 routes
2025-06-08T10:01:12Z WARNING db-01 Slow query: 2.3s on orders
2025-06-08T10:02:30Z ERROR web-02 Connection refused to db-01:5432
2025-06-08T10:02:31Z INFO web-02 Retrying in 5s
2025-06-08T10:02:36Z ERROR web-02 Connection refused to db-01:5432
2025-06-08T10:03:00Z CRITICAL db-01 Disk /var is 97% full
2025-06-08T10:04:10Z INFO lb-01 Health check passed for web-01
2025-06-08T10:05:00Z WARNING web-01 Memory at 85%
2025-06-08T10:06:00Z INFO web-02 Connected to db-01:5432
";

/// Runs `f`, and turns a panic into a teaching failure: a parser must return errors, not crash.
/// A `todo!()` still reads as "not started".
fn without_panic<T>(what: &str, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => value,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            if message.starts_with("not yet implemented") || message.starts_with("not implemented")
            {
                resume_unwind(payload);
            }
            panic!(
                "{what} panicked ({message}): a bad line must give an Err, never a panic. Use get(i) or split_once and `ok_or`, not parts[i]."
            );
        }
    }
}

fn entry(line: &str) -> Result<LogEntry, ParseLogError> {
    without_panic(&format!("{line:?}.parse::<LogEntry>()"), || {
        line.parse::<LogEntry>()
    })
}

fn levels_parse_from_python_logging_names() {
    let cases = [
        ("DEBUG", Level::Debug),
        ("INFO", Level::Info),
        ("WARNING", Level::Warning),
        ("ERROR", Level::Error),
        ("CRITICAL", Level::Critical),
    ];
    for (text, level) in cases {
        assert_eq!(
            text.parse::<Level>(),
            Ok(level),
            "{text:?} must parse as Level::{level:?}"
        );
    }
    assert_eq!(
        "FATAL".parse::<Level>(),
        Err(ParseLogError::UnknownLevel("FATAL".to_string())),
        "an unknown level must be Err(UnknownLevel) holding the text, so that the error can show it"
    );
}

fn levels_are_the_five_names_in_capitals_only() {
    for text in ["info", "Error", "warning", "WARN", "Critical", "debug"] {
        assert_eq!(
            text.parse::<Level>(),
            Err(ParseLogError::UnknownLevel(text.to_string())),
            "{text:?} is not one of the five names exactly as Python's logging prints them (DEBUG, INFO, WARNING, \
             ERROR, CRITICAL, in capitals): it must be Err(UnknownLevel({text:?})). Match the text as it is; do not \
             change its case or accept other spellings"
        );
    }
}

fn a_line_parses_into_its_four_fields() {
    let parsed =
        entry("2025-06-08T10:02:30Z ERROR web-02 Connection refused to db-01:5432 (retry 1/3)");
    assert_eq!(
        parsed,
        Ok(LogEntry {
            timestamp: "2025-06-08T10:02:30Z".to_string(),
            level: Level::Error,
            host: "web-02".to_string(),
            message: "Connection refused to db-01:5432 (retry 1/3)".to_string(),
        }),
        "timestamp, level and host are the first three words; the message is the REST of the line, spaces and colons included"
    );
    let spaced =
        entry("2025-06-08T10:01:12Z WARNING db-01 Slow query:  2.3s\ton orders  (table  scan)");
    assert_eq!(
        spaced.map(|e| e.message),
        Ok("Slow query:  2.3s\ton orders  (table  scan)".to_string()),
        "the message is the rest of the line as written, inner spaces and tabs kept: rebuilding it from words \
         (split_whitespace, then join(\" \")) loses them. Take the rest of the line after the host"
    );
    let padded = entry("2025-06-08T10:00:00Z INFO web-01 Service started   \n");
    assert_eq!(
        padded.map(|e| e.message),
        Ok("Service started".to_string()),
        "the message must be trimmed: no trailing spaces or newline"
    );
}

fn a_tab_separates_fields_too() {
    let tabbed = entry("2025-06-08T10:02:30Z\tERROR\tdb-01\tConnection refused");
    assert_eq!(
        tabbed,
        Ok(LogEntry {
            timestamp: "2025-06-08T10:02:30Z".to_string(),
            level: Level::Error,
            host: "db-01".to_string(),
            message: "Connection refused".to_string(),
        }),
        "a field may be followed by a tab as well as by a space: split at \
         `char::is_whitespace` (or take words with `split_whitespace`), not at `' '` alone"
    );
}

fn a_short_line_is_an_error_naming_the_missing_field() {
    let cases = [
        ("", "timestamp"),
        ("2025-06-08T10:00:00Z", "level"),
        ("2025-06-08T10:00:00Z INFO", "host"),
        ("2025-06-08T10:00:00Z INFO web-01", "message"),
        ("2025-06-08T10:00:00Z INFO web-01   ", "message"),
    ];
    for (line, field) in cases {
        assert_eq!(
            entry(line),
            Err(ParseLogError::Missing(field)),
            "{line:?} ends before its {field}: it must be Err(Missing({field:?}))"
        );
    }
}

fn an_unknown_level_is_an_error() {
    assert_eq!(
        entry("2025-06-08T10:00:00Z FATAL web-01 Out of memory"),
        Err(ParseLogError::UnknownLevel("FATAL".to_string())),
        "FATAL is not one of Python's level names: the line must be Err(UnknownLevel(\"FATAL\"))"
    );
    let text = ParseLogError::UnknownLevel("FATAL".to_string()).to_string();
    assert!(
        text.contains("FATAL"),
        "the message of UnknownLevel must show the level it did not know: got {text:?}"
    );
    let missing = ParseLogError::Missing("host").to_string();
    assert!(
        missing.contains("host"),
        "the message of Missing(\"host\") must name the missing field: got {missing:?}"
    );
}

fn ten_lines_give_ten_entries_in_order() {
    let entries = without_panic("parse_log", || parse_log(TEN_LINES)).unwrap_or_else(|e| {
        panic!("the ten sample lines are all valid, but parse_log gave Err: {e:?}")
    });
    assert_eq!(entries.len(), 10, "ten log lines give ten entries");
    assert_eq!(
        entries[0],
        LogEntry {
            timestamp: "2025-06-08T10:00:00Z".to_string(),
            level: Level::Info,
            host: "web-01".to_string(),
            message: "Service started on port 8080".to_string(),
        },
        "the first entry is the first line"
    );
    let LogEntry {
        level,
        host,
        message,
        ..
    } = &entries[6];
    assert_eq!(
        (*level, host.as_str(), message.as_str()),
        (Level::Critical, "db-01", "Disk /var is 97% full"),
        "the seventh entry is the seventh line: entries stay in the order of the log"
    );
}

fn blank_lines_are_skipped() {
    let text =
        "\n2025-06-08T10:00:00Z INFO web-01 Up\n\n   \n2025-06-08T10:00:05Z ERROR web-02 Down\n\n";
    let entries = without_panic("parse_log", || parse_log(text))
        .unwrap_or_else(|e| panic!("blank lines must be skipped, not reported: got Err({e:?})"));
    let hosts: Vec<&str> = entries.iter().map(|e| e.host.as_str()).collect();
    assert_eq!(hosts, ["web-01", "web-02"], "two entries among blank lines");
}

fn a_bad_line_is_named_by_its_number() {
    let text = "2025-06-08T10:00:00Z INFO web-01 Up\n\n2025-06-08T10:00:05Z ERROR web-02 Down\n2025-06-08T10:00:09Z FATAL web-03 Gone\n2025-06-08T10:00:10Z INFO web-04\n";
    let err = without_panic("parse_log", || parse_log(text))
        .expect_err("line 4 has the unknown level FATAL: parse_log must return Err");
    assert_eq!(
        err.line_number, 4,
        "FATAL is on line 4 as an editor numbers lines: count from 1, and count the blank line 2 too"
    );
    assert_eq!(
        err.error,
        ParseLogError::UnknownLevel("FATAL".to_string()),
        "the error of line 4 is its unknown level (line 5 is bad too, but the FIRST bad line is reported)"
    );
    assert_eq!(
        err.line, "2025-06-08T10:00:09Z FATAL web-03 Gone",
        "LineError.line must be the bad line itself"
    );
    let text = err.to_string();
    assert!(
        text.starts_with("line 4: ") && text.contains("FATAL"),
        "the message must start with `line 4: ` and give the reason: got {text:?}"
    );
    let indented = "  2025-06-08T10:00:09Z FATAL web-03 Gone  ";
    let err = without_panic("parse_log", || {
        parse_log(&format!(
            "2025-06-08T10:00:00Z INFO web-01 Up\n{indented}\n"
        ))
    })
    .expect_err("line 2 has the unknown level FATAL: parse_log must return Err");
    assert_eq!(
        (err.line_number, err.line.as_str()),
        (2, indented),
        "LineError.line is the line as it was, spaces and all: trim a copy to parse it, keep the original"
    );
}

fn entries_group_by_level_in_log_order() {
    let entries = without_panic("parse_log", || parse_log(TEN_LINES))
        .expect("the ten sample lines are valid");
    let groups = without_panic("group_by_level", || group_by_level(&entries));
    let counts: Vec<(Level, usize)> = groups
        .iter()
        .map(|(level, group)| (*level, group.len()))
        .collect();
    assert_eq!(
        counts,
        [
            (Level::Debug, 1),
            (Level::Info, 4),
            (Level::Warning, 2),
            (Level::Error, 2),
            (Level::Critical, 1)
        ],
        "the ten lines hold 1 DEBUG, 4 INFO, 2 WARNING, 2 ERROR and 1 CRITICAL"
    );
    let info_hosts: Vec<&str> = groups[&Level::Info]
        .iter()
        .map(|e| e.host.as_str())
        .collect();
    assert_eq!(
        info_hosts,
        ["web-01", "web-02", "lb-01", "web-02"],
        "each group keeps the order of the log"
    );
    let errors_only = &entries[3..4];
    let groups = group_by_level(errors_only);
    assert_eq!(
        groups.keys().copied().collect::<Vec<_>>(),
        [Level::Error],
        "a level without entries has no key: one ERROR entry gives one group"
    );
    assert!(group_by_level(&[]).is_empty(), "no entries, no groups");
}

workbook_harness::main!(
    levels_parse_from_python_logging_names,
    levels_are_the_five_names_in_capitals_only,
    a_line_parses_into_its_four_fields,
    a_tab_separates_fields_too,
    a_short_line_is_an_error_naming_the_missing_field,
    an_unknown_level_is_an_error,
    ten_lines_give_ten_entries_in_order,
    blank_lines_are_skipped,
    a_bad_line_is_named_by_its_number,
    entries_group_by_level_in_log_order,
);
