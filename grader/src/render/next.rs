//! The report's "Next:" section: which exercise and file to open, the first test to fix with its
//! message (or the compiler's first error), and the others still to pass.

use std::fmt::Write as _;

use super::{BOLD, DIM, RED, paint};
use crate::next_step::{error_location, first_to_show};
use crate::report::{ExerciseReport, ExerciseStatus, TestResult, TestStatus};
use crate::sanitize::for_terminal;
use crate::workbook::Unit;

/// How many unfinished tests the "next" section names before it summarises the rest.
const NAMED_TESTS: usize = 5;

pub(super) fn render_next(out: &mut String, exercise: &ExerciseReport, unit: &Unit) {
    let unfinished = exercise.still_to_pass();
    let first = first_to_show(unit, &exercise.id, &exercise.tests);
    // The file to open: where the failure is, when that is one of the learner's files. In a crate
    // shared by several exercises (the capstone), a compile error may sit in another one's file:
    // then that exercise is the next step.
    // A compile-fail check's message quotes the compiler, whose `-->` names the learner's file.
    let failure_at: Vec<&str> = match &exercise.compile_error {
        Some(error) => error_location(error).into_iter().collect(),
        None => first
            .map(|t| {
                let in_message = t.message.as_deref().and_then(error_location);
                t.location
                    .as_deref()
                    .into_iter()
                    .chain(in_message)
                    .collect()
            })
            .unwrap_or_default(),
    };
    let (id, file) = failure_at
        .into_iter()
        .find_map(|location| learner_file_at(location, exercise, unit))
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
        // A stub that is meant not to compile (a module to declare): the task, not a breakage.
        let said = if exercise.status == ExerciseStatus::NotStarted {
            "As shipped it does not compile: making it compile is the first step of the task. \
             The compiler's first error:"
        } else {
            "It does not compile yet. The compiler's first error:"
        };
        let _ = writeln!(out, "  {}", paint(RED, said));
        let _ = writeln!(out, "{}", indent(&for_terminal(error), "    "));
    } else if let Some(min) = exercise.min_tests
        && exercise.counted_tests() < min
    {
        let _ = writeln!(
            out,
            "  Write at least {min} tests of your own, each a `#[test]` function ({} so far{}).",
            exercise.counted_tests(),
            ignored_note(exercise)
        );
    } else if exercise.counted_tests() == 0 && exercise.count(TestStatus::Ignored) > 0 {
        let _ = writeln!(
            out,
            "  Every one of its tests is marked #[ignore], so none of them ran and none counts."
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

/// ", and 1 ignored, which does not count" when the exercise has ignored tests.
fn ignored_note(exercise: &ExerciseReport) -> String {
    match exercise.count(TestStatus::Ignored) {
        0 => String::new(),
        1 => ", and 1 ignored, which does not count".to_owned(),
        n => format!(", and {n} ignored, which do not count"),
    }
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
            unit.files_of(candidate)
                .into_iter()
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
        .map(|t| format!("{} ({})", for_terminal(&t.name), t.status.describe()))
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
        for_terminal(&test.name),
        test.status.describe()
    );
    if let Some(message) = &test.message {
        let _ = writeln!(out, "{}", indent(&for_terminal(message), "      "));
    }
    if let Some(location) = &test.location {
        let at = format!("at {}", for_terminal(location));
        let _ = writeln!(out, "      {}", paint(DIM, &at));
    }
}

fn indent(text: &str, prefix: &str) -> String {
    text.lines()
        .map(|l| format!("{prefix}{l}").trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}
