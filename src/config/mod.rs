//! The configuration: keys, theme, reading layout and parser hints in one TOML file, read from
//! the user's config directory (`$XDG_CONFIG_HOME/kanbao/config.toml`) or `--config PATH`.
//!
//! The file is read leniently: an unknown key, a wrong type or a bad value is reported with the
//! file, line and key, and that one option keeps its default while the rest apply.

pub mod style;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::{Action, Settings};
use crate::doc::Hints;
use crate::keymap::{Binding, Context, DEFAULT_BINDINGS, Key, Keymap};
use crate::ui::Theme;

/// Everything a user can set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// Key bindings.
    pub keymap: Keymap,
    /// Colours and styles.
    pub theme: Theme,
    /// Panes and the reading column.
    pub settings: Settings,
    /// Conventions the parser should know.
    pub hints: Hints,
}

/// Something wrong in the file: where, which key, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file.
    pub file: String,
    /// Its line (from 1).
    pub line: usize,
    /// The key, as a dotted path (`layout.column`).
    pub key: String,
    /// What is wrong, and what was done instead.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `file:line: key: message`, with anything that could drive a terminal escaped (keys and
    /// values come from the file).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let safe = crate::source::displayable;
        if self.key.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, safe(&self.message))
        } else {
            let (key, message) = (safe(&self.key), safe(&self.message));
            write!(f, "{}:{}: {key}: {message}", self.file, self.line)
        }
    }
}

/// A configuration file that could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--config` named a file that is not there.
    #[error("{}: no such configuration file", crate::source::displayable(&.0.to_string_lossy()))]
    Missing(PathBuf),
    /// The file is there but cannot be read.
    #[error("{path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A configuration as loaded: the result, what was wrong, and the file it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// The configuration, defaults where the file was silent or wrong.
    pub config: Config,
    /// What was wrong in the file.
    pub problems: Vec<Problem>,
    /// The file read, if any.
    pub path: Option<PathBuf>,
}

/// Where the configuration lives when `--config` does not say.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kanbao").map(|d| d.config_dir().join("config.toml"))
}

/// Loads `explicit` (which must exist) or the default file (defaults when there is none).
pub fn load(explicit: Option<&Path>) -> Result<Loaded, ConfigError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) => p,
            None => return Ok(Loaded::default()),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            return Ok(Loaded::default());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ConfigError::Missing(path));
        }
        Err(source) => return Err(ConfigError::Unreadable { path, source }),
    };
    let name = crate::source::Input::Path(path.clone()).name();
    let (config, problems) = parse(&text, &name);
    Ok(Loaded {
        config,
        problems,
        path: Some(path),
    })
}

/// Reads a configuration's text; `file` names it in problems.
pub fn parse(text: &str, file: &str) -> (Config, Vec<Problem>) {
    let mut walk = Walk {
        text,
        file,
        problems: Vec::new(),
    };
    let mut config = Config::default();
    match DeTable::parse(text) {
        Ok(table) => walk.top(table.get_ref(), &mut config),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let message = format!(
                "not valid TOML ({}); all options keep their defaults",
                e.message().trim()
            );
            walk.problem(at, "", message);
        }
    }
    (config, walk.problems)
}

/// A pass over the file's tables, collecting problems.
struct Walk<'a> {
    text: &'a str,
    file: &'a str,
    problems: Vec<Problem>,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl Walk<'_> {
    fn problem(&mut self, at: usize, key: &str, message: String) {
        let line = self.text[..at.min(self.text.len())].matches('\n').count() + 1;
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            key: key.to_string(),
            message,
        });
    }

    fn unknown(&mut self, (key, _): Entry, path: &str, known: &[&str]) {
        let message = format!("unknown key (known here: {})", known.join(", "));
        self.problem(key.span().start, &join(path, key.get_ref()), message);
    }

    fn wrong_type(&mut self, (key, value): Entry, path: &str, wanted: &str) {
        let message = format!(
            "expected {wanted}, found {}; the default is kept",
            value.get_ref().type_str()
        );
        self.problem(value.span().start, &join(path, key.get_ref()), message);
    }

    fn top(&mut self, table: &DeTable, config: &mut Config) {
        for entry in table.iter() {
            match entry.0.get_ref().as_ref() {
                "theme" => self.theme(entry, &mut config.theme),
                "layout" => match entry.1.get_ref().as_table() {
                    Some(t) => self.layout(t, &mut config.settings),
                    None => self.wrong_type(entry, "", "a table"),
                },
                "keys" => match entry.1.get_ref().as_table() {
                    Some(t) => config.keymap = self.keys(t),
                    None => self.wrong_type(entry, "", "a table"),
                },
                "parser" => match entry.1.get_ref().as_table() {
                    Some(t) => self.parser(t, &mut config.hints),
                    None => self.wrong_type(entry, "", "a table"),
                },
                _ => self.unknown(entry, "", &["theme", "layout", "keys", "parser"]),
            }
        }
    }

    /// `theme = "light"`, or a `[theme]` table with a `preset` and styles by role.
    fn theme(&mut self, entry: Entry, theme: &mut Theme) {
        let (key, value) = entry;
        if let Some(name) = value.get_ref().as_str() {
            self.preset(name, value.span().start, "theme", theme);
            return;
        }
        let Some(table) = value.get_ref().as_table() else {
            return self.wrong_type(entry, "", "a preset name or a table");
        };
        let _ = key;
        if let Some((k, v)) = table.iter().find(|(k, _)| k.get_ref().as_ref() == "preset") {
            match v.get_ref().as_str() {
                Some(name) => self.preset(name, v.span().start, "theme.preset", theme),
                None => self.wrong_type((k, v), "theme", "\"dark\" or \"light\""),
            }
        }
        let names: Vec<&str> = Theme::default().roles_mut().map(|(n, _)| n).to_vec();
        for entry @ (k, v) in table.iter() {
            let name = k.get_ref().as_ref();
            if name == "preset" {
                continue;
            }
            let mut roles = theme.roles_mut();
            let Some((_, style)) = roles.iter_mut().find(|(n, _)| *n == name) else {
                let mut known = vec!["preset"];
                known.extend(&names);
                self.unknown(entry, "theme", &known);
                continue;
            };
            let Some(text) = v.get_ref().as_str() else {
                self.wrong_type(entry, "theme", "a style such as \"bold yellow on black\"");
                continue;
            };
            match style::parse(text) {
                Ok(s) => **style = s,
                Err(message) => {
                    self.problem(v.span().start, &join("theme", name), message);
                }
            }
        }
    }

    fn preset(&mut self, name: &str, at: usize, key: &str, theme: &mut Theme) {
        match Theme::preset(name) {
            Some(t) => *theme = t,
            None => self.problem(
                at,
                key,
                format!("unknown theme {name:?} (there are \"dark\" and \"light\")"),
            ),
        }
    }

    fn layout(&mut self, table: &DeTable, s: &mut Settings) {
        const KNOWN: &[&str] = &[
            "list_width",
            "column",
            "indent",
            "paragraph_spacing",
            "gutter",
            "narrow_below",
        ];
        for entry @ (k, _) in table.iter() {
            match k.get_ref().as_ref() {
                "list_width" => self.number(entry, 10..=200, &mut s.list_width),
                "column" => self.number(entry, 10..=400, &mut s.column),
                "gutter" => self.number(entry, 0..=2, &mut s.gutter),
                "narrow_below" => self.number(entry, 0..=1000, &mut s.narrow_below),
                "indent" => self.boolean(entry, &mut s.indent),
                "paragraph_spacing" => {
                    let mut on = s.paragraph_spacing > 0;
                    self.boolean(entry, &mut on);
                    s.paragraph_spacing = u16::from(on);
                }
                _ => self.unknown(entry, "layout", KNOWN),
            }
        }
    }

    fn number(&mut self, entry: Entry, range: std::ops::RangeInclusive<u16>, out: &mut u16) {
        let (k, v) = entry;
        let n = v
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
        match n
            .and_then(|n| u16::try_from(n).ok())
            .filter(|n| range.contains(n))
        {
            Some(n) => *out = n,
            None if n.is_some() => self.problem(
                v.span().start,
                &join("layout", k.get_ref()),
                format!(
                    "must be from {} to {}; the default {} is kept",
                    range.start(),
                    range.end(),
                    out
                ),
            ),
            None => self.wrong_type(entry, "layout", "a whole number"),
        }
    }

    fn boolean(&mut self, entry: Entry, out: &mut bool) {
        match entry.1.get_ref().as_bool() {
            Some(b) => *out = b,
            None => self.wrong_type(entry, "layout", "true or false"),
        }
    }

    /// `[keys.<context>]` tables of `action = ["key", …]`; each action set replaces that
    /// action's default keys in that context.
    fn keys(&mut self, table: &DeTable) -> Keymap {
        let mut chosen: HashMap<(Context, &'static str), (Vec<Key>, usize)> = HashMap::new();
        for entry @ (ck, cv) in table.iter() {
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
                        chosen.insert((context, name), (keys, av.span().start));
                    }
                    Err(e) => {
                        let message = format!("{e}; the default keys are kept");
                        self.problem(av.span().start, &join(&path, name), message);
                    }
                }
            }
        }
        let bindings: Vec<Binding> = DEFAULT_BINDINGS
            .iter()
            .map(|(context, action, keys)| {
                let keys = match action.name().and_then(|n| chosen.get(&(*context, n))) {
                    Some((keys, _)) => keys.clone(),
                    None => keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
                };
                Binding {
                    context: *context,
                    action: action.clone(),
                    keys,
                }
            })
            .collect();
        self.conflicts(&bindings, &chosen);
        Keymap::new(bindings)
    }

    /// Reports a key bound to two actions in one context, and a global key that a pane's own
    /// binding hides there.
    fn conflicts(
        &mut self,
        bindings: &[Binding],
        chosen: &HashMap<(Context, &'static str), (Vec<Key>, usize)>,
    ) {
        // Where the user wrote one of these bindings (the line to point at).
        let written = |pairs: &[(Context, &Action)]| {
            pairs.iter().find_map(|(c, a)| {
                let name = a.name()?;
                let at = chosen.get(&(*c, name))?.1;
                Some((join(&join("keys", c.name()), name), at))
            })
        };
        let mut first: HashMap<(Context, Key), &Action> = HashMap::new();
        for b in bindings {
            for &key in &b.keys {
                match first.get(&(b.context, key)) {
                    Some(&winner) if *winner != b.action => {
                        if let Some((path, at)) =
                            written(&[(b.context, &b.action), (b.context, winner)])
                        {
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
                    Some(_) => {}
                    None => {
                        first.insert((b.context, key), &b.action);
                    }
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

    fn parser(&mut self, table: &DeTable, hints: &mut Hints) {
        for entry @ (k, v) in table.iter() {
            let out = match k.get_ref().as_ref() {
                "bylines" => &mut hints.bylines,
                "agencies" => &mut hints.agencies,
                "section_markers" => &mut hints.section_markers,
                _ => {
                    self.unknown(entry, "parser", &["bylines", "agencies", "section_markers"]);
                    continue;
                }
            };
            let list: Option<Vec<String>> = v.get_ref().as_array().and_then(|a| {
                a.iter()
                    .map(|v| v.get_ref().as_str().map(str::to_string))
                    .collect()
            });
            match list {
                Some(list) => *out = list,
                None => self.wrong_type(entry, "parser", "a list of strings"),
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}
