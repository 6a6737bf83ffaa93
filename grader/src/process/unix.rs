//! Unix: each test leads a process group of its own, and the whole group is killed when it ends.
//!
//! Relies on POSIX process groups: `setpgid(0, 0)` in the child (std's `process_group(0)`), and
//! `kill(-pgid, sig)` reaching every member (rustix's `kill_process_group`). A process that starts a
//! new session (`setsid`) leaves the group; on Linux `linux.rs` finds it by its environment marker,
//! elsewhere it is out of reach (docs/GRADING.md lists this limit).

#[cfg(not(target_os = "linux"))]
use std::os::unix::process::CommandExt as _;
use std::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command, ExitStatus};
use std::time::Duration;

use rustix::process::{Pid, Signal, kill_process_group, test_kill_process_group};
use wait_timeout::ChildExt as _;

use super::Limits;

#[cfg(target_os = "linux")]
pub const PROTECTIONS: &str = "a process group per test, processes that leave it found by their \
    environment and stopped, memory, file-size and process-count limits";
#[cfg(not(target_os = "linux"))]
pub const PROTECTIONS: &str =
    "a process group per test (no memory, file-size or process-count limits on this system)";

pub struct Tree {
    child: Child,
    group: Option<Pid>,
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
    pub fn spawn(command: Command, limits: &Limits) -> std::io::Result<Tree> {
        #[cfg(target_os = "linux")]
        let mut command = super::linux::in_new_session(command);
        #[cfg(not(target_os = "linux"))]
        let mut command = {
            let mut command = command;
            command.process_group(0);
            command
        };
        let child = command.spawn()?;
        let group = Pid::from_child(&child);
        #[cfg(target_os = "linux")]
        super::linux::apply_limits(group, limits);
        #[cfg(not(target_os = "linux"))]
        let _ = limits;
        Ok(Tree {
            child,
            group: Some(group),
        })
    }

    pub fn take_stdin(&mut self) -> Option<ChildStdin> {
        self.child.stdin.take()
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
            // A group whose leader has been reaped may only hold zombies the init process reaps.
            self.group = None;
        }
        #[cfg(target_os = "linux")]
        {
            found |= super::linux::stop_marked(marker);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = marker;
        found
    }
}
