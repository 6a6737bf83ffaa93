//! # `sre_toolkit::monitoring` (the seed's `monitoring/__init__.py`)
//!
//! The root of a folder module, in the current style: `src/monitoring.rs` beside the folder
//! `src/monitoring/`, which holds its children. (`src/config/` shows the older style, with its
//! root inside the folder as `mod.rs`; both mean the same.)

// TODO (step 1): declare the public modules `checks` and `alerts` (files in `src/monitoring/`).
