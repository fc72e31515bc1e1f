//! Any bytes as a newsletter file: decode, then parse with the built-in rules and with parser
//! hints read from the text's first line (`bylines|agencies|section markers`, each
//! comma-separated), as a user's `[parser]` table would give them.
#![no_main]

use kanbao::read::plain::{self, Hints};
use kanbao::source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = source::decode(data) else {
        return;
    };
    let text = &decoded.text;
    let plain = plain::parse(text);
    // Empty hints are documented to be the built-in parser exactly.
    assert_eq!(plain::parse_with(text, &Hints::default()), plain);

    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut fields = first.split('|').map(|f| {
        f.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    });
    let hints = Hints {
        bylines: fields.next().unwrap_or_default(),
        agencies: fields.next().unwrap_or_default(),
        section_markers: fields.next().unwrap_or_default(),
    };
    let _ = plain::parse_with(rest, &hints);
});
