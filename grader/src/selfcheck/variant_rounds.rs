//! The variants' rounds: every alternative solution and planted mistake of a unit, laid over the
//! reference solution in the solutions' stage and graded.

use std::path::Path;

use super::reports::warnings_of;
use super::{MistakeMessage, Problem, SelfCheckError};
use crate::grade::{GradeOptions, grade_unit};
use crate::next_step::first_to_show;
use crate::report::TestStatus;
use crate::stage::copy_file;
use crate::variants::{self, VariantKind};
use crate::workbook::{Unit, Workbook};

/// Grades every alternative and planted mistake of `unit` in the solutions' stage at `stage_root`:
/// an alternative passes every test of its exercise, a mistake fails at least one.
pub(super) fn check_variants(
    workbook: &Workbook,
    unit: &Unit,
    stage_root: &Path,
    options: &GradeOptions<'_>,
    problems: &mut Vec<Problem>,
    mistakes: &mut Vec<MistakeMessage>,
) -> Result<(), SelfCheckError> {
    let mut problem = |what: String| {
        problems.push(Problem {
            place: unit.label(),
            what,
        })
    };
    let path = variants::variants_path(workbook, unit);
    let shown = path
        .strip_prefix(&workbook.root)
        .unwrap_or(&path)
        .display()
        .to_string();
    if !path.is_file() {
        problem(format!(
            "there is no {shown}: give every exercise at least one alternative solution and three planted \
             mistakes there (docs/AUTHORING.md, \"Alternatives and planted mistakes\")"
        ));
        return Ok(());
    }
    let all = match variants::load(workbook, unit) {
        Ok(all) => all,
        Err(found) => {
            found.into_iter().for_each(&mut problem);
            return Ok(());
        }
    };
    for exercise in &unit.manifest.exercises {
        let count = |kind| {
            all.iter()
                .filter(|v| v.exercise == exercise.id && v.kind == kind)
                .count()
        };
        let (alternatives, wrong) = (count(VariantKind::Alternative), count(VariantKind::Mistake));
        if alternatives < 1 || wrong < 3 {
            problem(format!(
                "`{}` has {alternatives} alternative solution(s) and {wrong} planted mistake(s) in {shown}: \
                 it needs at least 1 and 3 (docs/AUTHORING.md, \"Alternatives and planted mistakes\")",
                exercise.id,
            ));
        }
    }
    let unit_dir = stage_root.join(&unit.dir);
    for round in variants::rounds(unit, &all) {
        let mut applied = Vec::new();
        for variant in &round {
            match variant.apply(&unit_dir) {
                Ok(()) => applied.push(*variant),
                Err(why) => problem(format!("{}: {why}", variant.describe())),
            }
        }
        if !applied.is_empty() {
            let only: Vec<String> = applied.iter().map(|v| v.exercise.clone()).collect();
            let round_options = GradeOptions {
                only,
                // A round of mistakes only needs to know each is caught; alternatives run whole.
                stop_at_first_failure: applied.iter().all(|v| v.kind == VariantKind::Mistake),
                ..options.clone()
            };
            let report = grade_unit(stage_root, unit, &round_options)?;
            for variant in &applied {
                let Some(exercise) = report.exercises.iter().find(|e| e.id == variant.exercise)
                else {
                    continue;
                };
                match variant.kind {
                    VariantKind::Alternative if !exercise.is_done() => problem(format!(
                        "the {} does not pass: {}",
                        variant.describe(),
                        first_message(unit, exercise)
                    )),
                    VariantKind::Mistake => {
                        let caught = !exercise.is_done();
                        if !caught {
                            problem(format!(
                                "the {} is not caught: every test of `{}` passes",
                                variant.describe(),
                                variant.exercise
                            ));
                        }
                        mistakes.push(MistakeMessage {
                            place: unit.label(),
                            mistake: variant.describe(),
                            message: caught.then(|| first_message(unit, exercise)),
                        });
                    }
                    VariantKind::Alternative => {}
                }
            }
            for warning in warnings_of(unit, &report) {
                problem(warning.what);
            }
        }
        // Put the reference solution back: the next round starts from it.
        for variant in &round {
            for file in variant.touched() {
                let relative = unit.dir.join(file);
                let solution = workbook.root.join("solutions").join(&relative);
                let source = if solution.is_file() {
                    solution
                } else {
                    workbook.root.join(&relative)
                };
                copy_file(&source, &stage_root.join(&relative))?;
            }
        }
    }
    Ok(())
}

/// What a learner sees first for this exercise: the first failing test and its message, or the
/// compiler's first error.
fn first_message(unit: &Unit, exercise: &crate::report::ExerciseReport) -> String {
    if let Some(error) = &exercise.compile_error {
        return format!("does not compile: {error}");
    }
    match first_to_show(unit, &exercise.id, &exercise.tests) {
        Some(test) => format!(
            "{}::{} {}: {}",
            test.target,
            test.name,
            test.status.describe(),
            test.message.as_deref().unwrap_or("no message")
        ),
        None if exercise.min_tests.is_some() => format!(
            "{} of its own tests pass, {} needed",
            exercise.count(TestStatus::Passed),
            exercise.min_tests.unwrap_or(0)
        ),
        None => "no test failed".to_owned(),
    }
}
