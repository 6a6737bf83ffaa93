//! How to grade (the options of a run) and what the grader tells the person waiting meanwhile.

use std::path::PathBuf;

use crate::planted::PlantedBugs;
use crate::report::TestResult;
use crate::sandbox::{Sandbox, Scope};

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
