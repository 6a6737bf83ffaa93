//! A mistake on the command line: what was wrong, what to do next, and where the help is.

use std::ffi::{OsStr, OsString};

use super::catalog::COMMANDS;
use super::spec::{ArgumentSpec, CommandSpec, OptionSpec};
use super::suggest::closest;

/// The grader's own way in: `cargo grader --help`.
pub const GRADER: &str = "cargo grader";

/// A usage mistake; the grader prints it as one `error:` line and exits 2.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError {
    /// What was wrong and, where it helps, what to type instead.
    problem: String,
    /// The command whose help says more: `cargo day`.
    help_of: &'static str,
}

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (see `{} --help`)", self.problem, self.help_of)
    }
}

impl std::error::Error for UsageError {}

impl UsageError {
    fn new(problem: String, help_of: &'static str) -> Self {
        Self { problem, help_of }
    }

    /// `cargo grader` alone.
    pub fn no_command() -> Self {
        Self::new(
            format!(
                "`{GRADER}` needs a command, e.g. `cargo day 1`; the commands are {}",
                command_names()
            ),
            GRADER,
        )
    }

    pub fn unknown_command(name: &OsStr) -> Self {
        let name = name.to_string_lossy();
        let names = COMMANDS
            .iter()
            .flat_map(|command| [Some(command.name), command.alias])
            .flatten()
            .chain(["help"]);
        let problem = match closest(&name, names) {
            Some(meant) => format!(
                "unknown command `{name}`; did you mean `{meant}`? The commands are {}",
                command_names()
            ),
            None => format!(
                "unknown command `{name}`; the commands are {}",
                command_names()
            ),
        };
        Self::new(problem, GRADER)
    }

    /// An option before the command: `cargo grader --json day 1`.
    pub fn unknown_grader_option(option: &str) -> Self {
        let suggestion = did_you_mean(option, ["--help", "--version"]);
        let problem = if suggestion.is_empty() {
            format!(
                "unknown option `{option}` before the command: a command's options come after \
                 it, e.g. `cargo day 1 --json`"
            )
        } else {
            format!("unknown option `{option}`{suggestion}")
        };
        Self::new(problem, GRADER)
    }

    /// `--exrcise` for `cargo day`, with the closest of its options. The command is named as its
    /// help names it (`cargo week`, whether `week` or `progress` was typed).
    pub fn unknown_option(command: &'static CommandSpec, option: &str) -> Self {
        let options = command
            .options
            .iter()
            .map(|known| format!("--{}", known.long))
            .chain(["--help".to_owned()]);
        // A day's exercise is the capstone's area: each command knows only its own word.
        let has = |long: &str| command.options.iter().any(|known| known.long == long);
        let suggestion = match option {
            "--exercise" if has("area") => {
                "; did you mean `--area`? The capstone's exercises are its areas".to_owned()
            }
            "--area" if has("exercise") => "; did you mean `--exercise`?".to_owned(),
            _ => did_you_mean(option, options),
        };
        Self::new(
            format!(
                "unknown option `{option}` for `{}`{suggestion}",
                command.typed
            ),
            command.typed,
        )
    }

    /// A required argument is not there: `cargo day` without its day.
    pub fn missing_argument(command: &'static CommandSpec, argument: &ArgumentSpec) -> Self {
        Self::new(
            format!(
                "`{}` needs {}, e.g. `{}`",
                command.typed, argument.what, command.example
            ),
            command.typed,
        )
    }

    /// An argument that is not what it should be: `cargo day x`.
    pub fn bad_argument(
        command: &'static CommandSpec,
        argument: &ArgumentSpec,
        value: &OsStr,
    ) -> Self {
        let value = value.to_string_lossy();
        // `cargo day capstone`: the name of another command.
        let other_command = COMMANDS
            .iter()
            .find(|other| other.name == value && other.name != command.name)
            .map_or_else(String::new, |other| {
                format!("; did you mean `{}`?", other.typed)
            });
        Self::new(
            format!(
                "`{}` needs {}, not `{value}`, e.g. `{}`{other_command}",
                command.typed, argument.what, command.example
            ),
            command.typed,
        )
    }

    /// One argument more than the command takes: `cargo day 1 2`. `given` are the arguments
    /// before it: `cargo day 1 mixins` is told of `cargo day 1 --exercise mixins`.
    pub fn extra_argument(
        command: &'static CommandSpec,
        given: &[OsString],
        value: &OsStr,
    ) -> Self {
        let takes = if command.arguments.is_empty() {
            "it takes no arguments".to_owned()
        } else {
            let names: Vec<&str> = command.arguments.iter().map(|a| a.name).collect();
            format!("it takes only {}", names.join(" "))
        };
        let value = value.to_string_lossy();
        let one_exercise = ["exercise", "area"]
            .into_iter()
            .find(|long| command.options.iter().any(|known| known.long == *long))
            .filter(|_| !value.starts_with('-') && value.parse::<u64>().is_err())
            .map_or_else(String::new, |long| {
                let before: Vec<_> = given.iter().map(|a| a.to_string_lossy()).collect();
                let before = before.iter().map(|a| format!(" {a}")).collect::<String>();
                format!(
                    "; to grade one {long}, `{}{before} --{long} {value}`",
                    command.typed
                )
            });
        Self::new(
            format!(
                "unexpected argument `{value}` for `{}`: {takes}{one_exercise}",
                command.typed
            ),
            command.typed,
        )
    }

    /// `cargo grader help day json`.
    pub fn extra_help_argument(value: &OsStr) -> Self {
        Self::new(
            format!(
                "unexpected argument `{}` for `help`: it takes only COMMAND, e.g. `{GRADER} help day`",
                value.to_string_lossy()
            ),
            GRADER,
        )
    }

    /// `--exercise` at the end, or followed by another option.
    pub fn missing_value(command: &'static CommandSpec, option: &OptionSpec) -> Self {
        let name = option.value_name().unwrap_or("VALUE");
        Self::new(
            format!(
                "`--{long}` needs a value: `--{long} {name}`",
                long = option.long
            ),
            command.typed,
        )
    }

    /// `--json=x`: a flag takes no value.
    pub fn unexpected_value(
        command: &'static CommandSpec,
        option: &OptionSpec,
        value: &OsStr,
    ) -> Self {
        Self::new(
            format!(
                "`--{long}` takes no value: give `--{long}` alone, without `={}`",
                value.to_string_lossy(),
                long = option.long
            ),
            command.typed,
        )
    }

    /// `--level x`.
    pub fn not_a_number(command: &'static CommandSpec, option: &OptionSpec, value: &OsStr) -> Self {
        Self::new(
            format!(
                "`--{}` takes a number, not `{}`",
                option.long,
                value.to_string_lossy()
            ),
            command.typed,
        )
    }

    /// A value that is not valid UTF-8 where text is needed.
    pub fn not_text(command: &'static CommandSpec, what: &str, value: &OsStr) -> Self {
        Self::new(
            format!(
                "{what} must be text (valid UTF-8), not `{}`",
                value.to_string_lossy()
            ),
            command.typed,
        )
    }

    /// An option given twice that is taken once: `--json --json`.
    pub fn repeated(command: &'static CommandSpec, option: &OptionSpec) -> Self {
        Self::new(
            format!("`--{}` is given more than once: give it once", option.long),
            command.typed,
        )
    }

    /// Two options that cannot go together, in the order they were typed.
    pub fn conflict(
        command: &'static CommandSpec,
        first: &OptionSpec,
        second: &OptionSpec,
    ) -> Self {
        Self::new(
            format!(
                "`--{}` cannot be used with `--{}`: give one or the other",
                first.long, second.long
            ),
            command.typed,
        )
    }

    /// What lexopt found wrong that the rules above do not name.
    pub fn other(help_of: &'static str, error: &lexopt::Error) -> Self {
        Self::new(error.to_string(), help_of)
    }
}

/// "day, capstone, progress (or week), …, help".
fn command_names() -> String {
    let names: Vec<String> = COMMANDS
        .iter()
        .map(|command| match command.alias {
            Some(alias) => format!("{} (or {alias})", command.name),
            None => command.name.to_owned(),
        })
        .chain(["help".to_owned()])
        .collect();
    names.join(", ")
}

/// "; did you mean `--exercise`?" when one of `known` is close to `typed`, else nothing.
fn did_you_mean<S: AsRef<str>>(typed: &str, known: impl IntoIterator<Item = S>) -> String {
    closest(typed, known).map_or_else(String::new, |name| format!("; did you mean `{name}`?"))
}
