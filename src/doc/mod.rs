//! The newsletter: its model, the assembly step every front end feeds, and its printed forms.

pub mod assemble;
pub mod model;
pub mod outline;
pub mod text;

pub use assemble::{Assembler, Batch, Jump, Placed};
pub use model::{
    Article, ArticleKind, Block, BlockKind, Format, Marker, More, Newsletter, Part, Section, Span,
    SpanKind, TextPos,
};
pub use text::{Text, Texts};

/// Gives the memory the allocator holds free back to the system. glibc keeps freed memory in
/// the heap it came from, for that heap's next allocations (another thread's allocations come
/// from another heap), and returns only the free top of a heap by itself: what a big
/// newsletter's text and pieces let go, while its model is built on other threads, would stay.
pub(crate) fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns pages of free chunks to the system; it takes each
    // heap's lock, so it is safe beside threads that allocate.
    unsafe {
        libc::malloc_trim(0);
    }
}
