//! # Exercise 3: a `Restartable` protocol
//!
//! ## The Python original (seed, Day 1)
//!
//! ```python
//! @runtime_checkable
//! class Checkable(Protocol):
//!     def check(self) -> bool: ...
//!     def name(self) -> str: ...
//!
//! class CPUCheck:                        # doesn't inherit from anything
//!     def check(self) -> bool: return True
//!     def name(self) -> str: return "CPU Usage"
//!
//! print(isinstance(CPUCheck(), Checkable))   # True: it has check() and name()
//! ```
//!
//! Exercise 3 asks for a `Restartable` protocol (`restart()`, `status()`), three classes that
//! implement it without inheriting, a function that restarts any `Restartable`, and a check with
//! `isinstance()`. Keep the seed's `@runtime_checkable`: `isinstance` on a Protocol without it
//! raises `TypeError`. With it, Python checks only that methods of those names exist, not their
//! signatures.
//!
//! ## The Rust idea
//!
//! Rust's traits are **nominal**, not structural: a type is `Restartable` because someone wrote
//! `impl Restartable for Service`, never because it happens to have methods with the right names.
//! What Rust does share with Protocols is that nothing inherits: `Service`, `Container` and
//! `ConnectionPool` have nothing in common but the trait, and the impl can live anywhere (even
//! for a type from another crate), not in the class statement.
//!
//! `isinstance` becomes a **generic bound**: `fn restart<T: Restartable>(item: &mut T)` accepts
//! only types that implement the trait, and the compiler checks every call, before the program
//! runs (tests/ui/ex3_not_restartable.rs proves it). `&mut dyn Restartable` is the same idea at
//! run time: a list of different types behind one trait, like the seed's list of checks.
//!
//! ## Your task
//!
//! 1. The three impls (the trait and the types are given). After `restart()`, `status()` must be
//!    `Running`. Each type keeps its own state:
//!    - `Service`: running while it has a pid. A restart gives it a new pid: the old pid plus
//!      one, or 1000 if it had none.
//!    - `Container`: a restart sets `running` and adds one to `restart_count`.
//!    - `ConnectionPool`: `Running` when all `size` connections are open, `Stopped` when none
//!      is, `Degraded` in between. A restart reopens them all. A pool of size 0 has all of its
//!      (zero) connections open: it is `Running`, as a restart must leave it.
//! 2. `restart`: add the bound `T: Restartable` (your `isinstance`), restart the item, and return
//!    the status the item reports afterwards. Ask it with `status()`: a restart can fail (a
//!    service that crashes on start stays `Stopped`), and the caller must see that.
//! 3. `restart_stopped`: restart, in order, every item that is not `Running` (a degraded pool
//!    needs a restart too) and leave the running ones alone; return how many you restarted.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 10.2 Traits as parameters and trait bounds: <https://doc.rust-lang.org/book/ch10-02-traits.html#traits-as-parameters>
//! - The Rust Book, ch. 18.2 Trait Objects (dyn Trait): <https://doc.rust-lang.org/book/ch18-02-trait-objects.html>
//! - The Rust Reference, trait and lifetime bounds: <https://doc.rust-lang.org/reference/trait-bounds.html>
//! - The Rust Reference, trait objects: <https://doc.rust-lang.org/reference/types/trait-object.html>
//!
//! Run the tests with `cargo day 1`; stuck? `cargo hint 1 restartable`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

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
// Three unrelated types (given), and their impls (yours).
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
            Some(old) => old + 1,
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
        self.restart_count += 1;
        self.running = true;
    }

    fn status(&self) -> Status {
        if self.running {
            Status::Running
        } else {
            Status::Stopped
        }
    }
}

impl Restartable for ConnectionPool {
    /// A restart reopens every connection.
    fn restart(&mut self) {
        self.open = self.size;
    }

    fn status(&self) -> Status {
        match (self.open, self.size) {
            (o, s) if o >= s => Status::Running,
            (0, _) => Status::Stopped,
            _ => Status::Degraded,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Functions over any Restartable.
// ---------------------------------------------------------------------------------------------

/// Restarts anything `Restartable` and returns the status it reports afterwards (ask it: a
/// restart can fail).
// TODO: bound `T` by `Restartable` (`<T: Restartable>`): only restartable things may come in.
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
    items
        .iter_mut()
        .filter(|item| item.status() != Status::Running)
        .map(|item| item.restart())
        .count()
}
