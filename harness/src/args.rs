//! The command line of a test binary: the part of libtest's that `cargo test` and the grader use.

/// What the command line asks for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    /// `--list`: print the tests' names instead of running them.
    pub list: bool,
    /// `--format terse` with `--list`: names only, as the grader reads them.
    pub terse: bool,
    /// `--exact`: filters match whole names instead of parts.
    pub exact: bool,
    /// `--ignored`: run only ignored tests (these binaries have none).
    pub only_ignored: bool,
    /// Names (or parts of names) to run; none means all.
    pub filters: Vec<String>,
    /// `--skip NAME`: names (or parts) not to run.
    pub skip: Vec<String>,
}

/// Options that take a value and that this harness accepts without acting on them.
const IGNORED_WITH_VALUE: [&str; 6] = [
    "--color",
    "--test-threads",
    "--logfile",
    "--shuffle-seed",
    "-Z",
    "--report-time",
];
/// Flags this harness accepts without acting on them: output is never captured here.
const IGNORED_FLAGS: [&str; 12] = [
    "--nocapture",
    "--no-capture",
    "--show-output",
    "-q",
    "--quiet",
    "--include-ignored",
    "--test",
    "--bench",
    "--force-run-in-process",
    "--shuffle",
    "--fail-fast",
    "--no-fail-fast",
];

impl Args {
    /// Parses the arguments after the program's name.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let mut parsed = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value)),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| {
                inline
                    .map(str::to_owned)
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match flag.as_str() {
                "--list" => parsed.list = true,
                "--exact" => parsed.exact = true,
                "--ignored" => parsed.only_ignored = true,
                "--format" => parsed.terse = value("--format")? == "terse",
                "--skip" => parsed.skip.push(value("--skip")?),
                "-h" | "--help" => return Err(USAGE.to_owned()),
                f if IGNORED_FLAGS.contains(&f) => {}
                f if IGNORED_WITH_VALUE.contains(&f) => {
                    value(f)?;
                }
                f if f.starts_with('-') => {
                    return Err(format!("unknown option `{f}`\n\n{USAGE}"));
                }
                _ => parsed.filters.push(arg),
            }
        }
        Ok(parsed)
    }

    /// Whether the test `name` is selected to run.
    pub fn selects(&self, name: &str) -> bool {
        let matches = |filter: &String| {
            if self.exact {
                name == filter
            } else {
                name.contains(filter.as_str())
            }
        };
        !self.only_ignored
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }
}

const USAGE: &str = "usage: TEST-BINARY [--list [--format terse]] [--exact] [--skip NAME] [NAME...]\n\
    Runs the workbook's canonical tests (libtest's common options are accepted).\n\
    Learners grade with `cargo day N` from the workbook's root.";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, String> {
        Args::parse(args.iter().map(|a| (*a).to_owned()))
    }

    #[test]
    fn reads_what_cargo_and_the_grader_pass() {
        let args = parse(&["--list", "--format", "terse"]).unwrap();
        assert!(args.list && args.terse);
        let args = parse(&["--exact", "a_test", "--test-threads=1", "--color=never"]).unwrap();
        assert!(args.selects("a_test"));
        assert!(!args.selects("a_test_too"), "--exact matches whole names");
        let args = parse(&["disk", "--skip", "slow", "--nocapture"]).unwrap();
        assert!(args.selects("disk_fails"));
        assert!(!args.selects("disk_slow"), "--skip wins");
        assert!(!args.selects("memory"));
        assert!(!parse(&["--ignored"]).unwrap().selects("any"));
    }

    #[test]
    fn unknown_options_and_missing_values_are_errors() {
        assert!(
            parse(&["--frobnicate"])
                .unwrap_err()
                .contains("--frobnicate")
        );
        assert!(parse(&["--skip"]).is_err());
    }
}
