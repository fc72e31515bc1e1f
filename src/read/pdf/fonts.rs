//! A PDF font as the text walk needs it: how a string's bytes split into character codes, what
//! each code reads as, how wide it is, and whether the face is bold.
//!
//! What a code reads as comes from the font's `/ToUnicode` map when it has one (read by
//! `lopdf`, or by its `bfchar` and `bfrange` sections alone when `lopdf` refuses it); else from the
//! predefined Chinese CMap it names (`UniGB-UCS2-H` and `UniGB-UTF16-H` are Unicode already,
//! `GBK-EUC-H`, `GB-EUC-H` and their kin are GBK bytes, one byte for ASCII, two for the rest);
//! else, for a simple font, from its encoding (`lopdf`'s tables: WinAnsi, MacRoman, Standard,
//! `/Differences`); else, for an `Identity-H` font without `/ToUnicode`, from the font program
//! embedded in the file (a TrueType font: its own `cmap`, read backwards by `ttf-parser`, says
//! which character each glyph draws). A code that reads as nothing is
//! skipped: a document of nothing but such codes has no text layer to read.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

/// The most a `/ToUnicode` stream may inflate to: a real one is a few hundred KiB.
const MAX_CMAP: usize = 16 << 20;

/// The most an embedded font program may inflate to: a whole CJK font is 10–20 MiB.
const MAX_FONT_FILE: usize = 32 << 20;

/// How a string's bytes split into codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codes {
    /// One byte a code (simple fonts).
    One,
    /// Two bytes a code (`Identity-H`, `UniGB-UCS2-H`).
    Two,
    /// UTF-16: two bytes, four for a surrogate pair (`UniGB-UTF16-H`).
    Utf16,
    /// GBK: one byte below 0x81, else two (`GBK-EUC-H`, `GB-EUC-H`, `GBKp-EUC-H`).
    Gbk,
}

/// Where a code's text comes from when there is no `/ToUnicode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    /// The code is a Unicode code unit (UCS-2, UTF-16).
    Unicode,
    /// The code's bytes are GBK.
    Gbk,
    /// A simple font's encoding.
    Simple,
    /// Nothing says (`Identity-H` without `/ToUnicode`).
    Unknown,
}

/// Glyph widths, in thousandths of the text size.
#[derive(Debug, Clone)]
enum Widths {
    /// A simple font's `/FirstChar` and `/Widths`.
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    /// A composite font's `/W` ranges (sorted by first code) and `/DW`.
    Cid {
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
        /// The codes are CIDs (`Identity-H`), so `/W` applies.
        identity: bool,
    },
}

/// One font of a page.
pub(super) struct Font<'a> {
    codes: Codes,
    meaning: Meaning,
    to_unicode: Option<Encoding<'a>>,
    encoding: Option<Encoding<'a>>,
    /// What each CID draws, by the embedded font program (`Identity-H` without `/ToUnicode`).
    glyphs: HashMap<u32, char>,
    /// A `/ToUnicode` map read by [`read_cmap`]: what a code (value, bytes) reads as.
    own: HashMap<(u32, u8), String>,
    widths: Widths,
    /// Glyph space to text space for widths: 1/1000, or a Type 3 font's matrix.
    scale: f32,
    /// The face is bold by its name or its descriptor.
    pub(super) bold: bool,
}

/// One character code of a string.
pub(super) struct Code {
    /// What it reads as (empty when nothing says).
    pub(super) text: String,
    /// Its advance, in text space units per unit of text size.
    pub(super) width: f32,
    /// A one-byte code 32, which word spacing (`Tw`) widens.
    pub(super) space: bool,
}

impl<'a> Font<'a> {
    /// The font `dict` describes.
    pub(super) fn new(dict: &'a Dictionary, doc: &'a Document, budget: &mut usize) -> Font<'a> {
        let subtype = name(dict.get(b"Subtype").ok(), doc).unwrap_or_default();
        let base = name(dict.get(b"BaseFont").ok(), doc).unwrap_or_default();
        let to_unicode = dict.get(b"ToUnicode").ok().and_then(|object| {
            // A dictionary with only this entry: lopdf reads its map for us.
            let mut only = Dictionary::new();
            only.set("Type", Object::Name(b"Font".to_vec()));
            only.set("ToUnicode", object.clone());
            match only.get_font_encoding_with_limit(doc, MAX_CMAP) {
                Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
                _ => None,
            }
        });
        // A map lopdf refuses (one without the standard preamble, say): its sections read
        // here.
        let own = match (
            &to_unicode,
            dict.get(b"ToUnicode").ok().and_then(|o| deref(o, doc)),
        ) {
            (None, Some(Object::Stream(stream))) => stream
                .decompressed_content_with_limit(MAX_CMAP)
                .ok()
                .or_else(|| {
                    let plain = stream.dict.get(b"Filter").is_err();
                    (plain && stream.content.len() <= MAX_CMAP).then(|| stream.content.clone())
                })
                .map(|bytes| read_cmap(&bytes))
                .unwrap_or_default(),
            _ => HashMap::new(),
        };
        let descriptor = |d: &'a Dictionary| {
            d.get(b"FontDescriptor")
                .ok()
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_dict().ok())
        };
        if subtype == "Type0" {
            let cmap = name(dict.get(b"Encoding").ok(), doc).unwrap_or_default();
            let (codes, meaning) = composite(&cmap);
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_dict().ok());
            let default = descendant
                .and_then(|d| d.get(b"DW").ok())
                .and_then(|o| number(o, doc))
                .unwrap_or(1000.0);
            let ranges = descendant
                .and_then(|d| d.get(b"W").ok())
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_array().ok())
                .map(|w| cid_widths(w, doc))
                .unwrap_or_default();
            let bold = is_bold(&base, descendant.and_then(descriptor), doc);
            let glyphs = match (meaning, &to_unicode, descendant) {
                (Meaning::Unknown, None, Some(cid_font)) if own.is_empty() => {
                    embedded_glyphs(cid_font, descriptor(cid_font), doc, budget)
                }
                _ => HashMap::new(),
            };
            return Font {
                codes,
                meaning,
                to_unicode,
                glyphs,
                own,
                encoding: None,
                widths: Widths::Cid {
                    ranges,
                    default,
                    identity: cmap.starts_with("Identity"),
                },
                scale: 0.001,
                bold,
            };
        }
        let first = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| number(o, doc))
            .unwrap_or(0.0)
            .max(0.0) as u32;
        let widths = dict
            .get(b"Widths")
            .ok()
            .and_then(|o| deref(o, doc))
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().map(|w| number(w, doc).unwrap_or(0.0)).collect())
            .unwrap_or_default();
        let missing = descriptor(dict)
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(|o| number(o, doc))
            .unwrap_or(0.0);
        // A Type 3 font's glyphs are in its own matrix's space.
        let scale = if subtype == "Type3" {
            dict.get(b"FontMatrix")
                .ok()
                .and_then(|o| deref(o, doc))
                .and_then(|o| o.as_array().ok())
                .and_then(|m| m.first())
                .and_then(|o| number(o, doc))
                .filter(|s| s.is_finite() && *s > 0.0 && *s < 1.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        Font {
            codes: Codes::One,
            meaning: Meaning::Simple,
            encoding: dict.get_font_encoding_with_limit(doc, MAX_CMAP).ok(),
            to_unicode,
            glyphs: HashMap::new(),
            own,
            widths: Widths::Simple {
                first,
                widths,
                missing,
            },
            scale,
            bold: is_bold(&base, descriptor(dict), doc),
        }
    }

    /// The codes of `bytes`, in order.
    pub(super) fn codes(&self, bytes: &[u8], mut each: impl FnMut(Code)) {
        let mut i = 0;
        while i < bytes.len() {
            let len = match self.codes {
                Codes::One => 1,
                Codes::Two => 2,
                Codes::Utf16 => {
                    // A surrogate pair is one code; a high surrogate without its pair is not.
                    let high = bytes[i] & 0xFC == 0xD8;
                    let low_next = bytes.get(i + 2).is_some_and(|b| b & 0xFC == 0xDC);
                    if high && low_next { 4 } else { 2 }
                }
                Codes::Gbk => {
                    // GBK's lead bytes are 0x81–0xFE; anything else is one byte.
                    if bytes[i] < 0x81 || bytes[i] == 0xFF {
                        1
                    } else {
                        2
                    }
                }
            };
            let code = &bytes[i..(i + len).min(bytes.len())];
            i += len;
            let value = code.iter().fold(0u32, |v, &b| (v << 8) | u32::from(b));
            let text = self.text_of(code, value);
            let width = self.width_of(code, value, &text) * self.scale;
            each(Code {
                text,
                width,
                space: len == 1 && value == 32,
            });
        }
    }

    fn text_of(&self, code: &[u8], value: u32) -> String {
        let len = u8::try_from(code.len()).unwrap_or(4);
        if let Some(Encoding::UnicodeMapEncoding(map)) = &self.to_unicode
            && let Some(units) = map.get(value, len)
        {
            return String::from_utf16_lossy(&units);
        }
        if let Some(text) = self.own.get(&(value, len)) {
            return text.clone();
        }
        match self.meaning {
            Meaning::Unicode => {
                let units: Vec<u16> = code
                    .chunks(2)
                    .map(|p| (u16::from(p[0]) << 8) | u16::from(*p.get(1).unwrap_or(&0)))
                    .collect();
                String::from_utf16_lossy(&units)
            }
            Meaning::Gbk => encoding_rs::GBK
                .decode_without_bom_handling(code)
                .0
                .into_owned(),
            Meaning::Simple => match &self.encoding {
                Some(encoding) => encoding.bytes_to_string(code).unwrap_or_default(),
                None => code.iter().map(|&b| char::from(b)).collect(),
            },
            Meaning::Unknown => self
                .glyphs
                .get(&value)
                .map(|c| c.to_string())
                .unwrap_or_default(),
        }
    }

    /// A code's width in glyph space.
    fn width_of(&self, code: &[u8], value: u32, text: &str) -> f32 {
        // Without a width to go by: an ideograph is square, anything else half as wide.
        let guess = || {
            if text.chars().next().is_some_and(crate::text::is_wide) || code.len() > 1 {
                1000.0
            } else {
                500.0
            }
        };
        let width = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => value
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .or((*missing > 0.0).then_some(*missing)),
            Widths::Cid {
                ranges,
                default,
                identity,
            } => {
                if *identity {
                    let at = ranges.partition_point(|r| r.0 <= value);
                    Some(
                        at.checked_sub(1)
                            .map(|k| ranges[k])
                            .filter(|r| value <= r.1)
                            .map_or(*default, |r| r.2),
                    )
                } else if code.len() == 1 || !text.chars().next().is_some_and(crate::text::is_wide)
                {
                    // Not a CID: ASCII (a GBK CMap's one-byte codes, UCS-2 below U+0100) is
                    // set half-width, Chinese as wide as the font's default.
                    Some(500.0)
                } else {
                    Some(*default)
                }
            }
        };
        width
            .filter(|w| w.is_finite() && *w > 0.0 && *w < 10_000.0)
            .unwrap_or_else(guess)
    }
}

/// How a predefined CMap's codes split and read.
fn composite(cmap: &str) -> (Codes, Meaning) {
    match cmap {
        "UniGB-UCS2-H" | "UniGB-UCS2-V" | "UniCNS-UCS2-H" | "UniJIS-UCS2-H" | "UniKS-UCS2-H" => {
            (Codes::Two, Meaning::Unicode)
        }
        "UniGB-UTF16-H" | "UniGB-UTF16-V" | "UniCNS-UTF16-H" | "UniJIS-UTF16-H"
        | "UniKS-UTF16-H" => (Codes::Utf16, Meaning::Unicode),
        "GBK-EUC-H" | "GBK-EUC-V" | "GB-EUC-H" | "GB-EUC-V" | "GBKp-EUC-H" | "GBKp-EUC-V"
        | "GBpc-EUC-H" | "GBpc-EUC-V" => (Codes::Gbk, Meaning::Gbk),
        _ => (Codes::Two, Meaning::Unknown),
    }
}

/// The most codes a `/ToUnicode` map read by [`read_cmap`] gives (a font has 65 536 at most),
/// and the most it writes, all told (ranges may overlap).
const MAX_CMAP_CODES: usize = 1 << 17;

/// The most tokens of a `/ToUnicode` map read by [`read_cmap`].
const MAX_CMAP_TOKENS: usize = 4 * MAX_CMAP_CODES;

/// The most UTF-16 code units one code reads as (a ligature, a character with its marks).
const MAX_CMAP_UNITS: usize = 8;

/// A `/ToUnicode` map read by its `bfchar` and `bfrange` sections alone (`<01> <4E2D>`,
/// `<0003> <0005> <0041>`, `<0006> <0007> [<4E00> <4E8C>]`): what each code, by its value and
/// its length in bytes, reads as. Whatever else the stream holds is passed over.
fn read_cmap(bytes: &[u8]) -> HashMap<(u32, u8), String> {
    #[derive(PartialEq)]
    enum Token {
        Hex(Vec<u8>),
        Open,
        Close,
        Word(Vec<u8>),
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() && tokens.len() < MAX_CMAP_TOKENS {
        match bytes[i] {
            // A dictionary's `<<` and `>>` hold no codes.
            b'<' | b'>' if bytes.get(i + 1) == Some(&bytes[i]) => i += 2,
            b'<' => {
                let end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |e| i + e);
                let digits: Vec<u8> = bytes[i + 1..end]
                    .iter()
                    .filter_map(|&b| char::from(b).to_digit(16).map(|d| d as u8))
                    .collect();
                let hex = digits
                    .chunks(2)
                    .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                    .collect();
                tokens.push(Token::Hex(hex));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b']' => {
                tokens.push(Token::Close);
                i += 1;
            }
            b if b.is_ascii_alphabetic() => {
                let end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |e| i + e);
                tokens.push(Token::Word(bytes[i..end].to_vec()));
                i = end;
            }
            _ => i += 1,
        }
    }
    let value = |hex: &[u8]| {
        hex.iter()
            .take(4)
            .fold(0u32, |v, &b| (v << 8) | u32::from(b))
    };
    let text = |hex: &[u8]| {
        let units: Vec<u16> = hex
            .chunks(2)
            .take(MAX_CMAP_UNITS)
            .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = HashMap::new();
    let mut section = None;
    let mut k = 0;
    // Every code written counts, so overlapping ranges cannot make it work for ever.
    let written = std::cell::Cell::new(0usize);
    let put = |map: &mut HashMap<(u32, u8), String>, key, value| {
        written.set(written.get() + 1);
        map.insert(key, value);
        written.get() < MAX_CMAP_CODES
    };
    while k < tokens.len() && written.get() < MAX_CMAP_CODES {
        match (&tokens[k], section) {
            (Token::Word(w), _) => {
                section = match w.as_slice() {
                    b"beginbfchar" => Some(false),
                    b"beginbfrange" => Some(true),
                    _ => None,
                };
                k += 1;
            }
            (Token::Hex(src), Some(false)) => {
                if let Some(Token::Hex(dst)) = tokens.get(k + 1) {
                    put(&mut map, (value(src), src.len().min(4) as u8), text(dst));
                }
                k += 2;
            }
            (Token::Hex(lo), Some(true)) => {
                let (Some(Token::Hex(hi)), Some(dst)) = (tokens.get(k + 1), tokens.get(k + 2))
                else {
                    break;
                };
                let (lo_v, hi_v) = (value(lo), value(hi));
                let len = lo.len().min(4) as u8;
                let count = hi_v.saturating_sub(lo_v).min(MAX_CMAP_CODES as u32);
                match dst {
                    Token::Hex(first) => {
                        let base: Vec<u16> = text(first).encode_utf16().collect();
                        for n in 0..=count {
                            // The last code unit counts up along the range.
                            let mut units = base.clone();
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(n as u16);
                            }
                            let key = (lo_v.saturating_add(n), len);
                            if !put(&mut map, key, String::from_utf16_lossy(&units)) {
                                break;
                            }
                        }
                        k += 3;
                    }
                    Token::Open => {
                        let mut j = k + 3;
                        let mut n = 0;
                        while let Some(Token::Hex(each)) = tokens.get(j) {
                            if n <= count
                                && !put(&mut map, (lo_v.saturating_add(n), len), text(each))
                            {
                                break;
                            }
                            n += 1;
                            j += 1;
                        }
                        k = j + 1;
                    }
                    _ => k += 3,
                }
            }
            _ => k += 1,
        }
    }
    map
}

/// The characters looked up in an embedded font's `cmap`: Latin, punctuation, CJK symbols,
/// kana, the unified ideographs (and extension A), Hangul, full-width forms.
const SCRIPTS: &[std::ops::RangeInclusive<u32>] = &[
    0x20..=0x24F,
    0x2000..=0x206F,
    0x2100..=0x21FF,
    0x2460..=0x24FF,
    0x2500..=0x257F,
    0x25A0..=0x26FF,
    0x3000..=0x30FF,
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xAC00..=0xD7A3,
    0xFE30..=0xFE4F,
    0xFF00..=0xFFEF,
];

/// The most bytes of embedded font programs one document may inflate for their `cmap`s.
pub(super) const FONT_BUDGET: usize = 256 << 20;

/// What each CID of `cid_font` draws, read from its embedded TrueType program:
/// a CID is a glyph number (`/CIDToGIDMap` `/Identity`, or the map's two bytes a CID), and the
/// program's `cmap` says which character each glyph is for. Empty when the font embeds no such
/// program, or it cannot be read.
fn embedded_glyphs(
    cid_font: &Dictionary,
    descriptor: Option<&Dictionary>,
    doc: &Document,
    budget: &mut usize,
) -> HashMap<u32, char> {
    // A TrueType program only: its glyph numbers are the CIDs (through `/CIDToGIDMap`); in a
    // CID-keyed CFF one they are not.
    let program = descriptor.and_then(|d| {
        ["FontFile2"].iter().find_map(|key| {
            let stream = deref(d.get(key.as_bytes()).ok()?, doc)?.as_stream().ok()?;
            // Each font read costs at least a mebibyte of the budget: many fonts sharing one
            // program cannot make the lookups below run for ever.
            *budget = budget.saturating_sub(1 << 20);
            let limit = MAX_FONT_FILE.min(*budget);
            let bytes = match stream.decompressed_content_with_limit(limit) {
                Ok(bytes) => bytes,
                // Stored as it is (no filter): the stream's own bytes.
                Err(_) if stream.dict.get(b"Filter").is_err() && stream.content.len() <= limit => {
                    stream.content.clone()
                }
                Err(_) => return None,
            };
            *budget -= bytes.len().min(*budget);
            Some(bytes)
        })
    });
    let Some(program) = program else {
        return HashMap::new();
    };
    let Ok(face) = ttf_parser::Face::parse(&program, 0) else {
        return HashMap::new();
    };
    // Glyph → character: the first character of the scripts a newsletter sets that the font
    // maps to it. (The characters are looked up rather than the map's ranges walked: a hostile
    // map may claim every code point, many times over.)
    let mut chars: HashMap<u16, char> = HashMap::new();
    if let Some(cmap) = face.tables().cmap {
        // The first Unicode subtable says it (a hostile font lists thousands).
        for table in cmap
            .subtables
            .into_iter()
            .filter(|t| t.is_unicode())
            .take(1)
        {
            for point in SCRIPTS.iter().flat_map(|r| r.clone()) {
                if let (Some(c), Some(glyph)) = (char::from_u32(point), table.glyph_index(point)) {
                    chars.entry(glyph.0).or_insert(c);
                }
            }
        }
    }
    // CID → glyph: the identity, or the map's big-endian pairs.
    let map = cid_font
        .get(b"CIDToGIDMap")
        .ok()
        .and_then(|o| deref(o, doc))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| s.decompressed_content_with_limit(1 << 17).ok());
    match map {
        Some(map) => map
            .chunks_exact(2)
            .enumerate()
            .filter_map(|(cid, pair)| {
                let glyph = u16::from_be_bytes([pair[0], pair[1]]);
                chars.get(&glyph).map(|&c| (cid as u32, c))
            })
            .collect(),
        None => chars.into_iter().map(|(g, c)| (u32::from(g), c)).collect(),
    }
}

/// A CID font's `/W` array: `c [w1 w2 …]` and `c_first c_last w`, as sorted ranges.
fn cid_widths(w: &[Object], doc: &Document) -> Vec<(u32, u32, f32)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    let as_code = |o: &Object| number(o, doc).filter(|n| *n >= 0.0).map(|n| n as u32);
    while i < w.len() {
        let Some(first) = as_code(&w[i]) else {
            break;
        };
        match w.get(i + 1).and_then(|o| deref(o, doc)) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().enumerate() {
                    if let Some(width) = number(width, doc) {
                        let code = first.saturating_add(k as u32);
                        ranges.push((code, code, width));
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) =
                    (as_code(last), w.get(i + 2).and_then(|o| number(o, doc)))
                else {
                    break;
                };
                ranges.push((first, last.max(first), width));
                i += 3;
            }
            None => break,
        }
    }
    ranges.sort_by_key(|r| r.0);
    ranges
}

/// A face is bold by its name (`…,Bold`, `…-Black`, `…Heavy`) or its descriptor (a weight of
/// 600 or more, the force-bold flag).
fn is_bold(base: &str, descriptor: Option<&Dictionary>, doc: &Document) -> bool {
    let base = base.rsplit('+').next().unwrap_or(base).to_ascii_lowercase();
    let named = ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| base.contains(w));
    let weight = descriptor
        .and_then(|d| d.get(b"FontWeight").ok())
        .and_then(|o| number(o, doc))
        .is_some_and(|w| w >= 600.0);
    let forced = descriptor
        .and_then(|d| d.get(b"Flags").ok())
        .and_then(|o| number(o, doc))
        .is_some_and(|f| (f as u32) & (1 << 18) != 0);
    named || weight || forced
}

/// `object`, a reference followed (once: a reference to a reference is broken).
pub(super) fn deref<'a>(object: &'a Object, doc: &'a Document) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// A number, directly or by reference.
pub(super) fn number(object: &Object, doc: &Document) -> Option<f32> {
    deref(object, doc)?
        .as_float()
        .ok()
        .filter(|n| n.is_finite())
}

/// A name, directly or by reference, as text.
pub(super) fn name(object: Option<&Object>, doc: &Document) -> Option<String> {
    let name = deref(object?, doc)?.as_name().ok()?;
    Some(String::from_utf8_lossy(name).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cmap_is_read_by_its_sections_alone() {
        let map = read_cmap(
            b"2 beginbfchar\n<01> <4E2D>\n<0002> <D83DDE00>\nendbfchar\n\
              1 beginbfrange <0003> <0005> <0041> endbfrange\n\
              1 beginbfrange <0006> <0007> [<4E00> <4E8C>] endbfrange\n\
              << /Registry (Adobe) >> 1 beginbfrange <0010> <FFFF> <0061> endbfrange",
        );
        assert_eq!(map.get(&(1, 1)).map(String::as_str), Some("中"));
        assert_eq!(map.get(&(2, 2)).map(String::as_str), Some("😀"));
        assert_eq!(map.get(&(4, 2)).map(String::as_str), Some("B"));
        assert_eq!(map.get(&(7, 2)).map(String::as_str), Some("二"));
        assert_eq!(map.get(&(0x11, 2)).map(String::as_str), Some("b"));
        // Ranges claiming every code of four bytes, again and again, are bounded.
        let hostile = "1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n".repeat(50);
        let map = read_cmap(hostile.as_bytes());
        assert_eq!(map.len(), MAX_CMAP_CODES);
        assert!(read_cmap(b"1 beginbfrange <00> endbfrange <<<<>>>> [ ] <").is_empty());
    }
}
