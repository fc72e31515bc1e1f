//! Inputs that crashed or hung kanbao through the paths the `cargo fuzz` targets in `fuzz/`
//! drive, kept so each stays fixed.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use kanbao::app::App;
use kanbao::read::plain;
use kanbao::source;
use kanbao::store::{self, Store};

/// Runs `work` on its own thread and fails if it takes longer than `limit` (a hang, not a
/// slow machine: the work is tiny).
fn finishes_within(limit: Duration, work: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        work();
        let _ = done.send(());
    });
    assert!(
        finished.recv_timeout(limit).is_ok(),
        "still running after {limit:?}"
    );
}

/// A bookmarks file whose saved position names an article far past the end (a hand-edited or
/// damaged file): restoring it must give up quickly, not walk every index up to it.
/// Spotted while writing the `bookmarks` target and confirmed with its binary (libFuzzer
/// timeout); ten minutes of fuzzing did not reach it. Hangs in `Anchor::find` (src/anchor.rs),
/// whose search for the nearest article runs over `0..count.max(self.article + 1)`.
#[test]
fn a_saved_position_in_an_article_far_past_the_end_does_not_hang() {
    let file = b"version = 1\n\
        [newsletters.x.position]\n\
        article = 9000000000000000000\n\
        title = \"nope\"\n\
        part = \"title\"\n\
        offset = 0\n\
        snippet = \"\"\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(store::FILE_NAME), file).unwrap();
    let saved = Store::at(dir.path()).load().unwrap();
    let record = saved.newsletters["x"].clone();
    finishes_within(Duration::from_secs(10), move || {
        let text = source::decode(source::SAMPLE).unwrap().text;
        let mut app = App::new(plain::parse(&text), "sample.txt".into(), (80, 24));
        app.restore("x".into(), "sample.txt".into(), Some(&record), false);
    });
}

/// A plain-text email (the flowed fixture, mangled by the `email` target) with a line that
/// is only an escape sequence: its lead line was judged before sanitising, and the block left
/// empty carried a bold span `0..0`.
#[test]
fn a_line_that_sanitises_to_nothing_makes_no_block_with_a_span() {
    let raw: &[u8] =
        b"From: Portwick Che\x96s Club <secretaryr\x0d\x0aDate: Sun, 29 Nov 2026 20:15:000+00 0\
          \x0d\x0aMessage-ID: <dec26@chessclub.example>\x05\x0aMIME-Version: 1.0\x0d\x0aContent\
          -Type: text/plain; charset=utf-7;2333333\x03 format=flowed\x0d\x0aContent-Transfer-En\
          coding: 7bit\x0d\x0a\x0d\x0aDear members,\x0d\x0a\x0d\x0aClub notes\x0d finished with\
           UNSUBSCRIB three teams finished \x0d\x0a> within hclock if you have one\x0d\x0a- you\
          r scorenhu.example>\x0d\x0aMIME-Version: 1.0\x0d\x0aContent-Type: text/html; charset=\
          \"gb2312\"\x0din; charset=utf-7;2333333\x03 formct=flowed\x0d\xc5\xc5\xc5\xc5\xc5\xc5\
          \xc5\xc5\xc5\xc5\xc5\xc5ith UNSUBSCRIBEom: Portwick Chess Club <secreta2y@chesscluXWW\
          WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWb.example>\
          \x0d\x0aTo\xa1 members@chessclub.exampl three teams finished \x0d\x0a> within half a \
          point of each other.\x0d\x0a>> Quoted from the October notes.\x0d\x0a\x0d\x0aJunior s\
          ession \x0d\x0a\x0d\x0aJuniors meet on Saturday mornings. Please bring:\x0d\x0a\x0d\x0a\
          - a clo#k if you have one\x0d\x0a\x00\x00\x00Rur scoresheet be top three teams finish\
          ed \x0d\x0a> within half a point of each other.\x0d\x0a>> Quoted from the October not\
          es.\x09\x0a\x0d\x0a\x8b\x90\xaf\x91\x96\x8d\xdf\x89ession \x0d\x0a\x0d\x0aJuEniors me\
          et on Saturday mornine\x0d\x0a- your scoresheet book\x0d\x0a\x0d\x0a-- \x0d\x0aPortwi\
          ck Chesthis \xe5mail was sent tos Club\x0d\x0ar master.</p></blockquote>\x0d\x0a<h3>T\
          he winter swim</h3>\x0d\x0ae October \xff\xff\xff\xff\xff\xff\xff\x1enotes.\x0d\x0a\x0d\
          \x0aJunior session \x0d\x0a\x0d\x0aJuniors meet on Saturday mornings. Please bring:\x0d\
          \x0a\x0d\x0a- a clo#k if you have one\x0d\x0a\x00\x00\x00Rur scoresheet book\x0d\x0a\x0d\
          \x0a-- \x0d\x0aPortwick Chess Club\x0d\x0aTo leave this list, reply with U.\xff\x0d\x0a";
    let doc = kanbao::read::email::parse(raw);
    for (_, article) in doc.articles() {
        for (part, text) in article.parts() {
            for span in article.spans(part) {
                assert!(
                    span.start < span.end
                        && span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "{part:?}: {span:?} in {text:?}"
                );
            }
        }
    }
}
