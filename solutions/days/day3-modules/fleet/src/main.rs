//! # Exercise 1, step 3: the program (the seed's `main.py`), reference solution
//!
//! A binary target is a crate of its own: it reaches the library by its name, `fleet`. Its
//! `fn main` runs when the binary runs, never when the library is used.

// 1. `import server_utils`: the module, then paths through it.
use fleet::server_utils;
// 2. `from server_utils import Server, DEFAULT_PORT`: the items themselves.
use fleet::server_utils::{DEFAULT_PORT, Server};
// 3. `import server_utils as su`: the module under another name.
use fleet::server_utils as su;

fn main() {
    let mut hostnames: Vec<String> = std::env::args().skip(1).collect();
    if hostnames.is_empty() {
        hostnames.push("web-01".to_string());
    }
    for (n, hostname) in (1..).zip(&hostnames) {
        let server = Server::new(hostname, &format!("10.0.1.{n}"));
        let healthy = server_utils::check_health(hostname);
        println!("{}", su::format_status(&server, healthy));
    }
    println!("default port: {DEFAULT_PORT}");
}
