//! Text facts used everywhere. For now: the one sanitiser ([`sanitize`]).

pub mod sanitize;

pub use sanitize::{clean, escaped, line};
