//! # Exercise 1, step 3: the program (alternative solution)
//!
//! The three import styles in two lines: `self` in a group imports the module beside its items,
//! and the alias has another name. A slice of the arguments, and `enumerate` counted from 1.

use fleet::server_utils as utils;
use fleet::server_utils::{self, DEFAULT_PORT, Server, check_health};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let default = [String::from("web-01")];
    let hostnames = if args.len() > 1 {
        &args[1..]
    } else {
        &default[..]
    };
    for (i, hostname) in hostnames.iter().enumerate() {
        let ip = format!("10.0.1.{}", i + 1);
        let server: Server = server_utils::Server::new(hostname, &ip);
        println!("{}", utils::format_status(&server, check_health(hostname)));
    }
    println!("default port: {}", DEFAULT_PORT);
}
