//! Points: what each exercise (or capstone area) of a graded submission earns, the gradebook's
//! columns.
//!
//! An exercise is worth its manifest's `weight` (the capstone's areas, which add up to 100), or
//! [`DEFAULT_POINTS`] when it has none (the days' exercises and drills). It earns that many times
//! its share ([`crate::report::ExerciseReport::share`]: the weight of its passing tests over that of its counted
//! ones, as the capstone's score counts), and nothing when it uses an API its policy forbids.

use crate::batch::model::{ExerciseScore, Violation};
use crate::report::{TestStatus, UnitReport};
use crate::workbook::Unit;

/// What a day's exercise is worth when its manifest gives it no `weight`.
pub const DEFAULT_POINTS: f64 = 10.0;

/// The name `--unit` and the reports give a unit: `day1` … `day5`, or `capstone`.
pub fn unit_name(unit: &Unit) -> String {
    match unit.manifest.day {
        Some(day) => format!("day{day}"),
        None => "capstone".to_owned(),
    }
}

fn max_points(weight: Option<u32>) -> f64 {
    weight.map_or(DEFAULT_POINTS, f64::from)
}

/// Rounds to hundredths, so that a gradebook reads 6.67, never 6.666666666666667.
fn hundredths(points: f64) -> f64 {
    (points * 100.0).round() / 100.0
}

/// Every exercise of a graded unit with its points; an exercise with a violation earns none.
pub fn scores_of(unit: &Unit, report: &UnitReport, violations: &[Violation]) -> Vec<ExerciseScore> {
    let name = unit_name(unit);
    report
        .exercises
        .iter()
        .map(|exercise| {
            let max = max_points(exercise.weight);
            let zeroed_by = violations
                .iter()
                .find(|v| v.unit == name && v.exercise == exercise.id)
                .map(Violation::message);
            let points = if zeroed_by.is_some() {
                0.0
            } else {
                hundredths(max * exercise.share())
            };
            ExerciseScore {
                unit: name.clone(),
                id: exercise.id.clone(),
                title: exercise.title.clone(),
                status: Some(exercise.status),
                points,
                max_points: max,
                passed_tests: exercise.count(TestStatus::Passed),
                tests: exercise.counted_tests(),
                zeroed_by,
            }
        })
        .collect()
}

/// Every exercise of a unit at 0, for a submission that could not be graded.
pub fn ungraded(unit: &Unit) -> Vec<ExerciseScore> {
    let name = unit_name(unit);
    unit.manifest
        .exercises
        .iter()
        .map(|exercise| ExerciseScore {
            unit: name.clone(),
            id: exercise.id.clone(),
            title: exercise.title.clone(),
            status: None,
            points: 0.0,
            max_points: max_points(exercise.weight),
            passed_tests: 0,
            tests: 0,
            zeroed_by: None,
        })
        .collect()
}

/// The points earned and possible over `scores`.
pub fn totals(scores: &[ExerciseScore]) -> (f64, f64) {
    let earned = scores.iter().map(|s| s.points).sum::<f64>();
    let possible = scores.iter().map(|s| s.max_points).sum::<f64>();
    (hundredths(earned), hundredths(possible))
}
