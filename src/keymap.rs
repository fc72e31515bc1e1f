//! Keys as data: a notation for keys (`"j"`, `"<C-d>"`, `"<PageDown>"`), the default bindings per
//! context, and the lookup from a key press to an [`Action`]. The help popup is generated from
//! the same table.

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::Action;

/// Where a key is pressed: bindings differ between the panes and a popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Both panes (list and reader), when no popup is open.
    Global,
    /// The list of sections and articles.
    List,
    /// The reader pane.
    Reader,
    /// A popup (help, search results).
    Popup,
    /// The prompt in the status bar.
    Prompt,
}

impl Context {
    /// Every context, in the order help lists them.
    pub const ALL: [Context; 5] = [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Popup,
        Context::Prompt,
    ];

    /// The context's name in the configuration (`[keys.list]`).
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Reader => "reader",
            Context::Popup => "popup",
            Context::Prompt => "prompt",
        }
    }

    /// A heading for the help popup.
    pub fn label(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::List => "List",
            Context::Reader => "Reader",
            Context::Popup => "In a popup",
            Context::Prompt => "In the prompt",
        }
    }
}

/// One key press: a key and its modifiers (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift only for keys that are not characters).
    pub mods: KeyModifiers,
}

/// A key notation that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown key {0:?} (write keys as \"j\", \"G\", \"<C-d>\", \"<PageDown>\", \"<Space>\")")]
pub struct KeyError(pub String);

/// Names of keys written between `<` and `>`.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Esc", KeyCode::Esc),
    ("BS", KeyCode::Backspace),
    ("Backspace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Insert", KeyCode::Insert),
    ("Del", KeyCode::Delete),
    ("lt", KeyCode::Char('<')),
];

impl Key {
    /// A plain key with no modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// The key of a terminal key event, normalised so it compares equal to its notation.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !matches!(event.code, KeyCode::Char(_)) {
            mods |= event.modifiers & KeyModifiers::SHIFT;
        }
        let code = match event.code {
            // Ctrl with a letter arrives as that letter; keep letters lower-case under Ctrl.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, mods }
    }

    /// Reads one key in notation: a single character (`j`, `G`, `?`), or `<…>` with optional
    /// `C-`, `A-`, `S-` prefixes and a character or a key name (`<C-d>`, `<PageDown>`).
    pub fn parse(s: &str) -> Result<Key, KeyError> {
        let err = || KeyError(s.to_string());
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Key::plain(KeyCode::Char(c)));
        }
        let inner = s
            .strip_prefix('<')
            .and_then(|r| r.strip_suffix('>'))
            .ok_or_else(err)?;
        let mut mods = KeyModifiers::NONE;
        let mut rest = inner;
        while let Some((m, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            mods |= match m {
                "C" | "c" => KeyModifiers::CONTROL,
                "A" | "a" | "M" | "m" => KeyModifiers::ALT,
                "S" | "s" => KeyModifiers::SHIFT,
                _ => return Err(err()),
            };
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                let c = if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                KeyCode::Char(c)
            }
            _ => NAMED
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(rest))
                .map(|&(_, code)| code)
                .or_else(|| {
                    let n: u8 = rest.strip_prefix(['F', 'f'])?.parse().ok()?;
                    (1..=24).contains(&n).then_some(KeyCode::F(n))
                })
                .ok_or_else(err)?,
        };
        if matches!(code, KeyCode::Char(_)) && mods.contains(KeyModifiers::SHIFT) {
            // Shift is part of the character itself (`G`, not `<S-g>`).
            return Err(err());
        }
        Ok(Key { code, mods })
    }
}

impl fmt::Display for Key {
    /// The key in the notation [`Key::parse`] reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.code {
            KeyCode::Char('<') => "lt".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.mods.is_empty() => return write!(f, "{c}"),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(name, _)| name.to_string()),
        };
        f.write_str("<")?;
        for (m, p) in [
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            if self.mods.contains(m) {
                f.write_str(p)?;
            }
        }
        write!(f, "{name}>")
    }
}

/// The built-in bindings: context, action, keys.
pub const DEFAULT_BINDINGS: &[(Context, Action, &[&str])] = &[
    (Context::Global, Action::Quit, &["q", "<C-c>"]),
    (Context::Global, Action::ToggleFocus, &["<Tab>"]),
    (Context::Global, Action::NextArticle, &["]"]),
    (Context::Global, Action::PrevArticle, &["["]),
    (Context::Global, Action::NextSection, &["}"]),
    (Context::Global, Action::PrevSection, &["{"]),
    (Context::Global, Action::Help, &["?"]),
    (Context::Global, Action::Close, &["<Esc>"]),
    (Context::Global, Action::Find, &["/"]),
    (Context::Global, Action::SearchAll, &["S"]),
    (Context::Global, Action::NextMatch, &["n"]),
    (Context::Global, Action::PrevMatch, &["N"]),
    (Context::Global, Action::Suspend, &["<C-z>"]),
    (Context::Global, Action::AddBookmark, &["m"]),
    (Context::Global, Action::Bookmarks, &["'"]),
    (Context::Global, Action::ToggleRead, &["u"]),
    (Context::Global, Action::Percent, &["%"]),
    (Context::Global, Action::Links, &["L"]),
    (Context::Global, Action::CopyArticle, &["Y", "y"]),
    (Context::Global, Action::Follow, &["f"]),
    (Context::Global, Action::JumpBack, &["<C-o>"]),
    (Context::Global, Action::JumpForward, &["<A-o>"]),
    (Context::Global, Action::FollowCopy, &["F"]),
    (Context::List, Action::Down, &["j", "<Down>"]),
    (Context::List, Action::Up, &["k", "<Up>"]),
    (Context::List, Action::Open, &["<Enter>", "l", "<Right>"]),
    (
        Context::List,
        Action::PageDown,
        &["<Space>", "<PageDown>", "<C-f>"],
    ),
    (Context::List, Action::PageUp, &["b", "<PageUp>", "<C-b>"]),
    (Context::List, Action::HalfPageDown, &["<C-d>"]),
    (Context::List, Action::HalfPageUp, &["<C-u>"]),
    (Context::List, Action::Top, &["g", "<Home>"]),
    (Context::List, Action::Bottom, &["G", "<End>"]),
    (Context::Reader, Action::Down, &["j", "<Down>"]),
    (Context::Reader, Action::Up, &["k", "<Up>"]),
    (Context::Reader, Action::Back, &["h", "<Left>"]),
    (
        Context::Reader,
        Action::PageDown,
        &["<Space>", "<PageDown>", "<C-f>"],
    ),
    (Context::Reader, Action::PageUp, &["b", "<PageUp>", "<C-b>"]),
    (Context::Reader, Action::HalfPageDown, &["<C-d>"]),
    (Context::Reader, Action::HalfPageUp, &["<C-u>"]),
    (Context::Reader, Action::Top, &["g", "<Home>"]),
    (Context::Reader, Action::Bottom, &["G", "<End>"]),
    (Context::Popup, Action::Close, &["<Esc>", "q", "?"]),
    (Context::Popup, Action::Confirm, &["<Enter>"]),
    (Context::Popup, Action::Down, &["j", "<Down>"]),
    (Context::Popup, Action::Up, &["k", "<Up>"]),
    (Context::Popup, Action::PageDown, &["<Space>", "<PageDown>"]),
    (Context::Popup, Action::PageUp, &["b", "<PageUp>"]),
    (Context::Popup, Action::Top, &["g", "<Home>"]),
    (Context::Popup, Action::Bottom, &["G", "<End>"]),
    (Context::Popup, Action::Delete, &["d"]),
    (Context::Popup, Action::EditNote, &["e"]),
    (Context::Popup, Action::Yes, &["y"]),
    (Context::Popup, Action::Links, &["L"]),
    (Context::Popup, Action::Find, &["/"]),
    (Context::Popup, Action::JumpPrevious, &["'"]),
    (Context::Popup, Action::No, &["n"]),
    (Context::Popup, Action::Quit, &["<C-c>"]),
    (Context::Prompt, Action::Confirm, &["<Enter>"]),
    (Context::Prompt, Action::Cancel, &["<Esc>", "<C-c>"]),
    (Context::Prompt, Action::Backspace, &["<BS>", "<C-h>"]),
    (Context::Prompt, Action::DeleteWord, &["<C-w>"]),
    (Context::Prompt, Action::DeleteToStart, &["<C-u>"]),
    (Context::Prompt, Action::CursorLeft, &["<Left>"]),
    (Context::Prompt, Action::CursorRight, &["<Right>"]),
    (Context::Prompt, Action::CursorHome, &["<Home>", "<C-a>"]),
    (Context::Prompt, Action::CursorEnd, &["<End>", "<C-e>"]),
    (Context::Prompt, Action::RecallOlder, &["<Up>", "<C-p>"]),
    (Context::Prompt, Action::RecallNewer, &["<Down>", "<C-n>"]),
];

/// One binding: in `context`, any of `keys` does `action`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where the keys apply.
    pub context: Context,
    /// What they do.
    pub action: Action,
    /// The keys, in the order they are listed in help.
    pub keys: Vec<Key>,
}

/// All bindings, and the lookup from a key press to an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    lookup: HashMap<(Context, Key), Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_BINDINGS
            .iter()
            .map(|(context, action, keys)| Binding {
                context: *context,
                action: action.clone(),
                keys: keys
                    .iter()
                    .map(|k| Key::parse(k).expect("built-in key notation is valid"))
                    .collect(),
            })
            .collect();
        Keymap::new(bindings)
    }
}

impl Keymap {
    /// A keymap of these bindings.
    pub fn new(bindings: Vec<Binding>) -> Keymap {
        let mut lookup = HashMap::new();
        for b in &bindings {
            for &k in &b.keys {
                lookup
                    .entry((b.context, k))
                    .or_insert_with(|| b.action.clone());
            }
        }
        Keymap { bindings, lookup }
    }

    /// The bindings, in help order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key that does `action` in `context`, to name it in a hint.
    pub fn keys_for(&self, context: Context, action: &Action) -> Option<Key> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == *action)
            .and_then(|b| b.keys.first().copied())
    }

    /// The action of `key` in `context`: the panes fall back to the global bindings (and take a
    /// digit no binding took as part of a count), and in the prompt any other character is
    /// typed.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        if let Some(action) = self.lookup.get(&(context, key)) {
            return Some(action.clone());
        }
        match context {
            Context::List | Context::Reader => {
                self.lookup
                    .get(&(Context::Global, key))
                    .cloned()
                    .or_else(|| {
                        // A digit no binding took is part of a count (`5j`).
                        match key.code {
                            KeyCode::Char(c @ '0'..='9') if key.mods.is_empty() => {
                                Some(Action::Digit(c as u8 - b'0'))
                            }
                            _ => None,
                        }
                    })
            }
            Context::Prompt => match key.code {
                KeyCode::Char(c) if (key.mods - KeyModifiers::SHIFT).is_empty() => {
                    Some(Action::Insert(c))
                }
                _ => None,
            },
            Context::Global | Context::Popup => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_reads_and_writes_back() {
        for s in [
            "j",
            "G",
            "?",
            "]",
            "<C-d>",
            "<PageDown>",
            "<Space>",
            "<Tab>",
            "<Esc>",
            "<A-x>",
            "<F5>",
            "<S-Up>",
            "<lt>",
        ] {
            let key = Key::parse(s).unwrap();
            assert_eq!(key.to_string(), s, "{s}");
        }
        assert_eq!(Key::parse("<C-D>").unwrap(), Key::parse("<C-d>").unwrap());
        assert_eq!(Key::parse("<enter>").unwrap().code, KeyCode::Enter);
        for bad in ["", "jj", "<Nope>", "<X-a>", "<S-g>", "<C->", "<F99>"] {
            assert!(Key::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn terminal_events_match_their_notation() {
        let ev = |code, mods| Key::from_event(KeyEvent::new(code, mods));
        assert_eq!(
            ev(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::parse("G").unwrap()
        );
        assert_eq!(
            ev(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Key::parse("<C-d>").unwrap()
        );
        assert_eq!(
            ev(KeyCode::Up, KeyModifiers::SHIFT),
            Key::parse("<S-Up>").unwrap()
        );
    }

    #[test]
    fn panes_fall_back_to_global_keys_and_popups_do_not() {
        let km = Keymap::default();
        let k = |s| Key::parse(s).unwrap();
        assert_eq!(km.action(Context::List, k("j")), Some(Action::Down));
        assert_eq!(km.action(Context::Reader, k("h")), Some(Action::Back));
        assert_eq!(km.action(Context::List, k("h")), None);
        assert_eq!(
            km.action(Context::Reader, k("]")),
            Some(Action::NextArticle)
        );
        assert_eq!(km.action(Context::Popup, k("q")), Some(Action::Close));
        assert_eq!(km.action(Context::Popup, k("]")), None);
        assert_eq!(km.action(Context::Popup, k("<C-c>")), Some(Action::Quit));
        assert_eq!(
            km.action(Context::Prompt, k("q")),
            Some(Action::Insert('q'))
        );
        assert_eq!(
            km.action(Context::Prompt, k("工")),
            Some(Action::Insert('工'))
        );
        assert_eq!(
            km.action(Context::Prompt, k("<C-w>")),
            Some(Action::DeleteWord)
        );
        assert_eq!(km.action(Context::Prompt, k("<C-x>")), None);
    }
}
