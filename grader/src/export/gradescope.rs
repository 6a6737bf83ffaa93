//! Gradescope's autograder `results.json` for one submission: a test entry per exercise with its
//! points, the failing tests' messages, and the protections and ignored files in the output.

use serde::Serialize;

use crate::batch::{BatchReport, ExerciseScore, SubmissionOutcome, SubmissionReport};
use crate::report::{ExerciseStatus, TestStatus};

use super::names::{exercise_label, exercise_report, format_points, round_points};

/// How much of an exercise's failing tests' output a test entry keeps.
const TEST_OUTPUT_LIMIT: usize = 4 * 1024;
/// How much the submission's own output keeps.
const OUTPUT_LIMIT: usize = 8 * 1024;

/// When Gradescope shows a result to the student.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Visibility {
    /// At once.
    #[default]
    Visible,
    /// Never: only instructors see it.
    Hidden,
    /// Once the due date has passed.
    AfterDueDate,
    /// Once the grades are published.
    AfterPublished,
}

impl Visibility {
    /// The word Gradescope reads: `visible`, `hidden`, `after_due_date`, `after_published`.
    pub fn name(self) -> &'static str {
        match self {
            Visibility::Visible => "visible",
            Visibility::Hidden => "hidden",
            Visibility::AfterDueDate => "after_due_date",
            Visibility::AfterPublished => "after_published",
        }
    }
}

#[derive(Serialize)]
struct Results {
    score: f64,
    output: String,
    output_format: &'static str,
    visibility: &'static str,
    stdout_visibility: &'static str,
    tests: Vec<Test>,
}

#[derive(Serialize)]
struct Test {
    name: String,
    score: f64,
    max_score: f64,
    status: &'static str,
    output: String,
    output_format: &'static str,
    visibility: &'static str,
}

/// The submission's `results.json`, visible to the student at once.
pub fn gradescope_results(submission: &SubmissionReport, report: &BatchReport) -> String {
    gradescope_results_with(submission, report, Visibility::Visible)
}

/// The submission's `results.json`, shown to the student as `visibility` says. The grading log
/// (`stdout`) is only ever shown to instructors.
pub fn gradescope_results_with(
    submission: &SubmissionReport,
    report: &BatchReport,
    visibility: Visibility,
) -> String {
    let tests = submission
        .exercises
        .iter()
        .map(|exercise| Test {
            name: exercise_label(submission, exercise),
            score: round_points(exercise.points),
            max_score: round_points(exercise.max_points),
            status: if passed(exercise) { "passed" } else { "failed" },
            output: truncate(
                shown(exercise_output(submission, exercise)),
                TEST_OUTPUT_LIMIT,
            ),
            output_format: "text",
            visibility: visibility.name(),
        })
        .collect();
    let results = Results {
        score: round_points(submission.points),
        output: truncate(shown(submission_output(submission, report)), OUTPUT_LIMIT),
        output_format: "text",
        visibility: visibility.name(),
        stdout_visibility: "hidden",
        tests,
    };
    let mut text =
        serde_json::to_string_pretty(&results).expect("strings and numbers always serialize");
    text.push('\n');
    text
}

fn passed(exercise: &ExerciseScore) -> bool {
    exercise.status == Some(ExerciseStatus::Done) && exercise.zeroed_by.is_none()
}

/// What the student needs to know about one exercise: why it was zeroed, and each test still to
/// pass with its result and message.
fn exercise_output(submission: &SubmissionReport, exercise: &ExerciseScore) -> String {
    let mut lines = Vec::new();
    if let Some(zeroed_by) = &exercise.zeroed_by {
        lines.push(format!("Scored 0: {zeroed_by}"));
    }
    let Some(report) = exercise_report(submission, exercise) else {
        if exercise.status.is_none() {
            lines.push("Not graded: see the submission's output.".to_owned());
        }
        return lines.join("\n");
    };
    if let Some(error) = &report.compile_error {
        lines.push(format!("Does not compile:\n{error}"));
    }
    lines.push(format!(
        "{} of {} tests pass ({} of {} points).",
        exercise.passed_tests,
        exercise.tests,
        format_points(exercise.points),
        format_points(exercise.max_points)
    ));
    for test in report.still_to_pass() {
        let mut line = format!("✗ {}: {}", test.name, test.status.describe());
        if let Some(message) = &test.message {
            line.push_str("\n    ");
            line.push_str(&message.replace('\n', "\n    "));
        }
        if let Some(location) = &test.location {
            line.push_str(&format!("\n    at {location}"));
        }
        lines.push(line);
    }
    let ignored = report.count(TestStatus::Ignored);
    if ignored > 0 {
        lines.push(format!(
            "{ignored} ignored test(s) did not run and count for nothing."
        ));
    }
    lines.join("\n")
}

/// What the whole submission's output says: how it was taken, what was ignored or missing or not
/// allowed, and which protections grading ran under.
fn submission_output(submission: &SubmissionReport, report: &BatchReport) -> String {
    let mut out = String::new();
    match &submission.outcome {
        SubmissionOutcome::Graded => out.push_str(&format!(
            "Graded: {} of {} points.\n",
            format_points(submission.points),
            format_points(submission.max_points)
        )),
        SubmissionOutcome::Unreadable { reason } => out.push_str(&format!(
            "Not graded: the submission could not be read: {reason}\n"
        )),
        SubmissionOutcome::Refused { reason } => out.push_str(&format!(
            "Not graded: the submission was refused: {reason}\n"
        )),
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for line in lines {
                out.push_str(&format!("- {line}\n"));
            }
        }
    };
    section("Notes:", submission.notes.clone());
    section(
        "Not allowed (each scores its exercise 0):",
        submission.violations.iter().map(|v| v.message()).collect(),
    );
    section(
        "Files not used for grading (the workbook's own were used instead):",
        submission
            .ignored_files
            .iter()
            .map(|f| format!("{}: {}", f.path, f.why))
            .collect(),
    );
    section(
        "Files missing (graded as the unchanged stubs):",
        super::names::only_missing(submission).collect(),
    );
    let sandbox = if report.sandboxed {
        "Protections in force (sandboxed):"
    } else {
        "Protections in force (no sandbox: process limits only):"
    };
    section(sandbox, report.protections.clone());
    out
}

/// Text from learner code as it is, escape sequences and bidirectional controls shown escaped.
fn shown(text: String) -> String {
    crate::sanitize::for_terminal(&text).into_owned()
}

/// Keeps at most `limit` bytes, cut at a character boundary, and says that it was cut.
fn truncate(text: String, limit: usize) -> String {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n… (cut: {} more bytes)", &text[..end], text.len() - end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    fn parse(text: &str) -> serde_json::Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn each_submission_has_a_test_per_exercise_with_its_points() {
        let report = sample::batch();
        let results = parse(&gradescope_results(&report.submissions[1], &report));
        assert_eq!(results["score"], 11.67);
        let tests = results["tests"].as_array().unwrap();
        assert_eq!(tests.len(), 3);
        assert_eq!(tests[0]["name"], "Day 1 · 1. A health-check framework");
        assert_eq!(tests[0]["score"], 5.0);
        assert_eq!(tests[0]["max_score"], 10.0);
        assert_eq!(tests[0]["status"], "failed");
        assert_eq!(tests[0]["visibility"], "visible");
        assert!(
            tests[1]["output"]
                .as_str()
                .unwrap()
                .contains("std::process")
        );
        assert_eq!(
            tests[2]["name"],
            "Capstone · 1. Server, Metric, Alert and a Secret"
        );
        let output = results["output"].as_str().unwrap();
        assert!(output.contains("days/day1-traits/tests/ex1_health_checks.rs: differs: ignored"));
        assert!(output.contains("no network (network namespace)"));
        insta::assert_snapshot!(
            "gradescope_partial",
            gradescope_results(&report.submissions[1], &report)
        );
        insta::assert_snapshot!(
            "gradescope_done",
            gradescope_results(&report.submissions[0], &report)
        );
        insta::assert_snapshot!(
            "gradescope_refused",
            gradescope_results(&report.submissions[2], &report)
        );
    }

    #[test]
    fn visibility_can_wait_for_the_due_date() {
        let report = sample::batch();
        let text =
            gradescope_results_with(&report.submissions[0], &report, Visibility::AfterDueDate);
        let results = parse(&text);
        assert_eq!(results["visibility"], "after_due_date");
        assert!(
            results["tests"]
                .as_array()
                .unwrap()
                .iter()
                .all(|t| t["visibility"] == "after_due_date")
        );
    }

    #[test]
    fn long_output_is_cut_at_a_character_boundary() {
        let text = "é".repeat(3000);
        let cut = truncate(text, TEST_OUTPUT_LIMIT);
        assert!(cut.len() < TEST_OUTPUT_LIMIT + 40, "{}", cut.len());
        assert!(cut.ends_with("(cut: 1904 more bytes)"), "{cut}");
    }
}
