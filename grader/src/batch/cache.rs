//! Results kept per submission content, so that a batch interrupted or run again grades only what
//! it has not graded yet.
//!
//! A result is found again only under the same key: the same learner files (their paths and
//! contents, and which are missing) graded by the same grader binary, toolchain, canonical workbook
//! files (tests and manifests, policies included), units and protections. Anything else that
//! changed makes a new key, so a cached result is never stale.

use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use crate::batch::model::SubmissionReport;

/// The folder of cached results, and what every key of this run shares.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    salt: u64,
}

impl Cache {
    /// The cache in `dir` for a run whose grader, toolchain, workbook and settings `salt` sums up.
    pub fn new(dir: PathBuf, salt: u64) -> Self {
        Cache { dir, salt }
    }

    fn path_of(&self, submission_digest: u64) -> PathBuf {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write_u64(self.salt);
        hasher.write_u64(submission_digest);
        self.dir.join(format!("{:016x}.json", hasher.finish()))
    }

    /// The result kept for a submission with these learner files, if any (an unreadable record
    /// counts as none).
    pub fn get(&self, submission_digest: u64) -> Option<SubmissionReport> {
        let text = std::fs::read_to_string(self.path_of(submission_digest)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps `report` for its learner files; a failure to write only costs a later regrade.
    pub fn put(&self, submission_digest: u64, report: &SubmissionReport) {
        let path = self.path_of(submission_digest);
        let Ok(text) = serde_json::to_string(report) else {
            return;
        };
        let _ = std::fs::create_dir_all(&self.dir);
        // Written beside, then renamed: an interrupted write never leaves half a record.
        let partial = path.with_extension("json.partial");
        if std::fs::write(&partial, text).is_ok() {
            let _ = std::fs::rename(&partial, &path);
        }
    }
}

/// What every cached result of a run depends on besides the learner files: the grader binary, the
/// toolchain (`rustc -vV`), the workbook's canonical files, the units and the protections.
pub fn salt_of(
    workbook_root: &Path,
    learner_files: &[PathBuf],
    units: &[String],
    protections: &[String],
) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    if let Some(grader) = std::env::current_exe()
        .ok()
        .and_then(|exe| crate::guard::digest_of(&exe).ok())
    {
        hasher.write_u64(grader);
    }
    if let Ok(output) = crate::process::output_own(std::process::Command::new(rustc()).arg("-vV")) {
        hasher.write(&output.stdout);
    }
    let canonical = crate::guard::Digests::of_canonical_files(workbook_root, learner_files);
    hasher.write_u64(canonical.combined());
    for text in units.iter().chain(protections) {
        hasher.write(text.as_bytes());
        hasher.write_u8(0);
    }
    hasher.finish()
}

/// The rustc cargo uses: `RUSTC` when cargo set it, else the one on PATH.
fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::model::SubmissionOutcome;

    fn report(student: &str) -> SubmissionReport {
        SubmissionReport {
            student: student.into(),
            source: PathBuf::from(format!("{student}.zip")),
            outcome: SubmissionOutcome::Graded,
            exercises: Vec::new(),
            points: 7.5,
            max_points: 10.0,
            ignored_files: Vec::new(),
            violations: Vec::new(),
            missing_files: Vec::new(),
            units: Vec::new(),
            notes: Vec::new(),
            cached: false,
            duration_ms: 12,
        }
    }

    #[test]
    fn a_result_is_found_again_only_under_its_own_key() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("cache"), 1);
        assert!(cache.get(42).is_none(), "an empty cache has nothing");
        cache.put(42, &report("alice"));
        let found = cache.get(42).expect("the result is kept");
        assert_eq!((found.student.as_str(), found.points), ("alice", 7.5));
        assert!(
            cache.get(43).is_none(),
            "other learner files are another key"
        );
        let other_run = Cache::new(dir.path().join("cache"), 2);
        assert!(
            other_run.get(42).is_none(),
            "another grader, toolchain or workbook is another key"
        );
    }

    #[test]
    fn a_damaged_record_counts_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_owned(), 1);
        cache.put(42, &report("bob"));
        let record = std::fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::write(&record, "{ not json").unwrap();
        assert!(cache.get(42).is_none());
    }
}
