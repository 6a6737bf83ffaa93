//! # Day 5 drills: ten logging and review challenges, in Rust
//!
//! The seed's drills, three minutes each. Drills 1 to 6 are code: a few lines of `tracing` each,
//! graded by the events your code emits (level, target, message, fields), captured in memory by
//! the tests; drill 2 by the exact lines your subscriber writes. Nothing is printed and no clock
//! is read, so code that also prints grades the same. Drills 4 and 7, and the reviews 9 and 10,
//! are questions: pick the answer in a function that returns an enum (each option is
//! documented); a wrong answer gets a message about *that* answer, a right one shows the whole
//! explanation beside the passed drill in `cargo day 5 --exercise drills`. Drill 8 reviews Day 2
//! in code.
//!
//! | # | Python (seed) | Rust (here) |
//! |---|---|---|
//! | 1 | create a logger, log at INFO | `drill1_started`: one `info!` event with a field |
//! | 2 | `basicConfig` with a custom format | `drill2_subscriber`: a `fmt` subscriber, its level and format |
//! | 3 | log an exception with `exc_info=True` | `drill3_calculation_failed`: an ERROR event that keeps the error and its sources |
//! | 4 | create a `RotatingFileHandler` | `Drill4`: what rotates a log file by size in tracing's world? |
//! | 5 | per-module loggers, `getLogger(__name__)` | `db::connect`, `http::listen`: the module path is the target |
//! | 6 | different levels for different modules | `drill6_directives`: `EnvFilter` directives, `RUST_LOG`'s syntax |
//! | 7 | `logger.error` vs `logger.exception` | `Drill7`: what does `exception` become without exceptions? |
//! | 8 | review Day 2: a dataclass with 5 fields and `__post_init__` | `Deployment::new` validates |
//! | 9 | review Day 3: a package whose `__init__.py` re-exports | `Drill9`: which line in `monitoring/mod.rs`? |
//! | 10 | review Day 4: a venv, `pip install`, `pip freeze` | `drill10_cargo_for`: the Cargo counterpart of each step |
//!
//! ## Read more
//!
//! - tracing, the macros and their field syntax (`name = value`, `%`, `?`, `target:`): <https://docs.rs/tracing/latest/tracing/#using-the-macros>
//! - tracing-subscriber, `fmt` and its builder (`with_writer`, `without_time`, `with_ansi`, `with_max_level`): <https://docs.rs/tracing-subscriber/latest/tracing_subscriber/fmt/index.html>
//! - tracing-subscriber, `EnvFilter` directives: <https://docs.rs/tracing-subscriber/latest/tracing_subscriber/filter/struct.EnvFilter.html>
//! - tracing, recording an error as a field (`Value` for `dyn Error`): <https://docs.rs/tracing/latest/tracing/field/trait.Value.html>
//! - Python, logging.handlers.RotatingFileHandler: <https://docs.python.org/3/library/logging.handlers.html#rotatingfilehandler>
//! - Python, Logger.exception: <https://docs.python.org/3/library/logging.html#logging.Logger.exception>
//!
//! Write your code where the `todo!()`s are; `cargo day 5` grades each drill. Stuck?
//! `cargo hint 5 drills`.

// The `todo!()` bodies leave parameters and imports unused until you write them.
#![allow(unused)]

use std::error::Error;

use tracing::{Level, Subscriber};
use tracing_subscriber::fmt::MakeWriter;

// ---------------------------------------------------------------------------------------------
// Drill 1: create a logger, log at INFO level.
// ---------------------------------------------------------------------------------------------

// Python: `logger = logging.getLogger(__name__)`, then `logger.info("service started",
// extra={"service": service})`. In Rust there is no logger object to create: the macros
// `trace!` to `error!` send an event to whatever subscriber is installed.

/// Log one event at INFO, with the message `service started` and the field `service` (the
/// argument): the name is a field of its own, not part of the message.
pub fn drill1_started(service: &str) {
    tracing::event!(Level::INFO, ?service, "service started");
}

// ---------------------------------------------------------------------------------------------
// Drill 2: set up basicConfig with a custom format.
// ---------------------------------------------------------------------------------------------

// Python: `logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s",
// stream=out)`. In Rust: `tracing_subscriber::fmt()`, a builder, then `.finish()` for the
// subscriber (`.init()` would also install it for the whole program; the test installs it
// itself, so return it instead).

/// A subscriber that writes one line per event to `out` (`.with_writer(out)`):
///
/// - events at INFO and above (INFO, WARN, ERROR); DEBUG and TRACE are dropped;
/// - no time at the start of the line (`.without_time()`: the seed's `%(asctime)s` is left out
///   here, because a test cannot compare a clock);
/// - no colours (`.with_ansi(false)`): a file or a pipe gets no terminal escape codes;
/// - otherwise `fmt`'s default (full) format: the level right-aligned in five characters, the
///   target, a colon, the message and the fields. For
///   `warn!(target: "app::checks", host = "web-01", "high CPU")` the line is exactly
///   ` WARN app::checks: high CPU host="web-01"`.
pub fn drill2_subscriber<W>(out: W) -> Box<dyn Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_env_filter(tracing_subscriber::EnvFilter::new("info"))
        .without_time()
        .with_writer(out)
        .finish();
    Box::new(subscriber)
}

// ---------------------------------------------------------------------------------------------
// Drill 3: log an exception with exc_info=True.
// ---------------------------------------------------------------------------------------------

// Python: `except ZeroDivisionError: logger.error("Calculation failed", exc_info=True)`. In
// Rust the error is a value you hold, and a field can record it *as an error*: `error = err`
// when `err` is a `&dyn Error` (`error = &e as &dyn Error` for an error `e` of a concrete type).
// The subscriber then gets the error itself and can walk its `source()` chain, the "caused by"
// part of a traceback. `%err` or `err.to_string()` would record one line of text instead.

/// Log one event at ERROR with the message `calculation failed` and the field `error`: `err`,
/// recorded as an error (so that its sources reach the subscriber too).
pub fn drill3_calculation_failed(err: &(dyn Error + 'static)) {
    tracing::error!(error = err, "calculation failed");
}

// ---------------------------------------------------------------------------------------------
// Drill 4: create a RotatingFileHandler.
// ---------------------------------------------------------------------------------------------

/// The seed's `RotatingFileHandler("app.log", maxBytes=5 * 1024 * 1024, backupCount=3)`: when
/// the next line would make `app.log` reach 5 MB, it becomes `app.log.1` (the older ones move up
/// to `.2` and `.3`, the oldest is deleted) and a new `app.log` starts. What gives a tracing
/// setup the same behaviour?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill4 {
    /// `tracing_appender::rolling::Builder` with `Rotation::DAILY` and `.max_log_files(4)` as the
    /// file layer's writer: the tracing project's own rolling appender.
    TracingAppenderDaily,
    /// A level filter on the file layer (`.with_filter(LevelFilter::WARN)`), so that the file
    /// stays small.
    AFilterOnTheFileLayer,
    /// `File::create("app.log")` as the writer each time the service starts, so that every run
    /// begins with an empty file.
    ANewFileAtEachStart,
    /// A writer of your own (an `io::Write` behind a `MakeWriter`) that counts the bytes written
    /// and, before a write that would pass 5 MB, renames the files (`app.log` to `app.log.1`,
    /// ...) and opens a new `app.log`.
    AWriterOfYourOwn,
}

pub fn drill4_rotating_by_size() -> Drill4 {
    Drill4::AWriterOfYourOwn
}

// ---------------------------------------------------------------------------------------------
// Drill 5: use per-module loggers (`__name__`).
// ---------------------------------------------------------------------------------------------

// Python: `logger = logging.getLogger(__name__)` at the top of `monitoring/checks.py` names the
// logger `monitoring.checks`. In Rust every event already has such a name, its *target*: by
// default the path of the module the macro is written in (`module_path!()`, with `::`). So
// there is nothing to create: log from inside the module, and leave `target:` out.

pub mod db {
    /// Log one event at INFO with the message `connecting` and the field `host`, under the
    /// target tracing gives by default: this module's path (it ends in `::db`).
    pub fn connect(host: &str) {
        tracing::info!(host = %host, "connecting");
    }
}

pub mod http {
    /// Log one event at INFO with the message `listening` and the field `port` (a number), under
    /// the default target: this module's path (it ends in `::http`).
    pub fn listen(port: u16) {
        tracing::info!(port = u64::from(port), "listening");
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 6: set different log levels for different modules.
// ---------------------------------------------------------------------------------------------

// Python: `logging.getLogger("app.db").setLevel(logging.DEBUG)`. In Rust, an `EnvFilter` reads
// *directives*, the syntax of the `RUST_LOG` variable: a bare level is the default for
// everything, `target=level` sets one module and every module below it, separated by commas.
// `EnvFilter::try_new(text)` parses them, `EnvFilter::from_default_env()` reads `RUST_LOG`.

/// The directives for: everything at WARN and above, the module `app::db` (and the modules
/// below it) at DEBUG and above, `app::http` (and below) at ERROR only.
pub fn drill6_directives() -> &'static str {
    "app::http=error,app::db=debug,warn"
}

// ---------------------------------------------------------------------------------------------
// Drill 7: what's the difference between logger.error and logger.exception?
// ---------------------------------------------------------------------------------------------

/// In Python, `logger.exception("connect failed")` inside an `except` block is
/// `logger.error("connect failed", exc_info=True)`: the message plus the traceback of the
/// exception being handled; `logger.error` alone logs the message only. In Rust, your function
/// got `Err(e)` from `connect()`, where `e: ConnectError` has the `io::Error` that refused the
/// connection as its `source()`. Which is true?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill7 {
    /// `tracing::exception!("connect failed")` in the `Err` branch: an ERROR event with the
    /// error being handled and its trace, as `logger.exception`.
    AnExceptionMacro,
    /// `error!("connect failed")` in the `Err` branch is enough: tracing attaches the error
    /// being handled and the stack, as `logging` does inside `except`.
    ErrorAttachesWhatIsBeingHandled,
    /// `error!("connect failed: {e}")` and `error!(error = &e as &dyn Error, "connect failed")`
    /// record the same thing, the error's text, in two spellings.
    BothSpellingsRecordTheSame,
    /// Nothing is "being handled": an error is a value you pass. `error!(error = &e as &dyn
    /// Error, "connect failed")` records the error itself, so a subscriber can walk its
    /// `source()` chain; a stack trace exists only if the error captured a `Backtrace` when it
    /// was made.
    TheErrorIsAValueYouRecord,
}

pub fn drill7_error_vs_exception() -> Drill7 {
    Drill7::TheErrorIsAValueYouRecord
}

// ---------------------------------------------------------------------------------------------
// Drill 8: review Day 2, a @dataclass with 5 fields and __post_init__ validation.
// ---------------------------------------------------------------------------------------------

/// The dataclass: five fields, and the derives that write `__repr__` and `__eq__` (and a
/// `copy`) for you.
#[derive(Debug, Clone, PartialEq)]
pub struct Deployment {
    pub service: String,
    pub version: String,
    pub environment: String,
    pub replicas: u32,
    pub port: u16,
}

impl Deployment {
    /// `__init__` and `__post_init__` in one: the fields hold the arguments as given, once they
    /// pass these rules (any version is fine):
    ///
    /// - `service` is not blank (empty, or only whitespace);
    /// - `environment` is exactly `dev`, `staging` or `prod`;
    /// - `replicas` is from 1 to 50, both included;
    /// - `port` is from 1024 to 65535, both included (no privileged port).
    ///
    /// When a rule fails, the error is a message that names the field at fault (`service`,
    /// `environment`, `replicas` or `port`).
    pub fn new(
        service: &str,
        version: &str,
        environment: &str,
        replicas: u32,
        port: u16,
    ) -> Result<Deployment, String> {
        let problem = if service.trim().is_empty() {
            Some("service must not be blank".to_string())
        } else if !["dev", "staging", "prod"].contains(&environment) {
            Some(format!(
                "environment {environment:?} is not dev, staging or prod"
            ))
        } else if !(1..=50).contains(&replicas) {
            Some(format!("replicas must be 1..=50, got {replicas}"))
        } else if port < 1024 {
            Some(format!("port {port} is privileged: use 1024..=65535"))
        } else {
            None
        };
        match problem {
            Some(message) => Err(message),
            None => Ok(Deployment {
                service: service.into(),
                version: version.into(),
                environment: environment.into(),
                replicas,
                port,
            }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 9: review Day 3, a package whose __init__.py re-exports key items.
// ---------------------------------------------------------------------------------------------

/// Day 3's package: `src/monitoring/mod.rs` declares `mod checks;` (private), and
/// `src/monitoring/checks.rs` has `pub struct DiskCheck`. Users of the library should write
/// `use sre_toolkit::monitoring::DiskCheck;` (the seed's `from monitoring import DiskCheck`,
/// which `__init__.py` makes work), while `checks` stays private, free to be reorganised. Which
/// line do you add to `monitoring/mod.rs`?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill9 {
    /// `use checks::DiskCheck;`
    UseChecksDiskCheck,
    /// None: change `mod checks;` to `pub mod checks;`.
    PubModChecks,
    /// `pub(crate) use checks::DiskCheck;`
    PubCrateUse,
    /// `pub use checks::DiskCheck;`
    PubUse,
    /// None: `DiskCheck` is declared `pub`, so it is public from everywhere already.
    NothingItIsPubAlready,
}

pub fn drill9_the_re_export() -> Drill9 {
    Drill9::PubUse
}

// ---------------------------------------------------------------------------------------------
// Drill 10: review Day 4, set up a venv, install packages, freeze requirements.
// ---------------------------------------------------------------------------------------------

/// You cloned a Rust project (it has its `Cargo.toml` and `Cargo.lock`) and it needs one more
/// library, `fetchy` (the seed's `requests`). The seed's steps, in a Python project:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill10Step {
    /// `python3 -m venv .venv`
    CreateTheVenv,
    /// `source .venv/bin/activate`
    ActivateIt,
    /// `pip install requests`
    InstallTheLibrary,
    /// `pip freeze > requirements.txt`
    FreezeTheVersions,
}

/// What you run in the Rust project for each step:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill10Cargo {
    /// Nothing: the step has no Cargo counterpart, or cargo does it by itself.
    Nothing,
    /// `cargo init`
    CargoInit,
    /// `source "$HOME/.cargo/env"`
    SourceCargoEnv,
    /// `cargo add fetchy`
    CargoAdd,
    /// `cargo install fetchy`
    CargoInstall,
    /// `cargo generate-lockfile`
    CargoGenerateLockfile,
}

/// The Cargo counterpart of `step`.
pub fn drill10_cargo_for(step: Drill10Step) -> Drill10Cargo {
    if step == Drill10Step::InstallTheLibrary {
        Drill10Cargo::CargoAdd
    } else {
        Drill10Cargo::Nothing
    }
}
