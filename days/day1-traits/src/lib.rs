//! # Day 1: traits as ABCs
//!
//! The seed's OOP deep dive (ABCs, Protocols, mixins, MRO) in Rust. Read `README.md` first: it
//! sets each Python idea beside its Rust counterpart. Then open the exercises, in order:
//!
//! 1. `src/ex1_health_checks.rs`: a health-check framework. `abc.ABC` and `@abstractmethod` as a
//!    trait with required and provided methods; `Box<dyn HealthCheck>` for "any check".
//! 2. `src/ex2_mixins.rs`: timestamps, validation and comparison mixins on a `Server`, as
//!    default methods, a blanket impl and a key order.
//! 3. `src/ex3_restartable.rs`: a `Restartable` protocol on three unrelated types; `isinstance`
//!    as a generic bound.
//! 4. `src/drills.rs`: the day's ten drills.
//!
//! Each exercise file is compiled by its own test target (`tests/<exercise>.rs` includes it with
//! `#[path]`), not by this library: an exercise that does not compile yet never hides the results
//! of the others. So this file declares no module. Grade your work with `cargo day 1`.
