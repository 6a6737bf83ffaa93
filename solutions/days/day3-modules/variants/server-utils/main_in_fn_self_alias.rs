//! # Exercise 1, step 3: the program (the seed's `main.py`)
//!
//! This binary target is a crate of its own. It reaches the library by the library's name, `fleet`
//! (`crate::` here would mean this binary). Its `fn main` runs when you run the binary
//! (`cargo run -p fleet -- web-01 db_01`) and never when the library is used: it is the seed's
//! `if __name__ == "__main__": main()`.
//!
//! ## Your task
//!
//! Use `server_utils` in **all three** import styles (see the table in `src/server_utils.rs`):
//! `use fleet::server_utils;`, `use fleet::server_utils::{...};` and `use fleet::server_utils as su;`,
//! and use each of them at least once. Then write `main`, with the library's items (never a copy
//! of them in this file, nor a `mod server_utils;` line, which would compile the library's file a
//! second time, into the binary):
//!
//! 1. The hostnames are the program's arguments (`std::env::args().skip(1)`); with none, use
//!    `web-01` alone.
//! 2. For the n-th hostname (counting from 1), build `Server::new(hostname, "10.0.1.<n>")` and
//!    print one line: `format_status(&server, check_health(hostname))`.
//! 3. Last, print `default port: 8080`, from `DEFAULT_PORT`.
//!
//! ```text
//! $ cargo run -p fleet -- web-01 db_01
//! web-01 (10.0.1.1:8080): healthy
//! db_01 (10.0.1.2:8080): unhealthy
//! default port: 8080
//! ```
//!
//! How this is checked: two tests run the binary. Running it cannot show how the file names
//! things, so two more read this file (comments aside) and look for exactly what the task says,
//! in any spelling the compiler accepts:
//!
//! - the three imports: the module itself (`use fleet::server_utils;`, or `self` in a group:
//!   `use fleet::server_utils::{self, Server};`), one or more of its items by name (not a glob
//!   `*`), and the module under another name (any name). Each is used: a call through the module
//!   (`server_utils::...`), one imported item by its short name, a call through the alias;
//! - `check_health`, `format_status`, `Server` and `DEFAULT_PORT` named in the code (or by the
//!   names a `use ... as ...` gives them), none of them defined here, and no `mod name;` line.
//!
//! ## Read more
//!
//! - The Rust Book, ch. 7 Packages, Crates, and Modules: <https://doc.rust-lang.org/book/ch07-00-managing-growing-projects-with-packages-crates-and-modules.html>
//! - The Rust Book, ch. 7.2 Defining Modules to Control Scope and Privacy: <https://doc.rust-lang.org/book/ch07-02-defining-modules-to-control-scope-and-privacy.html>
//! - The Rust Book, ch. 7.4 Bringing Paths into Scope with the use Keyword (`as`, `pub use`, nested paths): <https://doc.rust-lang.org/book/ch07-04-bringing-paths-into-scope-with-the-use-keyword.html>
//! - The Rust Book, ch. 7.5 Separating Modules into Different Files (`name.rs` and `name/mod.rs`): <https://doc.rust-lang.org/book/ch07-05-separating-modules-into-different-files.html>
//! - The Rust Book, ch. 12.3 Refactoring to Improve Modularity (main.rs beside lib.rs): <https://doc.rust-lang.org/book/ch12-03-improving-error-handling-and-modularity.html>
//! - The Cargo Book, Package Layout: <https://doc.rust-lang.org/cargo/guide/project-layout.html>

fn main() {
    use fleet::server_utils::format_status;
    use fleet::server_utils::{self, self as su, Server};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let hosts = if args.is_empty() {
        vec!["web-01".to_string()]
    } else {
        args
    };
    for (i, host) in hosts.iter().enumerate() {
        let server = Server::new(host, &format!("10.0.1.{}", i + 1));
        println!("{}", format_status(&server, su::check_health(host)));
    }
    let port = server_utils::DEFAULT_PORT;
    println!("default port: {port}");
}
