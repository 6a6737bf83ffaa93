//! # Exercise 1, step 3: the program (alternative solution)
//!
//! One nested `use` with a leading `::` brings in all three styles; a `while let` over the
//! arguments and a counter.

use ::fleet::{
    server_utils, server_utils as su,
    server_utils::{DEFAULT_PORT, format_status},
};

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let given = args.peek().is_some();
    let mut hostnames: Vec<String> = args.collect();
    if !given {
        hostnames = vec!["web-01".into()];
    }
    let mut n = 0;
    while let Some(hostname) = hostnames.get(n) {
        n += 1;
        let server = su::Server::new(hostname, &format!("10.0.1.{n}"));
        let healthy = server_utils::check_health(hostname);
        println!("{}", format_status(&server, healthy));
    }
    let port = DEFAULT_PORT;
    println!("default port: {port}");
}
