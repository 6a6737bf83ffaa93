//! The learner's own tests, graded by what they catch: they run against the reference solution,
//! where they must pass, then against each bug planted in it, where at least one must fail.
//!
//! The planted bugs are the capstone's mistakes marked `plant = true` in
//! `solutions/capstone/variants.toml`. The learner's test files are laid over a stage of the
//! workbook that holds the reference solution, in `target/grader/planted/`, built in a target
//! folder of its own so that the learner's own build is never disturbed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::compile::{CompileError, SandboxUse, build_test_targets_sandboxed};
use crate::manifest::Exercise;
use crate::process::Limits;
use crate::report::{TestResult, TestStatus};
use crate::stage::sync;
use crate::testrun::{Protocol, TestEnv, list_tests, run_test};
use crate::variants::{self, Variant};
use crate::workbook::{Unit, Workbook};

/// The target name the report gives each planted bug's result.
pub const PLANTED_TARGET: &str = "planted_bugs";
/// The target name the report gives a learner's test that fails on the reference solution.
pub const ON_REFERENCE_TARGET: &str = "on_the_reference_solution";

/// The planted bugs of one unit, and where to grade the learner's tests against them.
#[derive(Debug, Clone)]
pub struct PlantedBugs {
    workbook: Workbook,
    bugs: Vec<Variant>,
    /// The stage: the workbook with the reference solution laid over it.
    stage_root: PathBuf,
    target_dir: PathBuf,
}

impl PlantedBugs {
    /// The planted bugs of `unit`, staged under `work_dir`; `None` when the workbook has no
    /// reference solution or plants no bug in it (the learner's tests then earn their area by
    /// passing, as before).
    pub fn for_unit(workbook: &Workbook, unit: &Unit, work_dir: &Path) -> Option<Self> {
        let bugs: Vec<Variant> = variants::load(workbook, unit)
            .ok()?
            .into_iter()
            .filter(|v| v.plant)
            .collect();
        if bugs.is_empty() || !workbook.root.join("solutions").join(&unit.dir).is_dir() {
            return None;
        }
        Some(PlantedBugs {
            workbook: workbook.clone(),
            bugs,
            stage_root: work_dir.join("workbook"),
            target_dir: work_dir.join("build"),
        })
    }

    /// Where a learner's workbook stages them: `target/grader/planted/`.
    pub fn learner_work_dir(workbook: &Workbook) -> PathBuf {
        workbook.root.join("target").join("grader").join("planted")
    }

    /// Grades the learner's tests in `exercise` (an area with `min_tests`), taken from the
    /// workspace at `learner_root`: one result for each test that fails on the reference solution,
    /// and one for each planted bug, passed when at least one of the learner's tests catches it
    /// (up to the first bug missed, with `stop_at_first_miss`: the self-check's planted mistakes).
    pub fn grade(
        &self,
        learner_root: &Path,
        unit: &Unit,
        exercise: &Exercise,
        stop_at_first_miss: bool,
        progress: &(dyn Fn(&str) + Sync),
        sandbox: SandboxUse<'_>,
    ) -> Result<Vec<TestResult>, CompileError> {
        let solutions = self.workbook.root.join("solutions");
        let mut overrides: Vec<(PathBuf, PathBuf)> = unit
            .manifest
            .exercises
            .iter()
            .flat_map(|e| &e.files)
            .map(|file| unit.dir.join(file))
            .filter(|relative| solutions.join(relative).is_file())
            .map(|relative| (relative.clone(), solutions.join(&relative)))
            .collect();
        for file in &exercise.files {
            let relative = unit.dir.join(file);
            overrides.push((relative.clone(), learner_root.join(&relative)));
        }
        sync(&self.workbook, &overrides, &self.stage_root).map_err(stage_error)?;

        let on_reference = self.run_learner_tests(unit, exercise, progress, sandbox)?;
        let mut results = Vec::new();
        let mut valid = Vec::new();
        for (name, verdict) in &on_reference {
            match verdict.0 {
                // An ignored test ran nowhere and counts for nothing.
                TestStatus::Ignored => {}
                TestStatus::Passed => valid.push(name.clone()),
                TestStatus::DoesNotCompile => results.push(failed(
                    format!("{name} (against the reference solution)"),
                    ON_REFERENCE_TARGET,
                    format!(
                        "Your tests do not compile against the reference solution: use only the public API the stubs \
                         give (their names and signatures), not helpers of your own. The compiler's first error: {}",
                        verdict.1.as_deref().unwrap_or("none")
                    ),
                )),
                _ => results.push(failed(
                    format!("{name} (on the reference solution)"),
                    ON_REFERENCE_TARGET,
                    format!(
                        "`{name}` fails on the reference solution, which is correct: a test must pass on correct code \
                         (it passes on yours, so both may share a mistake). Its message there: {}",
                        verdict.1.as_deref().unwrap_or("none")
                    ),
                )),
            }
        }

        if valid.is_empty() {
            // Nothing to catch a bug with: every bug is missed, and none is worth a build.
            results.extend(self.bugs.iter().map(|bug| {
                failed(
                    format!("catches: {}", bug.about),
                    PLANTED_TARGET,
                    "Not tried: none of your tests passes on the reference solution, so none can catch a bug in it."
                        .to_owned(),
                )
            }));
            return Ok(results);
        }
        let unit_dir = self.stage_root.join(&unit.dir);
        for bug in &self.bugs {
            let caught = match bug.apply(&unit_dir) {
                Ok(()) => {
                    let outcome = self.run_learner_tests(unit, exercise, progress, sandbox)?;
                    outcome
                        .iter()
                        .filter(|(name, _)| valid.contains(name))
                        .any(|(_, verdict)| verdict.0 != TestStatus::Passed)
                }
                // The reference solution changed under the bug: the workbook's self-check names it.
                Err(_) => continue,
            };
            let name = format!("catches: {}", bug.about);
            results.push(if caught {
                result(name, PLANTED_TARGET, TestStatus::Passed, None)
            } else {
                failed(
                    name,
                    PLANTED_TARGET,
                    format!(
                        "None of your tests fails when the code has this bug: {}. Write a test that passes on \
                         correct code and fails on this.",
                        bug.about
                    ),
                )
            });
            // Back to the reference solution for the next bug.
            sync(&self.workbook, &overrides, &self.stage_root).map_err(stage_error)?;
            if stop_at_first_miss && !caught {
                break;
            }
        }
        Ok(results)
    }

    /// Builds and runs the learner's tests in the stage as it is now: (name, (status, message)).
    fn run_learner_tests(
        &self,
        unit: &Unit,
        exercise: &Exercise,
        progress: &(dyn Fn(&str) + Sync),
        sandbox: SandboxUse<'_>,
    ) -> Result<Vec<LearnerTestRun>, CompileError> {
        let krate = unit.crate_of(exercise);
        let targets: Vec<&str> = exercise.tests.iter().map(String::as_str).collect();
        let build = build_test_targets_sandboxed(
            &self.stage_root,
            &[krate.package.as_str()],
            &targets,
            Some(&self.target_dir),
            unit.manifest.build_timeout(),
            progress,
            sandbox,
        )?;
        let scratch = tempfile::Builder::new()
            .prefix("workbook-planted-")
            .tempdir()
            .map_err(CompileError::Output)?;
        let env = TestEnv {
            package_dir: self.stage_root.join(&krate.dir),
            package_name: krate.package.clone(),
            scratch: scratch.path().to_owned(),
            limits: Limits::default(),
            sandbox: sandbox
                .map(|(sandbox, scope)| (sandbox.clone(), scope.with_writable(scratch.path()))),
            cargo_target_dir: sandbox.map(|_| self.target_dir.clone()),
        };
        let mut outcomes = Vec::new();
        for target in &exercise.tests {
            // A planted bug that breaks the build is caught by every test: none of them passes.
            let Some(binary) = build.executable(&env.package_dir, target) else {
                let why = build.why_not_built(&env.package_dir, target);
                outcomes.push((
                    format!("tests/{target}.rs"),
                    (TestStatus::DoesNotCompile, Some(why)),
                ));
                continue;
            };
            let names = list_tests(binary, &env).unwrap_or_default();
            for name in names {
                let timeout: Duration = exercise.timeout_for(target);
                let outcome = run_test(binary, &name, &env, timeout, Protocol::Libtest);
                outcomes.push((name, (outcome.verdict.status, outcome.verdict.message)));
            }
        }
        Ok(outcomes)
    }
}

/// A result of the learner's own tests' grading, which no test binary of theirs reports.
fn result(name: String, target: &str, status: TestStatus, message: Option<String>) -> TestResult {
    TestResult {
        name,
        target: target.to_owned(),
        status,
        message,
        location: None,
        note: None,
        explanation: None,
        duration_ms: 0,
    }
}

fn failed(name: String, target: &str, message: String) -> TestResult {
    result(name, target, TestStatus::Failed, Some(message))
}

/// One of the learner's tests and how it ended: (name, (status, message)).
type LearnerTestRun = (String, (TestStatus, Option<String>));

fn stage_error(error: crate::stage::StageError) -> CompileError {
    CompileError::Output(std::io::Error::other(error.to_string()))
}
