//! `f`: a label of home-row letters on every link in view; typing a label opens that link by
//! the rules of the links popup (a web page at once, another scheme after asking). `F`, or `y`
//! while the labels show, copies the link instead. `Esc` takes the labels away.

use super::{Action, App, MessageKind, geometry};
use crate::links::{self, Link};

/// The letters labels are made of: the home row, where the fingers rest.
const KEYS: &[char] = &['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'];

/// The labels on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hints {
    /// Each label with its link, in the order they appear on screen.
    pub labels: Vec<(String, Link)>,
    /// What has been typed of a label.
    pub typed: String,
    /// Copy the link rather than open it.
    pub copy: bool,
}

/// `n` labels, all of one length (so none is the start of another), in order.
pub fn labels(n: usize) -> Vec<String> {
    let mut len = 1;
    while KEYS.len().pow(len) < n {
        len += 1;
    }
    (0..n)
        .map(|mut i| {
            let mut label = vec![' '; len as usize];
            for slot in label.iter_mut().rev() {
                *slot = KEYS[i % KEYS.len()];
                i /= KEYS.len();
            }
            label.into_iter().collect()
        })
        .collect()
}

/// The open article's links on the lines in view, in the order they appear there.
pub fn visible(app: &App) -> Vec<Link> {
    let (Some(article), Some(layout)) = (app.open_article(), app.layout()) else {
        return Vec::new();
    };
    if geometry::areas(app).reader.is_none() {
        return Vec::new();
    }
    let height = usize::from(geometry::reader_column(app).area.height);
    let all = links::of_article(app.open, article);
    let lines = layout.lines();
    let top = app.reader.top.min(lines.len());
    let mut seen = vec![false; all.len()];
    let mut out = Vec::new();
    for line in &lines[top..(top + height).min(lines.len())] {
        let Some(part) = line.part else {
            continue;
        };
        for (k, link) in all.iter().enumerate() {
            if !seen[k] && link.is_on(part, &line.range) {
                seen[k] = true;
                out.push(link.clone());
            }
        }
    }
    out
}

/// `f` (`copy`: `F`): labels on the links in view.
pub(super) fn start(app: &mut App, copy: bool) {
    let shown = visible(app);
    if shown.is_empty() {
        let text = "no links in view (L lists the article's links)";
        app.say(MessageKind::Info, text.to_string());
        return;
    }
    let labels = labels(shown.len()).into_iter().zip(shown).collect();
    app.hints = Some(Hints {
        labels,
        typed: String::new(),
        copy,
    });
    prompt(app);
}

/// What the status bar says while the labels show.
fn prompt(app: &mut App) {
    let Some(hints) = &app.hints else { return };
    let text = if hints.copy {
        "type the label of the link to copy · Esc cancels"
    } else {
        "type a link's label to open it · y copies instead · Esc cancels"
    };
    let typed = if hints.typed.is_empty() {
        String::new()
    } else {
        format!("{}… ", hints.typed)
    };
    app.say(MessageKind::Info, format!("{typed}{text}"));
}

/// A key while the labels show.
pub(super) fn key(app: &mut App, action: &Action) {
    let Some(hints) = app.hints.as_mut() else {
        return;
    };
    match *action {
        Action::Resize { width, height } => {
            // The links in view are others now.
            app.size = (width, height);
            app.hints = None;
        }
        Action::Insert('y') | Action::Insert('Y') => {
            hints.copy = true;
            prompt(app);
        }
        Action::Insert(c) if KEYS.contains(&c) => {
            hints.typed.push(c);
            let typed = hints.typed.clone();
            let found = hints.labels.iter().find(|(l, _)| *l == typed);
            if let Some((_, link)) = found {
                let (link, copy) = (link.clone(), hints.copy);
                app.hints = None;
                follow(app, link, copy);
            } else if hints.labels.iter().any(|(l, _)| l.starts_with(&typed)) {
                prompt(app);
            } else {
                app.hints = None;
                app.say(MessageKind::Info, format!("no link is labelled {typed}"));
            }
        }
        Action::Backspace => {
            hints.typed.pop();
            prompt(app);
        }
        Action::Insert(c) => {
            app.hints = None;
            app.say(MessageKind::Info, format!("no link is labelled {c}"));
        }
        _ => app.hints = None,
    }
}

/// Opens or copies the labelled link, by the links popup's rules.
fn follow(app: &mut App, link: Link, copy: bool) {
    if copy {
        super::links::copy(app, link);
    } else {
        super::links::follow(app, link);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_home_row_letters_of_one_length() {
        assert_eq!(labels(3), ["a", "s", "d"]);
        assert_eq!(labels(9).len(), 9);
        let many = labels(10);
        assert_eq!(&many[..3], ["aa", "as", "ad"]);
        assert!(many.iter().all(|l| l.len() == 2));
        let lots = labels(82);
        assert!(lots.iter().all(|l| l.len() == 3));
        let mut unique = lots.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 82);
        assert_eq!(labels(0), Vec::<String>::new());
    }
}
