//! How a command is described: its arguments and options, with their defaults and conflicts.

use super::catalog::COMMANDS;

/// One command of the grader: its names, how learners type it, and what it takes.
pub struct CommandSpec {
    /// The name the grader takes: `day`.
    pub name: &'static str,
    /// Another name it answers to, shown in the help: `week` for `progress`.
    pub alias: Option<&'static str>,
    /// How learners type it, for messages and the help's usage line: `cargo day`.
    pub typed: &'static str,
    /// A command line that works, for messages: `cargo day 1`.
    pub example: &'static str,
    /// What it does, in one line.
    pub about: &'static str,
    /// Its arguments, each required, in order.
    pub arguments: &'static [ArgumentSpec],
    pub options: &'static [OptionSpec],
}

/// A required argument: `<DAY>`.
pub struct ArgumentSpec {
    /// Its name in the help: `DAY`.
    pub name: &'static str,
    /// What it is, for messages: "a day number".
    pub what: &'static str,
    pub help: &'static str,
    /// One or more of them (the last argument only): `<SUBMISSION>...`.
    pub many: bool,
}

/// What an option takes after its name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// Nothing: a flag, given at most once.
    Nothing,
    /// One value, given at most once; the name is the help's: `ID`.
    Value(&'static str),
    /// One value each time; repeat the option for more.
    Values(&'static str),
    /// Values separated by commas; repeat the option for more.
    CommaSeparatedValues(&'static str),
}

/// An option: `--exercise <ID>`.
pub struct OptionSpec {
    /// Its name without the dashes: `exercise`.
    pub long: &'static str,
    pub takes: Takes,
    /// Its value when it is not given, as it would be typed.
    pub default: Option<&'static str>,
    pub help: &'static str,
    /// The options it cannot be given with (without the dashes); the rule holds both ways.
    pub conflicts_with: &'static [&'static str],
}

impl CommandSpec {
    pub fn option(&self, long: &str) -> Option<&'static OptionSpec> {
        self.options.iter().find(|option| option.long == long)
    }
}

impl OptionSpec {
    /// The name of its value in the help, if it takes one: `ID`.
    pub fn value_name(&self) -> Option<&'static str> {
        match self.takes {
            Takes::Nothing => None,
            Takes::Value(name) | Takes::Values(name) | Takes::CommaSeparatedValues(name) => {
                Some(name)
            }
        }
    }
}

/// The command with this name or alias, as typed.
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS
        .iter()
        .find(|command| command.name == name || command.alias == Some(name))
}

/// A flag: `--json`.
pub const fn flag(long: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        long,
        takes: Takes::Nothing,
        default: None,
        help,
        conflicts_with: &[],
    }
}

/// An option that takes one value, once: `--exercise ID`.
pub const fn value(long: &'static str, value_name: &'static str, help: &'static str) -> OptionSpec {
    OptionSpec {
        long,
        takes: Takes::Value(value_name),
        default: None,
        help,
        conflicts_with: &[],
    }
}

/// A required argument, one of it: `DAY`.
pub const fn argument(name: &'static str, what: &'static str, help: &'static str) -> ArgumentSpec {
    ArgumentSpec {
        name,
        what,
        help,
        many: false,
    }
}

/// An option that takes one value each time it is given: `--unit day1 --unit day2`.
pub const fn value_list(
    long: &'static str,
    value_name: &'static str,
    help: &'static str,
) -> OptionSpec {
    OptionSpec {
        takes: Takes::Values(value_name),
        ..value(long, value_name, help)
    }
}
