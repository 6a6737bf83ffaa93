//! # Area 6: your own tests
//!
//! The seed's capstone asks for "at least 5 tests" (`tests/test_models.py`, `test_checks.py`,
//! `test_alerts.py`). Write yours here: **at least five `#[test]` functions**, all passing.
//!
//! ## How they are graded
//!
//! A test earns its keep by what it catches. The grader runs your tests beside the canonical ones
//! (`cargo capstone`), first against the reference solution, where every one of them must pass,
//! and then against copies of the library with a **planted bug** each: a slip a learner plausibly
//! makes in `models`, `checks`, `alerts` or `runner` (an off-by-one threshold, an alert opened
//! again every round, a secret that prints itself, ...). A bug is caught when at least one of your
//! tests fails on it. The area's score is the share of the planted bugs your tests catch, and it
//! is never full while one of your tests fails. So `assert!(true)`, or a test that only builds a
//! value, earns nothing: assert what the library promises.
//!
//! What makes a good test here, as in pytest:
//! - one question per test, named as a sentence: `fn a_disk_at_the_critical_level_is_critical()`;
//! - about a promise of the public API written in the lessons (the headers of `src/*.rs`): a
//!   threshold edge, what a `Secret` prints, an alert that must not repeat, an alert that opens
//!   again after it resolved, the status of a report, the defaults of a minimal config;
//! - deterministic: hand the checks `FixedReadings` (or your own `SystemReadings`), give
//!   timestamps explicitly, and use only 127.0.0.1 for ports
//!   (`TcpListener::bind("127.0.0.1:0")` picks a free one).
//!
//! This file is a test crate of its own: it sees the library like any user would, through its
//! public API (`use sre_monitor::...`), the way `tests/test_*.py` import `sre_monitor`.
//!
//! ```rust,ignore
//! use sre_monitor::checks::Thresholds;
//! use sre_monitor::models::Status;
//!
//! #[test]
//! fn a_reading_at_the_warning_level_is_a_warning() {
//!     let t = Thresholds::new(80.0, 90.0).unwrap();
//!     assert_eq!(t.classify(80.0), Status::Warning);
//! }
//! ```
//!
//! Run them with `cargo capstone` (or `cargo test -p sre-monitor --test my_tests` while you work).
//!
//! ## Read more
//!
//! The Rust Book, [ch. 11, Writing Automated Tests](https://doc.rust-lang.org/book/ch11-00-testing.html)
//! and [ch. 11.3, integration tests](https://doc.rust-lang.org/book/ch11-03-test-organization.html#integration-tests).
