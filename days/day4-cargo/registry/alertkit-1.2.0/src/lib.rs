//! Sends alerts over HTTP; needs fetchy 2.31 or a later 2.x.
//!
//! A fixture of the workbook's Day 4: a stand-in that lives in `days/day4-cargo/registry/`, not on crates.io.

/// This crate's version.
pub const VERSION: &str = "1.2.0";

/// The version of fetchy this crate was built with: the one Cargo chose for it.
pub const FETCHY_VERSION: &str = fetchy::VERSION;

/// The request that would send `message` to the alert webhook.
pub fn alert(message: &str) -> fetchy::Request {
    fetchy::Client::new("alertkit").get(&format!("https://alerts.example.com/send?m={message}"))
}
