//! The configuration: keys, theme, reading layout and parser hints in one TOML file, read from
//! the user's config directory (`$XDG_CONFIG_HOME/kanbao/config.toml`) or `--config PATH`.
//!
//! The file is read leniently: an unknown key, a wrong type, a bad value or bytes that are not
//! UTF-8 are reported with the file, line and key, in line order, and that one option keeps its
//! default while the rest apply.

mod keys;
pub mod style;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::app::Settings;
use crate::keymap::Keymap;
use crate::read::plain::Hints;
use crate::theme::Theme;
use text::Text;

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
    /// The command that opens links (`[links] opener`), words of a command line; empty: the
    /// `BROWSER` environment variable, else the system's opener.
    pub opener: Vec<String>,
    /// Whether link cells carry OSC 8 hyperlinks (`[links] hyperlinks`).
    pub hyperlinks: crate::links::Hyperlinks,
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
        write!(f, "{}:{}: {}", self.file, self.line, self.what())
    }
}

impl Problem {
    /// `key: message` (or the message alone), escaped.
    fn what(&self) -> String {
        let safe = crate::source::displayable;
        if self.key.is_empty() {
            safe(&self.message)
        } else {
            format!("{}: {}", safe(&self.key), safe(&self.message))
        }
    }
}

/// The status bar's word on a file's problems, the essential part first so that a narrow bar
/// cuts only the detail: how many, the command that lists them all, then the first
/// (`config: 3 problems (kanbao --check-config); line 12: layout.column: …`). `None` when there
/// are none.
pub fn summary(problems: &[Problem]) -> Option<String> {
    let first = problems.first()?;
    let n = problems.len();
    let s = if n == 1 { "" } else { "s" };
    Some(format!(
        "config: {n} problem{s} (kanbao --check-config); line {}: {}",
        first.line,
        first.what()
    ))
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
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            return Ok(Loaded::default());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ConfigError::Missing(path));
        }
        Err(source) => return Err(ConfigError::Unreadable { path, source }),
    };
    let name = crate::source::Input::Path(path.clone()).name();
    let (config, problems) = parse_bytes(&bytes, &name);
    Ok(Loaded {
        config,
        problems,
        path: Some(path),
    })
}

/// Reads a configuration's text; `file` names it in problems, which come in line order.
pub fn parse(text: &str, file: &str) -> (Config, Vec<Problem>) {
    check(&Text::new(text), file)
}

/// Reads a configuration file's bytes, as [`parse`] does its text. Where they are not UTF-8,
/// that is a problem on its line, and only the option written there keeps its default.
pub fn parse_bytes(bytes: &[u8], file: &str) -> (Config, Vec<Problem>) {
    check(&Text::decode(bytes), file)
}

/// What a file that is not UTF-8 is told, after what was done.
const NOT_UTF8: &str = "not valid UTF-8 (save the file as UTF-8)";

fn check(text: &Text, file: &str) -> (Config, Vec<Problem>) {
    let mut walk = Walk {
        text,
        file,
        problems: Vec::new(),
        reported: vec![false; text.bad_count()],
        blanked: false,
    };
    let mut config = Config::default();
    let blanked: String;
    let parsed = match DeTable::parse(&text.text) {
        // Bytes that are not UTF-8 outside a string or comment: without their lines, the rest
        // may be read.
        Err(e) if bad_on_line_of(text, &e).is_some() => match text.without_bad_lines() {
            Some(b) => {
                blanked = b;
                let parsed = DeTable::parse(&blanked);
                walk.blanked = parsed.is_ok();
                parsed.map_err(|_| e)
            }
            None => Err(e),
        },
        parsed => parsed,
    };
    match parsed {
        Ok(table) => walk.top(table.get_ref(), &mut config),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            match bad_on_line_of(text, &e) {
                // The bytes that are not UTF-8 are what broke it: one problem, not two.
                Some(i) => {
                    walk.reported[i] = true;
                    let message = format!("{NOT_UTF8}; all options keep their defaults");
                    walk.problem(text.bad_at(i), "", message);
                }
                None => {
                    let message = format!(
                        "not valid TOML ({}); all options keep their defaults",
                        e.message().trim()
                    );
                    walk.problem(at, "", message);
                }
            }
        }
    }
    walk.unused_bad_bytes();
    let mut problems = walk.problems;
    // Found table by table (in the order of their names) and key conflicts last: told as the
    // file is read. The sort is stable, so what is found at one place keeps its order.
    problems.sort_by_key(|(at, _)| *at);
    (config, problems.into_iter().map(|(_, p)| p).collect())
}

/// The first invalid sequence on the line where TOML found its error, if there is one.
fn bad_on_line_of(text: &Text, e: &toml::de::Error) -> Option<usize> {
    let line = text.line(e.span().map_or(0, |s| s.start));
    (0..text.bad_count()).find(|&i| text.line(text.bad_at(i)) == line)
}

/// A pass over the file's tables, collecting problems.
struct Walk<'a> {
    text: &'a Text<'a>,
    file: &'a str,
    /// Each problem with the offset it is at.
    problems: Vec<(usize, Problem)>,
    /// For each invalid sequence in the text, whether a problem already covers it.
    reported: Vec<bool>,
    /// Whether the lines with invalid sequences were blanked to read the rest.
    blanked: bool,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl Walk<'_> {
    fn problem(&mut self, at: usize, key: &str, message: String) {
        let problem = Problem {
            file: self.file.to_string(),
            line: self.text.line(at),
            key: key.to_string(),
            message,
        };
        self.problems.push((at, problem));
    }

    /// Whether an entry can be used: not if bytes that were not UTF-8 are in its key or in its
    /// value (a table's own entries are looked at one by one), which is then the problem.
    fn usable(&mut self, (key, value): Entry, path: &str) -> bool {
        let in_key = self.text.bad_in(key.span());
        let in_value = match value.get_ref().as_table() {
            Some(_) => 0..0,
            None => self.text.bad_in(value.span()),
        };
        let Some(first) = [&in_key, &in_value]
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| r.start)
            .min()
        else {
            return true;
        };
        for i in in_key.chain(in_value) {
            self.reported[i] = true;
        }
        let message = format!("{NOT_UTF8}; the default is kept");
        self.problem(self.text.bad_at(first), &join(path, key.get_ref()), message);
        false
    }

    /// Bytes that were not UTF-8 outside any option used (in a comment, say): a problem on
    /// each line they are on, unless one is told there already, though nothing was lost.
    fn unused_bad_bytes(&mut self) {
        let told: std::collections::HashSet<usize> = (0..self.text.bad_count())
            .filter(|&i| self.reported[i])
            .map(|i| self.text.line(self.text.bad_at(i)))
            .collect();
        let mut last = 0;
        for i in 0..self.text.bad_count() {
            let at = self.text.bad_at(i);
            let line = self.text.line(at);
            if !self.reported[i] && line != last && !told.contains(&line) {
                let message = match self.blanked {
                    true => format!("{NOT_UTF8}; this line is ignored"),
                    false => NOT_UTF8.to_string(),
                };
                self.problem(at, "", message);
                last = line;
            }
        }
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
            if !self.usable(entry, "") {
                continue;
            }
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
                "links" => match entry.1.get_ref().as_table() {
                    Some(t) => self.links(t, config),
                    None => self.wrong_type(entry, "", "a table"),
                },
                _ => self.unknown(entry, "", &["theme", "layout", "keys", "parser", "links"]),
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
        let preset = table.iter().find(|(k, _)| k.get_ref().as_ref() == "preset");
        if let Some((k, v)) = preset.filter(|&entry| self.usable(entry, "theme")) {
            match v.get_ref().as_str() {
                Some(name) => self.preset(name, v.span().start, "theme.preset", theme),
                None => self.wrong_type((k, v), "theme", "\"dark\" or \"light\""),
            }
        }
        let names: Vec<&str> = Theme::default().roles_mut().map(|(n, _)| n).to_vec();
        for entry @ (k, v) in table.iter() {
            let name = k.get_ref().as_ref();
            if name == "preset" || !self.usable(entry, "theme") {
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
            if !self.usable(entry, "layout") {
                continue;
            }
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

    fn parser(&mut self, table: &DeTable, hints: &mut Hints) {
        for entry @ (k, v) in table.iter() {
            if !self.usable(entry, "parser") {
                continue;
            }
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

impl Walk<'_> {
    fn links(&mut self, table: &DeTable, config: &mut Config) {
        use crate::links::Hyperlinks;
        for entry @ (k, v) in table.iter() {
            if !self.usable(entry, "links") {
                continue;
            }
            match k.get_ref().as_ref() {
                "opener" => {}
                "hyperlinks" => {
                    match v.get_ref().as_str() {
                        Some("auto") => config.hyperlinks = Hyperlinks::Auto,
                        Some("on") => config.hyperlinks = Hyperlinks::On,
                        Some("off") => config.hyperlinks = Hyperlinks::Off,
                        _ => self.problem(
                            v.span().start,
                            "links.hyperlinks",
                            "must be \"auto\", \"on\" or \"off\"; the default \"auto\" is kept"
                                .to_string(),
                        ),
                    }
                    continue;
                }
                _ => {
                    self.unknown(entry, "links", &["opener", "hyperlinks"]);
                    continue;
                }
            }
            let opener = &mut config.opener;
            let words: Option<Vec<String>> = v.get_ref().as_array().and_then(|a| {
                a.iter()
                    .map(|v| v.get_ref().as_str().map(str::to_string))
                    .collect()
            });
            match words {
                Some(words) if words.iter().any(|w| w.trim().is_empty()) => self.problem(
                    v.span().start,
                    "links.opener",
                    "a word of the command is empty; the default is kept".to_string(),
                ),
                Some(words) => *opener = words,
                None => self.wrong_type(
                    entry,
                    "links",
                    "a command as a list of words, such as [\"firefox\", \"--new-tab\"]",
                ),
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
