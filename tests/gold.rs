//! The bundled sample against its gold structure, under the grading rules of the shared
//! `check_outline.py`: a null section title or a null inferred article title in the gold stands
//! for any non-empty value, and an inferred title must be a prefix of the first paragraph.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;

use common::kanbao_json;

const GOLD: &str = include_str!("fixtures/sample.gold.json");

/// Every difference between a gold outline and a candidate, as the grader words them.
fn differences(gold: &Value, cand: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if !gold["title"].is_null() && cand["title"] != gold["title"] {
        problems.push(format!(
            "document title {} != {}",
            cand["title"], gold["title"]
        ));
    }
    let empty = Vec::new();
    let gs = gold["sections"].as_array().unwrap_or(&empty);
    let cs = cand["sections"].as_array().unwrap_or(&empty);
    if gs.len() != cs.len() {
        problems.push(format!("{} sections, expected {}", cs.len(), gs.len()));
    }
    for (i, (g, c)) in gs.iter().zip(cs).enumerate() {
        if g["inferred"] != c["inferred"] {
            problems.push(format!("section {}: inferred {}", i + 1, c["inferred"]));
        }
        if !g["title"].is_null() && g["title"] != c["title"] {
            problems.push(format!(
                "section {}: title {} != {}",
                i + 1,
                c["title"],
                g["title"]
            ));
        }
        if c["title"].as_str().unwrap_or("").is_empty() {
            problems.push(format!("section {}: empty title", i + 1));
        }
        let (ga, ca) = (&g["articles"], &c["articles"]);
        if ga.as_array().map(Vec::len) != ca.as_array().map(Vec::len) {
            problems.push(format!("section {}: article count differs", i + 1));
        }
    }
    let articles = |sections: &[Value]| -> Vec<Value> {
        sections
            .iter()
            .flat_map(|s| s["articles"].as_array().cloned().unwrap_or_default())
            .collect()
    };
    let (ga, ca) = (articles(gs), articles(cs));
    if ga.len() != ca.len() {
        problems.push(format!("{} articles, expected {}", ca.len(), ga.len()));
    }
    for (i, (g, c)) in ga.iter().zip(&ca).enumerate() {
        let at = format!("article {} ({})", i + 1, g["title"]);
        if g["title_inferred"] == true {
            let title = c["title"].as_str().unwrap_or("");
            let title = title.trim_end_matches('…').trim_end_matches('.').trim();
            let first = c["blocks"]
                .as_array()
                .and_then(|b| b.iter().find(|b| b["kind"] == "paragraph"))
                .and_then(|b| b["text"].as_str())
                .unwrap_or("");
            if c["title_inferred"] != true {
                problems.push(format!(
                    "{at}: title should be inferred, got {}",
                    c["title"]
                ));
            } else if title.is_empty() || !first.starts_with(title) {
                problems.push(format!(
                    "{at}: inferred title {} is not a prefix",
                    c["title"]
                ));
            }
        } else if c["title_inferred"] != false || c["title"] != g["title"] {
            problems.push(format!(
                "{at}: title {} inferred {}",
                c["title"], c["title_inferred"]
            ));
        }
        for field in ["subtitle", "byline", "kind", "blocks"] {
            if g[field] != c[field] {
                problems.push(format!("{at}: {field} {} != {}", c[field], g[field]));
            }
        }
    }
    problems
}

#[test]
fn bundled_sample_matches_its_gold_file() {
    let gold: Value = serde_json::from_str(GOLD).expect("gold parses");
    let cand = kanbao_json(&["--json", "assets/sample.txt"]);
    let problems = differences(&gold, &cand);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_file_opens_the_bundled_sample() {
    assert_eq!(
        kanbao_json(&["--json"]),
        kanbao_json(&["--json", "assets/sample.txt"])
    );
}

#[test]
fn the_comparison_notices_a_wrong_outline() {
    let gold: Value = serde_json::from_str(GOLD).expect("gold parses");
    let mut cand = kanbao_json(&["--json", "assets/sample.txt"]);
    cand["sections"][0]["articles"][0]["byline"] = Value::Null;
    cand["sections"][0]["articles"][1]["title"] = Value::from("不是开头");
    assert_eq!(differences(&gold, &cand).len(), 2);
}

/// The shared grader itself, where the checkout has it beside it (as CI does).
#[test]
fn shared_grader_says_pass() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/check_outline.py");
    if !script.exists() {
        eprintln!("skipped: {} is not beside this checkout", script.display());
        return;
    }
    let json = kanbao_json(&["--json", "assets/sample.txt"]).to_string();
    let dir = std::env::temp_dir().join(format!("kanbao-gold-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cand = dir.join("sample.json");
    std::fs::write(&cand, json).expect("write candidate");
    let out = Command::new("python3")
        .arg(&script)
        .arg("tests/fixtures/sample.gold.json")
        .arg(&cand)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(out) = out else {
        eprintln!("skipped: no python3");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.lines().last().unwrap_or("").starts_with("PASS"),
        "{stdout}"
    );
}
