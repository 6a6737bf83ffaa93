//! Linux: resource limits on each test process, and a sweep for the processes it left behind.
//!
//! - Limits are set with `prlimit(2)` on the test's process right after it starts, before the grader
//!   hands it its secret (the harness waits for that before running any test code). Children inherit
//!   them. `RLIMIT_NPROC` counts all of the user's processes and threads, so the limit is what the
//!   user already runs plus a margin; it does not bind root.
//! - A process that left the test's process group (`setsid`) still carries the test's marker in its
//!   environment (`/proc/PID/environ`), where the sweep finds and kills it. One that clears its
//!   environment escapes; docs/GRADING.md lists this limit.

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, Once, OnceLock};

use rustix::process::{Pid, Resource, Rlimit, Signal, kill_process, prlimit};

use super::{Limits, RUN_MARKER_ENV};

/// Makes the grader not dumpable, once: then another process of the same user (a test) cannot read
/// the grader's memory through `/proc/PID/mem` or ptrace, where the secrets of running tests are,
/// nor open its pipes through `/proc/PID/fd`.
pub fn harden_grader() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ =
            rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
        // Orphans of the tests (a `setsid` child whose parent has exited, say) become the
        // grader's children instead of init's, where `stop_orphans` finds them.
        let _ = rustix::process::set_child_subreaper(Some(rustix::process::getpid()));
    });
}

/// The tests' own processes that are running now: the grader's children that are not orphans.
static RUNNING_TESTS: Mutex<BTreeSet<i32>> = Mutex::new(BTreeSet::new());

/// Starts `command` as a running test: no sweep can take it for an orphan while it starts.
pub fn spawn_tracked(command: &mut Command) -> std::io::Result<std::process::Child> {
    let mut running = RUNNING_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let child = command.spawn()?;
    running.insert(i32::try_from(child.id()).unwrap_or(i32::MAX));
    Ok(child)
}

/// The test `pid` has ended and been waited for.
pub fn untrack(pid: u32) {
    if let (Ok(pid), Ok(mut running)) = (i32::try_from(pid), RUNNING_TESTS.lock()) {
        running.remove(&pid);
    }
}

/// Kills every child of the grader that is not a running test, with everything below it: the
/// orphans that tests left (the grader is their subreaper), whatever their environment, session
/// or depth. Each round stops a whole subtree before killing it, so nothing in it can fork away;
/// the rounds go on until only running tests are left, for two seconds at most. True when there
/// was an orphan of the test run `marker` (its environment says so): with tests running side by
/// side, an orphan of another test is stopped too, but is no sign that this one left something.
pub fn stop_orphans(marker: Option<&str>) -> bool {
    let needle = marker.map(|m| format!("{RUN_MARKER_ENV}={m}\0"));
    let me = rustix::process::getpid().as_raw_nonzero().get();
    let my_group = rustix::process::getpgrp().as_raw_nonzero().get();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    let mut found = false;
    loop {
        let table = process_table();
        let running = RUNNING_TESTS.lock().map(|r| r.clone()).unwrap_or_default();
        let orphans: Vec<&Entry> = table
            .iter()
            .filter(|p| p.parent == me && !running.contains(&p.pid))
            .collect();
        if orphans.is_empty() || std::time::Instant::now() > deadline {
            return found;
        }
        found |= orphans.iter().any(|orphan| match &needle {
            None => true,
            Some(needle) => carries(&Path::new("/proc").join(orphan.pid.to_string()), needle),
        });
        let mut doomed: BTreeSet<i32> = orphans.iter().map(|p| p.pid).collect();
        loop {
            let before = doomed.len();
            let below: Vec<i32> = table
                .iter()
                .filter(|p| doomed.contains(&p.parent))
                .map(|p| p.pid)
                .collect();
            doomed.extend(below);
            if doomed.len() == before {
                break;
            }
        }
        let doomed: Vec<Pid> = doomed.into_iter().filter_map(Pid::from_raw).collect();
        for &pid in &doomed {
            let _ = kill_process(pid, Signal::STOP);
        }
        for &pid in &doomed {
            let _ = kill_process(pid, Signal::KILL);
        }
        for orphan in &orphans {
            if orphan.group != my_group
                && let Some(group) = Pid::from_raw(orphan.group)
            {
                let _ = rustix::process::kill_process_group(group, Signal::KILL);
            }
            if let Some(pid) = Pid::from_raw(orphan.pid) {
                let _ = rustix::process::waitpid(Some(pid), rustix::process::WaitOptions::empty());
            }
        }
    }
}

/// One process: its id, its parent's and its process group's.
struct Entry {
    pid: i32,
    parent: i32,
    group: i32,
}

/// Every process in `/proc`: its id and its folder there.
fn processes() -> impl Iterator<Item = (i32, PathBuf)> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse().ok()?, entry.path())))
}

/// Every process this user can see, from `/proc/PID/stat`.
fn process_table() -> Vec<Entry> {
    processes()
        .filter_map(|(pid, folder)| {
            let stat = std::fs::read_to_string(folder.join("stat")).ok()?;
            // `PID (COMMAND) STATE PPID PGRP …`: the command may hold spaces and parentheses.
            let mut fields = stat.get(stat.rfind(')')? + 1..)?.split_whitespace();
            let _state = fields.next()?;
            let parent: i32 = fields.next()?.parse().ok()?;
            let group: i32 = fields.next()?.parse().ok()?;
            Some(Entry { pid, parent, group })
        })
        .collect()
}

pub fn apply_limits(pid: Pid, limits: &Limits) {
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
    *TASKS.get_or_init(count_tasks_of_this_user)
}

/// How many processes and threads this user runs now: `RLIMIT_NPROC` counts them all.
pub(crate) fn count_tasks_of_this_user() -> u64 {
    let uid = rustix::process::getuid().as_raw().to_string();
    processes()
        .filter_map(|(_, folder)| std::fs::read_to_string(folder.join("status")).ok())
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
}

/// Makes the test binaries execute-only while they run, and restores their modes when dropped.
///
/// Linux makes a process that runs a binary its user cannot read not dumpable from its `execve`
/// on (proc(5), `PR_SET_DUMPABLE`): no other process of the same user can then open its stdin
/// through `/proc/PID/fd/0` and take the secret the grader writes there, nor read its memory. The
/// child is a copy of the grader (not dumpable either) until then, so there is no gap. Root
/// reads every file, so this protects nothing when grading as root.
pub struct ExecuteOnly(Vec<(PathBuf, u32)>);

impl ExecuteOnly {
    pub fn new(binaries: &[&Path]) -> ExecuteOnly {
        let mut changed = Vec::new();
        for binary in binaries {
            if let Ok(metadata) = std::fs::metadata(binary) {
                let mode = metadata.permissions().mode();
                if std::fs::set_permissions(binary, std::fs::Permissions::from_mode(0o111)).is_ok()
                {
                    changed.push((binary.to_path_buf(), mode));
                }
            }
        }
        ExecuteOnly(changed)
    }
}

impl Drop for ExecuteOnly {
    fn drop(&mut self) {
        for (binary, mode) in &self.0 {
            let _ = std::fs::set_permissions(
                binary,
                std::fs::Permissions::from_mode(restorable(*mode)),
            );
        }
    }
}

/// The mode to give back: the one found, unless that was already execute-only (another grading run
/// had it so at the time, and must not leave it that way for good: cargo could never write the
/// binary again).
fn restorable(mode: u32) -> u32 {
    if mode & 0o777 == 0o111 {
        (mode & !0o777) | 0o755
    } else {
        mode
    }
}

/// Gives back their usual mode to test binaries in `deps` that a grading run stopped before its end
/// (killed, or the machine went down) left execute-only: cargo cannot write over them otherwise
/// ("output file ... is not writeable").
pub fn repair_execute_only(deps: &Path) {
    let Ok(entries) = std::fs::read_dir(deps) else {
        return;
    };
    for entry in entries.flatten() {
        if let Ok(metadata) = entry.metadata()
            && metadata.is_file()
            && metadata.permissions().mode() & 0o777 == 0o111
        {
            let _ = std::fs::set_permissions(
                entry.path(),
                std::fs::Permissions::from_mode(restorable(metadata.permissions().mode())),
            );
        }
    }
}

/// Whether the process whose `/proc` folder is `folder` has `needle` (`NAME=value`) in its
/// environment. Only this user's processes are readable; zombies have no environment left.
fn carries(folder: &Path, needle: &str) -> bool {
    std::fs::read(folder.join("environ")).is_ok_and(|environ| {
        environ
            .windows(needle.len())
            .any(|window| window == needle.as_bytes())
    })
}

/// How a marker is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The whole value: one test's processes.
    Exact,
    /// The start of the value: every test of this grader.
    Prefix,
}

/// Kills every process whose environment carries `marker`; true when there was one.
pub fn stop_marked(marker: &str, matching: Match) -> bool {
    let needle = match matching {
        Match::Exact => format!("{RUN_MARKER_ENV}={marker}\0"),
        Match::Prefix => format!("{RUN_MARKER_ENV}={marker}"),
    };
    let me = rustix::process::getpid().as_raw_nonzero().get();
    let mut found = false;
    for (pid, folder) in processes().filter(|(pid, _)| *pid != me) {
        if carries(&folder, &needle)
            && let Some(pid) = Pid::from_raw(pid)
        {
            found = true;
            let _ = kill_process(pid, Signal::KILL);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_left_execute_only_is_made_writable_again() {
        let deps = tempfile::tempdir().expect("a temporary folder");
        let stuck = deps.path().join("ex1-0123");
        let library = deps.path().join("libserde-4567.rlib");
        std::fs::write(&stuck, b"binary").unwrap();
        std::fs::write(&library, b"library").unwrap();
        std::fs::set_permissions(&stuck, std::fs::Permissions::from_mode(0o111)).unwrap();
        std::fs::set_permissions(&library, std::fs::Permissions::from_mode(0o644)).unwrap();
        repair_execute_only(deps.path());
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&stuck), 0o755, "cargo can write over it again");
        assert_eq!(mode(&library), 0o644, "other files keep their mode");
    }

    #[test]
    fn two_runs_that_overlap_leave_no_binary_execute_only() {
        let deps = tempfile::tempdir().expect("a temporary folder");
        let binary = deps.path().join("ex1-0123");
        std::fs::write(&binary, b"binary").unwrap();
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
        let first = ExecuteOnly::new(&[&binary]);
        // The second run finds the binary execute-only already, and ends last.
        let second = ExecuteOnly::new(&[&binary]);
        drop(first);
        drop(second);
        let mode = std::fs::metadata(&binary).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
    }
}
