//! Styles written as words: `"bold yellow"`, `"black on light-yellow"`, `"italic #888888"`,
//! `"reversed"`, `"default"`.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// Modifiers by the words that name them.
const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("reverse", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

/// Reads a style: modifiers, a foreground colour, and `on` with a background colour, in any
/// order; `default` (or an empty string) is the terminal's own.
pub fn parse(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if lower == "default" || lower == "none" {
            continue;
        }
        if let Some(&(_, m)) = MODIFIERS.iter().find(|(name, _)| *name == lower) {
            style = style.add_modifier(m);
        } else if lower == "on" {
            let bg = words
                .next()
                .ok_or_else(|| format!("\"on\" needs a colour after it in {text:?}"))?;
            style = style.bg(color(bg)?);
        } else {
            style = style.fg(color(word)?);
        }
    }
    Ok(style)
}

fn color(word: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!(
            "{word:?} is not a colour (a name such as yellow or light-blue, a number 0-255, or #rrggbb)"
        )
    })
}

/// Writes a style the way [`parse`] reads it.
pub fn format(style: Style) -> String {
    let mut words: Vec<String> = Vec::new();
    for &(name, m) in MODIFIERS {
        // Each modifier once, by its first name.
        if style.add_modifier.contains(m)
            && !words
                .iter()
                .any(|w| MODIFIERS.iter().any(|&(n, mm)| n == w && mm == m))
        {
            words.push(name.to_string());
        }
    }
    if let Some(fg) = style.fg {
        words.push(color_name(fg));
    }
    if let Some(bg) = style.bg {
        words.push("on".into());
        words.push(color_name(bg));
    }
    if words.is_empty() {
        "default".into()
    } else {
        words.join(" ")
    }
}

fn color_name(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => i.to_string(),
        // `LightBlue` → `light-blue`.
        other => {
            let debug = format!("{other:?}");
            let mut out = String::new();
            for (i, ch) in debug.chars().enumerate() {
                if ch.is_ascii_uppercase() && i > 0 {
                    out.push('-');
                }
                out.push(ch.to_ascii_lowercase());
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_read_from_words_and_back() {
        let s = parse("bold black on light-yellow").unwrap();
        assert_eq!(
            s,
            Style::new()
                .add_modifier(Modifier::BOLD)
                .fg(Color::Black)
                .bg(Color::LightYellow)
        );
        assert_eq!(format(s), "bold black on light-yellow");
        for text in [
            "default",
            "reversed",
            "italic dark-gray",
            "#ff8800 on 236",
            "underlined",
        ] {
            assert_eq!(format(parse(text).unwrap()), text);
        }
        assert_eq!(parse("").unwrap(), Style::new());
    }

    #[test]
    fn mistakes_say_what_was_expected() {
        assert!(
            parse("bold purplish")
                .unwrap_err()
                .contains("\"purplish\" is not a colour")
        );
        assert!(parse("red on").unwrap_err().contains("needs a colour"));
    }
}
