//! # The `fleet` library (alternative solution)
//!
//! The module declared with its documentation on the line, the way a library documents its
//! public modules.

/// The seed's `server_utils.py`: a constant, three functions and a struct.
pub mod server_utils;
