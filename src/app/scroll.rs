//! Paging, written once: where a movement key takes a position in a list or a text, and where
//! a window over it starts so that the position stays in view. The list, the reader and every
//! popup move through these, each with its own page size.

use super::Action;

/// A movement through a list of items (articles, lines, bookmarks, rows of results).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The next item.
    Down,
    /// The previous item.
    Up,
    /// A page on.
    PageDown,
    /// A page back.
    PageUp,
    /// Half a page on.
    HalfPageDown,
    /// Half a page back.
    HalfPageUp,
    /// The first item (with a count: item `count`).
    Top,
    /// The last item (with a count: item `count`).
    Bottom,
}

impl Move {
    /// The movement an action asks for, if it is one.
    pub fn of(action: &Action) -> Option<Move> {
        Some(match action {
            Action::Down => Move::Down,
            Action::Up => Move::Up,
            Action::PageDown => Move::PageDown,
            Action::PageUp => Move::PageUp,
            Action::HalfPageDown => Move::HalfPageDown,
            Action::HalfPageUp => Move::HalfPageUp,
            Action::Top => Move::Top,
            Action::Bottom => Move::Bottom,
            _ => return None,
        })
    }

    /// Whether it goes towards the start.
    pub fn is_back(self) -> bool {
        matches!(self, Move::Up | Move::PageUp | Move::HalfPageUp)
    }
}

/// How far the page keys go in one view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Items a page moves.
    pub page: usize,
    /// Items half a page moves.
    pub half: usize,
}

impl Paging {
    /// A view `height` lines high (at least two are assumed): a page keeps one line of the
    /// last one in view, as less does with a window; half a page is half the height.
    pub fn lines(height: usize) -> Paging {
        let height = height.max(2);
        Paging {
            page: height - 1,
            half: height / 2,
        }
    }

    /// A page, and half a page too, moves `step` items (at least one).
    pub fn whole(step: usize) -> Paging {
        let step = step.max(1);
        Paging {
            page: step,
            half: step,
        }
    }
}

/// Where `movement`, done `count` times (once when there is none), takes position `at` among
/// `len` items; always an item (0 when there are none). `Top` and `Bottom` with a count go to
/// item `count`, from 1, as `g` and `G` do in less and vim.
pub fn step(at: usize, len: usize, paging: Paging, movement: Move, count: Option<usize>) -> usize {
    let last = len.saturating_sub(1);
    let n = count.unwrap_or(1);
    let to = match movement {
        Move::Down => at.saturating_add(n),
        Move::Up => at.saturating_sub(n),
        Move::PageDown => at.saturating_add(paging.page.saturating_mul(n)),
        Move::PageUp => at.saturating_sub(paging.page.saturating_mul(n)),
        Move::HalfPageDown => at.saturating_add(paging.half.saturating_mul(n)),
        Move::HalfPageUp => at.saturating_sub(paging.half.saturating_mul(n)),
        Move::Top | Move::Bottom if count.is_some() => n.saturating_sub(1),
        Move::Top => 0,
        Move::Bottom => last,
    };
    to.min(last)
}

/// Where a window of `page` rows should start, now at `scroll`, so that rows `first..=last`
/// are in view; when they cannot all be, the end the window moves towards (the first from
/// below it, the last from above).
pub fn into_view(scroll: usize, first: usize, last: usize, page: usize) -> usize {
    if first < scroll {
        first
    } else if last >= scroll + page {
        last + 1 - page
    } else {
        scroll
    }
}

/// The furthest a window of `page` rows over `len` rows starts: its last row at the end.
pub fn max_top(len: usize, page: usize) -> usize {
    len.saturating_sub(page)
}

/// `percent` (at most 100) of the way from 0 to `last`, rounded up: `50%` of an odd length
/// lands past the middle, and any count above 0 leaves the start.
pub fn percent(last: usize, percent: usize) -> usize {
    (last * percent.min(100)).div_ceil(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES_10: Paging = Paging { page: 9, half: 5 };

    #[test]
    fn a_page_of_lines_keeps_one_line_and_half_is_half() {
        assert_eq!(Paging::lines(10), LINES_10);
        assert_eq!(Paging::lines(11), Paging { page: 10, half: 5 });
        // A view of one line, or none, still moves.
        assert_eq!(Paging::lines(1), Paging { page: 1, half: 1 });
        assert_eq!(Paging::lines(0), Paging { page: 1, half: 1 });
        assert_eq!(Paging::whole(4), Paging { page: 4, half: 4 });
        assert_eq!(Paging::whole(0), Paging { page: 1, half: 1 });
    }

    #[test]
    fn movements_stay_among_the_items() {
        let go = |at, m, count| step(at, 100, LINES_10, m, count);
        assert_eq!(go(0, Move::Down, None), 1);
        assert_eq!(go(0, Move::Up, None), 0);
        assert_eq!(go(50, Move::PageDown, None), 59);
        assert_eq!(go(50, Move::PageUp, None), 41);
        assert_eq!(go(50, Move::HalfPageDown, None), 55);
        assert_eq!(go(50, Move::HalfPageUp, None), 45);
        assert_eq!(go(95, Move::PageDown, None), 99);
        assert_eq!(go(3, Move::PageUp, None), 0);
        assert_eq!(go(50, Move::Top, None), 0);
        assert_eq!(go(50, Move::Bottom, None), 99);
    }

    #[test]
    fn a_count_repeats_a_movement_and_names_an_item_for_top_and_bottom() {
        let go = |at, m, count| step(at, 100, LINES_10, m, Some(count));
        assert_eq!(go(0, Move::Down, 5), 5);
        assert_eq!(go(10, Move::Up, 3), 7);
        assert_eq!(go(0, Move::PageDown, 3), 27);
        assert_eq!(go(0, Move::HalfPageDown, 2), 10);
        assert_eq!(go(50, Move::Top, 20), 19);
        assert_eq!(go(50, Move::Bottom, 20), 19);
        assert_eq!(go(50, Move::Bottom, 500), 99);
        // A huge count does not overflow.
        assert_eq!(go(5, Move::PageDown, usize::MAX), 99);
        assert_eq!(go(5, Move::PageUp, usize::MAX), 0);
        // No count is 0 (a lone `0` is no count), but a 0 would be the first item.
        assert_eq!(go(50, Move::Top, 0), 0);
    }

    #[test]
    fn an_empty_list_has_only_position_zero() {
        for m in [
            Move::Down,
            Move::Up,
            Move::PageDown,
            Move::PageUp,
            Move::HalfPageDown,
            Move::HalfPageUp,
            Move::Top,
            Move::Bottom,
        ] {
            assert_eq!(step(0, 0, LINES_10, m, None), 0, "{m:?}");
            assert_eq!(step(7, 0, LINES_10, m, Some(3)), 0, "{m:?}");
        }
    }

    #[test]
    fn a_page_larger_than_the_list_goes_to_its_ends() {
        let paging = Paging::lines(50);
        assert_eq!(step(1, 5, paging, Move::PageDown, None), 4);
        assert_eq!(step(3, 5, paging, Move::PageUp, None), 0);
        assert_eq!(step(1, 5, paging, Move::HalfPageDown, None), 4);
        assert_eq!(max_top(5, 50), 0);
    }

    #[test]
    fn the_window_follows_the_position() {
        // Above the window: it starts there.
        assert_eq!(into_view(10, 4, 4, 5), 4);
        // Below: its last row there.
        assert_eq!(into_view(10, 20, 20, 5), 16);
        // Inside: it stays.
        assert_eq!(into_view(10, 12, 14, 5), 10);
        // A header and its first item, both kept in view; when they cannot both be, the end
        // the window moves to.
        assert_eq!(into_view(0, 9, 10, 5), 6);
        assert_eq!(into_view(0, 9, 20, 5), 16);
        assert_eq!(into_view(30, 9, 20, 5), 9);
        assert_eq!(max_top(100, 10), 90);
        assert_eq!(max_top(3, 10), 0);
    }

    #[test]
    fn percent_rounds_up_and_stops_at_the_end() {
        assert_eq!(percent(99, 50), 50);
        assert_eq!(percent(100, 50), 50);
        assert_eq!(percent(100, 1), 1);
        assert_eq!(percent(100, 250), 100);
        assert_eq!(percent(0, 50), 0);
    }

    #[test]
    fn actions_that_move_and_their_direction() {
        assert_eq!(Move::of(&Action::PageUp), Some(Move::PageUp));
        assert_eq!(Move::of(&Action::Open), None);
        assert!(Move::HalfPageUp.is_back() && !Move::Bottom.is_back() && !Move::Top.is_back());
    }
}
