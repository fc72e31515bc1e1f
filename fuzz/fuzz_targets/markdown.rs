//! Any bytes as a Markdown newsletter: decoded as the binary decodes a file, read by the
//! Markdown front end, and checked as every rich front end is (see `rich_checks.rs`). No panic.
#![no_main]

#[path = "rich_checks.rs"]
mod rich_checks;

use kanbao::read::markdown;
use kanbao::source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = source::decode(data) else {
        return;
    };
    rich_checks::check(&markdown::parse(&decoded.text));
});
