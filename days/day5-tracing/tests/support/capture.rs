//! What code logs, captured in memory: every event and span the code under test emits, with its
//! level, target, message, fields and the spans around it, for the tests to compare. Nothing is
//! printed and nothing is timed by the clock on the wall, so code that also prints to stdout or
//! stderr grades exactly like code that does not.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// One field's value, as the code recorded it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string slice (`host = name`).
    Text(String),
    /// Anything recorded through its `Debug` text: `?host`, and `%host` too (tracing records a
    /// Display value as a Debug one that prints its Display text).
    Debug(String),
    /// An integer.
    Int(i128),
    /// A float.
    Float(f64),
    /// A bool.
    Bool(bool),
    /// An error (`error = &err as &dyn std::error::Error`): its text, then its sources' texts.
    Error { text: String, sources: Vec<String> },
}

impl Value {
    /// The value as text: a string's contents (without the quotes `?` adds), a number's digits.
    pub fn text(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Debug(text) => match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
                None => text.clone(),
            },
            Value::Int(n) => n.to_string(),
            Value::Float(x) => x.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Error { text, .. } => text.clone(),
        }
    }

    /// The value as a number, if it is one (recorded as a number, or as text that parses).
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Int(n) => Some(*n as f64),
            Value::Float(x) => Some(*x),
            other => other.text().trim().parse().ok(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Debug(text) => f.write_str(text),
            Value::Text(text) => write!(f, "{text:?}"),
            other => f.write_str(&other.text()),
        }
    }
}

/// One event.
#[derive(Debug, Clone, PartialEq)]
pub struct CapturedEvent {
    pub level: Level,
    pub target: String,
    /// The message (the format string with its arguments), empty when it has none.
    pub message: String,
    /// The other fields, by name.
    pub fields: BTreeMap<String, Value>,
    /// The names of the spans it happened in, outermost first.
    pub spans: Vec<String>,
}

impl CapturedEvent {
    /// A field's value as text, if the event has the field.
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).map(Value::text)
    }

    /// The event as a line of a log, for assertion messages: `WARN app::checks: high CPU cpu=91.5`.
    pub fn describe(&self) -> String {
        let mut line = format!("{} {}: {}", self.level, self.target, self.message);
        for (name, value) in &self.fields {
            line.push_str(&format!(" {name}={value}"));
        }
        if !self.spans.is_empty() {
            line.push_str(&format!("  (in {})", self.spans.join(" > ")));
        }
        line
    }
}

/// One span: created, given fields, and perhaps closed.
#[derive(Debug, Clone, PartialEq)]
pub struct CapturedSpan {
    pub name: String,
    pub target: String,
    pub level: Level,
    /// Its fields: those it was created with, and those recorded later.
    pub fields: BTreeMap<String, Value>,
    /// The names of the spans around it, outermost first.
    pub parents: Vec<String>,
    /// How long it lived, from creation to close; `None` while it is still open.
    pub lifetime: Option<Duration>,
}

/// Everything captured, in the order it happened.
#[derive(Debug, Default)]
struct Log {
    events: Vec<CapturedEvent>,
    spans: Vec<CapturedSpan>,
}

/// A handle on what a [`CaptureLayer`] recorded; clones share the record.
#[derive(Debug, Clone, Default)]
pub struct Capture {
    log: Arc<Mutex<Log>>,
}

impl Capture {
    pub fn new() -> Capture {
        Capture::default()
    }

    /// A layer that records into this capture.
    pub fn layer(&self) -> CaptureLayer {
        CaptureLayer {
            log: Arc::clone(&self.log),
        }
    }

    /// Every event so far.
    pub fn events(&self) -> Vec<CapturedEvent> {
        lock(&self.log).events.clone()
    }

    /// Every span so far, in the order they were created.
    pub fn spans(&self) -> Vec<CapturedSpan> {
        lock(&self.log).spans.clone()
    }

    /// The events, one line each, for assertion messages.
    pub fn describe(&self) -> String {
        let events = self.events();
        if events.is_empty() {
            return "(nothing was logged)".to_owned();
        }
        events
            .iter()
            .map(|e| format!("  {}", e.describe()))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Locks `mutex` even when a test panicked while holding it: what was recorded stays recorded.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `code` with a subscriber that captures every event and span at every level (TRACE and
/// up) as this thread's default, and returns what `code` returned and what it logged.
pub fn capture<T>(code: impl FnOnce() -> T) -> (T, Capture) {
    let capture = Capture::new();
    let subscriber = tracing_subscriber::registry().with(capture.layer());
    let result = tracing::subscriber::with_default(subscriber, code);
    (result, capture)
}

/// The layer that records; see [`Capture`].
#[derive(Debug)]
pub struct CaptureLayer {
    log: Arc<Mutex<Log>>,
}

/// Kept in a span's extensions: where its record is, and when it was created.
struct SpanSlot {
    index: usize,
    created: Instant,
}

impl<S> Layer<S> for CaptureLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        let Some(span) = ctx.span(id) else { return };
        let parents = span
            .scope()
            .skip(1)
            .map(|s| s.name().to_owned())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut log = lock(&self.log);
        log.spans.push(CapturedSpan {
            name: span.name().to_owned(),
            target: span.metadata().target().to_owned(),
            level: *span.metadata().level(),
            fields: fields.values,
            parents,
            lifetime: None,
        });
        let index = log.spans.len() - 1;
        span.extensions_mut().insert(SpanSlot {
            index,
            created: Instant::now(),
        });
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        values.record(&mut fields);
        let Some(span) = ctx.span(id) else { return };
        let extensions = span.extensions();
        let Some(slot) = extensions.get::<SpanSlot>() else {
            return;
        };
        let mut log = lock(&self.log);
        log.spans[slot.index].fields.extend(fields.values);
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        let message = fields
            .values
            .remove("message")
            .map(|m| m.text())
            .unwrap_or_default();
        let spans = ctx
            .event_scope(event)
            .map(|scope| scope.from_root().map(|s| s.name().to_owned()).collect())
            .unwrap_or_default();
        let mut log = lock(&self.log);
        log.events.push(CapturedEvent {
            level: *event.metadata().level(),
            target: event.metadata().target().to_owned(),
            message,
            fields: fields.values,
            spans,
        });
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let extensions = span.extensions();
        let Some(slot) = extensions.get::<SpanSlot>() else {
            return;
        };
        let mut log = lock(&self.log);
        log.spans[slot.index].lifetime = Some(slot.created.elapsed());
    }
}

/// A visitor that keeps every field's value.
#[derive(Default)]
struct Fields {
    values: BTreeMap<String, Value>,
}

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.values
            .insert(field.name().to_owned(), Value::Debug(format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.values
            .insert(field.name().to_owned(), Value::Text(value.to_owned()));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.values
            .insert(field.name().to_owned(), Value::Int(value.into()));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.values
            .insert(field.name().to_owned(), Value::Int(value.into()));
    }

    fn record_i128(&mut self, field: &Field, value: i128) {
        self.values
            .insert(field.name().to_owned(), Value::Int(value));
    }

    fn record_u128(&mut self, field: &Field, value: u128) {
        let value = i128::try_from(value).unwrap_or(i128::MAX);
        self.values
            .insert(field.name().to_owned(), Value::Int(value));
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        self.values
            .insert(field.name().to_owned(), Value::Float(value));
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.values
            .insert(field.name().to_owned(), Value::Bool(value));
    }

    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        let mut sources = Vec::new();
        let mut source = value.source();
        while let Some(error) = source {
            sources.push(error.to_string());
            source = error.source();
        }
        self.values.insert(
            field.name().to_owned(),
            Value::Error {
                text: value.to_string(),
                sources,
            },
        );
    }
}

/// A console for a learner's subscriber to write to: everything written, kept in memory.
#[derive(Debug, Clone, Default)]
pub struct Buffer {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl Buffer {
    pub fn new() -> Buffer {
        Buffer::default()
    }

    /// What was written, as text.
    pub fn text(&self) -> String {
        let bytes = lock(&self.bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// One write into a [`Buffer`].
#[derive(Debug)]
pub struct BufferWriter {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl io::Write for BufferWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = lock(&self.bytes);
        bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Buffer {
    type Writer = BufferWriter;

    fn make_writer(&'a self) -> BufferWriter {
        BufferWriter {
            bytes: Arc::clone(&self.bytes),
        }
    }
}
