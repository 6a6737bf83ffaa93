//! The instructors' subcommands: `cargo grader batch`, `cargo grader release` and
//! `cargo grader gradescope`.
//!
//! They need the grader's `instructor` feature (on by default, and in `cargo grader`). The
//! learners' aliases build the grader without it; there each of these commands still parses, and
//! says to run it through `cargo grader`, which builds the full grader.

use std::path::PathBuf;

#[cfg(feature = "instructor")]
mod full;

#[cfg(feature = "instructor")]
pub use full::{batch_command, gradescope_command, release_command};
#[cfg(not(feature = "instructor"))]
pub use lean::{batch_command, gradescope_command, release_command};

/// What `cargo grader batch` was asked.
#[cfg_attr(
    not(feature = "instructor"),
    expect(dead_code, reason = "the learners' build only refuses a batch")
)]
pub struct BatchRequest {
    pub submissions: Vec<PathBuf>,
    pub units: Vec<String>,
    pub formats: Vec<String>,
    pub out: PathBuf,
    pub jobs: Option<usize>,
    pub require_sandbox: bool,
    pub no_cache: bool,
    pub work_dir: Option<PathBuf>,
}

/// The learners' build: each instructors' command says how to get the grader that has it.
#[cfg(not(feature = "instructor"))]
mod lean {
    use std::path::Path;
    use std::process::ExitCode;

    use grader::workbook::Workbook;

    use super::BatchRequest;

    /// Why `command` did not run here, and the command that runs it.
    fn not_in_this_build(command: &str) -> anyhow::Error {
        anyhow::anyhow!(
            "`{command}` is an instructors' command, and this grader was built without them (the \
             learners' commands, such as `cargo day`, build it without its `instructor` feature): \
             run it as `cargo grader {command} …` from the workbook's folder, which builds the \
             full grader"
        )
    }

    pub fn batch_command(_: &Workbook, _: BatchRequest) -> anyhow::Result<ExitCode> {
        Err(not_in_this_build("batch"))
    }

    pub fn release_command(_: &Workbook, _: &Path, _: bool, _: bool) -> anyhow::Result<ExitCode> {
        Err(not_in_this_build("release"))
    }

    pub fn gradescope_command(_: &Workbook, _: &Path, _: &[String]) -> anyhow::Result<ExitCode> {
        Err(not_in_this_build("gradescope"))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn each_instructors_command_names_the_alias_that_builds_it() {
            let workbook = Workbook {
                root: std::path::PathBuf::from("/workbook"),
                units: Vec::new(),
            };
            let request = BatchRequest {
                submissions: Vec::new(),
                units: Vec::new(),
                formats: Vec::new(),
                out: "grading".into(),
                jobs: None,
                require_sandbox: false,
                no_cache: false,
                work_dir: None,
            };
            let errors = [
                ("batch", batch_command(&workbook, request).unwrap_err()),
                (
                    "release",
                    release_command(&workbook, Path::new("out"), false, false).unwrap_err(),
                ),
                (
                    "gradescope",
                    gradescope_command(&workbook, Path::new("out"), &[]).unwrap_err(),
                ),
            ];
            for (command, error) in errors {
                let text = error.to_string();
                assert!(
                    text.starts_with(&format!("`{command}` is an instructors' command")),
                    "{text}"
                );
                assert!(
                    text.contains(&format!("`cargo grader {command} …`")),
                    "{text}"
                );
            }
        }
    }
}
