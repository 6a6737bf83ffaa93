//! # `sre_toolkit::config` (the seed's `config/__init__.py`)
//!
//! The root of a folder module in the older style: `mod.rs` inside the folder `src/config/`.

// TODO (step 1): declare the public module `loader`.

// TODO (step 2): re-export `Config` and `load_config` from `loader`.
