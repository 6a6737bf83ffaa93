//! The workbook on disk: where its root is, and which days and capstone it holds.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::manifest::{Exercise, MANIFEST_FILE, Manifest, ManifestError, UnitKind};

/// A day or the capstone: its manifest and where its crate lives.
#[derive(Debug, Clone)]
pub struct Unit {
    pub manifest: Manifest,
    /// The crate's folder, relative to the workbook root (e.g. `days/day1-traits`).
    pub dir: PathBuf,
    /// The cargo package name, read from the crate's `Cargo.toml`.
    pub package: String,
    /// Every crate whose tests grade the unit: its own first, then those exercises name.
    pub crates: Vec<Crate>,
}

/// A crate whose test targets grade some of a unit's exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crate {
    /// Its folder, relative to the workbook root.
    pub dir: PathBuf,
    /// Its cargo package name.
    pub package: String,
}

/// The workbook: its root folder and every unit found in it.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub root: PathBuf,
    pub units: Vec<Unit>,
}

#[derive(Debug)]
pub enum WorkbookError {
    NotFound(PathBuf),
    Manifest(ManifestError),
    Read {
        path: PathBuf,
        message: String,
    },
    DuplicateDay {
        day: u32,
        first: PathBuf,
        second: PathBuf,
    },
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkbookError::NotFound(start) => write!(
                f,
                "not inside the workbook (no Cargo.toml with a `days/` folder above {}): run the command from the workbook's folder, the one with README.md and days/",
                start.display()
            ),
            WorkbookError::Manifest(error) => fmt::Display::fmt(error, f),
            WorkbookError::Read { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            WorkbookError::DuplicateDay { day, first, second } => write!(
                f,
                "days {day} appears twice: in {} and in {}",
                first.display(),
                second.display()
            ),
        }
    }
}

// Every variant's message says its cause (the inner errors give no source of their own).
impl std::error::Error for WorkbookError {}

impl From<ManifestError> for WorkbookError {
    fn from(error: ManifestError) -> Self {
        WorkbookError::Manifest(error)
    }
}

/// The build folder of the workspace at `root`, as cargo chooses it: `CARGO_TARGET_DIR` when it
/// is set, else `target/` at the root.
pub fn build_folder(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// Whether anything of `unit` was ever built in the build folder `target_dir`: any of its crates
/// (`cargo day 3 --exercise server-utils` builds only Day 3's `fleet`). Before that, a unit's
/// first run builds its dependencies and tests, which takes a while.
pub fn built_before(target_dir: &Path, unit: &Unit) -> bool {
    unit.crates
        .iter()
        .any(|krate| package_built_before(target_dir, &krate.package))
}

/// Whether `package` was ever built in `target_dir`: cargo keeps a fingerprint folder
/// `<package>-<hash>` for each package it built (of hex digits: `day1` is not `day1-traits`).
fn package_built_before(target_dir: &Path, package: &str) -> bool {
    std::fs::read_dir(target_dir.join("debug").join(".fingerprint"))
        .map(|entries| {
            entries.flatten().any(|entry| {
                entry
                    .file_name()
                    .to_string_lossy()
                    .strip_prefix(package)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .is_some_and(|hash| {
                        !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit())
                    })
            })
        })
        .unwrap_or(false)
}

impl Workbook {
    /// Finds the workbook root at or above `start` and loads every manifest in it.
    pub fn discover(start: &Path) -> Result<Self, WorkbookError> {
        let root = start
            .ancestors()
            .find(|dir| dir.join("Cargo.toml").is_file() && dir.join("days").is_dir())
            .ok_or_else(|| WorkbookError::NotFound(start.to_owned()))?;
        Self::load(root)
    }

    /// Loads the workbook whose root is `root`.
    pub fn load(root: &Path) -> Result<Self, WorkbookError> {
        let mut dirs = Vec::new();
        let days = root.join("days");
        let entries = std::fs::read_dir(&days).map_err(|e| WorkbookError::Read {
            path: days.clone(),
            message: e.to_string(),
        })?;
        for entry in entries.flatten() {
            // A hidden folder is nobody's day (and one that code under test planted is named by
            // the integrity checks, not graded).
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && entry.path().join(MANIFEST_FILE).is_file() {
                dirs.push(PathBuf::from("days").join(entry.file_name()));
            }
        }
        if root.join("capstone").join(MANIFEST_FILE).is_file() {
            dirs.push(PathBuf::from("capstone"));
        }
        let mut units = Vec::new();
        for dir in dirs {
            let manifest = Manifest::load(&root.join(&dir).join(MANIFEST_FILE))?;
            let package = package_name(&root.join(&dir).join("Cargo.toml"))?;
            let mut crates = vec![Crate {
                dir: dir.clone(),
                package: package.clone(),
            }];
            for crate_dir in manifest
                .exercises
                .iter()
                .filter_map(|e| e.crate_dir.as_ref())
            {
                let crate_dir = dir.join(crate_dir);
                if !crates.iter().any(|c| c.dir == crate_dir) {
                    let package = package_name(&root.join(&crate_dir).join("Cargo.toml"))?;
                    crates.push(Crate {
                        dir: crate_dir,
                        package,
                    });
                }
            }
            units.push(Unit {
                manifest,
                dir,
                package,
                crates,
            });
        }
        units.sort_by_key(|u| (u.manifest.kind == UnitKind::Capstone, u.manifest.day));
        for pair in units.windows(2) {
            if let (Some(day), true) = (
                pair[0].manifest.day,
                pair[0].manifest.day == pair[1].manifest.day,
            ) {
                return Err(WorkbookError::DuplicateDay {
                    day,
                    first: pair[0].dir.clone(),
                    second: pair[1].dir.clone(),
                });
            }
        }
        Ok(Workbook {
            root: root.to_owned(),
            units,
        })
    }

    /// The day with this number.
    pub fn day(&self, day: u32) -> Option<&Unit> {
        self.units.iter().find(|u| u.manifest.day == Some(day))
    }

    /// The capstone, if the workbook has one.
    pub fn capstone(&self) -> Option<&Unit> {
        self.units
            .iter()
            .find(|u| u.manifest.kind == UnitKind::Capstone)
    }

    /// The numbers of the days, in order, for error messages.
    pub fn day_numbers(&self) -> Vec<u32> {
        self.units.iter().filter_map(|u| u.manifest.day).collect()
    }
}

impl Unit {
    /// The crate whose tests grade `exercise`.
    pub fn crate_of(&self, exercise: &Exercise) -> &Crate {
        let dir = exercise.crate_dir.as_ref().map(|d| self.dir.join(d));
        dir.and_then(|dir| self.crates.iter().find(|c| c.dir == dir))
            .unwrap_or(&self.crates[0])
    }

    /// The learner's files of `exercise`, relative to the workbook root, in the manifest's order.
    pub fn files_of(&self, exercise: &Exercise) -> Vec<String> {
        exercise
            .files
            .iter()
            .map(|file| self.dir.join(file).display().to_string())
            .collect()
    }

    /// Every learner file of every exercise, relative to the workbook root, in the manifest's order.
    pub fn learner_files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.manifest
            .exercises
            .iter()
            .flat_map(|exercise| exercise.files.iter().map(|file| self.dir.join(file)))
    }

    /// "Day 1" or "The capstone", for headings and messages.
    pub fn label(&self) -> String {
        match self.manifest.day {
            Some(day) => format!("Day {day}"),
            None => "Capstone".to_owned(),
        }
    }

    /// The command that grades this unit, for "what to do next" lines.
    pub fn grade_command(&self) -> String {
        match self.manifest.day {
            Some(day) => format!("cargo day {day}"),
            None => "cargo capstone".to_owned(),
        }
    }
}

fn package_name(cargo_toml: &Path) -> Result<String, WorkbookError> {
    let text = std::fs::read_to_string(cargo_toml).map_err(|e| WorkbookError::Read {
        path: cargo_toml.to_owned(),
        message: e.to_string(),
    })?;
    let value: toml::Table = toml::from_str(&text).map_err(|e| WorkbookError::Read {
        path: cargo_toml.to_owned(),
        message: e.message().to_owned(),
    })?;
    value
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .map(str::to_owned)
        .ok_or_else(|| WorkbookError::Read {
            path: cargo_toml.to_owned(),
            message: "no [package] name".to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::package_built_before;

    #[test]
    fn a_package_counts_as_built_once_cargo_has_its_fingerprint() {
        let target = tempfile::tempdir().expect("a temporary folder");
        assert!(
            !package_built_before(target.path(), "day2-derives"),
            "no build folder yet"
        );
        let fingerprints = target.path().join("debug").join(".fingerprint");
        std::fs::create_dir_all(fingerprints.join("day1-traits-0123456789abcdef")).unwrap();
        assert!(package_built_before(target.path(), "day1-traits"));
        assert!(
            !package_built_before(target.path(), "day2-derives"),
            "another package's fingerprint"
        );
        assert!(
            !package_built_before(target.path(), "day1"),
            "a name that is only a prefix"
        );
    }
}
