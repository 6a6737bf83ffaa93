//! The instructors' and maintainers' commands: batch, release, gradescope and check.

use super::*;

#[test]
fn batch_takes_submissions_and_fills_in_its_defaults() {
    assert_eq!(
        command(&["batch", "submissions/alice"]),
        Command::Batch(BatchRequest {
            submissions: vec![PathBuf::from("submissions/alice")],
            units: strings(&["all"]),
            formats: strings(&["json", "csv", "markdown"]),
            out: PathBuf::from("grading"),
            jobs: None,
            require_sandbox: false,
            no_cache: false,
            work_dir: None,
        })
    );
    assert_eq!(
        command(&[
            "batch",
            "a",
            "--unit",
            "day1",
            "b.zip",
            "--unit=capstone",
            "--format",
            "junit,csv",
            "--format=gradescope",
            "--out",
            "results",
            "--jobs=3",
            "--require-sandbox",
            "--no-cache",
            "--work-dir",
            "/tmp/work",
            "--",
            "--odd-name",
        ]),
        Command::Batch(BatchRequest {
            submissions: ["a", "b.zip", "--odd-name"].map(PathBuf::from).to_vec(),
            units: strings(&["day1", "capstone"]),
            formats: strings(&["junit", "csv", "gradescope"]),
            out: PathBuf::from("results"),
            jobs: Some(3),
            require_sandbox: true,
            no_cache: true,
            work_dir: Some(PathBuf::from("/tmp/work")),
        })
    );
    assert_eq!(
        error(&["batch"]),
        "`cargo grader batch` needs at least one submission, e.g. `cargo grader batch \
         submissions/*` (see `cargo grader batch --help`)"
    );
    assert_eq!(
        error(&["batch", "--unit", "day1"]),
        "`cargo grader batch` needs at least one submission, e.g. `cargo grader batch \
         submissions/*` (see `cargo grader batch --help`)"
    );
    assert_eq!(
        error(&["batch", "a", "--jobs", "many"]),
        "`--jobs` takes a number, not `many` (see `cargo grader batch --help`)"
    );
    assert_eq!(
        error(&["batch", "a", "--no-cache", "--no-cache"]),
        "`--no-cache` is given more than once: give it once (see `cargo grader batch --help`)"
    );
}

#[test]
fn release_and_gradescope_take_a_folder() {
    assert_eq!(
        command(&["release", "../week17"]),
        Command::Release {
            dir: PathBuf::from("../week17"),
            with_solutions: false,
            force: false,
        }
    );
    assert_eq!(
        command(&["release", "--force", "out", "--with-solutions"]),
        Command::Release {
            dir: PathBuf::from("out"),
            with_solutions: true,
            force: true,
        }
    );
    assert_eq!(
        error(&["release"]),
        "`cargo grader release` needs the folder to write it to, e.g. `cargo grader release \
         ../week17` (see `cargo grader release --help`)"
    );
    assert_eq!(
        command(&["gradescope", "bundle"]),
        Command::Gradescope {
            dir: PathBuf::from("bundle"),
            unit: strings(&["all"]),
        }
    );
    assert_eq!(
        command(&["gradescope", "bundle", "--unit", "day2", "--unit", "day3"]),
        Command::Gradescope {
            dir: PathBuf::from("bundle"),
            unit: strings(&["day2", "day3"]),
        }
    );
}

#[test]
fn check_takes_units_and_keeps_its_modes_apart() {
    let check = |layout_only, unit: &[&str], mistakes, record_stubs| Command::Check {
        layout_only,
        unit: strings(unit),
        mistakes,
        record_stubs,
    };
    assert_eq!(command(&["check"]), check(false, &[], false, false));
    assert_eq!(
        command(&["check", "--unit", "day1", "--unit=capstone", "--mistakes"]),
        check(false, &["day1", "capstone"], true, false)
    );
    assert_eq!(
        command(&["check", "--layout-only"]),
        check(true, &[], false, false)
    );
    assert_eq!(
        command(&["check", "--record-stubs", "--unit", "day2"]),
        check(false, &["day2"], false, true)
    );
    for (args, first, second) in [
        (["--mistakes", "--layout-only"], "mistakes", "layout-only"),
        (
            ["--layout-only", "--record-stubs"],
            "layout-only",
            "record-stubs",
        ),
        (["--record-stubs", "--mistakes"], "record-stubs", "mistakes"),
    ] {
        let args: Vec<&str> = ["check"].into_iter().chain(args).collect();
        assert_eq!(
            error(&args),
            format!(
                "`--{first}` cannot be used with `--{second}`: give one or the other (see `cargo \
                 grader check --help`)"
            )
        );
    }
}
