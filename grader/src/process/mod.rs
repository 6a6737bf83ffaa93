//! Test processes, contained: each test's whole process tree is limited, stopped and accounted for.
//!
//! Every OS does this its own way, so each has its own module, as nextest does:
//! - `unix.rs`: each test leads a process group of its own; the group is killed when the test ends.
//! - `linux.rs`: also memory, file-size and process-count limits (`prlimit`); a sweep for
//!   processes that left the group (`setsid`) but still carry the test's marker in their
//!   environment; and the grader as the subreaper of every orphan, which it kills.
//! - `windows.rs`: each test runs in a Job Object, which is terminated when the test ends.
//!
//! Every live test is registered, so that Ctrl-C or SIGTERM to the grader ([`stop_all_on_signal`])
//! ends them all before the grader exits with status 130.

use std::collections::BTreeMap;
use std::process::{Command, ExitStatus};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

#[cfg(target_os = "linux")]
mod linux;
#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;

/// The environment variable that marks every process of one test run (and what it starts).
pub const RUN_MARKER_ENV: &str = "WORKBOOK_TEST_RUN";

/// Resource limits for one test and everything it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Address space, in bytes.
    pub memory_bytes: u64,
    /// The largest file it may write, in bytes.
    pub file_size_bytes: u64,
    /// How many more processes (and threads) the user may start while it runs.
    pub extra_processes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_bytes: 4 << 30,
            file_size_bytes: 256 << 20,
            extra_processes: 1024,
        }
    }
}

/// While it lives, the test binaries cannot be read, only run (Linux; elsewhere it does nothing):
/// the tests run from them are then closed to other processes of the same user.
pub struct ExecuteOnly {
    #[cfg(target_os = "linux")]
    _inner: linux::ExecuteOnly,
}

/// Makes `binaries` execute-only until the returned guard is dropped.
pub fn execute_only(binaries: &[&std::path::Path]) -> ExecuteOnly {
    #[cfg(not(target_os = "linux"))]
    let _ = binaries;
    ExecuteOnly {
        #[cfg(target_os = "linux")]
        _inner: linux::ExecuteOnly::new(binaries),
    }
}

/// Makes test binaries that an interrupted run left execute-only writable again, so that cargo can
/// rebuild them (Linux; elsewhere nothing is ever made execute-only).
pub fn repair_execute_only(target_dir: &std::path::Path) {
    #[cfg(target_os = "linux")]
    linux::repair_execute_only(&target_dir.join("debug").join("deps"));
    #[cfg(not(target_os = "linux"))]
    let _ = target_dir;
}

/// A process the grader starts for itself (a build, git, a probe), not a test: while it lives, the
/// sweep for the orphans tests leave behind (the grader is their subreaper on Linux) never takes it
/// for one, however many tests end meanwhile elsewhere: in another worker of a batch, or in
/// another test of the grader's own suite, which runs in one process. Every process the grader
/// starts goes through [`spawn_own`], [`status_own`] or [`output_own`], or is a test
/// ([`Contained`]). Dereferences to the child.
pub struct OwnChild {
    child: std::process::Child,
}

/// Starts `command` as one of the grader's own children (see [`OwnChild`]).
pub fn spawn_own(command: &mut Command) -> std::io::Result<OwnChild> {
    #[cfg(target_os = "linux")]
    let child = linux::spawn_tracked(command)?;
    #[cfg(not(target_os = "linux"))]
    let child = command.spawn()?;
    Ok(OwnChild { child })
}

/// [`Command::status`], as one of the grader's own children.
pub fn status_own(command: &mut Command) -> std::io::Result<ExitStatus> {
    spawn_own(command)?.wait()
}

/// The grader that runs this one's command line in its place (a relaunch, with more features), while
/// it runs: an interruption that reaches only this grader (SIGTERM to its process alone) is passed
/// on to it, and this grader waits for it to stop its tests before exiting.
static RELAUNCHED: Mutex<Option<u32>> = Mutex::new(None);

/// [`status_own`], for a grader run in this one's place (see [`RELAUNCHED`]).
pub fn status_of_relaunched(command: &mut Command) -> std::io::Result<ExitStatus> {
    let mut child = spawn_own(command)?;
    if let Ok(mut relaunched) = RELAUNCHED.lock() {
        *relaunched = Some(child.id());
    }
    let status = child.wait();
    if let Ok(mut relaunched) = RELAUNCHED.lock() {
        *relaunched = None;
    }
    status
}

/// Passes an interruption on to the relaunched grader, if one runs, and waits (5 s at most) for it
/// to end: it stops its own tests and says its own note.
fn interrupt_relaunched() {
    let running = || RELAUNCHED.lock().ok().and_then(|relaunched| *relaunched);
    let Some(pid) = running() else {
        return;
    };
    os::pass_on_interrupt(pid);
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while running().is_some() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// [`Command::output`], as one of the grader's own children: stdout and stderr are read whole,
/// side by side, so that neither pipe fills while the other is read.
pub fn output_own(command: &mut Command) -> std::io::Result<std::process::Output> {
    use std::io::Read as _;
    command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = spawn_own(command)?;
    let stderr = child.stderr.take();
    let stderr = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = stderr {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    });
    let mut stdout = Vec::new();
    if let Some(mut pipe) = child.stdout.take() {
        pipe.read_to_end(&mut stdout)?;
    }
    let status = child.wait()?;
    Ok(std::process::Output {
        status,
        stdout,
        stderr: stderr.join().unwrap_or_default(),
    })
}

impl std::ops::Deref for OwnChild {
    type Target = std::process::Child;
    fn deref(&self) -> &std::process::Child {
        &self.child
    }
}

impl std::ops::DerefMut for OwnChild {
    fn deref_mut(&mut self) -> &mut std::process::Child {
        &mut self.child
    }
}

impl Drop for OwnChild {
    /// Untracked only now, once its owner is done with it (waited for, as a rule): a sweep that
    /// found it a zombie before would reap it and take its exit status from its owner.
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        linux::untrack(self.child.id());
    }
}

/// How many processes and threads this user runs now (Linux; `RLIMIT_NPROC` counts them all): the
/// sandbox's limit, in the instructors' build.
#[cfg(all(target_os = "linux", feature = "instructor"))]
pub(crate) fn count_tasks_of_this_user() -> u64 {
    linux::count_tasks_of_this_user()
}

/// Which protections were in force for the tests, for reports to say.
pub fn protections() -> &'static str {
    os::PROTECTIONS
}

/// A running test process and the tree it may start.
pub struct Contained {
    inner: os::Tree,
    marker: String,
    registration: u64,
    stopped: bool,
}

/// What stopping a finished test's tree found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Leftovers {
    /// Processes the test started were still running after it ended; they were stopped.
    pub stopped_processes: bool,
}

static NEXT_RUN: AtomicU64 = AtomicU64::new(1);
/// Kill functions of the live trees, for Ctrl-C.
static LIVE: Mutex<BTreeMap<u64, os::Killer>> = Mutex::new(BTreeMap::new());

impl Contained {
    /// Starts `command` with its stdio as configured, in a tree of its own, under `limits`.
    pub fn spawn(mut command: Command, limits: &Limits) -> std::io::Result<Contained> {
        let registration = NEXT_RUN.fetch_add(1, Ordering::Relaxed);
        let marker = format!("{}-{registration}", std::process::id());
        command.env(RUN_MARKER_ENV, &marker);
        let inner = os::Tree::spawn(command, limits)?;
        if let Ok(mut live) = LIVE.lock() {
            live.insert(registration, inner.killer());
        }
        Ok(Contained {
            inner,
            marker,
            registration,
            stopped: false,
        })
    }

    /// Writes `text` (if any) to the test's stdin, then closes it: the test reads it, then the end.
    pub fn finish_stdin(&mut self, text: Option<&str>) {
        self.inner.finish_stdin(text);
    }

    pub fn take_stdout(&mut self) -> Option<std::process::ChildStdout> {
        self.inner.take_stdout()
    }

    pub fn take_stderr(&mut self) -> Option<std::process::ChildStderr> {
        self.inner.take_stderr()
    }

    /// Waits for the test's own process, at most `timeout`; `None` when it is still running.
    pub fn wait_timeout(&mut self, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
        self.inner.wait_timeout(timeout)
    }

    /// Stops whatever is left of the tree (all of it, after a timeout) and says what was found.
    pub fn stop_tree(&mut self) -> Leftovers {
        self.stopped = true;
        let stopped = self.inner.stop_tree(&self.marker);
        Leftovers {
            stopped_processes: stopped,
        }
    }
}

impl Drop for Contained {
    fn drop(&mut self) {
        if !self.stopped {
            self.inner.stop_tree(&self.marker);
        }
        if let Ok(mut live) = LIVE.lock() {
            live.remove(&self.registration);
        }
    }
}

/// Installs the handler that, on Ctrl-C or SIGTERM, stops every live test tree and every running
/// build (cargo runs in a process group of its own, which the terminal's Ctrl-C does not reach),
/// then exits with 130.
pub fn stop_all_on_signal() {
    os::on_interrupt(|| {
        INTERRUPTED.store(true, Ordering::SeqCst);
        interrupt_relaunched();
        stop_all();
        crate::compile::stop_running_builds();
        // A test killed just now hands its children to the grader only once it is gone, and a
        // child caught mid-exec may not show its environment yet: sweep again over a moment.
        for _ in 0..5 {
            std::thread::sleep(std::time::Duration::from_millis(20));
            stop_all();
        }
        remove_folders_of_the_run();
        if let Some(note) = INTERRUPT_NOTE.get() {
            // Not `eprintln!`, which panics when nothing reads stderr any more (the terminal was
            // closed, the output piped into a program that ended): the handler's thread would die
            // before the exit, and no later signal would end the grader.
            use std::io::Write as _;
            let _ = writeln!(std::io::stderr(), "\n{note}");
        }
        std::process::exit(130);
    });
}

/// The folders a run made for itself (its scratch folder): the interrupt handler removes them,
/// since its exit runs no destructor. Each is listed while its [`RemovedOnInterrupt`] lives.
static FOLDERS_OF_THE_RUN: Mutex<Vec<std::path::PathBuf>> = Mutex::new(Vec::new());

/// A folder of the run's own, removed should Ctrl-C or SIGTERM end the grader while this lives
/// (its own owner removes it otherwise, as a `TempDir` does when dropped).
#[must_use = "the folder is removed on an interruption only while this lives"]
pub struct RemovedOnInterrupt(std::path::PathBuf);

impl RemovedOnInterrupt {
    pub fn new(folder: &std::path::Path) -> Self {
        folders_of_the_run().push(folder.to_owned());
        RemovedOnInterrupt(folder.to_owned())
    }
}

impl Drop for RemovedOnInterrupt {
    fn drop(&mut self) {
        let mut folders = folders_of_the_run();
        if let Some(at) = folders.iter().position(|folder| *folder == self.0) {
            folders.remove(at);
        }
    }
}

/// The list, even if a thread panicked while holding it: the handler must still get to exit.
fn folders_of_the_run() -> std::sync::MutexGuard<'static, Vec<std::path::PathBuf>> {
    FOLDERS_OF_THE_RUN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn remove_folders_of_the_run() {
    for folder in folders_of_the_run().iter() {
        let _ = std::fs::remove_dir_all(folder);
    }
}

/// What Ctrl-C or SIGTERM prints before the grader exits with 130, if anything.
static INTERRUPT_NOTE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets what an interruption prints (a batch: how to resume); the first note set stays.
pub fn note_on_interrupt(note: String) {
    let _ = INTERRUPT_NOTE.set(note);
}

/// Set when Ctrl-C or SIGTERM came: the handler is stopping everything and will exit with 130.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether Ctrl-C or SIGTERM came; then the handler exits the process, with 130, once it has
/// stopped everything, and nothing else should end it first.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Stops every live test tree, and on Linux every process that carries a marker of this grader's
/// (one that left its test's group with `setsid`).
pub fn stop_all() {
    if let Ok(live) = LIVE.lock() {
        for killer in live.values() {
            killer.kill();
        }
    }
    #[cfg(target_os = "linux")]
    {
        linux::stop_marked(&format!("{}-", std::process::id()), linux::Match::Prefix);
        linux::stop_orphans(None);
    }
}
