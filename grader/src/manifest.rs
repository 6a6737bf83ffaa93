//! The manifest (`exercises.toml`) of a day or of the capstone: what to grade, in which order, with which hints.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::policy::Forbidden;

/// The per-test limit when the manifest names none.
pub const DEFAULT_TIMEOUT_SECS: u64 = 10;

/// How long the build of a unit's tests may go without progress (no line from cargo or the
/// compiler) when the manifest names no `build_timeout_secs`. A first build compiles the
/// dependencies, which takes a minute or more on a small machine, but cargo reports every crate it
/// starts and finishes: the longest pause in a cold build of this workbook on two cores is about
/// 4 s. A constant or a macro that never finishes evaluating makes no progress (rustc's warnings
/// that it is taking long do not count as any), and is stopped after this.
pub const DEFAULT_BUILD_TIMEOUT_SECS: u64 = 120;

/// The file name of a manifest, at the root of a day's or the capstone's crate.
pub const MANIFEST_FILE: &str = "exercises.toml";

/// Whether a manifest describes a day of the week or the capstone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Day,
    Capstone,
}

/// One gradable unit: a day or the capstone, as its `exercises.toml` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub kind: UnitKind,
    /// The day's number (absent for the capstone).
    pub day: Option<u32>,
    pub title: String,
    /// The Python topics this unit maps, in one line.
    #[serde(default)]
    pub python: String,
    #[serde(rename = "exercise")]
    pub exercises: Vec<Exercise>,
    /// How long the build of the unit's tests may go without progress before it is stopped (see
    /// [`DEFAULT_BUILD_TIMEOUT_SECS`]).
    pub build_timeout_secs: Option<u64>,
    /// The capstone only: how `cargo capstone --demo` runs the finished tool.
    pub demo: Option<Demo>,
    /// What every exercise's learner files may not use, unless the exercise has a `forbid` of its
    /// own (see [`crate::policy`]).
    #[serde(default)]
    pub forbid: Vec<String>,
}

/// The finished tool, run once for a learner who wants to see it: `cargo capstone --demo` runs
/// the unit's binary, built from the reference solution in a staged copy of the workbook.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demo {
    /// The binary's arguments, with paths relative to the workbook root.
    #[serde(default)]
    pub args: Vec<String>,
}

/// One exercise (or the drills, or one area of the capstone).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// What learners type, e.g. `cargo hint 1 health-checks`.
    pub id: String,
    pub title: String,
    /// The Python idea it maps, e.g. "abc.ABC + @abstractmethod".
    #[serde(default)]
    pub python: String,
    /// The learner's files, relative to the unit's folder; the first is the one to open.
    pub files: Vec<PathBuf>,
    /// The crate whose test targets grade it, relative to the unit's folder, when it is not the
    /// unit's own crate (an exercise about a crate's layout gets a crate of its own).
    #[serde(rename = "crate")]
    pub crate_dir: Option<PathBuf>,
    /// The test targets (`tests/<name>.rs`) that grade it.
    pub tests: Vec<String>,
    /// The limit for each of its tests.
    pub timeout_secs: Option<u64>,
    /// Longer limits for single targets, e.g. trybuild cases that run cargo.
    #[serde(default)]
    pub target_timeouts: BTreeMap<String, u64>,
    /// Tiered hints: a nudge, the API to use, the shape of the solution.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Whether the stub's test targets compile as shipped (the self-check holds the stub to it).
    #[serde(default = "yes")]
    pub stub_compiles: bool,
    /// The capstone only: this area's share of the score.
    pub weight: Option<u32>,
    /// For the learner's own tests: how many passing tests complete the area.
    pub min_tests: Option<usize>,
    /// "Read more" links (the Rust Book chapter, the std or crate docs, the Cargo Book), each
    /// `"Title: https://..."`; `cargo hint` shows them after the hints.
    #[serde(default)]
    pub read_more: Vec<String>,
    /// The capstone only: tests that weigh more than 1 in their area's share (a leaked secret
    /// costs more than a cosmetic slip), by test name.
    #[serde(default)]
    pub test_weights: BTreeMap<String, u32>,
    /// What its learner files may not use (`std::process`, `include!`, `#[path]`, `unsafe`), in
    /// place of the unit's `forbid`; a use zeroes the exercise (see [`crate::policy`]).
    pub forbid: Option<Vec<String>>,
}

fn yes() -> bool {
    true
}

/// A manifest that cannot be used, with what to fix.
#[derive(Debug)]
pub enum ManifestError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Parse {
        path: PathBuf,
        message: String,
    },
    Invalid {
        path: PathBuf,
        problem: String,
    },
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ManifestError::Read { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            ManifestError::Parse { path, message } => {
                write!(f, "{} is not a valid manifest: {message}", path.display())
            }
            ManifestError::Invalid { path, problem } => {
                write!(f, "{}: {problem}", path.display())
            }
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for ManifestError {}

impl Manifest {
    /// Reads and validates the manifest at `path`.
    pub fn load(path: &Path) -> Result<Self, ManifestError> {
        let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Read {
            path: path.to_owned(),
            source,
        })?;
        let manifest: Manifest = toml::from_str(&text).map_err(|e| ManifestError::Parse {
            path: path.to_owned(),
            message: match e.span() {
                Some(span) => format!("{}: {}", line_and_column(&text, span.start), e.message()),
                None => e.message().to_owned(),
            },
        })?;
        manifest
            .validate()
            .map_err(|problem| ManifestError::Invalid {
                path: path.to_owned(),
                problem,
            })?;
        Ok(manifest)
    }

    fn validate(&self) -> Result<(), String> {
        match (self.kind, self.day) {
            (UnitKind::Day, None) => return Err("a day needs `day = N`".into()),
            (UnitKind::Capstone, Some(_)) => {
                return Err("the capstone has no `day` number".into());
            }
            _ => {}
        }
        if self.exercises.is_empty() {
            return Err("it lists no `[[exercise]]`".into());
        }
        if self.build_timeout_secs == Some(0) {
            return Err(format!(
                "`build_timeout_secs = 0` would stop every build: leave it out for the default \
                 ({DEFAULT_BUILD_TIMEOUT_SECS}), or give the seconds a build may go without progress"
            ));
        }
        if let Some(problem) = self.forbid.iter().find_map(|e| Forbidden::parse(e).err()) {
            return Err(format!("the unit's `forbid`: {problem}"));
        }
        let mut ids = std::collections::BTreeSet::new();
        let mut targets = std::collections::BTreeSet::new();
        for exercise in &self.exercises {
            let id = &exercise.id;
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(format!(
                    "exercise id `{id}` must be lowercase letters, digits and dashes"
                ));
            }
            if !ids.insert(id) {
                return Err(format!("exercise id `{id}` appears twice"));
            }
            if exercise.files.is_empty() {
                return Err(format!("exercise `{id}` names no `files`"));
            }
            if exercise.tests.is_empty() {
                return Err(format!("exercise `{id}` names no test targets in `tests`"));
            }
            for target in &exercise.tests {
                if !targets.insert(target) {
                    return Err(format!(
                        "test target `{target}` belongs to more than one exercise"
                    ));
                }
            }
            if let Some(target) = exercise
                .target_timeouts
                .keys()
                .find(|t| !exercise.tests.contains(t))
            {
                return Err(format!(
                    "exercise `{id}` sets a timeout for `{target}`, which is not one of its tests"
                ));
            }
            if let Some((test, _)) = exercise.test_weights.iter().find(|(_, w)| **w == 0) {
                return Err(format!(
                    "exercise `{id}` gives `{test}` the weight 0: leave it out of `test_weights` \
                     (every test weighs 1 by default) or give it a positive weight"
                ));
            }
            if let Some(problem) = exercise
                .forbid
                .iter()
                .flatten()
                .find_map(|e| Forbidden::parse(e).err())
            {
                return Err(format!("exercise `{id}`'s `forbid`: {problem}"));
            }
            if self.kind == UnitKind::Capstone && exercise.weight.is_none() {
                return Err(format!("capstone area `{id}` needs a `weight`"));
            }
        }
        if self.kind == UnitKind::Capstone {
            let total: u32 = self.exercises.iter().filter_map(|e| e.weight).sum();
            if total != 100 {
                return Err(format!("the capstone's weights add up to {total}, not 100"));
            }
        }
        Ok(())
    }

    /// How long the build of the unit's tests may go without progress before it is stopped.
    pub fn build_timeout(&self) -> Duration {
        Duration::from_secs(
            self.build_timeout_secs
                .unwrap_or(DEFAULT_BUILD_TIMEOUT_SECS),
        )
    }

    /// The exercise a test target belongs to.
    pub fn exercise_of_target(&self, target: &str) -> Option<&Exercise> {
        self.exercises
            .iter()
            .find(|e| e.tests.iter().any(|t| t == target))
    }

    /// What `exercise`'s learner files may not use: its own `forbid`, else the unit's.
    pub fn forbidden(&self, exercise: &Exercise) -> Vec<Forbidden> {
        exercise
            .forbid
            .as_ref()
            .unwrap_or(&self.forbid)
            .iter()
            .filter_map(|entry| Forbidden::parse(entry).ok())
            .collect()
    }

    /// The exercise with this id.
    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

impl Exercise {
    /// The limit for one test of `target`.
    pub fn timeout_for(&self, target: &str) -> Duration {
        let secs = self
            .target_timeouts
            .get(target)
            .copied()
            .or(self.timeout_secs)
            .unwrap_or(DEFAULT_TIMEOUT_SECS);
        Duration::from_secs(secs)
    }

    /// Whether this is the day's row of drills rather than an exercise.
    pub fn is_drills(&self) -> bool {
        self.id == "drills"
    }
}

/// "line 3, column 5" of the byte `offset` of `text` (both from 1, the column in characters).
fn line_and_column(text: &str, offset: usize) -> String {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("line {line}, column {column}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = toml::from_str(text).map_err(|e| e.to_string())?;
        manifest.validate()?;
        Ok(manifest)
    }

    const ONE_EXERCISE: &str = r#"
        kind = "day"
        day = 1
        title = "Traits"
        [[exercise]]
        id = "health-checks"
        title = "Checks"
        files = ["src/ex1.rs"]
        tests = ["ex1", "ex1_compile_fail"]
        timeout_secs = 3
        target_timeouts = { ex1_compile_fail = 600 }
    "#;

    #[test]
    fn a_manifest_that_is_not_toml_says_where() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("exercises.toml");
        std::fs::write(&path, "kind = \"day\"\nday = 1\ntitle\n").unwrap();
        let error = Manifest::load(&path)
            .expect_err("line 3 has no `=`")
            .to_string();
        assert!(
            error.contains("is not a valid manifest: line 3, column "),
            "the line to fix is named: {error}"
        );
    }

    #[test]
    fn timeouts_fall_back_from_target_to_exercise_to_default() {
        let manifest = parse(ONE_EXERCISE).unwrap();
        let exercise = &manifest.exercises[0];
        assert_eq!(exercise.timeout_for("ex1"), Duration::from_secs(3));
        assert_eq!(
            exercise.timeout_for("ex1_compile_fail"),
            Duration::from_secs(600)
        );
        let mut without = exercise.clone();
        without.timeout_secs = None;
        assert_eq!(
            without.timeout_for("ex1"),
            Duration::from_secs(DEFAULT_TIMEOUT_SECS)
        );
        assert!(exercise.stub_compiles, "stub_compiles defaults to true");
    }

    #[test]
    fn the_build_limit_is_the_manifests_else_the_default_and_never_zero() {
        let manifest = parse(ONE_EXERCISE).unwrap();
        assert_eq!(
            manifest.build_timeout(),
            Duration::from_secs(DEFAULT_BUILD_TIMEOUT_SECS)
        );
        let set = ONE_EXERCISE.replace(
            "title = \"Traits\"",
            "title = \"Traits\"\nbuild_timeout_secs = 30",
        );
        assert_eq!(
            parse(&set).unwrap().build_timeout(),
            Duration::from_secs(30)
        );
        let zero = ONE_EXERCISE.replace(
            "title = \"Traits\"",
            "title = \"Traits\"\nbuild_timeout_secs = 0",
        );
        assert!(parse(&zero).unwrap_err().contains("build_timeout_secs = 0"));
        // A unit-level setting: inside an exercise it is an unknown key.
        let misplaced = format!("{ONE_EXERCISE}build_timeout_secs = 30\n");
        assert!(parse(&misplaced).unwrap_err().contains("unknown field"));
    }

    #[test]
    fn a_target_in_two_exercises_is_rejected() {
        let text = format!(
            "{ONE_EXERCISE}\n[[exercise]]\nid = \"b\"\ntitle = \"B\"\nfiles = [\"src/b.rs\"]\ntests = [\"ex1\"]\n"
        );
        let err = parse(&text).unwrap_err();
        assert!(err.contains("more than one exercise"), "{err}");
    }

    #[test]
    fn bad_ids_unknown_keys_and_missing_days_are_rejected() {
        let bad_id = ONE_EXERCISE.replace("health-checks", "Health Checks");
        assert!(parse(&bad_id).unwrap_err().contains("lowercase"));
        let unknown = ONE_EXERCISE.replace("timeout_secs", "timeout");
        assert!(parse(&unknown).unwrap_err().contains("unknown field"));
        let no_day = ONE_EXERCISE.replace("day = 1", "");
        assert!(parse(&no_day).unwrap_err().contains("day = N"));
    }

    #[test]
    fn forbid_lists_are_checked_and_an_exercises_own_replaces_the_units() {
        let with_default = ONE_EXERCISE.replace(
            "title = \"Traits\"",
            "title = \"Traits\"\nforbid = [\"std::process\", \"unsafe\"]",
        );
        let manifest = parse(&with_default).unwrap();
        let names = |m: &Manifest| -> Vec<String> {
            m.forbidden(&m.exercises[0])
                .iter()
                .map(|f| f.to_string())
                .collect()
        };
        assert_eq!(
            names(&manifest),
            ["std::process", "unsafe"],
            "the unit's default"
        );
        let own = format!("{with_default}forbid = [\"include!\"]\n");
        assert_eq!(
            names(&parse(&own).unwrap()),
            ["include!"],
            "the exercise's own"
        );
        let none = format!("{with_default}forbid = []\n");
        assert!(
            names(&parse(&none).unwrap()).is_empty(),
            "an empty list allows all"
        );

        let unknown = format!("{ONE_EXERCISE}forbid = [\"std::process\", \"serde_json\"]\n");
        let err = parse(&unknown).unwrap_err();
        assert!(
            err.contains("exercise `health-checks`") && err.contains("`serde_json`"),
            "the error names the exercise and the entry: {err}"
        );
        let unit_wide = ONE_EXERCISE.replace(
            "title = \"Traits\"",
            "title = \"Traits\"\nforbid = [\"#[derive]\"]",
        );
        let err = parse(&unit_wide).unwrap_err();
        assert!(
            err.contains("the unit's `forbid`") && err.contains("#[derive]"),
            "{err}"
        );
    }

    #[test]
    fn capstone_weights_must_add_up_to_100() {
        let text = r#"
            kind = "capstone"
            title = "sre-monitor"
            [[exercise]]
            id = "models"
            title = "Models"
            files = ["src/models.rs"]
            tests = ["models"]
            weight = 60
        "#;
        assert!(parse(text).unwrap_err().contains("add up to 60"));
        assert!(parse(&text.replace("60", "100")).is_ok());
    }
}
