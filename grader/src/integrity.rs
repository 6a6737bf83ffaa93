//! What a grading run's tests changed that grading relies on, and what that costs their results.
//!
//! Before the tests run, [`RunGuard`] takes digests of the unit's canonical files, stamps the whole
//! build output and makes the test binaries execute-only; after they ran, it withholds the results
//! that a change makes untrustworthy, deletes changed build output so cargo builds it anew, and
//! says what changed. `guard.rs` has the digests and stamps; docs/GRADING.md the threat model.

use std::path::{Path, PathBuf};

use crate::guard::{Digests, OutputStamps};
use crate::process::ExecuteOnly;
use crate::report::{TestResult, TestStatus};
use crate::workbook::Unit;

/// The evidence of one grading run, taken before its tests.
pub struct RunGuard<'a> {
    root: &'a Path,
    unit: &'a Unit,
    canonical: Digests,
    /// Every unit's learner files, which the canonical digests leave out.
    learner_files: Vec<PathBuf>,
    /// The test binaries and their targets.
    binaries: Vec<(PathBuf, String)>,
    /// Outside Unix only: the binaries' contents (the stamps cannot tell a file put back there).
    contents: Digests,
    output: Option<OutputStamps>,
    execute_only: Option<ExecuteOnly>,
    /// Cargo's own lock on the build folder, held while the tests run: another cargo (a second
    /// `cargo day`, rust-analyzer checking a saved file) waits instead of writing to what the
    /// stamps watch, which would void the run.
    build_lock: Option<std::fs::File>,
}

impl<'a> RunGuard<'a> {
    /// Takes the digests of `unit`'s canonical files in the workspace at `root`.
    pub fn new(root: &'a Path, unit: &'a Unit) -> Self {
        let learner_files = crate::guard::learner_files(root, unit);
        RunGuard {
            root,
            unit,
            canonical: Digests::of_canonical_files(root, &learner_files),
            learner_files,
            binaries: Vec::new(),
            contents: Digests::default(),
            output: None,
            execute_only: None,
            build_lock: None,
        }
    }

    /// Notes a test binary that will run; an unreadable one is an error for its target.
    pub fn add_binary(&mut self, binary: &Path, target: &str) -> Result<(), String> {
        if !cfg!(unix) {
            self.contents
                .add_file(binary)
                .map_err(|e| format!("cannot read the test binary {}: {e}", binary.display()))?;
        }
        self.binaries.push((binary.to_owned(), target.to_owned()));
        Ok(())
    }

    /// Right before the tests: the binaries become execute-only, and everything the build wrote
    /// (`target/debug`, found beside a test binary) is stamped.
    pub fn before_tests(&mut self) {
        let binaries: Vec<&Path> = self.binaries.iter().map(|(b, _)| b.as_path()).collect();
        self.execute_only = Some(crate::process::execute_only(&binaries));
        let profile = self
            .binaries
            .first()
            .and_then(|(binary, _)| Some(binary.parent()?.parent()?.to_owned()));
        if let Some(profile) = profile {
            self.build_lock = lock_build_folder(&profile);
            self.output = Some(OutputStamps::of(&profile));
        }
    }

    /// Right after the tests: withholds what cannot be trusted in `results` and returns the
    /// warnings for the report.
    pub fn after_tests(mut self, results: &mut [(usize, TestResult)]) -> Vec<String> {
        let changed_output = self
            .output
            .as_ref()
            .map(OutputStamps::changed)
            .unwrap_or_default();
        self.execute_only = None;
        self.build_lock = None;
        let mut warnings = Vec::new();

        // A changed test binary: none of its target's results count, and cargo would keep the
        // changed file as fresh, so it is deleted. On Unix the stamps tell (an inode's change time
        // cannot be set back); elsewhere, the contents.
        let changed_binaries = if cfg!(unix) {
            changed_output.clone()
        } else {
            self.contents
                .changed_since(&self.contents.reread(self.root))
        };
        for (binary, target) in self
            .binaries
            .iter()
            .filter(|(b, _)| changed_binaries.contains(b))
        {
            let _ = std::fs::remove_file(binary);
            for (_, result) in results.iter_mut().filter(|(_, r)| r.target == *target) {
                withhold(
                    result,
                    format!(
                        "a test changed this test binary ({}) while the tests ran, so no result of \
                         `{target}` from this run counts; it was deleted and will be built again",
                        binary.display()
                    ),
                );
            }
        }

        // Anything else the build wrote: no pass of the run counts, and it is all built anew.
        if let Some(output) = self.output.as_ref().filter(|_| !changed_output.is_empty()) {
            let mut packages: Vec<&str> = self
                .unit
                .crates
                .iter()
                .map(|c| c.package.as_str())
                .collect();
            packages.extend(["workbook-harness", "workbook-testkit"]);
            output.discard(&changed_output, &packages);
            let what = name_some(&changed_output);
            for (_, result) in results
                .iter_mut()
                .filter(|(_, r)| r.status == TestStatus::Passed)
            {
                withhold(
                    result,
                    format!(
                        "a test changed the build output while the tests ran ({what}), so no pass \
                         from this run counts; those files were deleted and will be built again"
                    ),
                );
            }
            warnings.push(format!(
                "a test changed the build output while the tests ran: {what}. No pass from this run \
                 counts; the changed files were deleted, and the next run builds them anew"
            ));
        }

        // The canonical files as they are now: anything a test wrote into them is named.
        let now = Digests::of_canonical_files(self.root, &self.learner_files);
        for path in self.canonical.changed_since(&now) {
            warnings.push(format!(
                "{} changed while the tests ran: code under test wrote to it. Restore it (with git: \
                 `git checkout -- {}`) before grading again: later runs would build with it as it is now",
                path.display(),
                path.display()
            ));
        }
        warnings
    }
}

/// Takes cargo's lock on the profile folder (`target/debug/.cargo-lock`, the file cargo itself locks
/// before it builds there), waiting while another cargo holds it; `None` if it cannot be had.
fn lock_build_folder(profile: &Path) -> Option<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(profile.join(".cargo-lock"))
        .ok()?;
    file.lock().ok()?;
    Some(file)
}

fn withhold(result: &mut TestResult, why: String) {
    result.status = TestStatus::Crashed;
    result.message = Some(why);
    result.location = None;
}

/// "a, b, c and 4 more".
fn name_some(paths: &[PathBuf]) -> String {
    let named: Vec<String> = paths
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    match paths.len() {
        n if n > 3 => format!("{} and {} more", named.join(", "), n - 3),
        _ => named.join(", "),
    }
}
