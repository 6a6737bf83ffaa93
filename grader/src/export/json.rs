//! The JSON exports: the whole class in one file, and each submission in its own, with points
//! rounded to two decimals.

use crate::batch::{BatchReport, SubmissionReport};

use super::names::round_points;

/// The class's report as JSON: the batch, every submission with its full unit reports.
pub fn json_class(report: &BatchReport) -> String {
    let mut report = report.clone();
    report.submissions.iter_mut().for_each(round_submission);
    to_json(&report)
}

/// One submission's report as JSON.
pub fn json_submission(submission: &SubmissionReport) -> String {
    let mut submission = submission.clone();
    round_submission(&mut submission);
    to_json(&submission)
}

fn round_submission(submission: &mut SubmissionReport) {
    submission.points = round_points(submission.points);
    submission.max_points = round_points(submission.max_points);
    for exercise in &mut submission.exercises {
        exercise.points = round_points(exercise.points);
        exercise.max_points = round_points(exercise.max_points);
    }
}

fn to_json(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .expect("the batch report has only strings, numbers and lists: it always serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn the_class_json_reads_back_as_the_same_batch() {
        let report = sample::batch();
        let text = json_class(&report);
        let back: BatchReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back.submissions.len(), 3);
        assert_eq!(back.submissions[1].points, 11.67, "rounded to two decimals");
        assert_eq!(back.submissions[2].outcome, report.submissions[2].outcome);
        insta::assert_snapshot!(text);
    }

    #[test]
    fn a_submissions_json_is_that_submission() {
        let report = sample::batch();
        let text = json_submission(&report.submissions[1]);
        let back: SubmissionReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back.student, "bob, \"bobby\"");
        assert_eq!(back.violations, report.submissions[1].violations);
        insta::assert_snapshot!(text);
    }
}
