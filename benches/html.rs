//! HTML and email parsing speed: a 2 MB newsletter page made of the HTML fixture's sections
//! (layout tables, styles, links, a preheader), and a 300 KB email of the same HTML in
//! quoted-printable.
//!
//! `cargo bench --bench html` prints the time per parse; MB/s = size / median time.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use kanbao::read::{email, html};

fn main() {
    divan::main();
}

/// The layout-table fixture's body repeated to about `bytes`, in one page.
fn page(bytes: usize) -> String {
    let fixture = include_str!("../tests/fixtures/html/en-layout-tables.html");
    let start = fixture.find("<center>").unwrap_or(0);
    let end = fixture.rfind("</center>").map_or(fixture.len(), |e| e + 9);
    let body = &fixture[start..end];
    let mut out = String::with_capacity(bytes + body.len());
    out.push_str(&fixture[..start]);
    let mut n = 0;
    while out.len() < bytes {
        n += 1;
        out.push_str(&body.replace(
            "Frost is on its way",
            &format!("Frost is on its way, part {n}"),
        ));
    }
    out.push_str(&fixture[end..]);
    out
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn two_mb_page(bencher: Bencher) {
    let text = page(2 << 20);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| html::parse(black_box(&text)));
}

/// Quoted-printable as senders write it: `=`, tabs and bytes beyond ASCII as `=XX`, lines
/// soft-broken (`=` at the end) before 76 columns.
fn quoted_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 11 / 10);
    for line in text.lines() {
        let mut column = 0;
        for &b in line.as_bytes() {
            let piece = if b == b'=' || b == b'\t' || b >= 0x80 {
                format!("={b:02X}")
            } else {
                char::from(b).to_string()
            };
            if column + piece.len() > 75 {
                out.push_str("=\r\n");
                column = 0;
            }
            column += piece.len();
            out.push_str(&piece);
        }
        out.push_str("\r\n");
    }
    out
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn email_300_kb(bencher: Bencher) {
    let body = quoted_printable(&page(270 << 10));
    let raw = format!(
        "From: Harbour Lane <news@harbourlane.example>\r\nSubject: Bulletin\r\n\
         Date: Mon, 16 Nov 2026 18:05:12 -0500\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\
         \r\n{body}"
    );
    assert!(
        email::parse(raw.as_bytes()).articles().count() > 100,
        "the HTML is read"
    );
    bencher
        .counter(BytesCount::of_str(&raw))
        .bench(|| email::parse(black_box(raw.as_bytes())));
}
