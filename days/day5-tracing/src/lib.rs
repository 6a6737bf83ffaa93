//! # Day 5: tracing as logging
//!
//! The seed's Day 5 (why logging and not print, levels, basicConfig and formats, console and file
//! handlers, RotatingFileHandler, context and exceptions, structured extra data, an operation
//! timer, per-module loggers, never logging secrets) in Rust, with tracing and tracing-subscriber.
//! Read `README.md` first: it sets each Python idea beside its Rust counterpart. Then the exercises:
//!
//! 1. `src/ex1_setup.rs`: a logging setup with a console and a size-rotating file, each with its
//!    own level and format, and per-module levels.
//! 2. `src/ex2_print_to_tracing.rs`: an SRE script full of `println!`, turned into events with
//!    levels and fields, an operation timer as a span, and a password that never reaches the log.
//! 3. The capstone (`capstone/`, `cargo capstone`): its logging is the setup of exercise 1.
//! 4. `src/drills.rs`: the day's ten drills, the last three a review of Days 2, 3 and 4.
//!
//! The exercise files are compiled by their own test targets (`#[path]`), not by this library, so
//! one that does not compile never hides the others. Grade with `cargo day 5`.
