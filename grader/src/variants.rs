//! Alternatives and planted mistakes: other correct solutions, and plausible wrong ones, that the
//! self-check grades beside each reference solution (`solutions/<unit>/variants.toml`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::workbook::{Unit, Workbook};

/// The file beside a unit's reference solution that lists its variants.
pub const VARIANTS_FILE: &str = "variants.toml";

/// A correct solution in another style, or a mistake a learner plausibly makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariantKind {
    /// Must pass every test of its exercise.
    Alternative,
    /// Must fail at least one test of its exercise.
    Mistake,
}

impl fmt::Display for VariantKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            VariantKind::Alternative => "alternative",
            VariantKind::Mistake => "mistake",
        })
    }
}

/// One edit of a reference solution's file: `find` occurs there exactly once.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    /// Relative to the unit's folder, as in the manifest's `files`.
    pub file: PathBuf,
    pub find: String,
    pub replace: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    exercise: String,
    about: String,
    #[serde(default)]
    files: BTreeMap<PathBuf, PathBuf>,
    #[serde(default)]
    edits: Vec<Edit>,
    #[serde(default)]
    plant: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariants {
    #[serde(default)]
    alternative: Vec<RawVariant>,
    #[serde(default)]
    mistake: Vec<RawVariant>,
}

/// One variant, checked against its unit's manifest.
#[derive(Debug, Clone)]
pub struct Variant {
    pub kind: VariantKind,
    /// The exercise whose tests judge it.
    pub exercise: String,
    /// One line: what is different.
    pub about: String,
    /// Whole files laid over the reference solution: unit-relative path to the file's absolute path.
    pub files: BTreeMap<PathBuf, PathBuf>,
    /// Edits made after `files`.
    pub edits: Vec<Edit>,
    /// A planted bug that grades the learner's own tests.
    pub plant: bool,
}

impl Variant {
    /// "mistake `alerts`: the cooldown is never checked".
    pub fn describe(&self) -> String {
        format!("{} `{}`: {}", self.kind, self.exercise, self.about)
    }

    /// The unit-relative files it changes.
    pub fn touched(&self) -> impl Iterator<Item = &Path> {
        self.files
            .keys()
            .map(PathBuf::as_path)
            .chain(self.edits.iter().map(|e| e.file.as_path()))
    }

    /// Lays the variant over the unit's files in `unit_dir` (a stage holding the reference solution).
    pub fn apply(&self, unit_dir: &Path) -> Result<(), String> {
        for (relative, source) in &self.files {
            let text = std::fs::read(source)
                .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
            write_dated(&unit_dir.join(relative), &text)?;
        }
        for edit in &self.edits {
            let path = unit_dir.join(&edit.file);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            match text.matches(edit.find.as_str()).count() {
                1 => {}
                0 => {
                    return Err(format!(
                        "its edit of {} finds no `{}` there: the reference solution changed; update the edit",
                        edit.file.display(),
                        edit.find
                    ));
                }
                n => {
                    return Err(format!(
                        "its edit of {} finds `{}` {n} times: make `find` longer, so that it names one place",
                        edit.file.display(),
                        edit.find
                    ));
                }
            }
            write_dated(
                &path,
                text.replacen(edit.find.as_str(), &edit.replace, 1)
                    .as_bytes(),
            )?;
        }
        Ok(())
    }
}

/// Writes `bytes` to `path`, which then carries the current time: cargo rebuilds what depends on it.
fn write_dated(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Where a unit's variants live: `solutions/<unit folder>/variants.toml`.
pub fn variants_path(workbook: &Workbook, unit: &Unit) -> PathBuf {
    workbook
        .root
        .join("solutions")
        .join(&unit.dir)
        .join(VARIANTS_FILE)
}

/// Reads a unit's variants; no file means none. Each problem found is a line of the `Err`.
pub fn load(workbook: &Workbook, unit: &Unit) -> Result<Vec<Variant>, Vec<String>> {
    let path = variants_path(workbook, unit);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(vec![format!("cannot read {}: {e}", path.display())]),
    };
    let raw: RawVariants = toml::from_str(&text).map_err(|e| {
        vec![format!(
            "{} is not a valid variants file: {}",
            path.display(),
            e.message()
        )]
    })?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    let mut variants = Vec::new();
    let kinds = raw
        .alternative
        .into_iter()
        .map(|v| (VariantKind::Alternative, v))
        .chain(raw.mistake.into_iter().map(|v| (VariantKind::Mistake, v)));
    for (kind, raw) in kinds {
        let variant = Variant {
            kind,
            exercise: raw.exercise,
            about: raw.about,
            files: raw
                .files
                .into_iter()
                .map(|(to, from)| (to, folder.join(from)))
                .collect(),
            edits: raw.edits,
            plant: raw.plant,
        };
        let mut problem = |what: String| {
            problems.push(format!(
                "{}: {}: {what}",
                path.display(),
                variant.describe()
            ));
        };
        if unit.manifest.exercise(&variant.exercise).is_none() {
            problem(format!(
                "there is no exercise `{}` in {}",
                variant.exercise,
                unit.dir.join(crate::manifest::MANIFEST_FILE).display()
            ));
        }
        if variant.about.trim().is_empty() {
            problem("say in `about` what is different, in one line".into());
        }
        if variant.files.is_empty() && variant.edits.is_empty() {
            problem("it changes nothing: give it `files`, `edits` or both".into());
        }
        if variant.plant && kind == VariantKind::Alternative {
            problem("only a mistake can be a planted bug (`plant = true`)".into());
        }
        let learner_files: Vec<&PathBuf> = unit
            .manifest
            .exercises
            .iter()
            .flat_map(|e| &e.files)
            .collect();
        for file in variant.touched() {
            if !learner_files.iter().any(|f| f.as_path() == file) {
                problem(format!(
                    "{} is not a learner's file of {}: a variant changes only files the manifest lists",
                    file.display(),
                    unit.label()
                ));
            }
        }
        for source in variant.files.values() {
            if !source.is_file() {
                problem(format!("{} does not exist", source.display()));
            }
        }
        variants.push(variant);
    }
    if problems.is_empty() {
        Ok(variants)
    } else {
        Err(problems)
    }
}

/// Groups variants into rounds that can be graded in one stage: each variant of a round changes
/// code that no other variant of the round can reach. A day's exercise without a crate of its own is
/// compiled only into its own test targets; an exercise with a crate of its own (`crate = ...`)
/// reaches only that crate. Any other variant (the capstone's, or one that touches another
/// exercise's files) gets a round to itself.
pub fn rounds<'v>(unit: &Unit, variants: &'v [Variant]) -> Vec<Vec<&'v Variant>> {
    let footprint = |variant: &Variant| -> Option<String> {
        let exercise = unit.manifest.exercise(&variant.exercise)?;
        unit.manifest.day?;
        match &exercise.crate_dir {
            None => variant
                .touched()
                .all(|file| exercise.files.iter().any(|f| f == file))
                .then(|| format!("exercise {}", exercise.id)),
            Some(crate_dir) => variant
                .touched()
                .all(|file| file.starts_with(crate_dir))
                .then(|| format!("crate {}", crate_dir.display())),
        }
    };
    let mut rounds: Vec<(Vec<&Variant>, Vec<String>)> = Vec::new();
    for variant in variants {
        let mine = footprint(variant);
        let fits = |(_, taken): &(Vec<&Variant>, Vec<String>)| {
            mine.as_ref().is_some_and(|mine| {
                !taken.is_empty() && !taken.iter().any(|t| t.is_empty() || t == mine)
            })
        };
        match rounds.iter_mut().find(|round| fits(round)) {
            Some((round, taken)) => {
                round.push(variant);
                taken.push(mine.unwrap_or_default());
            }
            None => rounds.push((vec![variant], vec![mine.unwrap_or_default()])),
        }
    }
    rounds.into_iter().map(|(round, _)| round).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Manifest;
    use crate::workbook::Crate;

    fn day3() -> Unit {
        let manifest: Manifest = toml::from_str(
            r#"
            kind = "day"
            day = 3
            title = "Modules"

            [[exercise]]
            id = "one"
            title = "One"
            files = ["src/one.rs"]
            tests = ["one"]

            [[exercise]]
            id = "two"
            title = "Two"
            files = ["src/two.rs"]
            tests = ["two"]

            [[exercise]]
            id = "fleet"
            title = "A crate of its own"
            crate = "fleet"
            files = ["fleet/src/lib.rs", "fleet/src/main.rs"]
            tests = ["fleet_cli"]
            "#,
        )
        .expect("a valid manifest");
        Unit {
            manifest,
            dir: "days/day3".into(),
            package: "day3".into(),
            crates: vec![Crate {
                dir: "days/day3".into(),
                package: "day3".into(),
            }],
        }
    }

    fn mistake(exercise: &str, file: &str) -> Variant {
        Variant {
            kind: VariantKind::Mistake,
            exercise: exercise.into(),
            about: format!("a mistake in {file}"),
            files: BTreeMap::new(),
            edits: vec![Edit {
                file: file.into(),
                find: "a".into(),
                replace: "b".into(),
            }],
            plant: false,
        }
    }

    fn abouts(rounds: &[Vec<&Variant>]) -> Vec<Vec<String>> {
        rounds
            .iter()
            .map(|round| round.iter().map(|v| v.about.clone()).collect())
            .collect()
    }

    #[test]
    fn variants_that_cannot_reach_each_other_share_a_round() {
        let unit = day3();
        let variants = [
            mistake("one", "src/one.rs"),
            mistake("one", "src/one.rs"),
            mistake("two", "src/two.rs"),
            mistake("fleet", "fleet/src/lib.rs"),
            mistake("fleet", "fleet/src/main.rs"),
            // Touches another exercise's file: alone.
            mistake("two", "src/one.rs"),
        ];
        let rounds = rounds(&unit, &variants);
        let expected: Vec<Vec<String>> = [
            vec!["src/one.rs", "src/two.rs", "fleet/src/lib.rs"],
            vec!["src/one.rs", "fleet/src/main.rs"],
            vec!["src/one.rs"],
        ]
        .iter()
        .map(|round| round.iter().map(|f| format!("a mistake in {f}")).collect())
        .collect();
        assert_eq!(abouts(&rounds), expected);
    }
}
