//! Parser hints: conventions of one newsletter that the built-in rules do not know, given by the
//! user's configuration (`[parser]`).
//!
//! Hints only add: a hint is consulted where a built-in rule found nothing, so a hint that does
//! not apply changes nothing, and empty hints are the built-in parser exactly. They are compiled
//! once per parse into a [`Lexicon`] that the parser passes down by reference.

use super::parse::parse_in;
use super::rules::{ends_sentence, is_wide, section_title};
use crate::doc::Newsletter;

/// Conventions of a newsletter the built-in rules do not know, from the user's configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Words that open a credit line, e.g. "撰稿", "文/", "Reporting by": a short line starting
    /// with one is a byline (like `记者 X`).
    pub bylines: Vec<String>,
    /// Names of wire agencies besides the built-in ones, e.g. "中新社", "AFP": they count
    /// wherever the built-in agencies do (据X, X记者…, X电, (X), wire sections named after them).
    pub agencies: Vec<String>,
    /// Forms of section-marker lines, with `{}` standing for the section title, e.g. "■ {}",
    /// "〖{}〗", "=== {} ===", "[{}]": a line of that form is an explicit section marker (like
    /// 【要闻】 or `## News`), titled by what stands in place of `{}` (trimmed, non-empty, short).
    pub section_markers: Vec<String>,
}

/// `parse` with hints; `parse(text)` is `parse_with(text, &Hints::default())`.
///
/// Entries that cannot mean anything (blank words, a marker form without exactly one `{}` or
/// with nothing around it) are ignored.
pub fn parse_with(text: &str, hints: &Hints) -> Newsletter {
    parse_in(text, &Lexicon::new(hints))
}

/// Hints compiled for matching: trimmed, blank entries dropped, agencies split into words.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    bylines: Vec<String>,
    agencies: Vec<Agency>,
    markers: Vec<MarkerForm>,
}

/// A user's wire agency.
#[derive(Debug)]
struct Agency {
    /// The name as the user wrote it: what bylines and sections show.
    name: String,
    /// For a Latin-script name, its lower-case words, matched as the last words of a credit
    /// the way the built-in English agencies are (`By Jane Doe, Semafor`).
    words: Option<Vec<String>>,
}

/// A section-marker form: what comes before and after the title.
#[derive(Debug)]
struct MarkerForm {
    before: String,
    after: String,
}

/// The lexicon of empty hints, shared so that `parse` compiles nothing.
static NONE: Lexicon = Lexicon {
    bylines: Vec::new(),
    agencies: Vec::new(),
    markers: Vec::new(),
};

impl Lexicon {
    /// No hints: the built-in rules alone.
    pub(crate) fn none() -> &'static Lexicon {
        &NONE
    }

    pub(crate) fn new(hints: &Hints) -> Lexicon {
        let bylines = hints
            .bylines
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let agencies = hints
            .agencies
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(|name| Agency {
                name: name.to_string(),
                words: (!name.chars().any(is_wide)
                    && name.chars().any(|c| c.is_ascii_alphabetic()))
                .then(|| {
                    latin_words(&name.to_lowercase())
                        .map(str::to_string)
                        .collect()
                }),
            })
            .collect();
        let markers = hints
            .section_markers
            .iter()
            .filter_map(|f| MarkerForm::new(f))
            .collect();
        Lexicon {
            bylines,
            agencies,
            markers,
        }
    }

    /// The line opens with one of the user's byline words and names someone after it:
    /// `执笔 张三`, `Text: Jane Doe`. (The caller has already checked that the line is short and
    /// holds one sentence at most.)
    pub(crate) fn opens_byline(&self, s: &str) -> bool {
        self.bylines.iter().any(|w| {
            let Some(rest) = strip_prefix_ci(s, w) else {
                return false;
            };
            let name = rest
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '/'))
                .trim();
            // `By` must not open `Byron`; after a Chinese word, a name follows without a space.
            !cuts_word(w, rest) && !name.is_empty() && !ends_sentence(name)
        })
    }

    /// The user's agency a credit line names: `据财新`, `财新记者 张三`, `财新北京3月5日电`,
    /// `(Semafor)`, `By Jane Doe, Semafor`. The line is trimmed of its brackets by the caller.
    pub(crate) fn credit_agency(&self, s: &str) -> Option<String> {
        if self.agencies.is_empty() {
            return None;
        }
        let quoted = s.strip_prefix('据').map(|rest| {
            rest.trim()
                .trim_end_matches("报道")
                .trim_end_matches("消息")
                .trim_end_matches('电')
                .trim_end_matches('讯')
                .trim()
        });
        for a in &self.agencies {
            if quoted.is_some_and(|q| q.eq_ignore_ascii_case(&a.name)) {
                return Some(a.name.clone());
            }
            if let Some(rest) = strip_prefix_ci(s, &a.name)
                && !cuts_word(&a.name, rest)
            {
                let rest = rest.trim_start();
                if rest.is_empty() || rest.starts_with("记者") || rest.ends_with('电') {
                    return Some(a.name.clone());
                }
            }
        }
        None
    }

    /// Whether there are Latin-script agencies to look for among a credit's last words.
    pub(crate) fn has_latin_agencies(&self) -> bool {
        self.agencies.iter().any(|a| a.words.is_some())
    }

    /// The user's Latin-script agencies with their lower-case words.
    pub(crate) fn latin_agencies(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.agencies
            .iter()
            .filter_map(|a| Some((a.name.as_str(), a.words.as_deref()?)))
    }

    /// The user's agency opening a wire dateline: `财新北京3月5日电 …`. `head` is the start of
    /// the paragraph.
    pub(crate) fn dateline_agency(&self, head: &str) -> Option<String> {
        self.agencies.iter().find_map(|a| {
            let rest = strip_prefix_ci(head, &a.name)?;
            let pos = rest.find('电')?;
            (!cuts_word(&a.name, rest) && rest[..pos].chars().count() <= 12).then(|| a.name.clone())
        })
    }

    /// The title of a section-marker line of one of the user's forms.
    pub(crate) fn section_marker<'l>(&self, line: &'l str) -> Option<&'l str> {
        self.markers.iter().find_map(|f| f.title(line))
    }
}

impl MarkerForm {
    /// A form with exactly one `{}` and something around it; anything else would make every
    /// line, or no line, a marker.
    fn new(form: &str) -> Option<MarkerForm> {
        let (before, after) = form.split_once("{}")?;
        if after.contains("{}") {
            return None;
        }
        let (before, after) = (before.trim(), after.trim());
        if before.is_empty() && after.is_empty() {
            return None;
        }
        Some(MarkerForm {
            before: before.to_string(),
            after: after.to_string(),
        })
    }

    /// The title in a line of this form. Spaces between the title and its marks are optional
    /// (PDF extraction adds and drops them), but a word is never cut (`Section {}` does not
    /// match `Sections`).
    fn title<'l>(&self, line: &'l str) -> Option<&'l str> {
        let rest = line.strip_prefix(self.before.as_str())?;
        let inner = rest.strip_suffix(self.after.as_str())?;
        if cuts_word(&self.before, inner) || cuts_word_back(inner, &self.after) {
            return None;
        }
        section_title(inner)
    }
}

/// `s` without `prefix`, comparing ASCII letters without regard to case (`Reporting by`,
/// `AFP`).
fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Latin words run on from `word` into `rest` (`By` + `ron`).
fn cuts_word(word: &str, rest: &str) -> bool {
    word.ends_with(|c: char| c.is_ascii_alphanumeric())
        && rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Latin words run on from `before` into `word`.
fn cuts_word_back(before: &str, word: &str) -> bool {
    before.ends_with(|c: char| c.is_ascii_alphanumeric())
        && word.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// The words of a lower-cased Latin credit, the way agencies are matched: letters, digits and
/// hyphens (`agence france-presse`).
pub(crate) fn latin_words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(bylines: &[&str], agencies: &[&str], markers: &[&str]) -> Lexicon {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Lexicon::new(&Hints {
            bylines: own(bylines),
            agencies: own(agencies),
            section_markers: own(markers),
        })
    }

    #[test]
    fn byline_words_open_a_credit_that_names_someone() {
        let lex = lexicon(&["执笔", "Text:", "By", " "], &[], &[]);
        assert!(lex.opens_byline("执笔 张三"));
        assert!(lex.opens_byline("执笔张三"));
        assert!(lex.opens_byline("text: Jane Doe"));
        assert!(!lex.opens_byline("执笔"));
        assert!(!lex.opens_byline("Byron Lee"));
        assert!(!lex.opens_byline("Text: it ended."));
        assert_eq!(lex.bylines.len(), 3, "blank words are dropped");
    }

    #[test]
    fn agencies_in_credits_and_datelines() {
        let lex = lexicon(&[], &["财新", "Semafor"], &[]);
        assert_eq!(lex.credit_agency("据财新").as_deref(), Some("财新"));
        assert_eq!(lex.credit_agency("据财新报道").as_deref(), Some("财新"));
        assert_eq!(lex.credit_agency("财新记者 张三").as_deref(), Some("财新"));
        assert_eq!(lex.credit_agency("semafor").as_deref(), Some("Semafor"));
        assert_eq!(lex.credit_agency("财新闻"), None);
        assert_eq!(lex.credit_agency("Semaforic"), None);
        assert_eq!(
            lex.dateline_agency("财新北京3月5日电 会议").as_deref(),
            Some("财新")
        );
        assert_eq!(lex.dateline_agency("财新的报道说"), None);
        assert_eq!(lexicon(&[], &[], &[]).credit_agency("据财新"), None);
    }

    #[test]
    fn marker_forms() {
        let lex = lexicon(
            &[],
            &[],
            &["■ {}", "[{}]", "Section {}", "{}", "■", "{}{}", ""],
        );
        assert_eq!(lex.markers.len(), 3, "forms without one `{{}}` are dropped");
        assert_eq!(lex.section_marker("■ 本地新闻"), Some("本地新闻"));
        assert_eq!(lex.section_marker("■本地新闻"), Some("本地新闻"));
        assert_eq!(lex.section_marker("[ Sport ]"), Some("Sport"));
        assert_eq!(lex.section_marker("Section Business"), Some("Business"));
        assert_eq!(lex.section_marker("Sections of the city"), None);
        assert_eq!(lex.section_marker("[]"), None);
        assert_eq!(lex.section_marker("■ "), None);
        assert_eq!(lex.section_marker("[It rained all day.]"), None);
    }
}
