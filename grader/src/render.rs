//! The text report a learner reads: one row per exercise, the next thing to fix, a summary line.
//!
//! It is written with ANSI styles; `anstream` strips them when the output is not a terminal or
//! when `NO_COLOR` is set. Text that comes from the learner's code (test names, messages,
//! locations, compiler errors) goes through [`for_terminal`] before it is painted, so that only the
//! grader's own styles reach the terminal as escape sequences.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::report::{TestStatus, UnitReport};
use crate::sanitize::for_terminal;
use crate::workbook::Unit;

mod explanations;
mod next;
mod rows;
#[cfg(test)]
mod tests;

use explanations::{render_explanations, render_notes};
use next::render_next;
use rows::render_rows;

const GREEN: Style = AnsiColor::Green.on_default();
const RED: Style = AnsiColor::Red.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

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
    render_notes(&mut out, report);
    render_explanations(&mut out, report, unit);
    for warning in &report.warnings {
        let _ = writeln!(out);
        let _ = writeln!(out, "{} {}", paint(RED, "warning:"), for_terminal(warning));
    }
    let _ = writeln!(out);
    match report.next_unfinished() {
        Some(exercise) => render_next(&mut out, exercise, unit),
        // Every test passed, but a warning above says why the run does not count.
        None if !report.warnings.is_empty() => {
            let _ = writeln!(
                out,
                "{}",
                paint(
                    RED,
                    "Every test passed, but this run does not count: see the warnings above. \
                     Run it again once they are dealt with."
                )
            );
        }
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

fn summary_line(report: &UnitReport, unit: &Unit) -> String {
    let s = &report.summary;
    let mut parts = vec![
        format!(
            "{} done",
            count_of(s.exercises_done, s.exercises, exercise_word(unit))
        ),
        format!("{} passed", count_of(s.passed, s.tests, "test")),
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

/// "3 tests", "1 test": a count with its noun, which agrees with it.
pub fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// "3 of 5 tests", "1 of 1 test": the noun agrees with the total.
pub(crate) fn count_of(some: usize, total: usize, noun: &str) -> String {
    format!("{some} of {}", counted(total, noun))
}

/// Days have exercises; the capstone has areas.
fn exercise_word(unit: &Unit) -> &'static str {
    if unit.manifest.day.is_some() {
        "exercise"
    } else {
        "area"
    }
}
