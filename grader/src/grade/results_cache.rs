//! A learner's own results, kept between runs: what a change cannot affect is not run again.
//!
//! Two keys decide whether a kept result still holds, and each covers everything it depends on:
//! - an exercise's report, used without building anything, is kept under the unit's **sources
//!   key**: the grader's version, the toolchain, cargo's and rustc's environment variables, every
//!   canonical file of the workbook (the grader's code, tests, manifests, settings, the solutions,
//!   and any file a learner added) and every learner file of the unit. Any change anywhere in
//!   them and the unit is built again;
//! - a test target's results, used after a build, are kept under its **build key**: the sources
//!   key's grader, toolchain and canonical files, the exercise's own learner files, the test
//!   binary, and the libraries and binaries of the workspace's crates that the build produced
//!   (what the tests link and run). An edit to one exercise's file rebuilds only its own test
//!   target, so every other target keeps its results, the slow compile-fail checks included.
//!
//! The file lives in the build folder (`target/grader/results/`), so `cargo clean` empties it.
//! It is an aid for the learner's own loop only: instructors' grading never reads it.

use std::collections::BTreeMap;
use std::hash::Hasher as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::guard::{Digests, digest_of};
use crate::manifest::Exercise;
use crate::report::{ExerciseReport, TestResult, TestStatus};
use crate::workbook::Unit;

/// Bumped whenever what is stored, or how a key is made, changes.
const FORMAT: u32 = 1;

/// A unit's kept results, and the keys of the workbook as it is now.
pub struct ResultsCache {
    path: PathBuf,
    stored: Mutex<Stored>,
    /// The grader, the toolchain and the canonical files.
    base: u64,
    /// The unit's learner files, relative to the workbook root.
    learner: BTreeMap<PathBuf, u64>,
    /// Every file of the unit's crates' `src/` folders, none left out (a learner's module in a
    /// folder named `target` or `wip`, which the canonical digests skip, included).
    sources: u64,
    /// When the digests were taken: a learner file written since then was perhaps built and
    /// tested in a state they do not describe.
    taken_at: std::time::SystemTime,
    root: PathBuf,
    unit: Unit,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    format: u32,
    /// Each exercise's last report, under the sources key it was graded from.
    exercises: BTreeMap<String, (u64, ExerciseReport)>,
    /// Each test target's results (`package/target`), in the order its binary lists them.
    targets: BTreeMap<String, (u64, Vec<TestResult>)>,
    /// The results of the learner's own tests against the planted bugs, by exercise.
    planted: BTreeMap<String, (u64, Vec<TestResult>)>,
}

impl ResultsCache {
    /// The kept results of `unit` in the workspace at `root`, built in `target_dir`.
    pub fn open(root: &Path, target_dir: &Path, unit: &Unit) -> ResultsCache {
        let taken_at = std::time::SystemTime::now();
        let path = target_dir
            .join("grader")
            .join("results")
            .join(format!("{}.json", unit.package));
        let stored = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|stored| stored.format == FORMAT)
            .unwrap_or_default();
        let (base, learner, sources) = digests_now(root, unit);
        ResultsCache {
            path,
            stored: Mutex::new(stored),
            base,
            learner,
            sources,
            taken_at,
            root: root.to_owned(),
            unit: unit.clone(),
        }
    }

    /// Whether the files are still as they were when the digests were taken, and none was written
    /// since: only then do the results describe the files their keys name. (A file saved while
    /// cargo built, and saved back before the end, keeps its digest but not its time.)
    fn files_unchanged_since_open(&self) -> bool {
        let written_since = self.unit.learner_files().any(|file| {
            std::fs::metadata(self.root.join(file))
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified > self.taken_at)
        });
        !written_since
            && digests_now(&self.root, &self.unit)
                == (self.base, self.learner.clone(), self.sources)
    }

    /// Everything a report of the unit depends on before anything is built.
    fn sources_key(&self) -> u64 {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write_u64(self.base);
        hasher.write_u64(self.sources);
        for (file, digest) in &self.learner {
            hasher.write(file.as_os_str().as_encoded_bytes());
            hasher.write_u8(0);
            hasher.write_u64(*digest);
        }
        hasher.finish()
    }

    /// The exercise's learner files as they are now, with the base.
    fn exercise_key(&self, unit: &Unit, exercise: &Exercise) -> u64 {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write_u64(self.base);
        for file in unit.files_of(exercise) {
            hasher.write(file.as_bytes());
            hasher.write_u8(0);
            hasher.write_u64(
                self.learner
                    .get(Path::new(&file))
                    .copied()
                    .unwrap_or(u64::MAX),
            );
        }
        hasher.finish()
    }

    /// The exercise's last report, if nothing it was graded from has changed since.
    pub fn report(&self, exercise: &str) -> Option<ExerciseReport> {
        let stored = self.stored.lock().expect("results cache lock");
        let (key, report) = stored.exercises.get(exercise)?;
        (*key == self.sources_key()).then(|| report.clone())
    }

    /// Keeps an exercise's report under the sources key, unless a test timed out: a slow
    /// machine's moment is not a result to keep.
    pub fn keep_report(&self, report: &ExerciseReport) {
        if report
            .tests
            .iter()
            .any(|t| t.status == TestStatus::TimedOut)
        {
            return;
        }
        let key = self.sources_key();
        self.stored
            .lock()
            .expect("results cache lock")
            .exercises
            .insert(report.id.clone(), (key, report.clone()));
    }

    /// The digest of `tested_code`, the workspace crates' libraries and binaries as built: taken
    /// once per run, for every target's [`build_key`](Self::build_key). `None` when a file cannot
    /// be read: then nothing is kept or reused.
    pub fn tested_code_key(&self, tested_code: &[&PathBuf]) -> Option<u64> {
        let mut hasher = std::hash::DefaultHasher::new();
        for file in tested_code {
            hasher.write(file.as_os_str().as_encoded_bytes());
            hasher.write_u8(0);
            hasher.write_u64(digest_of(file).ok()?);
        }
        Some(hasher.finish())
    }

    /// The build key of one of `exercise`'s test targets: its binary and the tested code (see
    /// [`tested_code_key`](Self::tested_code_key)) as built, with the exercise's files and the
    /// base. `None` when the binary cannot be read: then nothing is kept or reused.
    pub fn build_key(
        &self,
        unit: &Unit,
        exercise: &Exercise,
        binary: &Path,
        tested_code_key: u64,
    ) -> Option<u64> {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write_u64(self.exercise_key(unit, exercise));
        hasher.write_u64(digest_of(binary).ok()?);
        hasher.write_u64(tested_code_key);
        Some(hasher.finish())
    }

    /// A target's kept results, if they were kept under `key`.
    pub fn target_results(&self, package: &str, target: &str, key: u64) -> Option<Vec<TestResult>> {
        let stored = self.stored.lock().expect("results cache lock");
        let (kept_key, results) = stored.targets.get(&format!("{package}/{target}"))?;
        (*kept_key == key).then(|| results.clone())
    }

    /// Keeps a target's results under `key`, unless one timed out: a slow machine's moment is not
    /// a result to keep.
    pub fn keep_target_results(
        &self,
        package: &str,
        target: &str,
        key: u64,
        results: Vec<TestResult>,
    ) {
        if results.iter().any(|r| r.status == TestStatus::TimedOut) {
            return;
        }
        self.stored
            .lock()
            .expect("results cache lock")
            .targets
            .insert(format!("{package}/{target}"), (key, results));
    }

    /// The learner's own tests' results against the planted bugs, if their files are unchanged.
    pub fn planted_results(&self, unit: &Unit, exercise: &Exercise) -> Option<Vec<TestResult>> {
        let stored = self.stored.lock().expect("results cache lock");
        let (key, results) = stored.planted.get(&exercise.id)?;
        (*key == self.exercise_key(unit, exercise)).then(|| results.clone())
    }

    pub fn keep_planted_results(&self, unit: &Unit, exercise: &Exercise, results: &[TestResult]) {
        if results.iter().any(|r| r.status == TestStatus::TimedOut) {
            return;
        }
        let key = self.exercise_key(unit, exercise);
        self.stored
            .lock()
            .expect("results cache lock")
            .planted
            .insert(exercise.id.clone(), (key, results.to_vec()));
    }

    /// Writes the kept results (best effort: a cache that cannot be written is only slower),
    /// unless a file changed while grading: then this run's results are not kept at all.
    pub fn save(&self) {
        if !self.files_unchanged_since_open() {
            return;
        }
        let mut stored = self.stored.lock().expect("results cache lock");
        stored.format = FORMAT;
        let Ok(text) = serde_json::to_vec(&*stored) else {
            return;
        };
        if let Some(folder) = self.path.parent()
            && std::fs::create_dir_all(folder).is_ok()
        {
            // Written aside and renamed, so that a reader never sees half a file.
            let aside = self
                .path
                .with_extension(format!("json.{}", std::process::id()));
            if std::fs::write(&aside, text).is_ok() && std::fs::rename(&aside, &self.path).is_err()
            {
                let _ = std::fs::remove_file(&aside);
            }
        }
    }
}

/// The base key (grader, toolchain, environment, canonical files), the unit's learner files'
/// digests, and the digest of everything in its crates' `src/` folders, as they are now.
fn digests_now(root: &Path, unit: &Unit) -> (u64, BTreeMap<PathBuf, u64>, u64) {
    let all_learner_files = crate::guard::learner_files(root, unit);
    let canonical = Digests::of_canonical_files(root, &all_learner_files);
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write_u32(FORMAT);
    hasher.write_u64(grader_identity());
    hasher.write_u64(toolchain_identity());
    hasher.write_u64(canonical.combined());
    hasher.write_u64(build_settings_in_environment());
    let learner = unit
        .learner_files()
        .map(|file| {
            // A missing file has a digest too: its absence is part of what was graded.
            let digest = digest_of(&root.join(&file)).unwrap_or(u64::MAX);
            (file, digest)
        })
        .collect();
    let mut sources = Digests::default();
    for krate in &unit.crates {
        add_every_file(&mut sources, &root.join(&krate.dir).join("src"));
    }
    (hasher.finish(), learner, sources.combined())
}

/// Every file below `folder`, whatever its name or its folders' names.
fn add_every_file(digests: &mut Digests, folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => add_every_file(digests, &entry.path()),
            Ok(kind) if kind.is_file() => {
                let _ = digests.add_file(&entry.path());
            }
            _ => {}
        }
    }
}

/// The environment's say in how the tests build and run: every variable of cargo's and rustc's
/// (`RUSTFLAGS`, `CARGO_PROFILE_DEV_OPT_LEVEL`, `RUSTC_WRAPPER`, `RUST_LOG`, ...), by name and
/// value. A change of one of them means nothing kept is trusted.
fn build_settings_in_environment() -> u64 {
    let mut settings: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(name, value)| {
            let name = name.into_string().ok()?;
            (name.starts_with("CARGO") || name.starts_with("RUST"))
                .then(|| (name, value.to_string_lossy().into_owned()))
        })
        .collect();
    settings.sort();
    let mut hasher = std::hash::DefaultHasher::new();
    for (name, value) in settings {
        hasher.write(name.as_bytes());
        hasher.write_u8(0);
        hasher.write(value.as_bytes());
        hasher.write_u8(0);
    }
    hasher.finish()
}

/// Which grader this is: its version. Its code is among the canonical files (everything under
/// `grader/`, the workspace's `Cargo.toml` with its profiles), and `cargo run` builds the grader
/// from them before every run; so the program's own file is left out, and the learners' grader
/// and the one `--watch` runs (the same code with file notifications) share what they kept.
fn grader_identity() -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.finish()
}

/// Which toolchain builds the tests: under `cargo run`, the `rustc` beside the `CARGO` that runs
/// the grader (its path names the toolchain, its size and time change when rustup updates it);
/// otherwise what `rustc -vV` says.
fn toolchain_identity() -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    let rustc_beside_cargo = std::env::var_os("CARGO").and_then(|cargo| {
        let bin = Path::new(&cargo).parent()?.to_owned();
        let rustc = bin.join(format!("rustc{}", std::env::consts::EXE_SUFFIX));
        rustc.is_file().then_some(rustc)
    });
    match rustc_beside_cargo {
        Some(rustc) => {
            hasher.write(rustc.as_os_str().as_encoded_bytes());
            write_stamp(&mut hasher, &rustc);
        }
        None => {
            let output = crate::process::output_own(
                std::process::Command::new("rustc")
                    .arg("-vV")
                    .stdin(std::process::Stdio::null()),
            );
            if let Ok(output) = output {
                hasher.write(&output.stdout);
            }
        }
    }
    hasher.finish()
}

fn write_stamp(hasher: &mut std::hash::DefaultHasher, path: &Path) {
    if let Ok(metadata) = std::fs::metadata(path) {
        hasher.write_u64(metadata.len());
        if let Ok(modified) = metadata.modified()
            && let Ok(since) = modified.duration_since(std::time::UNIX_EPOCH)
        {
            hasher.write_u128(since.as_nanos());
        }
    }
}
