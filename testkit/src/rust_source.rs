//! Reading a learner's Rust file, for the few properties that running the code cannot show: how a
//! file names things (its `use` declarations), what it declares itself, and the visibility it
//! gives an item. Day 3's and Day 5's tests use it only where the exercise text says so, and each
//! rule accepts every spelling the compiler accepts: grouped or separate `use` lines, `self` in a
//! group, any alias, `::`-prefixed paths, paths through an earlier import, comments anywhere.
//!
//! It is a lexer, not a parser: comments are skipped, and a string literal is one token (its
//! text kept, since a format string can name a variable: `"{DEFAULT_PORT}"`).

/// One token of Rust source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// An identifier or a keyword (`r#name` gives `name`).
    Ident(String),
    /// A string literal's text, escapes left as written.
    Str(String),
    /// `::`, or any other single punctuation character.
    Punct(String),
}

/// The tokens of `source`, without comments, whitespace, numbers, chars and lifetimes.
pub fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some(end) = raw_string_end(&chars, i) {
            let (start, stop) = end;
            out.push(Token::Str(chars[start..stop.0].iter().collect()));
            i = stop.1;
        } else if c == '"' || ((c == 'b' || c == 'c') && at(i + 1) == '"') {
            let start = if c == '"' { i + 1 } else { i + 2 };
            let mut j = start;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            out.push(Token::Str(
                chars[start..j.min(chars.len())].iter().collect(),
            ));
            i = j + 1;
        } else if c == '\'' || (c == 'b' && at(i + 1) == '\'') {
            // A char literal ('x', '\n', b'x') or a lifetime / label ('a, 'static): skipped.
            let q = if c == 'b' { i + 1 } else { i };
            if at(q + 1) == '\\' {
                let mut j = q + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                i = q + 1;
                while i < chars.len() && is_ident_char(chars[i]) {
                    i += 1;
                }
            }
        } else if c == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
            let start = i + 2;
            i = start;
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if is_ident_start(c) {
            let start = i;
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (is_ident_char(chars[i])) {
                i += 1;
            }
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token::Punct("::".to_string()));
            i += 2;
        } else {
            out.push(Token::Punct(c.to_string()));
            i += 1;
        }
    }
    out
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// For a raw string starting at `i` (`r"…"`, `r#"…"#`, `br"…"`, `cr#"…"#`): where its text starts,
/// and where its text ends and the literal ends.
fn raw_string_end(chars: &[char], i: usize) -> Option<(usize, (usize, usize))> {
    let mut j = i;
    if matches!(chars.get(j), Some('b' | 'c')) {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    if chars.get(j) != Some(&'"') {
        return None;
    }
    let start = j + 1;
    let mut k = start;
    while k < chars.len() {
        if chars[k] == '"'
            && chars[k + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            return Some((start, (k, k + 1 + hashes)));
        }
        k += 1;
    }
    Some((start, (chars.len(), chars.len())))
}

/// One name that a `use` declaration brings into scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The full path, segments without a leading `::` or `self`: `["fleet", "server_utils"]`.
    /// A path that starts with a name an earlier import brought in is spelt out through it.
    pub path: Vec<String>,
    /// The name in scope (`su` for `... as su`, `_` for `as _`), or `None` for a glob (`::*`).
    pub name: Option<String>,
}

/// A Rust file, read: its tokens, with the `use` declarations set apart.
pub struct Source {
    tokens: Vec<Token>,
    /// For each token, whether it is part of a `use` declaration.
    in_use: Vec<bool>,
    imports: Vec<Import>,
}

impl Source {
    pub fn new(text: &str) -> Source {
        let tokens = tokens(text);
        let mut in_use = vec![false; tokens.len()];
        let mut imports = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i] == ident("use") {
                let start = i;
                i += 1;
                use_tree(&tokens, &mut i, &[], &mut imports);
                while i < tokens.len() && tokens[i] != punct(";") {
                    i += 1;
                }
                for flag in &mut in_use[start..=i.min(tokens.len() - 1)] {
                    *flag = true;
                }
            }
            i += 1;
        }
        // Spell out a path that starts with an earlier import's name (`use server_utils::Server;`
        // after `use fleet::server_utils;`), a few rounds for chains.
        for _ in 0..4 {
            let known = imports.clone();
            for import in &mut imports {
                let Some(first) = import.path.first() else {
                    continue;
                };
                if let Some(through) = known.iter().find(|k| {
                    k.name.as_deref() == Some(first.as_str())
                        && k.path != import.path
                        && k.path.len() > 1
                }) {
                    let mut path = through.path.clone();
                    path.extend(import.path[1..].iter().cloned());
                    import.path = path;
                }
            }
        }
        Source {
            tokens,
            in_use,
            imports,
        }
    }

    /// Every name the file's `use` declarations bring in.
    pub fn imports(&self) -> &[Import] {
        &self.imports
    }

    /// The tokens outside `use` declarations.
    fn code(&self) -> impl Iterator<Item = (usize, &Token)> {
        self.tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.in_use[*i])
    }

    /// Whether the code outside `use` declarations refers to `name`: as an identifier that is
    /// not the name of a declaration (`fn name`, `const name`, ...), or inside a format string
    /// (`"{name}"`, `"{name:>5}"`).
    pub fn names(&self, name: &str) -> bool {
        self.code().any(|(i, token)| match token {
            Token::Ident(id) => id == name && !self.declares_at(i),
            Token::Str(text) => format_args_of(text).iter().any(|arg| arg == name),
            Token::Punct(_) => false,
        })
    }

    /// Whether the code refers to `name` by its short name: as [`Source::names`], but not as the
    /// last part of a longer path (`naming::name`).
    pub fn names_unqualified(&self, name: &str) -> bool {
        self.code().any(|(i, token)| match token {
            Token::Ident(id) => {
                id == name && !self.declares_at(i) && (i == 0 || self.tokens[i - 1] != punct("::"))
            }
            Token::Str(text) => format_args_of(text).iter().any(|arg| arg == name),
            Token::Punct(_) => false,
        })
    }

    /// Whether the identifier at `i` is the name of a declaration.
    fn declares_at(&self, i: usize) -> bool {
        i > 0 && matches!(&self.tokens[i - 1], Token::Ident(k) if DECLARING.contains(&k.as_str()))
    }

    /// Whether the code refers to the item `item` of a module whose path ends with `module`:
    /// by its own name, or by the name an import gives it (`use ...::module::item as other;`).
    pub fn names_item(&self, module: &[&str], item: &str) -> bool {
        self.names(item)
            || self.imports.iter().any(|import| {
                import.path.len() > module.len()
                    && import.path.last().map(String::as_str) == Some(item)
                    && import.path[..import.path.len() - 1]
                        .ends_with(&module.iter().map(|m| m.to_string()).collect::<Vec<_>>())
                    && import
                        .name
                        .as_deref()
                        .is_some_and(|name| name != item && name != "_" && self.names(name))
            })
    }

    /// Whether the code outside `use` declarations has a path through `name`: `name::...`.
    pub fn names_a_path_through(&self, name: &str) -> bool {
        self.code().any(|(i, token)| {
            *token == ident(name)
                && self.tokens.get(i + 1) == Some(&punct("::"))
                && (i == 0 || self.tokens[i - 1] != punct("::"))
        })
    }

    /// The names of the items this file declares with `keyword` (`fn`, `struct`, `mod`, ...).
    pub fn declared(&self, keyword: &str) -> Vec<String> {
        let mut names = Vec::new();
        for (i, token) in self.code() {
            if *token == ident(keyword)
                && let Some(Token::Ident(name)) = self.tokens.get(i + 1)
                && !is_keyword(name)
            {
                names.push(name.clone());
            }
        }
        names
    }

    /// The modules this file declares without a body (`mod name;`): each one is a file the
    /// compiler reads into this crate.
    pub fn file_modules(&self) -> Vec<String> {
        self.code()
            .filter_map(|(i, token)| {
                match (token, self.tokens.get(i + 1), self.tokens.get(i + 2)) {
                    (Token::Ident(m), Some(Token::Ident(name)), Some(semi))
                        if m == "mod" && *semi == punct(";") =>
                    {
                        Some(name.clone())
                    }
                    _ => None,
                }
            })
            .collect()
    }

    /// The visibility written before `fn name`: `Some("pub")`, `Some("pub(crate)")`,
    /// `Some("private")`, or `None` when the file has no such function.
    pub fn visibility_of_fn(&self, name: &str) -> Option<String> {
        let at = self.code().find_map(|(i, token)| {
            (*token == ident("fn") && self.tokens.get(i + 1) == Some(&ident(name))).then_some(i)
        })?;
        // Step back over the qualifiers that may sit between the visibility and `fn`.
        let mut i = at;
        while i > 0 {
            match &self.tokens[i - 1] {
                Token::Ident(q)
                    if ["const", "async", "unsafe", "extern", "safe"].contains(&q.as_str()) =>
                {
                    i -= 1
                }
                Token::Str(_) => i -= 1, // extern "C"
                _ => break,
            }
        }
        if i == 0 {
            return Some("private".to_string());
        }
        match &self.tokens[i - 1] {
            Token::Ident(p) if p == "pub" => Some("pub".to_string()),
            Token::Punct(p) if p == ")" => {
                // pub( ... ): collect back to `pub`.
                let mut j = i - 1;
                while j > 0 && self.tokens[j] != punct("(") {
                    j -= 1;
                }
                if j > 0 && self.tokens[j - 1] == ident("pub") {
                    let inner: Vec<String> = self.tokens[j + 1..i - 1]
                        .iter()
                        .map(|t| match t {
                            Token::Ident(s) | Token::Punct(s) | Token::Str(s) => s.clone(),
                        })
                        .collect();
                    Some(format!("pub({})", inner.join(" ")))
                } else {
                    Some("private".to_string())
                }
            }
            _ => Some("private".to_string()),
        }
    }
}

/// The variables a format string names inline: `{name}`, `{name:?}`, `{name:>width$}`.
fn format_args_of(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(stripped) = rest.strip_prefix('{') {
            rest = stripped; // `{{` is a literal brace
            continue;
        }
        let name: String = rest.chars().take_while(|&c| is_ident_char(c)).collect();
        if !name.is_empty() && rest[name.len()..].starts_with(['}', ':']) {
            args.push(name);
        }
    }
    args
}

/// The keywords that declare the name after them.
const DECLARING: [&str; 9] = [
    "fn", "struct", "enum", "union", "const", "static", "type", "trait", "mod",
];

fn ident(name: &str) -> Token {
    Token::Ident(name.to_string())
}

fn punct(p: &str) -> Token {
    Token::Punct(p.to_string())
}

fn is_keyword(name: &str) -> bool {
    [
        "fn", "struct", "enum", "const", "static", "type", "trait", "mod", "impl", "use", "pub",
        "let", "mut", "unsafe", "async", "extern", "for", "where", "self", "Self", "super",
        "crate",
    ]
    .contains(&name)
}

/// Reads one use tree at `tokens[*i]` under `prefix` into `out`.
fn use_tree(tokens: &[Token], i: &mut usize, prefix: &[String], out: &mut Vec<Import>) {
    let mut path: Vec<String> = prefix.to_vec();
    if tokens.get(*i) == Some(&punct("::")) {
        *i += 1;
    }
    loop {
        match tokens.get(*i) {
            Some(Token::Ident(segment)) => {
                path.push(segment.clone());
                *i += 1;
                if tokens.get(*i) == Some(&punct("::")) {
                    *i += 1;
                    continue;
                }
                let alias = if tokens.get(*i) == Some(&ident("as")) {
                    *i += 1;
                    let alias = match tokens.get(*i) {
                        Some(Token::Ident(a)) => a.clone(),
                        Some(Token::Punct(p)) if p == "_" => "_".to_string(),
                        _ => String::new(),
                    };
                    *i += 1;
                    Some(alias)
                } else {
                    None
                };
                if path.last().map(String::as_str) == Some("self") {
                    path.pop();
                }
                // A leading `self::` names this module: drop it.
                if path.first().map(String::as_str) == Some("self") && path.len() > 1 {
                    path.remove(0);
                }
                let name = alias.or_else(|| path.last().cloned());
                out.push(Import { path, name });
                return;
            }
            Some(Token::Punct(p)) if p == "_" => {
                // `as _` handled above; a bare `_` is not a path segment.
                *i += 1;
                return;
            }
            Some(Token::Punct(p)) if p == "*" => {
                *i += 1;
                if path.first().map(String::as_str) == Some("self") && path.len() > 1 {
                    path.remove(0);
                }
                out.push(Import { path, name: None });
                return;
            }
            Some(Token::Punct(p)) if p == "{" => {
                *i += 1;
                loop {
                    match tokens.get(*i) {
                        None => return,
                        Some(Token::Punct(p)) if p == "}" => {
                            *i += 1;
                            return;
                        }
                        Some(Token::Punct(p)) if p == "," => *i += 1,
                        _ => {
                            let before = *i;
                            use_tree(tokens, i, &path, out);
                            if *i == before {
                                *i += 1; // something unexpected: move on
                            }
                        }
                    }
                }
            }
            _ => return,
        }
    }
}
