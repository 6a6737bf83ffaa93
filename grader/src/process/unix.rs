//! Unix: each test leads a process group of its own, and the whole group is killed when it ends.
//!
//! Relies on POSIX process groups: `setpgid(0, 0)` in the child (std's `process_group(0)`), and
//! `kill(-pgid, sig)` reaching every member (rustix's `kill_process_group`). A process that starts a
//! new session (`setsid`) leaves the group; on Linux `linux.rs` finds it by its environment marker,
//! elsewhere it is out of reach (docs/GRADING.md lists this limit).

use std::io::Write as _;
use std::net::Shutdown;
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt as _;
use std::process::{Child, ChildStderr, ChildStdout, Command, ExitStatus, Stdio};
use std::time::Duration;

use rustix::process::{Pid, Signal, kill_process_group, test_kill_process_group};
use wait_timeout::ChildExt as _;

use super::Limits;

#[cfg(target_os = "linux")]
pub const PROTECTIONS: &str = "a process group per test; every process a test leaves behind \
    stopped (subreaper, environment marker); memory, file-size and process-count limits; \
    execute-only test binaries; the secret over a socket";
#[cfg(not(target_os = "linux"))]
pub const PROTECTIONS: &str = "a process group per test; the secret over a socket (no memory, \
    file-size or process-count limits, and no sweep for processes that leave the group, on this \
    system)";

pub struct Tree {
    child: Child,
    group: Option<Pid>,
    /// Our end of the test's stdin: a socket, not a pipe. Another process can open a pipe of the
    /// test's through `/proc/PID/fd/0` and read what is written to it; a socket cannot be opened
    /// that way (proc(5)), so the secret reaches the test alone.
    stdin: Option<UnixStream>,
}

/// Kills one test's process group, from any thread.
pub struct Killer(Option<Pid>);

impl Killer {
    pub fn kill(&self) {
        if let Some(group) = self.0 {
            let _ = kill_process_group(group, Signal::KILL);
        }
    }
}

impl Tree {
    pub fn spawn(mut command: Command, limits: &Limits) -> std::io::Result<Tree> {
        // Before the first test starts: the child is a copy of the grader until it runs the test
        // binary, so it must not be dumpable either.
        #[cfg(target_os = "linux")]
        super::linux::harden_grader();
        command.process_group(0);
        let (ours, theirs) = UnixStream::pair()?;
        command.stdin(Stdio::from(OwnedFd::from(theirs)));
        #[cfg(target_os = "linux")]
        let child = super::linux::spawn_tracked(&mut command)?;
        #[cfg(not(target_os = "linux"))]
        let child = command.spawn()?;
        // The test's end, still held by `command`, is closed with it: then the test sees the end of
        // its input once ours is closed.
        drop(command);
        let group = Pid::from_child(&child);
        #[cfg(target_os = "linux")]
        super::linux::apply_limits(group, limits);
        #[cfg(not(target_os = "linux"))]
        let _ = limits;
        Ok(Tree {
            child,
            group: Some(group),
            stdin: Some(ours),
        })
    }

    /// Writes `text` (if any) to the test's stdin, then closes it.
    pub fn finish_stdin(&mut self, text: Option<&str>) {
        if let Some(mut stdin) = self.stdin.take() {
            if let Some(text) = text {
                // A binary that never reads it (not the harness) may be gone: that is its result.
                let _ = stdin.write_all(text.as_bytes());
            }
            let _ = stdin.shutdown(Shutdown::Both);
        }
    }

    pub fn take_stdout(&mut self) -> Option<ChildStdout> {
        self.child.stdout.take()
    }

    pub fn take_stderr(&mut self) -> Option<ChildStderr> {
        self.child.stderr.take()
    }

    pub fn killer(&self) -> Killer {
        Killer(self.group)
    }

    pub fn wait_timeout(&mut self, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
        self.child.wait_timeout(timeout)
    }

    /// Kills what is left of the tree; true when something of it was still running.
    pub fn stop_tree(&mut self, marker: &str) -> bool {
        let mut found = false;
        if let Some(group) = self.group {
            // The leader may still run (a timeout), or have left members behind.
            let leader_running = matches!(self.child.try_wait(), Ok(None));
            if leader_running || test_kill_process_group(group).is_ok() {
                found = !leader_running;
                let _ = kill_process_group(group, Signal::KILL);
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
            #[cfg(target_os = "linux")]
            super::linux::untrack(self.child.id());
            // A group whose leader has been reaped may only hold zombies the init process reaps.
            self.group = None;
        }
        #[cfg(target_os = "linux")]
        {
            found |= super::linux::stop_marked(marker, super::linux::Match::Exact);
            found |= super::linux::stop_orphans(Some(marker));
        }
        #[cfg(not(target_os = "linux"))]
        let _ = marker;
        found
    }
}

/// Runs `handler` on a thread of its own at each SIGINT (Ctrl-C), SIGTERM or SIGHUP (the terminal
/// closed). signal-hook's iterator does the only thing a signal handler may do, write to a pipe;
/// the handler runs outside the signal's context, so it may lock, print and start processes.
pub fn on_interrupt(handler: impl Fn() + Send + 'static) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("interrupt".to_owned())
        .spawn(move || {
            for _ in signals.forever() {
                handler();
            }
        });
}

/// Sends SIGTERM to `pid`: a grader run in this one's place, which ends as on Ctrl-C.
pub fn pass_on_interrupt(pid: u32) {
    if let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) {
        let _ = rustix::process::kill_process(pid, Signal::TERM);
    }
}
