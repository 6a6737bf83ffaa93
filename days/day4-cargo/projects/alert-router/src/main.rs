//! alert-router: the project of Day 4, exercise 2. This file is given, not yours to edit: it uses
//! fetchy 2 (as `fetchy`) and fetchy 3 (as `fetchy3`) side by side, and two crates that depend on
//! fetchy themselves. `cargo run` in this folder prints which fetchy each part was built with.

fn main() {
    let old = fetchy::Client::new("alert-router").get("https://status.example.com/health");
    let new = fetchy3::Client::new("alert-router").get("https://status.example.com/health");
    // `old` is a fetchy 2 `Request` and `new` a fetchy 3 `Request`: two different types, so
    // `old == new` would not compile. Two versions of a crate are two crates.
    println!("alert-router's fetchy: {}", fetchy::VERSION);
    println!("alert-router's fetchy3: {}", fetchy3::VERSION);
    println!("alertkit's fetchy: {}", alertkit::FETCHY_VERSION);
    println!("pagerlink's fetchy: {}", pagerlink::FETCHY_VERSION);
    let alert = alertkit::alert("disk-full");
    let page = pagerlink::page("on-call");
    println!("{} {} / {} {}", old.method, alert.url, new.method, page.url);
}
