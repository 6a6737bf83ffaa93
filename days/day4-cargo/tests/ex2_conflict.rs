//! Exercise 2: alert-router (`projects/alert-router/`) with two versions of fetchy, and the
//! learner's account of its build (`src/ex2_conflict.rs`), checked against what cargo resolved.

#[path = "support/offline_cargo.rs"]
#[allow(dead_code)] // shared by Day 4's tests; each uses a part
mod offline_cargo;

#[path = "../src/ex2_conflict.rs"]
#[allow(dead_code)] // the tests use the answers; the rest is the learner's business
mod conflict;

use cargo_metadata::{DependencyKind, Metadata, Package};
use conflict::{User, WhyOneFetchy2, WhyTwoVersions};
use offline_cargo::{accepts, project_dir};

const PROJECT: &str = "alert-router";

fn manifest() -> Package {
    offline_cargo::project_manifest(PROJECT)
}

/// The normal dependency that alert-router's code calls `name` (its own name, or a rename).
fn named<'a>(package: &'a Package, name: &str) -> Option<&'a cargo_metadata::Dependency> {
    package.dependencies.iter().find(|d| {
        d.kind == DependencyKind::Normal && d.rename.as_deref().unwrap_or(&d.name) == name
    })
}

/// Stops as "not started" while the manifest still declares nothing.
fn started(package: &Package) {
    if package.dependencies.is_empty() {
        todo!("step 1: declare alert-router's dependencies (`cargo add`)");
    }
}

/// The build as Cargo.lock pins it, or a failure that says how to bring the lock up to date.
fn resolved() -> Metadata {
    offline_cargo::project_build(PROJECT)
}

/// The version of the crate that `from` (a package name) calls `name`, in the resolved build.
fn version_called(metadata: &Metadata, from: &str, name: &str) -> Option<String> {
    let resolve = metadata.resolve.as_ref()?;
    let package = metadata.packages.iter().find(|p| p.name.as_str() == from)?;
    let node = resolve.nodes.iter().find(|n| n.id == package.id)?;
    let dep = node.deps.iter().find(|d| d.name == name)?;
    let used = metadata.packages.iter().find(|p| p.id == dep.pkg)?;
    Some(used.version.to_string())
}

fn the_three_crates_are_dependencies() {
    let package = manifest();
    started(&package);
    let Some(fetchy) = named(&package, "fetchy") else {
        panic!("alert-router needs `fetchy` in [dependencies]: `cargo add fetchy@2.28`");
    };
    assert_eq!(
        fetchy.name, "fetchy",
        "the name `fetchy` must be the fetchy crate itself"
    );
    assert!(
        accepts(&fetchy.req, "2.28.0") && accepts(&fetchy.req, "2.31.2"),
        "fetchy's requirement `{}` must be 2.28: any 2.x from 2.28.0 on (`fetchy = \"2.28\"`)",
        fetchy.req
    );
    assert!(
        !accepts(&fetchy.req, "3.0.0"),
        "fetchy's requirement `{}` accepts 3.0.0: `fetchy` is alert-router's fetchy 2; fetchy 3 \
         comes in under its own name, `fetchy3`",
        fetchy.req
    );
    let alertkit = named(&package, "alertkit");
    assert!(
        alertkit.is_some_and(|d| d.name == "alertkit" && accepts(&d.req, "1.2.0")),
        "alert-router needs `alertkit` 1.2 in [dependencies]: `cargo add alertkit@1.2`"
    );
    let pagerlink = named(&package, "pagerlink");
    assert!(
        pagerlink.is_some_and(|d| d.name == "pagerlink" && accepts(&d.req, "0.4.0")),
        "alert-router needs `pagerlink` 0.4 in [dependencies]: `cargo add pagerlink@0.4`"
    );
}

fn fetchy_3_comes_in_under_its_own_name() {
    let package = manifest();
    started(&package);
    let Some(fetchy3) = named(&package, "fetchy3") else {
        panic!(
            "src/main.rs calls fetchy 3 `fetchy3`: add it renamed, \
             `fetchy3 = {{ package = \"fetchy\", version = \"3\" }}` \
             (`cargo add fetchy@3 --rename fetchy3`)"
        );
    };
    assert_eq!(
        fetchy3.name, "fetchy",
        "`fetchy3` must be the fetchy crate under another name: `package = \"fetchy\"`"
    );
    assert!(
        accepts(&fetchy3.req, "3.0.0"),
        "fetchy3's requirement `{}` must accept 3.0.0: any 3.x",
        fetchy3.req
    );
    assert!(
        !accepts(&fetchy3.req, "2.31.2"),
        "fetchy3's requirement `{}` accepts 2.31.2: then `fetchy3` could be fetchy 2 again",
        fetchy3.req
    );
}

fn the_build_holds_one_fetchy_2_and_one_fetchy_3() {
    let package = manifest();
    started(&package);
    let metadata = resolved();
    let versions = offline_cargo::versions_of(&metadata, "fetchy");
    assert!(
        versions.len() == 2 && versions[0].major == 2 && versions[1].major == 3,
        "the lock file must hold exactly one fetchy 2 and one fetchy 3, but it holds {versions:?}"
    );
    let dir = project_dir(PROJECT);
    let run = offline_cargo::cargo(&dir, &["run", "--locked", "--quiet"])
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.status.success(),
        "`cargo run --locked` fails in projects/alert-router:\n{}",
        offline_cargo::cargo_error(&run)
    );
    let printed = String::from_utf8_lossy(&run.stdout);
    for (line, version) in [
        ("alert-router's fetchy", &versions[0]),
        ("alertkit's fetchy", &versions[0]),
        ("alert-router's fetchy3", &versions[1]),
        ("pagerlink's fetchy", &versions[1]),
    ] {
        assert!(
            printed.contains(&format!("{line}: {version}\n")),
            "alert-router should print `{line}: {version}` (the lock file's version), but \
             printed:\n{printed}"
        );
    }
}

fn the_stated_versions_are_the_builds() {
    let stated = conflict::fetchy_versions_in_build();
    let package = manifest();
    started(&package);
    let metadata = resolved();
    let built: Vec<String> = offline_cargo::versions_of(&metadata, "fetchy")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        stated, built,
        "fetchy_versions_in_build() must list the versions of fetchy in the build, oldest first, \
         as `cargo tree -d` shows them (without the `v`)"
    );
    for (user, from, name) in [
        (User::AlertRouter, "alert-router", "fetchy"),
        (User::AlertRouterAsFetchy3, "alert-router", "fetchy3"),
        (User::Alertkit, "alertkit", "fetchy"),
        (User::Pagerlink, "pagerlink", "fetchy"),
    ] {
        let actual = version_called(&metadata, from, name)
            .unwrap_or_else(|| panic!("{from} does not use a crate called `{name}`"));
        assert_eq!(
            conflict::fetchy_version_of(user),
            actual,
            "fetchy_version_of(User::{user:?}): {from}'s `{name}` is built as fetchy {actual} \
             (`cargo tree -i fetchy@{actual}` lists who uses it)"
        );
    }
}

fn why_one_fetchy_2_and_why_two_fetchys() {
    let why_one = conflict::why_one_fetchy_2();
    let wrong_one = match why_one {
        WhyOneFetchy2::CompatibleRequirementsShareOneVersion => None,
        WhyOneFetchy2::CargoTakesTheNewestInTheRegistry => Some(
            "not the newest in the registry: that is 3.0.0, and the build has a fetchy 2 \
             besides. Cargo takes the newest version that a requirement accepts",
        ),
        WhyOneFetchy2::DependenciesOutrankTheProject => Some(
            "no requirement outranks another: every requirement on fetchy 2 must be met, \
             alert-router's as much as alertkit's",
        ),
        WhyOneFetchy2::TheLockFileIsOutOfDate => Some(
            "the lock file is up to date (`cargo build --locked` accepts it), and `cargo update` \
             would still build one fetchy 2: the newest 2.x that every requirement accepts",
        ),
    };
    if let Some(why) = wrong_one {
        panic!("why_one_fetchy_2(): {why_one:?} is not it: {why}");
    }
    let why_two = conflict::why_two_versions();
    let wrong_two = match why_two {
        WhyTwoVersions::IncompatibleVersionsAreSeparateCrates => None,
        WhyTwoVersions::PagerlinkBundlesItsOwnCopy => Some(
            "pagerlink bundles nothing: it names fetchy in its own Cargo.toml, as you do, and \
             fetchy 3.0.0 has an entry of its own in alert-router's Cargo.lock",
        ),
        WhyTwoVersions::TheResolverGaveUp => Some(
            "the resolver did not give up: when it cannot meet requirements it stops with an \
             error and builds nothing. Here it met them all",
        ),
    };
    if let Some(why) = wrong_two {
        panic!("why_two_versions(): {why_two:?} is not it: {why}");
    }
    workbook_harness::explain(
        "`2.28` (>=2.28.0, <3) and alertkit's `2.31` (>=2.31.0, <3) are compatible: one version \
         meets both, so Cargo builds one fetchy 2 for both, the newest that both accept (2.31.2 \
         when the lock was written; `2.28` alone would have taken it too). `3` (>=3.0.0, <4) is \
         compatible with neither, so fetchy 3 is built too, as a separate crate: its types are \
         not fetchy 2's. A venv could hold only one of them. Only requirements that no one \
         version meets within a range break the build: `fetchy = \"=2.28.0\"` beside alertkit \
         makes cargo stop with \"failed to select a version\".",
    );
}

workbook_harness::main!(
    the_three_crates_are_dependencies,
    fetchy_3_comes_in_under_its_own_name,
    the_build_holds_one_fetchy_2_and_one_fetchy_3,
    the_stated_versions_are_the_builds,
    why_one_fetchy_2_and_why_two_fetchys,
);
