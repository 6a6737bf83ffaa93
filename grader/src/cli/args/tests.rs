//! The command line's tests, and the helpers they share.

use std::path::PathBuf;

use super::{BatchRequest, Command, Invocation, parse};
use crate::cli::catalog::COMMANDS;

fn command(args: &[&str]) -> Command {
    match parse(args) {
        Ok(Invocation::Run(command)) => command,
        other => panic!("{args:?} should run a command, not {other:?}"),
    }
}

fn printed(args: &[&str]) -> String {
    match parse(args) {
        Ok(Invocation::Print(text)) => text,
        other => panic!("{args:?} should print, not {other:?}"),
    }
}

fn error(args: &[&str]) -> String {
    match parse(args) {
        Err(error) => error.to_string(),
        Ok(other) => panic!("{args:?} should be refused, not give {other:?}"),
    }
}

fn day(day: u32) -> Command {
    day_exercise(day, None)
}

fn day_exercise(day: u32, exercise: Option<&str>) -> Command {
    Command::Day {
        day,
        json: false,
        exercise: exercise.map(str::to_owned),
        watch: false,
        poll: false,
    }
}

/// The capstone with `--json` and `--demo` as given, nothing else.
fn capstone(json: bool, demo: bool) -> Command {
    Command::Capstone {
        json,
        area: None,
        demo,
        watch: false,
        poll: false,
    }
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|&text| text.to_owned()).collect()
}

mod help;
mod instructor_commands;
mod learner_commands;
mod mistakes;
