//! Runs one test of a test binary in its own contained process, with a time limit and capped output,
//! and reads its result from the channel its target reports through.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use workbook_harness::protocol::{RESULT_FILE_ENV, TestReport};

use crate::capture::{CapturedOutput, spawn_capture};
use crate::classify::{Exit, Verdict, classify_harness, classify_libtest};
use crate::process::{Contained, Limits};
use crate::sandbox::{Sandbox, Scope};

/// How much of each output stream is kept (half from its start, half from its end); the rest is
/// read and dropped, so that a test printing megabytes floods neither the report nor the memory.
pub const OUTPUT_CAP_BYTES: usize = 64 * 1024;
/// How long the grader waits for a test binary to list its tests.
const LIST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long, in all, the output readers may take after the test's tree has been stopped (a
/// process out of the grader's reach may still hold a pipe open).
const READER_GRACE: Duration = Duration::from_secs(1);

/// How a test target reports its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// The canonical tests: `workbook-harness` writes a result carrying the run's secret.
    Harness,
    /// The learner's own tests, under libtest: read from what libtest prints. Learner code can
    /// print the same, but these tests are the learner's to write anyway.
    Libtest,
}

/// Where and how a test binary runs: as `cargo test` would run it, from its package's folder.
#[derive(Debug, Clone)]
pub struct TestEnv {
    /// The package's folder: the working directory and `CARGO_MANIFEST_DIR`.
    pub package_dir: PathBuf,
    pub package_name: String,
    /// A private folder for the result files, outside the workbook.
    pub scratch: PathBuf,
    pub limits: Limits,
    /// The sandbox the test runs in, and what it may touch (a submission's); `None` for none.
    pub sandbox: Option<(Sandbox, Scope)>,
    /// `CARGO_TARGET_DIR` for a test that runs cargo itself (trybuild), when it must not be the
    /// grader's own (a sandboxed test can write only to the build folder of its scope).
    pub cargo_target_dir: Option<PathBuf>,
}

/// A finished test run.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub verdict: Verdict,
    pub duration: Duration,
}

/// Lists the tests in `binary`, in its order. No test code runs while a binary lists its tests.
pub fn list_tests(binary: &Path, env: &TestEnv) -> Result<Vec<String>, String> {
    let mut command = base_command(binary, env);
    command.args(["--list", "--format", "terse"]);
    let ran = run_contained(command, env, None, LIST_TIMEOUT)
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    if ran.exit != Exit::Code(0) {
        return Err(format!(
            "the test binary could not list its tests ({:?}): {}",
            ran.exit,
            ran.stderr.to_text().trim()
        ));
    }
    let mut names = Vec::new();
    for line in ran
        .stdout
        .to_text()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        match line.strip_suffix(": test") {
            Some(name) => names.push(name.to_owned()),
            // libtest lists benchmarks too; anything else is not a listing this grader knows.
            None if line.ends_with(": benchmark") => {}
            None => return Err(format!("unexpected line in the test list: {line:?}")),
        }
    }
    Ok(names)
}

/// Runs the single test `name` of `binary` and classifies its result.
pub fn run_test(
    binary: &Path,
    name: &str,
    env: &TestEnv,
    timeout: Duration,
    protocol: Protocol,
) -> RunOutcome {
    let started = Instant::now();
    let mut command = base_command(binary, env);
    command.args(["--exact", name, "--test-threads=1", "--color=never"]);
    let verdict = match protocol {
        Protocol::Harness => run_harness_test(command, name, env, timeout),
        Protocol::Libtest => match run_contained(command, env, None, timeout) {
            Ok(ran) => ran.noted(classify_libtest(
                name,
                ran.exit,
                &ran.stdout.to_text(),
                &ran.stderr.to_text(),
            )),
            Err(e) => cannot_start(&e),
        },
    };
    RunOutcome {
        verdict,
        duration: started.elapsed(),
    }
}

fn run_harness_test(mut command: Command, name: &str, env: &TestEnv, timeout: Duration) -> Verdict {
    static NEXT_RESULT: AtomicU64 = AtomicU64::new(0);
    let result_file = env.scratch.join(format!(
        "{}.result",
        NEXT_RESULT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_file(&result_file);
    command.env(RESULT_FILE_ENV, &result_file);
    let secret = new_secret();
    let ran = match run_contained(command, env, Some(&secret), timeout) {
        Ok(ran) => ran,
        Err(e) => return cannot_start(&e),
    };
    let report = read_result(&result_file);
    let _ = std::fs::remove_file(&result_file);
    ran.noted(classify_harness(
        name,
        &secret,
        ran.exit,
        report,
        &ran.stdout.to_text(),
        &ran.stderr.to_text(),
    ))
}

/// The largest result file read: a harness's result is a few lines and a capped message.
const MAX_RESULT_BYTES: u64 = 1 << 20;

/// Reads the result file the test left, if any. The code under test could have put anything in its
/// place: only a regular file is opened (a FIFO would block the grader, a link could point
/// anywhere), and no more than [`MAX_RESULT_BYTES`] of it is read.
fn read_result(path: &Path) -> Option<Result<TestReport, String>> {
    use std::io::Read as _;
    let metadata = std::fs::symlink_metadata(path).ok()?;
    if !metadata.file_type().is_file() {
        return Some(Err("the result is not a regular file".to_owned()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(MAX_RESULT_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(TestReport::parse(&String::from_utf8_lossy(&bytes)))
}

fn cannot_start(error: &std::io::Error) -> Verdict {
    Verdict {
        status: crate::report::TestStatus::Crashed,
        message: Some(format!("the test binary could not be started: {error}")),
        location: None,
        note: None,
        explanation: None,
    }
}

fn base_command(binary: &Path, env: &TestEnv) -> Command {
    let mut command = Command::new(binary);
    command
        .current_dir(&env.package_dir)
        .env("CARGO_MANIFEST_DIR", &env.package_dir)
        .env("CARGO_PKG_NAME", &env.package_name)
        .env("CARGO", crate::compile::cargo_command())
        // A learner's report should not drown in backtraces.
        .env("RUST_BACKTRACE", "0")
        // Grading never writes into the learner's folder: no `.snap.new` files from insta, and no
        // rewritten trybuild expectations, whatever the learner's shell has set.
        .env("INSTA_UPDATE", "no")
        // Set, not only removed: insta reads a settings file (`.insta.yaml`) where the
        // environment says nothing, and a test could write one that passes every snapshot.
        .env("INSTA_FORCE_PASS", "0")
        .env_remove("TRYBUILD")
        .env_remove("RUST_TEST_THREADS")
        // A result must not depend on the learner's shell: under NO_COLOR tracing-subscriber's fmt
        // layer leaves colours off by default, which would hide a missing `.with_ansi(false)`
        // (Day 5) on one machine and not on another.
        .env_remove("NO_COLOR")
        .env_remove(RESULT_FILE_ENV);
    if let Some(dir) = &env.cargo_target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    command
}

/// Runs `command` contained, hands it `secret` on stdin (then closes stdin), waits at most
/// `timeout`, stops whatever it left running, and returns how it ended with what it printed.
fn run_contained(
    command: Command,
    env: &TestEnv,
    secret: Option<&str>,
    timeout: Duration,
) -> std::io::Result<Ran> {
    let mut command = match &env.sandbox {
        Some((sandbox, scope)) => sandbox.wrap(command, scope),
        None => command,
    };
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut tree = Contained::spawn(command, &env.limits)?;
    let stdout = spawn_capture(
        tree.take_stdout().expect("stdout is piped"),
        OUTPUT_CAP_BYTES,
    );
    let stderr = spawn_capture(
        tree.take_stderr().expect("stderr is piped"),
        OUTPUT_CAP_BYTES,
    );
    // The test reads the secret (if any), then the end of its input.
    tree.finish_stdin(secret.map(|s| format!("{s}\n")).as_deref());
    let exit = match tree.wait_timeout(timeout)? {
        Some(status) => exit_of(status),
        None => Exit::TimedOut(timeout.as_secs()),
    };
    let leftovers = tree.stop_tree();
    let deadline = Instant::now() + READER_GRACE;
    let collect = |receiver: mpsc::Receiver<CapturedOutput>| {
        let wait = deadline.saturating_duration_since(Instant::now());
        receiver.recv_timeout(wait).unwrap_or_default()
    };
    let stdout = collect(stdout);
    let stderr = collect(stderr);
    Ok(Ran {
        exit,
        stdout,
        stderr,
        left_processes: leftovers.stopped_processes,
    })
}

/// How a contained run ended, and what it printed.
struct Ran {
    exit: Exit,
    stdout: CapturedOutput,
    stderr: CapturedOutput,
    /// It left processes running after its own process ended; they were stopped.
    left_processes: bool,
}

impl Ran {
    /// The verdict, with a note when the run left processes behind.
    fn noted(&self, mut verdict: Verdict) -> Verdict {
        if self.left_processes && verdict.status != crate::report::TestStatus::TimedOut {
            verdict.note = Some("left a process running after it ended; it was stopped".to_owned());
        }
        verdict
    }
}

/// 128 bits that no test can predict: two SipHash outputs under keys std draws from the OS's
/// random source (`RandomState`), over a counter, the time and the process id.
fn new_secret() -> String {
    use std::hash::{BuildHasher as _, RandomState};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let time = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let input = (count, time, std::process::id());
    format!(
        "{:016x}{:016x}",
        RandomState::new().hash_one(input),
        RandomState::new().hash_one((input, 1u8))
    )
}

fn exit_of(status: std::process::ExitStatus) -> Exit {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return Exit::Signal(signal);
        }
    }
    Exit::Code(status.code().unwrap_or(-1))
}

#[cfg(test)]
mod tests {
    use super::new_secret;

    #[test]
    fn insta_cannot_be_told_to_pass_by_a_settings_file() {
        let env = super::TestEnv {
            package_dir: ".".into(),
            package_name: "p".into(),
            scratch: ".".into(),
            limits: crate::process::Limits::default(),
            sandbox: None,
            cargo_target_dir: None,
        };
        let command = super::base_command(std::path::Path::new("t"), &env);
        let value = |key: &str| {
            command
                .get_envs()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.map(|v| v.to_string_lossy().into_owned()))
        };
        // insta prefers the environment to `.insta.yaml`: set, not merely unset.
        assert_eq!(value("INSTA_FORCE_PASS").as_deref(), Some("0"));
        assert_eq!(value("INSTA_UPDATE").as_deref(), Some("no"));
    }

    #[test]
    fn secrets_are_long_and_never_repeat() {
        let secrets: std::collections::BTreeSet<String> = (0..1000).map(|_| new_secret()).collect();
        assert_eq!(secrets.len(), 1000);
        assert!(secrets.iter().all(|s| s.len() == 32));
    }
}
