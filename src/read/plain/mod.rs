//! Text extracted from newspaper PDFs: split into blocks, repaired where page and column
//! breaks cut them, classified by the genre's rules and grouped into articles and sections.

mod columns;
pub mod credit;
pub mod hints;
mod pages;
pub mod parse;
pub mod rules;
pub mod stream;
mod wrapped;

pub use hints::{Hints, parse_with};
pub use parse::parse;
pub use stream::Stream;
