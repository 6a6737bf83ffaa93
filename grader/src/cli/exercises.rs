//! The subcommands about one exercise: `cargo hint`, `cargo solution` (once it passes), `cargo
//! grader reset`; and `cargo grader list`, which lists them all.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use grader::grade::{GradeOptions, Progress, grade_unit};
use grader::planted::PlantedBugs;
use grader::workbook::{Unit, Workbook};

use super::{find_unit, unknown_exercise};
use crate::progress::ProgressPrinter;

/// Grades one exercise (from cached results when they are current) and says whether it is done.
fn exercise_passes(workbook: &Workbook, unit: &Unit, id: &str) -> anyhow::Result<bool> {
    let printer = ProgressPrinter::new();
    let progress = |event: Progress<'_>| printer.show(event);
    let planted = PlantedBugs::for_unit(workbook, unit, &PlantedBugs::learner_work_dir(workbook));
    let options = GradeOptions {
        only: vec![id.to_owned()],
        progress: &progress,
        planted: planted.as_ref(),
        results_cache: true,
        ..GradeOptions::quiet()
    };
    let report = grade_unit(&workbook.root, unit, &options).context("failed to grade")?;
    printer.finish();
    Ok(report.warnings.is_empty() && report.exercises.iter().all(|e| e.is_done()))
}

/// `cargo solution N EXERCISE`: the reference solution and a diff, once the exercise passes.
pub(super) fn solution_command(
    workbook: &Workbook,
    unit_name: &str,
    id: &str,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let unit = find_unit(workbook, unit_name)?;
    let exercise = unit
        .manifest
        .exercise(id)
        .ok_or_else(|| unknown_exercise(unit, id))?;
    // A release for students has none: say so before building anything.
    grader::solution::has_solutions(workbook)?;
    let passes = if force {
        None
    } else {
        let _ = writeln!(
            anstream::stderr(),
            "Checking that `{id}` passes before showing its solution…"
        );
        Some(exercise_passes(workbook, unit, id)?)
    };
    let text = match grader::solution::solution_text(workbook, unit, exercise, unit_name, passes) {
        Ok(text) => text,
        // Not done yet is the learner's state, not bad input: exit 1, as an unfinished day does.
        Err(error @ grader::solution::SolutionError::NotPassing { .. }) => {
            let _ = writeln!(anstream::stderr(), "{error}");
            return Ok(ExitCode::from(1));
        }
        Err(error) => return Err(error.into()),
    };
    let _ = write!(anstream::stdout(), "{text}");
    Ok(ExitCode::SUCCESS)
}

/// `cargo grader reset N EXERCISE`: the stub back, the learner's file kept as a named backup.
pub(super) fn reset_command(
    workbook: &Workbook,
    unit_name: &str,
    id: &str,
) -> anyhow::Result<ExitCode> {
    let unit = find_unit(workbook, unit_name)?;
    let exercise = unit
        .manifest
        .exercise(id)
        .ok_or_else(|| unknown_exercise(unit, id))?;
    let restored = grader::solution::reset(workbook, unit, exercise)?;
    let mut out = anstream::stdout();
    for file in &restored {
        let _ = writeln!(out, "{file}");
    }
    let _ = writeln!(
        out,
        "Run `{} --exercise {id}` to see where it stands.",
        unit.grade_command()
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) fn hint_command(
    workbook: &Workbook,
    unit: &str,
    id: &str,
    level: usize,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let unit_name = unit;
    let unit = find_unit(workbook, unit)?;
    let exercise = unit
        .manifest
        .exercise(id)
        .ok_or_else(|| unknown_exercise(unit, id))?;
    let hints = &exercise.hints;
    if hints.is_empty() {
        bail!("`{id}` has no hints yet");
    }
    if level == 0 || level > hints.len() {
        bail!(
            "`{id}` has hints 1 to {}; ask for one of those with `--level N`",
            hints.len()
        );
    }
    let mut out = anstream::stdout();
    let bold = anstyle::Style::new().bold();
    let shown = if all { 1..=hints.len() } else { level..=level };
    for n in shown {
        let _ = writeln!(
            out,
            "{bold}Hint {n} of {} for {} ({}):{bold:#}",
            hints.len(),
            exercise.title,
            id
        );
        let _ = writeln!(out, "{}\n", hints[n - 1].trim());
    }
    if !all && level < hints.len() {
        let _ = writeln!(
            out,
            "More: `cargo hint {unit_name} {id} --level {}`",
            level + 1
        );
    }
    if !exercise.read_more.is_empty() {
        let _ = writeln!(out, "{bold}Read more:{bold:#}");
        for link in &exercise.read_more {
            let _ = writeln!(out, "  - {link}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn list_command(workbook: &Workbook) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout();
    for unit in &workbook.units {
        let _ = writeln!(
            out,
            "{} · {}   `{}`",
            unit.label(),
            unit.manifest.title,
            unit.grade_command()
        );
        for exercise in &unit.manifest.exercises {
            let _ = writeln!(out, "    {:<18} {}", exercise.id, exercise.title);
        }
    }
    Ok(ExitCode::SUCCESS)
}
