//! Turns one test process's exit, result and output into a result with a reason.
//!
//! Exit status alone proves nothing: a test that calls `process::exit(0)` ends its binary with
//! status 0 and no result. A canonical test passes only on a result from `workbook-harness` that
//! carries the run's secret ([`classify_harness`]); what the process printed is only ever shown.
//! The learner's own tests run under libtest and are read from its output ([`classify_libtest`]).

use workbook_harness::protocol::{Outcome, TestReport};

use crate::paths::tidy_paths;
use crate::report::TestStatus;

/// How many lines of a failure message a report keeps.
const MAX_MESSAGE_LINES: usize = 30;
/// How many bytes of a failure message a report keeps.
const MAX_MESSAGE_BYTES: usize = 8 * 1024;

/// How the test process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// It exited with this code.
    Code(i32),
    /// A signal ended it (an abort, a stack overflow, a kill).
    Signal(i32),
    /// It ran past its limit and the grader stopped it, after this many seconds.
    TimedOut(u64),
}

/// A classified result: the status, what to tell the learner, and where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub status: TestStatus,
    pub message: Option<String>,
    pub location: Option<String>,
    /// Something worth knowing about a run whatever its result ("left a process running").
    pub note: Option<String>,
    /// Why the checked answer is right, from a passed harness test that explained it.
    pub explanation: Option<String>,
}

impl Verdict {
    fn new(
        status: TestStatus,
        message: impl Into<Option<String>>,
        location: Option<String>,
    ) -> Self {
        Verdict {
            status,
            message: message.into(),
            location,
            note: None,
            explanation: None,
        }
    }
}

fn timed_out(secs: u64) -> Verdict {
    Verdict::new(
        TestStatus::TimedOut,
        format!(
            "still running after {secs} s, so it was stopped: an endless loop, or waiting for something that never comes?"
        ),
        None,
    )
}

/// Classifies the run of the canonical test `name`: `report` is the result file it left (`None`
/// when there is none), `secret` what the grader handed it.
pub fn classify_harness(
    name: &str,
    secret: &str,
    exit: Exit,
    report: Option<Result<TestReport, String>>,
    stdout: &str,
    stderr: &str,
) -> Verdict {
    if let Exit::TimedOut(secs) = exit {
        return timed_out(secs);
    }
    let report = match report {
        Some(Ok(report))
            if report.test == name
                && (report.outcome == Outcome::Failed
                    || report.secret.as_deref() == Some(secret)) =>
        {
            report
        }
        Some(Ok(_)) | Some(Err(_)) => {
            return Verdict::new(
                TestStatus::Crashed,
                "the test's result was not written by the test harness: the code under test \
                 wrote into the grader's result file, so this run has no result"
                    .to_owned(),
                None,
            );
        }
        None => {
            return Verdict::new(
                TestStatus::Crashed,
                crash_reason(exit, stderr),
                find_panic(stderr).and_then(|p| p.location),
            );
        }
    };
    match report.outcome {
        // The harness exits 0 right after it writes a pass; anything else ended it first.
        Outcome::Passed if exit == Exit::Code(0) => Verdict {
            explanation: report.explanation,
            ..Verdict::new(TestStatus::Passed, None, None)
        },
        Outcome::Passed => Verdict::new(
            TestStatus::Crashed,
            format!(
                "the test passed, but then its process ended another way ({}), so the pass does not count",
                crash_reason(exit, stderr)
            ),
            None,
        ),
        Outcome::Failed => {
            let message = report.message.unwrap_or_else(|| "panicked".to_owned());
            let location = report.location.map(|l| tidy_paths(&l));
            if is_todo(&message) {
                return Verdict::new(
                    TestStatus::NotStarted,
                    not_started_message(&message),
                    location,
                );
            }
            if location.as_deref().is_some_and(is_outside_workbook) {
                // A panic inside a library (insta, trybuild) says little on its own: what the
                // test printed before it (a snapshot's diff, say) is the explanation.
                let printed = stdout.trim();
                let message = if printed.is_empty() {
                    cap_lines(&message).unwrap_or(message)
                } else {
                    cap_tail_lines(&format!("{printed}\n{message}"))
                };
                return Verdict::new(TestStatus::Failed, message, None);
            }
            Verdict::new(
                TestStatus::Failed,
                cap_lines(&message).unwrap_or(message),
                location,
            )
        }
    }
}

/// A location outside the workbook: an absolute path (cargo passes the workbook's files to rustc
/// relative to the workspace, and dependencies' absolute), on Unix or on Windows.
fn is_outside_workbook(location: &str) -> bool {
    crate::paths::is_absolute_location(location)
}

/// Classifies the run of the learner's own test `name` under libtest, from its exit and output.
///
/// A pass needs libtest's summary of one passed test and a clean exit. Lines are matched anywhere,
/// not whole: a test's own output may run into libtest's on the same line.
pub fn classify_libtest(name: &str, exit: Exit, stdout: &str, stderr: &str) -> Verdict {
    if let Exit::TimedOut(secs) = exit {
        return timed_out(secs);
    }
    // libtest writes `test NAME ... ok`, or `test NAME - should panic ... ok` for a
    // `#[should_panic]` test; the same with `FAILED`; and `test NAME ... ignored`.
    let result_line = |verdict: &str| {
        let plain = format!("test {name} ... {verdict}");
        let should_panic = format!("test {name} - should panic ... {verdict}");
        stdout
            .lines()
            .any(|l| l.contains(&plain) || l.contains(&should_panic))
    };
    let summary_ok = |counts: &str| {
        stdout
            .lines()
            .any(|l| l.contains(&format!("test result: ok. {counts}")))
    };

    if result_line("ok") && summary_ok("1 passed") && exit == Exit::Code(0) {
        return Verdict::new(TestStatus::Passed, None, None);
    }
    if result_line("ignored") && summary_ok("0 passed") && exit == Exit::Code(0) {
        return Verdict::new(
            TestStatus::Ignored,
            "marked #[ignore], so it does not run and does not count".to_owned(),
            None,
        );
    }
    if result_line("FAILED") {
        let section = failure_section(name, stdout);
        return match find_panic(section).or_else(|| find_panic(stderr)) {
            Some(panic) if is_todo(&panic.message) => Verdict::new(
                TestStatus::NotStarted,
                not_started_message(&panic.message),
                panic.location,
            ),
            // A panic inside a library (insta, trybuild) says little on its own: what the test
            // printed before it (a snapshot's diff, say) is the explanation.
            Some(panic) if panic.location.as_deref().is_some_and(is_outside_workbook) => {
                let printed = section[..section.rfind("thread '").unwrap_or(section.len())].trim();
                let message = if printed.is_empty() {
                    panic.message
                } else {
                    cap_lines(&format!("{printed}\n{}", panic.message)).unwrap_or(panic.message)
                };
                Verdict::new(TestStatus::Failed, message, None)
            }
            Some(panic) => Verdict::new(TestStatus::Failed, panic.message, panic.location),
            None => Verdict::new(
                TestStatus::Failed,
                cap_lines(section.trim()).unwrap_or_else(|| "failed".to_owned()),
                None,
            ),
        };
    }
    Verdict::new(
        TestStatus::Crashed,
        crash_reason(exit, stderr),
        find_panic(stderr).and_then(|p| p.location),
    )
}

fn crash_reason(exit: Exit, stderr: &str) -> String {
    // The harness says why it could not run or report a test.
    if let Some(line) = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("workbook-harness: "))
    {
        return format!("the test harness stopped: {}", cap_bytes(line));
    }
    if stderr.contains("has overflowed its stack") {
        return "the stack overflowed: a function that calls itself without end?".to_owned();
    }
    match exit {
        Exit::Code(0) => {
            "the process exited before the test finished: does the code call std::process::exit?"
                .to_owned()
        }
        Exit::Code(code) => {
            format!("the process exited with status {code} before the test finished")
        }
        Exit::Signal(6) => {
            "the process aborted (std::process::abort, or a panic while panicking)".to_owned()
        }
        Exit::Signal(signal) => format!("the process was killed by signal {signal}"),
        Exit::TimedOut(_) => unreachable!("handled before"),
    }
}

/// The `---- NAME stdout ----` section of libtest's failure output, or all of stdout without one.
fn failure_section<'a>(name: &str, stdout: &'a str) -> &'a str {
    let header = format!("---- {name} stdout ----");
    let Some(start) = stdout.find(&header) else {
        return stdout;
    };
    let body = &stdout[start + header.len()..];
    let end = body.find("\nfailures:\n").unwrap_or(body.len());
    &body[..end]
}

struct Panic {
    message: String,
    location: Option<String>,
}

/// The last panic in `text`: `thread 'x' (12) panicked at src/a.rs:3:5:` and the lines after it.
fn find_panic(text: &str) -> Option<Panic> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .rposition(|l| l.starts_with("thread '") && l.contains(" panicked at "))?;
    let header = lines[start];
    let location = header
        .split_once(" panicked at ")
        .map(|(_, rest)| tidy_paths(rest.trim_end_matches(':')));
    let message: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| {
            !l.starts_with("note: run with `RUST_BACKTRACE") && !l.starts_with("stack backtrace:")
        })
        .copied()
        .collect();
    let message = cap_lines(message.join("\n").trim()).unwrap_or_else(|| "panicked".to_owned());
    Some(Panic { message, location })
}

/// "reached a todo!() that is still to be written", with what the `todo!("…")` itself says: a test
/// that finds a step not begun (Day 4's manifests) names the step there.
fn not_started_message(todo: &str) -> String {
    let said = todo
        .split_once(": ")
        .map(|(_, said)| said.trim())
        .filter(|said| !said.is_empty());
    match said {
        Some(said) => format!("reached a todo!() that is still to be written: {said}"),
        None => "reached a todo!() that is still to be written".to_owned(),
    }
}

fn is_todo(message: &str) -> bool {
    message.starts_with("not yet implemented") || message.starts_with("not implemented")
}

/// The last lines of `text`: the end of a test's output is nearest to its failure.
fn cap_tail_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_MESSAGE_LINES {
        return cap_bytes(text);
    }
    cap_bytes(&format!(
        "… ({} lines before)\n{}",
        lines.len() - MAX_MESSAGE_LINES,
        lines[lines.len() - MAX_MESSAGE_LINES..].join("\n")
    ))
}

fn cap_lines(text: &str) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_MESSAGE_LINES {
        return Some(cap_bytes(text));
    }
    Some(format!(
        "{}\n… ({} more lines)",
        cap_bytes(&lines[..MAX_MESSAGE_LINES].join("\n")),
        lines.len() - MAX_MESSAGE_LINES
    ))
}

/// At most [`MAX_MESSAGE_BYTES`] of `text`, cut at a character boundary: a single line can be huge.
fn cap_bytes(text: &str) -> String {
    if text.len() <= MAX_MESSAGE_BYTES {
        return text.to_owned();
    }
    let mut end = MAX_MESSAGE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes left out)", &text[..end], text.len() - end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSED: &str = "\nrunning 1 test\ntest t ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 4 filtered out; finished in 0.00s\n\n";

    fn failed(panic: &str) -> String {
        format!(
            "\nrunning 1 test\ntest t ... FAILED\n\nfailures:\n\n---- t stdout ----\nsome print\n\nthread 't' (2579) panicked at days/d/tests/../src/ex1.rs:7:19:\n{panic}\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n\nfailures:\n    t\n\ntest result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 4 filtered out; finished in 0.00s\n\n"
        )
    }

    #[test]
    fn a_pass_needs_the_ok_line_the_summary_and_a_clean_exit() {
        assert_eq!(
            classify_libtest("t", Exit::Code(0), PASSED, "").status,
            TestStatus::Passed
        );
        // The right words with a bad exit, or for another test, are not a pass.
        assert_eq!(
            classify_libtest("t", Exit::Code(101), PASSED, "").status,
            TestStatus::Crashed
        );
        assert_eq!(
            classify_libtest("u", Exit::Code(0), PASSED, "").status,
            TestStatus::Crashed
        );
    }

    #[test]
    fn should_panic_tests_pass_and_fail_and_ignored_ones_are_their_own_result() {
        let passed = "\nrunning 1 test\ntest t - should panic ... ok\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 3 filtered out; finished in 0.00s\n";
        assert_eq!(
            classify_libtest("t", Exit::Code(0), passed, "").status,
            TestStatus::Passed
        );
        let failed = "\nrunning 1 test\ntest t - should panic ... FAILED\n\nfailures:\n\n---- t stdout ----\nnote: test did not panic as expected\n\nfailures:\n    t\n";
        let verdict = classify_libtest("t", Exit::Code(101), failed, "");
        assert_eq!(verdict.status, TestStatus::Failed);
        assert!(verdict.message.unwrap().contains("did not panic"));
        let ignored = "\nrunning 1 test\ntest t ... ignored\n\ntest result: ok. 0 passed; 0 failed; 1 ignored; 0 measured; 3 filtered out; finished in 0.00s\n";
        assert_eq!(
            classify_libtest("t", Exit::Code(0), ignored, "").status,
            TestStatus::Ignored
        );
    }

    #[test]
    fn a_panic_inside_a_library_keeps_what_the_test_printed_before_it() {
        let out = "test t ... FAILED\n\nfailures:\n\n---- t stdout ----\n-old line\n+new line\n\nthread 't' (7) panicked at /root/.cargo/registry/src/insta-1.49.0/src/runtime.rs:734:13:\nsnapshot assertion for 'table' failed in line 293\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\nfailures:\n    t\n";
        let verdict = classify_libtest("t", Exit::Code(101), out, "");
        assert_eq!(verdict.status, TestStatus::Failed);
        assert_eq!(
            verdict.message.as_deref(),
            Some("-old line\n+new line\nsnapshot assertion for 'table' failed in line 293")
        );
        assert_eq!(
            verdict.location, None,
            "a path outside the workbook is no place to open"
        );
    }

    #[test]
    fn process_exit_zero_without_a_result_is_a_crash_that_names_exit() {
        let verdict = classify_libtest("t", Exit::Code(0), "\nrunning 1 test\ntest t ... ", "");
        assert_eq!(verdict.status, TestStatus::Crashed);
        assert!(verdict.message.unwrap().contains("process::exit"));
    }

    #[test]
    fn an_assertion_is_a_failure_with_its_message_and_a_tidy_location() {
        let out = failed(
            "assertion `left == right` failed: name must be b\n  left: \"a\"\n right: \"b\"",
        );
        let verdict = classify_libtest("t", Exit::Code(101), &out, "");
        assert_eq!(verdict.status, TestStatus::Failed);
        let message = verdict.message.unwrap();
        assert!(
            message.starts_with("assertion `left == right` failed: name must be b"),
            "{message}"
        );
        assert!(message.ends_with("right: \"b\""), "{message}");
        assert_eq!(verdict.location.as_deref(), Some("days/d/src/ex1.rs:7:19"));
    }

    #[test]
    fn todo_and_unimplemented_mean_not_started() {
        for panic in [
            "not yet implemented",
            "not implemented: later",
            "not yet implemented: write me",
        ] {
            let verdict = classify_libtest("t", Exit::Code(101), &failed(panic), "");
            assert_eq!(verdict.status, TestStatus::NotStarted, "{panic}");
            assert_eq!(verdict.location.as_deref(), Some("days/d/src/ex1.rs:7:19"));
        }
        // What the todo!() says is kept: a test's todo!() names the step not begun.
        let verdict = classify_libtest(
            "t",
            Exit::Code(101),
            &failed("not yet implemented: step 1: add fetchy"),
            "",
        );
        assert_eq!(
            verdict.message.as_deref(),
            Some("reached a todo!() that is still to be written: step 1: add fetchy")
        );
        // A message that only mentions todo further on is a real failure.
        let verdict = classify_libtest(
            "t",
            Exit::Code(101),
            &failed("expected 3, not yet implemented"),
            "",
        );
        assert_eq!(verdict.status, TestStatus::Failed);
    }

    #[test]
    fn timeouts_aborts_and_stack_overflows_have_their_own_reasons() {
        let verdict = classify_libtest("t", Exit::TimedOut(5), "test t ... ", "");
        assert_eq!(verdict.status, TestStatus::TimedOut);
        assert!(verdict.message.unwrap().contains("5 s"));

        let overflow =
            "\nthread 't' has overflowed its stack\nfatal runtime error: stack overflow\n";
        let verdict = classify_libtest("t", Exit::Signal(6), "test t ... ", overflow);
        assert_eq!(verdict.status, TestStatus::Crashed);
        assert!(verdict.message.unwrap().contains("stack overflowed"));

        let verdict = classify_libtest("t", Exit::Signal(6), "test t ... ", "");
        assert!(verdict.message.unwrap().contains("aborted"));
    }

    #[test]
    fn a_single_huge_line_is_capped_too() {
        let huge = "é".repeat(1 << 20);
        let verdict = classify_libtest("t", Exit::Code(101), &failed(&huge), "");
        let message = verdict.message.unwrap();
        assert!(message.len() < MAX_MESSAGE_BYTES + 100, "{}", message.len());
        assert!(
            message.ends_with("bytes left out)"),
            "{}",
            &message[message.len() - 40..]
        );
    }

    #[test]
    fn a_failure_without_a_panic_keeps_its_output_and_long_messages_are_capped() {
        let out = "test t ... FAILED\n\nfailures:\n\n---- t stdout ----\nError: \"disk full\"\n\nfailures:\n    t\n";
        let verdict = classify_libtest("t", Exit::Code(101), out, "");
        assert_eq!(verdict.status, TestStatus::Failed);
        assert_eq!(verdict.message.as_deref(), Some("Error: \"disk full\""));

        let long: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
        let verdict = classify_libtest("t", Exit::Code(101), &failed(&long.join("\n")), "");
        let message = verdict.message.unwrap();
        assert_eq!(message.lines().count(), MAX_MESSAGE_LINES + 1);
        assert!(message.ends_with("(70 more lines)"), "{message}");
    }
}
