//! The tests' runs: one job per test, taken from a queue by as many threads as the options allow.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use super::{GradeOptions, Progress};
use crate::report::{TestResult, TestStatus};
use crate::testrun::{Protocol, TestEnv, run_test};

pub(super) struct Job {
    pub(super) exercise: usize,
    pub(super) target: String,
    pub(super) name: String,
    pub(super) binary: PathBuf,
    pub(super) env: TestEnv,
    pub(super) timeout: Duration,
    pub(super) protocol: Protocol,
}

/// Runs the jobs on `options.jobs` threads; returns (exercise index, result) in any order.
pub(super) fn run_jobs(jobs: Vec<Job>, options: &GradeOptions<'_>) -> Vec<(usize, TestResult)> {
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
