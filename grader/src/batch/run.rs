//! The batch itself: submissions handed out to workers, each with its own stage and build folder,
//! graded in the sandbox, one result per submission whatever it holds.
//!
//! Dependencies are built once, by the first worker from the stubs, and every other worker starts
//! from a copy of that build folder; after that each submission rebuilds only its learner crates,
//! as `cargo day 1` does after an edit. A worker's folders live on from batch to batch in the work
//! folder, so a second batch starts warm.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::batch::cache::{Cache, salt_of};
use crate::batch::model::{
    BATCH_SCHEMA_VERSION, BatchReport, SubmissionOutcome, SubmissionReport, Violation,
};
use crate::batch::score::{scores_of, totals, ungraded, unit_name};
use crate::batch::workspace::{Slot, lock_work_dir, prepare_work_dir, warm_up};
use crate::compile::CompileError;
use crate::grade::{GradeOptions, grade_unit};
use crate::planted::PlantedBugs;
use crate::sandbox::Sandbox;
use crate::stage::{NOT_FOR_SUBMISSIONS, StageError, sync_leaving_out};
use crate::submission::{ArchiveLimits, open, student_name, take};
use crate::workbook::{Unit, Workbook};

/// What the batch tells the instructor while it works.
#[derive(Debug, Clone)]
pub enum BatchProgress<'a> {
    /// A step before the submissions: "Building the dependencies once (stubs)…".
    Step(&'a str),
    /// A line of cargo's output from the first build.
    Cargo(&'a str),
    /// A submission's unit is being built and graded.
    Grading { student: &'a str, unit: &'a str },
    /// A submission is done: `done` of `total`, the time so far and the estimate of what is left.
    Graded {
        done: usize,
        total: usize,
        report: &'a SubmissionReport,
        elapsed: Duration,
        remaining: Option<Duration>,
    },
}

/// How to grade a batch.
pub struct BatchOptions<'a> {
    pub units: Vec<&'a Unit>,
    /// How many submissions are graded at once, each by a worker with its own build folder.
    pub workers: usize,
    /// Where the workers' stages, build folders and the results cache live (outside the workbook).
    pub work_dir: PathBuf,
    /// Refuse to grade without a real sandbox (file-system and network isolation).
    pub require_sandbox: bool,
    /// Use the results of an earlier run for submissions whose learner files have not changed.
    pub use_cache: bool,
    pub progress: &'a (dyn Fn(BatchProgress<'_>) + Sync),
}

#[derive(Debug)]
pub enum BatchError {
    NoSandbox(Vec<String>),
    SandboxSwitchedOff,
    NoSubmissions,
    WorkDir { path: PathBuf, problem: String },
    Stage(StageError),
    Compile(CompileError),
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::NoSandbox(protections) => write!(
                f,
                "no sandbox on this system, and --require-sandbox asks for one. What is in force:\n  {}\n\
                 Grade on Linux with Landlock (kernel 5.13 or later) and user namespaces, or leave out --require-sandbox \
                 to grade with process limits only",
                protections.join("\n  ")
            ),
            BatchError::SandboxSwitchedOff => write!(
                f,
                "--require-sandbox asks for a sandbox, and {SANDBOX_SWITCH_ENV}=off switches it off: leave out one or the other"
            ),
            BatchError::NoSubmissions => f.write_str(
                "there is nothing to grade: give one or more submissions (folders, git repositories, .zip or .tar.gz files)",
            ),
            BatchError::WorkDir { path, problem } => write!(
                f,
                "cannot use the work folder {}: {problem}",
                path.display()
            ),
            BatchError::Stage(error) => fmt::Display::fmt(error, f),
            BatchError::Compile(error) => fmt::Display::fmt(error, f),
        }
    }
}

// Every variant's message says its cause (the inner errors give no source of their own).
impl std::error::Error for BatchError {}

impl From<StageError> for BatchError {
    fn from(error: StageError) -> Self {
        BatchError::Stage(error)
    }
}

impl From<CompileError> for BatchError {
    fn from(error: CompileError) -> Self {
        BatchError::Compile(error)
    }
}

/// Grades every submission in `submissions` for `options.units`.
pub fn grade_batch(
    workbook: &Workbook,
    submissions: &[PathBuf],
    options: &BatchOptions<'_>,
) -> Result<BatchReport, BatchError> {
    if submissions.is_empty() {
        return Err(BatchError::NoSubmissions);
    }
    let sandbox = if sandbox_switched_off() {
        Sandbox::detect_with_wrapper(None)
    } else {
        Sandbox::detect()
    };
    let protections = sandbox.protections();
    if options.require_sandbox && sandbox_switched_off() {
        return Err(BatchError::SandboxSwitchedOff);
    }
    if options.require_sandbox && !sandbox.is_real() {
        return Err(BatchError::NoSandbox(protections));
    }
    let work_dir = prepare_work_dir(workbook, &options.work_dir)?;
    let _lock = lock_work_dir(&work_dir, options)?;
    let unit_names: Vec<String> = options.units.iter().map(|u| unit_name(u)).collect();
    let learner_files: Vec<PathBuf> = workbook
        .units
        .iter()
        .flat_map(|u| crate::guard::learner_files(&workbook.root, u))
        .collect();
    let cache = Cache::new(
        work_dir.join("cache"),
        salt_of(&workbook.root, &learner_files, &unit_names, &protections),
    );
    let students = unique_names(submissions);
    let workers = options.workers.clamp(1, submissions.len());
    let slots: Vec<Slot> = (0..workers).map(|i| Slot::new(&work_dir, i)).collect();
    warm_up(workbook, options, &slots)?;

    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<SubmissionReport>>> = Mutex::new(vec![None; submissions.len()]);
    let failure: Mutex<Option<BatchError>> = Mutex::new(None);
    let tests_per_worker = (crate::grade::default_jobs() / workers).max(1);
    std::thread::scope(|scope| {
        for slot in &slots {
            let (next, done, results, failure, cache) = (&next, &done, &results, &failure, &cache);
            let (students, sandbox) = (&students, &sandbox);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    if index >= submissions.len() || lock(failure).is_some() {
                        return;
                    }
                    let job = Job {
                        source: &submissions[index],
                        student: &students[index],
                        tests: tests_per_worker,
                    };
                    match grade_one(workbook, options, slot, sandbox, cache, &job) {
                        Ok(report) => {
                            let finished = done.fetch_add(1, Ordering::SeqCst) + 1;
                            let elapsed = started.elapsed();
                            // The first submissions also build what the others reuse: no
                            // estimate until a few are done.
                            let remaining = (finished < submissions.len()
                                && finished >= ESTIMATE_AFTER.min(submissions.len()))
                            .then(|| {
                                elapsed.mul_f64(
                                    (submissions.len() - finished) as f64 / finished as f64,
                                )
                            });
                            (options.progress)(BatchProgress::Graded {
                                done: finished,
                                total: submissions.len(),
                                report: &report,
                                elapsed,
                                remaining,
                            });
                            lock(results)[index] = Some(report);
                        }
                        Err(error) => {
                            lock(failure).get_or_insert(error);
                            return;
                        }
                    }
                }
            });
        }
    });
    if let Some(error) = failure.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(error);
    }
    let submissions = results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .flatten()
        .collect();
    Ok(BatchReport {
        schema: BATCH_SCHEMA_VERSION,
        units: unit_names,
        sandboxed: sandbox.is_real(),
        protections,
        submissions,
    })
}

/// How many submissions must be graded before the batch estimates the time left.
const ESTIMATE_AFTER: usize = 3;

/// The environment variable that switches the sandbox off (`WORKBOOK_SANDBOX=off`), to tell
/// whether a failure comes from the sandbox; reports then say that none was in force.
pub const SANDBOX_SWITCH_ENV: &str = "WORKBOOK_SANDBOX";

fn sandbox_switched_off() -> bool {
    std::env::var(SANDBOX_SWITCH_ENV).is_ok_and(|v| v.eq_ignore_ascii_case("off"))
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct Job<'a> {
    source: &'a Path,
    student: &'a str,
    tests: usize,
}

/// Grades one submission in `slot`: opens it, takes its learner files, checks the policies, stages
/// and grades every unit; or takes its result from the cache.
fn grade_one(
    workbook: &Workbook,
    options: &BatchOptions<'_>,
    slot: &Slot,
    sandbox: &Sandbox,
    cache: &Cache,
    job: &Job<'_>,
) -> Result<SubmissionReport, BatchError> {
    let started = Instant::now();
    let mut report = SubmissionReport {
        student: job.student.to_owned(),
        source: job.source.to_owned(),
        outcome: SubmissionOutcome::Graded,
        exercises: options.units.iter().flat_map(|u| ungraded(u)).collect(),
        points: 0.0,
        max_points: 0.0,
        ignored_files: Vec::new(),
        violations: Vec::new(),
        missing_files: Vec::new(),
        units: Vec::new(),
        notes: Vec::new(),
        cached: false,
        duration_ms: 0,
    };
    let _ = std::fs::remove_dir_all(&slot.opened);
    let opened = match open(
        job.source,
        workbook,
        &slot.opened,
        &ArchiveLimits::default(),
    ) {
        Ok(opened) => opened,
        Err(error) => {
            report.outcome = error.outcome();
            (report.points, report.max_points) = totals(&report.exercises);
            return Ok(report);
        }
    };
    report.notes = opened.notes.clone();
    let taken = take(workbook, &options.units, &opened.root);
    if options.use_cache
        && let Some(mut cached) = cache.get(taken.digest)
    {
        // The key covers the learner files only: what else this submission holds is its own.
        cached.student = job.student.to_owned();
        cached.source = job.source.to_owned();
        cached.ignored_files = taken.ignored;
        cached.missing_files = taken.missing;
        cached.notes = report.notes;
        cached.cached = true;
        cached.duration_ms = 0;
        return Ok(cached);
    }
    report.ignored_files = taken.ignored.clone();
    report.missing_files = taken.missing.clone();
    sync_leaving_out(
        workbook,
        &taken.overrides,
        &slot.stage,
        &NOT_FOR_SUBMISSIONS,
    )?;
    report.violations = violations(&slot.stage, &options.units);
    let _ = std::fs::remove_dir_all(&slot.temp);
    std::fs::create_dir_all(&slot.temp).map_err(|e| BatchError::WorkDir {
        path: slot.temp.clone(),
        problem: e.to_string(),
    })?;
    let scope = slot.scope();
    report.exercises.clear();
    for unit in &options.units {
        (options.progress)(BatchProgress::Grading {
            student: job.student,
            unit: &unit.label(),
        });
        let planted = PlantedBugs::for_unit(workbook, unit, &slot.planted);
        let grade_options = GradeOptions {
            target_dir: Some(slot.build.clone()),
            jobs: job.tests,
            planted: planted.as_ref(),
            sandbox: Some((sandbox, &scope)),
            ..GradeOptions::quiet()
        };
        let unit_report = grade_unit(&slot.stage, unit, &grade_options)?;
        report
            .exercises
            .extend(scores_of(unit, &unit_report, &report.violations));
        report.units.push(unit_report);
    }
    (report.points, report.max_points) = totals(&report.exercises);
    report.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    // A run whose results were withheld (a test changed what grading relies on) is graded anew
    // next time, never kept.
    if report.units.iter().all(|unit| unit.warnings.is_empty()) {
        cache.put(taken.digest, &report);
    }
    Ok(report)
}

/// Every forbidden API in the learner files staged at `stage`, for every exercise of `units`.
fn violations(stage: &Path, units: &[&Unit]) -> Vec<Violation> {
    let mut found = Vec::new();
    for unit in units {
        for exercise in &unit.manifest.exercises {
            for finding in crate::policy::check_exercise(stage, unit, exercise) {
                found.push(Violation {
                    unit: unit_name(unit),
                    exercise: exercise.id.clone(),
                    location: finding.location(),
                    what: finding.found,
                });
            }
        }
    }
    found
}

/// Each submission's student name, made unique: a second `alice` becomes `alice-2`.
fn unique_names(submissions: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for path in submissions {
        let base = student_name(path);
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}-{n}");
            n += 1;
        }
        names.push(name);
    }
    names
}
