//! kanbao (看报): a terminal reader for newsletters extracted from PDF.
//!
//! The library holds everything but the command line: `source` turns bytes into clean text,
//! `doc` turns text into a [`doc::Newsletter`], `layout` sets it by display width, `app` holds
//! the reader's state, `ui` draws it and `tui` runs it in a terminal.

pub mod anchor;
pub mod app;
pub mod config;
pub mod doc;
pub mod find;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod loader;
pub mod opener;
pub mod read;
pub mod source;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
