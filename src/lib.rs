//! kanbao (看报): a terminal reader for newsletters extracted from PDF.
//!
//! The library holds everything but the command line: `source` turns bytes into clean text,
//! `doc` turns text into a [`doc::Newsletter`].

pub mod doc;
pub mod layout;
pub mod source;
