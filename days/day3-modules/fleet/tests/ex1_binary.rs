//! Exercise 1, step 3: the binary `fleet` (the seed's `main.py`), run as a learner would run it.
//!
//! Cargo builds the binary beside this test and tells it where: `CARGO_BIN_EXE_fleet`.

use std::process::Command;

// Reads `src/main.rs` for the one thing running it cannot show: how it names the library.
use workbook_testkit::rust_source;

use rust_source::Source;

/// The learner's `src/main.rs`, as the binary under test was built from it.
const MAIN_RS: &str = include_str!("../src/main.rs");

/// The binary under test. The grader runs these tests only when the crate's library and binary
/// compile, so this is always a build of the current sources.
fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_fleet")
}

/// Runs the binary with `args`; its stdout, split into lines.
fn run(args: &[&str]) -> Vec<String> {
    let output = Command::new(binary())
        .args(args)
        .output()
        .expect("the binary `fleet` runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "`fleet {}` must exit with success, but it failed ({}):\n{}",
        args.join(" "),
        output.status,
        stderr.lines().take(5).collect::<Vec<_>>().join("\n")
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect()
}

fn without_arguments_it_checks_web_01() {
    assert_eq!(
        run(&[]),
        ["web-01 (10.0.1.1:8080): healthy", "default port: 8080"],
        "with no arguments, the program checks web-01 alone (ip 10.0.1.1), then prints the default port"
    );
}

fn it_checks_every_hostname_given() {
    assert_eq!(
        run(&["web-01", "db_01", "cache-3"]),
        [
            "web-01 (10.0.1.1:8080): healthy",
            "db_01 (10.0.1.2:8080): unhealthy",
            "cache-3 (10.0.1.3:8080): healthy",
            "default port: 8080",
        ],
        "one line per argument, in order, the n-th on 10.0.1.<n>; then the default port"
    );
}

/// The library's items the program must use, as the task in `src/main.rs` says.
const LIBRARY_ITEMS: [(&str, &str); 4] = [
    (
        "check_health",
        "check each hostname with `check_health(hostname)`",
    ),
    (
        "format_status",
        "print each line with `format_status(&server, ...)`",
    ),
    (
        "Server",
        "build each server with `Server::new(hostname, ip)`",
    ),
    ("DEFAULT_PORT", "print the last line from `DEFAULT_PORT`"),
];

fn main_uses_the_library_not_a_copy_of_it() {
    let main = Source::new(MAIN_RS);
    if let Some(module) = main.file_modules().first() {
        panic!(
            "src/main.rs declares `mod {module};`: that compiles a second copy of the library's \
             file into the binary instead of using the library. The binary is a crate of its own \
             that reaches the library by its name: remove the `mod` line and write \
             `use fleet::server_utils;`."
        );
    }
    for (item, task) in LIBRARY_ITEMS {
        for keyword in ["fn", "struct", "const", "static", "enum", "type"] {
            assert!(
                !main.declared(keyword).iter().any(|name| name == item),
                "src/main.rs defines its own `{item}` (`{keyword} {item}`): the program must use \
                 the library's `fleet::server_utils::{item}`, not a copy of it. Remove yours and \
                 import the library's."
            );
        }
        assert!(
            main.names_item(&["server_utils"], item),
            "src/main.rs never names `{item}`: {task}, the library's item, reached through \
             one of the three imports (the program is the seed's main.py: it uses server_utils, it \
             does not redo its work)"
        );
    }
}

fn main_uses_server_utils_in_all_three_import_styles() {
    let main = Source::new(MAIN_RS);
    let module = ["fleet", "server_utils"];
    let module_imports: Vec<&str> = main
        .imports()
        .iter()
        .filter(|import| import.path == module)
        .filter_map(|import| import.name.as_deref())
        .collect();

    // 1. `import server_utils`
    assert!(
        module_imports.contains(&"server_utils"),
        "src/main.rs has no `use fleet::server_utils;`, the seed's `import server_utils` (style 1 \
         of 3): import the module itself, then call through it, `server_utils::check_health(..)`. \
         (Grouped spellings count too: `use fleet::server_utils::{{self, Server}};`. The module \
         under another name, `{{self as su}}`, is style 3, the alias: style 1 keeps its own name.)"
    );
    assert!(
        main.names_a_path_through("server_utils"),
        "src/main.rs imports the module (`use fleet::server_utils;`) but never uses it: call at \
         least one item through it, as `server_utils::check_health(..)` (style 1 of 3, the seed's \
         `server_utils.check_health(...)`)"
    );

    // 2. `from server_utils import check_health, Server`
    let items: Vec<&str> = main
        .imports()
        .iter()
        .filter(|import| import.path.len() == 3 && import.path[..2] == module)
        .filter_map(|import| import.name.as_deref())
        .filter(|name| *name != "_")
        .collect();
    assert!(
        !items.is_empty(),
        "src/main.rs imports no item of server_utils by name, the seed's `from server_utils import \
         check_health, Server` (style 2 of 3): write e.g. `use fleet::server_utils::{{DEFAULT_PORT, \
         Server}};` and use them by their short names. A glob (`use fleet::server_utils::*;`) is \
         not this style: name the items, as the seed's `import *` warning asks."
    );
    assert!(
        items.iter().any(|item| main.names_unqualified(item)),
        "src/main.rs imports {} from server_utils by name but never uses {}: call or name an \
         imported item by its short name (style 2 of 3)",
        items.join(", "),
        if items.len() == 1 { "it" } else { "them" }
    );

    // 3. `import server_utils as su`
    let aliases: Vec<&str> = module_imports
        .iter()
        .copied()
        .filter(|name| *name != "server_utils" && *name != "_")
        .collect();
    assert!(
        !aliases.is_empty(),
        "src/main.rs has no `use fleet::server_utils as su;`, the seed's `import server_utils as su` \
         (style 3 of 3): import the module under another name (any name), then call through it, \
         `su::format_status(..)`"
    );
    assert!(
        aliases.iter().any(|alias| main.names_a_path_through(alias)),
        "src/main.rs imports server_utils as `{}` but never uses that name: call at least one item \
         through it, as `{}::format_status(..)` (style 3 of 3)",
        aliases[0],
        aliases[0]
    );
}

workbook_harness::main!(
    without_arguments_it_checks_web_01,
    it_checks_every_hostname_given,
    main_uses_the_library_not_a_copy_of_it,
    main_uses_server_utils_in_all_three_import_styles,
);
