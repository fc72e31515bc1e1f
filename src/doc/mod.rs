//! The newsletter: its model, the assembly step every front end feeds, and its printed forms.

pub mod assemble;
pub mod model;
pub mod outline;
pub mod text;

pub use assemble::{Assembler, Batch, Placed};
pub use model::{
    Article, ArticleKind, Block, BlockKind, Format, Marker, More, Newsletter, Part, Section, Span,
    SpanKind, TextPos,
};
pub use text::{Text, Texts};
