//! The links popup (`L`): the open article's links, or the whole newsletter's (`L` again), each
//! with its number, its text and where it goes; `Enter` opens one, `y` copies it, `/` filters.
//! `Y` copies the open article as plain text.
//!
//! Opening and copying are [`Effect`]s: `update` only asks for them, the event loop does them
//! (a program started, a sequence written to the terminal) and says how it went.

use super::prompt::{Prompt, PromptKind};
use super::scroll::{self, Move, Paging};
use super::{Action, App, MessageKind, Popup, geometry};
use crate::links::{self, Link, Safety};

/// Something for the event loop to do for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Hand this URL to the opener.
    Open(String),
    /// Put this text on the clipboard; `what` names it in the message.
    Copy {
        /// The text.
        text: String,
        /// What it is (`the link`, `the article`).
        what: String,
    },
}

/// The links the popup lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkList {
    /// The whole newsletter's, rather than the open article's.
    pub all: bool,
    /// Every link in scope, in reading order.
    pub links: Vec<Link>,
    /// The ones the filter lets through, by index into `links`.
    pub shown: Vec<usize>,
    /// What the links' text or URL must contain (any case), empty for all.
    pub filter: String,
    /// The filter before the prompt opened, given back by `Esc`.
    before: Option<String>,
}

impl LinkList {
    /// A list of `links`, none filtered out.
    pub fn of(links: Vec<Link>, all: bool) -> LinkList {
        let mut list = LinkList {
            all,
            links,
            ..LinkList::default()
        };
        list.refilter();
        list
    }

    /// The link on shown row `row`.
    pub fn shown_link(&self, row: usize) -> Option<&Link> {
        self.links.get(*self.shown.get(row)?)
    }

    fn refilter(&mut self) {
        let needle = self.filter.to_lowercase();
        self.shown = (0..self.links.len())
            .filter(|&i| {
                let l = &self.links[i];
                needle.is_empty()
                    || l.text.to_lowercase().contains(&needle)
                    || l.url.to_lowercase().contains(&needle)
            })
            .collect();
    }
}

/// `L`: the popup of the open article's links (`all`: the newsletter's), filtered as it was
/// when `filtered` (the reader switching between the two); with none, says so.
pub(super) fn open_popup(app: &mut App, all: bool, filtered: bool) {
    let list = if all {
        links::of_newsletter(&app.doc)
    } else {
        app.open_article()
            .map(|a| links::of_article(app.open, a))
            .unwrap_or_default()
    };
    if list.is_empty() {
        if all {
            app.popup = None;
            app.say(MessageKind::Info, "the newsletter has no links".to_string());
        } else {
            // The newsletter's, then, if it has any.
            open_popup(app, true, filtered);
            if app.popup.is_some() {
                let text = "this article has no links: these are the newsletter's";
                app.say(MessageKind::Info, text.to_string());
            }
        }
        return;
    }
    let mut list = LinkList::of(list, all);
    if let Some(before) = app.links.as_ref().filter(|_| filtered) {
        list.filter.clone_from(&before.filter);
        list.refilter();
    }
    app.links = Some(list);
    set(app, 0, 0, false);
}

/// A key in the links popup.
pub(super) fn popup_action(app: &mut App, action: &Action) {
    let Some(Popup::Links {
        selected,
        scroll,
        confirm,
    }) = app.popup
    else {
        return;
    };
    let selected_link = app
        .links
        .as_ref()
        .and_then(|l| l.shown_link(selected))
        .cloned();
    if confirm {
        // Asked whether to open a link that is not a web page: only `y` opens it.
        set(app, selected, scroll, false);
        match (action, selected_link) {
            (Action::Yes, Some(link)) => hand_over(app, Effect::Open(link.url)),
            _ => app.say(MessageKind::Info, "not opened".to_string()),
        }
        return;
    }
    match action {
        Action::Links => {
            let all = app.links.as_ref().is_some_and(|l| l.all);
            open_popup(app, !all, true);
        }
        Action::Confirm => {
            if let Some(link) = selected_link {
                follow(app, link);
            }
        }
        Action::Yes => {
            if let Some(link) = selected_link {
                copy(app, link);
            }
        }
        _ => {
            let len = app.links.as_ref().map_or(0, |l| l.shown.len());
            let page = usize::from(geometry::links_area(app).height.saturating_sub(2)).max(1);
            let Some(movement) = Move::of(action) else {
                return;
            };
            let to = scroll::step(selected, len, Paging::lines(page), movement, None);
            let top = scroll::into_view(scroll, to, to, page);
            set(app, to, top, false);
        }
    }
}

/// A link opened or copied: the popup gives way to the reader, whose status bar says how it
/// went.
pub(super) fn hand_over(app: &mut App, effect: Effect) {
    app.effects.push(effect);
    app.popup = None;
}

fn set(app: &mut App, selected: usize, scroll: usize, confirm: bool) {
    app.popup = Some(Popup::Links {
        selected,
        scroll,
        confirm,
    });
}

/// Copies `link`'s target; what could not be opened is not put where it could be pasted either.
pub(super) fn copy(app: &mut App, link: Link) {
    if link.url.chars().any(char::is_control) {
        let text = "not copied: the link holds control characters";
        app.say(MessageKind::Error, text.to_string());
    } else {
        hand_over(
            app,
            Effect::Copy {
                text: link.url,
                what: "the link".to_string(),
            },
        );
    }
}

/// Follows `link` as its target allows: a web page opened at once, another scheme once the
/// reader has seen it and said yes, a dangerous one never, a place in the newsletter gone to
/// (`Ctrl-o` comes back). From the popup, from a label and from a click alike.
pub(super) fn follow(app: &mut App, link: Link) {
    match links::safety(&link.url) {
        Safety::Open => hand_over(app, Effect::Open(link.url)),
        Safety::Ask(_) => match app.popup {
            // Asked in the popup the link was chosen in, else in one holding only it.
            Some(Popup::Links {
                selected, scroll, ..
            }) => set(app, selected, scroll, true),
            _ => {
                app.links = Some(LinkList::of(vec![link], false));
                set(app, 0, 0, true);
            }
        },
        Safety::Refuse(why) => app.say(MessageKind::Error, format!("not opened: {why}")),
        Safety::Inside(anchor) => match links::find_anchor(&app.doc, &anchor) {
            Some((article, pos)) => {
                app.popup = None;
                super::jumps::leave(app);
                super::bookmarks::jump(app, article, pos);
                app.focus = super::Focus::Reader;
                let text = format!("went to #{anchor} (Ctrl-o comes back)");
                app.say(MessageKind::Info, text);
            }
            None => app.say(
                MessageKind::Error,
                format!("#{anchor} is nowhere in this newsletter"),
            ),
        },
    }
}

/// `/` in the links popup: a prompt whose text filters the links as it is typed.
pub(super) fn start_filter(app: &mut App) {
    let Some(list) = app.links.as_mut() else {
        return;
    };
    list.before = Some(list.filter.clone());
    let mut prompt = Prompt::new(PromptKind::LinkFilter);
    prompt.insert(&list.filter);
    app.prompt = Some(prompt);
}

/// The filter follows the prompt's text.
pub(super) fn filter_edited(app: &mut App) {
    let (Some(prompt), Some(list)) = (&app.prompt, app.links.as_mut()) else {
        return;
    };
    list.filter.clone_from(&prompt.input);
    list.refilter();
    if let Some(Popup::Links { .. }) = app.popup {
        set(app, 0, 0, false);
    }
}

/// `Enter` keeps the filter, `Esc` gives back the one before.
pub(super) fn filter_done(app: &mut App, keep: bool) {
    let Some(list) = app.links.as_mut() else {
        return;
    };
    let before = list.before.take();
    if !keep {
        list.filter = before.unwrap_or_default();
        list.refilter();
        if let Some(Popup::Links { .. }) = app.popup {
            set(app, 0, 0, false);
        }
    }
}

/// `Y`: the open article as plain text, to the clipboard.
pub(super) fn copy_article(app: &mut App) {
    let Some(article) = app.open_article() else {
        return;
    };
    let text = links::plain_text(article);
    app.effects.push(Effect::Copy {
        text,
        what: "the article".to_string(),
    });
}
