//! The words and numbers every format shares: unit and exercise labels, points, and the file
//! names students' results are written under.

use std::collections::BTreeSet;

use crate::batch::{BatchReport, ExerciseScore, SubmissionReport};
use crate::report::UnitReport;

/// "Day 1" for `day1`, "Capstone" for `capstone`; any other name as it is.
pub fn unit_label(unit: &str) -> String {
    match unit.strip_prefix("day") {
        Some(number) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
            format!("Day {number}")
        }
        _ if unit == "capstone" => "Capstone".to_owned(),
        _ => unit.to_owned(),
    }
}

/// The `--unit` name of a graded unit: `day1` … `day5`, `capstone`.
pub(crate) fn unit_name(report: &UnitReport) -> String {
    report
        .day
        .map_or_else(|| "capstone".to_owned(), |day| format!("day{day}"))
}

/// "Day 1 · 1. A health-check framework": the unit, the exercise's position among its unit's
/// numbered exercises (the drills have none), and its title.
pub fn exercise_label(submission: &SubmissionReport, exercise: &ExerciseScore) -> String {
    let number = exercise_number(submission, exercise);
    let unit = unit_label(&exercise.unit);
    match number {
        Some(n) => format!("{unit} · {n}. {}", exercise.title),
        None => format!("{unit} · {}", exercise.title),
    }
}

/// The exercise's position in its unit, from 1, counting the numbered exercises the submission's
/// columns list before it; the drills have none.
fn exercise_number(submission: &SubmissionReport, exercise: &ExerciseScore) -> Option<usize> {
    if exercise.id == "drills" {
        return None;
    }
    let of_unit = submission
        .exercises
        .iter()
        .filter(|e| e.unit == exercise.unit && e.id != "drills");
    of_unit
        .take_while(|e| e.id != exercise.id)
        .count()
        .checked_add(1)
}

/// The full report of an exercise, when its unit was graded.
pub(crate) fn exercise_report<'a>(
    submission: &'a SubmissionReport,
    exercise: &ExerciseScore,
) -> Option<&'a crate::report::ExerciseReport> {
    submission
        .units
        .iter()
        .filter(|u| unit_name(u) == exercise.unit)
        .flat_map(|u| &u.exercises)
        .find(|e| e.id == exercise.id)
}

/// Points with at most two decimals and no trailing zeros: `10`, `7.5`, `3.33`.
pub fn format_points(points: f64) -> String {
    if !points.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{:.2}", round_points(points));
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

/// Points rounded to two decimals, for the formats that write numbers.
pub(crate) fn round_points(points: f64) -> f64 {
    if !points.is_finite() {
        return 0.0;
    }
    let rounded = (points * 100.0).round() / 100.0;
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// "12 / 20 (60%)"-style share, as a whole percentage.
pub(crate) fn percent(points: f64, max_points: f64) -> String {
    if max_points <= 0.0 {
        return "-".to_owned();
    }
    // `+ 0.0` makes a -0 (the sum of no points) a 0.
    format!("{}%", (points / max_points * 100.0).round() + 0.0)
}

/// A file (or folder) name for each submission, in batch order: the student's name with every
/// character but letters, digits, `-`, `_`, `.`, `=`, `@` and `+` made `_`, never hidden, never
/// empty, and made unique (`alice-2`) where two would collide, case-insensitively (as on macOS and
/// Windows).
pub fn student_file_names(report: &BatchReport) -> Vec<String> {
    let mut taken = BTreeSet::new();
    report
        .submissions
        .iter()
        .map(|submission| {
            let base = safe_file_name(&submission.student);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}

fn safe_file_name(student: &str) -> String {
    let mut name: String = student
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.=@+".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with('.') || name.is_empty() {
        name.insert(0, '_');
    }
    // Windows keeps neither a trailing dot nor the device names.
    if name.ends_with('.') {
        name.push('_');
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let device = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit());
    if device {
        name.insert(0, '_');
    }
    name.chars().take(100).collect()
}

/// The learner files a submission lacks, with `/` separators: those it has but that were ignored
/// (a link, too large) are listed as ignored, not again as missing.
pub(crate) fn only_missing(
    submission: &crate::batch::SubmissionReport,
) -> impl Iterator<Item = String> + '_ {
    submission
        .missing_files
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|path| !submission.ignored_files.iter().any(|f| f.path == *path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_have_at_most_two_decimals_and_no_trailing_noise() {
        assert_eq!(format_points(10.0), "10");
        assert_eq!(format_points(7.5), "7.5");
        assert_eq!(format_points(10.0 / 3.0), "3.33");
        assert_eq!(format_points(0.1 + 0.2), "0.3");
        assert_eq!(format_points(2.999), "3");
        assert_eq!(format_points(-0.0001), "0");
        assert_eq!(format_points(f64::NAN), "0");
        assert_eq!(round_points(0.1 + 0.2), 0.3);
    }

    #[test]
    fn units_are_labelled_as_the_reports_name_them() {
        assert_eq!(unit_label("day1"), "Day 1");
        assert_eq!(unit_label("day12"), "Day 12");
        assert_eq!(unit_label("capstone"), "Capstone");
        assert_eq!(unit_label("dayx"), "dayx");
    }

    #[test]
    fn student_file_names_are_safe_and_unique() {
        let mut report = super::super::sample::batch();
        let template = report.submissions[0].clone();
        report.submissions.clear();
        for student in [
            "../x", "Alice", "alice", "", ".hidden", "con", "a/b\\c", "tr.",
        ] {
            let mut submission = template.clone();
            submission.student = student.to_owned();
            report.submissions.push(submission);
        }
        assert_eq!(
            student_file_names(&report),
            [
                "_.._x", "Alice", "alice-2", "_", "_.hidden", "_con", "a_b_c", "tr._"
            ]
        );
    }
}
