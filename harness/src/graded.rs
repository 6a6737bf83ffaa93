//! Running one test for the grader: read the secret, run the test, then report through the file.

use std::io::{BufRead as _, Write as _};
use std::panic::PanicHookInfo;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::thread::ThreadId;

use crate::Test;
use crate::args::Args;
use crate::protocol::{Outcome, TestReport};

/// Where each thread that panicked did so, recorded by the panic hook (the payload has no location).
static PANIC_LOCATIONS: Mutex<Vec<(ThreadId, String)>> = Mutex::new(Vec::new());

/// Runs the one test the grader selected (`--exact NAME`) and writes its result to `result_file`.
/// Never returns normally: the process exits as soon as the result is written, which also ends
/// any thread the test left running.
pub fn run_one(tests: &[Test], args: &Args, result_file: PathBuf) -> ExitCode {
    // The secret comes first, before any test code runs; stdin is at its end afterwards.
    let mut secret = String::new();
    if std::io::stdin().lock().read_line(&mut secret).is_err() || secret.trim().is_empty() {
        eprintln!("workbook-harness: no secret on stdin; the grader runs these tests");
        return ExitCode::from(2);
    }
    let secret = secret.trim().to_owned();
    let selected: Vec<&Test> = tests.iter().filter(|t| args.selects(t.name)).collect();
    let [test] = selected[..] else {
        eprintln!(
            "workbook-harness: the grader runs one test at a time, but {} match",
            selected.len()
        );
        return ExitCode::from(2);
    };

    record_panic_locations();
    let handle = match std::thread::Builder::new()
        .name(test.name.to_owned())
        .spawn(test.function)
    {
        Ok(handle) => handle,
        Err(e) => {
            eprintln!("workbook-harness: cannot start the test's thread: {e}");
            return ExitCode::from(2);
        }
    };
    let thread = handle.thread().id();
    let (outcome, message) = match handle.join() {
        Ok(()) => (Outcome::Passed, None),
        Err(payload) => {
            let message = crate::payload_message(&*payload);
            // A payload whose drop panics would take the harness down before it reports.
            std::mem::forget(payload);
            (Outcome::Failed, Some(message))
        }
    };
    let location = PANIC_LOCATIONS.lock().ok().and_then(|locations| {
        locations
            .iter()
            .rev()
            .find(|(id, _)| *id == thread)
            .map(|(_, location)| location.clone())
    });
    let report = TestReport {
        // Only a pass carries the secret: a failure's result gives a lingering thread nothing.
        secret: (outcome == Outcome::Passed).then_some(secret),
        test: test.name.to_owned(),
        outcome,
        location: location.filter(|_| outcome == Outcome::Failed),
        message,
        explanation: crate::take_explanation().filter(|_| outcome == Outcome::Passed),
    };
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    if let Err(e) = write_report(&result_file, &report) {
        eprintln!("workbook-harness: cannot write the result: {e}");
        std::process::exit(2);
    }
    std::process::exit(match outcome {
        Outcome::Passed => 0,
        Outcome::Failed => 101,
    })
}

fn write_report(path: &PathBuf, report: &TestReport) -> std::io::Result<()> {
    // Replaces whatever anything else wrote there before: only this text counts.
    let mut file = std::fs::File::create(path)?;
    file.write_all(report.render().as_bytes())?;
    file.sync_all()
}

/// Keeps the default hook's message on stderr and notes where each thread panicked.
fn record_panic_locations() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
        if let (Some(location), Ok(mut locations)) = (info.location(), PANIC_LOCATIONS.lock()) {
            locations.push((std::thread::current().id(), location.to_string()));
        }
        default_hook(info);
    }));
}
