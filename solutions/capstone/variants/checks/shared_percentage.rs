//! # Area 2, checks: a `HealthCheck` trait and four checks of a real machine
//!
//! ## The Python
//!
//! The seed's capstone names `checks.py (ABC HealthCheck + implementations)`; its Day 1 has the
//! code, quoted here (trimmed), and Day 1's exercise asks for a `DiskCheck`, a `MemoryCheck` and a
//! `ProcessCheck` ("checks if a named process is running").
//!
//! ```python
//! class HealthChecker(ABC):                 # seed, Day 1
//!     @abstractmethod
//!     def check(self): ...
//!     @abstractmethod
//!     def name(self): ...
//!
//!     def run(self):                        # concrete: shared by all subclasses
//!         result = self.check()
//!         ...
//!
//! class DiskCheck(HealthChecker):
//!     def check(self):
//!         usage = shutil.disk_usage("/")
//!         return (usage.used / usage.total) * 100 < self.threshold
//!
//! class PortCheck(HealthChecker):
//!     def check(self):
//!         s = socket.socket(); s.settimeout(3)
//!         s.connect((self.host, self.port))   # ConnectionError, TimeoutError, OSError: False
//! ```
//!
//! ## The Rust idea
//!
//! Day 1's trait again, grown up. `HealthCheck` has two required methods (`name`, `check`) and
//! one provided method (`run`), the ABC's concrete method. The checks do not read the machine
//! themselves: they ask a `SystemReadings` that they are handed. `LiveSystem` reads the real
//! machine (sysinfo for disks, memory and processes, given; std's `TcpStream` for ports, yours);
//! tests hand in `FixedReadings` or their own implementation, so they are deterministic. That is
//! the seam the seed's Python lacks: there, testing `DiskCheck` means mocking `shutil`.
//!
//! A check no longer says pass or fail: it returns a `Reading` with a `Status` (`Ok`, `Warning`,
//! `Critical`), the measured `Metric` if any, and a message. Percentages are judged against two
//! `Thresholds`.
//!
//! ## Your task
//!
//! 1. `Thresholds::new`: both levels from 0 to 100, ends included (NaN is not), else
//!    `OutOfRange { field: "warning" | "critical", value }` (check warning first); warning at most
//!    critical, else `WarningAboveCritical`. `classify`: `Critical` **at or above** the critical
//!    level, else `Warning` at or above the warning level, else `Ok`.
//! 2. `HealthCheck::run` (provided): call `check` exactly once and build a `CheckResult` for
//!    `server`, with the check's `name()`.
//! 3. The checks' `name` and `check`:
//!    - `DiskCheck`: named `disk <path>`. Reads `disk_used_percent(path)`; the status is the
//!      thresholds' verdict, the metric `disk_used_percent` in `%` stamped with `now`
//!      (`Metric::new(..).ok()`), the message says which disk and how full. A disk that cannot be
//!      read (`None`) is `Critical`, with no metric and a message naming the path.
//!    - `MemoryCheck`: named `memory`; the same with `memory_used_percent()` (metric
//!      `memory_used_percent`, in `%`).
//!    - `ProcessCheck`: named `process <name>`. `Ok` when running, else the check's severity
//!      (Critical unless `with_severity` changed it); no metric; the message names the process.
//!    - `PortCheck`: named `port <port>`. Asks `port_open(host, port, timeout)` once with its own
//!      values: `Ok` when open, else the check's severity; no metric.
//! 4. `LiveSystem::port_open`: resolve `(host, port).to_socket_addrs()` ("localhost" may give
//!    `::1` and `127.0.0.1`), try each address with `TcpStream::connect_timeout`, `true` as soon
//!    as one connects; `false` if none does or the host does not resolve. Never panic.
//!
//! The rest of `LiveSystem` is given, and behaves as an SRE expects: a disk path that does not
//! exist cannot be read (`None`, so its check is Critical), never a reading of the disk that holds
//! `/`; and a process name is matched in full, even one longer than the 15 bytes Linux keeps of a
//! process's own name (it also compares the file names of the process's program and command).
//!
//! Grade this area with `cargo capstone --area checks`; stuck? `cargo hint capstone checks`.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 10.2, Traits](https://doc.rust-lang.org/book/ch10-02-traits.html) (default
//! methods are the ABC's concrete ones); [`std::net::TcpStream::connect_timeout`](https://doc.rust-lang.org/std/net/struct.TcpStream.html#method.connect_timeout)
//! and [`ToSocketAddrs`](https://doc.rust-lang.org/std/net/trait.ToSocketAddrs.html);
//! [sysinfo](https://docs.rs/sysinfo/latest/sysinfo/) (`Disks`, `System`, and `Process::name`'s
//! warning about Linux's 15 bytes).

// The `todo!()` bodies leave parameters and fields unused until you write them.
#![allow(dead_code, unused)]

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sysinfo::{Disks, Process, ProcessRefreshKind, ProcessesToUpdate, System, UpdateKind};

use crate::models::{CheckResult, Metric, Status};

// ---------------------------------------------------------------------------------------------
// Given: how the checks read the machine (except `LiveSystem::port_open`, step 4).
// ---------------------------------------------------------------------------------------------

/// The readings the checks need. `LiveSystem` asks the real machine; tests answer from fixed
/// values (`FixedReadings`) so that they are deterministic.
pub trait SystemReadings {
    /// How full the disk holding `path` is, in percent (0.0 to 100.0); `None` if it cannot be read.
    fn disk_used_percent(&self, path: &Path) -> Option<f64>;
    /// How much of the memory is in use, in percent (0.0 to 100.0); `None` if it cannot be read.
    fn memory_used_percent(&self) -> Option<f64>;
    /// Whether a process with this exact name is running.
    fn process_running(&self, name: &str) -> bool;
    /// Whether a TCP connection to `host:port` opens within `timeout`.
    fn port_open(&self, host: &str, port: u16, timeout: Duration) -> bool;
}

/// The real machine: sysinfo for disks, memory and processes, std for TCP.
#[derive(Debug, Clone, Copy, Default)]
pub struct LiveSystem;

impl SystemReadings for LiveSystem {
    fn disk_used_percent(&self, path: &Path) -> Option<f64> {
        // A path that does not exist is on no disk (every path starts with `/`, so without this
        // it would read the root disk). The real path also follows symlinks to their disk.
        let path = std::fs::canonicalize(path).ok()?;
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
            ProcessRefreshKind::nothing()
                .with_exe(UpdateKind::OnlyIfNotSet)
                .with_cmd(UpdateKind::OnlyIfNotSet),
        );
        let wanted = OsStr::new(name);
        system
            .processes()
            .values()
            .any(|process| names_of(process).contains(&wanted))
    }

    /// Yours: the one reading that std makes, not sysinfo.
    fn port_open(&self, host: &str, port: u16, timeout: Duration) -> bool {
        let addrs = match (host, port).to_socket_addrs() {
            Ok(addrs) => addrs,
            Err(_) => return false,
        };
        for addr in addrs {
            if TcpStream::connect_timeout(&addr, timeout).is_ok() {
                return true;
            }
        }
        false
    }
}

/// The names a process goes by: the file names of its program (`exe`) and of its command's first
/// word, and its own short name. Linux keeps only the first 15 bytes of that one (`comm`): a name
/// cut there names no program, so a long name is matched in full, never by its first 15 bytes.
fn names_of(process: &Process) -> Vec<&OsStr> {
    fn file_name(path: &OsStr) -> Option<&OsStr> {
        Path::new(path).file_name()
    }
    let mut names: Vec<&OsStr> = process
        .exe()
        .map(Path::as_os_str)
        .into_iter()
        .chain(process.cmd().first().map(OsString::as_os_str))
        .filter_map(file_name)
        .collect();
    let short = process.name();
    if !(cfg!(target_os = "linux") && short.len() == 15) {
        names.push(short);
        return names;
    }
    // 15 bytes on Linux: maybe cut short. The full name begins with it: the program's, or that of
    // a script an interpreter runs (`#!/usr/bin/python3`: the script is a later word).
    let begins = |name: &&OsStr| {
        name.len() > short.len()
            && name
                .as_encoded_bytes()
                .starts_with(short.as_encoded_bytes())
    };
    let script = process
        .cmd()
        .iter()
        .skip(1)
        .map(OsString::as_os_str)
        .filter_map(file_name)
        .find(begins);
    names.extend(script);
    // Kept only when a program's name says it is whole; a process that shows no program (a zombie,
    // one that is exiting, a kernel thread) is not matched by a name that may be cut.
    if !names.is_empty() && !names.iter().any(begins) {
        names.push(short);
    }
    names
}

/// Readings fixed in advance, for tests.
#[derive(Debug, Clone, Default)]
pub struct FixedReadings {
    /// Disks by mount point: `("/var", 95.0)`. Any other path cannot be read.
    pub disks: Vec<(PathBuf, f64)>,
    pub memory_used_percent: Option<f64>,
    /// The names of the running processes.
    pub processes: Vec<String>,
    /// The open ports: `("db.internal", 5432)`. Any other is closed.
    pub open_ports: Vec<(String, u16)>,
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

    fn port_open(&self, host: &str, port: u16, _timeout: Duration) -> bool {
        self.open_ports.iter().any(|(h, p)| h == host && *p == port)
    }
}

// ---------------------------------------------------------------------------------------------
// Step 1: thresholds
// ---------------------------------------------------------------------------------------------

/// Two levels for a percentage: at or above `warning` it is a warning, at or above `critical` it
/// is critical.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    warning: f64,
    critical: f64,
}

/// Why two levels do not make thresholds.
#[derive(Debug, Clone, PartialEq)]
pub enum ThresholdError {
    /// A level outside 0 to 100 (or NaN); `field` is `"warning"` or `"critical"`.
    OutOfRange { field: &'static str, value: f64 },
    /// The warning level is above the critical one.
    WarningAboveCritical { warning: f64, critical: f64 },
}

impl ThresholdError {
    /// The level at fault, `"warning"` or `"critical"`: the config names it in its error.
    pub fn field(&self) -> &'static str {
        match self {
            ThresholdError::OutOfRange { field, .. } => field,
            ThresholdError::WarningAboveCritical { .. } => "warning",
        }
    }
}

impl fmt::Display for ThresholdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThresholdError::OutOfRange { value, .. } => {
                write!(f, "must be a percentage from 0 to 100, got {value}")
            }
            ThresholdError::WarningAboveCritical { warning, critical } => write!(
                f,
                "must not be above the critical level: warning {warning}, critical {critical}"
            ),
        }
    }
}

impl std::error::Error for ThresholdError {}

impl Thresholds {
    /// Both levels from 0 to 100 (ends included), warning at most critical.
    pub fn new(warning: f64, critical: f64) -> Result<Thresholds, ThresholdError> {
        for (field, value) in [("warning", warning), ("critical", critical)] {
            if !(0.0..=100.0).contains(&value) {
                return Err(ThresholdError::OutOfRange { field, value });
            }
        }
        if warning > critical {
            Err(ThresholdError::WarningAboveCritical { warning, critical })
        } else {
            Ok(Thresholds { warning, critical })
        }
    }

    /// `Critical` at or above the critical level, else `Warning` at or above the warning level,
    /// else `Ok`.
    pub fn classify(&self, value: f64) -> Status {
        if value >= self.critical {
            Status::Critical
        } else if value >= self.warning {
            Status::Warning
        } else {
            Status::Ok
        }
    }

    pub fn warning(&self) -> f64 {
        self.warning
    }

    pub fn critical(&self) -> f64 {
        self.critical
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2: the trait
// ---------------------------------------------------------------------------------------------

/// What one check found: a status, the measured value if any, and a line for a human.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub status: Status,
    pub metric: Option<Metric>,
    pub message: String,
}

/// Every health check: two required methods, one provided.
pub trait HealthCheck {
    /// What the check looks at: `disk /`, `memory`, `process sshd`, `port 5432`.
    fn name(&self) -> String;

    /// Reads the machine once and judges the reading; `now` (Unix seconds) stamps the metric.
    fn check(&self, readings: &dyn SystemReadings, now: u64) -> Reading;

    /// Provided: runs `check` once and reports it for `server`.
    fn run(&self, server: &str, readings: &dyn SystemReadings, now: u64) -> CheckResult {
        let Reading {
            status,
            metric,
            message,
        } = self.check(readings, now);
        CheckResult {
            server: server.to_string(),
            check: self.name(),
            status,
            metric,
            message,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 3: the checks (constructors given)
// ---------------------------------------------------------------------------------------------

/// How full the disk holding `path` is.
#[derive(Debug, Clone)]
pub struct DiskCheck {
    path: PathBuf,
    thresholds: Thresholds,
}

impl DiskCheck {
    pub fn new(path: impl Into<PathBuf>, thresholds: Thresholds) -> DiskCheck {
        DiskCheck {
            path: path.into(),
            thresholds,
        }
    }
}

impl HealthCheck for DiskCheck {
    fn name(&self) -> String {
        format!("disk {}", self.path.display())
    }

    fn check(&self, readings: &dyn SystemReadings, now: u64) -> Reading {
        let what = format!("disk {}", self.path.display());
        percentage(
            readings.disk_used_percent(&self.path),
            &self.thresholds,
            "disk_used_percent",
            now,
            &what,
            "full",
        )
    }
}

/// A percentage reading judged by thresholds; unreadable is Critical.
fn percentage(
    reading: Option<f64>,
    thresholds: &Thresholds,
    metric: &str,
    now: u64,
    what: &str,
    word: &str,
) -> Reading {
    match reading {
        None => Reading {
            status: Status::Critical,
            metric: None,
            message: format!("cannot read the usage of {what}"),
        },
        Some(percent) => Reading {
            status: thresholds.classify(percent),
            metric: Metric::new(metric, percent, "%", now).ok(),
            message: format!("{what} is {percent:.1}% {word}"),
        },
    }
}

/// How much of the memory is in use.
#[derive(Debug, Clone)]
pub struct MemoryCheck {
    thresholds: Thresholds,
}

impl MemoryCheck {
    pub fn new(thresholds: Thresholds) -> MemoryCheck {
        MemoryCheck { thresholds }
    }
}

impl HealthCheck for MemoryCheck {
    fn name(&self) -> String {
        "memory".into()
    }

    fn check(&self, readings: &dyn SystemReadings, now: u64) -> Reading {
        percentage(
            readings.memory_used_percent(),
            &self.thresholds,
            "memory_used_percent",
            now,
            "memory",
            "used",
        )
    }
}

/// Whether a process with this exact name is running.
#[derive(Debug, Clone)]
pub struct ProcessCheck {
    process: String,
    severity: Status,
}

impl ProcessCheck {
    /// Critical when the process is not running.
    pub fn new(process: &str) -> ProcessCheck {
        ProcessCheck {
            process: process.to_owned(),
            severity: Status::Critical,
        }
    }

    /// The status when the process is not running.
    pub fn with_severity(mut self, severity: Status) -> ProcessCheck {
        self.severity = severity;
        self
    }
}

impl HealthCheck for ProcessCheck {
    fn name(&self) -> String {
        format!("process {}", self.process)
    }

    fn check(&self, readings: &dyn SystemReadings, now: u64) -> Reading {
        let running = readings.process_running(&self.process);
        Reading {
            status: if running { Status::Ok } else { self.severity },
            metric: None,
            message: match running {
                true => format!("{} is running", self.process),
                false => format!("no process named {} is running", self.process),
            },
        }
    }
}

/// Whether `host:port` accepts TCP connections.
#[derive(Debug, Clone)]
pub struct PortCheck {
    host: String,
    port: u16,
    timeout: Duration,
    severity: Status,
}

impl PortCheck {
    /// Critical when the port is closed; the seed's 3-second timeout.
    pub fn new(host: &str, port: u16) -> PortCheck {
        PortCheck {
            host: host.to_owned(),
            port,
            timeout: Duration::from_secs(3),
            severity: Status::Critical,
        }
    }

    pub fn with_timeout(mut self, timeout: Duration) -> PortCheck {
        self.timeout = timeout;
        self
    }

    /// The status when the port is closed.
    pub fn with_severity(mut self, severity: Status) -> PortCheck {
        self.severity = severity;
        self
    }
}

impl HealthCheck for PortCheck {
    fn name(&self) -> String {
        format!("port {}", self.port)
    }

    fn check(&self, readings: &dyn SystemReadings, now: u64) -> Reading {
        let target = format!("{}:{}", self.host, self.port);
        if readings.port_open(&self.host, self.port, self.timeout) {
            Reading {
                status: Status::Ok,
                metric: None,
                message: format!("{target} accepts connections"),
            }
        } else {
            Reading {
                status: self.severity,
                metric: None,
                message: format!(
                    "{target} did not accept a connection within {} ms",
                    self.timeout.as_millis()
                ),
            }
        }
    }
}
