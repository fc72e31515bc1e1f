//! Text laid out by display width with Chinese line-breaking rules.
//!
//! ratatui's `Paragraph::wrap` breaks only at spaces and can put a wide character into the last
//! column, so the reader pane draws lines computed here, without `.wrap()`:
//! [`breaks`] measures grapheme clusters and finds where a line may end, [`wrap`] fills lines
//! greedily, and [`ArticleLayout`] lays out a whole article with every line mapped to its text.

pub mod article;
pub mod breaks;
pub mod wrap;

pub use article::{ArticleLayout, INDENT_COLUMNS, LayoutOptions, Line, Role};
pub use breaks::{display_width, truncate, truncate_start};
pub use wrap::{VisualLine, WrapOptions, wrap};
