//! The text report a learner reads: one row per exercise, the next thing to fix, a summary line.
//!
//! It is written with ANSI styles; `anstream` strips them when the output is not a terminal or
//! when `NO_COLOR` is set. Text that comes from the learner's code (test names, messages,
//! locations, compiler errors) goes through [`for_terminal`] before it is painted, so that only the
//! grader's own styles reach the terminal as escape sequences.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::next_step::{error_location, first_to_show};
use crate::report::{ExerciseReport, ExerciseStatus, TestResult, TestStatus, UnitReport};
use crate::sanitize::for_terminal;
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

/// Notes on tests whatever their result: a passing test that left a process running, say.
fn render_notes(out: &mut String, report: &UnitReport) {
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
fn render_explanations(out: &mut String, report: &UnitReport, unit: &Unit) {
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

fn render_next(out: &mut String, exercise: &ExerciseReport, unit: &Unit) {
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
        let _ = writeln!(
            out,
            "  {}",
            paint(RED, "It does not compile yet. The compiler's first error:")
        );
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

/// Days have exercises; the capstone has areas.
/// "3 of 5 tests", "1 of 1 test": the noun agrees with the total.
pub(crate) fn count_of(some: usize, total: usize, noun: &str) -> String {
    let plural = if total == 1 { "" } else { "s" };
    format!("{some} of {total} {noun}{plural}")
}

fn exercise_word(unit: &Unit) -> &'static str {
    if unit.manifest.day.is_some() {
        "exercise"
    } else {
        "area"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Manifest, UnitKind};
    use crate::workbook::Crate;

    fn day_one() -> Unit {
        let manifest: Manifest = toml::from_str(
            r#"
            kind = "day"
            day = 1
            title = "Traits"

            [[exercise]]
            id = "checks"
            title = "Health checks"
            files = ["src/checks.rs"]
            tests = ["checks"]
            "#,
        )
        .expect("a valid manifest");
        Unit {
            manifest,
            dir: "days/day1".into(),
            package: "day1".into(),
            crates: vec![Crate {
                dir: "days/day1".into(),
                package: "day1".into(),
            }],
        }
    }

    fn test(name: &str, status: TestStatus, message: Option<&str>) -> TestResult {
        TestResult {
            name: name.into(),
            target: "checks".into(),
            status,
            message: message.map(str::to_owned),
            location: None,
            note: None,
            explanation: None,
            duration_ms: 0,
        }
    }

    fn report_of(tests: Vec<TestResult>, compile_error: Option<&str>) -> UnitReport {
        let exercise = ExerciseReport {
            id: "checks".into(),
            number: Some(1),
            title: "Health checks".into(),
            python: String::new(),
            file: "days/day1/src/checks.rs".into(),
            status: ExerciseReport::status_of(&tests, None),
            compile_error: compile_error.map(str::to_owned),
            weight: None,
            min_tests: None,
            test_weights: Default::default(),
            tests,
        };
        UnitReport::new(
            UnitKind::Day,
            Some(1),
            "Traits".into(),
            "day1".into(),
            vec![exercise],
        )
    }

    /// The report with the grader's own styles taken out: what is left must hold no escape.
    fn without_our_styles(text: &str) -> String {
        [GREEN, RED, YELLOW, DIM, BOLD]
            .iter()
            .flat_map(|style| [style.render().to_string(), style.render_reset().to_string()])
            .filter(|sequence| !sequence.is_empty())
            .fold(text.to_owned(), |text, sequence| {
                text.replace(&sequence, "")
            })
    }

    #[test]
    fn an_explanation_is_shown_only_for_a_passed_test_and_in_full_only_for_its_exercise_alone() {
        let mut passed = test("drill01", TestStatus::Passed, None);
        passed.explanation = Some("nothing to activate: cargo finds Cargo.toml".into());
        let mut failed = test("drill02", TestStatus::Failed, Some("not that"));
        failed.explanation = Some("the answer to drill 2".into());
        let report = report_of(vec![passed, failed], None);

        let whole_day = day_one();
        let text = without_our_styles(&render(&report, &whole_day, None));
        assert!(
            text.contains(
                "checks: 1 passed answer explains why it is right: `cargo day 1 --exercise checks`"
            ),
            "{text}"
        );
        assert!(!text.contains("nothing to activate"), "{text}");

        let mut alone = day_one();
        let other = alone.manifest.exercises[0].clone();
        alone.manifest.exercises.push(other);
        let text = without_our_styles(&render(&report, &alone, None));
        assert!(
            text.contains("✓ drill01: nothing to activate: cargo finds Cargo.toml"),
            "{text}"
        );
        assert!(!text.contains("the answer to drill 2"), "{text}");
    }

    #[test]
    fn learner_text_is_shown_escaped_and_never_obeyed() {
        let mut failing = test(
            "fake\u{1b}[2Kname",
            TestStatus::Failed,
            Some("\u{1b}[2J\u{1b}[32m✓ all passed\rok \u{202e}deliaf"),
        );
        failing.location = Some("days/day1/src/checks.rs\u{1b}[8m:3:5".into());
        let other = test("other\u{202e}", TestStatus::Failed, None);
        let report = report_of(vec![failing, other], None);
        let text = render(&report, &day_one(), None);

        assert!(
            text.contains("\\u{1b}[2J\\u{1b}[32m✓ all passed\\rok \\u{202e}deliaf"),
            "{text}"
        );
        assert!(text.contains("fake\\u{1b}[2Kname (failing)"), "{text}");
        assert!(
            text.contains("at days/day1/src/checks.rs\\u{1b}[8m:3:5"),
            "{text}"
        );
        assert!(text.contains("other\\u{202e} (failing)"), "{text}");
        assert!(!text.contains('\r') && !text.contains('\u{202e}'), "{text}");
        assert!(
            text.contains(&paint(RED, "✗")),
            "the grader still paints its own marks"
        );
        assert!(
            !without_our_styles(&text).contains('\u{1b}'),
            "the only escape sequences are the grader's styles: {text:?}"
        );
    }

    #[test]
    fn a_compiler_error_quoting_learner_code_is_shown_escaped() {
        let error = "error: unknown start of token: \\u{1b}\n --> days/day1/src/checks.rs:1:5\n  |\n1 | // \u{1b}]0;pwned\u{7}\u{2066}";
        let broken = test("checks", TestStatus::DoesNotCompile, Some(error));
        let report = report_of(vec![broken], Some(error));
        let text = render(&report, &day_one(), None);
        assert!(
            text.contains("    1 | // \\u{1b}]0;pwned\\u{7}\\u{2066}"),
            "{text}"
        );
        assert!(!without_our_styles(&text).contains('\u{1b}'), "{text:?}");
    }

    #[test]
    fn an_ignored_test_is_listed_but_neither_counted_nor_next() {
        let report = report_of(
            vec![
                test("a_later", TestStatus::Ignored, None),
                test("b_works", TestStatus::Passed, None),
                test("c_works_too", TestStatus::Passed, None),
            ],
            None,
        );
        let text = without_our_styles(&render(&report, &day_one(), Some("cargo day 2")));
        assert!(text.contains("2/2 passed · 1 ignored"), "{text}");
        assert!(text.contains("Day 1: every exercise passes."), "{text}");
        assert!(
            text.contains("1 of 1 exercise done · 2 of 2 tests passed · 1 ignored"),
            "{text}"
        );

        let report = report_of(
            vec![
                test("a_later", TestStatus::Ignored, None),
                test("b_fails", TestStatus::Failed, Some("expected 3")),
                test("c_todo", TestStatus::NotStarted, None),
            ],
            None,
        );
        let text = without_our_styles(&render(&report, &day_one(), None));
        assert!(
            text.contains("0/2 passed · 1 not started · 1 failing · 1 ignored"),
            "{text}"
        );
        assert!(text.contains("✗ b_fails (failing)"), "{text}");
        assert!(
            text.contains("Also still to pass: c_todo (not started)\n"),
            "{text}"
        );
        assert!(!text.contains("a_later"), "{text}");

        let report = report_of(vec![test("a_later", TestStatus::Ignored, None)], None);
        let text = without_our_styles(&render(&report, &day_one(), None));
        assert!(
            text.contains("Every one of its tests is marked #[ignore]"),
            "{text}"
        );
    }
}
