//! One entry of an exercise's `forbid` list, as the manifest writes it: a path under `std`, a
//! macro, an attribute, or `unsafe`.

use std::fmt;

/// The crates whose paths a policy names; each is the others' equivalent where a module exists in
/// more than one (`core::net` is `std::net`).
pub(crate) const STD_CRATES: [&str; 3] = ["std", "core", "alloc"];

/// The macros a policy can forbid.
pub const MACROS: [&str; 5] = [
    "include",
    "include_str",
    "include_bytes",
    "env",
    "option_env",
];

/// The attributes a policy can forbid.
pub const ATTRIBUTES: [&str; 6] = [
    "path",
    "macro_export",
    "no_mangle",
    "export_name",
    "link",
    "link_section",
];

/// Something an exercise's learner files may not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forbidden {
    /// A module or item and everything under it: `["std", "process"]` forbids `std::process::exit`
    /// (and `core::process`, `alloc::process`).
    Path(Vec<String>),
    /// A macro by name, without its `!`: `include`.
    Macro(String),
    /// An attribute by name: `path`, outer (`#[path]`) or inner (`#![path]`).
    Attribute(String),
    /// The keyword `unsafe`: blocks, functions, impls, traits, `unsafe extern`, `unsafe(..)`.
    Unsafe,
}

impl Forbidden {
    /// Reads one entry of a `forbid` list; the `Err` says what entries there are.
    pub fn parse(entry: &str) -> Result<Forbidden, String> {
        let entry = entry.trim();
        if entry == "unsafe" {
            return Ok(Forbidden::Unsafe);
        }
        if let Some(name) = entry.strip_suffix('!') {
            return if MACROS.contains(&name) {
                Ok(Forbidden::Macro(name.to_owned()))
            } else {
                Err(format!(
                    "`{entry}` is not a macro a policy can forbid (one of: {})",
                    MACROS.map(|m| format!("`{m}!`")).join(", ")
                ))
            };
        }
        let attribute = entry
            .strip_prefix("#![")
            .or_else(|| entry.strip_prefix("#["))
            .map(|rest| rest.strip_suffix(']').unwrap_or("\0"))
            .unwrap_or(entry);
        if ATTRIBUTES.contains(&attribute) {
            return Ok(Forbidden::Attribute(attribute.to_owned()));
        }
        if entry.starts_with('#') {
            return Err(format!(
                "`{entry}` is not an attribute a policy can forbid (one of: {})",
                ATTRIBUTES.map(|a| format!("`#[{a}]`")).join(", ")
            ));
        }
        let segments: Vec<String> = entry
            .trim_start_matches("::")
            .split("::")
            .map(|s| s.trim().to_owned())
            .collect();
        let identifiers = segments.iter().all(|s| {
            s.chars()
                .next()
                .is_some_and(|c| c == '_' || c.is_alphabetic())
                && s.chars().all(|c| c == '_' || c.is_alphanumeric())
        });
        if segments.len() >= 2 && identifiers && STD_CRATES.contains(&segments[0].as_str()) {
            return Ok(Forbidden::Path(segments));
        }
        Err(format!(
            "`{entry}` is not something a policy can forbid: give a module or item under std, core \
             or alloc (`std::process`, `std::process::exit`), a macro ({}), an attribute ({}) or \
             `unsafe`",
            MACROS.map(|m| format!("`{m}!`")).join(", "),
            ATTRIBUTES.map(|a| format!("`#[{a}]`")).join(", ")
        ))
    }
}

impl fmt::Display for Forbidden {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Forbidden::Path(segments) => f.write_str(&segments.join("::")),
            Forbidden::Macro(name) => write!(f, "{name}!"),
            Forbidden::Attribute(name) => write!(f, "#[{name}]"),
            Forbidden::Unsafe => f.write_str("unsafe"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_entry_reads_back_as_written() {
        for (entry, shown) in [
            ("std::process", "std::process"),
            ("::std::process::exit", "std::process::exit"),
            ("core::ptr", "core::ptr"),
            ("include!", "include!"),
            ("include_bytes!", "include_bytes!"),
            ("#[path]", "#[path]"),
            ("#![path]", "#[path]"),
            ("macro_export", "#[macro_export]"),
            ("#[no_mangle]", "#[no_mangle]"),
            ("unsafe", "unsafe"),
        ] {
            let parsed = Forbidden::parse(entry).unwrap_or_else(|e| panic!("{entry}: {e}"));
            assert_eq!(parsed.to_string(), shown, "{entry}");
        }
    }

    #[test]
    fn unknown_entries_say_what_is_allowed() {
        for entry in [
            "serde_json",
            "std",
            "process",
            "println!",
            "#[derive]",
            "#[path",
            "std::pro cess",
        ] {
            let err = Forbidden::parse(entry).expect_err(entry);
            assert!(err.contains(entry.trim()), "{entry}: {err}");
        }
    }
}
