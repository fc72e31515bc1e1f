//! Reading newspaper PDFs: a two-page paper and a 300-page one, set by the tests' own
//! typesetter (`tests/common/newspaper.rs`: columns, headlines over columns, bylines, running
//! heads, a photo frame, a story continued on the next page).
//!
//! `cargo bench --bench pdf` prints the time to read each (the text layer walked, every page
//! rebuilt, and the text read into a newsletter); pages/s = pages / median time.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use kanbao::read::pdf;

#[path = "../tests/common/newspaper.rs"]
mod newspaper;

use newspaper::{Column, Flow, Paper};

fn main() {
    divan::main();
}

/// A paper of `pages` pages, each a lead story under a headline over two columns and a story
/// in the third, with running heads and page numbers.
fn paper(pages: usize) -> Vec<u8> {
    let mut paper = Paper::a4();
    let (w, h) = (paper.width, paper.height);
    for n in 1..=pages {
        let page = paper.page();
        page.text(30.0, h - 24.0, 8.0, false, "2026年11月30日 星期一");
        page.centred(0.0, w, h - 24.0, 8.0, &format!("第{n}版 综合"));
        page.centred(0.0, w, 20.0, 8.0, &format!("- {n} -"));
        page.centred(
            30.0,
            382.5,
            h - 70.0,
            20.0,
            &format!("第{n}版的头条新闻标题"),
        );
        let column = |x: f32| Column {
            x,
            width: 170.0,
            top: h - 100.0,
            bottom: 60.0,
        };
        let mut lead = Flow::new(10.0, vec![column(30.0), column(212.5)]);
        for _ in 0..6 {
            lead.paragraph(page, "本月起,滨江产业园的第一家社区食堂正式开门迎客,园区内三十多家企业的职工从此可以在家门口吃上热饭,价格也比外面实惠。");
        }
        lead.byline(page, "滨江区总工会");
        page.centred(395.0, 565.0, h - 70.0, 16.0, "夜校课程报名开启");
        let mut side = Flow::new(10.0, vec![column(395.0)]);
        for _ in 0..4 {
            side.paragraph(page, "今年冬季职工夜校将开设烹饪、摄影、书法、短视频制作等十二门课程,全部免费,即日起接受报名。");
        }
        side.byline(page, "职工学校");
    }
    paper.bytes()
}

fn read(bencher: Bencher, pages: usize) {
    let bytes = paper(pages);
    bencher.counter(ItemsCount::new(pages)).bench(|| {
        let text = pdf::text_of(black_box(&bytes)).unwrap_or_default();
        pdf::parse(&text, &Default::default())
    });
}

#[divan::bench]
fn two_pages(bencher: Bencher) {
    read(bencher, 2);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn three_hundred_pages(bencher: Bencher) {
    read(bencher, 300);
}
