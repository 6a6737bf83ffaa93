//! Linux: resource limits on each test process, and a sweep for the processes it left behind.
//!
//! - Limits are set with `prlimit(2)` on the test's process right after it starts, before the grader
//!   hands it its secret (the harness waits for that before running any test code). Children inherit
//!   them. `RLIMIT_NPROC` counts all of the user's processes and threads, so the limit is what the
//!   user already runs plus a margin; it does not bind root.
//! - A process that left the test's process group (`setsid`) still carries the test's marker in its
//!   environment (`/proc/PID/environ`), where the sweep finds and kills it. One that clears its
//!   environment escapes; docs/GRADING.md lists this limit.

use std::process::{Command, Stdio};
use std::sync::{Once, OnceLock};

use rustix::process::{Pid, Resource, Rlimit, Signal, kill_process, prlimit};

use super::{Limits, RUN_MARKER_ENV};

/// Where util-linux's `setsid` is, if it is installed.
const SETSID: &str = "/usr/bin/setsid";

/// The test `command`, to be started in a session of its own: without a controlling terminal, so
/// that it cannot write to the learner's terminal (`/dev/tty`) past the grader's escaping, and as
/// the leader of its own process group. `setsid` calls `setsid(2)` and then runs the test in the
/// same process (it forks only when it already leads a group, which a fresh child does not). Where
/// `setsid` is missing, the test gets a process group of its own and keeps the terminal.
/// The stdio of the result is piped, as every test's is.
pub fn in_new_session(mut command: Command) -> Command {
    use std::os::unix::process::CommandExt as _;
    if !std::path::Path::new(SETSID).is_file() {
        command.process_group(0);
        return command;
    }
    let mut wrapped = Command::new(SETSID);
    wrapped
        .arg("--")
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        wrapped.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => wrapped.env(key, value),
            None => wrapped.env_remove(key),
        };
    }
    wrapped
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    wrapped
}

/// Makes the grader not dumpable, once: then another process of the same user (a test) cannot read
/// the grader's memory through `/proc/PID/mem` or ptrace, where the secrets of running tests are.
fn harden_grader() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ =
            rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
    });
}

pub fn apply_limits(pid: Pid, limits: &Limits) {
    harden_grader();
    let set = |resource, bytes: u64| {
        let limit = Rlimit {
            current: Some(bytes),
            maximum: Some(bytes),
        };
        let _ = prlimit(Some(pid), resource, limit);
    };
    set(Resource::As, limits.memory_bytes);
    set(Resource::Fsize, limits.file_size_bytes);
    set(
        Resource::Nproc,
        tasks_of_this_user().saturating_add(limits.extra_processes),
    );
}

/// How many processes and threads this user runs now, counted once per grader run.
fn tasks_of_this_user() -> u64 {
    static TASKS: OnceLock<u64> = OnceLock::new();
    *TASKS.get_or_init(|| {
        let uid = rustix::process::getuid().as_raw().to_string();
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return 0;
        };
        entries
            .flatten()
            .filter_map(|entry| std::fs::read_to_string(entry.path().join("status")).ok())
            .filter(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("Uid:"))
                    .and_then(|ids| ids.split_whitespace().next())
                    == Some(uid.as_str())
            })
            .filter_map(|status| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix("Threads:"))
                    .and_then(|n| n.trim().parse::<u64>().ok())
            })
            .sum()
    })
}

/// Kills every process whose environment carries `marker`; true when there was one.
pub fn stop_marked(marker: &str) -> bool {
    let needle = format!("{RUN_MARKER_ENV}={marker}\0");
    let me = std::process::id();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return false;
    };
    let mut found = false;
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|name| name.parse::<u32>().ok())
            .filter(|&pid| pid != me)
        else {
            continue;
        };
        // Only this user's processes are readable; zombies have no environment left.
        let Ok(environ) = std::fs::read(entry.path().join("environ")) else {
            continue;
        };
        if environ
            .windows(needle.len())
            .any(|window| window == needle.as_bytes())
            && let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw)
        {
            found = true;
            let _ = kill_process(pid, Signal::KILL);
        }
    }
    found
}
