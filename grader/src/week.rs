//! `cargo week`: the whole week at a glance, from each unit's kept results while they are current.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::compile::CompileError;
use crate::grade::{GradeOptions, Progress, grade_unit};
use crate::planted::PlantedBugs;
use crate::report::{ExerciseStatus, UnitReport};
use crate::sanitize::for_terminal;
use crate::workbook::{Unit, Workbook};

const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// Every unit with its latest report, in the workbook's order (the days, then the capstone).
pub struct Week<'a> {
    pub units: Vec<(&'a Unit, UnitReport)>,
}

/// Grades every unit of `workbook`. A unit whose files are as they were at its last report is not
/// built or run again ([`crate::grade::results_cache`]); one that changed is graded now, reusing
/// the results of every test target the change cannot affect.
pub fn week<'a>(
    workbook: &'a Workbook,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<Week<'a>, CompileError> {
    let planted_dir = PlantedBugs::learner_work_dir(workbook);
    let mut units = Vec::new();
    for unit in &workbook.units {
        let planted = PlantedBugs::for_unit(workbook, unit, &planted_dir);
        let note = if crate::workbook::built_before(
            &crate::workbook::build_folder(&workbook.root),
            unit,
        ) {
            format!(
                "Grading {} ({}): it changed since its last report, or has none yet…",
                unit.label(),
                unit.package
            )
        } else {
            // The first `cargo week` builds every unit nobody has run yet: say why it is slow.
            format!(
                "First run of {} ({}): building its dependencies and tests, which takes up to \
                 half a minute…",
                unit.label(),
                unit.package
            )
        };
        let options = GradeOptions {
            progress,
            planted: planted.as_ref(),
            results_cache: true,
            on_build: Some(&note),
            ..GradeOptions::quiet()
        };
        let mut report = grade_unit(&workbook.root, unit, &options)?;
        // What `cargo day` warns of too (a forbidden API, a file of the learner's own): the run
        // does not count, and the week says so.
        report
            .warnings
            .extend(crate::learner_findings::findings(&workbook.root, unit, &[]));
        units.push((unit, report));
    }
    Ok(Week { units })
}

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// The week as text: a heading per unit with its count (or score), its exercises marked done
/// (✓), in progress (…), not compiling (✗) or not started (○), and the next thing to do.
pub fn render_week(week: &Week<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", paint(BOLD, "The week at a glance"));
    let label_width = week
        .units
        .iter()
        .map(|(unit, _)| unit.label().chars().count())
        .max()
        .unwrap_or(0);
    let title_width = week
        .units
        .iter()
        .map(|(_, report)| report.title.chars().count())
        .max()
        .unwrap_or(0);
    for (unit, report) in &week.units {
        let _ = writeln!(out);
        let summary = &report.summary;
        let standing = match report.score {
            Some(score) => format!("score {score}/100"),
            None => format!(
                "{} done · {} passed",
                crate::render::count_of(summary.exercises_done, summary.exercises, "exercise"),
                crate::render::count_of(summary.passed, summary.tests, "test")
            ),
        };
        let _ = writeln!(
            out,
            "{}  {:<title_width$}  {}",
            paint(BOLD, &format!("{:<label_width$}", unit.label())),
            report.title,
            paint(DIM, &standing)
        );
        let marks: Vec<String> = report
            .exercises
            .iter()
            .map(|exercise| {
                let (mark, style) = match exercise.status {
                    ExerciseStatus::Done => ("✓", GREEN),
                    ExerciseStatus::InProgress => ("…", YELLOW),
                    ExerciseStatus::DoesNotCompile => ("✗", RED),
                    ExerciseStatus::NotStarted => ("○", DIM),
                };
                format!("{} {}", paint(style, mark), exercise.id)
            })
            .collect();
        let _ = writeln!(out, "  {}", marks.join("   "));
        if !report.warnings.is_empty() {
            let _ = writeln!(
                out,
                "  {} this run does not count: `{}` says why",
                paint(RED, "warning:"),
                unit.grade_command()
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", next_thing_to_do(week));
    out
}

/// The first unfinished exercise of the first unfinished unit, and how to work on it.
fn next_thing_to_do(week: &Week<'_>) -> String {
    let unfinished = week
        .units
        .iter()
        .find_map(|(unit, report)| Some((unit, report, report.next_unfinished()?)));
    match unfinished {
        Some((unit, _, exercise)) => {
            let verb = match exercise.status {
                ExerciseStatus::NotStarted => "start",
                _ => "finish",
            };
            format!(
                "Next: {verb} `{}` ({}, {}): open {}, then run `{}`.",
                exercise.id,
                unit.label(),
                for_terminal(&exercise.title),
                exercise.file.display(),
                unit.grade_command()
            )
        }
        None => match week.units.iter().find(|(_, report)| !report.all_done()) {
            Some((unit, _)) => format!(
                "Every exercise passes, but a run did not count: run `{}` to see why.",
                unit.grade_command()
            ),
            None => paint(GREEN, "Every exercise of the week passes. Well done!"),
        },
    }
}
