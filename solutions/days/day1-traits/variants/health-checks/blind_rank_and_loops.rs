//! # Exercise 1: a health-check framework
//!
//! ## The Python original (seed, Day 1)
//!
//! ```python
//! class HealthChecker(ABC):
//!     @abstractmethod
//!     def check(self): ...          # must return True/False
//!     @abstractmethod
//!     def name(self): ...
//!
//!     def run(self):                # concrete: shared by all subclasses
//!         result = self.check()
//!         print(f"[{'PASS' if result else 'FAIL'}] {self.name()}")
//!         return result
//!
//! class DiskCheck(HealthChecker):
//!     def check(self):
//!         usage = shutil.disk_usage("/")
//!         return (usage.used / usage.total) * 100 < self.threshold
//! ```
//!
//! Exercise 1 asks for an abstract `HealthCheck` with `check()`, `name()` and `severity()`;
//! `DiskCheck`, `MemoryCheck`, `ProcessCheck` (and the seed's `PortCheck`); and a `HealthRunner`
//! that runs them all and reports.
//!
//! ## The Rust idea
//!
//! An ABC is a **trait**. An `@abstractmethod` is a *required* method: a signature ending in `;`,
//! no body. A concrete method of the ABC is a *provided* (default) method: it has a body and may
//! call the required ones. A type that leaves out a required method does not compile (error
//! E0046), so Python's "Can't instantiate abstract class" arrives at build time, not at 3 AM.
//! (The seed says ABCs catch a forgotten method "at class creation time". They do not: Python
//! defines `class Broken(HealthChecker)` without a word and raises `TypeError` only when
//! something calls `Broken()`, at instantiation, which may be the first time the check runs.)
//! The runner holds "any check" as `Box<dyn HealthCheck>`: a trait object, the list of
//! `HealthChecker`s in the seed.
//!
//! The checks read the machine through the small trait `SystemReadings` (given below):
//! `LiveSystem` reads the real machine through sysinfo, `FixedReadings` answers from fixed values
//! so that the tests are deterministic. The checks' logic is yours.
//!
//! ## Your task
//!
//! 1. `Severity`: make severities comparable, `Info < Warning < Critical`.
//! 2. `HealthCheck`: turn `check`, `name` and `severity` into **required** methods (remove their
//!    bodies, end them with `;`), keep their signatures, and write the provided method `run`:
//!    it calls `check()` exactly once and returns a `CheckOutcome`. Also write `CheckOutcome`'s
//!    `Display`: `[PASS] <name>` or `[FAIL] <name>`, like the seed's `run()` prints, on one line
//!    with no newline of its own (`write!`, not `writeln!`): the report's `Display` (given) puts
//!    each outcome on its own line.
//! 3. The checks. A reading passes while it is **strictly below** the threshold, as in the seed
//!    (`pct < self.threshold`): a disk exactly 90.0% full fails a check with threshold 90.0. A
//!    reading that cannot be taken (`None`) fails. A check's `name()` says what it checks (the
//!    mount point, the process name, `host:port`); `severity()` is the one it was built with.
//!    - `DiskCheck`: `disk_used_percent(mount_point)` below `max_used_percent`.
//!    - `MemoryCheck`: `memory_used_percent()` below `max_used_percent`.
//!    - `ProcessCheck`: `process_running(process)`.
//!    - `PortCheck`: a TCP connection to `host:port` opens within the check's own `timeout`.
//!      Resolve the host (`(host, port).to_socket_addrs()`; "localhost" may give both `::1` and
//!      `127.0.0.1`), try each address with `TcpStream::connect_timeout(&address, self.timeout)`,
//!      pass if one connects. A host that does not resolve fails the check, and so does a zero
//!      timeout, even on an open port: no connection opens within no time (`connect_timeout`
//!      returns an error for a zero `Duration`). Never panic.
//! 4. `HealthRunner::add` and `run` (each check runs once, in the order added), and the
//!    `HealthReport` counts: `passed`, `failed`, `all_passed`, and `worst_failure`, the highest
//!    severity among the checks that *failed* (a passing critical check is not a failure).
//!
//! ## Read more
//!
//! - The Rust Book, ch. 10.2 Traits (required and default methods): <https://doc.rust-lang.org/book/ch10-02-traits.html>
//! - The Rust Book, ch. 18.2 Trait Objects (Box<dyn Trait>): <https://doc.rust-lang.org/book/ch18-02-trait-objects.html>
//! - std::cmp::Ord (a derived order follows the variants): <https://doc.rust-lang.org/std/cmp/trait.Ord.html>
//! - std::fmt::Display: <https://doc.rust-lang.org/std/fmt/trait.Display.html>
//! - std::net::TcpStream::connect_timeout: <https://doc.rust-lang.org/std/net/struct.TcpStream.html#method.connect_timeout>
//!
//! Run the tests with `cargo day 1` (or `just day 1`); stuck? `cargo hint 1 health-checks`.

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(unused)]

use std::cmp::Ordering;
use std::ffi::OsStr;
use std::fmt;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sysinfo::{Disks, ProcessRefreshKind, ProcessesToUpdate, System};

// ---------------------------------------------------------------------------------------------
// Given: how the checks read the machine (nothing to write here).
// ---------------------------------------------------------------------------------------------

/// The readings a check needs. `LiveSystem` asks the real machine; `FixedReadings` answers from
/// fixed values, for tests.
pub trait SystemReadings {
    /// How full the disk holding `path` is, in percent (0.0 to 100.0); `None` if it cannot be read.
    fn disk_used_percent(&self, path: &Path) -> Option<f64>;
    /// How much of the memory is in use, in percent (0.0 to 100.0); `None` if it cannot be read.
    fn memory_used_percent(&self) -> Option<f64>;
    /// Whether a process with this exact name is running.
    fn process_running(&self, name: &str) -> bool;
}

/// The real machine, read through sysinfo each time a check asks.
#[derive(Debug, Clone, Copy, Default)]
pub struct LiveSystem;

impl SystemReadings for LiveSystem {
    fn disk_used_percent(&self, path: &Path) -> Option<f64> {
        let disks = Disks::new_with_refreshed_list().ok()?;
        // The disk that holds `path` is the one with the longest mount point above it.
        let disk = disks
            .iter()
            .filter(|disk| path.starts_with(disk.mount_point()))
            .max_by_key(|disk| disk.mount_point().as_os_str().len())?;
        let total = disk.total_space();
        if total == 0 {
            return None;
        }
        let used = total.saturating_sub(disk.available_space());
        Some(used as f64 * 100.0 / total as f64)
    }

    fn memory_used_percent(&self) -> Option<f64> {
        let mut system = System::new().ok()?;
        system.refresh_memory();
        let total = system.total_memory();
        if total == 0 {
            return None;
        }
        Some(system.used_memory() as f64 * 100.0 / total as f64)
    }

    fn process_running(&self, name: &str) -> bool {
        let Ok(mut system) = System::new() else {
            return false;
        };
        system.refresh_processes_specifics(
            ProcessesToUpdate::All,
            true,
            ProcessRefreshKind::nothing(),
        );
        // Linux keeps only the first 15 bytes of a process name.
        let mut short = name;
        if cfg!(target_os = "linux") && name.len() > 15 {
            let mut end = 15;
            while !name.is_char_boundary(end) {
                end -= 1;
            }
            short = &name[..end];
        }
        system
            .processes_by_exact_name(OsStr::new(short))
            .next()
            .is_some()
    }
}

/// Readings fixed in advance, for tests: disks by mount point, memory, running processes.
#[derive(Debug, Clone, Default)]
pub struct FixedReadings {
    pub disks: Vec<(PathBuf, f64)>,
    pub memory_used_percent: Option<f64>,
    pub processes: Vec<String>,
}

impl SystemReadings for FixedReadings {
    fn disk_used_percent(&self, path: &Path) -> Option<f64> {
        self.disks
            .iter()
            .find(|(mount, _)| mount == path)
            .map(|(_, percent)| *percent)
    }

    fn memory_used_percent(&self) -> Option<f64> {
        self.memory_used_percent
    }

    fn process_running(&self, name: &str) -> bool {
        self.processes.iter().any(|p| p == name)
    }
}

// ---------------------------------------------------------------------------------------------
// Step 1: severities that order Info < Warning < Critical.
// ---------------------------------------------------------------------------------------------

/// How bad it is when a check fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

// TODO: order severities `Info < Warning < Critical`: write `cmp` below, or delete both impls and
// add `PartialOrd, Ord` to the derive above (a derived order follows the variants, top to bottom).
impl Ord for Severity {
    fn cmp(&self, other: &Self) -> Ordering {
        fn rank(s: &Severity) -> u8 {
            match s {
                Severity::Info => 0,
                Severity::Warning => 1,
                Severity::Critical => 2,
            }
        }
        rank(self).cmp(&rank(other))
    }
}

impl PartialOrd for Severity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2: the abstract base class.
// ---------------------------------------------------------------------------------------------

/// What `run` reports about one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOutcome {
    pub name: String,
    pub passed: bool,
    pub severity: Severity,
}

impl fmt::Display for CheckOutcome {
    /// `[PASS] Disk /` or `[FAIL] Disk /`, like the seed's `run()` prints: one line, no newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.passed {
            true => "PASS",
            false => "FAIL",
        };
        f.write_str("[")?;
        f.write_str(tag)?;
        f.write_str("] ")?;
        f.write_str(&self.name)
    }
}

/// Every health check: three required methods, one provided.
pub trait HealthCheck {
    /// Runs the check: `true` when healthy.
    fn check(&self) -> bool;

    /// What the check is about, for the report.
    fn name(&self) -> String;

    /// How bad it is when this check fails.
    fn severity(&self) -> Severity;

    /// Provided: runs the check once and reports its outcome.
    fn run(&self) -> CheckOutcome {
        let passed = self.check();
        let severity = self.severity();
        let name = self.name();
        CheckOutcome {
            name,
            passed,
            severity,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 3: the checks. A check passes while the reading is strictly below the threshold.
// ---------------------------------------------------------------------------------------------

/// Passes while the disk holding `mount_point` is less than `max_used_percent` full.
pub struct DiskCheck {
    mount_point: PathBuf,
    max_used_percent: f64,
    severity: Severity,
    readings: Arc<dyn SystemReadings>,
}

impl DiskCheck {
    /// A critical check of the real machine.
    pub fn new(mount_point: impl Into<PathBuf>, max_used_percent: f64) -> Self {
        DiskCheck {
            mount_point: mount_point.into(),
            max_used_percent,
            severity: Severity::Critical,
            readings: Arc::new(LiveSystem),
        }
    }

    pub fn with_readings(mut self, readings: Arc<dyn SystemReadings>) -> Self {
        self.readings = readings;
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

impl HealthCheck for DiskCheck {
    fn check(&self) -> bool {
        below(
            self.readings.disk_used_percent(&self.mount_point),
            self.max_used_percent,
        )
    }

    fn name(&self) -> String {
        format!("disk usage of {}", self.mount_point.display())
    }

    fn severity(&self) -> Severity {
        self.severity
    }
}

fn below(reading: Option<f64>, limit: f64) -> bool {
    match reading {
        Some(value) if value < limit => true,
        _ => false,
    }
}

/// Passes while less than `max_used_percent` of the memory is in use.
pub struct MemoryCheck {
    max_used_percent: f64,
    severity: Severity,
    readings: Arc<dyn SystemReadings>,
}

impl MemoryCheck {
    /// A warning-level check of the real machine.
    pub fn new(max_used_percent: f64) -> Self {
        MemoryCheck {
            max_used_percent,
            severity: Severity::Warning,
            readings: Arc::new(LiveSystem),
        }
    }

    pub fn with_readings(mut self, readings: Arc<dyn SystemReadings>) -> Self {
        self.readings = readings;
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

impl HealthCheck for MemoryCheck {
    fn check(&self) -> bool {
        below(self.readings.memory_used_percent(), self.max_used_percent)
    }

    fn name(&self) -> String {
        String::from("memory usage")
    }

    fn severity(&self) -> Severity {
        self.severity
    }
}

/// Passes while a process with this exact name is running.
pub struct ProcessCheck {
    process: String,
    severity: Severity,
    readings: Arc<dyn SystemReadings>,
}

impl ProcessCheck {
    /// A critical check of the real machine.
    pub fn new(process: impl Into<String>) -> Self {
        ProcessCheck {
            process: process.into(),
            severity: Severity::Critical,
            readings: Arc::new(LiveSystem),
        }
    }

    pub fn with_readings(mut self, readings: Arc<dyn SystemReadings>) -> Self {
        self.readings = readings;
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

impl HealthCheck for ProcessCheck {
    fn check(&self) -> bool {
        self.readings.process_running(&self.process)
    }

    fn name(&self) -> String {
        format!("process '{}' running", self.process)
    }

    fn severity(&self) -> Severity {
        self.severity
    }
}

/// Passes when a TCP connection to `host:port` opens within the timeout.
pub struct PortCheck {
    host: String,
    port: u16,
    timeout: Duration,
    severity: Severity,
}

impl PortCheck {
    /// A critical check with the seed's 3-second timeout.
    pub fn new(host: impl Into<String>, port: u16) -> Self {
        PortCheck {
            host: host.into(),
            port,
            timeout: Duration::from_secs(3),
            severity: Severity::Critical,
        }
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

impl HealthCheck for PortCheck {
    fn check(&self) -> bool {
        if self.timeout.is_zero() {
            return false;
        }
        let addrs = match (self.host.as_str(), self.port).to_socket_addrs() {
            Ok(a) => a,
            Err(_) => return false,
        };
        for addr in addrs {
            if let Ok(_stream) = TcpStream::connect_timeout(&addr, self.timeout) {
                return true;
            }
        }
        false
    }

    fn name(&self) -> String {
        format!("Port {}:{}", self.host, self.port)
    }

    fn severity(&self) -> Severity {
        self.severity
    }
}

// ---------------------------------------------------------------------------------------------
// Step 4: the runner and its report.
// ---------------------------------------------------------------------------------------------

/// Runs any mix of checks, in the order they were added.
#[derive(Default)]
pub struct HealthRunner {
    checks: Vec<Box<dyn HealthCheck>>,
}

impl HealthRunner {
    pub fn new() -> Self {
        HealthRunner::default()
    }

    /// Adds a check of any type.
    pub fn add(&mut self, check: impl HealthCheck + 'static) -> &mut Self {
        let boxed: Box<dyn HealthCheck> = Box::new(check);
        self.checks.push(boxed);
        self
    }

    /// Runs every check once, in order.
    pub fn run(&self) -> HealthReport {
        let mut outcomes = Vec::with_capacity(self.checks.len());
        for c in &self.checks {
            outcomes.push(c.run());
        }
        HealthReport { outcomes }
    }
}

/// The outcomes of one run, in the order the checks were added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthReport {
    pub outcomes: Vec<CheckOutcome>,
}

impl HealthReport {
    /// How many checks passed.
    pub fn passed(&self) -> usize {
        let mut n = 0;
        for o in &self.outcomes {
            if o.passed {
                n += 1;
            }
        }
        n
    }

    /// How many checks failed.
    pub fn failed(&self) -> usize {
        self.outcomes.len() - self.passed()
    }

    /// Whether every check passed (true for no checks at all).
    pub fn all_passed(&self) -> bool {
        self.failed() == 0
    }

    /// The highest severity among the checks that FAILED; `None` if none failed.
    pub fn worst_failure(&self) -> Option<Severity> {
        let mut worst: Option<Severity> = None;
        for o in self.outcomes.iter().filter(|o| !o.passed) {
            worst = match worst {
                Some(w) if w >= o.severity => Some(w),
                _ => Some(o.severity),
            };
        }
        worst
    }
}

/// Given: the printed report, one line per check and a summary.
impl fmt::Display for HealthReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for outcome in &self.outcomes {
            writeln!(f, "{outcome}")?;
        }
        write!(f, "{} passed, {} failed", self.passed(), self.failed())
    }
}
