//! Any bytes as an email message, read by the email front end (MIME parts, charsets, the big
//! attachments cut before parsing), and checked as every rich front end is (see
//! `rich_checks.rs`). No panic, no hang.
#![no_main]

#[path = "rich_checks.rs"]
mod rich_checks;

use kanbao::read::email;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rich_checks::check(&email::parse(data));
});
