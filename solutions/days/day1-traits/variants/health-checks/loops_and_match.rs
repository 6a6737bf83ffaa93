//! # Exercise 1: a health-check framework (alternative solution)
//!
//! Another learner's style: a hand-written order by rank, `match` everywhere, plain `for` loops
//! instead of iterator chains, and the trait's provided method written with local bindings.

use std::cmp::Ordering;
use std::ffi::OsStr;
use std::fmt;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sysinfo::{Disks, ProcessRefreshKind, ProcessesToUpdate, System};

// ---------------------------------------------------------------------------------------------
// Given: how the checks read the machine.
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

impl Severity {
    fn rank(self) -> u8 {
        match self {
            Severity::Info => 0,
            Severity::Warning => 1,
            Severity::Critical => 2,
        }
    }
}

impl Ord for Severity {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank().cmp(&other.rank())
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
        match self.passed {
            true => f.write_str("[PASS] ")?,
            false => f.write_str("[FAIL] ")?,
        }
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
        let name = self.name();
        let severity = self.severity();
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
        match self.readings.disk_used_percent(&self.mount_point) {
            Some(used) => used < self.max_used_percent,
            None => false,
        }
    }

    fn name(&self) -> String {
        format!("Disk usage of {}", self.mount_point.to_string_lossy())
    }

    fn severity(&self) -> Severity {
        self.severity
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
        if let Some(used) = self.readings.memory_used_percent() {
            return used < self.max_used_percent;
        }
        false
    }

    fn name(&self) -> String {
        String::from("Memory usage")
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
        format!("Process '{}'", self.process)
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
        let addresses = match (&*self.host, self.port).to_socket_addrs() {
            Ok(addresses) => addresses,
            Err(_) => return false,
        };
        for address in addresses {
            if let Ok(stream) = TcpStream::connect_timeout(&address, self.timeout) {
                drop(stream);
                return true;
            }
        }
        false
    }

    fn name(&self) -> String {
        let Self { host, port, .. } = self;
        format!("Port {host}:{port}")
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
        self.checks.push(Box::new(check));
        self
    }

    /// Runs every check once, in order.
    pub fn run(&self) -> HealthReport {
        let mut outcomes = Vec::with_capacity(self.checks.len());
        for check in &self.checks {
            outcomes.push(check.run());
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
        let mut passed = 0;
        for outcome in &self.outcomes {
            if outcome.passed {
                passed += 1;
            }
        }
        passed
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
        for outcome in self.outcomes.iter().filter(|o| !o.passed) {
            worst = match worst {
                Some(seen) if seen >= outcome.severity => Some(seen),
                _ => Some(outcome.severity),
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
