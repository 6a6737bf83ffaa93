//! The bundle's scripts on Unix: executable, accepted by `bash -n`, and `run_autograder` run with
//! a stand-in `cargo` that grades well or fails.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use super::{release, workbook};
use crate::gradescope_bundle::{WORKBOOK_DIR, write_bundle};

fn bundle(dir: &Path) -> std::path::PathBuf {
    let source = release();
    let bundle = dir.join("source");
    write_bundle(&workbook(), &bundle, &["day1".to_owned()], source.path()).unwrap();
    bundle
}

#[test]
fn the_scripts_are_executable_and_bash_accepts_them() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundle(dir.path());
    for script in ["setup.sh", "run_autograder"] {
        let path = bundle.join(script);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o111,
            0o111,
            "{script} is executable by all: {mode:o}"
        );
        let check = Command::new("bash").arg("-n").arg(&path).output().unwrap();
        assert!(
            check.status.success(),
            "{script}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

/// Runs `run_autograder` in a stand-in `/autograder` with a `cargo` that runs `fake` (a bash
/// script given the arguments), and returns the results.json it left and what cargo was given.
fn run_with_cargo(fake: &str) -> (serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundle(dir.path());
    std::fs::create_dir(dir.path().join("submission")).unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let cargo = bin.join("cargo");
    std::fs::write(
        &cargo,
        format!("#!/usr/bin/env bash\necho \"$PWD $*\" >\"$ARGS_FILE\"\n{fake}\n"),
    )
    .unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let args_file = dir.path().join("args");
    let run = Command::new(bundle.join("run_autograder"))
        .env("AUTOGRADER_ROOT", dir.path())
        .env("PATH", path)
        .env("ARGS_FILE", &args_file)
        .env("TMPDIR", dir.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let results = std::fs::read_to_string(dir.path().join("results/results.json")).unwrap();
    let results = serde_json::from_str(&results)
        .unwrap_or_else(|e| panic!("results.json is not JSON ({e}): {results}"));
    let args = std::fs::read_to_string(args_file).unwrap();
    let args = args.replace(&dir.path().display().to_string(), "ROOT");
    (results, args)
}

#[test]
fn run_autograder_grades_the_submission_from_the_workbook_and_copies_its_results() {
    let (results, args) = run_with_cargo(
        r#"while [ $# -gt 0 ]; do [ "$1" = --out ] && out="$2"; shift; done
mkdir -p "$out/gradescope/submission"
echo '{"score": 7.5, "tests": []}' >"$out/gradescope/submission/results.json""#,
    );
    assert_eq!(results["score"], 7.5);
    assert!(
        args.starts_with(&format!(
            "ROOT/source/{WORKBOOK_DIR} run --locked --quiet -p grader -- batch ROOT/submission --unit day1 --format gradescope --out "
        )),
        "{args}"
    );
}

#[test]
fn when_grading_fails_results_json_says_so_with_score_0() {
    let (results, _) = run_with_cargo(
        "printf 'error: cannot \"build\" \\\\ the grader\\n\\ttab \\033[31mred\\n' >&2\nexit 2",
    );
    assert_eq!(results["score"], 0);
    let output = results["output"].as_str().unwrap();
    assert!(output.contains("exited with status 2"), "{output}");
    assert!(
        output.contains("cannot \"build\" \\ the grader"),
        "{output}"
    );
    assert_eq!(results["tests"], serde_json::json!([]));

    let (results, _) = run_with_cargo("exit 0");
    let output = results["output"].as_str().unwrap();
    assert!(output.contains("wrote 0 results.json files"), "{output}");
}
