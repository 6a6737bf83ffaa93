//! # Day 4 drills: ten venv and pip challenges, in Cargo
//!
//! The seed's drills, two minutes each. The Python drills are things to *do* in a shell
//! (create a venv, activate it, freeze, upgrade); their Cargo counterparts are mostly a choice of
//! the right command, or the knowledge that no command is needed. So most drills here are
//! questions: pick the answer in a function that returns an enum (each option is documented), and
//! the tests tell you whether you were right. A wrong answer gets a message about *that* answer;
//! a right one shows the whole explanation beside the passed drill in `cargo day 4`'s report.
//! Drill 9 is written code: version requirements, as you would type them in `Cargo.toml`, checked
//! against real version numbers with the same rules Cargo uses.
//!
//! | # | Python (seed) | Cargo (here) |
//! |---|---|---|
//! | 1 | `python3 -m venv env`, `source env/bin/activate` | `Drill1`: what do you run before `cargo build`? |
//! | 2 | `pip install requests`, verify with `pip list` | `Drill2Add`, `Drill2List`: which command adds a dependency, which lists them? |
//! | 3 | `pip freeze > requirements.txt` | `Drill3`: what records the exact versions, and who writes it? |
//! | 4 | `pip show requests`: what does it tell you? | `Drill4Question` to `Drill4Command`: which command answers which question? |
//! | 5 | `deactivate` | `Drill5`: what do you do when you leave a project? |
//! | 6 | delete the venv, recreate it from requirements.txt | `Drill6Delete`, `Drill6Rebuild`: which commands? |
//! | 7 | what's inside the venv directory? | `Drill7Part` to `Drill7Place`: where does each part live? |
//! | 8 | why should `.venv` be in `.gitignore`? | `Drill8File` to `Drill8Git`: commit it or ignore it? |
//! | 9 | `pip install X` vs `pip install X==1.0` | version requirements, written for stated intents |
//! | 10 | how do you upgrade a single package? | `Drill10Goal` to `Drill10Command`: which command for which upgrade? |
//!
//! The crates named here are the stand-ins in `days/day4-cargo/registry/` that exercises 1 and 2
//! use: `fetchy` plays the seed's `requests` (the registry has fetchy 2.28.0, 2.31.0, 2.31.2 and
//! 3.0.0), `promstats` plays `prometheus-client` (0.19.0, 0.19.3 and 0.20.0), `checkmate` plays
//! `pytest` (7.0.0, 7.4.2 and 8.0.0).
//!
//! The day's lesson (`days/day4-cargo/README.md`) and the pages below have what you need. Each
//! cargo command also has its manual offline: `cargo help update`, `cargo help tree`. To try a
//! command, use a scratch project beside the day's projects, where cargo uses the stand-in
//! registry, offline (`cd days/day4-cargo/projects && cargo new scratch`): elsewhere in the
//! workbook `cargo new` would join the workbook's workspace, and `cargo add fetchy` would fetch an
//! unrelated crate of that name from crates.io. Nothing in these drills runs cargo: the tests only
//! read your answers.
//!
//! ## Read more
//!
//! - The Cargo Book, Specifying Dependencies (caret, tilde, `=`, `>=` requirements): <https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html>
//! - The Cargo Book, Cargo.toml vs Cargo.lock: <https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html>
//! - The Cargo Book, cargo add: <https://doc.rust-lang.org/cargo/commands/cargo-add.html>
//! - The Cargo Book, cargo update: <https://doc.rust-lang.org/cargo/commands/cargo-update.html>
//! - The Cargo Book, cargo tree: <https://doc.rust-lang.org/cargo/commands/cargo-tree.html>
//! - The Cargo Book, cargo info: <https://doc.rust-lang.org/cargo/commands/cargo-info.html>
//! - The Cargo Book, Cargo Home: <https://doc.rust-lang.org/cargo/guide/cargo-home.html>
//! - The Cargo Book, Build Cache (the `target/` folder): <https://doc.rust-lang.org/cargo/reference/build-cache.html>
//! - The rustup book, Overrides (`rust-toolchain.toml`): <https://rust-lang.github.io/rustup/overrides.html>
//!
//! Grade with `cargo day 4`; stuck? `cargo hint 4 drills`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

// ---------------------------------------------------------------------------------------------
// Drill 1: create a venv, activate it.
// ---------------------------------------------------------------------------------------------

/// You cloned a Rust project into `~/src/healthwatch`. Another project on the same machine uses
/// other versions of the same crates. What do you run before `cargo build`, so that the build
/// uses healthwatch's dependencies and nobody else's?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill1 {
    /// `source target/activate` (or the activate script of whatever folder Cargo uses), as
    /// `source .venv/bin/activate` does for Python.
    SourceAnActivateScript,
    /// `cargo init` in the project's folder, to create its environment.
    CargoInit,
    /// `export CARGO_HOME=.cargo`, so that the project's crates go into the project's folder.
    SetCargoHomeToTheProject,
    /// `rustup override set stable` in the project's folder.
    RustupOverrideSet,
    /// Nothing: `cd ~/src/healthwatch` (or any folder below it) and build.
    NothingButCdIntoIt,
}

pub fn drill1_before_cargo_build() -> Drill1 {
    Drill1::NothingButCdIntoIt
}

// ---------------------------------------------------------------------------------------------
// Drill 2: install a package, verify with `pip list`.
// ---------------------------------------------------------------------------------------------

/// Your project needs the library `fetchy` (the seed's `pip install requests`). Which command
/// adds it to the project?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill2Add {
    /// `cargo install fetchy`
    Install,
    /// `cargo add fetchy`
    Add,
    /// Add a `[[package]]` entry for fetchy to `Cargo.lock` by hand.
    EditCargoLock,
    /// `cargo build fetchy`
    BuildWithTheName,
}

pub fn drill2_add_a_dependency() -> Drill2Add {
    Drill2Add::Add
}

/// Then you check that it is there (the seed's `pip list`): which command lists the project's
/// direct dependencies, with the version of each that the build uses?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill2List {
    /// `cargo search fetchy`
    Search,
    /// `cargo install --list`
    InstallList,
    /// `cargo tree --depth 1`
    TreeDepth1,
    /// `cargo --list`
    DashDashList,
}

pub fn drill2_list_direct_dependencies() -> Drill2List {
    Drill2List::TreeDepth1
}

// ---------------------------------------------------------------------------------------------
// Drill 3: freeze to requirements.txt.
// ---------------------------------------------------------------------------------------------

/// `pip freeze > requirements.txt` records the exact version of every package, so that a teammate
/// installs the same ones. In a Cargo project, what records the exact version of every crate in
/// the build (the ones you named and the ones they pulled in), and who writes it?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill3 {
    /// `Cargo.toml`, once you have changed each requirement to an exact `=x.y.z` by hand.
    CargoTomlPinnedByHand,
    /// `Cargo.lock`, which you regenerate with `cargo generate-lockfile` before each commit, as
    /// you re-run `pip freeze`.
    CargoLockRegeneratedBeforeEachCommit,
    /// `Cargo.lock`, which cargo itself writes and keeps up to date whenever it resolves the
    /// dependencies.
    CargoLockWrittenByCargo,
    /// Nothing: every machine resolves the requirements again, which always gives the same
    /// versions.
    NothingRecordsThem,
}

pub fn drill3_what_records_the_exact_versions() -> Drill3 {
    Drill3::CargoLockWrittenByCargo
}

// ---------------------------------------------------------------------------------------------
// Drill 4: `pip show` a package: what info does it give?
// ---------------------------------------------------------------------------------------------

/// `pip show requests` answers several questions at once (summary, version, license, what it
/// requires, what requires it). Cargo has one command per question. The questions:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill4Question {
    /// What is the crate `yamlish`, which I am thinking of adding: its description, license,
    /// latest version and features?
    WhatIsThisCrate,
    /// My build has two versions of `fetchy`: which crates pull it in, and which version does each
    /// get? (An answer to read at the terminal.)
    WhoInMyBuildDependsOnIt,
    /// Every package of my build, with its version, features and dependencies, in a form a
    /// script can read.
    EverythingForAScript,
}

/// The commands:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill4Command {
    /// `cargo info NAME`
    Info,
    /// `cargo tree -i NAME`
    TreeInvert,
    /// `cargo metadata --format-version 1`
    Metadata,
    /// `cargo search NAME`
    Search,
    /// `cargo tree`
    Tree,
}

/// The command that answers `question`.
pub fn drill4_command_for(question: Drill4Question) -> Drill4Command {
    const TABLE: [(Drill4Question, Drill4Command); 3] = [
        (
            Drill4Question::EverythingForAScript,
            Drill4Command::Metadata,
        ),
        (
            Drill4Question::WhoInMyBuildDependsOnIt,
            Drill4Command::TreeInvert,
        ),
        (Drill4Question::WhatIsThisCrate, Drill4Command::Info),
    ];
    TABLE
        .iter()
        .find(|(q, _)| *q == question)
        .map(|(_, c)| *c)
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Drill 5: deactivate the venv.
// ---------------------------------------------------------------------------------------------

/// You have been building `~/src/healthwatch`. Now you `cd ~/src/alert-router`, another Cargo
/// project that needs other versions of some of the same crates. What do you do first, so that
/// alert-router's build does not use healthwatch's dependencies?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill5 {
    /// `cargo deactivate`
    CargoDeactivate,
    /// `cargo clean` in healthwatch before leaving it.
    CargoCleanTheOldProject,
    /// Open a new terminal, so that nothing of healthwatch's session is left.
    OpenANewShell,
    /// Nothing: `cd ~/src/alert-router` and build.
    Nothing,
}

pub fn drill5_leaving_a_project() -> Drill5 {
    Drill5::Nothing
}

// ---------------------------------------------------------------------------------------------
// Drill 6: deactivate, delete the venv, recreate it from requirements.txt.
// ---------------------------------------------------------------------------------------------

/// The seed deletes the venv (`rm -rf env`) and recreates it. First: which command deletes what
/// corresponds to the venv, this project's compiled dependencies and build output, and keeps
/// everything the project needs to build again exactly as before?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill6Delete {
    /// `cargo clean`
    CargoClean,
    /// Delete `Cargo.lock`.
    DeleteCargoLock,
    /// `rm -rf ~/.cargo`
    DeleteCargoHome,
    /// `cargo remove` each dependency.
    CargoRemoveEachDependency,
}

pub fn drill6_delete_the_environment() -> Drill6Delete {
    Drill6Delete::CargoClean
}

/// Then the seed's `pip install -r requirements.txt`. A teammate clones the project onto a new
/// laptop (nothing downloaded yet) and must build exactly the versions in the committed
/// `Cargo.lock`; if `Cargo.lock` does not fit `Cargo.toml`, the build must stop with an error
/// rather than change `Cargo.lock`. Which command?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill6Rebuild {
    /// `cargo build`
    Build,
    /// `cargo build --locked`
    BuildLocked,
    /// `cargo build --offline`
    BuildOffline,
    /// `cargo build --frozen`
    BuildFrozen,
    /// `cargo update`, then `cargo build`
    UpdateThenBuild,
}

pub fn drill6_rebuild_from_the_lock() -> Drill6Rebuild {
    Drill6Rebuild::BuildLocked
}

// ---------------------------------------------------------------------------------------------
// Drill 7: what's inside the venv directory?
// ---------------------------------------------------------------------------------------------

/// A venv holds an interpreter, the installed packages and the tools they bring, all in one
/// folder. Cargo keeps the same things in several places. The things:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill7Part {
    /// This project's dependencies, compiled, and the project's own build output.
    CompiledDependencies,
    /// The source code of every crate version cargo has downloaded.
    DownloadedSources,
    /// The compiler (`rustc`) and the standard library that a build uses.
    TheCompiler,
    /// The exact version of every crate in this project's build.
    TheExactVersions,
    /// The command-line tools you installed with `cargo install` (pipx's part).
    InstalledTools,
}

/// The places (`~/.cargo` is the default of `CARGO_HOME`, `~/.rustup` of `RUSTUP_HOME`; on
/// Windows both are under your user folder):
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill7Place {
    /// `target/` in the project's folder.
    TargetInTheProject,
    /// `Cargo.toml` in the project's folder.
    CargoTomlInTheProject,
    /// `Cargo.lock` in the project's folder.
    CargoLockInTheProject,
    /// `~/.cargo/registry/`, shared by every project of the user.
    CargoHomeRegistry,
    /// `~/.cargo/bin/`
    CargoHomeBin,
    /// `~/.rustup/toolchains/`
    RustupToolchains,
}

/// Where `part` lives.
pub fn drill7_where_it_lives(part: Drill7Part) -> Drill7Place {
    use Drill7Part as P;
    use Drill7Place as L;
    if part == P::CompiledDependencies {
        L::TargetInTheProject
    } else if part == P::DownloadedSources {
        L::CargoHomeRegistry
    } else if part == P::TheCompiler {
        L::RustupToolchains
    } else if part == P::TheExactVersions {
        L::CargoLockInTheProject
    } else {
        L::CargoHomeBin
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 8: why should .venv be in .gitignore?
// ---------------------------------------------------------------------------------------------

/// The files and folders of an application (a service, a command-line tool) in git:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill8File {
    /// `target/`
    TargetFolder,
    /// `Cargo.toml`
    CargoToml,
    /// `Cargo.lock`
    CargoLock,
    /// `rust-toolchain.toml`
    RustToolchainToml,
}

/// What to do with each in git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill8Git {
    /// Commit it.
    Commit,
    /// List it in `.gitignore`.
    Ignore,
}

/// Whether the application's repository commits `file` or ignores it.
pub fn drill8_commit_or_ignore(file: Drill8File) -> Drill8Git {
    if let Drill8File::TargetFolder = file {
        return Drill8Git::Ignore;
    }
    Drill8Git::Commit
}

// ---------------------------------------------------------------------------------------------
// Drill 9: what's the difference between `pip install X` and `pip install X==1.0`?
// ---------------------------------------------------------------------------------------------

// Write each requirement as it goes between the quotes in `Cargo.toml`: for `fetchy = "..."`,
// return the text in the quotes. Any spelling Cargo reads is right; the tests try it on
// versions with Cargo's own rules.

/// 1.4.2 or any later release compatible with it (by semver: one without breaking changes).
pub fn drill9_compatible_with_1_4_2() -> &'static str {
    "1.4.2"
}

/// Exactly 1.0.0, nothing else (the seed's `==1.0`).
pub fn drill9_exactly_1_0_0() -> &'static str {
    "=1.0.0"
}

/// Any 0.19 release from 0.19.3 on: 0.19.3, 0.19.4, ... but no other 0.x series.
pub fn drill9_any_0_19_from_0_19_3() -> &'static str {
    "0.19.3"
}

/// Any 7.x release (7.0.0 or later, but not 8): what the seed's `pytest>=7.0` meant.
pub fn drill9_any_7() -> &'static str {
    "7.x"
}

/// A project says `fetchy = "2.28"`. Which of the registry's fetchy versions (2.28.0, 2.31.0,
/// 2.31.2 and 3.0.0) does that requirement accept? List them, e.g. `vec!["1.2.3", "1.2.4"]`,
/// in any order.
pub fn drill9_what_fetchy_2_28_accepts() -> Vec<&'static str> {
    let mut v = vec!["2.31.2", "2.28.0"];
    v.insert(1, "2.31.0");
    v
}

/// And `promstats = "0.19"`: which of 0.19.0, 0.19.3 and 0.20.0 does it accept?
pub fn drill9_what_promstats_0_19_accepts() -> Vec<&'static str> {
    Vec::from(["0.19.3", "0.19.0"])
}

// ---------------------------------------------------------------------------------------------
// Drill 10: how do you upgrade a single package?
// ---------------------------------------------------------------------------------------------

/// Your project's `Cargo.toml` says `fetchy = "2.28"`, its `Cargo.lock` holds fetchy 2.28.0, and
/// the registry has fetchy 2.28.0, 2.31.0, 2.31.2 and 3.0.0. What you want (each time, change
/// nothing else in the build):
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill10Goal {
    /// fetchy's newest version that the requirement allows, whichever it is that day (a weekly
    /// job does this; the seed's `pip install --upgrade requests`).
    TheNewestAllowedFetchy,
    /// fetchy 2.31.0 exactly (2.31.2 has a bug you cannot take), still within the requirement.
    OneChosenVersionWithinTheRequirement,
    /// fetchy 3.0.0, a new major version with breaking changes you are ready for.
    TheNextMajorVersion,
}

/// The commands:
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill10Command {
    /// `cargo update`
    Update,
    /// `cargo update fetchy` (also spelled `cargo update -p fetchy`)
    UpdateFetchy,
    /// `cargo update fetchy --precise VERSION`, with the version you want
    UpdateFetchyPrecise,
    /// `cargo add fetchy@3`
    AddFetchyAt3,
    /// `cargo install fetchy`
    InstallFetchy,
}

/// The command that reaches `goal`.
pub fn drill10_command_for(goal: Drill10Goal) -> Drill10Command {
    match goal {
        Drill10Goal::TheNextMajorVersion => Drill10Command::AddFetchyAt3,
        Drill10Goal::OneChosenVersionWithinTheRequirement => Drill10Command::UpdateFetchyPrecise,
        _ => Drill10Command::UpdateFetchy,
    }
}
