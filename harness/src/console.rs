//! Running tests for a person (`cargo test`): libtest's familiar lines, one test after another.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use crate::Test;
use crate::args::Args;

/// `--list`: one `name: test` line per selected test, as libtest prints them.
pub fn list(tests: &[Test], args: &Args) {
    let selected: Vec<&Test> = tests.iter().filter(|t| args.selects(t.name)).collect();
    for test in &selected {
        println!("{}: test", test.name);
    }
    if !args.terse {
        println!("\n{} tests, 0 benchmarks", selected.len());
    }
}

/// Runs every selected test on a thread named after it and prints libtest's summary.
/// Output is not captured: what a test prints appears as it runs.
pub fn run_all(tests: &[Test], args: &Args) -> ExitCode {
    let started = Instant::now();
    let selected: Vec<&Test> = tests.iter().filter(|t| args.selects(t.name)).collect();
    println!(
        "\nrunning {} test{}",
        selected.len(),
        if selected.len() == 1 { "" } else { "s" }
    );
    let mut failures = Vec::new();
    for test in &selected {
        print!("test {} ... ", test.name);
        let _ = std::io::stdout().flush();
        let outcome = std::thread::Builder::new()
            .name(test.name.to_owned())
            .spawn(test.function)
            .map_err(|e| e.to_string())
            .and_then(|handle| {
                handle.join().map_err(|payload| {
                    let message = crate::payload_message(&*payload);
                    // A payload whose drop panics would take the harness down with it.
                    std::mem::forget(payload);
                    message
                })
            });
        let explanation = crate::take_explanation();
        match outcome {
            Ok(()) => {
                println!("ok");
                if let Some(explanation) = explanation {
                    println!("    why: {explanation}");
                }
            }
            Err(message) => {
                println!("FAILED");
                failures.push((test.name, message));
            }
        }
    }
    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, message) in &failures {
            println!("---- {name} ----\n{message}\n");
        }
        println!("failures:");
        for (name, _) in &failures {
            println!("    {name}");
        }
    }
    let passed = selected.len() - failures.len();
    println!(
        "\ntest result: {}. {passed} passed; {} failed; 0 ignored; 0 measured; {} filtered out; finished in {:.2}s\n",
        if failures.is_empty() { "ok" } else { "FAILED" },
        failures.len(),
        tests.len() - selected.len(),
        started.elapsed().as_secs_f64()
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(101)
    }
}
