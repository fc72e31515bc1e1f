//! Any bytes as an HTML page: decoded as the binary decodes a `.html` file (its `<meta
//! charset>` heeded), read by the HTML front end, and checked as every rich front end is (see
//! `rich_checks.rs`). No panic, no hang (nesting is bounded).
#![no_main]

#[path = "rich_checks.rs"]
mod rich_checks;

use kanbao::read::html;
use kanbao::source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let label = source::html_charset(data);
    let Ok(decoded) = source::decode_labelled(data, label.as_deref()) else {
        return;
    };
    rich_checks::check(&html::parse(&decoded.text));
});
