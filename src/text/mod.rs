//! Text facts used everywhere: the one sanitiser ([`sanitize`]), the one script predicate
//! ([`script`]), the one display width ([`width`]) and byte-offset helpers.

pub mod sanitize;
pub mod script;
pub mod width;

pub use sanitize::{clean, escaped, line};
pub use script::{is_han, is_wide};
pub use width::{cluster_width, display_width, wider_than};

/// The largest char boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
