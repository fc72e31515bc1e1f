//! The newsletter: its model, the parser that builds it from text, and its printed forms.

pub mod credit;
pub mod hints;
pub mod model;
pub mod outline;
pub mod parse;
pub mod rules;
pub mod stream;

pub use hints::{Hints, parse_with};
pub use model::{Article, ArticleKind, Block, BlockKind, Newsletter, Part, Section, TextPos};
pub use parse::parse;
pub use stream::{Assembler, Batch, Stream};
