//! Reads one command's arguments with lexopt against its spec, then hands out typed values.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::str::FromStr;

use lexopt::Arg;

use super::spec::{CommandSpec, OptionSpec, Takes};
use super::usage_error::UsageError;

/// What one command's arguments asked for.
pub enum Read {
    /// `--help` or `-h`: its help, whatever else was given.
    Help,
    Matches(Matches),
}

/// A command's arguments and options as given, checked against its spec.
pub struct Matches {
    pub spec: &'static CommandSpec,
    arguments: Vec<OsString>,
    /// Each option given, in the order typed, with its value if it takes one.
    given: Vec<(&'static OptionSpec, Option<OsString>)>,
}

/// Reads the rest of the command line as `spec`'s arguments and options: `--opt value` and
/// `--opt=value`, everything after `--` as arguments, the required arguments and the conflicts.
pub fn read(spec: &'static CommandSpec, parser: &mut lexopt::Parser) -> Result<Read, UsageError> {
    let mut arguments = Vec::new();
    let mut given: Vec<(&'static OptionSpec, Option<OsString>)> = Vec::new();
    while let Some(arg) = parser
        .next()
        .map_err(|error| UsageError::other(spec.typed, &error))?
    {
        let option = match arg {
            Arg::Short('h') | Arg::Long("help") => return Ok(Read::Help),
            Arg::Value(value) => {
                arguments.push(value);
                continue;
            }
            Arg::Short(letter) => {
                return Err(UsageError::unknown_option(spec, &format!("-{letter}")));
            }
            Arg::Long(long) => spec
                .option(long)
                .ok_or_else(|| UsageError::unknown_option(spec, &format!("--{long}")))?,
        };
        let value = read_value(spec, option, parser)?;
        let repeatable = matches!(
            option.takes,
            Takes::Values(_) | Takes::CommaSeparatedValues(_)
        );
        if !repeatable && given.iter().any(|(earlier, _)| earlier.long == option.long) {
            return Err(UsageError::repeated(spec, option));
        }
        given.push((option, value));
    }
    check_arguments(spec, &arguments)?;
    check_conflicts(spec, &given)?;
    Ok(Read::Matches(Matches {
        spec,
        arguments,
        given,
    }))
}

/// The value after an option that takes one (`--exercise ID` or `--exercise=ID`); none after a
/// flag, which refuses `--json=x`.
fn read_value(
    spec: &'static CommandSpec,
    option: &'static OptionSpec,
    parser: &mut lexopt::Parser,
) -> Result<Option<OsString>, UsageError> {
    let attached = parser.optional_value();
    if option.takes == Takes::Nothing {
        return match attached {
            Some(value) => Err(UsageError::unexpected_value(spec, option, &value)),
            None => Ok(None),
        };
    }
    if let Some(value) = attached {
        return Ok(Some(value));
    }
    match parser.value() {
        // `--exercise --json`: the next option is not a value (`--exercise=-x` is).
        Ok(value) if looks_like_an_option(&value) => Err(UsageError::missing_value(spec, option)),
        Ok(value) => Ok(Some(value)),
        Err(_) => Err(UsageError::missing_value(spec, option)),
    }
}

fn looks_like_an_option(value: &OsStr) -> bool {
    let bytes = value.as_encoded_bytes();
    bytes.len() > 1 && bytes[0] == b'-'
}

/// Every required argument, and no more than the command takes.
fn check_arguments(spec: &'static CommandSpec, arguments: &[OsString]) -> Result<(), UsageError> {
    if let Some(missing) = spec.arguments.get(arguments.len()) {
        return Err(UsageError::missing_argument(spec, missing));
    }
    let takes_more = spec.arguments.last().is_some_and(|last| last.many);
    match arguments.get(spec.arguments.len()) {
        Some(extra) if !takes_more => Err(UsageError::extra_argument(
            spec,
            &arguments[..spec.arguments.len()],
            extra,
        )),
        _ => Ok(()),
    }
}

/// No two options given that cannot go together (a default never conflicts).
fn check_conflicts(
    spec: &'static CommandSpec,
    given: &[(&'static OptionSpec, Option<OsString>)],
) -> Result<(), UsageError> {
    for (index, (later, _)) in given.iter().enumerate() {
        for (earlier, _) in &given[..index] {
            if later.conflicts_with.contains(&earlier.long)
                || earlier.conflicts_with.contains(&later.long)
            {
                return Err(UsageError::conflict(spec, earlier, later));
            }
        }
    }
    Ok(())
}

impl Matches {
    fn option(&self, long: &str) -> &'static OptionSpec {
        self.spec
            .option(long)
            .unwrap_or_else(|| panic!("`{}` has no option `--{long}` in its spec", self.spec.name))
    }

    /// The values given to `long`, in order, or its default.
    fn values(&self, long: &str) -> Vec<OsString> {
        let option = self.option(long);
        let given: Vec<OsString> = self
            .given
            .iter()
            .filter(|(spec, _)| spec.long == long)
            .filter_map(|(_, value)| value.clone())
            .collect();
        if given.is_empty() {
            option.default.map(OsString::from).into_iter().collect()
        } else {
            given
        }
    }

    /// Whether the flag `--long` was given.
    pub fn flag(&self, long: &str) -> bool {
        self.option(long);
        self.given.iter().any(|(spec, _)| spec.long == long)
    }

    /// The text given to `--long`, or its default.
    pub fn text(&self, long: &str) -> Result<Option<String>, UsageError> {
        self.values(long)
            .pop()
            .map(|value| self.to_text(&format!("`--{long}`"), value))
            .transpose()
    }

    /// Every text given to `--long` (split at commas where it takes such lists), or its default.
    pub fn texts(&self, long: &str) -> Result<Vec<String>, UsageError> {
        let comma_separated = matches!(self.option(long).takes, Takes::CommaSeparatedValues(_));
        let mut texts = Vec::new();
        for value in self.values(long) {
            let text = self.to_text(&format!("`--{long}`"), value)?;
            if comma_separated {
                texts.extend(text.split(',').map(str::to_owned));
            } else {
                texts.push(text);
            }
        }
        Ok(texts)
    }

    /// The number given to `--long`, or its default.
    pub fn number<T: FromStr>(&self, long: &str) -> Result<Option<T>, UsageError> {
        let option = self.option(long);
        self.values(long)
            .pop()
            .map(|value| {
                value
                    .to_str()
                    .and_then(|text| text.parse().ok())
                    .ok_or_else(|| UsageError::not_a_number(self.spec, option, &value))
            })
            .transpose()
    }

    /// The path given to `--long`, or its default.
    pub fn path(&self, long: &str) -> Option<PathBuf> {
        self.values(long).pop().map(PathBuf::from)
    }

    /// The argument at `index`, as text.
    pub fn argument_text(&self, index: usize) -> Result<String, UsageError> {
        let what = format!("`{}`", self.spec.arguments[index].name);
        self.to_text(&what, self.arguments[index].clone())
    }

    /// The argument at `index`, as a number.
    pub fn argument_number<T: FromStr>(&self, index: usize) -> Result<T, UsageError> {
        let value = &self.arguments[index];
        value
            .to_str()
            .and_then(|text| text.parse().ok())
            .ok_or_else(|| UsageError::bad_argument(self.spec, &self.spec.arguments[index], value))
    }

    /// The argument at `index`, as a path.
    pub fn argument_path(&self, index: usize) -> PathBuf {
        PathBuf::from(&self.arguments[index])
    }

    /// The argument at `index` and every one after it, as paths.
    pub fn argument_paths(&self, index: usize) -> Vec<PathBuf> {
        self.arguments[index..].iter().map(PathBuf::from).collect()
    }

    fn to_text(&self, what: &str, value: OsString) -> Result<String, UsageError> {
        value
            .into_string()
            .map_err(|value| UsageError::not_text(self.spec, what, &value))
    }
}
