//! The bundle's tests: what it holds, what it refuses, and its scripts run against a stand-in
//! `cargo`.

use super::*;

fn workbook() -> Workbook {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    Workbook::load(root).unwrap()
}

/// A stand-in for a released workbook: a toolchain file, sources, and build output and git
/// history that the bundle must leave out.
fn release() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("rust-toolchain.toml"),
        "[toolchain]\nchannel = \"1.95.0\"\ncomponents = [\"rustfmt\", \"clippy\"]\n",
    )
    .unwrap();
    for file in [
        "Cargo.toml",
        "days/day1-traits/src/ex1_health_checks.rs",
        "target/debug/huge",
        ".git/HEAD",
        "days/day4-cargo/projects/p/target/out",
    ] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, file).unwrap();
    }
    dir
}

fn units(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_bundle_holds_the_scripts_a_readme_and_the_workbook_without_build_output() {
    let source = release();
    let dest = tempfile::tempdir().unwrap();
    let bundle = dest.path().join("bundle");
    let written = write_bundle(
        &workbook(),
        &bundle,
        &units(&["day1", "capstone"]),
        source.path(),
    )
    .unwrap();
    let names: Vec<_> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["setup.sh", "run_autograder", "README.txt"]);
    let copy = bundle.join(WORKBOOK_DIR);
    assert!(
        copy.join("days/day1-traits/src/ex1_health_checks.rs")
            .is_file()
    );
    assert!(copy.join("rust-toolchain.toml").is_file());
    assert!(!copy.join("target").exists(), "build output is left out");
    assert!(!copy.join(".git").exists(), "git history is left out");
    assert!(!copy.join("days/day4-cargo/projects/p/target").exists());

    let setup = std::fs::read_to_string(bundle.join("setup.sh")).unwrap();
    assert!(setup.contains("TOOLCHAIN=\"1.95.0\""), "{setup}");
    assert!(setup.contains("COMPONENTS=\"rustfmt,clippy\""), "{setup}");
    let run = std::fs::read_to_string(bundle.join("run_autograder")).unwrap();
    assert!(
        run.contains(
            "cargo run --locked --quiet -p grader -- batch \"$SUBMISSION\" --unit day1 --unit capstone --format gradescope"
        ),
        "{run}"
    );
    let readme = std::fs::read_to_string(bundle.join("README.txt")).unwrap();
    assert!(
        readme.contains("Units graded: day1, capstone (Rust 1.95.0)"),
        "{readme}"
    );
    assert!(readme.contains("zip -r ../autograder.zip ."), "{readme}");
    assert!(
        !readme.contains('@'),
        "every placeholder is filled: {readme}"
    );
}

#[test]
fn no_units_or_all_grades_every_unit_and_an_unknown_one_is_refused() {
    let workbook = workbook();
    assert_eq!(checked_units(&workbook, &[]).unwrap(), ["all"]);
    assert_eq!(
        checked_units(&workbook, &units(&["day2", "all"])).unwrap(),
        ["all"]
    );
    assert_eq!(
        checked_units(&workbook, &units(&["day2", "day2"])).unwrap(),
        ["day2"]
    );
    let error = checked_units(&workbook, &units(&["day9"])).unwrap_err();
    assert!(error.to_string().contains("no unit `day9`"), "{error}");
    assert!(
        error.to_string().contains("capstone"),
        "it lists the units: {error}"
    );
}

#[test]
fn a_folder_that_is_not_empty_or_not_a_release_is_refused() {
    let source = release();
    let dest = tempfile::tempdir().unwrap();
    std::fs::write(dest.path().join("old"), "x").unwrap();
    let error = write_bundle(&workbook(), dest.path(), &[], source.path()).unwrap_err();
    assert!(
        matches!(error, BundleError::DestinationNotEmpty(_)),
        "{error}"
    );

    let empty = tempfile::tempdir().unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let error = write_bundle(&workbook(), fresh.path(), &[], empty.path()).unwrap_err();
    assert!(error.to_string().contains("rust-toolchain.toml"), "{error}");

    std::fs::write(
        empty.path().join("rust-toolchain.toml"),
        "[toolchain]\nchannel = \"1.95.0; rm -rf /\"\n",
    )
    .unwrap();
    let error = write_bundle(&workbook(), fresh.path(), &[], empty.path()).unwrap_err();
    assert!(
        matches!(error, BundleError::NoToolchain(_)),
        "no shell text from the file: {error}"
    );
}

#[test]
fn a_bundle_inside_the_workbook_is_not_copied_into_itself() {
    let source = release();
    let bundle = source.path().join("grading/bundle");
    write_bundle(&workbook(), &bundle, &[], source.path()).unwrap();
    assert!(bundle.join(WORKBOOK_DIR).join("grading").is_dir());
    assert!(!bundle.join(WORKBOOK_DIR).join("grading/bundle").exists());
}

#[cfg(unix)]
mod scripts;
