//! Any text as key notation (config `[keys]`): parsing never panics, and a key that parses
//! prints as notation that parses back to the same key.
#![no_main]

use kanbao::keymap::Key;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(key) = Key::parse(s) {
        let shown = key.to_string();
        assert_eq!(Key::parse(&shown), Ok(key), "{s:?} printed as {shown:?}");
    }
});
