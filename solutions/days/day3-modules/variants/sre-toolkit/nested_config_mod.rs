//! # `sre_toolkit::config` (the seed's `config/__init__.py`)
//!
//! The root of a folder module in the older style: `mod.rs` inside the folder `src/config/`.

pub mod loader;

pub use self::loader::Config;
pub use self::loader::load_config;
