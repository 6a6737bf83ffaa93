//! # Area 6: your own tests
//!
//! The seed's capstone asks for "at least 5 tests" (`tests/test_models.py`, `test_checks.py`,
//! `test_alerts.py`). Write yours here: **at least five `#[test]` functions that pass**. The
//! grader runs them beside the canonical tests (`cargo capstone`) and counts the ones that pass:
//! the area earns a fifth of its weight per passing test, up to five, and it is done when five or
//! more pass and none fails.
//!
//! What makes a good test here, as in pytest:
//! - one question per test, named as a sentence: `fn a_disk_at_the_critical_level_is_critical()`;
//! - deterministic: hand the checks `FixedReadings` (or your own `SystemReadings`), give
//!   timestamps explicitly, and use only 127.0.0.1 for ports
//!   (`TcpListener::bind("127.0.0.1:0")` picks a free one);
//! - about behaviour the canonical tests do not pin down, for instance: thresholds with equal
//!   levels, a full disk, an alert that opens again after it resolved, the table's columns
//!   widening for a long name, the defaults of a minimal config, a `LiveSystem` port check
//!   against a real listener.
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
