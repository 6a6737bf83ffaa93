//! The grading subcommands: `cargo day N` and `cargo capstone` (with `--watch`, and the capstone's
//! `--demo`), and `cargo week`.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;

use grader::demo::run_demo;
use grader::grade::{GradeOptions, Progress, grade_unit};
use grader::planted::PlantedBugs;
use grader::render::render;
use grader::workbook::{Unit, Workbook};

use super::unknown_exercise;
use crate::progress::ProgressPrinter;
use crate::relaunch::{Build, is_relaunched, relaunch};

/// The grader's feature that brings `--watch` the system's file notifications.
const NOTIFICATIONS: &str = "file-notifications";

pub(super) fn grade_command(
    workbook: &Workbook,
    unit: &Unit,
    json: bool,
    only: Option<String>,
) -> anyhow::Result<ExitCode> {
    if let Some(id) = &only
        && unit.manifest.exercise(id).is_none()
    {
        return Err(unknown_exercise(unit, id));
    }
    let printer = ProgressPrinter::new();
    let progress = |event: Progress<'_>| printer.show(event);
    let planted = PlantedBugs::for_unit(workbook, unit, &PlantedBugs::learner_work_dir(workbook));
    let options = GradeOptions {
        only: only.into_iter().collect(),
        progress: &progress,
        planted: planted.as_ref(),
        results_cache: true,
        ..GradeOptions::quiet()
    };
    let _ = writeln!(anstream::stderr(), "{}", first_words(workbook, unit));
    if planted.is_none()
        && let Some(own) = unit
            .manifest
            .exercises
            .iter()
            .find(|e| e.min_tests.is_some())
    {
        let _ = writeln!(
            anstream::stderr(),
            "Note: this workbook has no bugs planted in a reference solution ({}), so `{}` is graded \
             by how many of your tests pass, not by what they catch.",
            grader::variants::variants_path(workbook, unit)
                .strip_prefix(&workbook.root)
                .unwrap_or(std::path::Path::new("solutions"))
                .display(),
            own.id
        );
    }
    let mut report = grade_unit(&workbook.root, unit, &options).context("failed to grade")?;
    printer.finish();
    // Ctrl-C stopped the tests: their results are not a report; the signal handler is exiting.
    if grader::process::interrupted() {
        return Ok(ExitCode::from(130));
    }
    report.warnings.extend(grader::learner_findings::findings(
        &workbook.root,
        unit,
        &options.only,
    ));
    if json {
        let text =
            serde_json::to_string_pretty(&report).context("failed to write the JSON report")?;
        // Not `println!`, which panics when the reader is gone (`cargo day 1 --json | head`).
        let _ = writeln!(std::io::stdout(), "{text}");
    } else {
        let next = next_command(workbook, unit);
        let _ = write!(
            anstream::stdout(),
            "{}",
            render(&report, unit, next.as_deref())
        );
    }
    Ok(if report.all_done() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What a run starts by saying: on the first run of a unit, what is built and how long it takes.
fn first_words(workbook: &Workbook, unit: &Unit) -> String {
    let built =
        grader::workbook::built_before(&grader::workbook::build_folder(&workbook.root), unit);
    if built {
        format!("Grading {} ({})…", unit.label(), unit.package)
    } else {
        format!(
            "First run of {}: building its dependencies and tests ({}), which takes up to half a \
             minute; later runs take a second or two.",
            unit.label(),
            unit.package
        )
    }
}

/// What to run once `unit` is done: the next day, else the capstone.
fn next_command(workbook: &Workbook, unit: &Unit) -> Option<String> {
    let day = unit.manifest.day?;
    workbook
        .units
        .iter()
        .find(|u| u.manifest.day.is_none_or(|d| d > day))
        .map(Unit::grade_command)
}

/// `--watch`: grades, then grades again each time one of the unit's files is saved, until Ctrl-C.
pub(super) fn watch_command(
    workbook: &Workbook,
    unit: &Unit,
    json: bool,
    only: Option<String>,
    poll: bool,
) -> anyhow::Result<ExitCode> {
    if let Some(id) = &only
        && unit.manifest.exercise(id).is_none()
    {
        return Err(unknown_exercise(unit, id));
    }
    if !poll && !grader::watch::FILE_NOTIFICATIONS && !is_relaunched(Build::With(NOTIFICATIONS)) {
        return relaunch(
            Build::With(NOTIFICATIONS),
            "`--watch` uses the system's file notifications, which this grader was built without: \
             running it in a grader built with them (`cargo run -p grader --no-default-features \
             --features file-notifications`), which cargo builds the first time, in about 10 s \
             (`--poll` needs none)…",
        );
    }
    let mode = if poll {
        grader::watch::WatchMode::Poll
    } else {
        grader::watch::WatchMode::Notify
    };
    let paths = grader::watch::watched_paths(&workbook.root, unit);
    grader::watch::watch(&paths, mode, &mut |_changed| {
        if let Err(error) = grade_command(workbook, unit, json, only.clone()) {
            let style = anstyle::AnsiColor::Red.on_default().bold();
            let _ = writeln!(anstream::stderr(), "{style}error:{style:#} {error:#}");
        }
    })
    .context("failed to watch the files")?;
    Ok(ExitCode::SUCCESS)
}

/// `cargo week`: every unit's exercises at a glance, from cached results while they are current.
pub(super) fn week_command(workbook: &Workbook) -> anyhow::Result<ExitCode> {
    let printer = ProgressPrinter::new();
    let progress = |event: Progress<'_>| printer.show(event);
    let week = grader::week::week(workbook, &progress).context("failed to grade")?;
    printer.finish();
    let _ = write!(anstream::stdout(), "{}", grader::week::render_week(&week));
    Ok(ExitCode::SUCCESS)
}

pub(super) fn demo_command(workbook: &Workbook, unit: &Unit) -> anyhow::Result<ExitCode> {
    let _ = writeln!(
        anstream::stderr(),
        "Building the reference solution of {} in a private copy (your files are not touched)…",
        unit.package
    );
    let status = run_demo(workbook, unit)?;
    let mut err = anstream::stderr();
    match status {
        0 => Ok(ExitCode::SUCCESS),
        // The tool ran and reported (the Nagios convention the capstone follows): a check that is
        // not healthy on this machine is the tool at work, not a failed demo.
        1 | 2 => {
            let level = if status == 1 { "WARNING" } else { "CRITICAL" };
            let _ = writeln!(
                err,
                "The demo ran: {} exits {status} because a check is {level} on this machine.",
                unit.package
            );
            Ok(ExitCode::SUCCESS)
        }
        other => {
            let _ = writeln!(
                err,
                "The reference solution exited with status {other}: the demo did not run as it should."
            );
            Ok(ExitCode::from(1))
        }
    }
}
