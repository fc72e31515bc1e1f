//! A newsletter's structure in one line per article, for parser tests that read like the text.

use kanbao::doc::{ArticleKind, BlockKind, Newsletter};

/// One line per article: `section | title | byline | kind | block kinds`, with `?` after what
/// the parser inferred.
pub fn shape(doc: &Newsletter) -> Vec<String> {
    let mut rows = Vec::new();
    for s in &doc.sections {
        for a in &s.articles {
            let blocks: Vec<&str> = a
                .blocks
                .iter()
                .map(|b| match b.kind {
                    BlockKind::Paragraph => "P",
                    BlockKind::Subheading => "S",
                    BlockKind::ListItem => "L",
                    BlockKind::Quote => "Q",
                    BlockKind::Code => "C",
                    BlockKind::Image => "I",
                    BlockKind::Rule => "R",
                    BlockKind::Table => "T",
                })
                .collect();
            rows.push(format!(
                "{}{} | {}{} | {} | {} | {}",
                s.title,
                if s.inferred { "?" } else { "" },
                a.title,
                if a.title_inferred { "?" } else { "" },
                a.byline.as_deref().unwrap_or("-"),
                match a.kind {
                    ArticleKind::Story => "story",
                    ArticleKind::Photo => "photo",
                },
                blocks.join(""),
            ));
        }
    }
    rows
}
