//! The result file a graded test run writes: its format, written by the harness, read by the grader.
//!
//! The grader starts one test per process. It names a result file in [`RESULT_FILE_ENV`] and writes
//! a fresh secret, one line, to the test's stdin, then closes it. The harness reads the secret before
//! any test code runs, runs the test, and only after the test function has returned writes:
//!
//! ```text
//! workbook-harness-result 1
//! test a_disk_check_fails_above_its_threshold
//! outcome passed
//! secret 6f1c…
//! ```
//!
//! (with `explanation …` after the secret when the test called [`crate::explain`]), or, when it
//! panicked, no secret but where and why:
//!
//! ```text
//! workbook-harness-result 1
//! test a_disk_check_fails_above_its_threshold
//! outcome failed
//! location days/day1-traits/tests/ex1_health_checks.rs:42:5
//! message assertion `left == right` failed\n  left: 1\n right: 2
//! ```
//!
//! A pass counts only with the secret of that run. Learner code never sees it: it was read from
//! stdin before the test started, and it is written only for a pass, so a thread that the test
//! left running and that reads a failure's result finds nothing to turn it into a pass with. A
//! failure needs no proof: faking one only hurts the faker.

/// The environment variable that names the result file; its presence means "graded by the grader".
pub const RESULT_FILE_ENV: &str = "WORKBOOK_HARNESS_RESULT";
/// The first line of every result file; the number is the format's version.
pub const HEADER: &str = "workbook-harness-result 1";

/// How the test function ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It returned normally.
    Passed,
    /// It panicked.
    Failed,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
        }
    }
}

/// One graded test's result, as the harness reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestReport {
    /// The run's secret: only in a pass.
    pub secret: Option<String>,
    pub test: String,
    pub outcome: Outcome,
    /// Where the test panicked (`file:line:column`), when known.
    pub location: Option<String>,
    /// The panic message, when it failed.
    pub message: Option<String>,
    /// Why the checked answer is right, when it passed and the test explained it.
    pub explanation: Option<String>,
}

impl TestReport {
    /// The file's text.
    pub fn render(&self) -> String {
        let mut text = format!(
            "{HEADER}\ntest {}\noutcome {}\n",
            escape(&self.test),
            self.outcome.as_str()
        );
        if let Some(secret) = &self.secret {
            text.push_str(&format!("secret {}\n", escape(secret)));
        }
        if let Some(location) = &self.location {
            text.push_str(&format!("location {}\n", escape(location)));
        }
        if let Some(message) = &self.message {
            text.push_str(&format!("message {}\n", escape(message)));
        }
        if let Some(explanation) = &self.explanation {
            text.push_str(&format!("explanation {}\n", escape(explanation)));
        }
        text
    }

    /// Parses a result file strictly: an unknown, repeated or missing line is an error, never skipped.
    pub fn parse(text: &str) -> Result<TestReport, String> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(format!("the result does not start with `{HEADER}`"));
        }
        let (mut secret, mut test, mut outcome, mut location, mut message, mut explanation) =
            (None, None, None, None, None, None);
        for line in lines {
            let (key, value) = line
                .split_once(' ')
                .ok_or_else(|| format!("unreadable line in the result: {line:?}"))?;
            let value = unescape(value)?;
            let slot = match key {
                "secret" => &mut secret,
                "test" => &mut test,
                "outcome" => &mut outcome,
                "location" => &mut location,
                "message" => &mut message,
                "explanation" => &mut explanation,
                _ => return Err(format!("unknown line in the result: {line:?}")),
            };
            if slot.replace(value).is_some() {
                return Err(format!("the result repeats `{key}`"));
            }
        }
        let outcome = match outcome.as_deref() {
            Some("passed") => Outcome::Passed,
            Some("failed") => Outcome::Failed,
            Some(other) => return Err(format!("unknown outcome {other:?}")),
            None => return Err("the result has no outcome".to_owned()),
        };
        Ok(TestReport {
            secret,
            test: test.ok_or("the result names no test")?,
            outcome,
            location,
            message,
            explanation,
        })
    }
}

/// One line per field: backslashes, newlines and carriage returns are escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            other => return Err(format!("bad escape \\{other:?} in the result")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> TestReport {
        TestReport {
            secret: Some("abc123".into()),
            test: "t".into(),
            outcome: Outcome::Failed,
            location: Some(r"C:\work\tests\ex1.rs:3:5".into()),
            message: Some("left: 1\r\nright: \\n 2\n".into()),
            explanation: Some("Cargo.lock\nis written for you".into()),
        }
    }

    #[test]
    fn a_report_survives_the_round_trip_with_newlines_and_backslashes() {
        let report = report();
        assert_eq!(TestReport::parse(&report.render()), Ok(report));
    }

    #[test]
    fn unknown_repeated_and_missing_lines_are_errors() {
        let text = report().render();
        assert!(TestReport::parse(&format!("{text}extra line\n")).is_err());
        assert!(TestReport::parse(&format!("{text}outcome passed\n")).is_err());
        assert!(TestReport::parse(&text.replace("outcome failed\n", "")).is_err());
        assert!(TestReport::parse(&text.replace(HEADER, "workbook-harness-result 2")).is_err());
        assert!(TestReport::parse("").is_err());
    }
}
