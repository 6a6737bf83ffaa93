//! No sandbox: every system but Linux (macOS, Windows), and any system in the learners' build
//! (without the `instructor` feature). Commands run as they are, with the process limits the
//! `process` module applies to tests, and the report says so.

use std::path::Path;
use std::process::Command;

use super::Scope;
use super::wrapper::WrapperArgs;

/// Commands are not wrapped: there is nothing for a wrapper to apply.
pub const WRAPS: bool = false;

/// Nothing: this system offers no sandbox the grader can use.
#[derive(Debug, Clone, Default)]
pub struct Offer;

impl Offer {
    pub fn none() -> Offer {
        Offer
    }

    pub fn detect() -> Offer {
        Offer
    }

    pub fn is_real(&self) -> bool {
        false
    }

    pub fn namespace_prefix(&self) -> Option<(&Path, &[&'static str])> {
        None
    }

    pub fn wrapper_args(&self, scope: &Scope, command: &Command) -> WrapperArgs {
        WrapperArgs {
            temp_dir: scope.temp_dir.clone(),
            program: command.get_program().to_owned(),
            args: command.get_args().map(ToOwned::to_owned).collect(),
            ..WrapperArgs::default()
        }
    }

    pub fn protections(&self) -> Vec<String> {
        vec![super::NO_SANDBOX.to_owned()]
    }
}

/// Never reached: commands are not wrapped here. Says so if it is.
pub fn enter_and_run(_args: &WrapperArgs) -> String {
    "this grader has no sandbox to put in place (none on this system, or built without it)"
        .to_owned()
}
