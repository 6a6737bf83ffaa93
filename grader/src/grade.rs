//! Grades one unit (a day or the capstone) in one workspace: build its tests, run each, report.
//!
//! The same function grades a learner's day, the reference solutions and every submission of a
//! class: they differ only in the workspace folder and the target folder they are given.

use std::path::{Path, PathBuf};

mod checks;
mod jobs;
mod not_run;
mod options;
pub mod results_cache;
pub mod stubs;

pub use options::{GradeOptions, Progress, default_jobs};

use crate::compile::{CompileError, build_test_targets_sandboxed, build_tests_sandboxed};
use crate::integrity::RunGuard;
use crate::next_step::{file_named_by, first_to_show};
use crate::planted::ON_REFERENCE_TARGET;
use crate::process::Limits;
use crate::report::{ExerciseReport, ExerciseStatus, TestResult, TestStatus, UnitReport};
use crate::testrun::{Protocol, TestEnv, list_tests};
use crate::workbook::Unit;
use jobs::{Job, run_jobs};
use not_run::{not_compiled, refused_file, target_result};
use results_cache::ResultsCache;

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
            let status = ExerciseReport::status_of(&tests, exercise.min_tests);
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
                file: file_to_open(root, unit, exercise, &tests, status),
                status,
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
/// defines what the test is about; otherwise, and for an exercise not started yet, the exercise's
/// first file, where its task begins (Day 3's `mod.rs`, not the `alerts.rs` an unresolved
/// `monitoring::Alert` names).
fn file_to_open(
    root: &Path,
    unit: &Unit,
    exercise: &crate::manifest::Exercise,
    tests: &[TestResult],
    status: ExerciseStatus,
) -> PathBuf {
    let first = unit.dir.join(&exercise.files[0]);
    if exercise.files.len() < 2 || status == ExerciseStatus::NotStarted {
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
