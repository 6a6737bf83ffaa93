//! # Exercise 3: a `Restartable` protocol (alternative solution)
//!
//! Another learner's layout: the bound written as `where T: Restartable + ?Sized`, the
//! `ConnectionPool` impl placed first, above the types it does not need, and a `while` loop.

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

impl Restartable for ConnectionPool {
    /// A restart reopens every connection.
    fn restart(&mut self) {
        self.open = self.size;
    }

    fn status(&self) -> Status {
        if self.open == self.size {
            Status::Running
        } else if self.open == 0 {
            Status::Stopped
        } else {
            Status::Degraded
        }
    }
}

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
        self.pid = Some(self.pid.map_or(1000, |pid| pid + 1));
    }

    fn status(&self) -> Status {
        if self.pid.is_some() {
            Status::Running
        } else {
            Status::Stopped
        }
    }
}

impl Restartable for Container {
    /// A restart runs the container and counts one more restart.
    fn restart(&mut self) {
        self.running = true;
        self.restart_count += 1;
    }

    fn status(&self) -> Status {
        if self.running {
            Status::Running
        } else {
            Status::Stopped
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Functions over any Restartable.
// ---------------------------------------------------------------------------------------------

/// Restarts anything `Restartable` and returns the status it reports afterwards (ask it: a
/// restart can fail).
pub fn restart<T>(item: &mut T) -> Status
where
    T: Restartable + ?Sized,
{
    item.restart();
    item.status()
}

/// Restarts, in order, the items that are not running; leaves the running ones alone.
/// Returns how many it restarted.
pub fn restart_stopped(items: &mut [&mut dyn Restartable]) -> usize {
    let mut restarted = 0;
    let mut i = 0;
    while i < items.len() {
        if items[i].status() != Status::Running {
            restart(&mut *items[i]);
            restarted += 1;
        }
        i += 1;
    }
    restarted
}
