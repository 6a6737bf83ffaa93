//! Exercise 1: a logging setup.
//!
//! The events are graded by what the code emits (captured in memory: level, target, message,
//! fields), the rotating file by real files in a temporary folder, and the subscriber by running
//! events through it (`tracing::subscriber::with_default`) and reading what reached the console
//! (an in-memory writer) and the files. The time is never read.
//!
//! The exercise file is mounted here as the module `setup`, so its targets are this test target's
//! module path plus `::setup`: they are computed with `module_path!()`, never written out.

#[path = "support/capture.rs"]
#[allow(dead_code)]
mod capture;

#[path = "../src/ex1_setup.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod setup;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use capture::{Buffer, CapturedEvent, Value};
use setup::{RotatingFile, alerts, checks, load_port, log_every_level, log_failure};
use tracing::Level;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The target of an event logged in the exercise file's own functions.
fn file_target() -> String {
    format!("{}::setup", module_path!())
}

/// The target of an event logged in the exercise file's module `name` (`checks`, `alerts`).
fn module_target(name: &str) -> String {
    format!("{}::{name}", file_target())
}

/// The number of a field, if the event has it as a number.
fn number(event: &CapturedEvent, name: &str) -> Option<f64> {
    event.fields.get(name).and_then(Value::number)
}

/// A fresh temporary folder and the path of `app.log` in it.
fn log_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("app.log");
    (dir, path)
}

/// The path of backup `i`: the file name with `.i` appended.
fn backup(path: &Path, i: usize) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{i}"));
    PathBuf::from(name)
}

/// A file's contents, or `None` if it does not exist.
fn contents(path: &Path) -> Option<String> {
    fs::read(path)
        .ok()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Every file in the log's folder with what it holds: `app.log` first, then the others by name.
fn describe_files(path: &Path) -> String {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort_by_key(|f| (f != path, f.clone()));
    if files.is_empty() {
        return "  (no file)".to_owned();
    }
    files
        .iter()
        .map(|file| {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let text = contents(file).unwrap_or_default();
            format!("  {name}: {text:?}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fails unless backup `i` of `path` exists, saying how backups are named.
fn assert_backup_exists(path: &Path, i: usize, why: &str) {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    assert!(
        backup(path, i).exists(),
        "{why}, so there is a backup {name}.{i}: its name is the whole file name with `.{i}` \
         appended (Path::with_extension would replace the `.log`). The folder has:\n{}",
        describe_files(path)
    );
}

/// Fails unless every file of the log (`app.log` and its backups) holds whole records, each one
/// of `records`: a record is never split across files.
fn assert_whole_records(path: &Path, records: &[String]) {
    for i in 0..12 {
        let file = if i == 0 {
            path.to_owned()
        } else {
            backup(path, i)
        };
        let Some(text) = contents(&file) else {
            continue;
        };
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let Some(whole) = records.iter().find(|r| rest.starts_with(r.as_str())) else {
                panic!(
                    "{name} holds part of a record: a record is never split across files. \
                     Rotate before writing a record that would not fit, then write it whole \
                     into the new file. The folder has:\n{}",
                    describe_files(path)
                );
            };
            rest = &rest[whole.len()..];
        }
    }
}

/// Writes one record, as the fmt layer does: one `write_all` of the whole line.
fn record(file: &mut RotatingFile, text: &str) {
    file.write_all(text.as_bytes())
        .unwrap_or_else(|e| panic!("writing {text:?} failed: {e}"));
}

/// One line of the fmt layer's default format: level, target, and the rest (message, fields).
#[derive(Debug, Clone, PartialEq)]
struct Line {
    level: String,
    target: String,
    rest: String,
}

const LEVELS: [&str; 5] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];

/// Reads `LEVEL target: rest` (the level may have spaces before it).
fn parse_line(line: &str) -> Option<Line> {
    let (level, after) = line.trim_start().split_once(' ')?;
    let (target, rest) = after.split_once(": ")?;
    LEVELS.contains(&level).then(|| Line {
        level: level.to_owned(),
        target: target.to_owned(),
        rest: rest.to_owned(),
    })
}

/// Reads a line of the file: the time first, then what [`parse_line`] reads.
fn parse_file_line(line: &str) -> Option<Line> {
    let (time, after) = line.split_once(' ')?;
    if LEVELS.contains(&time) || !time.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    parse_line(after)
}

/// Runs `code` with the learner's subscriber (a console in memory, `app.log` in a fresh folder,
/// `max_bytes` and `backups` as given) and returns what the console got, the folder and the
/// path of `app.log`. The subscriber is dropped before the files are read.
fn through_subscriber(
    max_bytes: u64,
    backups: usize,
    code: impl FnOnce(),
) -> (String, tempfile::TempDir, PathBuf) {
    let (dir, path) = log_folder();
    let console = Buffer::new();
    let subscriber = setup::subscriber(console.clone(), &path, max_bytes, backups)
        .unwrap_or_else(|e| panic!("subscriber(console, {path:?}, ..) returned an error: {e}"));
    tracing::subscriber::with_default(subscriber, code);
    (console.text(), dir, path)
}

/// The lines of `text` as (level, target) pairs, `None` for a line in another format.
fn levels_and_targets(lines: &[Option<Line>]) -> Vec<Option<(String, String)>> {
    lines
        .iter()
        .map(|l| l.as_ref().map(|l| (l.level.clone(), l.target.clone())))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Step 1: every level
// ---------------------------------------------------------------------------------------------

fn every_level_is_logged_once_in_order() {
    let ((), log) = capture::capture(log_every_level);
    let events = log.events();
    let levels: Vec<Level> = events.iter().map(|e| e.level).collect();
    assert_eq!(
        levels,
        [
            Level::TRACE,
            Level::DEBUG,
            Level::INFO,
            Level::WARN,
            Level::ERROR,
            Level::ERROR
        ],
        "log_every_level logs six events: TRACE, DEBUG, INFO, WARN, ERROR, then the critical \
         one as ERROR. It logged:\n{}",
        log.describe()
    );
    for event in &events {
        assert_eq!(
            event.target,
            file_target(),
            "every event takes its module's path as its target (no `target:`): {}",
            event.describe()
        );
        assert!(
            !event.message.is_empty(),
            "every event has a message: {}",
            event.describe()
        );
    }
}

fn critical_is_an_error_event_with_critical_true() {
    let ((), log) = capture::capture(log_every_level);
    let events = log.events();
    let critical: Vec<&CapturedEvent> = events
        .iter()
        .filter(|e| e.field("critical").as_deref() == Some("true"))
        .collect();
    assert_eq!(
        critical.len(),
        1,
        "tracing has no CRITICAL level: the critical event is an ERROR event with the field \
         `critical = true`, and only it has that field. log_every_level logged:\n{}",
        log.describe()
    );
    assert_eq!(
        critical[0].level,
        Level::ERROR,
        "the critical event is at ERROR, the highest level tracing has: {}",
        critical[0].describe()
    );
    assert!(
        events
            .last()
            .is_some_and(|e| e.field("critical").as_deref() == Some("true")),
        "the critical event comes last, after the plain ERROR one:\n{}",
        log.describe()
    );
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: per-module targets
// ---------------------------------------------------------------------------------------------

/// Checks an event's level, target, message and its fields `host` and `used_percent`.
fn assert_disk_event(event: &CapturedEvent, level: Level, message: &str, host: &str, used: f64) {
    assert_eq!(
        (event.level, event.message.as_str()),
        (level, message),
        "expected a {level} event `{message}`, got: {}",
        event.describe()
    );
    assert_eq!(
        event.target,
        module_target("checks"),
        "an event of check_disk has the module `checks` as its target (its module path): {}",
        event.describe()
    );
    assert_eq!(
        event.field("host").as_deref(),
        Some(host),
        "the event has the field `host`: {}",
        event.describe()
    );
    assert_eq!(
        number(event, "used_percent"),
        Some(used),
        "the event has the field `used_percent`, the number given: {}",
        event.describe()
    );
}

fn check_disk_logs_a_debug_event_every_time() {
    let (healthy, log) = capture::capture(|| checks::check_disk("web-01", 45.5));
    assert!(
        healthy,
        "a disk 45.5% full is healthy: check_disk returns true"
    );
    let events = log.events();
    assert_eq!(
        events.len(),
        1,
        "a healthy disk logs one event, DEBUG `disk checked`. check_disk logged:\n{}",
        log.describe()
    );
    assert_disk_event(&events[0], Level::DEBUG, "disk checked", "web-01", 45.5);
}

fn check_disk_warns_strictly_above_90_percent() {
    let (healthy, log) = capture::capture(|| checks::check_disk("db-01", 97.5));
    assert!(
        !healthy,
        "a disk 97.5% full is not healthy: check_disk returns false"
    );
    let events = log.events();
    assert_eq!(
        events.len(),
        2,
        "above 90% check_disk logs DEBUG `disk checked`, then WARN `disk almost full`. It \
         logged:\n{}",
        log.describe()
    );
    assert_disk_event(&events[0], Level::DEBUG, "disk checked", "db-01", 97.5);
    assert_disk_event(&events[1], Level::WARN, "disk almost full", "db-01", 97.5);

    let (healthy, log) = capture::capture(|| checks::check_disk("db-02", 90.0));
    assert!(
        healthy,
        "a disk exactly 90.0% full is still healthy (used_percent <= 90.0)"
    );
    assert_eq!(
        log.events().len(),
        1,
        "at exactly 90.0% there is no warning (it warns strictly above 90.0). check_disk \
         logged:\n{}",
        log.describe()
    );
}

fn send_alert_logs_queued_at_info_then_sent_at_warn() {
    let ((), log) = capture::capture(|| alerts::send_alert("db-01", "disk 97.5% full"));
    let events = log.events();
    let seen: Vec<(Level, &str)> = events
        .iter()
        .map(|e| (e.level, e.message.as_str()))
        .collect();
    assert_eq!(
        seen,
        [(Level::INFO, "alert queued"), (Level::WARN, "alert sent")],
        "send_alert logs INFO `alert queued`, then WARN `alert sent`. It logged:\n{}",
        log.describe()
    );
    for event in &events {
        assert_eq!(
            event.target,
            module_target("alerts"),
            "an event of send_alert has the module `alerts` as its target (its module path): {}",
            event.describe()
        );
        assert_eq!(
            (event.field("host"), event.field("summary")),
            (Some("db-01".to_owned()), Some("disk 97.5% full".to_owned())),
            "each event has the fields `host` and `summary`: {}",
            event.describe()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Step 4: the error and its causes
// ---------------------------------------------------------------------------------------------

fn log_failure_records_the_error_with_its_source_chain() {
    let err = load_port("host = db-01\nport = 80a\n").expect_err("`80a` is not a port");
    let cause = "80a"
        .parse::<u16>()
        .expect_err("`80a` is not a number")
        .to_string();
    let ((), log) = capture::capture(|| log_failure(&err));
    let events = log.events();
    assert_eq!(
        events.len(),
        1,
        "log_failure logs one ERROR event. It logged:\n{}",
        log.describe()
    );
    let event = &events[0];
    assert_eq!(
        event.level,
        Level::ERROR,
        "log_failure logs at ERROR: {}",
        event.describe()
    );
    match event.fields.get("error") {
        Some(Value::Error { text, sources }) => {
            assert_eq!(
                text,
                &err.to_string(),
                "the field `error` is the ConfigError itself: {}",
                event.describe()
            );
            assert!(
                sources.contains(&cause),
                "the error's source chain must be recorded, down to the ParseIntError \
                 ({cause:?}); recorded sources: {sources:?}"
            );
        }
        Some(other) => panic!(
            "the field `error` was recorded as text ({other}), not as an error: `%err` or `?err` \
             records one string, and subscribers cannot walk its sources (the cause, the \
             ParseIntError) one by one. Record the error itself: \
             `error = err as &dyn std::error::Error`"
        ),
        None if event.message.contains(&err.to_string()) => panic!(
            "the error is formatted into the message ({:?}): that keeps only its text, and the \
             source chain (the cause, the ParseIntError) is lost. Record the error as a field: \
             `error = err as &dyn std::error::Error`",
            event.message
        ),
        None => panic!(
            "the event has no field `error`: record the error as a field, `error = err as &dyn \
             std::error::Error`, so that its source chain is logged: {}",
            event.describe()
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Step 5: the rotating file
// ---------------------------------------------------------------------------------------------

fn rotating_file_creates_the_file_and_appends_records() {
    let (_dir, path) = log_folder();
    let mut file = RotatingFile::open(&path, 100, 2).expect("open a new file");
    record(&mut file, "first\n");
    record(&mut file, "second\n");
    file.flush().expect("flush");
    drop(file);
    assert_eq!(
        contents(&path).as_deref(),
        Some("first\nsecond\n"),
        "RotatingFile::open creates the file, and each write appends one record to it"
    );

    let mut file = RotatingFile::open(&path, 100, 2).expect("open an existing file");
    record(&mut file, "third\n");
    drop(file);
    assert_eq!(
        contents(&path).as_deref(),
        Some("first\nsecond\nthird\n"),
        "RotatingFile::open appends to an existing file: what it held is kept (open it for \
         appending, never truncate)"
    );
    assert!(
        !backup(&path, 1).exists(),
        "nothing rotates while the file stays under max_bytes:\n{}",
        describe_files(&path)
    );
}

fn rotating_file_returns_the_error_when_it_cannot_open() {
    let (dir, _) = log_folder();
    let path = dir.path().join("no-such-folder").join("app.log");
    assert!(
        RotatingFile::open(&path, 100, 2).is_err(),
        "RotatingFile::open returns an error when the file cannot be opened (its folder does \
         not exist)"
    );
}

fn rotating_file_allows_exactly_max_bytes_then_rotates() {
    let (_dir, path) = log_folder();
    let mut file = RotatingFile::open(&path, 100, 2).expect("open");
    record(&mut file, &format!("{}\n", "a".repeat(59)));
    let written = contents(&path).map_or(0, |t| t.len());
    assert!(
        written == 60 || backup(&path, 1).exists(),
        "a record written to a RotatingFile must be in the file when `write` returns, but \
         app.log holds {written} of its 60 bytes: is a `BufWriter` (or another buffer) holding \
         it back? The fmt layer never calls `flush`, so write each record to the file itself:\n{}",
        describe_files(&path)
    );
    record(&mut file, &format!("{}\n", "b".repeat(39)));
    assert_eq!(
        contents(&path).map(|t| t.len()),
        Some(100),
        "60 + 40 bytes is exactly max_bytes (100): allowed in one file, no rotation:\n{}",
        describe_files(&path)
    );
    assert!(
        !backup(&path, 1).exists(),
        "a file of exactly max_bytes does not rotate: rotate only when the size would be \
         *larger* than max_bytes:\n{}",
        describe_files(&path)
    );
    record(&mut file, "c\n");
    drop(file);
    assert_backup_exists(
        &path,
        1,
        "one more record would make the file larger than max_bytes: it rotates",
    );
    let records = [
        format!("{}\n", "a".repeat(59)),
        format!("{}\n", "b".repeat(39)),
        "c\n".to_owned(),
    ];
    assert_whole_records(&path, &records);
    assert_eq!(
        contents(&backup(&path, 1)).map(|t| t.len()),
        Some(100),
        "one more record would make the file larger than max_bytes: rotate *before* writing it, \
         so app.log.1 holds the first 100 bytes:\n{}",
        describe_files(&path)
    );
    assert_eq!(
        contents(&path).as_deref(),
        Some("c\n"),
        "after rotating, the new record goes into a new, empty app.log:\n{}",
        describe_files(&path)
    );
}

fn rotating_file_keeps_the_asked_backups_newest_first() {
    let (_dir, path) = log_folder();
    let mut file = RotatingFile::open(&path, 100, 3).expect("open");
    let records: Vec<String> = (1..=6)
        .map(|n| format!("record {n} {}\n", "x".repeat(50)))
        .collect();
    for text in &records {
        record(&mut file, text);
    }
    drop(file);
    assert_whole_records(&path, &records);
    assert_backup_exists(
        &path,
        1,
        "six records of 60 bytes with max_bytes 100 rotate",
    );
    for (i, expected) in [
        (0, &records[5]),
        (1, &records[4]),
        (2, &records[3]),
        (3, &records[2]),
    ] {
        let file = if i == 0 {
            path.clone()
        } else {
            backup(&path, i)
        };
        assert_eq!(
            contents(&file).as_deref(),
            Some(expected.as_str()),
            "six records of 60 bytes with max_bytes 100 rotate before each record but the \
             first: app.log holds the newest, app.log.1 the one before, then app.log.2 and \
             app.log.3 (shift the backups from the top down: `path.{{i}}` to `path.{{i+1}}` for \
             i = backups-1 down to 1, then `path` to `path.1`). The folder has:\n{}",
            describe_files(&path)
        );
    }
    assert!(
        !backup(&path, 4).exists(),
        "with backups = 3 there is no app.log.4: delete the oldest (`path.{{backups}}`) before \
         shifting. The folder has:\n{}",
        describe_files(&path)
    );
}

fn rotating_file_deletes_the_oldest_backup_even_after_a_gap() {
    let (_dir, path) = log_folder();
    fs::write(&path, "newest\n").expect("write app.log");
    fs::write(backup(&path, 1), "older\n").expect("write app.log.1");
    fs::write(backup(&path, 3), "stale\n").expect("write app.log.3");
    let mut file = RotatingFile::open(&path, 10, 3).expect("open an existing file");
    record(&mut file, "next one\n");
    drop(file);
    assert_eq!(
        (
            contents(&backup(&path, 1)).as_deref(),
            contents(&backup(&path, 2)).as_deref()
        ),
        (Some("newest\n"), Some("older\n")),
        "rotating shifts app.log to app.log.1 and app.log.1 to app.log.2. The folder has:\n{}",
        describe_files(&path)
    );
    assert_ne!(
        contents(&backup(&path, 3)).as_deref(),
        Some("stale\n"),
        "app.log.3 was there before (app.log.2 was not): rotating deletes `path.{{backups}}` \
         first, whatever the shifts below it do, so nothing older than the backups asked for \
         survives. The folder has:\n{}",
        describe_files(&path)
    );
}

fn rotating_file_counts_what_the_file_held_at_open() {
    let (_dir, path) = log_folder();
    fs::write(&path, "x".repeat(80)).expect("write a file of 80 bytes");
    let mut file = RotatingFile::open(&path, 100, 2).expect("open an existing file");
    record(&mut file, &format!("{}\n", "y".repeat(29)));
    drop(file);
    assert_eq!(
        contents(&backup(&path, 1)),
        Some("x".repeat(80)),
        "app.log already held 80 bytes: 80 + 30 is larger than max_bytes (100), so the first \
         write rotates. Count the bytes the file holds when you open it. The folder has:\n{}",
        describe_files(&path)
    );
    assert_eq!(contents(&path), Some(format!("{}\n", "y".repeat(29))));
}

fn rotating_file_never_splits_a_record() {
    let (_dir, path) = log_folder();
    let big = format!("{}\n", "B".repeat(249));
    let mut file = RotatingFile::open(&path, 100, 3).expect("open");
    record(&mut file, &big);
    assert_eq!(
        contents(&path),
        Some(big.clone()),
        "a record larger than max_bytes is written whole (never split), here into the empty \
         app.log:\n{}",
        describe_files(&path)
    );
    assert!(
        !backup(&path, 1).exists(),
        "an empty file is never rotated away, even for a record larger than max_bytes (no empty \
         backup):\n{}",
        describe_files(&path)
    );
    record(&mut file, "small 1\n");
    record(&mut file, &format!("{}\n", "C".repeat(120)));
    record(&mut file, "small 2\n");
    drop(file);
    let records = [
        big.clone(),
        "small 1\n".to_owned(),
        format!("{}\n", "C".repeat(120)),
        "small 2\n".to_owned(),
    ];
    assert_whole_records(&path, &records);
    let expected = [
        (0, "small 2\n".to_owned()),
        (1, format!("{}\n", "C".repeat(120))),
        (2, "small 1\n".to_owned()),
        (3, big),
    ];
    for (i, text) in expected {
        let file = if i == 0 {
            path.clone()
        } else {
            backup(&path, i)
        };
        assert_eq!(
            contents(&file),
            Some(text),
            "each record goes whole into one file: a record that does not fit rotates the file \
             first, and one larger than max_bytes gets a file of its own. Records 250, 8, 121 \
             and 8 bytes long with max_bytes 100 give four files. The folder has:\n{}",
            describe_files(&path)
        );
    }
}

fn rotating_file_with_zero_backups_or_zero_max_bytes_never_rotates() {
    for (max_bytes, backups) in [(100, 0), (0, 3)] {
        let (_dir, path) = log_folder();
        let mut file = RotatingFile::open(&path, max_bytes, backups).expect("open");
        for n in 0..5 {
            record(&mut file, &format!("record {n} {}\n", "x".repeat(50)));
        }
        drop(file);
        assert_eq!(
            contents(&path).map(|t| t.len()),
            Some(5 * 60),
            "with max_bytes = {max_bytes} and backups = {backups} the file never rotates (as \
             Python: if either is zero, rollover never occurs): app.log keeps every record. The \
             folder has:\n{}",
            describe_files(&path)
        );
        assert!(
            !backup(&path, 1).exists(),
            "with max_bytes = {max_bytes} and backups = {backups} there is no backup:\n{}",
            describe_files(&path)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Step 6: the subscriber
// ---------------------------------------------------------------------------------------------

fn console_shows_the_default_format_without_time_or_colours() {
    let (console, _dir, _path) = through_subscriber(1 << 20, 2, || {
        tracing::debug!(host = "web-01", "not on the console");
        tracing::info!(host = "web-01", cpu = 87.5, "high CPU");
        tracing::warn!(port = 5432, "connection refused");
    });
    let target = module_path!();
    let expected = format!(
        " INFO {target}: high CPU host=\"web-01\" cpu=87.5\n WARN {target}: connection refused \
         port=5432\n"
    );
    if console.contains('\x1b') {
        panic!(
            "the console has colour codes (ANSI escapes): turn them off with .with_ansi(false). \
             It got:\n{console:?}"
        );
    }
    if console.lines().any(|l| parse_line(l).is_none()) {
        panic!(
            "each console line is ` LEVEL target: message fields`, without the time \
             (.without_time()). The console got:\n{console}"
        );
    }
    assert_eq!(
        console, expected,
        "the console shows INFO and above (not the DEBUG event) in the fmt layer's default \
         format, without the time and without colours"
    );
}

fn console_shows_info_and_above_the_file_debug_and_above() {
    let (console, _dir, path) = through_subscriber(1 << 20, 2, log_every_level);
    let console_lines: Vec<Option<Line>> = console.lines().map(parse_line).collect();
    let here = Some(file_target());
    let expected_console: Vec<Option<(String, String)>> = ["INFO", "WARN", "ERROR", "ERROR"]
        .iter()
        .map(|l| Some(((*l).to_owned(), file_target())))
        .collect();
    let seen = levels_and_targets(&console_lines);
    if seen
        .iter()
        .flatten()
        .any(|(level, _)| level == "DEBUG" || level == "TRACE")
    {
        panic!(
            "the console shows INFO and above for this module: no DEBUG or TRACE line. The \
             console got:\n{console}"
        );
    }
    assert_eq!(
        seen, expected_console,
        "log_every_level through the subscriber: the console shows its INFO, WARN and both \
         ERROR events, one line each. The console got:\n{console}"
    );

    let file = contents(&path).unwrap_or_default();
    assert!(
        !file.contains('\x1b'),
        "the file has colour codes (ANSI escapes): turn them off with .with_ansi(false):\n{file:?}"
    );
    let file_lines: Vec<Option<Line>> = file.lines().map(parse_file_line).collect();
    let seen = levels_and_targets(&file_lines);
    if seen.iter().any(Option::is_none) {
        panic!(
            "each line of the file is the fmt layer's default format with the time first: \
             `TIME LEVEL target: message fields`. The file got:\n{file}"
        );
    }
    let levels: Vec<String> = seen.iter().flatten().map(|(l, _)| l.clone()).collect();
    if !levels.iter().any(|l| l == "DEBUG") {
        panic!(
            "the file takes DEBUG and above from every module, but got no DEBUG line: the file \
             layer's own filter lets DEBUG through (`.with_filter(LevelFilter::DEBUG)` on that \
             layer), and the console's filter goes on the console layer only (a filter added \
             with registry().with(filter) filters both layers). The file got:\n{file}"
        );
    }
    assert!(
        !levels.iter().any(|l| l == "TRACE"),
        "the file takes DEBUG and above, not TRACE. The file got:\n{file}"
    );
    assert_eq!(
        seen.iter()
            .flatten()
            .map(|(_, t)| Some(t.clone()))
            .collect::<Vec<_>>(),
        vec![here; levels.len()],
        "every line's target is the exercise file's module path. The file got:\n{file}"
    );
    assert_eq!(
        levels,
        ["DEBUG", "INFO", "WARN", "ERROR", "ERROR"],
        "the file gets log_every_level's DEBUG, INFO, WARN and both ERROR events. It got:\n{file}"
    );
}

fn console_levels_are_set_per_module() {
    let (console, _dir, path) = through_subscriber(1 << 20, 2, || {
        checks::check_disk("web-01", 45.5);
        checks::check_disk("db-01", 97.5);
        alerts::send_alert("db-01", "disk 97.5% full");
    });
    let checks = module_target("checks");
    let alerts = module_target("alerts");
    let lines: Vec<Option<Line>> = console.lines().map(parse_line).collect();
    let has = |level: &str, target: &str, message: &str| {
        lines
            .iter()
            .flatten()
            .any(|l| l.level == level && l.target == target && l.rest.starts_with(message))
    };
    assert!(
        has("DEBUG", &checks, "disk checked"),
        "the module `checks` is at DEBUG on the console, so its DEBUG `disk checked` shows. A \
         directive names the module by its whole path (here `{checks}=debug`, from \
         module_path!()), not `checks=debug`. The console got:\n{console}"
    );
    assert!(
        !has("INFO", &alerts, "alert queued"),
        "the module `alerts` is at WARN on the console, so its INFO `alert queued` does not show \
         there (the file keeps it). The console got:\n{console}"
    );
    assert!(
        has("WARN", &alerts, "alert sent"),
        "the console shows the WARN `alert sent` of `alerts`. The console got:\n{console}"
    );
    let expected = [
        ("DEBUG", &checks, "disk checked"),
        ("DEBUG", &checks, "disk checked"),
        ("WARN", &checks, "disk almost full"),
        ("WARN", &alerts, "alert sent"),
    ];
    let matches = |seen: &[Option<Line>], expected: &[(&str, &String, &str)]| {
        seen.len() == expected.len()
            && seen
                .iter()
                .zip(expected)
                .all(|(line, (level, target, message))| {
                    line.as_ref().is_some_and(|l| {
                        l.level == *level && &l.target == *target && l.rest.starts_with(message)
                    })
                })
    };
    assert!(
        matches(&lines, &expected),
        "the console shows, in order: DEBUG `disk checked` twice and WARN `disk almost full` \
         (checks at DEBUG), then WARN `alert sent` (alerts at WARN). It got:\n{console}"
    );

    let file = contents(&path).unwrap_or_default();
    let file_lines: Vec<Option<Line>> = file.lines().map(parse_file_line).collect();
    let expected = [
        ("DEBUG", &checks, "disk checked"),
        ("DEBUG", &checks, "disk checked"),
        ("WARN", &checks, "disk almost full"),
        ("INFO", &alerts, "alert queued"),
        ("WARN", &alerts, "alert sent"),
    ];
    assert!(
        matches(&file_lines, &expected),
        "the file takes DEBUG and above from every module, whatever the console's levels: all \
         five events of check_disk and send_alert, `alert queued` too. The file got:\n{file}"
    );
}

fn the_log_file_rotates_by_size_and_keeps_whole_lines() {
    let max_bytes = 200;
    let backups = 3;
    let (_console, _dir, path) = through_subscriber(max_bytes, backups, || {
        for seq in 0..40 {
            tracing::info!(seq, "tick");
        }
    });
    let mut seqs = Vec::new();
    for i in (0..=backups).rev() {
        let file = if i == 0 {
            path.clone()
        } else {
            backup(&path, i)
        };
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(text) = contents(&file) else {
            panic!(
                "with max_bytes {max_bytes} and backups {backups}, 40 events fill app.log and \
                 three backups, but {name} is missing. The folder has:\n{}",
                describe_files(&path)
            );
        };
        assert!(
            text.ends_with('\n') && text.len() as u64 <= max_bytes,
            "{name} must end with a whole line and hold at most max_bytes ({max_bytes}): rotate \
             before a record that would not fit, never in the middle of one. It holds:\n{text:?}"
        );
        for line in text.lines() {
            let parsed = parse_file_line(line).filter(|l| l.rest.starts_with("tick seq="));
            let Some(parsed) = parsed else {
                panic!(
                    "{name} has a line that is not a whole event (a record was split?): {line:?}"
                );
            };
            seqs.push(parsed.rest["tick seq=".len()..].trim().parse::<u32>().ok());
        }
    }
    assert!(
        !backup(&path, backups + 1).exists(),
        "with backups = {backups} there is no app.log.{}: nothing older is kept. The folder \
         has:\n{}",
        backups + 1,
        describe_files(&path)
    );
    let last = seqs.last().copied().flatten();
    let first = seqs.first().copied().flatten().unwrap_or(0);
    let consecutive: Vec<Option<u32>> = (first..first + seqs.len() as u32).map(Some).collect();
    assert!(
        last == Some(39) && seqs == consecutive,
        "read from app.log.3 to app.log, the events are consecutive and the newest (seq=39) is \
         the last line of app.log; got seq {seqs:?}. Rotation shifts app.log.2 to app.log.3 \
         before app.log.1 to app.log.2 (from the top down), so no backup overwrites another"
    );
}

fn subscriber_returns_the_error_when_the_file_cannot_be_opened() {
    let (dir, _) = log_folder();
    let path = dir.path().join("no-such-folder").join("app.log");
    let result = setup::subscriber(Buffer::new(), &path, 1 << 20, 2);
    assert!(
        result.is_err(),
        "subscriber returns the error when the log file cannot be opened (its folder does not \
         exist)"
    );
}

workbook_harness::main!(
    every_level_is_logged_once_in_order,
    critical_is_an_error_event_with_critical_true,
    check_disk_logs_a_debug_event_every_time,
    check_disk_warns_strictly_above_90_percent,
    send_alert_logs_queued_at_info_then_sent_at_warn,
    log_failure_records_the_error_with_its_source_chain,
    rotating_file_creates_the_file_and_appends_records,
    rotating_file_returns_the_error_when_it_cannot_open,
    rotating_file_allows_exactly_max_bytes_then_rotates,
    rotating_file_keeps_the_asked_backups_newest_first,
    rotating_file_deletes_the_oldest_backup_even_after_a_gap,
    rotating_file_counts_what_the_file_held_at_open,
    rotating_file_never_splits_a_record,
    rotating_file_with_zero_backups_or_zero_max_bytes_never_rotates,
    console_shows_the_default_format_without_time_or_colours,
    console_shows_info_and_above_the_file_debug_and_above,
    console_levels_are_set_per_module,
    the_log_file_rotates_by_size_and_keeps_whole_lines,
    subscriber_returns_the_error_when_the_file_cannot_be_opened,
);
