//! What a build produced: each test target's executable or first error, read from cargo's
//! messages, and why a target was not built, in words a learner can act on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::messages::{CompilerMessage, Message};
use crate::paths::tidy_paths;

/// How many lines of the compiler's first error a report shows.
const MAX_ERROR_LINES: usize = 40;
/// Part of the warning rustc repeats (less and less often) while a constant evaluates for long.
const LONG_CONST_EVAL: &str = "taking a long time";

/// A target of a crate: the crate's folder (canonical) and the target's name.
pub type TargetKey = (PathBuf, String);

/// What a build of some packages' test targets produced.
#[derive(Debug, Default)]
pub struct BuildOutput {
    /// The test executable of every target that compiled.
    pub executables: BTreeMap<TargetKey, PathBuf>,
    /// The files of every crate's library and binaries that were built (not its tests), by crate
    /// folder: what the tests link or run besides their own code, which the results cache keys on.
    pub tested_code: BTreeMap<PathBuf, Vec<PathBuf>>,
    /// The first error of every target that did not compile, in the order cargo reported them.
    pub first_errors: Vec<(TargetKey, String)>,
    /// Crates whose library or a binary did not compile, with that first error. Cargo still builds
    /// their integration tests, which would then run against an old binary or none at all.
    pub broken_crates: BTreeMap<PathBuf, String>,
    /// The last lines cargo printed, for a failure with no compiler error (a broken Cargo.toml, say).
    pub stderr_tail: Vec<String>,
    /// Whether cargo reported success.
    pub success: bool,
    /// Set when the build went this long without progress and was stopped: the targets it had
    /// not built by then have neither an executable nor an error.
    pub stalled: Option<Duration>,
    /// rustc's last "constant evaluation is taking a long time" warning for a target, which shows
    /// where a stalled build was stuck.
    pub long_evaluations: BTreeMap<TargetKey, String>,
}

impl BuildOutput {
    /// The test executable of `target` in the crate at `crate_dir`, if it compiled and the code it
    /// tests (the crate's library and binaries) compiled too.
    pub fn executable(&self, crate_dir: &Path, target: &str) -> Option<&PathBuf> {
        let crate_dir = canonical(crate_dir);
        if self.broken_crates.contains_key(&crate_dir) {
            return None;
        }
        self.executables.get(&(crate_dir, target.to_owned()))
    }

    /// Why `target` of the crate at `crate_dir` has no executable, in words a learner can act on.
    pub fn why_not_built(&self, crate_dir: &Path, target: &str) -> String {
        let crate_dir = canonical(crate_dir);
        let errors_of_crate = || {
            self.first_errors
                .iter()
                .filter(|((dir, _), _)| *dir == crate_dir)
        };
        if let Some((_, error)) = errors_of_crate().find(|((_, name), _)| name == target) {
            return error.clone();
        }
        if let Some(error) = self.broken_crates.get(&crate_dir) {
            return error.clone();
        }
        if let Some(limit) = self.stalled {
            // Where rustc was stuck: in this target, else in what it waits for (the crate's
            // library, or a target that took up the build's jobs), else anywhere.
            let key = (crate_dir, target.to_owned());
            let evaluating = self
                .long_evaluations
                .get(&key)
                .or_else(|| {
                    let mut of_crate = self.long_evaluations.iter();
                    of_crate
                        .find(|((dir, _), _)| *dir == key.0)
                        .map(|(_, warning)| warning)
                })
                .or_else(|| self.long_evaluations.values().next());
            return stalled_message(target, limit, evaluating);
        }
        // A target whose own code is fine is skipped when something it depends on (the crate's
        // library, say) does not compile: that error is the one to fix.
        if let Some((_, error)) = errors_of_crate().next().or(self.first_errors.first()) {
            return error.clone();
        }
        if !self.stderr_tail.is_empty() {
            return format!(
                "cargo could not build the tests:\n{}",
                self.stderr_tail.join("\n")
            );
        }
        format!("the test target `{target}` was not built: is tests/{target}.rs missing?")
    }
}

/// The crate folder a target's source file belongs to: the nearest folder with a Cargo.toml.
fn crate_dir_of(src_path: &Path) -> PathBuf {
    src_path
        .ancestors()
        .skip(1)
        .find(|dir| dir.join("Cargo.toml").is_file())
        .map_or_else(|| src_path.to_owned(), canonical)
}

/// Why a target of a stalled build has no executable: the limit, and what to look for.
fn stalled_message(target: &str, limit: Duration, evaluating: Option<&String>) -> String {
    let mut message = format!(
        "the build went {} s without progress, so it was stopped before `{target}` finished \
         compiling (the limit is `build_timeout_secs` in exercises.toml): does a constant or a \
         macro never finish evaluating, such as a `loop` in a `const` that never breaks, or a \
         macro that expands itself forever?",
        limit.as_secs()
    );
    if let Some(warning) = evaluating {
        message.push_str("\nThe compiler was still evaluating this constant:\n");
        message.push_str(warning);
    }
    message
}
pub(super) fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// Whether `message` is rustc's warning that a constant's evaluation is taking a long time.
pub(super) fn is_long_evaluation(message: &CompilerMessage) -> bool {
    message.message.is_warning() && message.message.message.contains(LONG_CONST_EVAL)
}

pub(super) fn record(output: &mut BuildOutput, message: Message) {
    match message {
        Message::CompilerArtifact(artifact) if artifact.profile.test => {
            if let Some(executable) = artifact.executable {
                let key = (
                    crate_dir_of(&artifact.target.src_path),
                    artifact.target.name,
                );
                output.executables.insert(key, executable);
            }
        }
        // A library or binary of a workspace crate (a path dependency has a `path+file` id); a
        // build script's artifacts are left out: what it produces is in the library.
        Message::CompilerArtifact(artifact)
            if artifact.package_id.starts_with("path+")
                && !artifact.target.is_kind("custom-build") =>
        {
            let files = output
                .tested_code
                .entry(crate_dir_of(&artifact.target.src_path))
                .or_default();
            files.extend(artifact.filenames);
            files.sort();
            files.dedup();
        }
        Message::CompilerMessage(message) if is_long_evaluation(&message) => {
            let key = (
                crate_dir_of(&message.target.src_path),
                message.target.name.clone(),
            );
            if let Some(rendered) = &message.message.rendered {
                let warning = first_lines(&tidy_paths(rendered), MAX_ERROR_LINES);
                output.long_evaluations.insert(key, warning);
            }
        }
        Message::CompilerMessage(message) if message.message.is_error() => {
            let key = (
                crate_dir_of(&message.target.src_path),
                message.target.name.clone(),
            );
            if let Some(rendered) = &message.message.rendered
                && !output.first_errors.iter().any(|(k, _)| *k == key)
            {
                let error = first_lines(&tidy_paths(rendered), MAX_ERROR_LINES);
                let tested_code = !message.target.is_kind("test");
                if tested_code {
                    output
                        .broken_crates
                        .entry(key.0.clone())
                        .or_insert_with(|| error.clone());
                }
                output.first_errors.push((key, error));
            }
        }
        Message::BuildFinished { success } => output.success = success,
        _ => {}
    }
}

fn first_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    if lines.len() <= max {
        return lines.join("\n");
    }
    format!(
        "{}\n… ({} more lines: run `cargo test` in the crate's folder to see them all)",
        lines[..max].join("\n"),
        lines.len() - max
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(dir: &str, target: &str) -> TargetKey {
        (PathBuf::from(dir), target.to_owned())
    }

    /// A build stopped after 5 s: `fast` built, `broken` failed, `slow` and `other` not built.
    fn stalled_build() -> BuildOutput {
        let mut output = BuildOutput {
            stalled: Some(Duration::from_secs(5)),
            ..BuildOutput::default()
        };
        output
            .executables
            .insert(key("/day", "fast"), PathBuf::from("/bin/fast"));
        output.first_errors.push((
            key("/day", "broken"),
            "error[E0425]: cannot find `x`".into(),
        ));
        output.long_evaluations.insert(
            key("/day", "slow"),
            "warning: constant evaluation is taking a long time\n --> src/slow.rs:4:5".into(),
        );
        output
    }

    #[test]
    fn a_stalled_build_names_the_limit_for_each_target_it_did_not_build() {
        let output = stalled_build();
        let day = Path::new("/day");
        assert!(output.executable(day, "fast").is_some());
        assert_eq!(
            output.why_not_built(day, "broken"),
            "error[E0425]: cannot find `x`",
            "a target's own error comes first"
        );
        let slow = output.why_not_built(day, "slow");
        assert!(
            slow.starts_with(
                "the build went 5 s without progress, so it was stopped before `slow`"
            ),
            "{slow}"
        );
        assert!(slow.contains("build_timeout_secs"), "{slow}");
        assert!(slow.ends_with(" --> src/slow.rs:4:5"), "{slow}");
        // A target that waited for the stuck one is told where the build was stuck.
        let other = output.why_not_built(day, "other");
        assert!(other.contains("before `other` finished"), "{other}");
        assert!(other.contains("src/slow.rs:4:5"), "{other}");
    }

    #[test]
    fn a_build_that_was_not_stopped_explains_missing_targets_as_before() {
        let mut output = stalled_build();
        output.stalled = None;
        let day = Path::new("/day");
        // Skipped because something it depends on failed: that error is the one to fix.
        assert_eq!(
            output.why_not_built(day, "slow"),
            "error[E0425]: cannot find `x`"
        );
        output.first_errors.clear();
        assert!(
            output
                .why_not_built(day, "slow")
                .contains("is tests/slow.rs missing?")
        );
    }
}
