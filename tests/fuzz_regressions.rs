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
