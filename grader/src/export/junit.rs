//! JUnit XML for CI dashboards: one `<testsuite>` per student and exercise, a `<testcase>` per
//! test, with every text escaped so that any message makes a well-formed XML 1.0 document.

use std::fmt::Write as _;

use crate::batch::{BatchReport, SubmissionOutcome, SubmissionReport};
use crate::report::{TestResult, TestStatus};

use super::names::exercise_report;

/// The class as one `<testsuites>`: a suite named `<student>/<unit>/<exercise-id>` per exercise,
/// with a case per test (`<failure>` for failed, not compiling, timed out and crashed tests,
/// `<skipped/>` for not started and ignored ones); a forbidden API is a failing `policy` case. A
/// submission that was not graded is one suite, `<student>/submission`, with an `<error>`.
pub fn junit(report: &BatchReport) -> String {
    let suites: Vec<Suite> = report.submissions.iter().flat_map(suites_of).collect();
    let total = |f: fn(&Suite) -> usize| suites.iter().map(f).sum::<usize>();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"workbook grading\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
        total(|s| s.cases.len()),
        total(|s| s.count(Kind::Failure)),
        total(|s| s.count(Kind::Error)),
        total(|s| s.count(Kind::Skipped)),
    );
    for suite in &suites {
        suite.write(&mut out);
    }
    out.push_str("</testsuites>\n");
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Passed,
    Failure,
    Error,
    Skipped,
}

struct Case {
    name: String,
    classname: String,
    kind: Kind,
    /// The status in words, the failure's `type`.
    status: &'static str,
    message: Option<String>,
    seconds: f64,
}

struct Suite {
    name: String,
    cases: Vec<Case>,
}

impl Suite {
    fn count(&self, kind: Kind) -> usize {
        self.cases.iter().filter(|c| c.kind == kind).count()
    }

    fn write(&self, out: &mut String) {
        let seconds: f64 = self.cases.iter().map(|c| c.seconds).sum();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{seconds:.3}\">",
            escape(&self.name),
            self.cases.len(),
            self.count(Kind::Failure),
            self.count(Kind::Error),
            self.count(Kind::Skipped),
        );
        for case in &self.cases {
            case.write(out);
        }
        out.push_str("  </testsuite>\n");
    }
}

impl Case {
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3}\"",
            escape(&self.name),
            escape(&self.classname),
            self.seconds
        );
        if self.kind == Kind::Passed && self.message.is_none() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        let message = self.message.as_deref().unwrap_or(self.status);
        match self.kind {
            Kind::Passed => {}
            Kind::Skipped => {
                let _ = writeln!(out, "      <skipped message=\"{}\"/>", escape(message));
            }
            Kind::Failure | Kind::Error => {
                let element = if self.kind == Kind::Failure {
                    "failure"
                } else {
                    "error"
                };
                let _ = writeln!(
                    out,
                    "      <{element} message=\"{}\" type=\"{}\">{}</{element}>",
                    escape(message),
                    escape(self.status),
                    escape(message)
                );
            }
        }
        if let Some(message) = &self.message {
            let _ = writeln!(out, "      <system-out>{}</system-out>", escape(message));
        }
        out.push_str("    </testcase>\n");
    }
}

fn suites_of(submission: &SubmissionReport) -> Vec<Suite> {
    let reason = match &submission.outcome {
        SubmissionOutcome::Graded => None,
        SubmissionOutcome::Unreadable { reason } => Some(format!("unreadable: {reason}")),
        SubmissionOutcome::Refused { reason } => Some(format!("refused: {reason}")),
    };
    if let Some(reason) = reason {
        return vec![Suite {
            name: format!("{}/submission", submission.student),
            cases: vec![Case {
                name: "submission".to_owned(),
                classname: submission.student.clone(),
                kind: Kind::Error,
                status: "not graded",
                message: Some(reason),
                seconds: 0.0,
            }],
        }];
    }
    submission
        .exercises
        .iter()
        .map(|exercise| {
            let classname = format!("{}.{}.{}", submission.student, exercise.unit, exercise.id);
            let tests = exercise_report(submission, exercise).map_or(&[][..], |e| &e.tests[..]);
            let mut cases: Vec<Case> = tests.iter().map(|t| case_of(t, &classname)).collect();
            if let Some(zeroed_by) = &exercise.zeroed_by {
                cases.push(Case {
                    name: "policy".to_owned(),
                    classname: classname.clone(),
                    kind: Kind::Failure,
                    status: "not allowed",
                    message: Some(zeroed_by.clone()),
                    seconds: 0.0,
                });
            }
            Suite {
                name: format!("{}/{}/{}", submission.student, exercise.unit, exercise.id),
                cases,
            }
        })
        .collect()
}

fn case_of(test: &TestResult, classname: &str) -> Case {
    let kind = match test.status {
        TestStatus::Passed => Kind::Passed,
        TestStatus::NotStarted | TestStatus::Ignored => Kind::Skipped,
        TestStatus::Failed
        | TestStatus::DoesNotCompile
        | TestStatus::TimedOut
        | TestStatus::Crashed => Kind::Failure,
    };
    let message = match (&test.message, &test.location) {
        (Some(message), Some(location)) => Some(format!("{message}\nat {location}")),
        (Some(message), None) => Some(message.clone()),
        (None, _) => None,
    };
    Case {
        name: test.name.clone(),
        classname: classname.to_owned(),
        kind,
        status: test.status.describe(),
        message,
        seconds: test.duration_ms as f64 / 1000.0,
    }
}

/// Escapes text for an XML 1.0 attribute or element: the five markup characters, line breaks and
/// tabs as character references (so attributes keep them), and the characters XML 1.0 forbids
/// (other control characters, U+FFFE, U+FFFF) and those a terminal would interpret (escape
/// sequences, bidirectional controls) written out as `\u{1b}`.
fn escape(text: &str) -> String {
    let text = crate::sanitize::for_terminal(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn junit_has_a_suite_per_student_and_exercise() {
        let text = junit(&sample::batch());
        assert!(
            text.contains(
                "<testsuite name=\"alice/day1/health-checks\" tests=\"2\" failures=\"0\""
            ),
            "{text}"
        );
        assert!(
            text.contains("<testsuite name=\"=cmd/submission\""),
            "{text}"
        );
        assert_eq!(
            text.matches("<testsuite ").count(),
            7,
            "3 for alice, 3 for bob, 1 for =cmd"
        );
        assert!(
            text.contains("<skipped message=\"not yet implemented&#10;at "),
            "{text}"
        );
        assert!(
            text.contains("<failure message=\"not allowed in this exercise"),
            "{text}"
        );
        insta::assert_snapshot!(text);
    }

    #[test]
    fn every_character_xml_forbids_is_written_out_and_markup_escaped() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(
            escape("\u{1b}[0m\u{0}\u{ffff}"),
            "\\u{1b}[0m\\u{0}\\u{ffff}"
        );
        assert_eq!(escape("one\ntwo\tthree"), "one&#10;two&#9;three");
        assert_eq!(escape("ü ✓"), "ü ✓");
        let text = junit(&sample::batch());
        assert!(
            text.chars().all(|c| !c.is_control() || c == '\n'),
            "only line breaks between elements are left raw"
        );
    }
}
