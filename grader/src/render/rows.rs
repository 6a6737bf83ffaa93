//! The report's rows: one per exercise, with its mark, its counts and, for an exercise that is not
//! the next one, where it does not compile.

use std::fmt::Write as _;

use super::{DIM, GREEN, RED, YELLOW, paint};
use crate::report::{ExerciseReport, ExerciseStatus, TestStatus, UnitReport};
use crate::sanitize::for_terminal;

pub(super) fn render_rows(out: &mut String, report: &UnitReport) {
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
        // The compiler's error of an exercise that is not the next one, which "Next" would not
        // show: its first line and where it is.
        if exercise.status == ExerciseStatus::DoesNotCompile
            && report
                .next_unfinished()
                .is_some_and(|next| next.id != exercise.id)
            && let Some(error) = &exercise.compile_error
        {
            let indent = " ".repeat(6 + id_width + 2);
            let first = error.lines().find(|l| !l.trim().is_empty());
            let place = error.lines().find(|l| l.trim_start().starts_with("-->"));
            for line in first.into_iter().chain(place) {
                let _ = writeln!(
                    out,
                    "{indent}{}",
                    paint(RED, for_terminal(line.trim()).as_ref())
                );
            }
        }
    }
}

/// "3/9 passed · 5 not started · 1 failing", and an area's weight: "· worth 20". Ignored tests
/// are not among the 9: they are named on their own, "· 1 ignored".
fn counts(exercise: &ExerciseReport) -> String {
    let passed = exercise.count(TestStatus::Passed);
    let counted = exercise.counted_tests();
    let mut parts = match exercise.min_tests {
        Some(min) => vec![format!("{passed}/{counted} passed, at least {min} needed")],
        None => vec![format!("{passed}/{counted} passed")],
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
