//! The day's ten drills, one test each.
//!
//! Most drills are graded choices. A wrong answer fails with a message about that answer alone
//! (why it does not do what the drill asks), never naming the right one; a right answer passes
//! and leaves the whole explanation with `workbook_harness::explain`, which the report shows
//! beside the passed drill. Drill 9's requirements are tried on versions with the semver crate,
//! Cargo's own rules, so every spelling Cargo reads passes.

#[path = "../src/drills.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod drills;

use cargo_metadata::semver::{Version, VersionReq};
use workbook_harness::explain;

// Named, not `drills::*`: a glob would let the learner's items shadow the prelude's.
use drills::{
    Drill1, Drill2Add, Drill2List, Drill3, Drill4Command, Drill4Question, Drill5, Drill6Delete,
    Drill6Rebuild, Drill7Part, Drill7Place, Drill8File, Drill8Git, Drill10Command, Drill10Goal,
    drill1_before_cargo_build, drill2_add_a_dependency, drill2_list_direct_dependencies,
    drill3_what_records_the_exact_versions, drill4_command_for, drill5_leaving_a_project,
    drill6_delete_the_environment, drill6_rebuild_from_the_lock, drill7_where_it_lives,
    drill8_commit_or_ignore, drill9_any_0_19_from_0_19_3, drill9_any_7,
    drill9_compatible_with_1_4_2, drill9_exactly_1_0_0, drill9_what_fetchy_2_28_accepts,
    drill9_what_promstats_0_19_accepts, drill10_command_for,
};

/// Fails the drill with what is wrong about the answer given, at the caller's line.
#[track_caller]
fn wrong(drill: &str, why: &str) -> ! {
    panic!("{drill}: {why}")
}

// ---------------------------------------------------------------------------------------------
// Drill 1
// ---------------------------------------------------------------------------------------------

fn drill01_activating_a_project() {
    let why = match drill1_before_cargo_build() {
        Drill1::NothingButCdIntoIt => {
            explain(
                "nothing to activate. Cargo looks for Cargo.toml in the folder you are in, then in \
                 each folder above it (a workspace's root manifest above takes over), and that \
                 manifest decides the build: the crates of its [dependencies], at the versions of \
                 the Cargo.lock beside it, compiled into that project's own target/ folder. Two \
                 projects on one machine use different versions of one crate at the same time, \
                 and your shell holds no state that says which project you are in (no \
                 `which python` to check). From anywhere else, \
                 `cargo build --manifest-path ~/src/healthwatch/Cargo.toml` builds the same \
                 project.",
            );
            return;
        }
        Drill1::SourceAnActivateScript => {
            "there is no activate script, in target/ or anywhere: cargo never installs a \
             project's libraries into a place that another project also sees, so there is \
             nothing to switch between, and nothing in your shell tells cargo which project it \
             builds."
        }
        Drill1::CargoInit => {
            "`cargo init` creates a new package in the folder (a Cargo.toml and src/main.rs); in \
             a folder that has a Cargo.toml already it stops with an error. It is `cargo new` for \
             an existing folder, not a step before each build."
        }
        Drill1::SetCargoHomeToTheProject => {
            "CARGO_HOME is where cargo keeps what every project shares: its download cache, its \
             configuration and the programs of `cargo install`. Pointing it into the project \
             only downloads everything again there: which crates a build uses never depends on \
             where they were downloaded."
        }
        Drill1::RustupOverrideSet => {
            "rustup chooses the compiler (the toolchain, as you would choose between python3.11 \
             and python3.12), not the crates a build uses. And a project pins its compiler for \
             everyone in a committed `rust-toolchain.toml`, which rustup reads by itself."
        }
    };
    wrong("drill 1", why)
}

// ---------------------------------------------------------------------------------------------
// Drill 2
// ---------------------------------------------------------------------------------------------

fn drill02_installing_and_listing() {
    let why = match drill2_add_a_dependency() {
        Drill2Add::Add => None,
        Drill2Add::Install => Some(
            "`cargo install` builds a crate's programs and puts them in ~/.cargo/bin, as pipx \
             does for a command-line tool: it adds nothing to this project. (For a library with \
             no programs, such as fetchy, it stops: there is nothing to install.)",
        ),
        Drill2Add::EditCargoLock => Some(
            "Cargo.lock is cargo's output, the record of what it resolved from Cargo.toml: the \
             next build rewrites it and drops a package that nothing in Cargo.toml asks for, and \
             your code can never `use` such an entry.",
        ),
        Drill2Add::BuildWithTheName => Some(
            "`cargo build` builds the project as Cargo.toml describes it and takes no crate to \
             fetch: `cargo build fetchy` is an error (unexpected argument), and \
             `cargo build -p NAME` chooses which package of your own workspace to build.",
        ),
    };
    if let Some(why) = why {
        wrong("drill 2, adding fetchy", why);
    }
    let why = match drill2_list_direct_dependencies() {
        Drill2List::TreeDepth1 => None,
        Drill2List::Search => Some(
            "`cargo search` looks up crates by name on crates.io (over the network): it knows \
             nothing of your project.",
        ),
        Drill2List::InstallList => Some(
            "`cargo install --list` lists the programs that `cargo install` put in ~/.cargo/bin \
             (pipx's list): they belong to no project, and a library dependency is never there.",
        ),
        Drill2List::DashDashList => Some(
            "`cargo --list` lists cargo's own commands (build, add, tree, ... and the cargo-* \
             plugins installed), not the crates your project depends on.",
        ),
    };
    if let Some(why) = why {
        wrong("drill 2, listing the dependencies", why);
    }
    explain(
        "`cargo add fetchy` writes `fetchy = \"3.0.0\"` (the newest version; `cargo add \
         fetchy@2.31` asks for another) into Cargo.toml's [dependencies], and the next build \
         downloads it, compiles it and records it in Cargo.lock; editing Cargo.toml by hand does \
         the same. `cargo add fetchy --features json` is pip's `requests[socks]`, `cargo add \
         checkmate --dev` a test-only dependency in [dev-dependencies] (requirements-dev.txt), \
         `cargo remove fetchy` undoes it. `cargo tree` prints the dependency tree with the \
         version of each crate the build uses (from Cargo.lock); `--depth 1` stops at the direct \
         dependencies, the ones Cargo.toml names, grouped as [dependencies], [dev-dependencies] \
         and [build-dependencies]: the `pip list` of a fresh venv.",
    );
}

// ---------------------------------------------------------------------------------------------
// Drill 3
// ---------------------------------------------------------------------------------------------

fn drill03_freezing() {
    let why = match drill3_what_records_the_exact_versions() {
        Drill3::CargoLockWrittenByCargo => {
            explain(
                "Cargo.lock is requirements.txt written for you. Every command that resolves the \
                 dependencies (cargo build, cargo add, cargo update, ...) writes into it the \
                 exact version and checksum of every crate in the build, the ones you named and \
                 the ones they pull in, and later builds use exactly those until you change \
                 Cargo.toml or run `cargo update`. Commit it; never edit it. Cargo.toml keeps the \
                 ranges you accept, Cargo.lock the exact result: you need not choose between \
                 the seed's `>=` ranges and `==` pins, you get both.",
            );
            return;
        }
        Drill3::CargoTomlPinnedByHand => {
            "Cargo.toml says which versions you accept. Pinning each with `=` fixes only the \
             crates you name, not the ones they pull in, and shuts out every compatible bug fix \
             until you edit the pins again. The exact versions of the whole build are recorded \
             elsewhere, without your help."
        }
        Drill3::CargoLockRegeneratedBeforeEachCommit => {
            "there is no freeze step to remember: the lock file is kept up to date for you. And \
             `cargo generate-lockfile` on an existing project resolves everything from scratch, \
             moving every crate to the newest version Cargo.toml allows: an upgrade of \
             everything, the opposite of recording what you have."
        }
        Drill3::NothingRecordsThem => {
            "resolving again gives the newest versions the requirements allow, and those change \
             whenever a crate publishes a release: two machines a week apart would build \
             different code, and a teammate would not build what you tested."
        }
    };
    wrong("drill 3", why)
}

// ---------------------------------------------------------------------------------------------
// Drill 4
// ---------------------------------------------------------------------------------------------

fn drill04_showing_a_package() {
    for question in [
        Drill4Question::WhatIsThisCrate,
        Drill4Question::WhoInMyBuildDependsOnIt,
        Drill4Question::EverythingForAScript,
    ] {
        let (asked, need, right) = match question {
            Drill4Question::WhatIsThisCrate => (
                "what yamlish is",
                "The question is what one crate is (its description, license, latest version and \
                 features), asked before you add it.",
                Drill4Command::Info,
            ),
            Drill4Question::WhoInMyBuildDependsOnIt => (
                "who pulls in fetchy",
                "The question is which crates of your build depend on fetchy, an answer for you \
                 to read at the terminal.",
                Drill4Command::TreeInvert,
            ),
            Drill4Question::EverythingForAScript => (
                "the whole build for a script",
                "The question asks for the whole build in a form a program can parse.",
                Drill4Command::Metadata,
            ),
        };
        let chosen = drill4_command_for(question);
        if chosen == right {
            continue;
        }
        let why = match chosen {
            Drill4Command::Info => {
                "`cargo info NAME` describes one crate as its registry does (description, \
                 version, license, features, what it depends on), as text for a person"
            }
            Drill4Command::TreeInvert => {
                "`cargo tree -i NAME` shows what depends on NAME, for a crate that is already in \
                 your build, as text for a person"
            }
            Drill4Command::Metadata => {
                "`cargo metadata` prints your whole resolved build as one long JSON document for \
                 programs to parse; it has only the crates already in your build"
            }
            Drill4Command::Search => {
                "`cargo search NAME` lists crates.io's crates whose names match, each with its \
                 latest version and a one-line summary: no license, no features, and nothing \
                 about your build"
            }
            Drill4Command::Tree => {
                "`cargo tree` prints your build as a tree from your package downwards, as text \
                 for a person; a crate used by several others shows up in several places"
            }
        };
        wrong(&format!("drill 4, {asked}"), &format!("{why}. {need}"));
    }
    explain(
        "`pip show` answers everything at once; cargo has one command per question. `cargo info \
         yamlish`: what a crate is (description, versions, license, features, dependencies: pip \
         show's Summary, Version, License and Requires), whether or not it is in your build yet. \
         `cargo tree -i fetchy`: pip show's Required-by, for the whole build, with versions \
         (`cargo tree -i fetchy@3.0.0` picks one of two versions; `cargo tree --duplicates` \
         lists the crates in two versions). `cargo metadata --format-version 1`: everything, as \
         JSON (packages, versions, features, the resolved graph), what scripts and this \
         workbook's tests read. `cargo search` finds crates by name on crates.io.",
    );
}

// ---------------------------------------------------------------------------------------------
// Drill 5
// ---------------------------------------------------------------------------------------------

fn drill05_deactivating() {
    let why = match drill5_leaving_a_project() {
        Drill5::Nothing => {
            explain(
                "leaving the folder is deactivating. Each cargo command finds its project from \
                 the folder it runs in: in ~/src/alert-router, cargo reads alert-router's \
                 Cargo.toml and Cargo.lock and builds into alert-router's target/. The two \
                 projects share only what never clashes: the download cache in ~/.cargo (each \
                 crate version once, its sources never modified) and the installed toolchains. \
                 The one thing that follows you is a variable you set yourself: with \
                 CARGO_TARGET_DIR set, projects share one target folder, and even then cargo \
                 keeps every compiled crate version apart.",
            );
            return;
        }
        Drill5::CargoDeactivate => {
            "there is no such command (`cargo deactivate` says: no such command): nothing was \
             ever activated, so nothing is left on to switch off."
        }
        Drill5::CargoCleanTheOldProject => {
            "`cargo clean` deletes healthwatch's target/ folder, its compiled output: that costs \
             healthwatch a full rebuild next time and changes nothing for alert-router, whose \
             build never looked in there."
        }
        Drill5::OpenANewShell => {
            "your shell holds nothing of healthwatch's: no cargo command changes an environment \
             variable or your PATH, so a new terminal is the same as the old one."
        }
    };
    wrong("drill 5", why)
}

// ---------------------------------------------------------------------------------------------
// Drill 6
// ---------------------------------------------------------------------------------------------

fn drill06_deleting_and_recreating() {
    let why = match drill6_delete_the_environment() {
        Drill6Delete::CargoClean => None,
        Drill6Delete::DeleteCargoLock => Some(
            "Cargo.lock is your requirements.txt, the thing you recreate from. Without it the \
             next build resolves again and picks the newest versions Cargo.toml allows, not the \
             ones you had; and it leaves every compiled dependency where it was.",
        ),
        Drill6Delete::DeleteCargoHome => Some(
            "~/.cargo is shared by every project on the machine: the download cache, cargo's \
             configuration, the programs of `cargo install` and, with rustup, the `cargo` and \
             `rustc` commands themselves. Deleting it breaks far more than this project, and \
             leaves this project's compiled output where it was.",
        ),
        Drill6Delete::CargoRemoveEachDependency => Some(
            "`cargo remove` edits Cargo.toml: the project stops depending on the crate. That \
             changes the project (as deleting lines of requirements.txt would), it does not \
             delete an environment to recreate.",
        ),
    };
    if let Some(why) = why {
        wrong("drill 6, deleting the environment", why);
    }
    let why = match drill6_rebuild_from_the_lock() {
        Drill6Rebuild::BuildLocked => None,
        Drill6Rebuild::Build => Some(
            "a plain `cargo build` does use the versions in Cargo.lock, but when Cargo.toml asks \
             for something the lock does not have, it quietly resolves again and rewrites \
             Cargo.lock. The drill asks for a build that stops with an error instead, as CI \
             should.",
        ),
        Drill6Rebuild::BuildOffline => Some(
            "`--offline` forbids the network, and that is all: cargo may still change Cargo.lock \
             (to versions it has already downloaded), and on a laptop where nothing is \
             downloaded yet it cannot get a single crate.",
        ),
        Drill6Rebuild::BuildFrozen => Some(
            "`--frozen` does refuse to change Cargo.lock, but it is two flags in one: it also \
             forbids the network (`--offline`). On a new laptop where nothing is downloaded yet, \
             it cannot fetch the crates, so the build fails.",
        ),
        Drill6Rebuild::UpdateThenBuild => Some(
            "`cargo update` resolves everything again and rewrites Cargo.lock with the newest \
             versions Cargo.toml allows: the teammate builds other versions than the committed \
             ones (the seed's `pip install --upgrade -r requirements.txt`).",
        ),
    };
    if let Some(why) = why {
        wrong("drill 6, recreating from the lock", why);
    }
    explain(
        "`cargo clean` deletes the project's target/ folder: every compiled dependency and every \
         build output. Cargo.toml and Cargo.lock stay, so the next build recreates exactly the \
         same thing, and the downloaded sources stay in ~/.cargo, so it needs no network (cargo \
         rebuilds what changed by itself; clean when target/ has grown large). `cargo build \
         --locked` is `pip install -r requirements.txt` with a check: it builds exactly the \
         versions of Cargo.lock, downloading what is missing, and stops with an error if \
         Cargo.lock is missing or would have to change. Use it in CI, and `cargo install \
         --locked` for tools. `--frozen` is `--locked` plus `--offline`, for a machine that has \
         everything already (after `cargo fetch`).",
    );
}

// ---------------------------------------------------------------------------------------------
// Drill 7
// ---------------------------------------------------------------------------------------------

fn drill07_inside_the_environment() {
    for part in [
        Drill7Part::CompiledDependencies,
        Drill7Part::DownloadedSources,
        Drill7Part::TheCompiler,
        Drill7Part::TheExactVersions,
        Drill7Part::InstalledTools,
    ] {
        let (what, right) = match part {
            Drill7Part::CompiledDependencies => (
                "the project's compiled dependencies",
                Drill7Place::TargetInTheProject,
            ),
            Drill7Part::DownloadedSources => {
                ("the downloaded sources", Drill7Place::CargoHomeRegistry)
            }
            Drill7Part::TheCompiler => ("the compiler", Drill7Place::RustupToolchains),
            Drill7Part::TheExactVersions => {
                ("the exact versions", Drill7Place::CargoLockInTheProject)
            }
            Drill7Part::InstalledTools => {
                ("the tools of `cargo install`", Drill7Place::CargoHomeBin)
            }
        };
        let chosen = drill7_where_it_lives(part);
        if chosen == right {
            continue;
        }
        let why = match chosen {
            Drill7Place::TargetInTheProject => {
                "target/ holds only what cargo compiled for this project, from sources kept \
                 elsewhere; `cargo clean` deletes all of it"
            }
            Drill7Place::CargoTomlInTheProject => {
                "Cargo.toml holds what you ask for: the names of the dependencies and the \
                 ranges of versions you accept, no build output and no exact versions"
            }
            Drill7Place::CargoLockInTheProject => {
                "Cargo.lock is a small text file of names, versions and checksums: it says \
                 what to build with, and holds no code"
            }
            Drill7Place::CargoHomeRegistry => {
                "~/.cargo/registry holds the registry's index and crate sources as downloaded, \
                 shared by every project: nothing compiled, and nothing there says which \
                 version one project uses"
            }
            Drill7Place::CargoHomeBin => {
                "~/.cargo/bin holds programs you run from your PATH; its `cargo` and `rustc` are \
                 rustup's small proxies, which start the real ones of the toolchain the folder \
                 asks for"
            }
            Drill7Place::RustupToolchains => {
                "~/.rustup/toolchains holds each installed Rust release (compiler, cargo, \
                 standard library), nothing of any one project"
            }
        };
        wrong(&format!("drill 7, {what}"), &format!("{why}."));
    }
    explain(
        "a venv is one folder; Cargo splits it by who shares what. Per project: target/ \
         (compiled dependencies and your own build: the venv's lib/, deleted and recreated \
         freely), Cargo.toml (what you ask for) and Cargo.lock (the exact versions). Per user, \
         shared by every project: ~/.cargo/registry (downloaded sources, each version once and \
         never modified, so two projects on two versions of a crate simply have two folders \
         there) and ~/.cargo/bin (the tools of `cargo install`, on your PATH). Per toolchain: \
         ~/.rustup/toolchains/<release>/ (rustc, cargo and the standard library: the venv's \
         bin/python), chosen per project by its rust-toolchain.toml; the `cargo` and `rustc` in \
         ~/.cargo/bin are rustup's proxies that start the right one for the folder you are in.",
    );
}

// ---------------------------------------------------------------------------------------------
// Drill 8
// ---------------------------------------------------------------------------------------------

fn drill08_what_git_ignores() {
    for file in [
        Drill8File::TargetFolder,
        Drill8File::CargoToml,
        Drill8File::CargoLock,
        Drill8File::RustToolchainToml,
    ] {
        let answer = drill8_commit_or_ignore(file);
        let why = match (file, answer) {
            (Drill8File::TargetFolder, Drill8Git::Ignore)
            | (
                Drill8File::CargoToml | Drill8File::CargoLock | Drill8File::RustToolchainToml,
                Drill8Git::Commit,
            ) => continue,
            (Drill8File::TargetFolder, Drill8Git::Commit) => {
                "target/, committed: it is compiled output, hundreds of megabytes, rebuilt from \
                 the sources by any `cargo build`, and specific to one machine's compiler, \
                 system and flags. Committing it is committing .venv."
            }
            (Drill8File::CargoToml, Drill8Git::Ignore) => {
                "Cargo.toml, ignored: it is the project itself (its name, edition and \
                 dependencies); without it nothing builds."
            }
            (Drill8File::CargoLock, Drill8Git::Ignore) => {
                "Cargo.lock, ignored: it is the record of the exact versions, the application's \
                 requirements.txt. Without it every clone and every CI run resolves again and \
                 may build other versions than the ones you tested."
            }
            (Drill8File::RustToolchainToml, Drill8Git::Ignore) => {
                "rust-toolchain.toml, ignored: it pins the compiler version for everyone who \
                 builds the project (as .python-version does for pyenv); without it each \
                 teammate builds with whatever toolchain they have."
            }
        };
        wrong("drill 8", why);
    }
    explain(
        "commit what says how to build (Cargo.toml, Cargo.lock, rust-toolchain.toml, src/), \
         ignore what a build produces (target/, the venv of the seed). `cargo new` starts the \
         project's .gitignore with /target for that reason. Cargo.lock belongs in git for an \
         application; for a library Cargo's guidance (since 2023) is to do what suits the \
         project, with committing it as a good start: a library's users resolve their own \
         versions and never read its lock, which only keeps the library's own CI reproducible.",
    );
}

// ---------------------------------------------------------------------------------------------
// Drill 9
// ---------------------------------------------------------------------------------------------

/// Parses the learner's requirement as Cargo does, or fails the drill saying why it cannot be one.
#[track_caller]
fn requirement(part: &str, written: &str) -> VersionReq {
    let error = match VersionReq::parse(written) {
        Ok(req) => return req,
        Err(error) => error,
    };
    {
        let hint = if written.contains('"') || written.contains(" = ") {
            " Return only what goes between the quotes of `name = \"...\"`."
        } else if written.contains("==") {
            " `==` is pip's spelling; Cargo's requirements follow semver, which has no `==`."
        } else if written.contains("~=") {
            " `~=` is pip's compatible-release operator; semver, which Cargo follows, has no \
             `~=`."
        } else {
            ""
        };
        wrong(
            &format!("drill 9, {part}"),
            &format!("`{written}` is not a version requirement Cargo reads ({error}).{hint}"),
        )
    }
}

/// Tries the learner's requirement for `part` on versions it must accept (`true`) or reject,
/// each with the reason.
#[track_caller]
fn check_requirement(part: &str, written: &str, probes: &[(&str, bool, &str)]) {
    let req = requirement(part, written);
    for &(version, accept, reason) in probes {
        let parsed = Version::parse(version).expect("the tests' own versions are valid");
        if req.matches(&parsed) == accept {
            continue;
        }
        let bare = written.trim();
        let note = if bare.starts_with(|c: char| c.is_ascii_digit()) {
            format!(
                " (In Cargo.toml a version written bare is a caret requirement: `{bare}` means \
                 `^{bare}`, from that version up to the next breaking one; not a pin like pip's \
                 `==`.)"
            )
        } else if bare.starts_with('=') && bare.matches('.').count() < 2 {
            " (`=` pins only the numbers written: `=1.0` is any 1.0.x, unlike pip's `==1.0`.)"
                .to_owned()
        } else if bare.contains(">=") && !bare.contains('<') {
            " (`>=` alone has no upper bound: Cargo takes the newest version it can find, \
             breaking or not.)"
                .to_owned()
        } else {
            String::new()
        };
        wrong(
            &format!("drill 9, {part}"),
            &format!(
                "`{written}` {} {version}, {reason}.{note}",
                if accept { "rejects" } else { "accepts" }
            ),
        );
    }
}

/// Checks the learner's list of the versions that `written` accepts among `candidates` (each
/// with the reason it is in or out), in any order.
#[track_caller]
fn check_accepted(part: &str, written: &str, listed: &[&str], candidates: &[(&str, &str)]) {
    let req = VersionReq::parse(written).expect("the drill's requirement is valid");
    let mut chosen = Vec::new();
    for &text in listed {
        let Ok(version) = Version::parse(text.trim()) else {
            let all: Vec<&str> = candidates.iter().map(|(v, _)| *v).collect();
            wrong(
                &format!("drill 9, {part}"),
                &format!(
                    "`{text}` is not one of the registry's versions: write each in full, as the \
                     drill lists them ({}).",
                    all.join(", ")
                ),
            )
        };
        if !candidates.iter().any(|(v, _)| *v == version.to_string()) {
            wrong(
                &format!("drill 9, {part}"),
                &format!("{version} is not one of the registry's versions the drill lists."),
            );
        }
        chosen.push(version);
    }
    for &(version, reason) in candidates {
        let parsed = Version::parse(version).expect("the tests' own versions are valid");
        let listed = chosen.contains(&parsed);
        if req.matches(&parsed) == listed {
            continue;
        }
        wrong(
            &format!("drill 9, {part}"),
            &if listed {
                format!("`{written}` does not accept {version}: {reason}.")
            } else {
                format!("`{written}` accepts {version} too: {reason}.")
            },
        );
    }
}

fn drill09_pinned_and_ranged_versions() {
    check_requirement(
        "1.4.2 or any later compatible release",
        drill9_compatible_with_1_4_2(),
        &[
            ("1.4.2", true, "the version the requirement starts from"),
            ("1.4.3", true, "a later 1.4 release, a compatible fix"),
            (
                "1.9.0",
                true,
                "a later 1.x release: by semver compatible with 1.4.2",
            ),
            (
                "1.4.1",
                false,
                "which is older than 1.4.2 and may lack what you need 1.4.2 for",
            ),
            (
                "1.0.0",
                false,
                "which is older than 1.4.2 and may lack what you need 1.4.2 for",
            ),
            (
                "2.0.0",
                false,
                "a new major version, which by semver may break code written for 1.4.2",
            ),
        ],
    );
    check_requirement(
        "exactly 1.0.0",
        drill9_exactly_1_0_0(),
        &[
            ("1.0.0", true, "the version asked for"),
            (
                "1.0.1",
                false,
                "and the intent is exactly 1.0.0, nothing else",
            ),
            (
                "1.1.0",
                false,
                "and the intent is exactly 1.0.0, nothing else",
            ),
            (
                "0.9.9",
                false,
                "and the intent is exactly 1.0.0, nothing else",
            ),
        ],
    );
    check_requirement(
        "any 0.19 release from 0.19.3 on",
        drill9_any_0_19_from_0_19_3(),
        &[
            ("0.19.3", true, "the release the requirement starts from"),
            ("0.19.9", true, "a later 0.19 release"),
            ("0.19.2", false, "a 0.19 release older than 0.19.3"),
            (
                "0.20.0",
                false,
                "another 0.x series: below 1.0 semver lets each new minor version break the API",
            ),
            ("1.0.0", false, "not a 0.19 release"),
        ],
    );
    check_requirement(
        "any 7.x release",
        drill9_any_7(),
        &[
            ("7.0.0", true, "the first 7.x release"),
            ("7.4.2", true, "a 7.x release"),
            (
                "8.0.0",
                false,
                "the next major version, with breaking changes: the seed's `pytest>=7.0` would \
                 take pytest 8 the day it is published, and break the tests",
            ),
            ("6.9.0", false, "older than 7"),
        ],
    );
    check_accepted(
        "the fetchy versions that `fetchy = \"2.28\"` accepts",
        "2.28",
        &drill9_what_fetchy_2_28_accepts(),
        &[
            ("2.28.0", "the version written, the lowest one it accepts"),
            (
                "2.31.0",
                "in Cargo.toml a version written bare is not a pin like pip's `==`: it accepts \
                 every later release that semver calls compatible, and 2.31.0 is a later 2.x",
            ),
            (
                "2.31.2",
                "in Cargo.toml a version written bare is not a pin like pip's `==`: it accepts \
                 every later release that semver calls compatible, and 2.31.2 is a later 2.x",
            ),
            (
                "3.0.0",
                "3.0.0 is a new major version, which by semver may break code written for 2.x; \
                 a version written bare never reaches the next major version",
            ),
        ],
    );
    check_accepted(
        "the promstats versions that `promstats = \"0.19\"` accepts",
        "0.19",
        &drill9_what_promstats_0_19_accepts(),
        &[
            ("0.19.0", "0.19 is 0.19.0, the lowest version it accepts"),
            ("0.19.3", "a later 0.19 release, a compatible fix"),
            (
                "0.20.0",
                "below 1.0, semver lets every new minor version break the API, so Cargo treats \
                 0.19 and 0.20 as incompatible, as it treats 1.x and 2.x",
            ),
        ],
    );
    explain(
        "in Cargo.toml a version written bare is a caret requirement: `fetchy = \"2.28\"` means \
         ^2.28, that is >=2.28.0, <3.0.0, every release semver calls compatible; it is neither \
         pip's bare `X` (any version) nor `X==1.0` (one version). The range ends where the \
         left-most non-zero number changes: ^1.4.2 is <2.0.0, ^0.19.3 is <0.20.0 (below 1.0 the \
         minor number is the breaking one), ^0.0.3 is only 0.0.3. `=1.0.0` pins (seldom needed: \
         Cargo.lock already makes builds exact, and a pin in a library blocks its users), \
         `~0.19.3` allows patch releases only, `7` is >=7.0.0, <8.0.0, and `>=7` alone has no \
         upper bound, so Cargo would take 8.0.0 and its breaking changes. Which version inside \
         the range a build uses is Cargo.lock's job.",
    );
}

// ---------------------------------------------------------------------------------------------
// Drill 10
// ---------------------------------------------------------------------------------------------

fn drill10_upgrading_one_package() {
    for goal in [
        Drill10Goal::TheNewestAllowedFetchy,
        Drill10Goal::OneChosenVersionWithinTheRequirement,
        Drill10Goal::TheNextMajorVersion,
    ] {
        let chosen = drill10_command_for(goal);
        let (what, why) = match (goal, chosen) {
            (Drill10Goal::TheNewestAllowedFetchy, Drill10Command::UpdateFetchy)
            | (
                Drill10Goal::OneChosenVersionWithinTheRequirement,
                Drill10Command::UpdateFetchyPrecise,
            )
            | (Drill10Goal::TheNextMajorVersion, Drill10Command::AddFetchyAt3) => continue,
            (_, Drill10Command::Update) => (
                "",
                "`cargo update` without a name moves every crate in Cargo.lock to the newest \
                 version its requirement allows (the seed's careful `pip install --upgrade -r \
                 requirements.txt`), and the goal is to change fetchy and nothing else",
            ),
            (_, Drill10Command::InstallFetchy) => (
                "",
                "`cargo install` builds a crate's programs into ~/.cargo/bin (pipx): it changes \
                 nothing in this project, and fetchy, a library, has no programs to install",
            ),
            (_, Drill10Command::AddFetchyAt3) => (
                "",
                "`cargo add fetchy@3` rewrites the requirement in Cargo.toml to `3`, which takes \
                 fetchy 3.0.0 and its breaking changes: 3.0.0 is not within `2.28`",
            ),
            (Drill10Goal::TheNewestAllowedFetchy, Drill10Command::UpdateFetchyPrecise) => (
                "the newest allowed fetchy, whichever it is that day",
                "`--precise` needs the version written in the command: the weekly job would \
                 have to look the newest one up first, and it changes as fetchy publishes",
            ),
            (Drill10Goal::OneChosenVersionWithinTheRequirement, Drill10Command::UpdateFetchy) => (
                "fetchy 2.31.0 exactly",
                "`cargo update fetchy` takes the newest version the requirement allows, and \
                 that is 2.31.2, the one with the bug",
            ),
            (Drill10Goal::TheNextMajorVersion, Drill10Command::UpdateFetchy) => (
                "fetchy 3.0.0",
                "`cargo update fetchy` stays within Cargo.toml's requirement `2.28` (^2.28: below \
                 3.0.0), so it never reaches 3.0.0",
            ),
            (Drill10Goal::TheNextMajorVersion, Drill10Command::UpdateFetchyPrecise) => (
                "fetchy 3.0.0",
                "`cargo update fetchy --precise 3.0.0` stops with an error (failed to select a \
                 version for the requirement `fetchy = \"^2.28\"`): Cargo.lock may only hold \
                 versions that Cargo.toml accepts, and `cargo update` never edits Cargo.toml",
            ),
        };
        let what = if what.is_empty() {
            match goal {
                Drill10Goal::TheNewestAllowedFetchy => "the newest allowed fetchy",
                Drill10Goal::OneChosenVersionWithinTheRequirement => "fetchy 2.31.0 exactly",
                Drill10Goal::TheNextMajorVersion => "fetchy 3.0.0",
            }
        } else {
            what
        };
        wrong(&format!("drill 10, {what}"), &format!("{why}."));
    }
    explain(
        "`cargo update fetchy` (or `cargo update -p fetchy`) moves only fetchy, and what it alone \
         needs, to the newest version Cargo.toml allows: 2.31.2. `cargo update fetchy --precise \
         2.31.0` picks one version within the requirement (also to go back). A new major version \
         changes what you ask for, so it is an edit of Cargo.toml: `cargo add fetchy@3` (or \
         `fetchy = \"3\"` by hand), and the next build updates the lock. A plain `cargo update` \
         upgrades every crate within its requirement (the seed's `pip install --upgrade -r \
         requirements.txt`); `--dry-run` shows what any of them would change. Then run the \
         tests and commit Cargo.lock.",
    );
}

workbook_harness::main!(
    drill01_activating_a_project,
    drill02_installing_and_listing,
    drill03_freezing,
    drill04_showing_a_package,
    drill05_deactivating,
    drill06_deleting_and_recreating,
    drill07_inside_the_environment,
    drill08_what_git_ignores,
    drill09_pinned_and_ranged_versions,
    drill10_upgrading_one_package,
);
