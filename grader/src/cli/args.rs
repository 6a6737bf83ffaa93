//! The grader's command line, read over lexopt: a [`Command`] to run, or a help or version to print.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::Arg;

use super::help;
use super::matches::{self, Matches, Read};
use super::spec;
use super::usage_error::{GRADER, UsageError};
use crate::instructors::BatchRequest;

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    Run(Command),
    /// A help text or the version, for stdout; the grader then exits 0.
    Print(String),
}

/// A command and everything it was given, defaults filled in (see [`super::catalog::COMMANDS`]).
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Day {
        day: u32,
        json: bool,
        exercise: Option<String>,
        watch: bool,
        poll: bool,
    },
    Capstone {
        json: bool,
        area: Option<String>,
        demo: bool,
        watch: bool,
        poll: bool,
    },
    /// Also `week`.
    Progress,
    Solution {
        unit: String,
        exercise: String,
        force: bool,
    },
    Reset {
        unit: String,
        exercise: String,
    },
    Hint {
        unit: String,
        exercise: String,
        level: usize,
        all: bool,
    },
    List,
    Batch(BatchRequest),
    Release {
        dir: PathBuf,
        with_solutions: bool,
        force: bool,
    },
    Gradescope {
        dir: PathBuf,
        unit: Vec<String>,
    },
    Check {
        layout_only: bool,
        unit: Vec<String>,
        mistakes: bool,
        record_stubs: bool,
    },
}

/// Reads the command line, without the program's name: `["day", "1", "--json"]`.
pub fn parse<I>(args: I) -> Result<Invocation, UsageError>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    let mut parser = lexopt::Parser::from_args(args);
    // Before the command: only the grader's own options.
    let first = parser
        .next()
        .map_err(|error| UsageError::other(GRADER, &error))?;
    let name = match first {
        None => return Err(UsageError::no_command()),
        Some(Arg::Short('h') | Arg::Long("help")) => {
            return Ok(Invocation::Print(help::grader()));
        }
        Some(Arg::Short('V') | Arg::Long("version")) => {
            return Ok(Invocation::Print(format!(
                "grader {}\n",
                env!("CARGO_PKG_VERSION")
            )));
        }
        Some(Arg::Short(letter)) => {
            return Err(UsageError::unknown_grader_option(&format!("-{letter}")));
        }
        Some(Arg::Long(long)) => {
            return Err(UsageError::unknown_grader_option(&format!("--{long}")));
        }
        Some(Arg::Value(name)) => name,
    };
    if name == "help" {
        return help_of(&mut parser);
    }
    let spec = name
        .to_str()
        .and_then(spec::find)
        .ok_or_else(|| UsageError::unknown_command(&name))?;
    match matches::read(spec, &mut parser)? {
        Read::Help => Ok(Invocation::Print(help::command(spec))),
        Read::Matches(matches) => command(&matches).map(Invocation::Run),
    }
}

/// `cargo grader help [COMMAND]`: the grader's help, or the command's.
fn help_of(parser: &mut lexopt::Parser) -> Result<Invocation, UsageError> {
    let mut names = Vec::new();
    while let Some(arg) = parser
        .next()
        .map_err(|error| UsageError::other(GRADER, &error))?
    {
        match arg {
            Arg::Value(name) => names.push(name),
            Arg::Short('h') | Arg::Long("help") => {}
            Arg::Short(letter) => {
                return Err(UsageError::unknown_grader_option(&format!("-{letter}")));
            }
            Arg::Long(long) => return Err(UsageError::unknown_grader_option(&format!("--{long}"))),
        }
    }
    match names.as_slice() {
        // `help help`: the grader's help, which says what `help` does.
        [] => Ok(Invocation::Print(help::grader())),
        [name] if name == "help" => Ok(Invocation::Print(help::grader())),
        [name] => name
            .to_str()
            .and_then(spec::find)
            .map(|spec| Invocation::Print(help::command(spec)))
            .ok_or_else(|| UsageError::unknown_command(name)),
        [_, extra, ..] => Err(UsageError::extra_help_argument(extra)),
    }
}

/// The [`Command`] that `matches` asks for.
fn command(matches: &Matches) -> Result<Command, UsageError> {
    let m = matches;
    Ok(match m.spec.name {
        "day" => Command::Day {
            day: m.argument_number(0)?,
            json: m.flag("json"),
            exercise: m.text("exercise")?,
            watch: m.flag("watch"),
            poll: m.flag("poll"),
        },
        "capstone" => Command::Capstone {
            json: m.flag("json"),
            area: m.text("area")?,
            demo: m.flag("demo"),
            watch: m.flag("watch"),
            poll: m.flag("poll"),
        },
        "progress" => Command::Progress,
        "solution" => Command::Solution {
            unit: m.argument_text(0)?,
            exercise: m.argument_text(1)?,
            force: m.flag("force"),
        },
        "reset" => Command::Reset {
            unit: m.argument_text(0)?,
            exercise: m.argument_text(1)?,
        },
        "hint" => Command::Hint {
            unit: m.argument_text(0)?,
            exercise: m.argument_text(1)?,
            level: m.number("level")?.unwrap_or(1),
            all: m.flag("all"),
        },
        "list" => Command::List,
        "batch" => Command::Batch(BatchRequest {
            submissions: m.argument_paths(0),
            units: m.texts("unit")?,
            formats: m.texts("format")?,
            out: m.path("out").unwrap_or_default(),
            jobs: m.number("jobs")?,
            require_sandbox: m.flag("require-sandbox"),
            no_cache: m.flag("no-cache"),
            work_dir: m.path("work-dir"),
        }),
        "release" => Command::Release {
            dir: m.argument_path(0),
            with_solutions: m.flag("with-solutions"),
            force: m.flag("force"),
        },
        "gradescope" => Command::Gradescope {
            dir: m.argument_path(0),
            unit: m.texts("unit")?,
        },
        "check" => Command::Check {
            layout_only: m.flag("layout-only"),
            unit: m.texts("unit")?,
            mistakes: m.flag("mistakes"),
            record_stubs: m.flag("record-stubs"),
        },
        other => unreachable!("the spec's command `{other}` has no Command"),
    })
}

#[cfg(test)]
mod tests;
