//! # Checks: the `HealthCheck` trait and four checks of a real machine (reference solution)
//!
//! Every check reads the machine through `SystemReadings`: `LiveSystem` in production,
//! `FixedReadings` (or any other implementation) in tests.
//!
//! ## Read more
//!
//! The Rust Book, [ch. 10.2, Traits](https://doc.rust-lang.org/book/ch10-02-traits.html) (default
//! methods are the ABC's concrete ones); [`std::net::TcpStream::connect_timeout`](https://doc.rust-lang.org/std/net/struct.TcpStream.html#method.connect_timeout)
//! and [`ToSocketAddrs`](https://doc.rust-lang.org/std/net/trait.ToSocketAddrs.html);
//! [sysinfo](https://docs.rs/sysinfo/latest/sysinfo/) (`Disks`, `System`, and `Process::name`'s
//! warning about Linux's 15 bytes).

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sysinfo::{Disks, Process, ProcessRefreshKind, ProcessesToUpdate, System, UpdateKind};

use crate::models::{CheckResult, Metric, Status};

// ---------------------------------------------------------------------------------------------
// Given: how the checks read the machine.
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

    fn port_open(&self, host: &str, port: u16, timeout: Duration) -> bool {
        // "localhost" may resolve to both ::1 and 127.0.0.1: one open address is enough.
        match (host, port).to_socket_addrs() {
            Ok(mut addresses) => {
                addresses.any(|address| TcpStream::connect_timeout(&address, timeout).is_ok())
            }
            Err(_) => false,
        }
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
// Thresholds
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
            return Err(ThresholdError::WarningAboveCritical { warning, critical });
        }
        Ok(Thresholds { warning, critical })
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
// The trait
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
        let reading = self.check(readings, now);
        CheckResult {
            server: server.to_owned(),
            check: self.name(),
            status: reading.status,
            metric: reading.metric,
            message: reading.message,
        }
    }
}

/// A percentage judged against thresholds, or `Critical` when it cannot be read.
fn percent_reading(
    value: Option<f64>,
    thresholds: &Thresholds,
    metric: &str,
    now: u64,
    describe: impl Fn(f64) -> String,
    unreadable: String,
) -> Reading {
    match value {
        Some(value) => Reading {
            status: thresholds.classify(value),
            metric: Metric::new(metric, value, "%", now).ok(),
            message: describe(value),
        },
        None => Reading {
            status: Status::Critical,
            metric: None,
            message: unreadable,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The checks
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
        let path = self.path.display();
        percent_reading(
            readings.disk_used_percent(&self.path),
            &self.thresholds,
            "disk_used_percent",
            now,
            |used| format!("disk {path} is {used:.1}% full"),
            format!("cannot read the disk usage of {path}"),
        )
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
        "memory".to_owned()
    }

    fn check(&self, readings: &dyn SystemReadings, now: u64) -> Reading {
        percent_reading(
            readings.memory_used_percent(),
            &self.thresholds,
            "memory_used_percent",
            now,
            |used| format!("memory is {used:.1}% used"),
            "cannot read the memory usage".to_owned(),
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

    fn check(&self, readings: &dyn SystemReadings, _now: u64) -> Reading {
        let (status, message) = if readings.process_running(&self.process) {
            (Status::Ok, format!("process {} is running", self.process))
        } else {
            (
                self.severity,
                format!("process {} is not running", self.process),
            )
        };
        Reading {
            status,
            metric: None,
            message,
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

    fn check(&self, readings: &dyn SystemReadings, _now: u64) -> Reading {
        let target = format!("{}:{}", self.host, self.port);
        let (status, message) = if readings.port_open(&self.host, self.port, self.timeout) {
            (Status::Ok, format!("{target} accepts connections"))
        } else {
            (
                self.severity,
                format!(
                    "{target} refused the connection or did not answer within {} ms",
                    self.timeout.as_millis()
                ),
            )
        };
        Reading {
            status,
            metric: None,
            message,
        }
    }
}
