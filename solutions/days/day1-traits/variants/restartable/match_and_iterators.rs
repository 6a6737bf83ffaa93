//! # Exercise 3: a `Restartable` protocol (alternative solution)
//!
//! Another learner's style: `match` on the state, `if let` for the pid, and an iterator that
//! restarts as it counts.

/// What a restartable thing reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Running,
    /// Up, but not fully: some connections are closed, some replicas are down.
    Degraded,
    Stopped,
}

/// Given: the protocol.
pub trait Restartable {
    /// Stops (if running) and starts again. A restart that works leaves the status `Running`.
    fn restart(&mut self);
    /// The current status.
    fn status(&self) -> Status;
}

// ---------------------------------------------------------------------------------------------
// Three unrelated types (given), and their impls.
// ---------------------------------------------------------------------------------------------

/// A systemd-like service: running while it has a pid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub name: String,
    pub pid: Option<u32>,
}

impl Service {
    /// A stopped service.
    pub fn new(name: impl Into<String>) -> Self {
        Service {
            name: name.into(),
            pid: None,
        }
    }
}

/// A container: counts its restarts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Container {
    pub id: String,
    pub running: bool,
    pub restart_count: u32,
}

impl Container {
    /// A running container that has never been restarted.
    pub fn new(id: impl Into<String>) -> Self {
        Container {
            id: id.into(),
            running: true,
            restart_count: 0,
        }
    }
}

/// A pool of connections: running while every connection is open (so a pool of size 0 is
/// running), degraded while some are, stopped when none of its connections is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionPool {
    pub size: usize,
    pub open: usize,
}

impl ConnectionPool {
    /// A pool with all `size` connections open.
    pub fn new(size: usize) -> Self {
        ConnectionPool { size, open: size }
    }
}

impl Restartable for Service {
    /// A restart gives the service a new pid: the old one plus one, or 1000 for the first start.
    fn restart(&mut self) {
        let next = match self.pid {
            Some(pid) => pid + 1,
            None => 1000,
        };
        self.pid = Some(next);
    }

    fn status(&self) -> Status {
        match self.pid {
            Some(_) => Status::Running,
            None => Status::Stopped,
        }
    }
}

impl Restartable for Container {
    /// A restart runs the container and counts one more restart.
    fn restart(&mut self) {
        self.restart_count = self.restart_count.saturating_add(1);
        self.running = true;
    }

    fn status(&self) -> Status {
        [Status::Stopped, Status::Running][usize::from(self.running)]
    }
}

impl Restartable for ConnectionPool {
    /// A restart reopens every connection.
    fn restart(&mut self) {
        self.open = self.size;
    }

    fn status(&self) -> Status {
        match self.open {
            open if open >= self.size => Status::Running,
            0 => Status::Stopped,
            _ => Status::Degraded,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Functions over any Restartable.
// ---------------------------------------------------------------------------------------------

/// Restarts anything `Restartable` and returns the status it reports afterwards (ask it: a
/// restart can fail).
pub fn restart<T: Restartable>(item: &mut T) -> Status {
    item.restart();
    item.status()
}

/// Restarts, in order, the items that are not running; leaves the running ones alone.
/// Returns how many it restarted.
pub fn restart_stopped(items: &mut [&mut dyn Restartable]) -> usize {
    items
        .iter_mut()
        .filter(|item| !matches!(item.status(), Status::Running))
        .fold(0, |restarted, item| {
            item.restart();
            restarted + 1
        })
}
