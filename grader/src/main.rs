//! `grader`: the command behind `cargo day N`, `cargo hint N EXERCISE`, `cargo capstone` and
//! `cargo grader check`.

mod cli;
mod instructors;
mod progress;
mod relaunch;

use std::process::ExitCode;

fn main() -> ExitCode {
    // The sandbox's wrapper (a hidden first argument): restrict, then become the program.
    if let Some(code) = grader::sandbox::run_if_wrapper() {
        return code;
    }
    // Ctrl-C or SIGTERM stops every running test's process tree, then exits with 130.
    grader::process::stop_all_on_signal();
    let outcome = cli::run();
    // Interrupted: the tests ended because they were stopped; the signal handler exits with 130.
    while grader::process::interrupted() {
        std::thread::park();
    }
    // Anything the tests left that is still about (an orphan that escaped every earlier sweep).
    grader::process::stop_all();
    match outcome {
        Ok(code) => code,
        Err(error) => {
            use std::io::Write as _;
            let style = anstyle::AnsiColor::Red.on_default().bold();
            let _ = writeln!(anstream::stderr(), "{style}error:{style:#} {error:#}");
            ExitCode::from(2)
        }
    }
}
