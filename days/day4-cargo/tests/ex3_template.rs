//! Exercise 3: the project template. Each test makes projects in a temporary folder with the
//! learner's `create_project`, reads what it wrote (the manifest through `cargo metadata`, so any
//! valid TOML spelling passes), and one runs `cargo test` and `cargo run` in a new project,
//! offline, on the stand-in crates in `registry/`.

#[path = "../src/ex3_template.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod template;

#[path = "support/gitignore.rs"]
mod gitignore;

#[path = "support/offline_cargo.rs"]
#[allow(dead_code)] // shared by Day 4's tests; each uses a part
mod offline_cargo;

use std::fs;
use std::path::{Path, PathBuf};

use cargo_metadata::{Dependency, DependencyKind, Edition, Package};
use tempfile::TempDir;
use template::{DEFAULT_NAME, TemplateError, check_name, create_project, project_name};

/// A project the learner's `create_project` wrote into a temporary folder of its own (removed
/// when this is dropped).
struct Generated {
    _parent: TempDir,
    dir: PathBuf,
}

/// `create_project(<a new empty temporary folder>, name)`, which must succeed and return the new
/// project's folder.
fn generate(name: &str) -> Generated {
    let parent = tempfile::tempdir().expect("a temporary folder for the new project");
    let dir = match create_project(parent.path(), name) {
        Ok(dir) => dir,
        Err(e) => panic!(
            "create_project(<an empty folder>, {name:?}) failed: {e}. A valid name in a folder \
             where nothing of that name exists yet must give a new project"
        ),
    };
    assert_same_folder(&dir, &parent.path().join(name), name);
    Generated {
        _parent: parent,
        dir,
    }
}

/// `returned` is the project folder `parent.join(name)`, however it is spelled.
fn assert_same_folder(returned: &Path, expected: &Path, name: &str) {
    let same = match (fs::canonicalize(returned), fs::canonicalize(expected)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    assert!(
        same,
        "create_project(parent, {name:?}) returns the project's folder, parent.join({name:?}) \
         (it exists once the project is written); it returned {}",
        returned.display()
    );
}

/// The text of the file at `parts` (joined one by one) in the project.
fn read(project: &Path, parts: &[&str]) -> String {
    let path = parts
        .iter()
        .fold(project.to_path_buf(), |p, part| p.join(part));
    fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the new project has no readable {}: {e}. The task lists the files a project needs",
            parts.join("/")
        )
    })
}

/// The names of what the folder `dir` holds, sorted; empty when it does not exist.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|read| {
            read.filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The files (not folders) the folder `dir` holds, with their text.
fn files_in(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .map(|read| {
            read.filter_map(Result::ok)
                .filter(|entry| entry.path().is_file())
                .map(|entry| {
                    let text = fs::read_to_string(entry.path()).unwrap_or_default();
                    (entry.file_name().to_string_lossy().into_owned(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The package the new project's `Cargo.toml` declares, as cargo reads it.
fn manifest(project: &Path) -> Package {
    offline_cargo::manifest_of(project).unwrap_or_else(|e| {
        panic!(
            "cargo cannot read the new project's Cargo.toml (`cargo metadata` in it failed). \
             Cargo said:\n{e}"
        )
    })
}

/// The new project's dependency on `name` of the `kind` the task gives it.
fn dependency<'a>(package: &'a Package, name: &str, kind: DependencyKind) -> &'a Dependency {
    let mut found = package
        .dependencies
        .iter()
        .filter(|d| d.name == name && d.target.is_none());
    let section = match kind {
        DependencyKind::Development => "[dev-dependencies]",
        _ => "[dependencies]",
    };
    let Some(first) = found.clone().find(|d| d.kind == kind) else {
        match found.next() {
            Some(d) if d.kind == DependencyKind::Development => panic!(
                "`{name}` is in [dev-dependencies]: only tests, examples and benchmarks can use \
                 those. The program needs it: it belongs in [dependencies] (the seed's \
                 requirements.txt)"
            ),
            Some(_) if kind == DependencyKind::Development => panic!(
                "`{name}` is in [dependencies]: a test helper (the seed's pytest, in \
                 requirements-dev.txt) belongs in [dev-dependencies], so the program itself, and \
                 anyone who depends on it, never compiles it"
            ),
            _ => panic!(
                "the new project's Cargo.toml has no `{name}` in {section}: the task lists it \
                 (the seed's requirements files in Rust)"
            ),
        }
    };
    assert!(
        !first.optional,
        "`{name}` is an optional dependency: the template's project always needs it"
    );
    first
}

// ---------------------------------------------------------------------------------------------
// Steps 1 and 2: the name.
// ---------------------------------------------------------------------------------------------

fn the_name_is_the_first_argument_or_sre_project() {
    assert_eq!(
        project_name(&[]),
        DEFAULT_NAME,
        "with no argument the name is DEFAULT_NAME, the seed's ${{1:-\"sre-project\"}}"
    );
    assert_eq!(
        project_name(&["disk-watch".to_owned()]),
        "disk-watch",
        "the first argument is the project's name"
    );
    assert_eq!(
        project_name(&["disk-watch".to_owned(), "extra".to_owned()]),
        "disk-watch",
        "the name is the first argument ($1), whatever follows it"
    );
    assert_eq!(
        project_name(&[String::new()]),
        "",
        "an empty first argument is passed on as it is (check_name then refuses it): bash's \
         ${{1:-...}} treats empty and missing alike, but the task keeps DEFAULT_NAME for a \
         missing argument only"
    );
}

fn names_cargo_accepts_pass_the_check() {
    for name in [
        "sre-project",
        "disk_watch",
        "probe2",
        "x",
        "_internal",
        "HealthWatch",
    ] {
        if let Err(e) = check_name(name) {
            panic!(
                "check_name({name:?}) refused a name cargo accepts ({e}): ASCII letters, digits, \
                 `-` and `_`, with an ASCII letter or `_` first"
            );
        }
    }
}

fn names_cargo_refuses_fail_the_check() {
    for (name, rule) in [
        ("", "a package needs a name"),
        ("my project", "a space is no character of a package name"),
        ("2fast", "a name cannot start with a digit"),
        ("-dash", "the first character is an ASCII letter or `_`"),
        ("api.v2", "`.` is no character of a package name"),
        ("café", "only ASCII letters: `é` is not one"),
        (
            "sre/project",
            "`/` is no character of a package name (and would make a folder in a folder)",
        ),
        (
            "../escape",
            "`.` and `/` are no characters of a package name (and `..` would write outside the parent folder)",
        ),
        (
            "web\\01",
            "`\\` is no character of a package name (and a path separator on Windows)",
        ),
    ] {
        match check_name(name) {
            Err(TemplateError::InvalidName { name: given, why }) => {
                assert_eq!(
                    given, name,
                    "InvalidName carries the name as it was given ({name:?})"
                );
                assert!(
                    !why.trim().is_empty(),
                    "InvalidName's `why` says which rule {name:?} breaks: {rule}"
                );
            }
            Err(e) => panic!(
                "check_name({name:?}) must refuse it with TemplateError::InvalidName ({rule}); \
                 it gave another error: {e}"
            ),
            Ok(()) => panic!("check_name({name:?}) must refuse it: {rule}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 3: the project's files.
// ---------------------------------------------------------------------------------------------

fn the_project_has_every_file() {
    let project = generate("disk-watch");
    for (parts, what) in [
        (
            &["Cargo.toml"][..],
            "the manifest (requirements.txt and requirements-dev.txt in one)",
        ),
        (&["rust-toolchain.toml"][..], "the toolchain pin"),
        (&[".gitignore"][..], "the .gitignore"),
        (
            &["README.md"][..],
            "the README with the set-up instructions",
        ),
        (&["src", "main.rs"][..], "the program"),
    ] {
        let path = parts
            .iter()
            .fold(project.dir.clone(), |p, part| p.join(part));
        assert!(
            path.is_file(),
            "the new project has no {}: {what}",
            parts.join("/")
        );
    }
    let tests = project.dir.join("tests");
    assert!(
        files_in(&tests)
            .iter()
            .any(|(file, _)| file.ends_with(".rs")),
        "the new project's tests/ folder has no test file (a `.rs` file in tests/, e.g. \
         tests/smoke.rs, with a #[test] that calls checkmate::check)"
    );
    for folder in ["config", "scripts"] {
        assert!(
            !files_in(&project.dir.join(folder)).is_empty(),
            "the new project has no file in {folder}/: the seed makes the folders src, tests, \
             scripts and config, and git keeps no empty folder, so put at least one file in it \
             (e.g. config/settings.yaml, scripts/README.md)"
        );
    }
}

fn the_manifest_names_the_new_package() {
    for name in ["disk-watch", "latency_probe2"] {
        let project = generate(name);
        let package = manifest(&project.dir);
        assert_eq!(
            package.name.as_str(),
            name,
            "the package's name is the project's name, {name:?}, not a fixed one"
        );
        assert_eq!(
            package.version.to_string(),
            "0.1.0",
            "a new package's version is 0.1.0"
        );
        assert_eq!(
            package.edition,
            Edition::E2024,
            "the package's edition is 2024 (edition = \"2024\"), as `cargo new` writes today"
        );
        let rust_version = package.rust_version.as_ref().map(|v| (v.major, v.minor));
        assert_eq!(
            rust_version,
            Some((1, 85)),
            "the package's rust-version is 1.85 (rust-version = \"1.85\"): the oldest Rust it \
             builds with, the first with edition 2024"
        );
    }
}

fn fetchy_is_any_2_x_from_2_31() {
    let project = generate("disk-watch");
    let package = manifest(&project.dir);
    let fetchy = dependency(&package, "fetchy", DependencyKind::Normal);
    let req = &fetchy.req;
    for version in ["2.31.0", "2.31.2"] {
        assert!(
            offline_cargo::accepts(req, version),
            "fetchy's requirement `{req}` refuses {version}: the task asks for any 2.x from \
             2.31.0, written \"2.31\" (cargo's default caret: ^2.31). An exact pin (=2.31.0) \
             stops `cargo update` from bringing bug fixes; the lock file does the pinning"
        );
    }
    assert!(
        !offline_cargo::accepts(req, "2.28.0"),
        "fetchy's requirement `{req}` accepts 2.28.0: the minimum is 2.31.0 (\"2.31\")"
    );
    assert!(
        !offline_cargo::accepts(req, "3.0.0"),
        "fetchy's requirement `{req}` accepts 3.0.0: a new major version may break the API, and \
         \"2.31\" (^2.31) stops before 3.0.0"
    );
}

fn yamlish_is_pinned_to_6_0_1_exactly() {
    let project = generate("disk-watch");
    let package = manifest(&project.dir);
    let yamlish = dependency(&package, "yamlish", DependencyKind::Normal);
    let req = &yamlish.req;
    assert!(
        offline_cargo::accepts(req, "6.0.1"),
        "yamlish's requirement `{req}` refuses 6.0.1, the version the seed pins (pyyaml==6.0.1)"
    );
    for version in ["6.0.0", "6.0.2"] {
        assert!(
            !offline_cargo::accepts(req, version),
            "yamlish's requirement `{req}` accepts {version}: the task pins it exactly, \
             \"=6.0.1\" (the seed's ==). Without `=`, \"6.0.1\" is a caret requirement, ^6.0.1, \
             which accepts any 6.x from 6.0.1"
        );
    }
}

fn promstats_is_0_19_with_the_process_feature() {
    let project = generate("disk-watch");
    let package = manifest(&project.dir);
    let promstats = dependency(&package, "promstats", DependencyKind::Normal);
    let req = &promstats.req;
    for version in ["0.19.0", "0.19.3"] {
        assert!(
            offline_cargo::accepts(req, version),
            "promstats's requirement `{req}` refuses {version}: the task asks for any 0.19.x from \
             0.19.0, written \"0.19\""
        );
    }
    assert!(
        !offline_cargo::accepts(req, "0.20.0"),
        "promstats's requirement `{req}` accepts 0.20.0: before 1.0 the minor number is the \
         breaking one, and \"0.19\" (^0.19) stops before 0.20.0"
    );
    assert!(
        promstats.features.iter().any(|f| f == "process"),
        "promstats has no `process` feature in the new project's Cargo.toml (features are \
         pip's extras): promstats = {{ version = \"0.19\", features = [\"process\"] }}"
    );
}

fn checkmate_is_a_dev_dependency_7_x() {
    let project = generate("disk-watch");
    let package = manifest(&project.dir);
    let checkmate = dependency(&package, "checkmate", DependencyKind::Development);
    let req = &checkmate.req;
    for version in ["7.0.0", "7.4.2"] {
        assert!(
            offline_cargo::accepts(req, version),
            "checkmate's requirement `{req}` refuses {version}: the task asks for any 7.x, \
             written \"7\""
        );
    }
    assert!(
        !offline_cargo::accepts(req, "8.0.0"),
        "checkmate's requirement `{req}` accepts 8.0.0: the task asks for any 7.x, never 8 \
         (the seed's `pytest>=7.0` would take 8 and whatever it breaks; \"7\" is ^7)"
    );
    assert!(
        !package
            .dependencies
            .iter()
            .any(|d| d.name == "checkmate" && d.kind == DependencyKind::Normal),
        "checkmate is in [dependencies] as well as [dev-dependencies]: a test helper belongs in \
         [dev-dependencies] only"
    );
}

fn gitignore_ignores_target_and_keeps_the_lock_file() {
    let project = generate("disk-watch");
    let text = read(&project.dir, &[".gitignore"]);
    if !gitignore::ignores(&text, "target", true) {
        let indented = text.lines().any(|line| {
            line.starts_with([' ', '\t']) && gitignore::ignores(line.trim_start(), "target", true)
        });
        assert!(
            !indented,
            "the new .gitignore names target with spaces before it: git reads them as part of \
             the pattern, so it matches nothing. An indented multi-line string keeps its \
             indentation: start each line of the file's text at the left margin. The .gitignore \
             was:\n{text}"
        );
        panic!(
            "the new .gitignore does not ignore the build folder `target` (the .venv/ of the \
             seed's .gitignore): add the line `/target`, as `cargo new` does. It was:\n{text}"
        );
    }
    assert!(
        !gitignore::ignores(&text, "Cargo.lock", false),
        "the new .gitignore ignores Cargo.lock: an application commits its lock file (the \
         seed's `pip freeze > requirements.txt`), so every teammate and CI build the same \
         versions. It was:\n{text}"
    );
}

fn the_toolchain_is_the_workbooks() {
    let project = generate("disk-watch");
    let text = read(&project.dir, &["rust-toolchain.toml"]);
    let workbook = offline_cargo::workbook_channel();
    let channel = offline_cargo::channel_of(&text).unwrap_or_else(|| {
        panic!(
            "the new rust-toolchain.toml has no `channel` in a `[toolchain]` table:\n\
             [toolchain]\nchannel = \"{workbook}\"\nIt was:\n{text}"
        )
    });
    assert!(
        !["stable", "beta", "nightly"].contains(&channel.as_str()),
        "the new rust-toolchain.toml says channel = \"{channel}\", which moves every six weeks: \
         pin the exact version this workbook uses, \"{workbook}\" (its own rust-toolchain.toml \
         says so), as the seed pins its interpreter"
    );
    assert_eq!(
        channel, workbook,
        "the new rust-toolchain.toml pins the toolchain this workbook uses: open the workbook's \
         own rust-toolchain.toml, at its root"
    );
}

fn the_readme_says_how_to_build_test_and_run() {
    let project = generate("disk-watch");
    let text = read(&project.dir, &["README.md"]);
    for command in ["cargo build", "cargo test", "cargo run"] {
        assert!(
            text.contains(command),
            "the new README.md has no `{command}`: its set-up instructions give the commands \
             `cargo build`, `cargo test` and `cargo run` (and there is nothing to activate). It \
             was:\n{text}"
        );
    }
}

fn the_new_project_builds_and_its_test_passes() {
    let project = generate(DEFAULT_NAME);
    let main_rs = read(&project.dir, &["src", "main.rs"]);
    assert!(
        ["fetchy::", "yamlish::", "promstats::"]
            .iter()
            .any(|path| main_rs.contains(path)),
        "the new src/main.rs uses none of the dependencies by its path (`fetchy::`, \
         `yamlish::` or `promstats::`): e.g. print fetchy::VERSION. It was:\n{main_rs}"
    );
    let tests = files_in(&project.dir.join("tests"));
    assert!(
        tests
            .iter()
            .any(|(file, text)| file.ends_with(".rs") && text.contains("checkmate")),
        "no test file in the new project's tests/ uses checkmate: the dev-dependency is for its \
         tests, e.g. `checkmate::check(condition, \"what must hold\")` in a #[test]"
    );

    // "e) Run it and verify everything works": what a teammate does after cloning.
    let test = offline_cargo::cargo(&project.dir, &["test"]).unwrap_or_else(|e| panic!("{e}"));
    let error = offline_cargo::cargo_error(&test);
    if !test.status.success() && main_rs.contains("checkmate") && error.contains("checkmate") {
        panic!(
            "`cargo test` in the new project failed, and its src/main.rs uses checkmate: a \
             dev-dependency is for tests/, examples and benchmarks only, never the program \
             itself (as pytest is never imported by the code it tests). Cargo said:\n{error}"
        );
    }
    assert!(
        test.status.success(),
        "`cargo test` in the new project failed: the project must build and pass its own tests \
         (offline, on the workbook's stand-in crates; their APIs are in the task). Cargo \
         said:\n{error}"
    );
    let stdout = String::from_utf8_lossy(&test.stdout);
    let passed: usize = stdout
        .lines()
        .filter_map(|line| line.split("test result: ok. ").nth(1))
        .filter_map(|rest| rest.split(' ').next()?.parse::<usize>().ok())
        .sum();
    assert!(
        passed >= 1,
        "`cargo test` in the new project ran no test: the file in tests/ needs a function marked \
         #[test] that calls checkmate::check. cargo test printed:\n{stdout}"
    );
    let run = offline_cargo::cargo(&project.dir, &["run"]).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.status.success(),
        "`cargo run` in the new project failed: its src/main.rs must run to the end. Cargo \
         said:\n{}",
        offline_cargo::cargo_error(&run)
    );
}

// ---------------------------------------------------------------------------------------------
// Step 3: the checks before anything is written.
// ---------------------------------------------------------------------------------------------

fn an_existing_empty_folder_is_filled() {
    let parent = tempfile::tempdir().expect("a temporary folder");
    let dir = parent.path().join("disk-watch");
    fs::create_dir(&dir).expect("an empty project folder");
    match create_project(parent.path(), "disk-watch") {
        Ok(returned) => assert_same_folder(&returned, &dir, "disk-watch"),
        Err(e) => panic!(
            "create_project refused an existing but empty folder ({e}): the task writes the \
             project into it, as `cargo init` does. Check what the folder holds, not whether it \
             exists"
        ),
    }
    assert!(
        dir.join("Cargo.toml").is_file(),
        "create_project returned Ok for an existing empty folder but wrote no Cargo.toml in it"
    );
}

fn a_folder_with_files_is_never_overwritten() {
    let parent = tempfile::tempdir().expect("a temporary folder");
    let dir = parent.path().join("disk-watch");
    fs::create_dir_all(dir.join("config")).expect("an existing project folder");
    let readme = "# disk-watch\n\nMy own notes: do not lose them.\n";
    fs::write(dir.join("README.md"), readme).expect("an existing README.md");
    fs::write(dir.join("config").join("prod.yaml"), "interval: 5\n").expect("a config file");
    let before = (entries(&dir), entries(&dir.join("config")));

    let result = create_project(parent.path(), "disk-watch");
    let after = (entries(&dir), entries(&dir.join("config")));
    let readme_now = fs::read_to_string(dir.join("README.md")).unwrap_or_default();
    assert!(
        readme_now == readme,
        "create_project overwrote the README.md of an existing folder (the seed's `cat >` \
         does that): a folder that holds anything is refused, before anything is written"
    );
    assert_eq!(
        after, before,
        "create_project wrote into an existing folder that holds files (README.md, \
         config/prod.yaml): it must refuse it with NotEmpty and write nothing. Check first, \
         write after"
    );
    match result {
        Err(TemplateError::NotEmpty(path)) => assert_same_folder(&path, &dir, "disk-watch"),
        Err(e) => panic!(
            "a project folder that holds files is refused with TemplateError::NotEmpty(the \
             project folder), found before writing anything; the error was: {e}"
        ),
        Ok(_) => panic!("create_project must refuse a project folder that holds files: NotEmpty"),
    }
}

fn a_folder_with_a_hidden_file_or_a_folder_is_never_overwritten() {
    for (what, only) in [
        ("only a hidden file, `.env`", ".env"),
        ("only a folder, `notes`", "notes"),
    ] {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let dir = parent.path().join("disk-watch");
        fs::create_dir(&dir).expect("an existing project folder");
        if only == "notes" {
            fs::create_dir(dir.join(only)).expect("a folder in the project folder");
        } else {
            fs::write(dir.join(only), "TOKEN=secret\n").expect("a hidden file");
        }
        let result = create_project(parent.path(), "disk-watch");
        assert_eq!(
            entries(&dir),
            vec![only.to_owned()],
            "create_project wrote into an existing folder that holds {what}: a folder that \
             holds anything (a file, a hidden file, a folder) is refused with NotEmpty, and \
             nothing is written. Count every entry `fs::read_dir` gives, not only files, and \
             not only names without a leading `.`"
        );
        match result {
            Err(TemplateError::NotEmpty(path)) => assert_same_folder(&path, &dir, "disk-watch"),
            Err(e) => panic!(
                "a project folder that holds {what} is refused with \
                 TemplateError::NotEmpty(the project folder); the error was: {e}"
            ),
            Ok(_) => panic!(
                "create_project must refuse a project folder that holds {what}: it is not \
                 empty (NotEmpty)"
            ),
        }
    }
}

fn an_invalid_name_writes_nothing() {
    let outer = tempfile::tempdir().expect("a temporary folder");
    let parent = outer.path().join("projects");
    fs::create_dir(&parent).expect("the parent folder");
    for name in ["my project", "sre/project", "../escape", "2fast"] {
        let result = create_project(&parent, name);
        assert_eq!(
            (entries(outer.path()), entries(&parent)),
            (vec!["projects".to_owned()], vec![]),
            "create_project(parent, {name:?}) wrote something: an invalid name is refused \
             before anything is written (call check_name first). The seed's script would have \
             made folders from it"
        );
        match result {
            Err(TemplateError::InvalidName { name: given, .. }) => {
                assert_eq!(given, name, "InvalidName carries the name as it was given")
            }
            Err(e) => panic!(
                "create_project(parent, {name:?}) must refuse the name with \
                 TemplateError::InvalidName; it gave another error: {e}"
            ),
            Ok(_) => panic!(
                "create_project(parent, {name:?}) made a project: the name is not a valid \
                 package name, so it must return InvalidName (call check_name first)"
            ),
        }
    }
}

workbook_harness::main!(
    the_name_is_the_first_argument_or_sre_project,
    names_cargo_accepts_pass_the_check,
    names_cargo_refuses_fail_the_check,
    the_project_has_every_file,
    the_manifest_names_the_new_package,
    fetchy_is_any_2_x_from_2_31,
    yamlish_is_pinned_to_6_0_1_exactly,
    promstats_is_0_19_with_the_process_feature,
    checkmate_is_a_dev_dependency_7_x,
    gitignore_ignores_target_and_keeps_the_lock_file,
    the_toolchain_is_the_workbooks,
    the_readme_says_how_to_build_test_and_run,
    the_new_project_builds_and_its_test_passes,
    an_existing_empty_folder_is_filled,
    a_folder_with_files_is_never_overwritten,
    a_folder_with_a_hidden_file_or_a_folder_is_never_overwritten,
    an_invalid_name_writes_nothing,
);
