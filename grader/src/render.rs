//! The text report a learner reads: one row per exercise, the next thing to fix, a summary line.
//!
//! It is written with ANSI styles; `anstream` strips them when the output is not a terminal or
//! when `NO_COLOR` is set.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::next_step::{error_location, most_telling};
use crate::report::{ExerciseReport, ExerciseStatus, TestResult, TestStatus, UnitReport};
use crate::workbook::Unit;

const GREEN: Style = AnsiColor::Green.on_default();
const RED: Style = AnsiColor::Red.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// How many unfinished tests the "next" section names before it summarises the rest.
const NAMED_TESTS: usize = 5;

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Renders the whole report of `unit`; `next_command` is what to run once everything passes.
pub fn render(report: &UnitReport, unit: &Unit, next_command: Option<&str>) -> String {
    let mut out = String::new();
    let heading = format!("{} · {}", unit.label(), report.title);
    let _ = writeln!(out, "{}", paint(BOLD, &heading));
    if !unit.manifest.python.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            paint(DIM, &format!("Python: {}", unit.manifest.python))
        );
    }
    let _ = writeln!(out);
    render_rows(&mut out, report);
    let _ = writeln!(out);
    match report.next_unfinished() {
        Some(exercise) => render_next(&mut out, exercise, unit),
        // Only some exercises were graded (`--exercise`): they pass, the day may not.
        None if report.exercises.len() < unit.manifest.exercises.len() => {
            let ids: Vec<&str> = report.exercises.iter().map(|e| e.id.as_str()).collect();
            let done = format!("{} passes.", ids.join(", "));
            let _ = writeln!(out, "{}", paint(GREEN, &done));
            let _ = writeln!(
                out,
                "Run `{}` to see the whole {}.",
                unit.grade_command(),
                if unit.manifest.day.is_some() {
                    "day"
                } else {
                    "capstone"
                }
            );
        }
        None => {
            let done = format!(
                "{}: every {} passes. Well done!",
                unit.label(),
                exercise_word(unit)
            );
            let _ = writeln!(out, "{}", paint(GREEN, &done));
            if let Some(command) = next_command {
                let _ = writeln!(out, "Next: `{command}`.");
            }
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", summary_line(report, unit));
    out
}

fn render_rows(out: &mut String, report: &UnitReport) {
    let id_width = report
        .exercises
        .iter()
        .map(|e| e.id.len())
        .max()
        .unwrap_or(0);
    let title_width = report
        .exercises
        .iter()
        .map(|e| e.title.chars().count())
        .max()
        .unwrap_or(0);
    for exercise in &report.exercises {
        let (mark, style) = match exercise.status {
            ExerciseStatus::Done => ("✓", GREEN),
            ExerciseStatus::NotStarted => ("○", DIM),
            ExerciseStatus::InProgress => ("…", YELLOW),
            ExerciseStatus::DoesNotCompile => ("✗", RED),
        };
        let number = exercise
            .number
            .map_or("  ".to_owned(), |n| format!("{n:>2}"));
        let _ = writeln!(
            out,
            "{} {number}  {:<id_width$}  {:<title_width$}  {}",
            paint(style, mark),
            exercise.id,
            exercise.title,
            counts(exercise),
        );
        if !exercise.python.is_empty() {
            let indent = " ".repeat(6 + id_width + 2);
            let python = format!("Python: {}", exercise.python);
            let _ = writeln!(out, "{indent}{}", paint(DIM, &python));
        }
    }
}

/// "3/9 passed · 5 not started · 1 failing", and an area's weight: "· worth 20"
fn counts(exercise: &ExerciseReport) -> String {
    let passed = exercise.count(TestStatus::Passed);
    let mut parts = match exercise.min_tests {
        Some(min) => vec![format!(
            "{passed}/{} passed, at least {min} needed",
            exercise.tests.len()
        )],
        None => vec![format!("{passed}/{} passed", exercise.tests.len())],
    };
    for status in TestStatus::ALL.into_iter().skip(1) {
        let n = exercise.count(status);
        if n > 0 {
            parts.push(format!("{n} {}", status.describe()));
        }
    }
    if let Some(weight) = exercise.weight {
        parts.push(format!("worth {weight}"));
    }
    parts.join(" · ")
}

fn render_next(out: &mut String, exercise: &ExerciseReport, unit: &Unit) {
    let unfinished: Vec<&TestResult> = exercise
        .tests
        .iter()
        .filter(|t| t.status != TestStatus::Passed)
        .collect();
    let files: Vec<String> = unit
        .manifest
        .exercise(&exercise.id)
        .map(|e| {
            e.files
                .iter()
                .map(|f| unit.dir.join(f).display().to_string())
                .collect()
        })
        .unwrap_or_default();
    let first = most_telling(&unfinished, &files);
    // The file to open: where the failure is, when that is one of the learner's files. In a crate
    // shared by several exercises (the capstone), a compile error may sit in another one's file:
    // then that exercise is the next step.
    let failure_at = match &exercise.compile_error {
        Some(error) => error_location(error),
        None => first.and_then(|t| t.location.as_deref()),
    };
    let (id, file) = failure_at
        .and_then(|location| learner_file_at(location, exercise, unit))
        .unwrap_or_else(|| (exercise.id.clone(), exercise.file.display().to_string()));
    let number = unit
        .manifest
        .exercises
        .iter()
        .filter(|e| !e.is_drills())
        .position(|e| e.id == id)
        .map(|i| i + 1);
    let name = match (number, unit.manifest.day) {
        (_, None) => format!("the area {id}"),
        (Some(n), Some(_)) => format!("exercise {n}, {id}"),
        (None, Some(_)) => "the drills".to_owned(),
    };
    let _ = writeln!(out, "{} {name}, in {file}", paint(BOLD, "Next:"));
    if let Some(error) = &exercise.compile_error {
        let _ = writeln!(
            out,
            "  {}",
            paint(RED, "It does not compile yet. The compiler's first error:")
        );
        let _ = writeln!(out, "{}", indent(error, "    "));
    } else if let Some(min) = exercise.min_tests
        && exercise.tests.len() < min
    {
        let _ = writeln!(
            out,
            "  Write at least {min} tests of your own, each a `#[test]` function ({} so far).",
            exercise.tests.len()
        );
    } else {
        if let Some(first) = first {
            render_test_detail(out, first);
        }
        let others: Vec<&TestResult> = unfinished
            .into_iter()
            .filter(|t| first.is_none_or(|f| !std::ptr::eq(*t, f)))
            .collect();
        render_others(out, &others);
    }
    let task = if exercise.min_tests.is_some() {
        "write your tests there and make them pass"
    } else {
        "make its tests pass"
    };
    let _ = writeln!(
        out,
        "  Open {file}, {task}, then run `{}` again.",
        unit.grade_command()
    );
    let unit_name = unit
        .manifest
        .day
        .map_or_else(|| "capstone".to_owned(), |day| day.to_string());
    let _ = writeln!(out, "  Stuck? `cargo hint {unit_name} {id}` shows a hint.");
}

/// The learner's file that `location` (`path:line:column`) points into, and the exercise it
/// belongs to: `exercise` itself if the file is one of its own, else any exercise of the unit.
fn learner_file_at(
    location: &str,
    exercise: &ExerciseReport,
    unit: &Unit,
) -> Option<(String, String)> {
    let own = unit.manifest.exercise(&exercise.id).into_iter();
    own.chain(unit.manifest.exercises.iter())
        .find_map(|candidate| {
            candidate
                .files
                .iter()
                .map(|file| unit.dir.join(file).display().to_string())
                .find(|file| {
                    location
                        .strip_prefix(file.as_str())
                        .is_some_and(|rest| rest.starts_with(':'))
                })
                .map(|file| (candidate.id.clone(), file))
        })
}

fn render_others(out: &mut String, others: &[&TestResult]) {
    if others.is_empty() {
        return;
    }
    let names: Vec<String> = others
        .iter()
        .take(NAMED_TESTS)
        .map(|t| format!("{} ({})", t.name, t.status.describe()))
        .collect();
    let more = others.len().saturating_sub(NAMED_TESTS);
    let tail = if more > 0 {
        format!(", and {more} more")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "  {} {}{tail}",
        paint(DIM, "Also still to pass:"),
        names.join(", ")
    );
}

fn render_test_detail(out: &mut String, test: &TestResult) {
    let style = match test.status {
        TestStatus::NotStarted => DIM,
        _ => RED,
    };
    let _ = writeln!(
        out,
        "  {} {} ({})",
        paint(style, "✗"),
        test.name,
        test.status.describe()
    );
    if let Some(message) = &test.message {
        let _ = writeln!(out, "{}", indent(message, "      "));
    }
    if let Some(location) = &test.location {
        let _ = writeln!(out, "      {}", paint(DIM, &format!("at {location}")));
    }
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}").trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn summary_line(report: &UnitReport, unit: &Unit) -> String {
    let s = &report.summary;
    let mut parts = vec![
        format!(
            "{} of {} {}s done",
            s.exercises_done,
            s.exercises,
            exercise_word(unit)
        ),
        format!("{} of {} tests passed", s.passed, s.tests),
    ];
    for (n, status) in [
        (s.not_started, TestStatus::NotStarted),
        (s.failed, TestStatus::Failed),
        (s.does_not_compile, TestStatus::DoesNotCompile),
        (s.timed_out, TestStatus::TimedOut),
        (s.crashed, TestStatus::Crashed),
        (s.ignored, TestStatus::Ignored),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", status.describe()));
        }
    }
    if let Some(score) = report.score {
        parts.push(format!("score {score}/100"));
    }
    let style = if report.all_done() { GREEN } else { BOLD };
    paint(style, &format!("{}: {}", unit.label(), parts.join(" · ")))
}

/// Days have exercises; the capstone has areas.
fn exercise_word(unit: &Unit) -> &'static str {
    if unit.manifest.day.is_some() {
        "exercise"
    } else {
        "area"
    }
}
