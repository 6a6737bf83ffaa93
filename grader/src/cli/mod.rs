//! The command line: one subcommand per thing learners and maintainers do, each in its own function.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use grader::workbook::{Unit, Workbook};

use crate::instructors;

mod args;
mod catalog;
mod exercises;
mod grading;
mod help;
mod matches;
mod record_stubs;
mod spec;
mod suggest;
mod usage_error;

use args::{Command, Invocation};
use exercises::{hint_command, list_command, reset_command, solution_command};
use grading::{demo_command, grade_command, watch_command, week_command};
use record_stubs::record_stubs_command;

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
