//! The submission tests' fixtures: a workbook of one day built in a temporary folder, a student's
//! files, and the archives and repositories made from them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use grader::submission::{ArchiveLimits, OpenError, Opened, Taken, open, take};
use grader::workbook::Workbook;
use tempfile::TempDir;

pub const STUB: &str = "pub fn serve() -> u16 {\n    todo!()\n}\n";
pub const SOLVED: &str = "pub fn serve() -> u16 {\n    8080\n}\n";
pub const SHAPES_STUB: &str = "pub fn area() -> f64 {\n    todo!()\n}\n";
pub const CANONICAL_TEST: &str =
    "#[test]\nfn serves() {\n    assert_eq!(day1::serve(), 8080);\n}\n";
pub const LIB: &str = "pub mod ex1_server;\npub mod ex2_shapes;\npub use ex1_server::serve;\n";

/// A workbook of one day with two exercises, each with one learner file.
pub fn workbook() -> (TempDir, Workbook) {
    let dir = tempfile::Builder::new()
        .prefix("submission-workbook-")
        .tempdir()
        .unwrap();
    let files: [(&str, &str); 8] = [
        ("Cargo.toml", "[workspace]\nmembers = [\"days/*\"]\n"),
        (
            "days/day1-traits/Cargo.toml",
            "[package]\nname = \"day1\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
        ),
        (
            "days/day1-traits/exercises.toml",
            r#"kind = "day"
day = 1
title = "Traits"

[[exercise]]
id = "ex1-server"
title = "A server"
files = ["src/ex1_server.rs"]
tests = ["ex1_server"]

[[exercise]]
id = "ex2-shapes"
title = "Shapes"
files = ["src/ex2_shapes.rs"]
tests = ["ex2_shapes"]
"#,
        ),
        ("days/day1-traits/src/lib.rs", LIB),
        ("days/day1-traits/src/ex1_server.rs", STUB),
        ("days/day1-traits/src/ex2_shapes.rs", SHAPES_STUB),
        ("days/day1-traits/tests/ex1_server.rs", CANONICAL_TEST),
        (
            "days/day1-traits/tests/ex2_shapes.rs",
            "#[test]\nfn area() {}\n",
        ),
    ];
    for (path, content) in files {
        write(&dir.path().join(path), content.as_bytes());
    }
    let workbook = Workbook::load(dir.path()).expect("the fake workbook loads");
    (dir, workbook)
}

pub fn write(path: &Path, content: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// A student's work: exercise 1 solved, exercise 2 not handed in, the canonical test changed, a
/// file of their own added, `lib.rs` unchanged but saved with Windows line endings, and noise.
pub fn student_files(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let day = format!("{prefix}days/day1-traits");
    vec![
        (format!("{day}/src/ex1_server.rs"), SOLVED.into()),
        (
            format!("{day}/src/helper.rs"),
            b"pub fn help() {}\n".to_vec(),
        ),
        (
            format!("{day}/src/lib.rs"),
            LIB.replace('\n', "\r\n").into_bytes(),
        ),
        (
            format!("{day}/tests/ex1_server.rs"),
            b"#[test]\nfn serves() {}\n".to_vec(),
        ),
        (format!("{day}/target/debug/junk"), b"build output".to_vec()),
        (format!("{day}/.DS_Store"), b"finder".to_vec()),
        (format!("{prefix}README.md"), b"# my work\n".to_vec()),
    ]
}

pub fn write_tree(dir: &Path, files: &[(String, Vec<u8>)]) {
    for (path, content) in files {
        write(&dir.join(path), content);
    }
}

pub fn zip_of(path: &Path, files: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in files {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap();
}

/// A `.tar.gz` with each entry's name written raw into its header (the tar crate's own builder
/// refuses `..` and absolute names, which these tests need to make).
pub fn tar_gz_of(path: &Path, entries: &[(String, Vec<u8>, tar::EntryType)]) {
    let gzip = flate2::write::GzEncoder::new(
        std::fs::File::create(path).unwrap(),
        flate2::Compression::default(),
    );
    let mut builder = tar::Builder::new(gzip);
    for (name, content, kind) in entries {
        let mut header = tar::Header::new_gnu();
        let raw = &mut header.as_old_mut().name;
        raw[..name.len()].copy_from_slice(name.as_bytes());
        header.set_entry_type(*kind);
        header.set_mode(0o644);
        if *kind == tar::EntryType::Symlink {
            header.set_link_name_literal("/etc/passwd").unwrap();
            header.set_size(0);
        } else {
            header.set_size(content.len() as u64);
        }
        header.set_cksum();
        builder.append(&header, content.as_slice()).unwrap();
    }
    builder.into_inner().unwrap().finish().unwrap();
}

pub fn files_tar(files: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>, tar::EntryType)> {
    files
        .iter()
        .map(|(name, content)| (name.clone(), content.clone(), tar::EntryType::Regular))
        .collect()
}

/// A folder for the test's archives and scratch folders.
pub struct Scene {
    pub dir: TempDir,
}

impl Scene {
    pub fn new() -> Scene {
        Scene {
            dir: tempfile::Builder::new()
                .prefix("submission-")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn open(&self, submission: &Path, workbook: &Workbook) -> Result<Opened, OpenError> {
        self.open_with(submission, workbook, &ArchiveLimits::default())
    }

    pub fn open_with(
        &self,
        submission: &Path,
        workbook: &Workbook,
        limits: &ArchiveLimits,
    ) -> Result<Opened, OpenError> {
        let scratch = self.path("scratch");
        if scratch.exists() {
            std::fs::remove_dir_all(&scratch).unwrap();
        }
        open(submission, workbook, &scratch, limits)
    }
}

pub fn take_all(workbook: &Workbook, root: &Path) -> Taken {
    let units: Vec<_> = workbook.units.iter().collect();
    take(workbook, &units, root)
}

pub fn refusal(result: Result<Opened, OpenError>) -> String {
    match result {
        Err(OpenError::Refused(reason)) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub fn unreadable(result: Result<Opened, OpenError>) -> String {
    match result {
        Err(OpenError::Unreadable(reason)) => reason,
        other => panic!("expected unreadable, got {other:?}"),
    }
}

pub fn ignored(taken: &Taken) -> Vec<(String, String)> {
    taken
        .ignored
        .iter()
        .map(|file| (file.path.clone(), file.why.clone()))
        .collect()
}

/// What every well-formed submission of [`student_files`] takes and ignores.
pub fn assert_takes_the_student_files(workbook: &Workbook, opened: &Opened) {
    let taken = take_all(workbook, &opened.root);
    let server = PathBuf::from("days/day1-traits/src/ex1_server.rs");
    assert_eq!(taken.overrides.len(), 1, "{taken:?}");
    assert_eq!(taken.overrides[0].0, server);
    assert_eq!(
        std::fs::read_to_string(&taken.overrides[0].1).unwrap(),
        SOLVED
    );
    assert_eq!(
        taken.missing,
        vec![PathBuf::from("days/day1-traits/src/ex2_shapes.rs")]
    );
    assert_eq!(
        ignored(&taken),
        vec![
            (
                "days/day1-traits/src/helper.rs".to_owned(),
                "not a learner file: ignored".to_owned()
            ),
            (
                "days/day1-traits/tests/ex1_server.rs".to_owned(),
                "differs: ignored".to_owned()
            ),
        ],
        "lib.rs with CRLF line endings is the same file; target/ and .DS_Store are noise"
    );
}

pub fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=Student", "-c", "user.email=s@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?} failed");
}

/// Copies a repository's refs by hand (the Unix-only test of a repository that links out).
#[cfg(unix)]
pub fn copy_refs(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_refs(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
