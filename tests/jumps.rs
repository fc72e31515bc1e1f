//! The jump list: `Ctrl-o` back to the exact text position the reader jumped from (after `G`,
//! a search result, a bookmark, a section, a count), with a resize in between; `Alt-o` forward;
//! `''` to the place before the last jump and back; moves that are not jumps leave no place.

mod common;

use common::{press, sample, screen};
use kanbao::app::jumps::{Place, here};
use kanbao::app::{Action, App, update};

fn place(app: &App) -> Place {
    here(app).expect("an article is open")
}

/// The sample, its first long article open in the reader, a few pages down.
fn reading() -> App {
    let mut app = sample(100, 30);
    press(&mut app, "<Enter>");
    // The longest article, so that G is more than a page.
    let longest = (0..app.articles.len())
        .max_by_key(|&i| app.article(i).map_or(0, |a| a.blocks.len()))
        .unwrap();
    press(&mut app, &format!("{}]", longest));
    assert_eq!(app.open, longest);
    press(&mut app, "<C-d>");
    app
}

#[test]
fn ctrl_o_comes_back_from_g_to_the_exact_text_even_after_a_resize() {
    let mut app = reading();
    let from = place(&app);
    press(&mut app, "G");
    let end = place(&app);
    assert_ne!(end, from);
    update(
        &mut app,
        Action::Resize {
            width: 70,
            height: 20,
        },
    );
    press(&mut app, "<C-o>");
    assert_eq!(place(&app), from, "back at the text it jumped from");
    // And forward again, to the text that was at the top at the end.
    press(&mut app, "<A-o>");
    assert_eq!(place(&app), end);
}

#[test]
fn a_line_or_two_is_no_jump_but_a_count_is() {
    let mut app = reading();
    press(&mut app, "jjk");
    press(&mut app, "<C-o>");
    assert!(screen(&app).contains("no earlier place to go back to"));
    let from = place(&app);
    press(&mut app, "3g");
    assert_ne!(place(&app), from);
    press(&mut app, "<C-o>");
    assert_eq!(place(&app), from);
}

#[test]
fn ctrl_o_comes_back_from_a_search_result_and_a_section() {
    let mut app = reading();
    let from = place(&app);
    press(&mut app, "S工会<Enter>");
    press(&mut app, "jj<Enter>");
    assert!(app.popup.is_none());
    let found = place(&app);
    assert_ne!(found, from);
    press(&mut app, "}");
    assert_ne!(place(&app), found);
    press(&mut app, "<C-o>");
    assert_eq!(
        place(&app),
        found,
        "back from the section to the search result"
    );
    press(&mut app, "<C-o>");
    assert_eq!(place(&app), from, "back from the search result");
}

/// The sample with a bookmark in its second section, the reader back in the first: the app,
/// the bookmark's place and the reader's.
fn bookmarked() -> (App, Place, Place) {
    let mut app = sample(100, 30);
    app.restore("feedc0de".into(), "/news/sample.txt".into(), None, false);
    press(&mut app, "}<Tab><C-d>m");
    press(&mut app, "此处<Enter>");
    let marked = place(&app);
    press(&mut app, "{<C-d>");
    let from = place(&app);
    (app, marked, from)
}

#[test]
fn ctrl_o_comes_back_from_a_bookmark() {
    let (mut app, marked, from) = bookmarked();
    press(&mut app, "'<Enter>");
    assert_eq!(place(&app), marked, "the bookmark's place");
    press(&mut app, "<C-o>");
    assert_eq!(place(&app), from);
}

#[test]
fn two_quotes_go_to_the_place_before_the_last_jump_and_back() {
    let mut app = reading();
    let from = place(&app);
    press(&mut app, "G");
    let end = place(&app);
    // No bookmarks: the first ' only says so, the second is ''.
    press(&mut app, "''");
    assert_eq!(place(&app), from);
    press(&mut app, "''");
    assert_eq!(place(&app), end);
}

#[test]
fn a_click_on_a_bookmark_in_its_popup_jumps_there_and_ctrl_o_comes_back() {
    let (mut app, marked, from) = bookmarked();
    press(&mut app, "'");
    let area = kanbao::app::geometry::bookmarks_area(&app);
    // The first row inside the border is the first bookmark's.
    update(
        &mut app,
        Action::Click {
            column: area.x + 3,
            row: area.y + 1,
        },
    );
    assert_eq!(app.popup, None);
    assert_eq!(place(&app), marked);
    press(&mut app, "<C-o>");
    assert_eq!(place(&app), from);
}
