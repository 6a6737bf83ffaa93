//! # Day 5, exercise 2: replace print with tracing (the seed's EXERCISE 2)
//!
//! ## The Python original
//!
//! ```text
//! # print() problems: no severity levels, no timestamps, can't write to files AND console,
//! # can't filter by level, no context (which module?), hard to turn off in production.
//! logger.warning("High CPU on %s: %.1f%%", hostname, cpu)
//! logger.info("Health check completed", extra={"host": "web-01", "status": "healthy"})
//!
//! def timed_operation(operation_name):          # Pattern 1: operation timer
//!     start = time.time()
//!     logger.info(f"Starting: {operation_name}")
//!     try:
//!         yield
//!         logger.info(f"Completed: {operation_name} ({time.time() - start:.2f}s)")
//!     except Exception as e:
//!         logger.error(f"Failed: {operation_name} ({time.time() - start:.2f}s): {e}")
//!         raise
//!
//! logger.info(f"Connecting with password={password}")     # Pattern 3, BAD
//! logger.info(f"Connecting to {host} as {username}")      # GOOD
//! ```
//!
//! The exercise: take a script, replace every `print()` with a logger call at the right level.
//!
//! ## The Rust idea
//!
//! - **An event per print, at its level.** `tracing::debug!`, `info!`, `warn!`, `error!` (and
//!   `trace!`, below debug; there is no CRITICAL: use `error!`, and say how bad in the message or a
//!   field). `tracing::event!(Level::WARN, ...)` is the same as `warn!(...)`. The level replaces the
//!   `DEBUG:` / `WARNING:` / `ERROR:` prefixes the print version writes by hand.
//! - **Fields, not formatted text** (Python's `extra=`, done right): `warn!(host = %host.name,
//!   cpu = host.cpu_percent, "high CPU")`. Fields come first, the message last. A field is a
//!   value a log search can filter on (`cpu > 90`, `host = "web-01"`); the same number formatted
//!   into the message is only text. `name = value` records a number, a bool or a `&str` as such;
//!   `name = %value` records it by its `Display` text, `name = ?value` by its `Debug` text;
//!   `%host` alone is short for `host = %host`. The message is a format string like `println!`'s
//!   (`info!("{n} hosts")`): fine for words, wrong for the values you mean to search by.
//! - **The operation timer is a span.** A span is a stretch of time with fields of its own;
//!   every event that happens while it is *entered* carries its fields as context (what Python's
//!   `LoggerAdapter` does), and when the span closes a subscriber can print how long it lived:
//!   `tracing_subscriber::fmt().with_span_events(FmtSpan::CLOSE)` writes a `close` line with
//!   `time.busy` and `time.idle` (while the layer keeps its timer: `.without_time()` drops those
//!   too). Two ways to run a function inside a span:
//!   - `#[tracing::instrument(skip(remote, password))]` on the function: a span named after the
//!     function, with its arguments as fields (`skip` the ones that must not, or cannot, be
//!     recorded: a `&mut dyn Remote` has no `Debug`, and a password must never be recorded;
//!     or `skip_all, fields(service = %service, version = %version)` to name the ones to keep:
//!     in `fields(...)` a bare name, without a value, declares an empty field);
//!   - by hand: `let _span = tracing::info_span!("deploy", service, version).entered();` The span
//!     is entered until `_span` is dropped. Beware `let _ = span.enter();`: `_` drops the guard at
//!     once, and nothing after it is inside the span.
//!
//!   Either way the guard is dropped when the function returns, *also* through an early `?`, so
//!   the span closes on every path (and a subscriber that times spans logs its time): no
//!   try/finally to write. And the
//!   `except` branch? `#[instrument(err)]` logs a returned `Err(e)` as an ERROR event with the
//!   field `error = %e`, inside the span; by hand, match on the result (or `.inspect_err(...)`)
//!   and `error!(error = %e, "...")` before returning it.
//! - **Secrets** (Pattern 3): a type whose `Debug` and `Display` print `[redacted]` cannot leak
//!   its text through `?password`, `%password`, `{password:?}` or an `#[instrument]` that forgot
//!   to skip it. Code that really needs the text (the login itself) asks for it by name:
//!   `password.expose()`.
//! - **This file only emits events; it installs no subscriber.** Timestamps, module names, the
//!   console and the file (the seed's steps c and d) are the setup's job, exercise 1's: a library
//!   logs, the binary that uses it decides where the log goes. Each event's *target* is its
//!   module's path (tracing's `getLogger(__name__)`), which is what per-module levels filter on.
//!
//! ## The task
//!
//! Below is a small SRE script as library functions; its print version is at the end of this
//! header. Write each `todo!()`:
//!
//! 1. `Secret`'s `Debug` and `Display`: both write exactly `[redacted]`, never the text.
//! 2. `sweep`: the print version's logic, with each print replaced by one event, per the table.
//! 3. `deploy`: the same, run inside an INFO span named `deploy` with the fields `service` and
//!    `version` (`#[instrument]` or a span by hand); every event of `deploy` happens inside it,
//!    and the span closes when `deploy` returns, on success and on every early `?` return. On a
//!    failure, log the error at ERROR inside the span, then return the remote's error unchanged.
//!    Drop the `Instant`: the span's close is the timer now.
//! 4. Log the user and the host, never the password: no event or span may contain its text, in
//!    any spelling.
//!
//! | print in the script                                 | level | fields (the values a search filters on)     |
//! |-----------------------------------------------------|-------|---------------------------------------------|
//! | `Starting health checks for {n} hosts`              | INFO  | `count`: the number of hosts                |
//! | `DEBUG: checking {name} at {ip}`                    | DEBUG | `host`: the host's name; `ip`               |
//! | `WARNING: high CPU on {name}: {cpu:.1}%`            | WARN  | `host`; `cpu`: the reading, a number        |
//! | `ERROR: {name} is unreachable`                      | ERROR | `host`                                      |
//! | `Done: {healthy} healthy, {unhealthy} unhealthy`    | INFO  | `healthy`, `unhealthy`: the two counts      |
//! | `Deploying {service} {version}`                     | INFO  | none: the span has `service` and `version`  |
//! | `Connecting to {host} as {user} with password=...`  | INFO  | `host`: the remote's host; `user`. No password! |
//! | `DEBUG: uploading {service} {version}`              | DEBUG | none                                        |
//! | `DEBUG: restarting {service}`                       | DEBUG | none                                        |
//! | `Deployed {service} {version} in {secs:.2}s`        | INFO  | none: the span's close carries the time     |
//! | `ERROR: deploy ... failed after ...: {e}`           | ERROR | `error`: the error (`%e`, `?e` or `&e as &dyn Error`) |
//!
//! How it is graded: the tests capture the events in memory and compare, event by event in order,
//! the level and the fields of the table: exactly one event per print (those the run reaches), and
//! no other events. The message is yours to word (`"high CPU"`), and may repeat a value, but a
//! value the table lists must be a field of that name, in any spelling (`cpu = x`, `cpu = %x`,
//! `cpu = ?x`); numbers are compared as numbers. Extra fields are allowed, the password in any of
//! them is not. Leave each event's target as it is (its module's path). Finally a lint gate reads
//! this file: once no `todo!()` is left, its code may contain no `println!`, `eprintln!`, `print!`,
//! `eprint!` or `dbg!`, and no `stdout`/`stderr` (comments and string literals do not count).
//! Code that prints besides logging grades the same in every other test.
//!
//! ## The print version (the "before")
//!
//! ```text
//! pub fn sweep(hosts: &[Host]) -> Summary {
//!     println!("Starting health checks for {} hosts", hosts.len());
//!     let (mut healthy, mut unhealthy) = (0, 0);
//!     for host in hosts {
//!         println!("DEBUG: checking {} at {}", host.name, host.ip);
//!         if !host.reachable {
//!             eprintln!("ERROR: {} is unreachable", host.name);
//!             unhealthy += 1;
//!             continue;
//!         }
//!         if host.cpu_percent > CPU_WARN_PERCENT {
//!             eprintln!("WARNING: high CPU on {}: {:.1}%", host.name, host.cpu_percent);
//!         }
//!         healthy += 1; // high CPU is a warning; a host that answers is healthy
//!     }
//!     println!("Done: {healthy} healthy, {unhealthy} unhealthy");
//!     Summary { healthy, unhealthy }
//! }
//!
//! pub fn deploy(remote: &mut dyn Remote, service: &str, version: &str, user: &str,
//!               password: &Secret) -> Result<(), DeployError> {
//!     let started = Instant::now();
//!     println!("Deploying {service} {version}");
//!     let mut steps = || {
//!         println!("Connecting to {} as {user} with password={}", remote.host(), password.expose());
//!         remote.connect(user, password)?;
//!         println!("DEBUG: uploading {service} {version}");
//!         remote.upload(service, version)?;
//!         println!("DEBUG: restarting {service}");
//!         remote.restart(service)?;
//!         Ok(())
//!     };
//!     let result = steps();
//!     let secs = started.elapsed().as_secs_f64();
//!     match &result {
//!         Ok(()) => println!("Deployed {service} {version} in {secs:.2}s"),
//!         Err(e) => eprintln!("ERROR: deploy of {service} {version} failed after {secs:.2}s: {e}"),
//!     }
//!     result
//! }
//! ```
//!
//! Grade with `cargo day 5`; stuck? `cargo hint 5 print-to-tracing`.

use std::fmt;

use tracing::{debug, error, info, instrument, warn};

/// Above this CPU reading (percent), a host gets a warning.
pub const CPU_WARN_PERCENT: f64 = 90.0;

/// A host of the fleet, with what the last probe saw.
#[derive(Debug, Clone, PartialEq)]
pub struct Host {
    pub name: String,
    pub ip: String,
    /// Whether it answered at all.
    pub reachable: bool,
    /// Its CPU use, in percent.
    pub cpu_percent: f64,
}

/// What a sweep found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub healthy: usize,
    pub unhealthy: usize,
}

/// Checks every host, as the print version does, with events instead of prints.
pub fn sweep(hosts: &[Host]) -> Summary {
    info!(count = hosts.len(), "starting health checks");
    let (mut healthy, mut unhealthy) = (0, 0);
    for host in hosts {
        debug!(host = %host.name, ip = %host.ip, "checking");
        if !host.reachable {
            error!(host = %host.name, "unreachable");
            unhealthy += 1;
            continue;
        }
        if host.cpu_percent > CPU_WARN_PERCENT {
            warn!(host = %host.name, cpu = host.cpu_percent, "high CPU");
        }
        healthy += 1;
    }
    info!(healthy, unhealthy, "done");
    Summary { healthy, unhealthy }
}

/// A password: its text never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The text itself, for the one place that needs it (the login). Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A step of a deploy that failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployError {
    /// The step: `connect`, `upload` or `restart`.
    pub step: String,
    pub reason: String,
}

impl fmt::Display for DeployError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}", self.step, self.reason)
    }
}

impl std::error::Error for DeployError {}

/// The machine a deploy talks to. Given: the tests pass a fake one that fails where they choose.
pub trait Remote {
    /// The host's name.
    fn host(&self) -> &str;
    /// Logs in.
    fn connect(&mut self, user: &str, password: &Secret) -> Result<(), DeployError>;
    /// Copies `service` at `version` over.
    fn upload(&mut self, service: &str, version: &str) -> Result<(), DeployError>;
    /// Restarts `service`.
    fn restart(&mut self, service: &str) -> Result<(), DeployError>;
}

/// Deploys `service` at `version` to `remote`, as the print version does, inside a `deploy` span.
// The span `deploy` has the fields service, version and user; `err` logs a returned error at
// ERROR inside the span. Its guard drops on every return, `?` included: the span closes.
#[instrument(skip(remote, password), err)]
pub fn deploy(
    remote: &mut dyn Remote,
    service: &str,
    version: &str,
    user: &str,
    password: &Secret,
) -> Result<(), DeployError> {
    info!("deploying");
    info!(host = remote.host(), user, "connecting");
    remote.connect(user, password)?;
    debug!("uploading");
    remote.upload(service, version)?;
    debug!("restarting");
    remote.restart(service)?;
    info!("deployed");
    Ok(())
}
