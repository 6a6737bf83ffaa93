//! The day's ten drills, one test each.

#[path = "../src/drills.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod drills;

// Named, not `drills::*`: a glob would let the learner's items shadow the prelude's.
use drills::{
    Both, Checkable, CpuCheck, Drill2, Drill6, Drill7, Drill8, Endpoint, PingProbe, Probe,
    PythonTool, Repr, RustWay, Situation, ToDict, drill2_instantiate_the_trait, drill5_summary,
    drill6_greet_as_blue, drill6_greet_as_crimson, drill6_which_greet, drill7_failing,
    drill7_structural, drill8_forget_a_required_method, drill10_python, drill10_rust,
};

/// A probe of the test's own: it can only exist if `Probe` asks for exactly `target` and `is_up`.
struct Always(bool);

impl Probe for Always {
    fn target(&self) -> String {
        "db-01".to_string()
    }
    fn is_up(&self) -> bool {
        self.0
    }
}

impl ToDict for Always {
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![("zone", "eu-1".to_string()), ("kind", "db".to_string())]
    }
}

fn drill01_describe_is_a_provided_method() {
    assert_eq!(
        Always(true).describe(),
        "db-01: up",
        "describe() is `<target>: up` when is_up() is true"
    );
    assert_eq!(
        Always(false).describe(),
        "db-01: down",
        "describe() is `<target>: down` when is_up() is false"
    );
}

fn drill02_a_trait_is_not_a_value() {
    assert_eq!(
        drill2_instantiate_the_trait(),
        Drill2::DoesNotCompile,
        "`let p = Probe;` is rejected by the compiler (E0423: expected value, found trait): a trait has no \
         constructor and no instances of its own, only types that implement it. Python finds out when the line runs."
    );
}

fn drill03_ping_probe_implements_every_required_method() {
    let up = PingProbe {
        host: "web-01".into(),
        answered: true,
    };
    let down = PingProbe {
        host: "web-02".into(),
        answered: false,
    };
    assert_eq!(up.target(), "web-01", "a PingProbe's target is its host");
    assert!(
        up.is_up() && !down.is_up(),
        "a PingProbe is up when the host answered"
    );
    assert_eq!(
        down.describe(),
        "web-02: down",
        "PingProbe gets describe() from the trait, for free"
    );
}

fn drill04_to_dict_is_built_from_fields() {
    let probe = PingProbe {
        host: "web-01".into(),
        answered: true,
    };
    let dict = probe.to_dict();
    assert_eq!(
        dict.get("host").map(String::as_str),
        Some("web-01"),
        "to_dict() of a PingProbe must hold its host"
    );
    assert_eq!(
        dict.get("answered").map(String::as_str),
        Some("true"),
        "to_dict() must hold `answered` as \"true\"/\"false\""
    );
    assert_eq!(
        dict.len(),
        2,
        "a PingProbe has exactly two fields: host and answered"
    );
    let other = Always(true).to_dict();
    assert_eq!(
        other.get("zone").map(String::as_str),
        Some("eu-1"),
        "to_dict() must be a provided method of ToDict, built on fields(): it works for any type"
    );
}

fn drill05_two_traits_one_bound() {
    let line = drill5_summary(&PingProbe {
        host: "web-01".into(),
        answered: true,
    });
    assert_eq!(
        line, "web-01: up answered=true host=web-01",
        "describe(), then key=value pairs in sorted key order"
    );
    let other = drill5_summary(&Always(false));
    assert_eq!(
        other, "db-01: down kind=db zone=eu-1",
        "drill5_summary must work for any Probe + ToDict type"
    );
}

fn drill06_name_clashes_need_fully_qualified_syntax() {
    assert_eq!(
        drill6_which_greet(),
        Drill6::DoesNotCompile,
        "`Both.greet()` is ambiguous (E0034: multiple applicable items in scope). Rust has no MRO to pick \
         one: you name the trait, `<Both as Blue>::greet(&both)`."
    );
    assert_eq!(
        drill6_greet_as_blue(&Both),
        "B",
        "<Both as Blue>::greet gives Blue's \"B\""
    );
    assert_eq!(
        drill6_greet_as_crimson(&Both),
        "C",
        "<Both as Crimson>::greet gives Crimson's \"C\""
    );
}

fn drill07_checkable_by_impl_not_by_shape() {
    assert_eq!(
        drill7_structural(),
        Drill7::NoTraitsAreNominal,
        "Rust's traits are nominal: methods with the right names are not enough, only `impl Checkable for CpuCheck` \
         makes CpuCheck Checkable (Python's Protocol is structural)"
    );
    assert_eq!(
        Checkable::name(&CpuCheck),
        "CPU Usage",
        "CpuCheck's Checkable::name() is \"CPU Usage\", as in the seed"
    );
    assert!(
        Checkable::check(&CpuCheck),
        "CpuCheck's Checkable::check() passes, as in the seed"
    );
    assert_eq!(
        drill7_failing(&[CpuCheck, CpuCheck]),
        Vec::<String>::new(),
        "drill7_failing lists the names of the checks that FAIL: CPU checks pass, so there are none"
    );
}

struct Named(&'static str, bool);

impl Checkable for Named {
    fn check(&self) -> bool {
        self.1
    }
    fn name(&self) -> String {
        self.0.to_string()
    }
}

fn drill07_failing_lists_the_failing_names_in_order() {
    let checks = [
        Named("disk", false),
        Named("cpu", true),
        Named("dns", false),
    ];
    assert_eq!(
        drill7_failing(&checks),
        vec!["disk", "dns"],
        "the names of the failing checks, in order"
    );
}

fn drill08_a_forgotten_method_is_a_compile_error() {
    assert_eq!(
        drill8_forget_a_required_method(),
        Drill8::DoesNotCompile,
        "leaving out a required method is E0046 (not all trait items implemented), at build time; Python raises \
         TypeError only when someone instantiates the class"
    );
}

fn drill09_repr_for_every_debug_type() {
    let e = Endpoint {
        host: "10.0.1.1".into(),
        port: 443,
    };
    let repr = e.repr();
    assert!(
        repr.contains("Endpoint") && repr.contains("10.0.1.1") && repr.contains("443"),
        "repr() must be the Debug text (type name and fields), got {repr:?}"
    );
    assert!(
        !repr.contains('\n'),
        "repr() is the one-line Debug text, `{{:?}}`, like Python's repr(); the pretty `{{:#?}}` spreads it over \
         lines, got {repr:?}"
    );
    assert_eq!(
        42u16.repr(),
        "42",
        "the blanket impl gives repr() to every Debug type, even u16"
    );
    assert_eq!(vec!["a"].repr(), r#"["a"]"#, "and to a Vec<&str>");
    assert_eq!(
        e.to_string(),
        "10.0.1.1:443",
        "Endpoint's Display (Python's __str__) is host:port"
    );
}

fn drill10_abc_or_protocol() {
    use Situation::*;
    let cases = [
        (
            SharedCodeAndEnforcement,
            PythonTool::Abc,
            "shared run() and an error for a missing check(): that is what an ABC gives",
        ),
        (
            ThirdPartyClasses,
            PythonTool::Protocol,
            "you cannot make a third-party class inherit from your ABC: a Protocol matches it by shape",
        ),
        (
            StaticDuckTyping,
            PythonTool::Protocol,
            "duck typing that mypy checks, with no base class, is a Protocol",
        ),
        (
            ExplicitMembership,
            PythonTool::Abc,
            "only classes that choose to be a Base: inheriting from an ABC is that choice",
        ),
    ];
    for (situation, expected, why) in cases {
        assert_eq!(drill10_python(situation), expected, "{situation:?}: {why}");
    }
    assert_eq!(
        drill10_rust(),
        RustWay::ImplYourTraitForTheirType,
        "Rust has no structural matching, but you may implement your own trait for a type from another crate \
         (the orphan rule forbids only a foreign trait for a foreign type)"
    );
}

workbook_harness::main!(
    drill01_describe_is_a_provided_method,
    drill02_a_trait_is_not_a_value,
    drill03_ping_probe_implements_every_required_method,
    drill04_to_dict_is_built_from_fields,
    drill05_two_traits_one_bound,
    drill06_name_clashes_need_fully_qualified_syntax,
    drill07_checkable_by_impl_not_by_shape,
    drill07_failing_lists_the_failing_names_in_order,
    drill08_a_forgotten_method_is_a_compile_error,
    drill09_repr_for_every_debug_type,
    drill10_abc_or_protocol,
);
