//! Runs one test of a test binary in its own process, with a time limit and capped output.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use crate::classify::{Exit, Verdict, classify};

/// How much of each output stream is kept (half from its start, half from its end); the rest is
/// read and dropped, so that a test printing megabytes floods neither the report nor the memory.
pub const OUTPUT_CAP_BYTES: usize = 64 * 1024;
/// How long the grader waits for a test binary to list its tests.
const LIST_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the output readers may linger after the process has ended (a grandchild may hold a pipe).
const READER_GRACE: Duration = Duration::from_secs(2);

/// Where and how a test binary runs: as `cargo test` would run it, from its package's folder.
#[derive(Debug, Clone)]
pub struct TestEnv {
    /// The package's folder: the working directory and `CARGO_MANIFEST_DIR`.
    pub package_dir: PathBuf,
    pub package_name: String,
}

/// A finished test run.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub verdict: Verdict,
    pub duration: Duration,
}

struct Captured {
    exit: Exit,
    stdout: String,
    stderr: String,
}

/// Lists the tests in `binary`, in libtest's order.
pub fn list_tests(binary: &Path, env: &TestEnv) -> Result<Vec<String>, String> {
    let mut command = base_command(binary, env);
    command.args(["--list", "--format", "terse"]);
    let captured = run_captured(command, LIST_TIMEOUT)
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    if captured.exit != Exit::Code(0) {
        return Err(format!(
            "the test binary could not list its tests ({:?}): {}",
            captured.exit,
            captured.stderr.trim()
        ));
    }
    Ok(captured
        .stdout
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_owned)
        .collect())
}

/// Runs the single test `name` of `binary` and classifies its result.
pub fn run_test(binary: &Path, name: &str, env: &TestEnv, timeout: Duration) -> RunOutcome {
    let started = Instant::now();
    let mut command = base_command(binary, env);
    command.args(["--exact", name, "--test-threads=1", "--color=never"]);
    let verdict = match run_captured(command, timeout) {
        Ok(captured) => classify(name, captured.exit, &captured.stdout, &captured.stderr),
        Err(e) => Verdict {
            status: crate::report::TestStatus::Crashed,
            message: Some(format!("the test binary could not be started: {e}")),
            location: None,
        },
    };
    RunOutcome {
        verdict,
        duration: started.elapsed(),
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
        .env_remove("INSTA_FORCE_PASS")
        .env_remove("TRYBUILD")
        .env_remove("RUST_TEST_THREADS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so that a timeout stops the test's children too.
        command.process_group(0);
    }
    command
}

fn run_captured(mut command: Command, timeout: Duration) -> std::io::Result<Captured> {
    let mut child = command.spawn()?;
    let stdout = spawn_reader(child.stdout.take().expect("stdout is piped"));
    let stderr = spawn_reader(child.stderr.take().expect("stderr is piped"));
    let exit = match child.wait_timeout(timeout)? {
        Some(status) => exit_of(status),
        None => {
            kill_group(&mut child);
            Exit::TimedOut(timeout.as_secs())
        }
    };
    Ok(Captured {
        exit,
        stdout: stdout.recv_timeout(READER_GRACE).unwrap_or_default(),
        stderr: stderr.recv_timeout(READER_GRACE).unwrap_or_default(),
    })
}

/// Reads `stream` to its end on a thread, keeping its first and last [`OUTPUT_CAP_BYTES`] / 2:
/// the start shows what the test printed, the end holds libtest's verdict and the panic message.
fn spawn_reader(mut stream: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let half = OUTPUT_CAP_BYTES / 2;
        let mut head = Vec::with_capacity(half);
        let mut tail = std::collections::VecDeque::with_capacity(half);
        let mut dropped = 0usize;
        let mut buffer = [0u8; 8192];
        while let Ok(n) = stream.read(&mut buffer) {
            if n == 0 {
                break;
            }
            let to_head = n.min(half - head.len());
            head.extend_from_slice(&buffer[..to_head]);
            for &byte in &buffer[to_head..n] {
                if tail.len() == half {
                    tail.pop_front();
                    dropped += 1;
                }
                tail.push_back(byte);
            }
        }
        let mut text = String::from_utf8_lossy(&head).into_owned();
        if dropped > 0 {
            text.push_str(&format!("\n… ({dropped} bytes of output left out) …\n"));
        }
        text.push_str(&String::from_utf8_lossy(tail.make_contiguous()));
        let _ = sender.send(text);
    });
    receiver
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

fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        // `kill -KILL -PGID` reaches the test's own children as well; std cannot signal a group.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}
