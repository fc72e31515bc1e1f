//! Each fixture newsletter's whole `--json` against its reviewed gold file (`NAME.gold.json`
//! beside `NAME.md`, `NAME.html`, `NAME.eml` in `tests/fixtures/`), byte for byte. After a
//! deliberate change, rewrite them with `KANBAO_BLESS=1 cargo test --test fixtures_gold` and
//! review the diff like code.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The fixtures, by their path under `tests/fixtures/`.
const FIXTURES: [&str; 10] = [
    "markdown/en-digest-plain.md",
    "markdown/en-weekly.md",
    "markdown/zh-monthly.md",
    "markdown/zh-weekly.md",
    "html/en-layout-tables.html",
    "html/zh-gbk-page.html",
    "email/en-substack.eml",
    "email/en-mailchimp.eml",
    "email/zh-gb2312.eml",
    "email/en-flowed.eml",
];

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// The gold file of the fixture at `path`: its name with `.gold.json` for its extension.
fn gold_of(path: &str) -> PathBuf {
    let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
    fixture(&format!("{stem}.gold.json"))
}

fn kanbao_json(path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .arg("--json")
        .arg(path)
        .output()
        .expect("run kanbao");
    assert!(
        out.status.success(),
        "kanbao failed on {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("--json prints UTF-8")
}

/// Where two texts first differ, with a few lines of each around it; `None` when equal.
fn first_difference(gold: &str, got: &str) -> Option<String> {
    if gold == got {
        return None;
    }
    let (g, c): (Vec<&str>, Vec<&str>) = (gold.lines().collect(), got.lines().collect());
    let at = g
        .iter()
        .zip(&c)
        .position(|(a, b)| a != b)
        .unwrap_or(g.len().min(c.len()));
    let from = at.saturating_sub(3);
    let around = |lines: &[&str]| -> String {
        lines
            .iter()
            .enumerate()
            .skip(from)
            .take(at - from + 4)
            .map(|(i, l)| format!("{}{:>5} {l}\n", if i == at { ">" } else { " " }, i + 1))
            .collect()
    };
    Some(format!(
        "first difference at line {} ({} lines in gold, {} now)\n--- gold\n{}+++ now\n{}",
        at + 1,
        g.len(),
        c.len(),
        around(&g),
        around(&c)
    ))
}

/// The first place (`sections[1].articles[0].title`) where two JSON values differ, and both
/// values there.
fn json_difference(gold: &Value, got: &Value, at: &str) -> Option<String> {
    match (gold, got) {
        (Value::Object(g), Value::Object(c)) => {
            let keys = g.keys().chain(c.keys().filter(|k| !g.contains_key(*k)));
            keys.into_iter().find_map(|k| {
                let (gv, cv) = (&g.get(k), &c.get(k));
                let here = format!("{at}.{k}");
                match (gv, cv) {
                    (Some(gv), Some(cv)) => json_difference(gv, cv, &here),
                    _ => Some(format!("{here}: {gv:?} in gold, {cv:?} now")),
                }
            })
        }
        (Value::Array(g), Value::Array(c)) => g
            .iter()
            .zip(c)
            .enumerate()
            .find_map(|(i, (gv, cv))| json_difference(gv, cv, &format!("{at}[{i}]")))
            .or_else(|| {
                (g.len() != c.len())
                    .then(|| format!("{at}: {} items in gold, {} now", g.len(), c.len()))
            }),
        _ => (gold != got).then(|| format!("{at}: {gold} in gold, {got} now")),
    }
}

#[test]
fn every_fixture_matches_its_gold_json() {
    let bless = std::env::var_os("KANBAO_BLESS").is_some_and(|v| v == "1");
    let mut problems = Vec::new();
    for name in FIXTURES {
        let got = kanbao_json(&fixture(name));
        let gold_path = gold_of(name);
        if bless {
            std::fs::write(&gold_path, &got).expect("write the gold file");
            continue;
        }
        let gold = std::fs::read_to_string(&gold_path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; write it with KANBAO_BLESS=1 and review it",
                gold_path.display()
            )
        });
        if let Some(diff) = first_difference(&gold, &got) {
            let values = (serde_json::from_str(&gold), serde_json::from_str(&got));
            let field = match values {
                (Ok(g), Ok(c)) => json_difference(&g, &c, "")
                    .unwrap_or_else(|| "the same values, written differently".into()),
                _ => "the gold file is not JSON".into(),
            };
            problems.push(format!("{name}: {field}\n{diff}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\nIf the change is meant, rewrite the gold files with KANBAO_BLESS=1 and review them.",
        problems.join("\n")
    );
}

#[test]
fn the_comparison_shows_where_a_changed_output_differs() {
    let gold = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
    assert_eq!(first_difference(gold, gold), None);
    let diff = first_difference(gold, "{\n  \"a\": 1,\n  \"b\": 3\n}\n").expect("a difference");
    assert!(diff.contains("at line 3"), "{diff}");
    assert!(
        diff.contains(">    3   \"b\": 2") && diff.contains(">    3   \"b\": 3"),
        "{diff}"
    );
    // A missing last line counts too.
    assert!(first_difference(gold, "{\n  \"a\": 1,\n  \"b\": 2\n").is_some());
    let g: Value = serde_json::from_str(r#"{"s": [{"t": "x", "b": [1]}]}"#).unwrap();
    let c: Value = serde_json::from_str(r#"{"s": [{"t": "x", "b": [1, 2]}]}"#).unwrap();
    assert_eq!(json_difference(&g, &g, ""), None);
    assert_eq!(
        json_difference(&g, &c, "").as_deref(),
        Some(".s[0].b: 1 items in gold, 2 now")
    );
}
