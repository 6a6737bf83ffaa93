//! Stopping cargo with everything it started (rustc, build scripts, linkers): the OS-specific part.

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

#[cfg(all(test, unix))]
mod tests {
    use std::process::Command;
    use std::time::Duration;

    use crate::compile::{process_tree, stop_running_builds};

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
}
