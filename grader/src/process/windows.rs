//! Windows: each test runs in a Job Object, and the whole job is terminated when the test ends.
//!
//! Relies on Job Objects (a process that a job member starts joins the job: Microsoft's "Job
//! Objects" documentation), through the well-kept `process-wrap` crate. No memory, file-size or
//! process-count limits are set here (docs/GRADING.md lists this limit).
//!
//! This module cannot be compiled on the Linux machines the workbook is built on; it calls only the
//! parts of process-wrap's API that are the same on every OS.

use std::process::{ChildStderr, ChildStdout, Command, ExitStatus};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use process_wrap::std::{ChildWrapper, CommandWrap, JobObject};

use super::Limits;

pub const PROTECTIONS: &str =
    "a Job Object per test (no memory, file-size or process-count limits on Windows)";

/// How often a running test is polled for its end.
const POLL: Duration = Duration::from_millis(5);

type Job = Arc<Mutex<Box<dyn ChildWrapper>>>;

pub struct Tree {
    job: Job,
    exited: bool,
}

/// Terminates one test's job, from any thread.
pub struct Killer(Job);

impl Killer {
    pub fn kill(&self) {
        if let Ok(mut job) = self.0.lock() {
            let _ = job.start_kill();
        }
    }
}

impl Tree {
    pub fn spawn(command: Command, _limits: &Limits) -> std::io::Result<Tree> {
        let mut wrap = CommandWrap::from(command);
        wrap.wrap(JobObject);
        let job = wrap.spawn()?;
        Ok(Tree {
            job: Arc::new(Mutex::new(job)),
            exited: false,
        })
    }

    fn with_job<T>(&self, f: impl FnOnce(&mut Box<dyn ChildWrapper>) -> T) -> T {
        let mut job = self.job.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut job)
    }

    /// Writes `text` (if any) to the test's stdin, then closes it.
    pub fn finish_stdin(&mut self, text: Option<&str>) {
        use std::io::Write as _;
        if let Some(mut stdin) = self.with_job(|job| job.stdin().take())
            && let Some(text) = text
        {
            // A binary that never reads it (not the harness) may be gone: that is its result.
            let _ = stdin.write_all(text.as_bytes());
        }
    }

    pub fn take_stdout(&mut self) -> Option<ChildStdout> {
        self.with_job(|job| job.stdout().take())
    }

    pub fn take_stderr(&mut self) -> Option<ChildStderr> {
        self.with_job(|job| job.stderr().take())
    }

    pub fn killer(&self) -> Killer {
        Killer(Arc::clone(&self.job))
    }

    pub fn wait_timeout(&mut self, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.with_job(|job| job.try_wait())? {
                self.exited = true;
                return Ok(Some(status));
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
            std::thread::sleep(POLL);
        }
    }

    /// Terminates the job. Windows does not say here whether anything was left in it, so a
    /// leftover process is stopped without a note.
    pub fn stop_tree(&mut self, _marker: &str) -> bool {
        self.with_job(|job| {
            let _ = job.start_kill();
            let _ = job.wait();
        });
        false
    }
}

/// Runs `handler` at each Ctrl-C, Ctrl-Break or closing of the console, through the ctrlc crate
/// (`SetConsoleCtrlHandler`), which calls it on a thread of its own.
pub fn on_interrupt(handler: impl Fn() + Send + 'static) {
    let _ = ctrlc::set_handler(handler);
}

/// Nothing to pass on: Ctrl-C and the console's closing reach every process attached to the
/// console, a grader run in this one's place among them.
pub fn pass_on_interrupt(_pid: u32) {}
