//! The workbook's check of itself: every manifest is whole, every reference solution passes every
//! test, and every stub fails every exercise it belongs to (no test passes by accident).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::compile::{CompileError, clippy};
use crate::grade::{GradeOptions, Progress, grade_unit};
use crate::guard::Digests;
use crate::next_step::first_to_show;
use crate::planted::PlantedBugs;
use crate::report::{ExerciseStatus, TestStatus, UnitReport};
use crate::stage::{StageError, copy_file, stage};
use crate::variants::{self, VariantKind};
use crate::workbook::{Unit, Workbook};

/// One thing wrong with the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// "Day 1", "Capstone", or "workbook".
    pub place: String,
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.what)
    }
}

/// What stops the self-check from running at all (the problems it finds are its result).
#[derive(Debug)]
pub enum SelfCheckError {
    Stage(StageError),
    Compile(CompileError),
    WorkDir { work_dir: PathBuf, problem: String },
}

impl fmt::Display for SelfCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelfCheckError::Stage(error) => fmt::Display::fmt(error, f),
            SelfCheckError::Compile(error) => fmt::Display::fmt(error, f),
            SelfCheckError::WorkDir { work_dir, problem } => write!(
                f,
                "cannot stage the self-check in {}: {problem}",
                work_dir.display()
            ),
        }
    }
}

// Every variant's message says its cause (the inner errors give no source of their own).
impl std::error::Error for SelfCheckError {}

impl From<StageError> for SelfCheckError {
    fn from(error: StageError) -> Self {
        SelfCheckError::Stage(error)
    }
}

impl From<CompileError> for SelfCheckError {
    fn from(error: CompileError) -> Self {
        SelfCheckError::Compile(error)
    }
}

/// Where the self-check stages and builds: `work_dir/solutions`, `work_dir/stubs`, `work_dir/build`.
///
/// The folder is outside the workbook, in the system's temporary folder: the staged code (the
/// solutions, the stubs, their tests and build scripts) runs from inside its stage, and a stage
/// inside the workbook would have the workbook's own files, the learner's included, a few `../`
/// away from anything that code writes; cargo, editors and searches would also see a second copy
/// of every day inside the workbook's `target/`. Its name comes from the workbook's canonical path:
/// the folder's name and an FNV-1a hash of the whole path, written out here because std's hashers
/// may change between Rust versions. So every run for one workbook reuses the same folder and its
/// build cache, and two clones of the workbook never share one.
pub fn default_work_dir(workbook: &Workbook) -> PathBuf {
    let root = workbook
        .root
        .canonicalize()
        .unwrap_or_else(|_| workbook.root.clone());
    let name: String = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(32)
        .collect();
    let hash = fnv1a_64(root.as_os_str().as_encoded_bytes());
    std::env::temp_dir()
        .join("workbook-grader")
        .join(format!("selfcheck-{name}-{hash:016x}"))
}

/// The 64-bit FNV-1a hash of `bytes`: simple, and the same on every platform and Rust version.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// Refuses a work folder inside the workbook (the staged code could write to the workbook), or
/// one that holds it (laying a stage empties `work_dir/solutions` and `work_dir/stubs`).
fn check_work_dir(workbook: &Workbook, work_dir: &Path) -> Result<(), SelfCheckError> {
    let problem = |source| SelfCheckError::WorkDir {
        work_dir: work_dir.to_owned(),
        problem: format!("cannot create it: {source}"),
    };
    std::fs::create_dir_all(work_dir).map_err(problem)?;
    let work = work_dir.canonicalize().map_err(problem)?;
    let root = workbook
        .root
        .canonicalize()
        .unwrap_or_else(|_| workbook.root.clone());
    if work.starts_with(&root) || root.starts_with(&work) {
        return Err(SelfCheckError::WorkDir {
            work_dir: work_dir.to_owned(),
            problem: format!(
                "it is inside the workbook {} or holds it, where the staged code could write to \
                 the workbook; use a folder outside it, such as the default in the system's \
                 temporary folder",
                root.display()
            ),
        });
    }
    Ok(())
}

/// What the self-check found.
#[derive(Debug, Default)]
pub struct Findings {
    /// Everything wrong with the workbook; none means it is sound.
    pub problems: Vec<Problem>,
    /// Each planted mistake, with the first message a learner who made it sees.
    pub mistakes: Vec<MistakeMessage>,
    /// What the check left out and why (a release without `solutions/`): to print, not problems.
    pub notes: Vec<String>,
}

/// What the self-check says in a workbook without `solutions/` (a release for learners).
pub const NO_SOLUTIONS_NOTE: &str = "no solutions/ folder: the reference solutions, alternatives \
     and planted mistakes are not checked (a release)";

/// A planted mistake and the first thing its report says.
#[derive(Debug, Clone)]
pub struct MistakeMessage {
    pub place: String,
    pub mistake: String,
    /// The report's first message for the mistake's exercise; `None` when no test caught it.
    pub message: Option<String>,
}

/// Runs the whole self-check of `units` (all of the workbook's when empty).
pub fn run(
    workbook: &Workbook,
    units: &[&Unit],
    work_dir: &Path,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<Findings, SelfCheckError> {
    let units: Vec<&Unit> = if units.is_empty() {
        workbook.units.iter().collect()
    } else {
        units.to_vec()
    };
    check_work_dir(workbook, work_dir)?;
    // Two self-checks of one workbook share its stages and build folder: the second waits.
    let _lock = lock_work_dir(work_dir, progress)?;
    // The staged code runs with our rights and could find the real workbook: whatever it changes
    // there is named below.
    let workbook_before = Digests::of_tree(&workbook.root);
    let mut problems = check_layout(workbook);
    let mut mistakes = Vec::new();
    let mut notes = Vec::new();
    let options = GradeOptions {
        target_dir: Some(work_dir.join("build")),
        progress,
        ..GradeOptions::quiet()
    };
    if workbook.root.join("solutions").is_dir() {
        check_solutions(
            workbook,
            &units,
            work_dir,
            &options,
            &mut problems,
            &mut mistakes,
        )?;
    } else {
        notes.push(NO_SOLUTIONS_NOTE.to_owned());
    }
    let stubs = work_dir.join("stubs");
    stage(workbook, None, &stubs)?;
    problems.extend(grade_stubs(&stubs, &units, &options)?.0);
    for path in workbook_before.changed_since(&Digests::of_tree(&workbook.root)) {
        problems.push(Problem {
            place: "workbook".into(),
            what: format!(
                "{} changed while the self-check ran: unless you edited it meanwhile, code graded in the stage wrote into the real workbook",
                path.display()
            ),
        });
    }
    Ok(Findings {
        problems,
        mistakes,
        notes,
    })
}

/// The stub round: grades each of `units` in the workspace at `root`, which holds the stubs as
/// shipped; the problems found (a test that passes, a stub that does not compile where its
/// manifest says it does, a file a test changed) and each unit's report.
pub fn grade_stubs(
    root: &Path,
    units: &[&Unit],
    options: &GradeOptions<'_>,
) -> Result<(Vec<Problem>, Vec<UnitReport>), CompileError> {
    let mut problems = Vec::new();
    let mut reports = Vec::new();
    for unit in units {
        let report = grade_unit(root, unit, options)?;
        problems.extend(check_stub(unit, &report));
        problems.extend(warnings_of(unit, &report));
        reports.push(report);
    }
    Ok((problems, reports))
}

/// Grades the reference solutions of `units` in a stage (each with its planted bugs grading the
/// own-tests areas), lints them, and grades every alternative and planted mistake.
fn check_solutions(
    workbook: &Workbook,
    units: &[&Unit],
    work_dir: &Path,
    options: &GradeOptions<'_>,
    problems: &mut Vec<Problem>,
    mistakes: &mut Vec<MistakeMessage>,
) -> Result<(), SelfCheckError> {
    // Solutions and stubs share one target folder, so that the dependencies are built once. Their
    // artifacts have the same names, and cargo tells them apart by the sources' modification
    // times: each stage is laid out right before it is graded, never both up front.
    let solutions = work_dir.join("solutions");
    let staged = stage(workbook, Some(&workbook.root.join("solutions")), &solutions)?;
    for missing in &staged.missing {
        problems.push(Problem {
            place: "workbook".into(),
            what: format!(
                "no reference solution for {}: add solutions/{}",
                missing.display(),
                missing.display()
            ),
        });
    }
    // The learner's own tests are graded by the bugs planted in the reference solution: the
    // reference tests (and each alternative set of tests) must catch every one.
    let planted: Vec<Option<PlantedBugs>> = units
        .iter()
        .map(|unit| PlantedBugs::for_unit(workbook, unit, &work_dir.join("planted")))
        .collect();
    for (unit, planted) in units.iter().zip(&planted) {
        let options = GradeOptions {
            planted: planted.as_ref(),
            ..options.clone()
        };
        let report = grade_unit(&solutions, unit, &options)?;
        problems.extend(check_solution(unit, &report));
        problems.extend(warnings_of(unit, &report));
    }
    problems.extend(lint_solutions(
        units,
        &solutions,
        &staged.overlaid,
        options,
    )?);
    // The variants are graded in the solutions' stage, each laid over the reference solution and
    // taken away again, so that only what they change is built again.
    for (unit, planted) in units.iter().zip(&planted) {
        let options = GradeOptions {
            planted: planted.as_ref(),
            ..options.clone()
        };
        check_variants(workbook, unit, &solutions, &options, problems, mistakes)?;
    }
    Ok(())
}

/// Holds the work folder for this run; another self-check of the same workbook waits until it ends.
fn lock_work_dir(
    work_dir: &Path,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<std::fs::File, SelfCheckError> {
    crate::folder_lock::lock_folder(work_dir, || {
        progress(Progress::Cargo(
            "Waiting for another self-check of this workbook to finish…",
        ));
    })
    .map_err(|source| SelfCheckError::WorkDir {
        work_dir: work_dir.to_owned(),
        problem: format!("cannot lock {}: {source}", work_dir.join(".lock").display()),
    })
}

/// Grades every alternative and planted mistake of `unit` in the solutions' stage at `stage_root`:
/// an alternative passes every test of its exercise, a mistake fails at least one.
fn check_variants(
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

/// A stage's report names files that the staged code changed while it was graded.
fn warnings_of(unit: &Unit, report: &UnitReport) -> Vec<Problem> {
    report
        .warnings
        .iter()
        .map(|warning| Problem {
            place: unit.label(),
            what: warning.clone(),
        })
        .collect()
}

/// The reference solutions (and the tests beside them) are clean under clippy with warnings
/// denied, and formatted by rustfmt: the project's own standard, checked in the stage where they
/// are whole crates.
fn lint_solutions(
    units: &[&Unit],
    stage_root: &Path,
    overlaid: &[PathBuf],
    options: &GradeOptions<'_>,
) -> Result<Vec<Problem>, SelfCheckError> {
    let mut problems = Vec::new();
    let packages: Vec<&str> = units
        .iter()
        .flat_map(|u| u.crates.iter().map(|c| c.package.as_str()))
        .collect();
    let progress = options.progress;
    let lint = clippy(
        stage_root,
        &packages,
        options.target_dir.as_deref(),
        &|line| progress(Progress::Cargo(line)),
    )?;
    for (_, finding) in &lint.first_errors {
        problems.push(Problem {
            place: "solutions".into(),
            what: format!("clippy (warnings denied) finds:\n{finding}"),
        });
    }
    if !lint.success && lint.first_errors.is_empty() {
        problems.push(Problem {
            place: "solutions".into(),
            what: format!(
                "`cargo clippy` did not run cleanly on the staged solutions:\n{}",
                lint.stderr_tail.join("\n")
            ),
        });
    }
    let mut rustfmt = std::process::Command::new("rustfmt");
    rustfmt
        .current_dir(stage_root)
        .args(["--check", "--edition", "2024"])
        .args(
            overlaid
                .iter()
                .filter(|f| f.extension().is_some_and(|e| e == "rs")),
        );
    let output = crate::process::output_own(&mut rustfmt);
    match output {
        Ok(output) if output.status.success() => {}
        Ok(output) => problems.push(Problem {
            place: "solutions".into(),
            what: format!(
                "not formatted by rustfmt (run `rustfmt --edition 2024` on the files below, under solutions/):\n{}",
                String::from_utf8_lossy(&output.stdout).lines().filter(|l| l.starts_with("Diff in")).collect::<Vec<_>>().join("\n")
            ),
        }),
        Err(e) => problems.push(Problem {
            place: "solutions".into(),
            what: format!("cannot run rustfmt ({e}): install it with `rustup component add rustfmt`"),
        }),
    }
    Ok(problems)
}

/// Every file the manifests name exists, and every test target belongs to an exercise.
pub fn check_layout(workbook: &Workbook) -> Vec<Problem> {
    let mut problems = Vec::new();
    for unit in &workbook.units {
        let mut problem = |what: String| {
            problems.push(Problem {
                place: unit.label(),
                what,
            })
        };
        if let Some(why) = crate::grade::stubs::check_record(&workbook.root, unit, false) {
            problem(why);
        }
        for exercise in &unit.manifest.exercises {
            let unit_dir = workbook.root.join(&unit.dir);
            let crate_dir = workbook.root.join(&unit.crate_of(exercise).dir);
            for file in &exercise.files {
                if !unit_dir.join(file).is_file() {
                    problem(format!(
                        "exercise `{}` names {}, which does not exist",
                        exercise.id,
                        unit.dir.join(file).display()
                    ));
                }
            }
            for target in &exercise.tests {
                // A canonical target's list of tests must be readable from its file, so that the
                // exercise counts the same tests whether or not it compiles.
                let test_file = crate_dir.join("tests").join(format!("{target}.rs"));
                if exercise.min_tests.is_none()
                    && test_file.is_file()
                    && crate::declared_tests::declared_tests(&crate_dir, target)
                        .is_none_or(|names| names.is_empty())
                {
                    problem(format!(
                        "exercise `{}`: {}/tests/{target}.rs does not end with a \
                         `workbook_harness::main!(...)` that lists its tests by name, so the \
                         grader cannot count them while the target does not compile: write the \
                         list out (docs/AUTHORING.md, \"Tests\")",
                        exercise.id,
                        unit.crate_of(exercise).dir.display()
                    ));
                }
                if !crate_dir
                    .join("tests")
                    .join(format!("{target}.rs"))
                    .is_file()
                {
                    problem(format!(
                        "exercise `{}` names the test target `{target}`, but {}/tests/{target}.rs does not exist",
                        exercise.id,
                        unit.crate_of(exercise).dir.display()
                    ));
                }
            }
            if exercise.read_more.is_empty() {
                problem(format!(
                    "exercise `{}` has no `read_more`: give it at least one link, \"Title: https://...\" \
                     (the Rust Book chapter, the std or crate docs, the Cargo Book)",
                    exercise.id
                ));
            }
            for link in &exercise.read_more {
                if !link.contains(": https://") {
                    problem(format!(
                        "exercise `{}` has the `read_more` entry \"{link}\": write it \"Title: https://...\"",
                        exercise.id
                    ));
                }
            }
            if exercise.hints.len() < 3 {
                problem(format!(
                    "exercise `{}` has {} hints; give three tiers: a nudge, the API to use, the shape of the solution",
                    exercise.id,
                    exercise.hints.len()
                ));
            }
        }
        for krate in &unit.crates {
            for target in test_targets_on_disk(&workbook.root.join(&krate.dir)) {
                let owner = unit.manifest.exercise_of_target(&target);
                if owner.is_none_or(|e| unit.crate_of(e) != krate) {
                    problem(format!(
                        "{}/tests/{target}.rs belongs to no exercise: add `{target}` to the `tests` of one in {}",
                        krate.dir.display(),
                        crate::manifest::MANIFEST_FILE
                    ));
                }
            }
        }
    }
    problems
}

fn test_targets_on_disk(crate_dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(crate_dir.join("tests")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect()
}

/// The reference solution passes every test, and has enough tests of "its own" where the learner
/// must write some.
pub fn check_solution(unit: &Unit, report: &UnitReport) -> Vec<Problem> {
    let too_few = report.exercises.iter().filter_map(|exercise| {
        let min = exercise.min_tests?;
        (exercise.tests.len() < min).then(|| Problem {
            place: unit.label(),
            what: format!(
                "the reference solution of `{}` has {} tests of its own; the learner must write {min}",
                exercise.id,
                exercise.tests.len()
            ),
        })
    });
    let failing = report.exercises.iter().flat_map(|exercise| {
        exercise
            .tests
            .iter()
            .filter(|t| t.status != TestStatus::Passed)
            .map(move |test| Problem {
                place: unit.label(),
                what: format!(
                    "the reference solution of `{}` does not pass {}::{} ({}): {}",
                    exercise.id,
                    test.target,
                    test.name,
                    test.status.describe(),
                    test.message.as_deref().unwrap_or("no message")
                ),
            })
    });
    let unknown_weights = report.exercises.iter().flat_map(|exercise| {
        exercise
            .test_weights
            .keys()
            .filter(|name| !exercise.tests.iter().any(|t| &t.name == *name))
            .map(move |name| Problem {
                place: unit.label(),
                what: format!(
                    "`{}` gives a weight to `{name}` in `test_weights`, but it has no test of that name",
                    exercise.id
                ),
            })
    });
    too_few.chain(failing).chain(unknown_weights).collect()
}

/// The stub passes no test, and compiles where its manifest says it does. The learner's own tests
/// (an area with `min_tests`) are theirs: a stub may ship an example that passes.
pub fn check_stub(unit: &Unit, report: &UnitReport) -> Vec<Problem> {
    let mut problems = Vec::new();
    for exercise in report.exercises.iter().filter(|e| e.min_tests.is_none()) {
        let manifest = unit.manifest.exercise(&exercise.id);
        for test in &exercise.tests {
            if test.status == TestStatus::Passed {
                problems.push(Problem {
                    place: unit.label(),
                    what: format!(
                        "{}::{} passes on the stub of `{}`: a test must fail until the learner has done the work \
                         (working through the workbook in this clone? Then that is your own solution, not a bug: \
                         learners grade with `cargo day N`, and this check is for the workbook's maintainers)",
                        test.target, test.name, exercise.id
                    ),
                });
            }
        }
        if exercise.status == ExerciseStatus::DoesNotCompile
            && manifest.is_some_and(|m| m.stub_compiles)
        {
            problems.push(Problem {
                place: unit.label(),
                what: format!(
                    "the stub of `{}` does not compile as shipped (set `stub_compiles = false` if that is the lesson): {}",
                    exercise.id,
                    exercise.compile_error.as_deref().unwrap_or("")
                ),
            });
        }
        if exercise.tests.is_empty() {
            problems.push(Problem {
                place: unit.label(),
                what: format!("`{}` has no tests", exercise.id),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook_at(root: &Path) -> Workbook {
        Workbook {
            root: root.to_owned(),
            units: Vec::new(),
        }
    }

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_default_work_dir_is_outside_the_workbook_and_one_per_workbook() {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let first = parent.path().join("my workbook");
        let second = parent.path().join("a clone");
        std::fs::create_dir_all(&first).unwrap();
        std::fs::create_dir_all(&second).unwrap();

        let work_dir = default_work_dir(&workbook_at(&first));
        assert!(
            work_dir.starts_with(std::env::temp_dir()),
            "{} is in the temporary folder",
            work_dir.display()
        );
        assert!(
            !work_dir.starts_with(&first) && !work_dir.starts_with(first.canonicalize().unwrap())
        );
        let name = work_dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("selfcheck-my_workbook-"), "{name}");
        assert_eq!(
            work_dir,
            default_work_dir(&workbook_at(&first)),
            "the same workbook gets the same folder, so its build cache is reused"
        );
        assert_ne!(work_dir, default_work_dir(&workbook_at(&second)));
        // The same folder, however it is spelled.
        assert_eq!(
            work_dir,
            default_work_dir(&workbook_at(&second.join("..").join("my workbook")))
        );
    }

    #[test]
    fn a_work_dir_inside_the_workbook_or_holding_it_is_refused() {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let root = parent.path().join("workbook");
        std::fs::create_dir_all(&root).unwrap();
        let workbook = workbook_at(&root);
        let inside = check_work_dir(&workbook, &root.join("target/grader/selfcheck"));
        let message = inside
            .expect_err("a work folder inside the workbook")
            .to_string();
        assert!(message.contains("inside the workbook"), "{message}");
        assert!(check_work_dir(&workbook, parent.path()).is_err());
        assert!(check_work_dir(&workbook, &parent.path().join("elsewhere")).is_ok());
    }

    #[test]
    fn a_self_check_error_says_what_failed_and_a_stage_error_shows_through_it() {
        let work_dir = SelfCheckError::WorkDir {
            work_dir: PathBuf::from("checks"),
            problem: "it is inside the workbook".into(),
        };
        assert_eq!(
            work_dir.to_string(),
            "cannot stage the self-check in checks: it is inside the workbook"
        );
        assert!(std::error::Error::source(&work_dir).is_none());
        // Transparent: the stage error's message, which says the cause.
        let stage = SelfCheckError::from(StageError::Clear {
            path: PathBuf::from("stage"),
            source: std::io::Error::other("in use"),
        });
        assert_eq!(
            stage.to_string(),
            "failed to clear the staging folder stage: in use"
        );
        assert!(
            std::error::Error::source(&stage).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
