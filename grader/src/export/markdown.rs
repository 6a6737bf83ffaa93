//! The Markdown summary of a class, fit for a CI job's summary (`$GITHUB_STEP_SUMMARY`): the
//! class's size and average, each exercise's completion, each student's points, the submissions
//! not graded and why, and the protections in force.

use std::fmt::Write as _;

use crate::batch::{BatchReport, ExerciseScore, SubmissionOutcome, SubmissionReport};
use crate::report::ExerciseStatus;

use super::names::{exercise_label, format_points, percent, unit_label};

/// The class's summary. Every text that comes from a submission is escaped, so that a student's
/// name or a message cannot add markup, links or table cells.
pub fn markdown_summary(report: &BatchReport) -> String {
    let graded: Vec<&SubmissionReport> = report
        .submissions
        .iter()
        .filter(|s| s.outcome == SubmissionOutcome::Graded)
        .collect();
    let mut out = String::from("# Grading summary\n\n");
    let units: Vec<String> = report.units.iter().map(|u| unit_label(u)).collect();
    let _ = writeln!(
        out,
        "{} submission{} ({} graded, {} not graded) · {}",
        report.submissions.len(),
        if report.submissions.len() == 1 {
            ""
        } else {
            "s"
        },
        graded.len(),
        report.submissions.len() - graded.len(),
        if units.is_empty() {
            "no units".to_owned()
        } else {
            units.join(", ")
        },
    );
    if !graded.is_empty() {
        let count = graded.len() as f64;
        let points = graded.iter().map(|s| s.points).sum::<f64>() / count;
        let max = graded.iter().map(|s| s.max_points).sum::<f64>() / count;
        let _ = writeln!(
            out,
            "\nAverage of the graded submissions: **{} of {} points** ({}).",
            format_points(points),
            format_points(max),
            percent(points, max)
        );
    }
    exercises_table(&mut out, report, &graded);
    students_table(&mut out, report);
    not_graded(&mut out, report);
    flags(&mut out, report);
    out.push_str("\n## Protections in force\n\n");
    out.push_str(if report.sandboxed {
        "Every submission was built and tested in a sandbox:\n\n"
    } else {
        "**No sandbox**: submissions were built and tested with process limits only:\n\n"
    });
    for protection in &report.protections {
        let _ = writeln!(out, "- {}", escape(protection));
    }
    out
}

fn exercises_table(out: &mut String, report: &BatchReport, graded: &[&SubmissionReport]) {
    let mut columns: Vec<(&SubmissionReport, &ExerciseScore)> = Vec::new();
    for submission in &report.submissions {
        for exercise in &submission.exercises {
            if !columns
                .iter()
                .any(|(_, e)| e.unit == exercise.unit && e.id == exercise.id)
            {
                columns.push((submission, exercise));
            }
        }
    }
    if columns.is_empty() {
        return;
    }
    out.push_str("\n## Exercises\n\n| Exercise | Done | Average points |\n|---|---:|---:|\n");
    for (first, exercise) in columns {
        let scores: Vec<&ExerciseScore> = graded
            .iter()
            .flat_map(|s| &s.exercises)
            .filter(|e| e.unit == exercise.unit && e.id == exercise.id)
            .collect();
        let done = scores.iter().filter(|e| is_done(e)).count();
        let average = if scores.is_empty() {
            "-".to_owned()
        } else {
            let points = scores.iter().map(|e| e.points).sum::<f64>() / scores.len() as f64;
            format!(
                "{} / {}",
                format_points(points),
                format_points(exercise.max_points)
            )
        };
        let _ = writeln!(
            out,
            "| {} | {done} of {} | {average} |",
            escape(&exercise_label(first, exercise)),
            scores.len()
        );
    }
}

fn students_table(out: &mut String, report: &BatchReport) {
    if report.submissions.is_empty() {
        return;
    }
    out.push_str("\n## Students\n\n| Student | Points | Max | % | Done | Status |\n|---|---:|---:|---:|---:|---|\n");
    for submission in &report.submissions {
        let (done, status) = match &submission.outcome {
            SubmissionOutcome::Graded => {
                let done = submission.exercises.iter().filter(|e| is_done(e)).count();
                let mut notes = Vec::new();
                let mut note = |n: usize, what: &str| {
                    if n > 0 {
                        notes.push(format!("{n} {what}"));
                    }
                };
                note(submission.violations.len(), "not allowed");
                note(submission.ignored_files.len(), "ignored file(s)");
                note(
                    super::names::only_missing(submission).count(),
                    "missing file(s)",
                );
                note(submission.notes.len(), "note(s)");
                let status = if notes.is_empty() {
                    "graded".to_owned()
                } else {
                    format!("graded: {}", notes.join(", "))
                };
                (format!("{done} of {}", submission.exercises.len()), status)
            }
            SubmissionOutcome::Unreadable { .. } => ("-".to_owned(), "unreadable".to_owned()),
            SubmissionOutcome::Refused { .. } => ("-".to_owned(), "refused".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {done} | {status} |",
            escape(&submission.student),
            format_points(submission.points),
            format_points(submission.max_points),
            percent(submission.points, submission.max_points),
        );
    }
}

fn not_graded(out: &mut String, report: &BatchReport) {
    let lines: Vec<String> = report
        .submissions
        .iter()
        .filter_map(|s| {
            let (what, reason) = match &s.outcome {
                SubmissionOutcome::Graded => return None,
                SubmissionOutcome::Unreadable { reason } => ("unreadable", reason),
                SubmissionOutcome::Refused { reason } => ("refused", reason),
            };
            Some(format!(
                "- **{}** ({}): {what}: {}",
                escape(&s.student),
                escape(&s.source.to_string_lossy()),
                escape(reason)
            ))
        })
        .collect();
    if !lines.is_empty() {
        out.push_str("\n## Not graded\n\n");
        out.push_str(&lines.join("\n"));
        out.push('\n');
    }
}

/// Per student: how it was read, the forbidden APIs found, the files ignored and the files
/// missing (a learner file that was ignored is listed once, as ignored).
fn flags(out: &mut String, report: &BatchReport) {
    let mut any = false;
    for submission in &report.submissions {
        let mut lines: Vec<String> = submission
            .notes
            .iter()
            .map(|n| format!("- {}", escape(n)))
            .collect();
        lines.extend(
            submission
                .violations
                .iter()
                .map(|v| format!("- {}", escape(&v.message()))),
        );
        lines.extend(
            submission
                .ignored_files
                .iter()
                .map(|f| format!("- {}: {}", escape(&f.path), escape(&f.why))),
        );
        lines.extend(
            super::names::only_missing(submission)
                .map(|path| format!("- {}: missing, graded as the stub", escape(&path))),
        );
        if lines.is_empty() {
            continue;
        }
        if !any {
            out.push_str("\n## Notes, not allowed, ignored and missing files\n");
            any = true;
        }
        let _ = write!(
            out,
            "\n**{}**\n\n{}\n",
            escape(&submission.student),
            lines.join("\n")
        );
    }
}

fn is_done(exercise: &ExerciseScore) -> bool {
    exercise.status == Some(ExerciseStatus::Done) && exercise.zeroed_by.is_none()
}

/// Text as Markdown shows it literally, on one line: markup characters backslash-escaped, `<`
/// and `>` as entities, line breaks as spaces, control characters and bidirectional controls
/// written out (`\u{202e}`).
fn escape(text: &str) -> String {
    let text = crate::sanitize::for_terminal(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn the_summary_has_the_class_the_exercises_the_students_and_the_protections() {
        let text = markdown_summary(&sample::batch());
        assert!(
            text.contains("3 submissions (2 graded, 1 not graded) · Day 1, Capstone"),
            "{text}"
        );
        assert!(text.contains("**25.83 of 40 points** (65%)"), "{text}");
        assert!(
            text.contains("| Day 1 · 2. Mixins as traits | 1 of 2 | 5 / 10 |"),
            "{text}"
        );
        assert!(
            text.contains("| =cmd | 0 | 40 | 0% | - | refused |"),
            "{text}"
        );
        assert!(
            text.contains("refused: the archive holds a path outside it: ../../etc/passwd"),
            "{text}"
        );
        assert!(text.contains("- memory limit 4 GiB"), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn text_from_submissions_cannot_add_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(escape("[link](http://x)"), "\\[link\\](http://x)");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("`code`"), "\\`code\\`");
        assert_eq!(
            escape("a\u{202e}b"),
            "a\\\\u{202e}b",
            "a bidirectional control is shown"
        );
    }
}
