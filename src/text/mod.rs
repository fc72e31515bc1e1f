//! Text facts used everywhere: the one sanitiser ([`sanitize`]) and the one script predicate
//! ([`script`]).

pub mod sanitize;
pub mod script;

pub use sanitize::{clean, escaped, line};
pub use script::{is_han, is_wide};
