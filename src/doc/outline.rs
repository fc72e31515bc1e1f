//! `--outline`: the newsletter as a readable tree.

use std::fmt::Write;

use super::model::{Article, ArticleKind, BlockKind, Newsletter};

/// The newsletter as text: its title (or `name`), then each section with its articles, their
/// bylines and how much text they hold. Inferred titles and sections are marked.
pub fn outline(doc: &Newsletter, name: &str) -> String {
    let mut out = String::new();
    let articles = doc.articles().count();
    let _ = writeln!(
        out,
        "{} — {} in {}",
        doc.title.as_deref().unwrap_or(name),
        count(articles, "article", "articles"),
        count(doc.sections.len(), "section", "sections"),
    );
    let mut number = 0;
    for section in &doc.sections {
        let _ = writeln!(
            out,
            "\n{}{} ({})",
            section.title,
            if section.inferred { " [inferred]" } else { "" },
            count(section.articles.len(), "article", "articles"),
        );
        for article in &section.articles {
            number += 1;
            let mut marks = String::new();
            if article.kind == ArticleKind::Photo {
                marks.push_str("[photo] ");
            }
            if article.title_inferred {
                marks.push_str("[inferred] ");
            }
            let _ = writeln!(out, "  {number:>3}. {marks}{}", article.title);
            if let Some(subtitle) = &article.subtitle {
                let _ = writeln!(out, "       {subtitle}");
            }
            let detail = contents(article);
            match &article.byline {
                Some(byline) => {
                    let _ = writeln!(out, "       {byline} · {detail}");
                }
                None => {
                    let _ = writeln!(out, "       {detail}");
                }
            }
        }
    }
    out
}

/// What an article holds: its paragraphs, then any other kinds of block it has.
fn contents(article: &Article) -> String {
    const KINDS: [(BlockKind, &str, &str); 7] = [
        (BlockKind::Subheading, "subheading", "subheadings"),
        (BlockKind::ListItem, "list item", "list items"),
        (BlockKind::Quote, "quote", "quotes"),
        (BlockKind::Code, "code block", "code blocks"),
        (BlockKind::Table, "table", "tables"),
        (BlockKind::Image, "image", "images"),
        (BlockKind::Rule, "rule", "rules"),
    ];
    let mut parts = Vec::new();
    let paragraphs = article.paragraphs().count();
    for (kind, one, many) in KINDS {
        let n = article.blocks.iter().filter(|b| b.kind == kind).count();
        if n > 0 {
            parts.push(count(n, one, many));
        }
    }
    // "0 paragraphs" only when there is nothing else to tell.
    if paragraphs > 0
        || parts.is_empty()
        || parts[0].ends_with("subheading")
        || parts[0].ends_with("subheadings")
    {
        parts.insert(0, count(paragraphs, "paragraph", "paragraphs"));
    }
    parts.join(", ")
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
