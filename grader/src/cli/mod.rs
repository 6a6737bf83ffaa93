//! The command line: one subcommand per thing learners and maintainers do, each in its own function.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use grader::demo::run_demo;
use grader::grade::{GradeOptions, Progress, grade_unit};
use grader::planted::PlantedBugs;
use grader::render::render;
use grader::workbook::{Unit, Workbook};

use crate::instructors;
use crate::progress::ProgressPrinter;
use crate::relaunch::{Build, is_relaunched, relaunch};

mod args;
mod catalog;
mod help;
mod matches;
mod spec;
mod suggest;
mod usage_error;

use args::{Command, Invocation};

/// The grader's feature that brings `--watch` the system's file notifications.
const NOTIFICATIONS: &str = "file-notifications";

/// Parses the command line and runs the subcommand; `Err` means bad input (exit status 2).
pub fn run() -> anyhow::Result<ExitCode> {
    let command = match args::parse(std::env::args_os().skip(1))? {
        Invocation::Run(command) => command,
        Invocation::Print(text) => {
            let _ = write!(std::io::stdout(), "{text}");
            return Ok(ExitCode::SUCCESS);
        }
    };
    let cwd = std::env::current_dir().context("failed to read the current folder")?;
    let workbook = Workbook::discover(&cwd)?;
    match command {
        Command::Day {
            day,
            json,
            exercise,
            watch,
            poll,
        } => {
            let unit = find_day(&workbook, day)?;
            if watch || poll {
                watch_command(&workbook, unit, json, exercise, poll)
            } else {
                grade_command(&workbook, unit, json, exercise)
            }
        }
        Command::Capstone {
            json,
            area,
            demo,
            watch,
            poll,
        } => {
            let unit = find_capstone(&workbook)?;
            if demo {
                demo_command(&workbook, unit)
            } else if watch || poll {
                watch_command(&workbook, unit, json, area, poll)
            } else {
                grade_command(&workbook, unit, json, area)
            }
        }
        Command::Progress => week_command(&workbook),
        Command::Solution {
            unit,
            exercise,
            force,
        } => solution_command(&workbook, &unit, &exercise, force),
        Command::Reset { unit, exercise } => reset_command(&workbook, &unit, &exercise),
        Command::Hint {
            unit,
            exercise,
            level,
            all,
        } => hint_command(&workbook, &unit, &exercise, level, all),
        Command::List => list_command(&workbook),
        Command::Check {
            layout_only,
            unit,
            mistakes,
            record_stubs,
        } => {
            if record_stubs {
                record_stubs_command(&workbook, &unit)
            } else {
                instructors::check_command(&workbook, layout_only, &unit, mistakes)
            }
        }
        Command::Batch(request) => instructors::batch_command(&workbook, request),
        Command::Release {
            dir,
            with_solutions,
            force,
        } => instructors::release_command(&workbook, &dir, with_solutions, force),
        Command::Gradescope { dir, unit } => {
            instructors::gradescope_command(&workbook, &dir, &unit)
        }
    }
}

fn find_day(workbook: &Workbook, day: u32) -> anyhow::Result<&Unit> {
    workbook.day(day).with_context(|| {
        let days: Vec<String> = workbook.day_numbers().iter().map(u32::to_string).collect();
        format!(
            "there is no day {day}: the workbook has {} {} (try `cargo day {}`)",
            if days.len() == 1 { "day" } else { "days" },
            days.join(", "),
            days.first().map_or("1", String::as_str)
        )
    })
}

fn find_capstone(workbook: &Workbook) -> anyhow::Result<&Unit> {
    workbook
        .capstone()
        .context("this workbook has no capstone yet (no capstone/exercises.toml)")
}

/// A day's number or `capstone`, as `cargo hint`, `cargo solution` and `cargo grader check --unit`
/// take it.
pub(crate) fn find_unit<'a>(workbook: &'a Workbook, name: &str) -> anyhow::Result<&'a Unit> {
    if name == "capstone" {
        return find_capstone(workbook);
    }
    let Ok(day) = name.parse() else {
        let days: Vec<String> = workbook.day_numbers().iter().map(u32::to_string).collect();
        bail!(
            "`{name}` is neither a day's number nor `capstone`: use one of {} or capstone",
            days.join(", ")
        );
    };
    find_day(workbook, day)
}

fn exercise_ids(unit: &Unit) -> String {
    let ids: Vec<&str> = unit
        .manifest
        .exercises
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    ids.join(", ")
}

/// "day 1 has no exercise `x`" or "the capstone has no area `x`", with the valid ids.
fn unknown_exercise(unit: &Unit, id: &str) -> anyhow::Error {
    let (owner, kind, kinds) = match unit.manifest.day {
        Some(day) => (format!("day {day}"), "exercise", "exercises"),
        None => ("the capstone".to_owned(), "area", "areas"),
    };
    anyhow::anyhow!(
        "{owner} has no {kind} `{id}`: its {kinds} are {}",
        exercise_ids(unit)
    )
}

fn grade_command(
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
    report
        .warnings
        .extend(policy_findings(workbook, unit, &options.only));
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
    let built = grader::workbook::built_before(
        &grader::workbook::build_folder(&workbook.root),
        &unit.package,
    );
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

/// The uses of APIs an exercise's policy forbids (its `forbid` list) in the learner's files, as
/// the warnings of the report: instructors' grading scores such an exercise 0, so the learner
/// hears of it first.
fn policy_findings(workbook: &Workbook, unit: &Unit, only: &[String]) -> Vec<String> {
    unit.manifest
        .exercises
        .iter()
        .filter(|e| only.is_empty() || only.contains(&e.id))
        .flat_map(|exercise| {
            grader::policy::check_exercise(&workbook.root, unit, exercise)
                .into_iter()
                .map(|finding| {
                    format!(
                        "{}: not allowed in this exercise: `{}` at {} (its policy forbids `{}`, and \
                         an instructor's grading scores the exercise 0 for it)",
                        exercise.id,
                        finding.found,
                        finding.location(),
                        finding.what
                    )
                })
        })
        .collect()
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
fn watch_command(
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
fn week_command(workbook: &Workbook) -> anyhow::Result<ExitCode> {
    let printer = ProgressPrinter::new();
    let progress = |event: Progress<'_>| printer.show(event);
    let week = grader::week::week(workbook, &progress).context("failed to grade")?;
    printer.finish();
    let _ = write!(anstream::stdout(), "{}", grader::week::render_week(&week));
    Ok(ExitCode::SUCCESS)
}

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
fn solution_command(
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
fn reset_command(workbook: &Workbook, unit_name: &str, id: &str) -> anyhow::Result<ExitCode> {
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

fn demo_command(workbook: &Workbook, unit: &Unit) -> anyhow::Result<ExitCode> {
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

fn hint_command(
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

fn list_command(workbook: &Workbook) -> anyhow::Result<ExitCode> {
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

/// `cargo grader check --record-stubs`: each unit's `stubs.toml` from its learner files as they are.
fn record_stubs_command(workbook: &Workbook, unit_names: &[String]) -> anyhow::Result<ExitCode> {
    let units = if unit_names.is_empty() {
        workbook.units.iter().collect()
    } else {
        unit_names
            .iter()
            .map(|name| find_unit(workbook, name.strip_prefix("day").unwrap_or(name)))
            .collect::<anyhow::Result<Vec<&Unit>>>()?
    };
    let mut out = anstream::stdout();
    for unit in units {
        let path = grader::grade::stubs::record(&workbook.root, unit)
            .with_context(|| format!("failed to write the stubs record of {}", unit.label()))?;
        let shown = path.strip_prefix(&workbook.root).unwrap_or(&path);
        let _ = writeln!(
            out,
            "Recorded {}'s stubs in {}",
            unit.label(),
            shown.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
