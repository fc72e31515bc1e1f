//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// kanbao (看报): read newsletters in the terminal.
///
/// FILE is a plain-text newsletter (UTF-8, UTF-16 with a BOM, or GB18030/GBK); `-` reads
/// standard input; with no FILE kanbao opens the sample issue it carries.
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about, long_about)]
pub struct Cli {
    /// The newsletter to open (`-` for standard input).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Print the newsletter's structure as JSON and exit.
    #[arg(long, conflicts_with = "outline")]
    pub json: bool,

    /// Print the newsletter's sections and articles as a tree and exit.
    #[arg(long)]
    pub outline: bool,

    /// Start at the first article instead of where you left off (bookmarks and read marks stay).
    #[arg(long)]
    pub fresh: bool,

    /// Read the configuration from this file instead of the one in your config directory.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Check the configuration file, print what is wrong in it (file, line, key) and exit.
    #[arg(long, conflicts_with_all = ["json", "outline", "file", "bookmarks"])]
    pub check_config: bool,

    /// Print every bookmark of every newsletter (file, article, text, note) and exit.
    #[arg(long, conflicts_with_all = ["json", "outline", "file"])]
    pub bookmarks: bool,
}
