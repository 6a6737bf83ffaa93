//! # The `fleet` library: the crate root
//!
//! This file is the root of the library crate `fleet`. A file in `src/` is **not** part of the
//! crate until its parent declares it: `src/server_utils.rs` is compiled only once this file says
//! `mod server_utils;`, and it can be used from outside (from `src/main.rs`, from the tests) only
//! if the declaration is `pub`. Without it, the file is silently left out, and every path to it
//! fails to compile: "unresolved import `fleet::server_utils`".
//!
//! Exercise 1 starts in `src/server_utils.rs`: read its header first.

// TODO (exercise 1, step 1): declare the module `server_utils`, public, so that the binary and the
// tests can reach it as `fleet::server_utils`.
