//! # Day 4, exercise 2: two versions of one crate (the seed's EXERCISE 2)
//!
//! ## The Python original
//!
//! ```text
//! python3 -m venv A && A/bin/pip install requests==2.28.0
//! python3 -m venv B && B/bin/pip install requests==2.31.0
//! A/bin/pip show requests; B/bin/pip show requests    # each venv has its own requests
//! ```
//!
//! One venv holds one version of each package: two tools that need two versions of `requests`
//! need two venvs.
//!
//! ## The Rust idea
//!
//! One Cargo build can hold two versions of a crate, when they are *incompatible* by semver
//! (2.x and 3.x, or 0.19 and 0.20): each is compiled as a crate of its own, and their types do not
//! mix (fetchy 2's `Request` is not fetchy 3's). Requirements that are *compatible* are unified
//! instead: `^2.28` from you and `^2.31` from a dependency are both met by one 2.x, the newest
//! that satisfies both, so the build has one fetchy 2, shared. Cargo.lock records the outcome;
//! `cargo tree --duplicates` (`-d`) shows every crate that is in the build twice, and who uses
//! each copy; `cargo tree -i fetchy@3.0.0` (inverted) shows who pulls one version in.
//!
//! To use both versions in your own code, give one of them another name in Cargo.toml:
//! `fetchy3 = { package = "fetchy", version = "3" }` (what `cargo add fetchy@3 --rename fetchy3`
//! writes), and `fetchy3::Client` is fetchy 3's.
//!
//! ## The task
//!
//! The project is `days/day4-cargo/projects/alert-router/`; its `src/main.rs` is given and uses
//! four names. Work in that folder, with the registry of exercise 1 (fetchy 2.28.0, 2.31.0, 2.31.2
//! and 3.0.0; alertkit 1.2.0, which needs fetchy 2.31 or a later 2.x; pagerlink 0.4.0, which needs
//! fetchy 3):
//!
//! 1. In its `Cargo.toml`, the dependencies: `fetchy` at 2.28 (any 2.x from 2.28.0 on),
//!    `alertkit` 1.2, `pagerlink` 0.4, and fetchy 3 under the name `fetchy3` (any 3.x).
//! 2. `cargo build` (it writes Cargo.lock), `cargo run` (it prints which fetchy each part was
//!    built with), and `cargo tree -d`.
//! 3. Below: state what ends up in the build, and why, as the functions' answers.
//!
//! Grade with `cargo day 4`; stuck? `cargo hint 4 conflict`.

// The `todo!()` bodies leave the parameter unused until you write them.
#![allow(unused)]

/// Every version of fetchy in alert-router's build, oldest first, as `cargo tree -d` lists them:
/// `vec!["1.2.3", "4.5.6"]` (without the `v`).
pub fn fetchy_versions_in_build() -> Vec<&'static str> {
    let mut versions = Vec::new();
    for user in [
        User::Pagerlink,
        User::Alertkit,
        User::AlertRouterAsFetchy3,
        User::AlertRouter,
    ] {
        let v = fetchy_version_of(user);
        if !versions.contains(&v) {
            versions.push(v);
        }
    }
    versions.sort_by_key(|v| {
        v.split('.')
            .map(|n| n.parse::<u32>().unwrap())
            .collect::<Vec<_>>()
    });
    versions
}

const FETCHY_2: &str = "2.31.2";
const FETCHY_3: &str = "3.0.0";

/// A part of alert-router's build that uses fetchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum User {
    /// alert-router's own code, through the name `fetchy`.
    AlertRouter,
    /// alert-router's own code, through the name `fetchy3`.
    AlertRouterAsFetchy3,
    /// The alertkit crate.
    Alertkit,
    /// The pagerlink crate.
    Pagerlink,
}

/// The version of fetchy that `user` is built with, as in `fetchy_versions_in_build`.
pub fn fetchy_version_of(user: User) -> &'static str {
    if matches!(user, User::AlertRouter | User::Alertkit) {
        FETCHY_2
    } else {
        FETCHY_3
    }
}

/// Why the build has only one fetchy 2, though alert-router asks for `2.28` and alertkit for `2.31`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyOneFetchy2 {
    /// Cargo always takes the newest version the registry has.
    CargoTakesTheNewestInTheRegistry,
    /// A dependency's requirement outranks the project's own, so alertkit's `2.31` wins.
    DependenciesOutrankTheProject,
    /// `2.28` and `2.31` are compatible requirements: one version can meet both, so Cargo builds
    /// one, shared, the newest that both accept.
    CompatibleRequirementsShareOneVersion,
    /// The lock file is out of date: `cargo update` would add a fetchy 2.28.0 beside it.
    TheLockFileIsOutOfDate,
}

pub fn why_one_fetchy_2() -> WhyOneFetchy2 {
    WhyOneFetchy2::CompatibleRequirementsShareOneVersion
}

/// Why fetchy 3 is in the build beside fetchy 2, instead of Cargo refusing or picking one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyTwoVersions {
    /// No one version satisfies both `^2.28` and `^3`: by semver a new major version may break
    /// its users, so Cargo builds both, as two separate crates.
    IncompatibleVersionsAreSeparateCrates,
    /// pagerlink ships its own copy of fetchy inside it.
    PagerlinkBundlesItsOwnCopy,
    /// Cargo could not resolve the conflict and fell back to building everything it found.
    TheResolverGaveUp,
}

pub fn why_two_versions() -> WhyTwoVersions {
    use WhyTwoVersions::*;
    IncompatibleVersionsAreSeparateCrates
}
