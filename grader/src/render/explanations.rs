//! What the report says below its rows about tests whatever their result (notes) and about passed
//! answers (why each is right).

use std::fmt::Write as _;

use super::{DIM, GREEN, YELLOW, paint};
use crate::report::{TestResult, TestStatus, UnitReport};
use crate::sanitize::for_terminal;
use crate::workbook::Unit;

/// Notes on tests whatever their result: a passing test that left a process running, say.
pub(super) fn render_notes(out: &mut String, report: &UnitReport) {
    let noted: Vec<&TestResult> = report
        .exercises
        .iter()
        .flat_map(|e| &e.tests)
        .filter(|t| t.note.is_some())
        .collect();
    if noted.is_empty() {
        return;
    }
    let _ = writeln!(out);
    for test in noted {
        let note = test.note.as_deref().unwrap_or_default();
        let line = format!(
            "note: {}::{} {note}",
            for_terminal(&test.target),
            for_terminal(&test.name)
        );
        let _ = writeln!(out, "{}", paint(YELLOW, &line));
    }
}

/// Why each passed answer is right, for the exercises graded alone (`--exercise drills`); in the
/// whole report, where ten paragraphs would bury the rows, one line says where to read them.
pub(super) fn render_explanations(out: &mut String, report: &UnitReport, unit: &Unit) {
    let graded_alone = report.exercises.len() < unit.manifest.exercises.len();
    for exercise in &report.exercises {
        let explained: Vec<&TestResult> = exercise
            .tests
            .iter()
            .filter(|t| t.status == TestStatus::Passed && t.explanation.is_some())
            .collect();
        if explained.is_empty() {
            continue;
        }
        let _ = writeln!(out);
        if !graded_alone {
            let line = format!(
                "{}: {} passed {} why {} right: `{} --exercise {}`",
                exercise.id,
                explained.len(),
                if explained.len() == 1 {
                    "answer explains"
                } else {
                    "answers explain"
                },
                if explained.len() == 1 {
                    "it is"
                } else {
                    "they are"
                },
                unit.grade_command(),
                exercise.id
            );
            let _ = writeln!(out, "{}", paint(DIM, &line));
            continue;
        }
        for test in explained {
            let why = test.explanation.as_deref().unwrap_or_default();
            let _ = writeln!(
                out,
                "{} {}",
                paint(GREEN, &format!("✓ {}:", for_terminal(&test.name))),
                for_terminal(why)
            );
        }
    }
}
