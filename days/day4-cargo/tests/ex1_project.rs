//! Exercise 1: the healthwatch project (`projects/healthwatch/`), read as cargo reads it.
//!
//! The manifest is read with `cargo metadata`, so any spelling cargo accepts passes (`cargo add`'s
//! inline tables, `[dependencies.fetchy]` tables, `^2.31.0` or `2.31`), and each requirement is
//! checked by the versions it accepts, not by its text.

#[path = "support/offline_cargo.rs"]
#[allow(dead_code)] // shared by Day 4's tests; each uses a part
mod offline_cargo;

#[path = "support/gitignore.rs"]
mod gitignore;

use cargo_metadata::{DependencyKind, Package};
use offline_cargo::{accepts, project_dir};

const PROJECT: &str = "healthwatch";

/// The manifest, or a failure that quotes cargo.
fn manifest() -> Package {
    offline_cargo::project_manifest(PROJECT)
}

/// The dependency `name` of `kind`, if the manifest declares it so.
fn dependency<'a>(
    package: &'a Package,
    name: &str,
    kind: DependencyKind,
) -> Option<&'a cargo_metadata::Dependency> {
    package
        .dependencies
        .iter()
        .find(|d| d.name == name && d.kind == kind)
}

fn kind_name(kind: DependencyKind) -> &'static str {
    match kind {
        DependencyKind::Normal => "[dependencies]",
        DependencyKind::Development => "[dev-dependencies]",
        DependencyKind::Build => "[build-dependencies]",
        _ => "another table",
    }
}

/// A dependency declared, but as another kind than `wanted`: named in the failure.
fn declared_elsewhere(package: &Package, name: &str, wanted: DependencyKind) -> Option<String> {
    package
        .dependencies
        .iter()
        .find(|d| d.name == name && d.kind != wanted)
        .map(|d| kind_name(d.kind).to_owned())
}

fn the_toolchain_is_pinned_to_the_workbooks() {
    let path = project_dir(PROJECT).join("rust-toolchain.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("projects/healthwatch/rust-toolchain.toml: {e}"));
    let channel = offline_cargo::channel_of(&text).unwrap_or_else(|| {
        panic!(
            "projects/healthwatch/rust-toolchain.toml needs a `[toolchain]` table with a \
             `channel`; rustup refuses the file without one"
        )
    });
    if channel == "stable" {
        todo!("step 1: pin the toolchain in rust-toolchain.toml (`stable` moves every six weeks)");
    }
    let workbook = offline_cargo::workbook_channel();
    assert_eq!(
        channel, workbook,
        "rust-toolchain.toml pins `{channel}`: pin the toolchain the workbook pins, `{workbook}` \
         (the workbook's own rust-toolchain.toml), so this project builds with the compiler you \
         already have, offline"
    );
}

fn the_dependencies_have_the_stated_requirements() {
    let package = manifest();
    if !package
        .dependencies
        .iter()
        .any(|d| d.kind == DependencyKind::Normal)
    {
        todo!("step 2: add fetchy, yamlish and promstats to [dependencies] (`cargo add`)");
    }
    for name in ["fetchy", "yamlish", "promstats"] {
        assert!(
            dependency(&package, name, DependencyKind::Normal).is_some(),
            "{name} must be in [dependencies]{}: src/main.rs uses it",
            declared_elsewhere(&package, name, DependencyKind::Normal)
                .map(|table| format!(", not in {table}"))
                .unwrap_or_default()
        );
    }

    let fetchy = dependency(&package, "fetchy", DependencyKind::Normal).unwrap();
    assert!(
        accepts(&fetchy.req, "2.31.0") && accepts(&fetchy.req, "2.31.2"),
        "fetchy's requirement `{}` must accept 2.31.0 and every later 2.x, such as 2.31.2: \
         `fetchy = \"2.31\"` (a caret requirement, what `cargo add fetchy@2.31` writes)",
        fetchy.req
    );
    assert!(
        !accepts(&fetchy.req, "2.28.0"),
        "fetchy's requirement `{}` accepts 2.28.0, older than the 2.31 the task asks for",
        fetchy.req
    );
    assert!(
        !accepts(&fetchy.req, "3.0.0"),
        "fetchy's requirement `{}` accepts 3.0.0: a new major version may break the code, so a \
         requirement stops before it (`2.31` means >=2.31.0, <3.0.0; `>=2.31` has no end)",
        fetchy.req
    );

    let yamlish = dependency(&package, "yamlish", DependencyKind::Normal).unwrap();
    assert!(
        accepts(&yamlish.req, "6.0.1"),
        "yamlish's requirement `{}` must accept 6.0.1",
        yamlish.req
    );
    assert!(
        !accepts(&yamlish.req, "6.0.2") && !accepts(&yamlish.req, "6.0.0"),
        "yamlish's requirement `{}` accepts other versions than 6.0.1: the task pins it exactly, \
         `yamlish = \"=6.0.1\"` (pip's ==; `cargo add yamlish@=6.0.1`). Note that Cargo reads a \
         bare `6.0.1` as ^6.0.1, any 6.x from 6.0.1 on",
        yamlish.req
    );

    let promstats = dependency(&package, "promstats", DependencyKind::Normal).unwrap();
    assert!(
        accepts(&promstats.req, "0.19.0") && accepts(&promstats.req, "0.19.3"),
        "promstats's requirement `{}` must accept every 0.19.x: `promstats = \"0.19\"`",
        promstats.req
    );
    assert!(
        !accepts(&promstats.req, "0.20.0"),
        "promstats's requirement `{}` accepts 0.20.0: before 1.0 the minor number is the breaking \
         one, so 0.19 and 0.20 are as different as 1.x and 2.x",
        promstats.req
    );
    assert!(
        promstats.features.iter().any(|f| f == "process"),
        "promstats needs its `process` feature (pip's extras: `prometheus-client[process]`): \
         `promstats = {{ version = \"0.19\", features = [\"process\"] }}`, or \
         `cargo add promstats@0.19 -F process`"
    );
}

fn the_test_helper_is_a_dev_dependency() {
    let package = manifest();
    if !package.dependencies.iter().any(|d| d.name == "checkmate") {
        todo!("step 3: add checkmate to [dev-dependencies] (`cargo add --dev checkmate@7`)");
    }
    let Some(checkmate) = dependency(&package, "checkmate", DependencyKind::Development) else {
        panic!(
            "checkmate is in {}, but it is for the tests only: put it in [dev-dependencies] \
             (requirements-dev.txt), so that the program itself never depends on it",
            declared_elsewhere(&package, "checkmate", DependencyKind::Development)
                .unwrap_or_default()
        );
    };
    assert!(
        declared_elsewhere(&package, "checkmate", DependencyKind::Development).is_none(),
        "checkmate is in [dev-dependencies] and also in {}: the tests alone need it",
        declared_elsewhere(&package, "checkmate", DependencyKind::Development).unwrap_or_default()
    );
    assert!(
        accepts(&checkmate.req, "7.0.0") && accepts(&checkmate.req, "7.4.2"),
        "checkmate's requirement `{}` must accept any 7.x: `checkmate = \"7\"`",
        checkmate.req
    );
    assert!(
        !accepts(&checkmate.req, "8.0.0"),
        "checkmate's requirement `{}` accepts 8.0.0: the seed's `pytest>=7.0` has no upper \
         bound, but Cargo's `7` does (>=7.0.0, <8.0.0), and that is the one to write",
        checkmate.req
    );
}

fn the_oldest_supported_rust_is_declared() {
    let package = manifest();
    let Some(rust_version) = package.rust_version.as_ref() else {
        todo!("step 4: declare `rust-version = \"1.85\"` in [package]");
    };
    assert_eq!(
        (rust_version.major, rust_version.minor),
        (1, 85),
        "rust-version is {rust_version}: the task asks for 1.85, the first Rust with edition 2024"
    );
}

fn target_is_ignored_and_the_lock_file_is_kept() {
    let path = project_dir(PROJECT).join(".gitignore");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("projects/healthwatch/.gitignore: {e}"));
    if !text
        .lines()
        .any(|l| !l.trim_start().starts_with('#') && l.contains("target"))
    {
        todo!("step 5: ignore the build folder `target/` in .gitignore");
    }
    assert!(
        gitignore::ignores(&text, "target", true),
        ".gitignore must ignore the folder `target` at the project's root (`/target` or \
         `target/`): it is what .venv was, rebuilt from the sources and Cargo.lock"
    );
    for kept in ["Cargo.lock", "Cargo.toml", "rust-toolchain.toml"] {
        assert!(
            !gitignore::ignores(&text, kept, false),
            ".gitignore ignores {kept}: an application commits it{}",
            if kept == "Cargo.lock" {
                " (it is the requirements.txt that `pip freeze` wrote: without it a clone builds \
                 other versions)"
            } else {
                ""
            }
        );
    }
}

fn the_project_builds_from_its_lock_file() {
    let dir = project_dir(PROJECT);
    let package = manifest();
    if !package.dependencies.iter().any(|d| d.name == "fetchy") {
        todo!("step 6: once the manifest is done, `cargo build` writes Cargo.lock");
    }
    let resolved = offline_cargo::project_build(PROJECT);
    let build = offline_cargo::cargo(&dir, &["build", "--locked", "--all-targets"])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        build.status.success(),
        "`cargo build --locked --all-targets` fails in projects/healthwatch:\n{}",
        offline_cargo::cargo_error(&build)
    );
    let run = offline_cargo::cargo(&dir, &["run", "--locked", "--quiet"])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.status.success(),
        "healthwatch builds, but `cargo run` fails:\n{}",
        offline_cargo::cargo_error(&run)
    );
    let printed = String::from_utf8_lossy(&run.stdout);
    for name in ["fetchy", "yamlish", "promstats"] {
        let locked = offline_cargo::versions_of(&resolved, name);
        let line = format!(
            "{name} {}:",
            locked.first().map(ToString::to_string).unwrap_or_default()
        );
        assert!(
            locked.len() == 1 && printed.contains(&line),
            "the rebuild must use exactly the versions Cargo.lock records ({name} {locked:?}), \
             but healthwatch printed:\n{printed}"
        );
    }
}

workbook_harness::main!(
    the_toolchain_is_pinned_to_the_workbooks,
    the_dependencies_have_the_stated_requirements,
    the_test_helper_is_a_dev_dependency,
    the_oldest_supported_rust_is_declared,
    target_is_ignored_and_the_lock_file_is_kept,
    the_project_builds_from_its_lock_file,
);
