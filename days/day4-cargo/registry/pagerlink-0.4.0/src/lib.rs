//! Pages the on-call engineer; built on fetchy 3.
//!
//! A fixture of the workbook's Day 4: a stand-in that lives in `days/day4-cargo/registry/`, not on crates.io.

/// This crate's version.
pub const VERSION: &str = "0.4.0";

/// The version of fetchy this crate was built with: the one Cargo chose for it.
pub const FETCHY_VERSION: &str = fetchy::VERSION;

/// The request that would page the on-call engineer.
pub fn page(who: &str) -> fetchy::Request {
    fetchy::Client::new("pagerlink").get(&format!("https://pager.example.com/page/{who}"))
}
