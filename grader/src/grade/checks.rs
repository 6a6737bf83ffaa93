//! The compile-fail checks' turn: after the exercise's other tests, and only when those reached
//! the learner's code; and the untouched exercise whose failures are the task ahead.

use std::path::Path;

use super::{GradeOptions, Job, Progress, run_jobs, stubs, target_result};
use crate::report::{TestResult, TestStatus};
use crate::workbook::Unit;

/// Runs `jobs`: every test but the compile-fail checks first, then the checks that have
/// something to check. A check of an exercise nobody has touched (`untouched`, by index: only in
/// a learner's own run) or whose other tests all stop at a `todo!()` is "not started", and one of
/// an exercise whose code does not compile is "not compiling" with its error, without running:
/// its result goes into `results` (with the kept and the not-compiled ones); those that ran are
/// returned, as from [`run_jobs`].
pub(super) fn run_checks_last(
    jobs: Vec<Job>,
    results: &mut [Vec<TestResult>],
    compile_errors: &[Option<String>],
    untouched: &[bool],
    target_dir: &Path,
    options: &GradeOptions<'_>,
) -> Vec<(usize, TestResult)> {
    let progress = options.progress;
    // The compile-fail checks run after the other tests, and only for exercises the learner has
    // started and whose code compiles: on an untouched stub they would fail for want of the
    // learner's code, on code that does not compile for another error than the one they expect,
    // and they are the slowest tests there are.
    let (compile_fail, runtime): (Vec<Job>, Vec<Job>) = jobs
        .into_iter()
        .partition(|job| is_compile_fail_check(&job.target));
    progress(Progress::Running(runtime.len()));
    let mut finished = run_jobs(runtime, options);
    let mut checks = Vec::new();
    for job in compile_fail {
        let runtime_results: Vec<&TestResult> = results[job.exercise]
            .iter()
            .chain(
                finished
                    .iter()
                    .filter(|(index, _)| *index == job.exercise)
                    .map(|(_, result)| result),
            )
            .filter(|t| t.status.is_counted() && !is_compile_fail_check(&t.target))
            .collect();
        let (status, message) = if untouched.get(job.exercise) == Some(&true) {
            (
                TestStatus::NotStarted,
                "not checked yet: the exercise's files are as the workbook shipped them; this \
                 compile-fail check runs once you have started it"
                    .to_owned(),
            )
        } else if runtime_results
            .iter()
            .any(|t| t.status == TestStatus::DoesNotCompile)
        {
            (
                TestStatus::DoesNotCompile,
                compile_errors[job.exercise].clone().unwrap_or_else(|| {
                    "not checked: the exercise's code does not compile".to_owned()
                }),
            )
        } else if !runtime_results.is_empty()
            && runtime_results
                .iter()
                .all(|t| t.status == TestStatus::NotStarted)
        {
            (
                TestStatus::NotStarted,
                "not checked yet: this compile-fail check runs once the exercise's other tests \
                 reach your code (each of them stops at a `todo!()` now)"
                    .to_owned(),
            )
        } else {
            checks.push(job);
            continue;
        };
        results[job.exercise].push(TestResult {
            name: job.name,
            ..target_result(&job.target, status, message)
        });
    }
    if !checks.is_empty() {
        if let Some(note) = first_build_of_checks(&checks, target_dir) {
            progress(Progress::Note(&note));
        }
        progress(Progress::Running(checks.len()));
        finished.extend(run_jobs(checks, options));
    }
    finished
}

/// For each exercise of `unit`, whether it is one of `selected` that nobody has touched: its files
/// are as the unit's `stubs.toml` records them ([`stubs`]), and its tests are the workbook's (the
/// learner's own tests are theirs to write, and graded as they stand).
pub(super) fn untouched_exercises(root: &Path, unit: &Unit, selected: &[usize]) -> Vec<bool> {
    let exercises = &unit.manifest.exercises;
    stubs::untouched_exercises(root, unit)
        .into_iter()
        .enumerate()
        .map(|(index, untouched)| {
            untouched && selected.contains(&index) && exercises[index].min_tests.is_none()
        })
        .collect()
}

/// Turns the failures of an exercise nobody has touched ([`untouched_exercises`]) into "not
/// started" (keeping what each test said).
pub(super) fn mark_untouched_as_not_started(
    exercise: &crate::manifest::Exercise,
    results: &mut [TestResult],
) {
    // A compile error counts only where the stub is meant not to compile: anywhere else it is a
    // broken file (another exercise's, say) that the report must show.
    let is_the_task_ahead = |status: TestStatus| {
        status == TestStatus::Failed
            || (status == TestStatus::DoesNotCompile && !exercise.stub_compiles)
    };
    for test in results.iter_mut() {
        if is_the_task_ahead(test.status) {
            test.status = TestStatus::NotStarted;
        }
    }
}

/// Whether a test target is a compile-fail check (trybuild): by the workbook's naming, its name
/// ends in `compile_fail` (docs/AUTHORING.md).
fn is_compile_fail_check(target: &str) -> bool {
    target.ends_with("compile_fail")
}

/// What to tell the learner before compile-fail checks run for the first time: trybuild builds
/// the crate and its dependencies once in its own folder (`target/tests/trybuild/<package>`).
fn first_build_of_checks(checks: &[Job], target_dir: &Path) -> Option<String> {
    let mut packages: Vec<&str> = checks
        .iter()
        .map(|job| job.env.package_name.as_str())
        .filter(|package| {
            !target_dir
                .join("tests")
                .join("trybuild")
                .join(package)
                .is_dir()
        })
        .collect();
    packages.sort_unstable();
    packages.dedup();
    (!packages.is_empty()).then(|| {
        format!(
            "Building the compile-fail checks of {} for the first time: about half a minute, once; \
             later runs reuse the build.",
            packages.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;
    use crate::process::Limits;
    use crate::testrun::{Protocol, TestEnv};

    /// A compile-fail check of exercise `exercise`, from a program that does not exist: a check
    /// that is run crashes, one that is not run never finds out.
    fn check_of(exercise: usize) -> Job {
        Job {
            exercise,
            target: "ex1_compile_fail".to_owned(),
            name: "a_missing_method_does_not_compile".to_owned(),
            binary: PathBuf::from("no/such/test/binary"),
            env: TestEnv {
                package_dir: PathBuf::from("."),
                package_name: "day1-traits".to_owned(),
                scratch: std::env::temp_dir(),
                limits: Limits::default(),
                sandbox: None,
                cargo_target_dir: None,
            },
            timeout: Duration::from_secs(5),
            protocol: Protocol::Harness,
        }
    }

    fn runtime(status: TestStatus) -> TestResult {
        TestResult {
            name: "a_runtime_test".to_owned(),
            ..target_result("ex1_checks", status, String::new())
        }
    }

    /// The check's result for one exercise whose other tests ended as `others`, and whether it
    /// ran.
    fn check_after(others: TestStatus, untouched: bool) -> (TestStatus, String, bool) {
        let mut results = vec![vec![runtime(others)]];
        let compile_errors = vec![
            (others == TestStatus::DoesNotCompile)
                .then(|| "error[E0046]: missing `run`".to_owned()),
        ];
        let finished = run_checks_last(
            vec![check_of(0)],
            &mut results,
            &compile_errors,
            &[untouched],
            &std::env::temp_dir(),
            &GradeOptions::quiet(),
        );
        match finished.into_iter().next() {
            Some((_, ran)) => (ran.status, ran.message.unwrap_or_default(), true),
            None => {
                let check = results[0].pop().expect("the check's result");
                (check.status, check.message.unwrap_or_default(), false)
            }
        }
    }

    #[test]
    fn an_untouched_exercise_has_its_checks_not_started_and_not_run() {
        // A source check of the stub fails (as Day 2's private fields do): still not its turn.
        let (status, message, ran) = check_after(TestStatus::Failed, true);
        assert_eq!(status, TestStatus::NotStarted, "{message}");
        assert!(
            !ran,
            "a check of a stub nobody touched must not be built and run"
        );
        assert!(
            message.contains("as the workbook shipped them"),
            "{message}"
        );
    }

    #[test]
    fn checks_wait_until_another_test_reaches_the_learners_code() {
        let (status, message, ran) = check_after(TestStatus::NotStarted, false);
        assert_eq!(status, TestStatus::NotStarted, "{message}");
        assert!(!ran);
        assert!(message.contains("todo!()"), "{message}");
    }

    #[test]
    fn checks_of_code_that_does_not_compile_say_its_error_without_running() {
        let (status, message, ran) = check_after(TestStatus::DoesNotCompile, false);
        assert_eq!(status, TestStatus::DoesNotCompile);
        assert!(!ran);
        assert_eq!(message, "error[E0046]: missing `run`");
    }

    #[test]
    fn checks_of_a_started_exercise_run() {
        for others in [TestStatus::Failed, TestStatus::Passed] {
            let (_, message, ran) = check_after(others, false);
            assert!(ran, "after a {others:?} test the check must run: {message}");
        }
    }
}
