//! # Exercise 1, step 3: the program (alternative solution)
//!
//! The module under its alias through `self as su` in a group, the items under names of their
//! own (`Server as Srv`, `check_health as healthy`), a `match` for the default hostname.

use fleet::server_utils;
use fleet::server_utils::{self as su, Server as Srv, check_health as healthy};

fn main() {
    let hostnames: Vec<String> = match std::env::args().skip(1).collect::<Vec<_>>() {
        given if given.is_empty() => vec!["web-01".to_string()],
        given => given,
    };
    for (i, hostname) in hostnames.iter().enumerate() {
        let server = Srv::new(hostname, &format!("10.0.1.{}", i + 1));
        println!("{}", su::format_status(&server, healthy(hostname)));
    }
    println!("default port: {}", server_utils::DEFAULT_PORT);
}
