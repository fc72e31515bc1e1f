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
    let (config, problems) = parse("[keys.list]\ntop = [\"j\"]\n\n[keys.global]\nhelp = [\"j\"]\n");
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
