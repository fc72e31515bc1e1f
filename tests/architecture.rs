//! The import rules of ARCHITECTURE.md that a grep can check: the state never imports the
//! drawing (`ui` imports `app`, never the other way), so the state stays testable without it
//! and the two cannot grow into one tangle again.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, depth first.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Whether Rust source names the `ui` module from the crate root: `crate::ui` as a path (not
/// `crate::uid`), or `ui` inside a `use crate::{…}` group, on one line or several. Comments
/// are not code.
fn names_ui(source: &str) -> bool {
    let code: String = source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let path = code.match_indices("crate::ui").any(|(at, m)| {
        let after = code[at + m.len()..].chars().next();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    });
    let group = code.match_indices("crate::{").any(|(at, m)| {
        let rest = &code[at + m.len()..];
        // The group, to its closing brace (nested groups included).
        let mut depth = 1;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map_or(rest.len(), |(i, _)| i);
        // Only the group's top level names modules of the crate root.
        let mut depth = 0;
        let mut item = String::new();
        let mut top = Vec::new();
        for c in rest[..end].chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => top.push(std::mem::take(&mut item)),
                _ if depth == 0 => item.push(c),
                _ => {}
            }
        }
        top.push(item);
        top.iter().any(|i| i == "ui" || i.starts_with("ui::"))
    });
    path || group
}

/// The files under `src/<module>` that name `crate::ui`.
fn imports_of_ui(module: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(module);
    let files = rust_files(&root);
    assert!(!files.is_empty(), "no sources under {}", root.display());
    files
        .iter()
        .filter(|f| names_ui(&fs::read_to_string(f).expect("a source file")))
        .map(|f| f.display().to_string())
        .collect()
}

#[test]
fn the_state_never_imports_the_drawing() {
    let found = imports_of_ui("app");
    assert!(
        found.is_empty(),
        "src/app must not import crate::ui (put what both need in app, e.g. app::geometry):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_guard_sees_each_way_of_naming_the_ui() {
    for source in [
        "use crate::ui;",
        "use crate::ui::Theme;",
        "    let column = crate::ui::reader_column(self);",
        "use crate::{doc, ui};",
        "use crate::{ui::popup, doc};",
        "use crate::{\n    doc::Article,\n    ui::{self, Theme},\n};",
        "use crate :: ui ;",
    ] {
        assert!(names_ui(source), "{source}");
    }
    for source in [
        "use crate::app::geometry;",
        "use crate::uid::Thing;",
        "use crate::{doc, build};",
        "use crate::{doc::{ui, x}};",
        "// crate::ui draws it",
    ] {
        assert!(!names_ui(source), "{source}");
    }
}
