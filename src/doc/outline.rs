//! `--outline`: the newsletter as a readable tree.

use std::fmt::Write;

use super::model::{ArticleKind, BlockKind, Newsletter};

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
            let paragraphs = article.paragraphs().count();
            let subheadings = article
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Subheading)
                .count();
            let mut detail = count(paragraphs, "paragraph", "paragraphs");
            if subheadings > 0 {
                detail = format!(
                    "{detail}, {}",
                    count(subheadings, "subheading", "subheadings")
                );
            }
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

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
