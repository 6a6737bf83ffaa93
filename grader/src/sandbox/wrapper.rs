//! The sandbox wrapper's hidden command line: what to restrict, then the program to become.
//!
//! `grader __sandbox-exec [--rw DIR]... [--ro DIR]... --tmp DIR [--landlock]
//! [--loopback IP] [--nproc N] -- PROGRAM ARGS...`

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

/// The hidden first argument that makes the grader's binary the sandbox's wrapper.
pub const WRAPPER_ARG: &str = "__sandbox-exec";

/// What the wrapper is asked to do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WrapperArgs {
    /// Folders to read and write.
    pub writable: Vec<PathBuf>,
    /// Folders to read (system folders and the toolchain included).
    pub readable: Vec<PathBuf>,
    /// The private temporary folder.
    pub temp_dir: PathBuf,
    /// Restrict the file system (and the scopes) with Landlock, or refuse to run.
    pub landlock: bool,
    /// Inside a new network namespace: bring its loopback up with this `ip` program.
    pub loopback_with: Option<PathBuf>,
    /// The process-count limit (`RLIMIT_NPROC`), when there is one to set.
    pub process_limit: Option<u64>,
    /// The program to become, and its arguments.
    pub program: OsString,
    pub args: Vec<OsString>,
}

/// A wrapper command line that cannot be read: a grader bug, never a learner's doing.
#[derive(Debug, PartialEq, Eq)]
pub enum WrapperError {
    MissingValue(String),
    UnknownOption(String),
    NoProgram,
    BadNumber(OsString),
}

impl fmt::Display for WrapperError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WrapperError::MissingValue(option) => {
                write!(f, "the wrapper's option {option} needs a value")
            }
            WrapperError::UnknownOption(option) => {
                write!(f, "the wrapper's option {option} is not one it knows")
            }
            WrapperError::NoProgram => {
                f.write_str("the wrapper was given no program to run (after `--`)")
            }
            WrapperError::BadNumber(number) => {
                write!(f, "the wrapper's process limit {number:?} is not a number")
            }
        }
    }
}

impl std::error::Error for WrapperError {}

impl WrapperArgs {
    /// The arguments after the grader's binary: [`WRAPPER_ARG`] first.
    pub fn to_args(&self) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec![WRAPPER_ARG.into()];
        for dir in &self.writable {
            args.extend(["--rw".into(), dir.clone().into_os_string()]);
        }
        for dir in &self.readable {
            args.extend(["--ro".into(), dir.clone().into_os_string()]);
        }
        args.extend(["--tmp".into(), self.temp_dir.clone().into_os_string()]);
        if self.landlock {
            args.push("--landlock".into());
        }
        if let Some(ip) = &self.loopback_with {
            args.extend(["--loopback".into(), ip.clone().into_os_string()]);
        }
        if let Some(limit) = self.process_limit {
            args.extend(["--nproc".into(), limit.to_string().into()]);
        }
        args.push("--".into());
        args.push(self.program.clone());
        args.extend(self.args.iter().cloned());
        args
    }

    /// Reads the arguments that follow [`WRAPPER_ARG`].
    pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<WrapperArgs, WrapperError> {
        let mut parsed = WrapperArgs::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let Some(option) = arg.to_str() else {
                return Err(WrapperError::UnknownOption(arg.to_string_lossy().into()));
            };
            let mut value = || {
                args.next()
                    .ok_or_else(|| WrapperError::MissingValue(option.to_owned()))
            };
            match option {
                "--rw" => parsed.writable.push(value()?.into()),
                "--ro" => parsed.readable.push(value()?.into()),
                "--tmp" => parsed.temp_dir = value()?.into(),
                "--landlock" => parsed.landlock = true,
                "--loopback" => parsed.loopback_with = Some(value()?.into()),
                "--nproc" => {
                    let number = value()?;
                    let limit = number.to_str().and_then(|n| n.parse().ok());
                    parsed.process_limit = Some(limit.ok_or(WrapperError::BadNumber(number))?);
                }
                "--" => {
                    parsed.program = args.next().ok_or(WrapperError::NoProgram)?;
                    parsed.args = args.collect();
                    return Ok(parsed);
                }
                other => return Err(WrapperError::UnknownOption(other.to_owned())),
            }
        }
        Err(WrapperError::NoProgram)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_line_reads_back_as_it_was_written() {
        let args = WrapperArgs {
            writable: vec!["/w/stage".into(), "/w/build dir".into()],
            readable: vec!["/r".into()],
            temp_dir: "/w/tmp".into(),
            landlock: true,
            loopback_with: Some("/usr/sbin/ip".into()),
            process_limit: Some(2048),
            program: "cargo".into(),
            // The program's own options are never taken for the wrapper's.
            args: vec!["--rw".into(), "--".into(), "x".into()],
        };
        let written = args.to_args();
        assert_eq!(written[0], WRAPPER_ARG);
        assert_eq!(WrapperArgs::parse(written.into_iter().skip(1)), Ok(args));
    }

    #[test]
    fn a_command_line_without_a_program_is_refused() {
        let args = ["--tmp", "/t", "--"].map(OsString::from);
        assert_eq!(WrapperArgs::parse(args), Err(WrapperError::NoProgram));
        let args = ["--tmp"].map(OsString::from);
        assert_eq!(
            WrapperArgs::parse(args),
            Err(WrapperError::MissingValue("--tmp".into()))
        );
        let args = ["--nproc", "many", "--", "p"].map(OsString::from);
        assert_eq!(
            WrapperArgs::parse(args),
            Err(WrapperError::BadNumber("many".into()))
        );
    }

    #[test]
    fn a_wrapper_error_names_the_option_or_the_value_it_could_not_read() {
        let missing = WrapperError::MissingValue("--tmp".into());
        assert_eq!(
            missing.to_string(),
            "the wrapper's option --tmp needs a value"
        );
        let bad = WrapperError::BadNumber("many".into());
        assert_eq!(
            bad.to_string(),
            "the wrapper's process limit \"many\" is not a number"
        );
        assert!(std::error::Error::source(&bad).is_none());
    }
}
