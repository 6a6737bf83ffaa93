//! # Exercise 1, step 3: the program (the seed's `main.py`), reference solution
//!
//! A binary target is a crate of its own: it reaches the library by its name, `fleet`. Its
//! `fn main` runs when the binary runs, never when the library is used.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.2 Defining Modules to Control Scope and Privacy: <https://doc.rust-lang.org/book/ch07-02-defining-modules-to-control-scope-and-privacy.html>
//! - The Rust Book, ch. 7.4 Bringing Paths into Scope with the use Keyword (`as`, `pub use`, nested paths): <https://doc.rust-lang.org/book/ch07-04-bringing-paths-into-scope-with-the-use-keyword.html>
//! - The Rust Book, ch. 7.5 Separating Modules into Different Files (`name.rs` and `name/mod.rs`): <https://doc.rust-lang.org/book/ch07-05-separating-modules-into-different-files.html>
//! - The Rust Book, ch. 12.3 Refactoring to Improve Modularity (main.rs beside lib.rs): <https://doc.rust-lang.org/book/ch12-03-improving-error-handling-and-modularity.html>
//! - The Cargo Book, Package Layout: <https://doc.rust-lang.org/cargo/guide/project-layout.html>

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
