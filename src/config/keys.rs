//! `[keys.<context>]`: the keys the user chose for each action, checked so that every action
//! keeps a key and a key bound twice is told.

use std::collections::HashMap;

use toml::de::{DeTable, DeValue};

use super::{Walk, join};
use crate::app::Action;
use crate::keymap::{Binding, Context, DEFAULT_BINDINGS, Key, Keymap};

/// The keys written for one action in one context, and where.
struct Choice {
    keys: Vec<Key>,
    /// The offset of the value in the file.
    at: usize,
}

/// What the user chose, by context and action name.
type Chosen = HashMap<(Context, &'static str), Choice>;

/// Which action each key does in each context: the first binding that lists it (as in
/// [`Keymap::new`]).
type Winners<'b> = HashMap<(Context, Key), &'b Action>;

/// The built-in bindings with the user's choices in place of their keys.
fn bindings(chosen: &Chosen) -> Vec<Binding> {
    DEFAULT_BINDINGS
        .iter()
        .map(|(context, action, keys)| {
            let keys = match action.name().and_then(|n| chosen.get(&(*context, n))) {
                Some(choice) => choice.keys.clone(),
                None => keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
            };
            Binding {
                context: *context,
                action: action.clone(),
                keys,
            }
        })
        .collect()
}

fn winners(bindings: &[Binding]) -> Winners<'_> {
    let mut first = Winners::new();
    for b in bindings {
        for &key in &b.keys {
            first.entry((b.context, key)).or_insert(&b.action);
        }
    }
    first
}

/// Where the keys of `b` do something else instead: each taken key, with the context and the
/// action that has it. A global key is taken when both panes bind it to something else, since
/// global keys work only in the panes. Empty when a key is left to `b`.
fn takers<'b>(b: &Binding, first: &Winners<'b>) -> Vec<(Key, Context, &'b Action)> {
    let mut taken = Vec::new();
    for &key in &b.keys {
        match first.get(&(b.context, key)) {
            Some(&a) if *a != b.action => taken.push((key, b.context, a)),
            _ if b.context == Context::Global => {
                let panes: Vec<(Key, Context, &Action)> = [Context::List, Context::Reader]
                    .into_iter()
                    .filter_map(|pane| Some((key, pane, *first.get(&(pane, key))?)))
                    .filter(|(_, _, a)| **a != b.action)
                    .collect();
                if panes.len() < 2 {
                    return Vec::new();
                }
                taken.extend(panes);
            }
            _ => return Vec::new(),
        }
    }
    taken
}

/// `q by quit, j by down in [keys.list]`: what took each key.
fn describe(taken: &[(Key, Context, &Action)], home: Context) -> String {
    let each: Vec<String> = taken
        .iter()
        .map(|(key, c, a)| {
            let name = a.name().unwrap_or("?");
            if *c == home {
                format!("{key} by {name}")
            } else {
                format!("{key} by {name} in [keys.{}]", c.name())
            }
        })
        .collect();
    each.join(", ")
}

impl Walk<'_> {
    /// `[keys.<context>]` tables of `action = ["key", …]`; each action set replaces that
    /// action's default keys in that context.
    pub(super) fn keys(&mut self, table: &DeTable) -> Keymap {
        let mut chosen = Chosen::new();
        for entry @ (ck, cv) in table.iter() {
            if !self.usable(entry, "keys") {
                continue;
            }
            let Some(context) = Context::ALL
                .iter()
                .copied()
                .find(|c| c.name() == ck.get_ref().as_ref())
            else {
                let known: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                self.unknown(entry, "keys", &known);
                continue;
            };
            let Some(actions) = cv.get_ref().as_table() else {
                self.wrong_type(entry, "keys", "a table of actions");
                continue;
            };
            let path = join("keys", context.name());
            for entry @ (ak, av) in actions.iter() {
                if !self.usable(entry, &path) {
                    continue;
                }
                let bindable = DEFAULT_BINDINGS
                    .iter()
                    .filter(|(c, _, _)| *c == context)
                    .filter_map(|(_, a, _)| a.name());
                let Some(name) = bindable.clone().find(|n| *n == ak.get_ref().as_ref()) else {
                    let known: Vec<&str> = bindable.collect();
                    self.unknown(entry, &path, &known);
                    continue;
                };
                let texts: Option<Vec<&str>> = match av.get_ref() {
                    DeValue::String(s) => Some(vec![s.as_ref()]),
                    DeValue::Array(a) => a.iter().map(|v| v.get_ref().as_str()).collect(),
                    _ => None,
                };
                let Some(texts) = texts else {
                    self.wrong_type(
                        entry,
                        &path,
                        "a key or a list of keys, such as [\"j\", \"<Down>\"]",
                    );
                    continue;
                };
                let keys: Result<Vec<Key>, _> = texts.iter().map(|t| Key::parse(t)).collect();
                match keys {
                    Ok(keys) => {
                        chosen.insert(
                            (context, name),
                            Choice {
                                keys,
                                at: av.span().start,
                            },
                        );
                    }
                    Err(e) => {
                        let message = format!("{e}; the default keys are kept");
                        self.problem(av.span().start, &join(&path, name), message);
                    }
                }
            }
        }
        self.keep_a_key_for_each(&mut chosen);
        let bindings = bindings(&chosen);
        self.conflicts(&bindings, &chosen);
        Keymap::new(bindings)
    }

    /// Reports a key bound to two actions in one context, and a global key that a pane's own
    /// binding hides there.
    fn conflicts(&mut self, bindings: &[Binding], chosen: &Chosen) {
        // Where the user wrote one of these bindings (the line to point at).
        let written = |pairs: &[(Context, &Action)]| {
            pairs.iter().find_map(|(c, a)| {
                let name = a.name()?;
                let at = chosen.get(&(*c, name))?.at;
                Some((join(&join("keys", c.name()), name), at))
            })
        };
        let first = winners(bindings);
        for b in bindings {
            for &key in &b.keys {
                let Some(&winner) = first.get(&(b.context, key)) else {
                    continue;
                };
                if *winner == b.action {
                    continue;
                }
                if let Some((path, at)) = written(&[(b.context, &b.action), (b.context, winner)]) {
                    let message = format!(
                        "{key} is bound to both {} and {} in [keys.{}]; {} wins",
                        winner.name().unwrap_or("?"),
                        b.action.name().unwrap_or("?"),
                        b.context.name(),
                        winner.name().unwrap_or("?"),
                    );
                    self.problem(at, &path, message);
                }
            }
        }
        let mut globals: Vec<(&Key, &&Action)> = first
            .iter()
            .filter(|((c, _), _)| *c == Context::Global)
            .map(|((_, k), a)| (k, a))
            .collect();
        globals.sort_by_key(|(k, _)| k.to_string());
        for (key, global) in globals {
            let hiding: Vec<(Context, &Action)> = [Context::List, Context::Reader]
                .into_iter()
                .filter_map(|pane| first.get(&(pane, *key)).map(|a| (pane, *a)))
                .filter(|(_, a)| *a != *global)
                .collect();
            if hiding.is_empty() {
                continue;
            }
            let mut pairs = vec![(Context::Global, *global)];
            pairs.extend(hiding.iter().copied());
            let Some((path, at)) = written(&pairs) else {
                continue;
            };
            let panes: Vec<String> = hiding
                .iter()
                .map(|(c, a)| format!("{} in [keys.{}]", a.name().unwrap_or("?"), c.name()))
                .collect();
            let message = format!(
                "{key} is bound to {} in [keys.global] but to {}, which wins there",
                global.name().unwrap_or("?"),
                panes.join(" and ")
            );
            self.problem(at, &path, message);
        }
    }

    /// Every action keeps a key, else it could not be done at all: a choice that leaves its
    /// own action without one (`quit = []`, or keys all bound to something else), or that takes
    /// every key of another, is a problem and that action keeps its default keys. Repeated, as
    /// a default put back may take a key in turn.
    fn keep_a_key_for_each(&mut self, chosen: &mut Chosen) {
        loop {
            let bindings = bindings(chosen);
            let first = winners(&bindings);
            let mut undone: Vec<((Context, &'static str), String)> = Vec::new();
            for b in &bindings {
                let Some(name) = b.action.name() else {
                    continue;
                };
                let taken = takers(b, &first);
                if taken.is_empty() && !b.keys.is_empty() {
                    continue;
                }
                let here = format!("[keys.{}]", b.context.name());
                if let Some(choice) = chosen.get(&(b.context, name)) {
                    let why = if choice.keys.is_empty() {
                        format!("an empty list leaves {name} without a key")
                    } else {
                        let taken = describe(&taken, b.context);
                        format!("its keys are taken ({taken}), so {name} would have no key")
                    };
                    undone.push((
                        (b.context, name),
                        format!("{why}; the default keys are kept"),
                    ));
                    continue;
                }
                for (key, c, a) in &taken {
                    let Some(other) = a.name().filter(|n| chosen.contains_key(&(*c, *n))) else {
                        continue;
                    };
                    let message = format!(
                        "takes {key}, which leaves {name} in {here} without a key; the \
                         default keys of {other} are kept"
                    );
                    undone.push(((*c, other), message));
                }
            }
            if undone.is_empty() {
                return;
            }
            for (which, message) in undone {
                // One problem for a choice, however many actions it left without a key.
                if let Some(choice) = chosen.remove(&which) {
                    let path = join(&join("keys", which.0.name()), which.1);
                    self.problem(choice.at, &path, message);
                }
            }
        }
    }
}
