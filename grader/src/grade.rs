//! Grades one unit (a day or the capstone) in one workspace: build its tests, run each, report.
//!
//! The same function grades a learner's day, the reference solutions and every submission of a
//! class: they differ only in the workspace folder and the target folder they are given.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

mod checks;
pub mod results_cache;
pub mod stubs;

use crate::compile::{CompileError, build_test_targets_sandboxed, build_tests_sandboxed};
use crate::integrity::RunGuard;
use crate::next_step::{file_named_by, first_to_show};
use crate::planted::{ON_REFERENCE_TARGET, PlantedBugs};
use crate::process::Limits;
use crate::report::{ExerciseReport, TestResult, TestStatus, UnitReport};
use crate::sandbox::{Sandbox, Scope};
use crate::testrun::{Protocol, TestEnv, list_tests, run_test};
use crate::workbook::Unit;
use results_cache::ResultsCache;

/// What the grader tells the person waiting while it works.
#[derive(Debug, Clone)]
pub enum Progress<'a> {
    /// A line of cargo's own output ("Compiling sysinfo v0.40.4").
    Cargo(&'a str),
    /// The tests are built; this many will now run.
    Running(usize),
    /// One test has finished.
    Finished(&'a TestResult),
    /// What the grader is doing, for the person waiting ("Building the compile-fail checks…").
    Note(&'a str),
}

/// How to grade.
#[derive(Clone)]
pub struct GradeOptions<'a> {
    /// Where cargo builds; `None` for the workspace's own `target/`.
    pub target_dir: Option<PathBuf>,
    /// Grade only these exercises (by id); empty for all.
    pub only: Vec<String>,
    /// How many tests run at once.
    pub jobs: usize,
    pub progress: &'a (dyn Fn(Progress<'_>) + Sync),
    /// The bugs planted in the reference solution that grade the learner's own tests, if any.
    pub planted: Option<&'a PlantedBugs>,
    /// Run no more tests of an exercise once one has failed (the self-check, which only needs to
    /// know that a planted mistake is caught, not every test it breaks).
    pub stop_at_first_failure: bool,
    /// The sandbox the build and every test run in, and what they may touch (an instructor's
    /// batch); `None` for a learner's own run.
    pub sandbox: Option<(&'a Sandbox, &'a Scope)>,
    /// Keep results between runs and reuse those whose inputs have not changed (a learner's own
    /// runs: [`results_cache`]); instructors' grading and the self-check always run everything.
    pub results_cache: bool,
    /// What to say when the unit has to be built, rather than shown from kept results (`cargo
    /// week`, which grades every unit).
    pub on_build: Option<&'a str>,
}

impl GradeOptions<'_> {
    /// Defaults for a learner's run: all exercises, one test per core, no progress output.
    pub fn quiet() -> GradeOptions<'static> {
        GradeOptions {
            target_dir: None,
            only: Vec::new(),
            jobs: default_jobs(),
            progress: &|_| {},
            planted: None,
            stop_at_first_failure: false,
            sandbox: None,
            results_cache: false,
            on_build: None,
        }
    }
}

/// One test per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

struct Job {
    exercise: usize,
    target: String,
    name: String,
    binary: PathBuf,
    env: TestEnv,
    timeout: Duration,
    protocol: Protocol,
}

/// Grades `unit` in the workspace at `root`.
pub fn grade_unit(
    root: &Path,
    unit: &Unit,
    options: &GradeOptions<'_>,
) -> Result<UnitReport, CompileError> {
    let progress = options.progress;
    let packages: Vec<&str> = unit.crates.iter().map(|c| c.package.as_str()).collect();
    let target_dir = options
        .target_dir
        .clone()
        .unwrap_or_else(|| crate::workbook::build_folder(root));
    crate::process::repair_execute_only(&target_dir);
    let manifest = &unit.manifest;
    let selected: Vec<usize> = (0..manifest.exercises.len())
        .filter(|&i| options.only.is_empty() || options.only.contains(&manifest.exercises[i].id))
        .collect();
    let cache = options
        .results_cache
        .then(|| ResultsCache::open(root, &target_dir, unit));
    // Nothing the selected exercises were last graded from has changed: their reports stand, and
    // nothing is built or run.
    if let Some(cache) = &cache
        && let Some(exercises) = selected
            .iter()
            .map(|&i| cache.report(&manifest.exercises[i].id))
            .collect::<Option<Vec<_>>>()
    {
        return Ok(UnitReport::new(
            manifest.kind,
            manifest.day,
            manifest.title.clone(),
            unit.package.clone(),
            exercises,
        ));
    }
    if let Some(note) = options.on_build {
        progress(Progress::Note(note));
    }
    // Grading some exercises builds only their test targets (and the libraries and binaries they
    // need): a round of the self-check, or `--exercise`, links no other test binary.
    let build = if options.only.is_empty() {
        build_tests_sandboxed(
            root,
            &packages,
            options.target_dir.as_deref(),
            unit.manifest.build_timeout(),
            &|line| progress(Progress::Cargo(line)),
            options.sandbox,
        )?
    } else {
        let mut packages: Vec<&str> = selected
            .iter()
            .map(|&i| unit.crate_of(&manifest.exercises[i]).package.as_str())
            .collect();
        packages.sort_unstable();
        packages.dedup();
        let targets: Vec<&str> = selected
            .iter()
            .flat_map(|&i| manifest.exercises[i].tests.iter().map(String::as_str))
            .collect();
        build_test_targets_sandboxed(
            root,
            &packages,
            &targets,
            options.target_dir.as_deref(),
            unit.manifest.build_timeout(),
            &|line| progress(Progress::Cargo(line)),
            options.sandbox,
        )?
    };

    // Result files go to a private folder outside the workbook, removed when grading ends.
    let scratch = tempfile::Builder::new()
        .prefix("workbook-grading-")
        .tempdir()
        .map_err(CompileError::Output)?;
    let _scratch_on_interrupt = crate::process::RemovedOnInterrupt::new(scratch.path());
    let mut guard = RunGuard::new(root, unit);
    // Each test's place in its binary's list: the order its author gave (`workbook_harness::main!`
    // lists the basic tests before the specific ones), which the report keeps.
    let mut listed: std::collections::BTreeMap<(String, String), usize> = Default::default();

    // Tests of targets that compiled become jobs; a target that did not compile gives each test it
    // declares a result (one for the target when its list cannot be read).
    let mut jobs = Vec::new();
    // The build key of each target whose tests run, to keep their results under.
    let mut keys: std::collections::BTreeMap<(usize, String), u64> = Default::default();
    let tested_code: Vec<&PathBuf> = build.tested_code.values().flatten().collect();
    let tested_code_key = cache
        .as_ref()
        .and_then(|cache| cache.tested_code_key(&tested_code));
    let mut results: Vec<Vec<TestResult>> = vec![Vec::new(); manifest.exercises.len()];
    let mut compile_errors: Vec<Option<String>> = vec![None; manifest.exercises.len()];
    for &index in &selected {
        let exercise = &manifest.exercises[index];
        let krate = unit.crate_of(exercise);
        let env = TestEnv {
            package_dir: root.join(&krate.dir),
            package_name: krate.package.clone(),
            scratch: scratch.path().to_owned(),
            limits: Limits::default(),
            // The tests write their results to the scratch folder.
            sandbox: options
                .sandbox
                .map(|(sandbox, scope)| (sandbox.clone(), scope.with_writable(scratch.path()))),
            cargo_target_dir: options.sandbox.map(|_| target_dir.clone()),
        };
        // The learner's own tests are theirs to write, under libtest; every other test is
        // canonical and reports through the harness.
        let protocol = if exercise.min_tests.is_some() {
            Protocol::Libtest
        } else {
            Protocol::Harness
        };
        if let Some(why) = refused_file(root, unit, exercise) {
            compile_errors[index] = Some(why.clone());
            for target in &exercise.tests {
                results[index].extend(not_compiled(&env, protocol, target, &why));
            }
            continue;
        }
        for target in &exercise.tests {
            let executable = build.executable(&env.package_dir, target);
            // A target whose inputs are as they were when its tests last ran keeps their results.
            if let (Some(cache), Some(binary), Some(tested_code_key)) =
                (&cache, executable, tested_code_key)
                && let Some(key) = cache.build_key(unit, exercise, binary, tested_code_key)
            {
                if let Some(kept) = cache.target_results(&krate.package, target, key) {
                    for result in kept {
                        listed.insert((target.clone(), result.name.clone()), listed.len());
                        results[index].push(result);
                    }
                    continue;
                }
                keys.insert((index, target.clone()), key);
            }
            match executable {
                Some(binary) => match guard
                    .add_binary(binary, target)
                    .and_then(|()| list_tests(binary, &env))
                {
                    Ok(names) => jobs.extend(names.into_iter().map(|name| {
                        listed.insert((target.clone(), name.clone()), listed.len());
                        Job {
                            exercise: index,
                            target: target.clone(),
                            name,
                            binary: binary.clone(),
                            env: env.clone(),
                            timeout: exercise.timeout_for(target),
                            protocol,
                        }
                    })),
                    Err(message) => {
                        results[index].push(target_result(target, TestStatus::Crashed, message))
                    }
                },
                None => {
                    let error = build.why_not_built(&env.package_dir, target);
                    compile_errors[index].get_or_insert_with(|| error.clone());
                    results[index].extend(not_compiled(&env, protocol, target, &error));
                }
            }
        }
    }

    // In a learner's own run, an exercise nobody has touched gets no compile-fail check: there is
    // nothing of theirs to check yet (see below).
    let untouched = if options.results_cache {
        checks::untouched_exercises(root, unit, &selected)
    } else {
        vec![false; manifest.exercises.len()]
    };
    guard.before_tests();
    let mut finished = checks::run_checks_last(
        jobs,
        &mut results,
        &compile_errors,
        &untouched,
        &target_dir,
        options,
    );
    let warnings = guard.after_tests(&mut finished);
    // Each target that ran keeps its results, unless this run found something tampered with.
    if let Some(cache) = &cache
        && warnings.is_empty()
    {
        let mut ran: std::collections::BTreeMap<(usize, String), Vec<TestResult>> =
            Default::default();
        for (index, result) in &finished {
            ran.entry((*index, result.target.clone()))
                .or_default()
                .push(result.clone());
        }
        for ((index, target), mut target_results) in ran {
            if let Some(key) = keys.get(&(index, target.clone())) {
                target_results.sort_by_key(|t| listed.get(&(t.target.clone(), t.name.clone())));
                let package = &unit.crate_of(&manifest.exercises[index]).package;
                cache.keep_target_results(package, &target, *key, target_results);
            }
        }
    }
    for (exercise, result) in finished {
        results[exercise].push(result);
    }
    // The learner's own tests, once they all pass, are graded by the planted bugs they catch.
    if let Some(planted) = options.planted {
        for &index in &selected {
            let exercise = &manifest.exercises[index];
            let Some(min) = exercise.min_tests else {
                continue;
            };
            let counted: Vec<&TestResult> = results[index]
                .iter()
                .filter(|t| t.status.is_counted())
                .collect();
            if counted.len() >= min && counted.iter().all(|t| t.status == TestStatus::Passed) {
                let kept = cache
                    .as_ref()
                    .and_then(|cache| cache.planted_results(unit, exercise));
                let graded = match kept {
                    Some(kept) => kept,
                    None => {
                        progress(Progress::Note(
                            "Running your tests against the reference solution and the bugs planted \
                             in it (built in target/grader/planted: about a minute the first time, \
                             seconds after)…",
                        ));
                        let graded = planted.grade(
                            root,
                            unit,
                            exercise,
                            options.stop_at_first_failure,
                            &|line| progress(Progress::Cargo(line)),
                            options.sandbox,
                        )?;
                        if let Some(cache) = &cache
                            && warnings.is_empty()
                        {
                            cache.keep_planted_results(unit, exercise, &graded);
                        }
                        graded
                    }
                };
                // In the order the bugs are planted (the variants file's), not by name.
                for result in &graded {
                    listed.insert((result.target.clone(), result.name.clone()), listed.len());
                }
                results[index].extend(graded);
            }
        }
    }

    // In a learner's own run, an exercise whose files are as the workbook shipped them is not
    // started, whatever its tests say: a check of the source or a compile error on an untouched
    // stub is the task ahead, not a mistake.
    for &index in &selected {
        if untouched[index] {
            checks::mark_untouched_as_not_started(&manifest.exercises[index], &mut results[index]);
        }
    }

    let exercises = selected
        .into_iter()
        .map(|index| {
            let exercise = &manifest.exercises[index];
            let mut tests = std::mem::take(&mut results[index]);
            // The manifest's target order, then the order the test file lists its tests in.
            tests.sort_by_key(|t| {
                (
                    // The learner's own tests graded against the reference solution come
                    // last: first those that fail on it, then the planted bugs.
                    exercise
                        .tests
                        .iter()
                        .position(|name| *name == t.target)
                        .unwrap_or(match t.target.as_str() {
                            ON_REFERENCE_TARGET => exercise.tests.len(),
                            _ => exercise.tests.len() + 1,
                        }),
                    listed
                        .get(&(t.target.clone(), t.name.clone()))
                        .copied()
                        .unwrap_or(usize::MAX),
                    t.name.clone(),
                )
            });
            ExerciseReport {
                id: exercise.id.clone(),
                number: (!exercise.is_drills()).then(|| {
                    manifest.exercises[..=index]
                        .iter()
                        .filter(|e| !e.is_drills())
                        .count()
                }),
                title: exercise.title.clone(),
                python: exercise.python.clone(),
                file: file_to_open(root, unit, exercise, &tests),
                status: ExerciseReport::status_of(&tests, exercise.min_tests),
                compile_error: compile_errors[index].take(),
                weight: exercise.weight,
                min_tests: exercise.min_tests,
                test_weights: exercise.test_weights.clone(),
                tests,
            }
        })
        .collect();
    let mut report = UnitReport::new(
        manifest.kind,
        manifest.day,
        manifest.title.clone(),
        unit.package.clone(),
        exercises,
    );
    if let Some(cache) = &cache
        && warnings.is_empty()
    {
        for exercise in &report.exercises {
            cache.keep_report(exercise);
        }
        cache.save();
    }
    report.warnings = warnings;
    if let Some((sandbox, _)) = options.sandbox {
        report.protections = sandbox.protections().join("; ");
    }
    Ok(report)
}

/// The file the report sends the learner to when the failure shown first does not point into one
/// of their files (an assertion in the test file): of an exercise with several files, the one that
/// defines what the test is about; otherwise the exercise's first file.
fn file_to_open(
    root: &Path,
    unit: &Unit,
    exercise: &crate::manifest::Exercise,
    tests: &[TestResult],
) -> PathBuf {
    let first = unit.dir.join(&exercise.files[0]);
    if exercise.files.len() < 2 {
        return first;
    }
    let Some(test) = first_to_show(unit, &exercise.id, tests) else {
        return first;
    };
    let files: Vec<(String, String)> = unit
        .files_of(exercise)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
            (path, text)
        })
        .collect();
    file_named_by(test, &files).map_or(first, PathBuf::from)
}

/// Runs the jobs on `options.jobs` threads; returns (exercise index, result) in any order.
fn run_jobs(jobs: Vec<Job>, options: &GradeOptions<'_>) -> Vec<(usize, TestResult)> {
    let queue = Mutex::new(VecDeque::from(jobs));
    let done = Mutex::new(Vec::new());
    let settled = Mutex::new(std::collections::BTreeSet::new());
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let Some(job) = queue.lock().expect("queue lock").pop_front() else {
                        break;
                    };
                    if options.stop_at_first_failure
                        && settled
                            .lock()
                            .expect("settled lock")
                            .contains(&job.exercise)
                    {
                        continue;
                    }
                    let outcome =
                        run_test(&job.binary, &job.name, &job.env, job.timeout, job.protocol);
                    let verdict = outcome.verdict;
                    let result = TestResult {
                        name: job.name,
                        target: job.target,
                        status: verdict.status,
                        message: verdict.message,
                        location: verdict.location,
                        note: verdict.note,
                        explanation: verdict.explanation,
                        duration_ms: outcome.duration.as_millis().try_into().unwrap_or(u64::MAX),
                    };
                    if result.status != TestStatus::Passed {
                        settled.lock().expect("settled lock").insert(job.exercise);
                    }
                    (options.progress)(Progress::Finished(&result));
                    done.lock()
                        .expect("results lock")
                        .push((job.exercise, result));
                }
            });
        }
    });
    done.into_inner().expect("results lock")
}

/// The results of a target that did not compile: one per test its `workbook_harness::main!`
/// declares, so that an exercise counts the same tests whether or not it compiles; one for the
/// whole target when it is the learner's own (libtest) or its list cannot be read.
fn not_compiled(env: &TestEnv, protocol: Protocol, target: &str, error: &str) -> Vec<TestResult> {
    let declared = match protocol {
        Protocol::Harness => {
            crate::declared_tests::declared_tests(&env.package_dir, target).unwrap_or_default()
        }
        Protocol::Libtest => Vec::new(),
    };
    if declared.is_empty() {
        return vec![target_result(
            target,
            TestStatus::DoesNotCompile,
            error.to_owned(),
        )];
    }
    declared
        .into_iter()
        .map(|name| TestResult {
            name,
            ..target_result(target, TestStatus::DoesNotCompile, error.to_owned())
        })
        .collect()
}

/// A result for a whole target whose tests could not be run (or even listed); with a test's own
/// name, for one test that was not run.
fn target_result(target: &str, status: TestStatus, message: String) -> TestResult {
    TestResult {
        name: target.to_owned(),
        target: target.to_owned(),
        status,
        message: Some(message),
        location: None,
        note: None,
        explanation: None,
        duration_ms: 0,
    }
}

/// Why one of `exercise`'s learner files is not graded as it is (`learner_code`), naming the file.
fn refused_file(root: &Path, unit: &Unit, exercise: &crate::manifest::Exercise) -> Option<String> {
    exercise.files.iter().find_map(|file| {
        let path = unit.dir.join(file);
        let text = std::fs::read_to_string(root.join(&path)).ok()?;
        crate::learner_code::refusal(&text).map(|why| format!("{}: {why}", path.display()))
    })
}
