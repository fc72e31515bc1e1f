#![allow(dead_code)] // each test file uses its own share of these
//! What the screen tests share: the sample in an `App`, keys pressed by notation, the screen as
//! text.

pub mod newspaper;
pub mod pty;
pub mod shape;

use crossterm::event::{Event, KeyEvent};
use kanbao::app::{App, update};
use kanbao::keymap::Key;
use kanbao::read::plain;
use kanbao::{source, tui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The bundled sample open in a terminal of this size.
pub fn sample(width: u16, height: u16) -> App {
    let text = source::decode(source::SAMPLE).unwrap().text;
    App::new(plain::parse(&text), "sample.txt".into(), (width, height))
}

/// Presses keys written in the keymap's notation, one after another: `"jj<Enter><C-d>"`.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while !rest.is_empty() {
        let len = if rest.starts_with('<') {
            rest.find('>').map_or(1, |i| i + 1)
        } else {
            rest.chars().next().map_or(1, char::len_utf8)
        };
        let key = Key::parse(&rest[..len]).unwrap();
        rest = &rest[len..];
        let event = Event::Key(KeyEvent::new(key.code, key.mods));
        if let Some(action) = app.action_for(&event) {
            update(app, action);
        }
    }
}

pub fn buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    tui::draw(&mut terminal, app).unwrap();
    terminal.backend().buffer().clone()
}

/// The cells of row `y` as a reader sees them: a wide character once, without the blank cell
/// it covers.
fn row(buf: &Buffer, y: u16) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    let mut skip = 0;
    (0..buf.area.width).filter_map(move |x| {
        if skip > 0 {
            skip -= 1;
            return None;
        }
        let cell = &buf[(x, y)];
        skip = cell.symbol().width().saturating_sub(1);
        Some(cell)
    })
}

/// The screen as a reader sees it: a wide character once, not followed by its blank twin.
pub fn screen(app: &App) -> String {
    let buf = buffer(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for cell in row(&buf, y) {
            line.push_str(cell.symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The runs of highlighted text on screen, row by row: `row 5: 工会 [current]`, so snapshots
/// show what a plain-text screen cannot.
pub fn highlights(app: &App) -> String {
    use ratatui::style::Color;
    let buf = buffer(app);
    let theme = app.theme;
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut run = String::new();
        let mut kind = None;
        let flush = |run: &mut String, kind: &mut Option<&str>, out: &mut String| {
            if let Some(k) = kind.take() {
                out.push_str(&format!("row {y}: {run} [{k}]\n"));
            }
            run.clear();
        };
        for cell in row(&buf, y) {
            let here = match cell.bg {
                bg if Some(bg) == theme.current_match.bg => Some("current"),
                bg if Some(bg) == theme.matched.bg && bg != Color::Reset => Some("match"),
                _ => None,
            };
            if here != kind {
                flush(&mut run, &mut kind, &mut out);
                kind = here;
            }
            if kind.is_some() {
                run.push_str(cell.symbol());
            }
        }
        flush(&mut run, &mut kind, &mut out);
    }
    out
}

/// The screen with its styles: each row as runs of text, each run after the style it is drawn
/// in (`[bold yellow]标题`), so snapshots show themes.
pub fn styled(app: &App) -> String {
    use kanbao::config::style;
    let buf = buffer(app);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut current = None;
        for cell in row(&buf, y) {
            // The terminal's own colours are not worth a word.
            let mut cell_style = cell.style();
            cell_style.fg = cell_style.fg.filter(|c| *c != ratatui::style::Color::Reset);
            cell_style.bg = cell_style.bg.filter(|c| *c != ratatui::style::Color::Reset);
            let s = style::format(cell_style);
            if current.as_ref() != Some(&s) {
                line.push_str(&format!("[{s}]"));
                current = Some(s);
            }
            line.push_str(cell.symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The real binary's `--json` (or other) output for `args`, parsed; the run must succeed.
pub fn kanbao_json<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("run kanbao");
    assert!(
        out.status.success(),
        "kanbao failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("kanbao --json prints JSON")
}

/// A scratch directory of this test process, removed when dropped.
pub struct Scratch(pub std::path::PathBuf);

impl Scratch {
    /// A fresh directory named after the test file, the process and `name`.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "kanbao-{}-{}-{name}",
            env!("CARGO_CRATE_NAME"),
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("make scratch dir");
        Scratch(dir)
    }

    /// Writes a file named `name` holding `bytes`; its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write scratch file");
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Two newspaper pages as `pdftotext` gives them (written for these tests): running headers,
/// the masthead and its information block, page numbers, columns of wrapped lines without
/// blank lines between paragraphs, headlines glued to their bodies, credits set right of a
/// last line or under it, and two articles continued on the next page, their rests in the
/// other order.
#[allow(dead_code)]
pub const EXTRACTED_PAGES: &str = "\
2024年5月6日 星期一

第1版 要闻

责任编辑:李明 美编:王芳

2024年5月6日 星期一

江南职工报

农历甲辰年三月廿八
第45期 今日2版
主办:江南职工服务社

河边新建职工
书屋正式开放
本周一,位于河边公园的职工书屋正式
开放,首批藏书三千册,涵盖文学、历史
和技术类图书。
书屋每天开放十小时,职工凭会员卡即可
免费借阅。负责人介绍,书屋还将定
（下转第2版）

夏季用电安全提示
进入夏季,空调和电扇使用频繁,用电负
荷明显上升。供电部门提醒广大职工,离
家时关闭电器电源,不要私拉乱接电线。 江南供电所

运河两岸步道
全线贯通
沿运河修建的步道本月全线贯通,全长
十二公里,沿途设有八处休息点和饮水
站,方便职工晨练和散步。
步道管理处表示,夜间照明将在下月启
（下转第2版）

-1-

2024年5月6日 星期一

第2版 综合

（上接第1版）
用,运河步道的巡查也将增加到每天两次。
运河步道管理处

（上接第1版）
期举办读书分享会,首场定在下周六下午,
书屋的志愿者也在招募之中。
河边街道总工会

-2-
";
