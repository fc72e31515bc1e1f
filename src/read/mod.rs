//! Front ends: each turns one form a newsletter arrives in into the model's blocks, and
//! [`crate::doc::assemble`] groups them. No front end knows of the reader or the terminal.

pub mod plain;
