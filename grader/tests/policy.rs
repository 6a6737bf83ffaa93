//! The exercises' policies: every stub, reference solution and alternative obeys its exercise's
//! `forbid` list, and the check finds what a student writes to get round it, and nothing in
//! comments, strings or characters.

use std::path::Path;

use grader::manifest::{Exercise, Manifest};
use grader::policy::{Forbidden, check_exercise, check_source};
use grader::variants::{self, VariantKind};
use grader::workbook::{Unit, Workbook};

fn workbook() -> Workbook {
    Workbook::discover(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .expect("the workbook's manifests load")
}

/// Lays `unit`'s learner files under `dest` as the reference solution has them (the stub where
/// the solutions hold no copy of a file).
fn lay_reference(workbook: &Workbook, unit: &Unit, dest: &Path) {
    for exercise in &unit.manifest.exercises {
        for file in &exercise.files {
            let relative = unit.dir.join(file);
            let solution = workbook.root.join("solutions").join(&relative);
            let source = if solution.is_file() {
                solution
            } else {
                workbook.root.join(&relative)
            };
            let to = dest.join(&relative);
            std::fs::create_dir_all(to.parent().expect("a file has a folder")).unwrap();
            std::fs::copy(&source, &to)
                .unwrap_or_else(|e| panic!("cannot copy {}: {e}", source.display()));
        }
    }
}

/// Adds a line to `problems` for each finding in the learner files of `unit`'s exercises that
/// `checked` accepts.
fn findings_of(
    root: &Path,
    unit: &Unit,
    checked: impl Fn(&Exercise) -> bool,
    label: &str,
    problems: &mut Vec<String>,
) {
    for exercise in unit.manifest.exercises.iter().filter(|e| checked(e)) {
        for finding in check_exercise(root, unit, exercise) {
            problems.push(format!(
                "{label}, exercise `{}`: `{}` (forbidden by `{}`) at {}",
                exercise.id,
                finding.found,
                finding.what,
                finding.location()
            ));
        }
    }
}

#[test]
fn every_stub_reference_solution_and_alternative_obeys_its_exercises_policy() {
    let workbook = workbook();
    let mut problems = Vec::new();
    let mut alternatives = 0;
    // A release has no solutions/: then only the stubs are checked (below).
    let has_solutions = workbook.root.join("solutions").is_dir();
    for unit in workbook.units.iter().filter(|_| has_solutions) {
        let reference = tempfile::tempdir().unwrap();
        lay_reference(&workbook, unit, reference.path());
        findings_of(
            reference.path(),
            unit,
            |_| true,
            &format!("{} reference solution", unit.label()),
            &mut problems,
        );
        let variants = variants::load(&workbook, unit)
            .unwrap_or_else(|problems| panic!("{}", problems.join("\n")));
        for variant in variants
            .iter()
            .filter(|v| v.kind == VariantKind::Alternative)
        {
            alternatives += 1;
            let copy = tempfile::tempdir().unwrap();
            lay_reference(&workbook, unit, copy.path());
            variant
                .apply(&copy.path().join(&unit.dir))
                .unwrap_or_else(|e| panic!("{}: {e}", variant.describe()));
            let touches = |exercise: &Exercise| {
                variant
                    .touched()
                    .any(|file| exercise.files.iter().any(|f| f == file))
            };
            findings_of(
                copy.path(),
                unit,
                touches,
                &variant.describe(),
                &mut problems,
            );
        }
    }
    assert!(
        alternatives > 10 || !has_solutions,
        "only {alternatives} alternatives were checked"
    );
    // A submission without a file grades its stub: the stubs obey the policies too.
    for unit in &workbook.units {
        findings_of(
            &workbook.root,
            unit,
            |_| true,
            &format!("{} stub", unit.label()),
            &mut problems,
        );
    }
    assert!(
        problems.is_empty(),
        "solutions the graders would zero: loosen the exercise's `forbid` or change the \
         solution:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_exercise_with_rust_files_has_a_policy_that_forbids_unsafe_and_path() {
    let workbook = workbook();
    for unit in &workbook.units {
        for exercise in &unit.manifest.exercises {
            if !exercise
                .files
                .iter()
                .any(|f| f.extension().is_some_and(|e| e == "rs"))
            {
                continue;
            }
            let forbid: Vec<String> = unit
                .manifest
                .forbidden(exercise)
                .iter()
                .map(Forbidden::to_string)
                .collect();
            for needed in ["unsafe", "#[path]", "include!"] {
                assert!(
                    forbid.iter().any(|f| f == needed),
                    "{} exercise `{}` does not forbid `{needed}`, which no exercise needs: {forbid:?}",
                    unit.label(),
                    exercise.id
                );
            }
        }
    }
}

#[test]
fn an_unknown_forbid_entry_is_refused_naming_the_file_and_the_exercise() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("exercises.toml");
    std::fs::write(
        &path,
        "kind = \"day\"\nday = 1\ntitle = \"T\"\n\n[[exercise]]\nid = \"health-checks\"\n\
         title = \"C\"\nfiles = [\"src/a.rs\"]\ntests = [\"a\"]\nforbid = [\"std::process\", \"sockets\"]\n",
    )
    .unwrap();
    let err = Manifest::load(&path)
        .expect_err("`sockets` is no policy entry")
        .to_string();
    for part in [
        path.display().to_string(),
        "`health-checks`".into(),
        "`sockets`".into(),
    ] {
        assert!(err.contains(&part), "the error does not name {part}: {err}");
    }
}

fn policy(entries: &[&str]) -> Vec<Forbidden> {
    entries
        .iter()
        .map(|e| Forbidden::parse(e).unwrap_or_else(|err| panic!("{e}: {err}")))
        .collect()
}

/// Asserts that `source` breaks `entry` by using `found` at `line`.
fn assert_found(source: &str, entry: &str, found: &str, line: usize) {
    let findings = check_source(source, &policy(&[entry]));
    let expected = (entry.to_owned(), found.to_owned(), line);
    let entry_shown = Forbidden::parse(entry).unwrap().to_string();
    assert!(
        findings
            .iter()
            .any(|(what, f, l)| what == &entry_shown && f == found && *l == line),
        "missed `{found}` on line {line} (policy `{entry}`) in:\n{source}\nfound only: {findings:?}\n(wanted {expected:?})"
    );
}

const EVERYTHING: [&str; 16] = [
    "std::process",
    "std::fs",
    "std::net",
    "std::env",
    "include!",
    "include_str!",
    "include_bytes!",
    "env!",
    "option_env!",
    "#[path]",
    "#[macro_export]",
    "#[no_mangle]",
    "#[export_name]",
    "#[link]",
    "#[link_section]",
    "unsafe",
];

fn assert_clean(source: &str) {
    let findings = check_source(source, &policy(&EVERYTHING));
    assert!(
        findings.is_empty(),
        "flagged what is not a forbidden API in:\n{source}\nfindings: {findings:?}"
    );
}

#[test]
fn paths_are_found_however_they_are_imported_or_spelled() {
    let exit = "std::process::exit";
    assert_found("std::process::exit(1);", "std::process", exit, 1);
    assert_found("fn f() {\n    std::process::exit(1)\n}", exit, exit, 2);
    assert_found("use std::process;", "std::process", "std::process", 1);
    assert_found(
        "use std::process;\nfn f() { process::exit(1) }",
        exit,
        exit,
        2,
    );
    assert_found("use std::{process, fs};", "std::fs", "std::fs", 1);
    assert_found("use std::{process, fs};", "std::process", "std::process", 1);
    assert_found(
        "use std::{io, process::{self as p}};\np::exit(1);",
        exit,
        exit,
        2,
    );
    assert_found("use std::process as p;\np::exit(1);", exit, exit, 2);
    assert_found("use std::process::exit as leave;", exit, exit, 1);
    assert_found("::std::process::exit(1);", exit, exit, 1);
    assert_found("use ::std::process;\nprocess::exit(1);", exit, exit, 2);
    assert_found("std :: process /* gap */ ::\n  exit(1);", exit, exit, 1);
    assert_found("std // gap\n::process::exit(1);", exit, exit, 1);
    assert_found("r#std::r#process::exit(1);", exit, exit, 1);
    assert_found(
        "use std::process;\nuse process::Command;",
        "std::process::Command",
        "std::process::Command",
        2,
    );
    assert_found("use std::process::*;", exit, "std::process::*", 1);
    assert_found("use std::*;", "std::process", "std::*", 1);
    assert_found(
        "let a: Option<std::fs::File> = None;",
        "std::fs",
        "std::fs::File",
        1,
    );
    assert_found(
        "type T = Vec<std::net::TcpStream>;",
        "std::net",
        "std::net::TcpStream",
        1,
    );
    assert_found(
        "mod inner {\n    pub use std::env::var;\n}",
        "std::env",
        "std::env::var",
        2,
    );
    assert_found(
        "mod m {\n    extern crate std;\n}\nm::std::process::exit(1);",
        exit,
        exit,
        4,
    );
    assert_found(
        "extern crate std;\nfn f() { self::std::process::exit(1) }",
        exit,
        exit,
        2,
    );
    assert_found("use std::process as p;\ncrate::p::exit(1);", exit, exit, 2);
    assert_found(
        "mod M {\n    pub extern crate std;\n}\nM::std::process::exit(1);",
        exit,
        exit,
        4,
    );
    assert_found("use self::std::process;", "std::process", "std::process", 1);
    assert_found(
        "mod m {\n    pub use std::process;\n}\nm::process::exit(1);",
        exit,
        exit,
        4,
    );
}

#[test]
fn core_alloc_and_crate_aliases_are_std_by_another_name() {
    let ip = "core::net::Ipv4Addr";
    assert_found("let a: core::net::Ipv4Addr;", "std::net", ip, 1);
    assert_found(
        "use core::net;\nlet a: net::Ipv4Addr;",
        "std::net::Ipv4Addr",
        ip,
        2,
    );
    assert_found(
        "let p = std::ptr::null::<u8>();",
        "core::ptr",
        "std::ptr::null",
        1,
    );
    let exit = "std::process::exit";
    assert_found(
        "extern crate std as s;\nfn f() { s::process::exit(1) }",
        exit,
        exit,
        2,
    );
    assert_found(
        "extern crate std as s;\n::s::process::exit(1);",
        exit,
        exit,
        2,
    );
    assert_found("use std as s;\ns::process::exit(1);", exit, exit, 2);
    assert_found(
        "extern crate core as c;\nlet a: c::net::Ipv4Addr;",
        "std::net",
        ip,
        2,
    );
}

#[test]
fn paths_a_macro_completes_are_found() {
    let exit = "std::process::exit";
    assert_found(
        "macro_rules! m {\n    ($module:ident) => { std::$module::exit(1) };\n}\nm!(process);",
        "std::process",
        "std::$module::exit",
        2,
    );
    assert_found(
        "macro_rules! m {\n    ($root:ident) => { $root::process::exit(1) };\n}\nm!(std);",
        exit,
        "$root::process::exit",
        2,
    );
    assert_found(
        "macro_rules! glue {\n    ($($a:tt)*; $($b:tt)*) => { $($a)* $($b)* };\n}\nglue!(std; ::process::exit(1));",
        exit,
        "::process::exit",
        4,
    );
    assert_found(
        "macro_rules! m {\n    ($p:path) => { $p::exit(1) };\n}\nm!(std::process);",
        "std::process",
        "std::process",
        4,
    );
}

#[test]
fn imports_a_macro_completes_are_found() {
    let exit = "std::process::exit";
    assert_found(
        "macro_rules! m {\n    ($root:ident) => { use $root::process::exit; };\n}\nm!(std);",
        "std::process",
        "$root::process::exit",
        2,
    );
    assert_found(
        "macro_rules! m {\n    ($name:ident) => { use std::{$name}; };\n}\nm!(process);",
        "std::process",
        "std::$name",
        2,
    );
    assert_found(
        "macro_rules! m {\n    ($p:ident) => { use std::process as $p; $p::exit(1); };\n}",
        exit,
        "std::process as $p",
        2,
    );
    assert_found(
        "macro_rules! m {\n    ($m:ident) => { use std::$m as inc; };\n}\nm!(include);",
        "include!",
        "std::$m",
        2,
    );
}

#[test]
fn a_use_in_a_macro_matcher_hides_nothing_after_it() {
    assert_found(
        "macro_rules! m {\n    (use) => { std::process::exit(1); };\n}",
        "std::process",
        "std::process::exit",
        2,
    );
    assert_found(
        "macro_rules! m {\n    (use $x:ident) => { unsafe {} };\n}",
        "unsafe",
        "unsafe",
        2,
    );
}

#[test]
fn macros_are_found_whichever_brackets_call_them() {
    assert_found("include!(\"x.rs\");", "include!", "include!", 1);
    assert_found(
        "const A: &str = include_str![\"x\"];",
        "include_str!",
        "include_str!",
        1,
    );
    assert_found(
        "const B: &[u8] = include_bytes!{\"x\"};",
        "include_bytes!",
        "include_bytes!",
        1,
    );
    assert_found("std::include!(\"x.rs\");", "include!", "include!", 1);
    assert_found("include /* gap */ ! (\"x.rs\");", "include!", "include!", 1);
    assert_found(
        "use std::include as inc;\ninc!(\"x.rs\");",
        "include!",
        "std::include",
        1,
    );
    assert_found("const V: &str = env!(\"HOME\");", "env!", "env!", 1);
    assert_found(
        "macro_rules! call {\n    ($m:ident) => { $m!(\"x.rs\") };\n}\ncall!(include);",
        "include!",
        "$m!",
        2,
    );
    assert_found(
        "macro_rules! call {\n    ($($m:tt)*) => { $($m)*![\"x.rs\"] };\n}",
        "include!",
        "$(…)*!",
        2,
    );
    assert_found(
        "macro_rules! m {\n    () => { include!(\"x.rs\") };\n}",
        "include!",
        "include!",
        2,
    );
}

#[test]
fn attributes_are_found_outer_inner_and_nested() {
    assert_found(
        "#[path = \"../../solutions/x.rs\"]\nmod x;",
        "#[path]",
        "#[path]",
        1,
    );
    assert_found("mod m {\n    #![path = \"x\"]\n}", "#[path]", "#![path]", 2);
    assert_found("# [ path = \"x.rs\" ] mod x;", "#[path]", "#[path]", 1);
    assert_found(
        "#[cfg_attr(all(), path = \"x.rs\")]\nmod x;",
        "#[path]",
        "#[path]",
        1,
    );
    assert_found(
        "#[macro_export]\nmacro_rules! m { () => {} }",
        "macro_export",
        "#[macro_export]",
        1,
    );
    assert_found(
        "#[macro_export(local_inner_macros)]",
        "#[macro_export]",
        "#[macro_export]",
        1,
    );
    assert_found(
        "#[unsafe(no_mangle)]\npub fn f() {}",
        "#[no_mangle]",
        "#[no_mangle]",
        1,
    );
    assert_found(
        "#[cfg_attr(all(), cfg_attr(all(), path = \"x.rs\"))]",
        "#[path]",
        "#[path]",
        1,
    );
    assert_found(
        "macro_rules! m {\n    ($a:meta) => { #[cfg_attr(all(), $a)] mod x; };\n}",
        "#[path]",
        "#[$…]",
        2,
    );
    assert_found(
        "#[link(name = \"c\")]\nunsafe extern \"C\" {}",
        "#[link]",
        "#[link]",
        1,
    );
    assert_found(
        "macro_rules! m {\n    ($a:meta) => { #[$a] mod x; };\n}",
        "#[path]",
        "#[$…]",
        2,
    );
}

#[test]
fn hostile_shapes_are_read_in_time_and_a_use_too_deep_to_read_is_found() {
    let deep = format!("use {}std::process{};", "{".repeat(5000), "}".repeat(5000));
    let findings = check_source(&deep, &policy(&["std::process"]));
    assert!(
        findings
            .iter()
            .any(|(what, _, line)| what == "std::process" && *line == 1),
        "a use nested 5000 groups deep hid std::process: {findings:?}"
    );
    let started = std::time::Instant::now();
    let many = "#[cfg_attr(x, ".repeat(20_000) + &"$($m)*!(".repeat(20_000);
    let _ = check_source(&many, &policy(&EVERYTHING));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "20 000 unclosed attributes and macro calls took {:?}",
        started.elapsed()
    );
}

#[test]
fn every_unsafe_is_found() {
    for (source, line) in [
        ("fn f() {\n    unsafe { g() }\n}", 2),
        ("unsafe fn g() {}", 1),
        ("unsafe impl Send for X {}", 1),
        ("unsafe trait T {}", 1),
        ("unsafe extern \"C\" {\n}", 1),
        ("#[unsafe(no_mangle)]", 1),
        ("let f = || unsafe { 1 };", 1),
    ] {
        assert_found(source, "unsafe", "unsafe", line);
    }
    assert_found(
        "core::arch::global_asm!(\".globl f\");",
        "unsafe",
        "global_asm!",
        1,
    );
}

#[test]
fn comments_strings_and_characters_are_not_code() {
    assert_clean("// std::process::exit(1); unsafe { include!(\"x\") }");
    assert_clean("/// Calls `std::fs::read` and `include_str!(\"x\")`.\nfn f() {}");
    assert_clean("//! This module is not `unsafe`; it never says #[path = \"x\"].");
    assert_clean(
        "/* std::process /* nested: unsafe */ still a comment: std::fs::read */ fn f() {}",
    );
    assert_clean("/** #[path = \"x.rs\"] */ fn f() {}");
    assert_clean("let s = \"std::process::exit(1); unsafe {}\";");
    assert_clean("let s = \"quote \\\" then std::fs::read\";");
    assert_clean("let s = r#\"unsafe { include!(\"x\") } \" std::env::var\"#;");
    assert_clean("let s = r##\"a \"# inside std::net::TcpStream\"##;");
    assert_clean("let b = b\"unsafe\"; let c = br#\"std::fs\"#; let d = c\"env!()\";");
    assert_clean("let q = '\"'; let a = '\\''; let h = '#'; let b = b'\"'; let s = \"unsafe\";");
    assert_clean("#[doc = \"path = unsafe\"]\nfn f() {}");
}

#[test]
fn names_that_only_contain_the_words_are_fine() {
    assert_clean("let process_name = 1; let fs_usage = 2; let my_unsafe_count = 3;");
    assert_clean("fn unsafe_count() -> usize { 0 }\nlet r#unsafe = 1;");
    assert_clean("mod process {\n    pub fn exit(_: i32) {}\n}\nfn f() { process::exit(1); }");
    assert_clean("struct S { process: u8, fs: u8 }\nfn f(s: S) -> u8 { s.process + s.fs }");
    assert_clean("fn f<'process>(x: &'process str) -> &'process str { x }");
    assert_clean("let include = 1; let b = include != 2; let env = 3;");
    assert_clean("use std::collections::HashMap;\nuse std::fmt::{self, Display};\nuse std::io::*;");
    assert_clean("#[derive(Debug, Clone)]\n#[allow(dead_code)]\nstruct S;");
    assert_clean("#[serde(rename = \"path\")]\n#[clap(value_parser = path)]\nstruct S;");
    assert_clean("#![forbid(unsafe_code)]\nfn path() {}\nfn link() { path() }");
    assert_clean("let v = Vec::<u8>::new(); let n = <u8>::MAX;");
    assert_clean("let masked = bits * !(mask) + (a) * !b;");
    assert_clean(
        "macro_rules! d {\n    ($t:ident, $doc:expr) => { #[doc = $doc] #[derive($t)] struct S; };\n}",
    );
    assert_clean(
        "macro_rules! new {\n    ($t:ty) => { <$t>::default() };\n    ($m:ident) => { $crate::process::run($m::new()) };\n}",
    );
}
