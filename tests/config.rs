//! The configuration file: the example documents exactly the defaults, mistakes are reported
//! with file, line and key while the other options apply, presets and NO_COLOR.

mod common;

use kanbao::app::{Action, App, Settings};
use kanbao::config::{self, Config, Problem};
use kanbao::keymap::{Context, Key};
use kanbao::ui::Theme;
use ratatui::style::{Color, Modifier, Style};

/// The example with every setting line uncommented (`# key = …` → `key = …`); explanations
/// (`## …`) stay comments.
fn uncommented_example() -> String {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"))
        .expect("config.example.toml at the top of the repository");
    text.lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse(text: &str) -> (Config, Vec<Problem>) {
    config::parse(text, "test.toml")
}

#[test]
fn the_example_uncommented_is_exactly_the_defaults() {
    let text = uncommented_example();
    let (config, problems) = parse(&text);
    assert_eq!(problems, [], "the example has mistakes");
    assert_eq!(config, Config::default());
    // Every role, layout option and bindable action is in it.
    let mut theme = Theme::default();
    for (role, _) in theme.roles_mut() {
        assert!(
            text.contains(&format!("\n{role} = ")),
            "theme role {role} is not documented"
        );
    }
    for b in kanbao::keymap::DEFAULT_BINDINGS {
        let name = b.1.name().unwrap();
        assert!(
            text.contains(&format!("\n{name} = ")),
            "action {name} is not documented"
        );
    }
}

#[test]
fn no_file_means_the_defaults() {
    let (config, problems) = parse("");
    assert_eq!((config, problems), (Config::default(), vec![]));
}

#[test]
fn each_kind_of_mistake_names_file_line_and_key_and_the_rest_applies() {
    let text = r#"
colour = "red"

[layout]
column = 60
list_width = "wide"
gutter = 9
margins = 2

[theme]
preset = "sepia"
title = "bold purplish"
subtitle = "italic blue"
glow = "red"

[keys.list]
down = ["j", "<Nope>"]
up = ["K"]
fly = ["f"]

[keys.reader]
top = 3

[keys.elsewhere]
quit = ["x"]
"#;
    let (config, problems) = parse(text);
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = [
        ("test.toml:2: colour: unknown key", 2),
        (
            "test.toml:6: layout.list_width: expected a whole number, found string",
            6,
        ),
        (
            "test.toml:7: layout.gutter: must be from 0 to 2; the default 1 is kept",
            7,
        ),
        ("test.toml:8: layout.margins: unknown key", 8),
        ("test.toml:11: theme.preset: unknown theme \"sepia\"", 11),
        (
            "test.toml:12: theme.title: \"purplish\" is not a colour",
            12,
        ),
        ("test.toml:14: theme.glow: unknown key", 14),
        ("test.toml:17: keys.list.down: unknown key \"<Nope>\"", 17),
        ("test.toml:19: keys.list.fly: unknown key", 19),
        (
            "test.toml:22: keys.reader.top: expected a key or a list of keys",
            22,
        ),
        ("test.toml:24: keys.elsewhere: unknown key", 24),
    ];
    for (start, line) in expect {
        assert!(
            said.iter().any(|s| s.starts_with(start)),
            "missing {start:?} in:\n{}",
            said.join("\n")
        );
        assert!(problems.iter().any(|p| p.line == line));
    }
    assert_eq!(problems.len(), expect.len(), "{}", said.join("\n"));
    // What was right applies; what was wrong keeps its default.
    assert_eq!(config.settings.column, 60);
    assert_eq!(config.settings.list_width, Settings::default().list_width);
    assert_eq!(config.settings.gutter, 1);
    assert_eq!(config.theme.title, Theme::dark().title);
    assert_eq!(
        config.theme.subtitle,
        Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC)
    );
    let k = |s| Key::parse(s).unwrap();
    assert_eq!(
        config.keymap.action(Context::List, k("K")),
        Some(Action::Up)
    );
    assert_eq!(
        config.keymap.action(Context::List, k("k")),
        None,
        "K replaced k"
    );
    assert_eq!(
        config.keymap.action(Context::List, k("j")),
        Some(Action::Down),
        "kept"
    );
    assert_eq!(
        config.keymap.action(Context::Reader, k("g")),
        Some(Action::Top),
        "kept"
    );
}

#[test]
fn a_key_bound_twice_is_reported() {
    // Each action keeps a key of its own (g, ?), so both choices stand and only j is told.
    let (config, problems) =
        parse("[keys.list]\ntop = [\"j\", \"g\"]\n\n[keys.global]\nhelp = [\"j\", \"?\"]\n");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said.iter().any(|s| s.starts_with(
            "test.toml:5: keys.global.help: j is bound to help in [keys.global] but to down in \
             [keys.list] and down in [keys.reader], which wins there"
        )),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.contains("test.toml:2: keys.list.top: j is bound to both down and top")),
        "{said:?}"
    );
    // The keymap still answers: the first binding wins.
    assert_eq!(
        config
            .keymap
            .action(Context::List, Key::parse("j").unwrap()),
        Some(Action::Down)
    );
}

#[test]
fn broken_toml_is_one_problem_and_all_defaults() {
    let (config, problems) = parse("[layout\ncolumn = 60\n");
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .starts_with("test.toml:1: not valid TOML"),
        "{}",
        problems[0]
    );
}

#[test]
fn presets_and_the_short_form() {
    let (config, problems) = parse("theme = \"light\"\n");
    assert_eq!(problems, []);
    assert_eq!(config.theme, Theme::light());
    let (config, _) = parse("[theme]\npreset = \"light\"\ntitle = \"bold red\"\n");
    assert_eq!(
        config.theme.title,
        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
    );
    assert_eq!(config.theme.subtitle, Theme::light().subtitle);
    let (config, _) = parse("[parser]\nagencies = [\"路透社\"]\nbylines = [\"撰稿\"]\n");
    assert_eq!(config.hints.agencies, ["路透社"]);
    assert_eq!(config.hints.bylines, ["撰稿"]);
}

#[test]
fn layout_settings_change_the_reader() {
    let (config, problems) = parse(
        "[layout]\ncolumn = 40\nindent = false\nparagraph_spacing = false\nnarrow_below = 130\n",
    );
    assert_eq!(problems, []);
    let mut app = common::sample(120, 30);
    app.settings = config.settings;
    kanbao::app::update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 30,
        },
    );
    let layout = app.layout().unwrap();
    assert_eq!(layout.options().width, 40);
    assert!(layout.lines().iter().all(|l| l.indent == 0));
    assert!(
        kanbao::ui::areas(&app).list.is_some() != kanbao::ui::areas(&app).reader.is_some(),
        "one pane at 120 < 130"
    );
    let _: &App = &app;
}

#[test]
fn light_and_no_color_screens() {
    for (name, theme) in [
        ("light", Theme::light()),
        ("no_color", Theme::dark().without_colors()),
    ] {
        let mut app = common::sample(80, 12);
        app.theme = theme;
        common::press(&mut app, "<Enter>/工会");
        insta::assert_snapshot!(format!("theme_{name}"), common::styled(&app));
    }
    // Without colours nothing on screen has one.
    let mut app = common::sample(80, 12);
    app.theme = Theme::dark().without_colors();
    common::press(&mut app, "<Enter>/工会");
    let buf = common::buffer(&app);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

/// `kanbao --check-config --config <file>`: its exit status and what it printed on stderr.
fn check_config(file: &std::path::Path) -> (std::process::ExitStatus, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--check-config", "--config"])
        .arg(file)
        .output()
        .expect("kanbao runs");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The line numbers of the problems `--check-config` printed (`kanbao: file:LINE: …`).
fn lines_told(stderr: &str, file: &str) -> Vec<usize> {
    let prefix = format!("kanbao: {file}:");
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix)?.split(':').next()?.parse().ok())
        .collect()
}

#[test]
fn check_config_lists_every_problem_in_line_order() {
    // Tables are looked at in the order of their names and key conflicts after all keys: the
    // list must still follow the file.
    let text = r#"[theme]
title = "bold purplish"

[layout]
column = "wide"

[keys.list]
top = ["j", "g"]

[keys.reader]
fly = ["f"]

[parser]
agencies = "AP"
"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("order.toml");
    std::fs::write(&path, text).unwrap();
    let (status, err) = check_config(&path);
    assert!(!status.success());
    let file = path.display().to_string();
    assert_eq!(lines_told(&err, &file), [2, 5, 8, 11, 14], "{err}");
    assert!(
        err.contains(":8: keys.list.top: j is bound to both down and top"),
        "{err}"
    );
    assert!(err.ends_with(": 5 problems\n"), "{err}");
}

#[test]
fn the_status_bar_counts_the_problems_and_names_check_config() {
    use common::pty::Session;
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("three.toml");
    std::fs::write(
        &path,
        "[layout]\ncolumn = \"wide\"\ngutter = 9\n\n[keys.elsewhere]\nquit = [\"x\"]\n",
    )
    .unwrap();
    // An 80-column bar shows the file's name, the count, the command and where the first one is.
    let mut s = Session::start_with(&["--config", path.to_str().unwrap()], data.path(), (80, 24));
    s.wait_for(" sample.txt  config: 3 problems (kanbao --check-config); line 2: l");
    s.send("q");
    assert!(s.finish().success());

    // One problem is counted too, and a file that is not UTF-8 is one: the reader starts.
    let path = data.path().join("latin1.toml");
    std::fs::write(
        &path,
        b"[layout]\ncolumn = 60\nlist_width = \"\xe9troit\"\n",
    )
    .unwrap();
    let mut s = Session::start_with(&["--config", path.to_str().unwrap()], data.path(), (80, 24));
    s.wait_for(" sample.txt  config: 1 problem (kanbao --check-config); line 3: lay");
    s.wait_for("为中国式现代化太仓新实践贡献工会力量");
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn the_summary_leads_with_the_count_and_escapes_what_the_file_says() {
    let (_, problems) = parse("\"\\u001b]0;owned\\u0007\" = 1\n[layout]\ngutter = 9\n");
    let summary = config::summary(&problems).unwrap();
    assert!(
        summary.starts_with("config: 2 problems (kanbao --check-config); line 1: \\u{1b}]0;owned"),
        "{summary}"
    );
    assert!(!summary.contains(['\u{1b}', '\u{7}']), "{summary:?}");
    assert_eq!(config::summary(&[]), None);
}

#[test]
fn bytes_that_are_not_utf8_lose_only_their_line() {
    // In a string: that option keeps its default, the problem is on its line.
    let text = b"# r\xe9glages\n[layout]\ncolumn = 60\nlist_width = \"\xe9troit\"\n\n[parser]\nagencies = [\"\xc2\xb7\xd0\xc2\"]\nbylines = [\"by\"]\n";
    let (config, problems) = config::parse_bytes(text, "test.toml");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "test.toml:1: not valid UTF-8 (save the file as UTF-8)",
            "test.toml:4: layout.list_width: not valid UTF-8 (save the file as UTF-8); the \
             default is kept",
            "test.toml:7: parser.agencies: not valid UTF-8 (save the file as UTF-8); the \
             default is kept",
        ]
    );
    assert_eq!(config.settings.column, 60);
    assert_eq!(config.settings.list_width, Settings::default().list_width);
    assert_eq!(
        config.hints.agencies,
        kanbao::read::plain::Hints::default().agencies
    );
    assert_eq!(config.hints.bylines, ["by"]);

    // Outside a string it breaks the TOML: that line is left out and the rest applies.
    let (config, problems) =
        config::parse_bytes(b"[layout]\ncolumn = 6\xff0\nindent = false\n", "test.toml");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        ["test.toml:2: not valid UTF-8 (save the file as UTF-8); this line is ignored"]
    );
    assert_eq!(config.settings.column, Settings::default().column);
    assert!(!config.settings.indent);

    // In a table's header: all defaults, and the one problem.
    let (config, problems) = config::parse_bytes(b"[lay\xffout]\ncolumn = 60\n", "test.toml");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        ["test.toml:1: not valid UTF-8 (save the file as UTF-8); all options keep their defaults"]
    );
    assert_eq!(config, Config::default());
}

#[test]
fn check_config_reads_a_file_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.toml");
    // 路透社 in GBK.
    std::fs::write(
        &path,
        b"[parser]\n\nagencies = [\"\xc2\xb7\xcd\xb8\xc9\xe7\"]\n",
    )
    .unwrap();
    let (status, err) = check_config(&path);
    assert_eq!(status.code(), Some(1));
    let file = path.display().to_string();
    assert_eq!(
        err,
        format!(
            "kanbao: {file}:3: parser.agencies: not valid UTF-8 (save the file as UTF-8); the \
             default is kept\nkanbao: {file}: 1 problem\n"
        )
    );
}

#[test]
fn an_action_left_without_a_key_is_a_problem_and_keeps_its_default() {
    let k = |s| Key::parse(s).unwrap();
    let said = |problems: &[Problem]| -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    };
    // An empty list.
    let (config, problems) = parse("[keys.global]\nquit = []\n");
    assert_eq!(
        said(&problems),
        [
            "test.toml:2: keys.global.quit: an empty list leaves quit without a key; the default \
          keys are kept"
        ]
    );
    for key in ["q", "<C-c>"] {
        assert_eq!(
            config.keymap.action(Context::List, k(key)),
            Some(Action::Quit)
        );
    }
    // Keys that all do something else already.
    let (config, problems) = parse("[keys.global]\nhelp = [\"q\"]\n");
    assert_eq!(
        said(&problems),
        [
            "test.toml:2: keys.global.help: its keys are taken (q by quit), so help would have \
          no key; the default keys are kept"
        ]
    );
    assert_eq!(
        config.keymap.action(Context::Reader, k("?")),
        Some(Action::Help)
    );
    assert_eq!(
        config.keymap.action(Context::Reader, k("q")),
        Some(Action::Quit)
    );
    // A choice that takes the only key of another action.
    let (config, problems) = parse("[keys.global]\nquit = [\"<Tab>\"]\n");
    assert_eq!(
        said(&problems),
        [
            "test.toml:2: keys.global.quit: takes <Tab>, which leaves toggle_focus in \
          [keys.global] without a key; the default keys of quit are kept"
        ]
    );
    assert_eq!(
        config.keymap.action(Context::List, k("<Tab>")),
        Some(Action::ToggleFocus)
    );
    assert_eq!(
        config.keymap.action(Context::List, k("q")),
        Some(Action::Quit)
    );
    // A global key hidden in both panes: nowhere left to press it.
    let (config, problems) =
        parse("[keys.list]\ntop = [\"?\", \"g\"]\n\n[keys.reader]\ntop = [\"?\", \"g\"]\n");
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 5], "{:?}", said(&problems));
    assert!(said(&problems)[0].contains("takes ?, which leaves help in [keys.global]"));
    assert_eq!(
        config.keymap.action(Context::List, k("?")),
        Some(Action::Help)
    );
    // An action that keeps one key of its own is fine (the conflict alone is told).
    let (_, problems) = parse("[keys.list]\ntop = [\"j\", \"t\"]\n");
    assert_eq!(problems.len(), 1, "{:?}", said(&problems));
    assert!(said(&problems)[0].contains("j is bound to both down and top"));
}

#[test]
fn a_ten_megabyte_config_with_200_000_problems_is_checked_whole() {
    const N: usize = 200_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    // A comment line, then an unknown key: problem i is on line 2i + 2.
    let mut text = String::with_capacity(10 << 20);
    for i in 0..N {
        text.push_str(&format!("# {i}\nunknown_{i:06} = \"{}\"\n", "x".repeat(22)));
    }
    assert!(text.len() >= 10_000_000, "{}", text.len());
    std::fs::write(&path, &text).unwrap();
    // Not a timing test: a guard against the hours that counting lines from the start for each
    // problem would take.
    let err_path = dir.path().join("stderr");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--check-config", "--config"])
        .arg(&path)
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("--check-config of a 10 MB file did not finish in two minutes");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(1));
    let err = std::fs::read_to_string(&err_path).unwrap();
    let file = path.display().to_string();
    let lines = lines_told(&err, &file);
    assert_eq!(lines.len(), N);
    assert!(lines.iter().enumerate().all(|(i, &l)| l == 2 * i + 2));
    assert!(err.contains(&format!("{file}:400000: unknown_199999: unknown key")));
    assert!(err.ends_with(&format!("{file}: 200000 problems\n")));
}
