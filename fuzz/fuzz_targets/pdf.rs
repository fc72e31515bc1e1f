//! Any bytes as a PDF: read by the PDF front end (structure, fonts, content streams, the page
//! rebuilt) and the text it gives read into a newsletter. No panic, and no control character
//! in what it gives.
#![no_main]

use kanbao::read::pdf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Also as a PDF whose header is right, so that the structure is tried, not only refused.
    let mut with_header = b"%PDF-1.7\n".to_vec();
    with_header.extend_from_slice(data);
    for bytes in [data, &with_header[..]] {
        if let Ok(text) = pdf::text_of(bytes) {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "a control character in {text:?}"
            );
            let _ = pdf::parse(&text, &Default::default());
        }
    }
});
