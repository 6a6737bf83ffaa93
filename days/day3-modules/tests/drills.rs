//! The day's ten drills, one test each.

#[path = "../src/drills.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod drills;

// Drills 2, 3 and 8 are about `use` lines, which running the code cannot show: their tests also
// read the file (see `src/drills.rs`'s header for the rule).
use workbook_testkit::rust_source;

use rust_source::Source;

/// The learner's `src/drills.rs`, as the module under test was built from it.
const DRILLS_RS: &str = include_str!("../src/drills.rs");

/// The part of `src/drills.rs` from `mod alerts` on, to the next drill's banner: drill 8's module.
fn drill8_alerts_module() -> &'static str {
    let start = DRILLS_RS.find("mod alerts").unwrap_or(0);
    let rest = &DRILLS_RS[start..];
    let end = rest.find("\n// ----").unwrap_or(rest.len());
    &rest[..end]
}

// Named, not `drills::*`: a glob would let the learner's items shadow the prelude's.
use drills::{
    Drill1, Drill4, Drill5, Drill6, Drill7, Drill9, Drill10, drill1_what_makes_a_file_a_module,
    drill2_prod_fqdn, drill3_both_statuses, drill4_where_a_folder_module_lives,
    drill5_what_pub_use_controls, drill6_use_module_vs_use_item, drill7_when_main_runs,
    drill9_missing_mod_declaration, drill10_where_crates_come_from,
};

fn drill01_a_file_is_a_module_once_its_parent_declares_it() {
    assert_eq!(
        drill1_what_makes_a_file_a_module(),
        Drill1::AModDeclarationInItsParent,
        "`mod server_utils;` in main.rs (the parent) makes src/server_utils.rs the module \
         `server_utils`. A `use` only names things that already exist; Cargo.toml lists crates, \
         not files; and a file nobody declares is never compiled."
    );
}

fn drill02_an_imported_item_is_called_by_its_short_name() {
    assert_eq!(
        drill2_prod_fqdn("web-01"),
        "web-01.prod.example.com",
        "`use naming::fqdn;` then `fqdn(host, \"prod.example.com\")`"
    );
    assert_eq!(drill2_prod_fqdn("db-02"), "db-02.prod.example.com");
    let file = Source::new(DRILLS_RS);
    assert!(
        file.imports().iter().any(|import| import
            .path
            .ends_with(&["naming".to_string(), "fqdn".to_string()])
            && import.name.as_deref() == Some("fqdn")),
        "drill 2 is the seed's `from naming import fqdn`: src/drills.rs needs the line \
         `use naming::fqdn;` (any spelling: `use self::naming::fqdn;`, in a group, or inside the \
         function), and no alias"
    );
    assert!(
        file.names_unqualified("fqdn"),
        "drill 2: `use naming::fqdn;` is there, but the function calls `naming::fqdn(..)`: call it \
         by the short name the import gives, `fqdn(host, \"prod.example.com\")`"
    );
}

fn drill03_aliases_keep_two_status_functions_apart() {
    assert_eq!(
        drill3_both_statuses(200, 0),
        "HTTP 200 / NOERROR",
        "`use http::status as http_status;` and `use dns::status as dns_status;`, then \
         `format!(\"{{}} / {{}}\", http_status(code), dns_status(rcode))`"
    );
    assert_eq!(drill3_both_statuses(503, 3), "HTTP 503 / NXDOMAIN");
    let file = Source::new(DRILLS_RS);
    for (module, alias) in [("http", "http_status"), ("dns", "dns_status")] {
        assert!(
            file.imports().iter().any(|import| import
                .path
                .ends_with(&[module.to_string(), "status".to_string()])
                && import.name.as_deref() == Some(alias)),
            "drill 3 is the seed's `import ... as ...`: src/drills.rs needs the line \
             `use {module}::status as {alias};` (any spelling: `self::`, in a group, or inside the \
             function), so that the two `status` functions do not clash"
        );
        assert!(
            file.names(alias),
            "drill 3: `{alias}` is imported but never called: build the line from \
             `{alias}(..)`"
        );
    }
}

fn drill04_a_folder_module_has_one_root_file() {
    assert_eq!(
        drill4_where_a_folder_module_lives(),
        Drill4::InMonitoringRsOrInMonitoringModRs,
        "`mod monitoring;` looks for src/monitoring.rs or src/monitoring/mod.rs (having both is \
         error E0761); its `mod checks;` then finds src/monitoring/checks.rs. Other files in the \
         folder count only if a `mod` line declares them."
    );
}

fn drill05_pub_use_adds_a_public_path() {
    assert_eq!(
        drill5_what_pub_use_controls(),
        Drill5::ItAddsAPublicPathToTheItem,
        "`pub use checks::DiskCheck;` makes `monitoring::DiskCheck` a public name for the same \
         item (no copy). Python's `__all__` only filters `import *`; Rust's visibility is enforced \
         on every path: what is not `pub` (or re-exported) cannot be named from outside at all."
    );
}

fn drill06_use_is_a_name_not_an_action() {
    assert_eq!(
        drill6_use_module_vs_use_item(),
        Drill6::OnlyTheNameInScope,
        "a `use` declaration only brings a name into scope at compile time: no code runs, \
         nothing is loaded or copied, and both spellings compile to the same program. Import the \
         module when its name makes the call clearer (`fmt::Display`), the item when it is used often."
    );
}

fn drill07_main_runs_only_when_the_binary_runs() {
    assert_eq!(
        drill7_when_main_runs(),
        Drill7::OnlyWhenTheBinaryRuns,
        "`fn main` in src/main.rs is the entry point of the binary only. A library has no code \
         that runs when it is used (no import-time side effects), so Rust needs no \
         `if __name__ == \"__main__\"`: the library is src/lib.rs, the script is src/main.rs."
    );
}

fn drill08_super_reaches_a_sibling_module() {
    use drills::package::alerts::is_critical;
    assert!(
        is_critical(95.0),
        "95.0% is at DISK_CRITICAL: critical (at or above)"
    );
    assert!(is_critical(99.9), "99.9% is above DISK_CRITICAL: critical");
    assert!(
        !is_critical(94.9),
        "94.9% is below DISK_CRITICAL: not critical"
    );
    let alerts = Source::new(drill8_alerts_module());
    assert!(
        alerts
            .imports()
            .iter()
            .any(
                |import| import.path.first().map(String::as_str) == Some("super")
                    && import.path.iter().any(|segment| segment == "thresholds")
            ),
        "drill 8 is the seed's `from .thresholds import DISK_CRITICAL`: the module `alerts` in \
         src/drills.rs needs a relative `use` from its sibling, `use super::thresholds::DISK_CRITICAL;` \
         (`super` is `package`, the parent of both)"
    );
    assert!(
        alerts.names_item(&["thresholds"], "DISK_CRITICAL"),
        "drill 8: `is_critical` compares with the imported `DISK_CRITICAL` (or the name your \
         `use ... as ...` gives it), not with a number written again (95.0): a threshold has one \
         home, `thresholds`"
    );
}

fn drill09_a_missing_mod_line_leaves_the_file_out() {
    assert_eq!(
        drill9_missing_mod_declaration(),
        Drill9::TheFileIsLeftOutAndPathsToItFail,
        "without `mod checks;` the compiler never reads checks.rs (not even its syntax errors), \
         and `monitoring::checks::...` fails to compile: could not find `checks` in `monitoring`. \
         There are no namespace packages: a module exists only where it is declared."
    );
}

fn drill10_cargo_toml_is_the_sys_path() {
    assert_eq!(
        drill10_where_crates_come_from(),
        Drill10::TheDependenciesInCargoToml,
        "a crate can `use` only the standard library and the crates its Cargo.toml lists; cargo \
         passes each to rustc (`--extern serde=...`) and links it into the program. `cargo tree` \
         shows that graph: it is Rust's sys.path, fixed at build time."
    );
}

workbook_harness::main!(
    drill01_a_file_is_a_module_once_its_parent_declares_it,
    drill02_an_imported_item_is_called_by_its_short_name,
    drill03_aliases_keep_two_status_functions_apart,
    drill04_a_folder_module_has_one_root_file,
    drill05_pub_use_adds_a_public_path,
    drill06_use_is_a_name_not_an_action,
    drill07_main_runs_only_when_the_binary_runs,
    drill08_super_reaches_a_sibling_module,
    drill09_a_missing_mod_line_leaves_the_file_out,
    drill10_cargo_toml_is_the_sys_path,
);
