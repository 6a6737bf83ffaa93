//! Builds a crate's test targets with cargo, keeping going past targets that do not compile.
//!
//! A build of the tests has a limit on the time it goes *without progress*: every line cargo or
//! the compiler prints restarts the clock, so a cold first build that compiles the dependencies
//! for minutes is never stopped, while a constant or a macro that never finishes evaluating (the
//! compiler falls silent, but for its warnings that the evaluation is taking long, which are not
//! progress) is. Cargo and everything it started are then stopped, and every test target that was
//! not built by then is reported with the limit and what to check.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::paths::tidy_paths;
use crate::sandbox::{Sandbox, Scope};

mod messages;

use messages::{CompilerMessage, Message};

/// The sandbox a build or test runs in, and what it may touch; `None` for none (a learner's run).
pub type SandboxUse<'a> = Option<(&'a Sandbox, &'a Scope)>;

/// How many lines of the compiler's first error a report shows.
const MAX_ERROR_LINES: usize = 40;
/// How many of cargo's last stderr lines are kept to explain a failure that is not a compile error.
const STDERR_TAIL_LINES: usize = 15;
/// How long the output readers may go on after a stalled build was stopped: what cargo printed
/// before it was stopped is still collected, but a process that escaped the stop and holds the
/// output open is not waited for.
const READER_GRACE: Duration = Duration::from_secs(2);
/// What cargo prints while another cargo (an editor's, say) holds the target folder: that wait is
/// not this build's lack of progress, so the clock does not run while it lasts.
const WAITING_FOR_LOCK: &str = "Blocking waiting for file lock";
/// Part of the warning rustc repeats (less and less often) while a constant evaluates for long.
const LONG_CONST_EVAL: &str = "taking a long time";

/// A target of a crate: the crate's folder (canonical) and the target's name.
pub type TargetKey = (PathBuf, String);

/// What a build of some packages' test targets produced.
#[derive(Debug, Default)]
pub struct BuildOutput {
    /// The test executable of every target that compiled.
    pub executables: BTreeMap<TargetKey, PathBuf>,
    /// The files of every crate's library and binaries that were built (not its tests), by crate
    /// folder: what the tests link or run besides their own code, which the results cache keys on.
    pub tested_code: BTreeMap<PathBuf, Vec<PathBuf>>,
    /// The first error of every target that did not compile, in the order cargo reported them.
    pub first_errors: Vec<(TargetKey, String)>,
    /// Crates whose library or a binary did not compile, with that first error. Cargo still builds
    /// their integration tests, which would then run against an old binary or none at all.
    pub broken_crates: BTreeMap<PathBuf, String>,
    /// The last lines cargo printed, for a failure with no compiler error (a broken Cargo.toml, say).
    pub stderr_tail: Vec<String>,
    /// Whether cargo reported success.
    pub success: bool,
    /// Set when the build went this long without progress and was stopped: the targets it had
    /// not built by then have neither an executable nor an error.
    pub stalled: Option<Duration>,
    /// rustc's last "constant evaluation is taking a long time" warning for a target, which shows
    /// where a stalled build was stuck.
    pub long_evaluations: BTreeMap<TargetKey, String>,
}

impl BuildOutput {
    /// The test executable of `target` in the crate at `crate_dir`, if it compiled and the code it
    /// tests (the crate's library and binaries) compiled too.
    pub fn executable(&self, crate_dir: &Path, target: &str) -> Option<&PathBuf> {
        let crate_dir = canonical(crate_dir);
        if self.broken_crates.contains_key(&crate_dir) {
            return None;
        }
        self.executables.get(&(crate_dir, target.to_owned()))
    }

    /// Why `target` of the crate at `crate_dir` has no executable, in words a learner can act on.
    pub fn why_not_built(&self, crate_dir: &Path, target: &str) -> String {
        let crate_dir = canonical(crate_dir);
        let errors_of_crate = || {
            self.first_errors
                .iter()
                .filter(|((dir, _), _)| *dir == crate_dir)
        };
        if let Some((_, error)) = errors_of_crate().find(|((_, name), _)| name == target) {
            return error.clone();
        }
        if let Some(error) = self.broken_crates.get(&crate_dir) {
            return error.clone();
        }
        if let Some(limit) = self.stalled {
            // Where rustc was stuck: in this target, else in what it waits for (the crate's
            // library, or a target that took up the build's jobs), else anywhere.
            let key = (crate_dir, target.to_owned());
            let evaluating = self
                .long_evaluations
                .get(&key)
                .or_else(|| {
                    let mut of_crate = self.long_evaluations.iter();
                    of_crate
                        .find(|((dir, _), _)| *dir == key.0)
                        .map(|(_, warning)| warning)
                })
                .or_else(|| self.long_evaluations.values().next());
            return stalled_message(target, limit, evaluating);
        }
        // A target whose own code is fine is skipped when something it depends on (the crate's
        // library, say) does not compile: that error is the one to fix.
        if let Some((_, error)) = errors_of_crate().next().or(self.first_errors.first()) {
            return error.clone();
        }
        if !self.stderr_tail.is_empty() {
            return format!(
                "cargo could not build the tests:\n{}",
                self.stderr_tail.join("\n")
            );
        }
        format!("the test target `{target}` was not built: is tests/{target}.rs missing?")
    }
}

/// The crate folder a target's source file belongs to: the nearest folder with a Cargo.toml.
fn crate_dir_of(src_path: &Path) -> PathBuf {
    src_path
        .ancestors()
        .skip(1)
        .find(|dir| dir.join("Cargo.toml").is_file())
        .map_or_else(|| src_path.to_owned(), canonical)
}

/// Why a target of a stalled build has no executable: the limit, and what to look for.
fn stalled_message(target: &str, limit: Duration, evaluating: Option<&String>) -> String {
    let mut message = format!(
        "the build went {} s without progress, so it was stopped before `{target}` finished \
         compiling (the limit is `build_timeout_secs` in exercises.toml): does a constant or a \
         macro never finish evaluating, such as a `loop` in a `const` that never breaks, or a \
         macro that expands itself forever?",
        limit.as_secs()
    );
    if let Some(warning) = evaluating {
        message.push_str("\nThe compiler was still evaluating this constant:\n");
        message.push_str(warning);
    }
    message
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// Something that stops the build from running at all.
#[derive(Debug)]
pub enum CompileError {
    CargoMissing {
        cargo: String,
        source: std::io::Error,
    },
    Output(std::io::Error),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::CargoMissing { cargo, source } => write!(
                f,
                "cannot run `{cargo}`: {source}. Is Rust installed? Get it from https://rustup.rs, then open a new terminal"
            ),
            CompileError::Output(source) => write!(f, "failed to read cargo's output: {source}"),
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for CompileError {}

impl From<std::io::Error> for CompileError {
    fn from(source: std::io::Error) -> Self {
        CompileError::Output(source)
    }
}

/// The cargo to run: the one that started us (`cargo day 1` sets `CARGO`), else the one on PATH.
pub fn cargo_command() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Builds every test target of `packages` in the workspace at `root`.
///
/// The build is stopped when it goes `stall_limit` without progress (no line from cargo or the
/// compiler); what was built by then is in the output, and [`BuildOutput::why_not_built`] explains
/// the rest. `progress` receives cargo's status lines ("Compiling sysinfo v0.40.4") as they come,
/// so that a first build of the dependencies is never a silent minute.
pub fn build_tests(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    build_tests_sandboxed(root, packages, target_dir, stall_limit, progress, None)
}

/// [`build_tests`], with cargo and all it runs in `sandbox` (a submission's build), if given.
pub fn build_tests_sandboxed(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
    sandbox: SandboxUse<'_>,
) -> Result<BuildOutput, CompileError> {
    let place = Place {
        root,
        target_dir,
        sandbox,
    };
    run_cargo(
        place,
        &["build", "--tests"],
        packages,
        &[],
        Some(stall_limit),
        progress,
    )
}

/// Builds only the named test targets of `packages` (and what they need: the library, the binaries).
pub fn build_test_targets(
    root: &Path,
    packages: &[&str],
    targets: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    build_test_targets_sandboxed(
        root,
        packages,
        targets,
        target_dir,
        stall_limit,
        progress,
        None,
    )
}

/// [`build_test_targets`], with cargo and all it runs in `sandbox`, if given.
pub fn build_test_targets_sandboxed(
    root: &Path,
    packages: &[&str],
    targets: &[&str],
    target_dir: Option<&Path>,
    stall_limit: Duration,
    progress: &(dyn Fn(&str) + Sync),
    sandbox: SandboxUse<'_>,
) -> Result<BuildOutput, CompileError> {
    let mut command = vec!["build"];
    for target in targets {
        command.extend(["--test", target]);
    }
    let place = Place {
        root,
        target_dir,
        sandbox,
    };
    run_cargo(place, &command, packages, &[], Some(stall_limit), progress)
}

/// Runs clippy on every target of `packages` with warnings denied; its findings are the errors.
pub fn clippy(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    let deny = ["-D", "warnings"];
    let place = Place {
        root,
        target_dir,
        sandbox: None,
    };
    run_cargo(
        place,
        &["clippy", "--all-targets"],
        packages,
        &deny,
        None,
        progress,
    )
}

/// Where cargo runs: the workspace, its target folder (`None` for the workspace's own), and the
/// sandbox around it.
#[derive(Clone, Copy)]
struct Place<'a> {
    root: &'a Path,
    target_dir: Option<&'a Path>,
    sandbox: SandboxUse<'a>,
}

/// Runs `cargo <command> --keep-going` for `packages` and collects its JSON messages; stops cargo
/// and all it started when it goes `stall_limit` without printing anything.
fn run_cargo(
    place: Place<'_>,
    command_args: &[&str],
    packages: &[&str],
    rustc_args: &[&str],
    stall_limit: Option<Duration>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    let Place {
        root,
        target_dir,
        sandbox,
    } = place;
    let cargo = cargo_command();
    let mut command = Command::new(&cargo);
    command
        .current_dir(root)
        .args(command_args)
        .args(["--keep-going", "--message-format=json"])
        .args(packages.iter().flat_map(|p| ["--package", p]));
    if !rustc_args.is_empty() {
        command.arg("--").args(rustc_args);
    }
    if let Some(dir) = target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    if let Some((sandbox, scope)) = sandbox {
        command = sandbox.wrap(command, scope);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    process_tree::start_own_tree(&mut command);
    let mut child = crate::process::spawn_own(&mut command)
        .map_err(|source| CompileError::CargoMissing { cargo, source })?;
    let _registration = process_tree::register(&child);
    let events = spawn_readers(&mut child);

    let mut collected = Collected::new(progress);
    let mut last_progress = Instant::now();
    loop {
        let clock_runs = !collected.waiting_for_lock;
        let event = match stall_limit.filter(|_| clock_runs) {
            None => events.recv().ok(),
            Some(limit) => {
                match events.recv_timeout(limit.saturating_sub(last_progress.elapsed())) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Disconnected) => None,
                    Err(RecvTimeoutError::Timeout) => {
                        // Cargo may have finished while something it started holds its output.
                        let cargo_ended = matches!(child.try_wait(), Ok(Some(_)));
                        if !cargo_ended {
                            collected.output.stalled = Some(limit);
                        }
                        process_tree::stop(&mut child);
                        collected.drain(&events, READER_GRACE);
                        None
                    }
                }
            }
        };
        let Some(event) = event else { break };
        if collected.take(event) {
            last_progress = Instant::now();
        }
        if collected.read_error.is_some() {
            // Nothing more can be read, so nothing more could be graded: stop the build.
            process_tree::stop(&mut child);
            break;
        }
    }
    let status = child.wait()?;
    if let Some(error) = collected.read_error {
        return Err(CompileError::Output(error));
    }
    let mut output = collected.output;
    output.success = output.success && status.success() && output.stalled.is_none();
    if !output.success && output.first_errors.is_empty() {
        output.stderr_tail = collected.stderr_tail.into();
    }
    Ok(output)
}

/// Something cargo printed: a JSON message on stdout, or a line on stderr.
enum Event {
    Message(Message),
    Stderr(String),
    ReadFailed(std::io::Error),
}

/// Reads cargo's stdout and stderr on threads of their own, so that waiting for the next line never
/// holds up the clock. The channel closes when both streams have ended.
fn spawn_readers(child: &mut std::process::Child) -> Receiver<Event> {
    let (sender, receiver) = mpsc::channel();
    let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
    let stdout_sender = sender.clone();
    std::thread::spawn(move || {
        let mut stdout = stdout;
        let mut line = String::new();
        // Cargo's JSON is UTF-8: a line that is not is a failure to read it, as any other.
        loop {
            line.clear();
            let event = match stdout.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => Event::Message(Message::from_line(line.trim_end())),
                Err(error) => Event::ReadFailed(error),
            };
            let failed = matches!(event, Event::ReadFailed(_));
            if stdout_sender.send(event).is_err() || failed {
                break;
            }
        }
    });
    std::thread::spawn(move || {
        let mut stderr = stderr;
        let mut line = Vec::new();
        // Bytes, not `lines()`: a line that is not UTF-8 must not stop the reading (cargo would
        // then block on a full pipe).
        while stderr.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
            let text = String::from_utf8_lossy(&line).trim_end().to_owned();
            if sender.send(Event::Stderr(text)).is_err() {
                break;
            }
            line.clear();
        }
    });
    receiver
}

/// What has been received from cargo so far.
struct Collected<'a> {
    output: BuildOutput,
    stderr_tail: VecDeque<String>,
    /// Cargo said it waits for another cargo's lock, and has printed nothing since.
    waiting_for_lock: bool,
    read_error: Option<std::io::Error>,
    progress: &'a (dyn Fn(&str) + Sync),
}

impl<'a> Collected<'a> {
    fn new(progress: &'a (dyn Fn(&str) + Sync)) -> Self {
        Collected {
            output: BuildOutput::default(),
            stderr_tail: VecDeque::with_capacity(STDERR_TAIL_LINES),
            waiting_for_lock: false,
            read_error: None,
            progress,
        }
    }

    /// Records `event`; returns whether it was progress. rustc's warning that a constant's
    /// evaluation is taking a long time is not: it is the very thing the limit is for.
    fn take(&mut self, event: Event) -> bool {
        self.waiting_for_lock = false;
        match event {
            Event::Message(message) => {
                let still_evaluating =
                    matches!(&message, Message::CompilerMessage(m) if is_long_evaluation(m));
                record(&mut self.output, message);
                return !still_evaluating;
            }
            Event::Stderr(line) => {
                if !is_summary_of_errors(&line) {
                    (self.progress)(&line);
                }
                self.waiting_for_lock = line.trim_start().starts_with(WAITING_FOR_LOCK);
                if self.stderr_tail.len() == STDERR_TAIL_LINES {
                    self.stderr_tail.pop_front();
                }
                self.stderr_tail.push_back(line);
            }
            Event::ReadFailed(error) => self.read_error = Some(error),
        }
        true
    }

    /// Takes what is still on its way after cargo was stopped, for at most `grace`.
    fn drain(&mut self, events: &Receiver<Event>, grace: Duration) {
        let deadline = Instant::now() + grace;
        while let Ok(event) =
            events.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            let _ = self.take(event);
        }
    }
}

/// Stops every build that is running now, with everything it started: for a Ctrl-C handler.
///
/// On Unix each build runs in a process group of its own, which the terminal's Ctrl-C (sent to the
/// grader's group) no longer reaches, so whoever handles Ctrl-C calls this before exiting. On
/// Windows cargo gets Ctrl-C from the console itself, and this does nothing.
pub fn stop_running_builds() {
    process_tree::stop_all();
}

/// Stopping cargo with everything it started (rustc, build scripts, linkers): the OS-specific part.
mod process_tree {
    use std::collections::BTreeSet;
    use std::process::{Child, Command};
    use std::sync::Mutex;

    /// The process groups of the builds running now (Unix), for [`stop_all`].
    pub(super) static RUNNING: Mutex<BTreeSet<u32>> = Mutex::new(BTreeSet::new());

    /// Makes `command` start a tree that [`stop`] reaches whole: on Unix, a process group of its own.
    /// On Windows cargo puts itself and what it starts in a Job Object that ends with it.
    pub fn start_own_tree(command: &mut Command) {
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(command, 0);
        #[cfg(not(unix))]
        let _ = command;
    }

    /// A running build's tree, known to [`stop_all`] until this is dropped (after the wait).
    pub struct Registration(u32);

    pub fn register(child: &Child) -> Registration {
        if let Ok(mut running) = RUNNING.lock() {
            running.insert(child.id());
        }
        Registration(child.id())
    }

    impl Drop for Registration {
        fn drop(&mut self) {
            if let Ok(mut running) = RUNNING.lock() {
                running.remove(&self.0);
            }
        }
    }

    /// Kills `child` and what it started. A tree that already ended is no error.
    pub fn stop(child: &mut Child) {
        kill_tree(child.id());
        let _ = child.kill();
    }

    /// Kills every registered build's tree.
    pub fn stop_all() {
        if let Ok(running) = RUNNING.lock() {
            running.iter().copied().for_each(kill_tree);
        }
    }

    fn kill_tree(leader: u32) {
        #[cfg(unix)]
        {
            let group = i32::try_from(leader)
                .ok()
                .and_then(rustix::process::Pid::from_raw);
            if let Some(group) = group {
                let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
            }
        }
        #[cfg(not(unix))]
        let _ = leader;
    }
}

/// Whether `message` is rustc's warning that a constant's evaluation is taking a long time.
fn is_long_evaluation(message: &CompilerMessage) -> bool {
    message.message.is_warning() && message.message.message.contains(LONG_CONST_EVAL)
}

/// Cargo's closing lines about failed targets: the report explains those, target by target.
fn is_summary_of_errors(line: &str) -> bool {
    line.starts_with("error: could not compile") || line.starts_with("warning: build failed")
}

fn record(output: &mut BuildOutput, message: Message) {
    match message {
        Message::CompilerArtifact(artifact) if artifact.profile.test => {
            if let Some(executable) = artifact.executable {
                let key = (
                    crate_dir_of(&artifact.target.src_path),
                    artifact.target.name,
                );
                output.executables.insert(key, executable);
            }
        }
        // A library or binary of a workspace crate (a path dependency has a `path+file` id); a
        // build script's artifacts are left out: what it produces is in the library.
        Message::CompilerArtifact(artifact)
            if artifact.package_id.starts_with("path+")
                && !artifact.target.is_kind("custom-build") =>
        {
            let files = output
                .tested_code
                .entry(crate_dir_of(&artifact.target.src_path))
                .or_default();
            files.extend(artifact.filenames);
            files.sort();
            files.dedup();
        }
        Message::CompilerMessage(message) if is_long_evaluation(&message) => {
            let key = (
                crate_dir_of(&message.target.src_path),
                message.target.name.clone(),
            );
            if let Some(rendered) = &message.message.rendered {
                let warning = first_lines(&tidy_paths(rendered), MAX_ERROR_LINES);
                output.long_evaluations.insert(key, warning);
            }
        }
        Message::CompilerMessage(message) if message.message.is_error() => {
            let key = (
                crate_dir_of(&message.target.src_path),
                message.target.name.clone(),
            );
            if let Some(rendered) = &message.message.rendered
                && !output.first_errors.iter().any(|(k, _)| *k == key)
            {
                let error = first_lines(&tidy_paths(rendered), MAX_ERROR_LINES);
                let tested_code = !message.target.is_kind("test");
                if tested_code {
                    output
                        .broken_crates
                        .entry(key.0.clone())
                        .or_insert_with(|| error.clone());
                }
                output.first_errors.push((key, error));
            }
        }
        Message::BuildFinished { success } => output.success = success,
        _ => {}
    }
}

fn first_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    if lines.len() <= max {
        return lines.join("\n");
    }
    format!(
        "{}\n… ({} more lines: run `cargo test` in the crate's folder to see them all)",
        lines[..max].join("\n"),
        lines.len() - max
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(dir: &str, target: &str) -> TargetKey {
        (PathBuf::from(dir), target.to_owned())
    }

    /// A build stopped after 5 s: `fast` built, `broken` failed, `slow` and `other` not built.
    fn stalled_build() -> BuildOutput {
        let mut output = BuildOutput {
            stalled: Some(Duration::from_secs(5)),
            ..BuildOutput::default()
        };
        output
            .executables
            .insert(key("/day", "fast"), PathBuf::from("/bin/fast"));
        output.first_errors.push((
            key("/day", "broken"),
            "error[E0425]: cannot find `x`".into(),
        ));
        output.long_evaluations.insert(
            key("/day", "slow"),
            "warning: constant evaluation is taking a long time\n --> src/slow.rs:4:5".into(),
        );
        output
    }

    #[test]
    fn a_stalled_build_names_the_limit_for_each_target_it_did_not_build() {
        let output = stalled_build();
        let day = Path::new("/day");
        assert!(output.executable(day, "fast").is_some());
        assert_eq!(
            output.why_not_built(day, "broken"),
            "error[E0425]: cannot find `x`",
            "a target's own error comes first"
        );
        let slow = output.why_not_built(day, "slow");
        assert!(
            slow.starts_with(
                "the build went 5 s without progress, so it was stopped before `slow`"
            ),
            "{slow}"
        );
        assert!(slow.contains("build_timeout_secs"), "{slow}");
        assert!(slow.ends_with(" --> src/slow.rs:4:5"), "{slow}");
        // A target that waited for the stuck one is told where the build was stuck.
        let other = output.why_not_built(day, "other");
        assert!(other.contains("before `other` finished"), "{other}");
        assert!(other.contains("src/slow.rs:4:5"), "{other}");
    }

    #[test]
    fn a_build_that_was_not_stopped_explains_missing_targets_as_before() {
        let mut output = stalled_build();
        output.stalled = None;
        let day = Path::new("/day");
        // Skipped because something it depends on failed: that error is the one to fix.
        assert_eq!(
            output.why_not_built(day, "slow"),
            "error[E0425]: cannot find `x`"
        );
        output.first_errors.clear();
        assert!(
            output
                .why_not_built(day, "slow")
                .contains("is tests/slow.rs missing?")
        );
    }

    #[cfg(unix)]
    #[test]
    fn stopping_the_running_builds_kills_each_ones_process_group() {
        use std::os::unix::process::ExitStatusExt as _;
        use wait_timeout::ChildExt as _;

        let mut command = Command::new("sh");
        command.args(["-c", "sleep 300 & wait"]);
        process_tree::start_own_tree(&mut command);
        let mut child = command.spawn().expect("sh starts");
        let registration = process_tree::register(&child);
        let leader = child.id();
        assert!(process_tree::RUNNING.lock().unwrap().contains(&leader));
        stop_running_builds();
        // A guard against waiting out the sleep, should the stop not work.
        let status = child
            .wait_timeout(Duration::from_secs(60))
            .expect("wait for sh")
            .expect("sh was stopped");
        assert_eq!(status.signal(), Some(9), "killed: {status:?}");
        drop(registration);
        assert!(
            !process_tree::RUNNING.lock().unwrap().contains(&leader),
            "a build that ended is no longer registered"
        );
    }

    /// A compiler message as cargo prints it, for the target `slow` of the crate at `day`.
    fn compiler_message(day: &Path, level: &str, text: &str) -> Event {
        let json = serde_json::json!({
            "reason": "compiler-message",
            "package_id": "path+file:///day#day@0.1.0",
            "manifest_path": day.join("Cargo.toml"),
            "target": {
                "kind": ["test"], "crate_types": ["bin"], "name": "slow",
                "src_path": day.join("tests").join("slow.rs"), "edition": "2024",
                "doc": false, "doctest": false, "test": true
            },
            "message": {
                "rendered": format!("{level}: {text}\n --> tests/../src/slow.rs:4:5\n"),
                "children": [], "code": null, "level": level, "message": text, "spans": []
            }
        });
        let message = Message::from_line(&json.to_string());
        assert!(matches!(message, Message::CompilerMessage(_)), "{json}");
        Event::Message(message)
    }

    #[test]
    fn a_long_evaluation_warning_is_kept_but_is_no_progress() {
        let day = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(day.path().join("Cargo.toml"), "").unwrap();
        let mut collected = Collected::new(&|_| {});
        let text = "constant evaluation is taking a long time";
        let warning = compiler_message(day.path(), "warning", text);
        assert!(
            !collected.take(warning),
            "the warning does not restart the clock"
        );
        let key = (canonical(day.path()), "slow".to_owned());
        assert_eq!(
            collected
                .output
                .long_evaluations
                .get(&key)
                .map(String::as_str),
            Some("warning: constant evaluation is taking a long time\n --> src/slow.rs:4:5")
        );
        let other = compiler_message(day.path(), "warning", "unused variable: `x`");
        assert!(collected.take(other), "any other message is progress");
        assert!(collected.take(Event::Stderr("   Compiling day v0.1.0".into())));
        assert_eq!(collected.output.long_evaluations.len(), 1);
    }

    #[test]
    fn the_clock_stops_only_while_cargo_waits_for_a_lock() {
        let mut collected = Collected::new(&|_| {});
        collected.take(Event::Stderr(
            "    Blocking waiting for file lock on build directory".into(),
        ));
        assert!(collected.waiting_for_lock);
        collected.take(Event::Stderr("   Compiling day1 v0.1.0".into()));
        assert!(!collected.waiting_for_lock);
        assert_eq!(collected.stderr_tail.len(), 2);
    }

    #[test]
    fn a_compile_error_says_what_failed_and_its_cause_once() {
        let missing = CompileError::CargoMissing {
            cargo: "cargo".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "program not found"),
        };
        assert_eq!(
            missing.to_string(),
            "cannot run `cargo`: program not found. Is Rust installed? Get it from \
             https://rustup.rs, then open a new terminal"
        );
        assert!(
            std::error::Error::source(&missing).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
        let output = CompileError::from(std::io::Error::other("broken pipe"));
        assert!(matches!(output, CompileError::Output(_)));
        assert_eq!(
            output.to_string(),
            "failed to read cargo's output: broken pipe"
        );
        assert!(
            std::error::Error::source(&output).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
