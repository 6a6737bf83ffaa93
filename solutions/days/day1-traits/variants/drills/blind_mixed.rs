//! # Day 1 drills: ten OOP challenges, in Rust
//!
//! The seed's drills, three minutes each. Where the Python drill asks you to *see* something
//! (an error, the MRO), the Rust drill asks you to predict it: pick the answer in a function that
//! returns an enum, and the tests tell you whether you were right, and why. Then try it: write
//! the code in a scratch `fn main` and read the compiler's message.
//!
//! | # | Python (seed) | Rust (here) |
//! |---|---|---|
//! | 1 | an ABC with 2 abstract methods, 1 concrete | `Probe`: 2 required methods, 1 provided |
//! | 2 | instantiate the ABC, see the error | `Drill2`: what does `let p = Probe;` do? |
//! | 3 | a child that implements all abstract methods | `impl Probe for PingProbe` |
//! | 4 | a mixin that adds `to_dict()` | `ToDict`: a provided method over a required `fields()` |
//! | 5 | multiple inheritance: 2 mixins and a base | a bound on two traits: `T: Probe + ToDict` |
//! | 6 | print the MRO of a class with two parents | two traits, one method name: `<Both as Blue>::greet` |
//! | 7 | a Protocol, and isinstance without inheritance | `impl Checkable for CpuCheck`, a bound `T: Checkable` |
//! | 8 | a child that forgets an abstract method | `Drill8`: what does the compiler say? |
//! | 9 | a mixin that adds `__repr__` automatically | a blanket `impl<T: Debug> Repr for T`, `Display` |
//! | 10 | when to use ABC vs Protocol? | `drill10_python` and `drill10_rust` |
//!
//! ## Read more
//!
//! - The Rust Book, ch. 10.2 Traits: <https://doc.rust-lang.org/book/ch10-02-traits.html>
//! - The Rust Book, ch. 18.1 Characteristics of Object-Oriented Languages (no inheritance): <https://doc.rust-lang.org/book/ch18-01-what-is-oo.html>
//! - The Rust Book, ch. 20.2 Advanced Traits (fully qualified syntax): <https://doc.rust-lang.org/book/ch20-02-advanced-traits.html>
//! - std::fmt::Debug: <https://doc.rust-lang.org/std/fmt/trait.Debug.html>
//! - Error code E0034, multiple applicable items in scope: <https://doc.rust-lang.org/error_codes/E0034.html>
//! - Error code E0046, not all trait items implemented: <https://doc.rust-lang.org/error_codes/E0046.html>
//!
//! Write your code where the `todo!()`s are; `cargo day 1` grades each drill.
//! Stuck? `cargo hint 1 drills`.

// The `todo!()` bodies leave parameters unused until you write them.
#![allow(unused)]

use std::collections::BTreeMap;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Drill 1: an ABC with 2 abstract methods and 1 concrete method.
// ---------------------------------------------------------------------------------------------

/// Something that can be probed: two required methods, one provided.
pub trait Probe {
    /// Required: what is probed, e.g. "web-01".
    fn target(&self) -> String;
    /// Required: whether it answered.
    fn is_up(&self) -> bool;

    /// Provided: `"<target>: up"` or `"<target>: down"`.
    fn describe(&self) -> String {
        let mut s = self.target();
        s.push_str(": ");
        s.push_str(match self.is_up() {
            true => "up",
            false => "down",
        });
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 2: instantiate the ABC directly.
// ---------------------------------------------------------------------------------------------

/// What happens to `let p = Probe;` (the trait itself used as a value)?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill2 {
    /// It compiles, and panics when the program runs that line.
    PanicsAtRunTime,
    /// It does not compile: a trait is not a value and has no constructor.
    DoesNotCompile,
    /// It compiles into a `Probe` whose methods are all missing.
    CompilesToAnEmptyProbe,
}

pub fn drill2_instantiate_the_trait() -> Drill2 {
    Drill2::DoesNotCompile
}

// ---------------------------------------------------------------------------------------------
// Drill 3: a child that implements all abstract methods.
// ---------------------------------------------------------------------------------------------

/// A ping of one host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PingProbe {
    pub host: String,
    pub answered: bool,
}

impl Probe for PingProbe {
    fn target(&self) -> String {
        self.host.to_owned()
    }

    fn is_up(&self) -> bool {
        self.answered
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 4: a mixin that adds to_dict().
// ---------------------------------------------------------------------------------------------

/// `to_dict()` for any type that lists its fields.
pub trait ToDict {
    /// Required: each field's name and value, as text.
    fn fields(&self) -> Vec<(&'static str, String)>;

    /// Provided: the fields as a dictionary.
    fn to_dict(&self) -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        for (k, v) in self.fields() {
            map.insert(String::from(k), v);
        }
        map
    }
}

impl ToDict for PingProbe {
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("answered", format!("{}", self.answered)),
            ("host", self.host.clone()),
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 5: combine 2 mixins with a base class.
// ---------------------------------------------------------------------------------------------

/// One line for anything that is both a `Probe` and `ToDict`: its `describe()`, then its fields
/// as `key=value`, in the dictionary's (sorted) order, separated by single spaces.
/// For a `PingProbe` of "web-01" that answered: `web-01: up answered=true host=web-01`.
pub fn drill5_summary<T: Probe + ToDict>(item: &T) -> String {
    let mut parts = vec![item.describe()];
    parts.extend(item.to_dict().iter().map(|(k, v)| format!("{k}={v}")));
    parts.join(" ")
}

// ---------------------------------------------------------------------------------------------
// Drill 6: the MRO of a class with two parents.
// ---------------------------------------------------------------------------------------------

/// Given: two traits with the same method name.
pub trait Blue {
    fn greet(&self) -> String {
        "B".to_string()
    }
}

/// Given.
pub trait Crimson {
    fn greet(&self) -> String {
        "C".to_string()
    }
}

/// Given: a type with both.
pub struct Both;

impl Blue for Both {}
impl Crimson for Both {}

/// What does `Both.greet()` do?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill6 {
    /// It calls `Blue::greet`, because `impl Blue` comes first in the file.
    CallsTheFirstImpl,
    /// It calls `Crimson::greet`, the last impl wins.
    CallsTheLastImpl,
    /// It does not compile: the call is ambiguous (E0034); you must say which trait you mean.
    DoesNotCompile,
}

pub fn drill6_which_greet() -> Drill6 {
    Drill6::DoesNotCompile
}

/// `Blue`'s greeting for `both`, by fully qualified syntax.
pub fn drill6_greet_as_blue(both: &Both) -> String {
    Blue::greet(both)
}

/// `Crimson`'s greeting for `both`.
pub fn drill6_greet_as_crimson(both: &Both) -> String {
    <Both as Crimson>::greet(both)
}

// ---------------------------------------------------------------------------------------------
// Drill 7: a Protocol and isinstance, without inheritance.
// ---------------------------------------------------------------------------------------------

/// Given: the seed's `Checkable` protocol.
pub trait Checkable {
    fn check(&self) -> bool;
    fn name(&self) -> String;
}

/// Given: it has methods with the right names, but no `impl Checkable` of its own.
pub struct CpuCheck;

impl CpuCheck {
    pub fn check(&self) -> bool {
        true
    }

    pub fn name(&self) -> String {
        "CPU Usage".to_string()
    }
}

// Rust will not match CpuCheck to Checkable by its methods' names: this impl is what makes it one.
impl Checkable for CpuCheck {
    fn check(&self) -> bool {
        CpuCheck::check(self)
    }

    fn name(&self) -> String {
        CpuCheck::name(self)
    }
}

/// The names of the checks that fail, in order. `T: Checkable` is the `isinstance` test.
pub fn drill7_failing<T: Checkable>(checks: &[T]) -> Vec<String> {
    let mut out = vec![];
    for c in checks {
        if !c.check() {
            out.push(c.name());
        }
    }
    out
}

/// Without `impl Checkable for CpuCheck`, could `CpuCheck` be passed to `drill7_failing`?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill7 {
    /// Yes: it has `check()` and `name()`, so it matches the trait structurally.
    YesItHasTheMethods,
    /// No: traits are nominal; only an `impl Checkable for CpuCheck` makes it `Checkable`.
    NoTraitsAreNominal,
}

pub fn drill7_structural() -> Drill7 {
    Drill7::NoTraitsAreNominal
}

// ---------------------------------------------------------------------------------------------
// Drill 8: forget an abstract method.
// ---------------------------------------------------------------------------------------------

/// What happens to `impl Probe for X` that leaves out `is_up`?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drill8 {
    /// It compiles; calling `is_up()` panics.
    PanicsWhenCalled,
    /// It compiles; `X` cannot be constructed.
    CannotBeConstructed,
    /// It does not compile (E0046: not all trait items implemented).
    DoesNotCompile,
}

pub fn drill8_forget_a_required_method() -> Drill8 {
    Drill8::DoesNotCompile
}

// ---------------------------------------------------------------------------------------------
// Drill 9: a mixin that adds __repr__ automatically.
// ---------------------------------------------------------------------------------------------

/// `repr()` for every type that is `Debug`: a blanket impl.
pub trait Repr {
    fn repr(&self) -> String;
}

impl<T: fmt::Debug + ?Sized> Repr for T {
    fn repr(&self) -> String {
        format!("{:?}", self)
    }
}

/// `#[derive(Debug)]` is Python's dataclass `__repr__`: written by the compiler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
}

/// `__str__`: `host:port`.
impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_fmt(format_args!("{}:{}", self.host, self.port))
    }
}

// ---------------------------------------------------------------------------------------------
// Drill 10: ABC or Protocol?
// ---------------------------------------------------------------------------------------------

/// A situation from the Python side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Situation {
    /// Your plugin framework's checks should all share `run()`, and forgetting `check()` should
    /// fail as soon as someone creates an instance.
    SharedCodeAndEnforcement,
    /// You accept objects from a third-party library you cannot change, as long as they have
    /// `.close()`.
    ThirdPartyClasses,
    /// You want mypy to accept any object with `read()` and `write()`, with no common base class.
    StaticDuckTyping,
    /// You want `isinstance(x, Base)` to be true only for classes that chose to be a `Base`.
    ExplicitMembership,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PythonTool {
    Abc,
    Protocol,
}

pub fn drill10_python(situation: Situation) -> PythonTool {
    use Situation::*;
    match situation {
        ThirdPartyClasses | StaticDuckTyping => PythonTool::Protocol,
        SharedCodeAndEnforcement | ExplicitMembership => PythonTool::Abc,
    }
}

/// In Rust, a third-party type (from another crate) must go where your `T: Probe` is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RustWay {
    /// Nothing to write: it has the right methods, so it already is a `Probe`.
    NothingItMatchesStructurally,
    /// Write `impl Probe for TheirType` in your crate: your trait, their type, allowed.
    ImplYourTraitForTheirType,
    /// Impossible: only the crate that defines a type can implement traits for it.
    Impossible,
}

pub fn drill10_rust() -> RustWay {
    RustWay::ImplYourTraitForTheirType
}
