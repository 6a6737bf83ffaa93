//! An HTTP client stand-in (the workbook's `requests`): builds requests, sends none.
//!
//! A fixture of the workbook's Day 4: a stand-in that lives in `days/day4-cargo/registry/`, not on crates.io.

/// This crate's version.
pub const VERSION: &str = "2.31.0";

/// A request this client would send: nothing leaves the machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub url: String,
    pub user_agent: String,
}

/// An HTTP client with a user agent.
#[derive(Debug, Clone)]
pub struct Client {
    user_agent: String,
}

impl Client {
    pub fn new(user_agent: &str) -> Client {
        Client { user_agent: user_agent.to_owned() }
    }

    /// The GET request for `url`.
    pub fn get(&self, url: &str) -> Request {
        Request { method: "GET".to_owned(), url: url.to_owned(), user_agent: self.user_agent.clone() }
    }
}

/// A body as JSON, with the `json` feature (an extra, as in `pip install requests[socks]`).
#[cfg(feature = "json")]
pub fn json_body(key: &str, value: &str) -> String {
    format!("{{\"{key}\": \"{value}\"}}")
}
