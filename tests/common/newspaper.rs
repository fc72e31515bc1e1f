//! Newspaper PDFs made by the tests themselves: a small typesetter that places lines of text
//! where a paper sets them (columns, headlines over columns, bylines right-aligned in bold,
//! running heads, page numbers, photo frames), in the Chinese font every PDF reader knows
//! (`STSong-Light` through the predefined `UniGB-UCS2-H` CMap, not embedded), so the files are
//! small and the text layer is what a real paper's is.

#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};

/// One page being set.
#[derive(Default)]
pub struct Page {
    ops: Vec<Operation>,
}

/// How the paper's strings are encoded for its font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// `UniGB-UCS2-H`: two bytes a character, the character's code.
    Ucs2,
    /// `GBK-EUC-H`: GBK bytes, one for ASCII (digits inside Chinese strings), two for the rest.
    Gbk,
    /// `Identity-H` with a `/ToUnicode` map: glyph numbers, as embedded fonts are set.
    Identity,
    /// `Identity-H` without `/ToUnicode`: glyph numbers of the TrueType font embedded, whose
    /// own `cmap` says what they draw.
    Embedded,
    /// `Identity-H` with a `/ToUnicode` map of nothing but its `bfchar` sections (no preamble,
    /// as some writers make them).
    BareMap,
}

/// A paper being set, page by page.
pub struct Paper {
    pub width: f32,
    pub height: f32,
    pub encoding: Encoding,
    pages: Vec<Page>,
}

/// How wide a character is set, in ems: Chinese square, ASCII half.
fn em(c: char) -> f32 {
    if c.is_ascii() { 0.5 } else { 1.0 }
}

/// A character set square (Chinese, and the full-width marks).
fn is_cjk(c: char) -> bool {
    !c.is_ascii()
}

/// The width of `text` at `size`.
pub fn width(text: &str, size: f32) -> f32 {
    text.chars().map(em).sum::<f32>() * size
}

impl Paper {
    /// An A4 paper.
    pub fn a4() -> Paper {
        Paper {
            width: 595.0,
            height: 842.0,
            encoding: Encoding::Ucs2,
            pages: Vec::new(),
        }
    }

    /// The next page.
    pub fn page(&mut self) -> &mut Page {
        self.pages.push(Page::default());
        self.pages.last_mut().expect("just pushed")
    }

    /// The PDF file.
    pub fn bytes(&self) -> Vec<u8> {
        self.file(None)
    }

    /// The PDF file, encrypted (RC4, 128 bits) with `user` as the password to open it.
    pub fn encrypted(&self, user: &str) -> Vec<u8> {
        self.file(Some(user))
    }

    fn file(&self, password: Option<&str>) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        // Every character the paper sets, numbered from 1 (the glyphs of an Identity font).
        let mut glyphs: Vec<char> = Vec::new();
        let pages: Vec<Vec<Operation>> = self
            .pages
            .iter()
            .map(|p| {
                p.ops
                    .iter()
                    .map(|op| self.encode(op, &mut glyphs))
                    .collect()
            })
            .collect();
        let mut form = Page::default();
        form.text(40.0, 40.0, 10.0, false, "表单里的一行字。");
        form.ops.push(Operation::new("Do", vec!["Fx".into()]));
        let form_ops: Vec<Operation> = form
            .ops
            .iter()
            .map(|op| self.encode(op, &mut glyphs))
            .collect();
        let widths: Vec<Object> = glyphs
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_ascii())
            .flat_map(|(i, _)| {
                let cid = i as i64 + 1;
                [cid.into(), cid.into(), 500.into()]
            })
            .collect();
        let (base, cmap) = match self.encoding {
            Encoding::Ucs2 => ("STSong-Light", "UniGB-UCS2-H"),
            Encoding::Gbk => ("SimSun", "GBK-EUC-H"),
            Encoding::Identity => ("ABCDEF+NotoSansSC-Regular", "Identity-H"),
            Encoding::Embedded => ("GHIJKL+MadeUpSans", "Identity-H"),
            Encoding::BareMap => ("MNOPQR+MadeUpSerif", "Identity-H"),
        };
        let mut cid_font = dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "BaseFont" => base,
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal(if cmap == "Identity-H" { "Identity" } else { "GB1" }),
                "Supplement" => 2,
            },
            "DW" => 1000,
            "W" => if cmap == "Identity-H" { widths } else { vec![1.into(), 95.into(), 500.into()] },
        };
        if self.encoding == Encoding::Embedded {
            let program = doc.add_object(Stream::new(Dictionary::new(), truetype(&glyphs)));
            let descriptor = doc.add_object(dictionary! {
                "Type" => "FontDescriptor",
                "FontName" => base,
                "Flags" => 4,
                "FontFile2" => program,
            });
            cid_font.set("Subtype", "CIDFontType2");
            cid_font.set("FontDescriptor", descriptor);
            cid_font.set("CIDToGIDMap", "Identity");
        }
        let cid = doc.add_object(cid_font);
        let mut font_dict = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => format!("{base}-{cmap}"),
            "Encoding" => cmap,
            "DescendantFonts" => vec![cid.into()],
        };
        if matches!(self.encoding, Encoding::Identity | Encoding::BareMap) {
            let mut map = String::from(
                "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
                 /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
                 /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
                 1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
            );
            for chunk in glyphs.chunks(100).enumerate() {
                let (k, chars) = chunk;
                map.push_str(&format!("{} beginbfchar\n", chars.len()));
                for (j, c) in chars.iter().enumerate() {
                    let cid = k * 100 + j + 1;
                    let units: String = c
                        .encode_utf16(&mut [0; 2])
                        .iter()
                        .map(|u| format!("{u:04X}"))
                        .collect();
                    map.push_str(&format!("<{cid:04X}> <{units}>\n"));
                }
                map.push_str("endbfchar\n");
            }
            map.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            if self.encoding == Encoding::BareMap {
                // Only the sections.
                let from = map
                    .find(" beginbfchar")
                    .and_then(|at| map[..at].rfind('\n'));
                let to = map.rfind("endbfchar").map(|at| at + "endbfchar".len());
                if let (Some(from), Some(to)) = (from, to) {
                    map = map[from + 1..to].to_string();
                }
            }
            let to_unicode = doc.add_object(Stream::new(Dictionary::new(), map.into_bytes()));
            font_dict.set("ToUnicode", to_unicode);
        }
        let font = doc.add_object(font_dict);
        // A one-pixel grey image (a scan's page), and a form that draws a line of text and then
        // itself again (a cycle a reader must not follow for ever).
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => 1,
                "Height" => 1,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            vec![128],
        ));
        let form_id = doc.new_object_id();
        let form_content = Content {
            operations: form_ops,
        };
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => dictionary! { "Im1" => image, "Fx" => form_id },
        });
        doc.objects.insert(
            form_id,
            Object::Stream(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Resources" => resources,
                },
                form_content.encode().expect("encodes"),
            )),
        );
        let mut kids = Vec::new();
        for ops in pages {
            let content = Content { operations: ops };
            let stream = Stream::new(Dictionary::new(), content.encode().expect("encodes"));
            let contents = doc.add_object(stream);
            let id = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => contents,
            });
            kids.push(id.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => kids,
                "Count" => count,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), self.width.into(), self.height.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
        });
        doc.trailer.set("Root", catalog);
        doc.compress();
        if let Some(user) = password {
            let id = Object::String(b"kanbao-test-file".to_vec(), StringFormat::Literal);
            doc.trailer.set("ID", vec![id.clone(), id]);
            let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
                document: &doc,
                owner_password: "owner",
                user_password: user,
                key_length: 128,
                permissions: lopdf::Permissions::all(),
            })
            .expect("encryption state");
            doc.encrypt(&state).expect("encrypts");
        }
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("saves");
        out
    }
}

impl Paper {
    /// `op` with its string in the paper's encoding (the pages hold UTF-16).
    fn encode(&self, op: &Operation, glyphs: &mut Vec<char>) -> Operation {
        let Some(Object::String(utf16, _)) = op.operands.first() else {
            return op.clone();
        };
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        let text = String::from_utf16_lossy(&units);
        let bytes = match self.encoding {
            Encoding::Ucs2 => utf16.clone(),
            Encoding::Gbk => encoding_rs::GBK.encode(&text).0.into_owned(),
            Encoding::Identity | Encoding::Embedded | Encoding::BareMap => text
                .chars()
                .flat_map(|c| {
                    let at = glyphs.iter().position(|&g| g == c).unwrap_or_else(|| {
                        glyphs.push(c);
                        glyphs.len() - 1
                    });
                    (at as u16 + 1).to_be_bytes()
                })
                .collect(),
        };
        Operation::new(
            &op.operator,
            vec![Object::String(bytes, StringFormat::Hexadecimal)],
        )
    }
}

impl Page {
    /// One line of text, its baseline starting at `(x, y)` (points from the bottom left).
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) -> &mut Page {
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let op = |name: &str, operands: Vec<Object>| Operation::new(name, operands);
        self.ops.push(op("BT", vec![]));
        self.ops.push(op("Tf", vec!["F1".into(), size.into()]));
        self.ops.push(op(
            "Tm",
            vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()],
        ));
        if bold {
            // Bold as papers fake it: the outline stroked too.
            self.ops.push(op("Tr", vec![2.into()]));
        }
        self.ops.push(op(
            "Tj",
            vec![Object::String(utf16, StringFormat::Hexadecimal)],
        ));
        if bold {
            self.ops.push(op("Tr", vec![0.into()]));
        }
        self.ops.push(op("ET", vec![]));
        self
    }

    /// An image placed over `(x0, y0)–(x1, y1)`, as a scanner sets a page.
    pub fn image(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) -> &mut Page {
        let cm = vec![
            (x1 - x0).into(),
            0.into(),
            0.into(),
            (y1 - y0).into(),
            x0.into(),
            y0.into(),
        ];
        self.ops.push(Operation::new("q", vec![]));
        self.ops.push(Operation::new("cm", cm));
        self.ops.push(Operation::new("Do", vec!["Im1".into()]));
        self.ops.push(Operation::new("Q", vec![]));
        self
    }

    /// Something that is no operator at all (a stream broken from here on).
    pub fn broken(&mut self) -> &mut Page {
        self.ops.push(Operation::new("<<", vec![]));
        self
    }

    /// Draws the form that draws itself.
    pub fn form(&mut self) -> &mut Page {
        self.ops.push(Operation::new("Do", vec!["Fx".into()]));
        self
    }

    /// A frame (a photo's box).
    pub fn frame(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) -> &mut Page {
        self.ops.push(Operation::new(
            "re",
            vec![x0.into(), y0.into(), (x1 - x0).into(), (y1 - y0).into()],
        ));
        self.ops.push(Operation::new("S", vec![]));
        self
    }

    /// A line centred between `x0` and `x1`.
    pub fn centred(&mut self, x0: f32, x1: f32, y: f32, size: f32, text: &str) -> &mut Page {
        let x = x0 + (x1 - x0 - width(text, size)) / 2.0;
        self.text(x, y, size, false, text)
    }
}

/// A column: its left edge, width, and the baselines it still has room for.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub x: f32,
    pub width: f32,
    pub top: f32,
    pub bottom: f32,
}

/// Body text set into columns one after the other: paragraphs indented two characters, lines
/// broken at the column's width, a byline set right on the last line when it fits, else under
/// it. The baseline where the text ended, and the column it ended in.
pub struct Flow {
    pub size: f32,
    pub leading: f32,
    pub columns: Vec<Column>,
    at: usize,
    y: f32,
}

impl Flow {
    pub fn new(size: f32, columns: Vec<Column>) -> Flow {
        let y = columns[0].top;
        Flow {
            size,
            leading: size * 1.4,
            columns,
            at: 0,
            y,
        }
    }

    fn next_line(&mut self) -> Column {
        if self.y < self.columns[self.at].bottom && self.at + 1 < self.columns.len() {
            self.at += 1;
            self.y = self.columns[self.at].top;
        }
        self.columns[self.at]
    }

    /// Sets `text` as a paragraph.
    pub fn paragraph(&mut self, page: &mut Page, text: &str) {
        let mut chars: Vec<char> = text.chars().collect();
        let mut first = true;
        while !chars.is_empty() {
            let column = self.next_line();
            let indent = if first { 2.0 * self.size } else { 0.0 };
            let mut room = column.width - indent;
            let mut take = 0;
            while take < chars.len() && room >= em(chars[take]) * self.size - 0.01 {
                room -= em(chars[take]) * self.size;
                take += 1;
            }
            // Latin text breaks between words; the space at the break is not set.
            if take < chars.len()
                && !is_cjk(chars[take])
                && chars[take] != ' '
                && let Some(space) = chars[..take].iter().rposition(|&c| c == ' ')
            {
                take = space + 1;
            }
            let line: String = chars.drain(..take.max(1)).collect();
            // The space a line broke at is not set at the start of the next.
            while chars.first() == Some(&' ') {
                chars.remove(0);
            }
            page.text(column.x + indent, self.y, self.size, false, line.trim_end());
            self.y -= self.leading;
            first = false;
        }
    }

    /// A line of its own: a subheading (bold, centred) or a jump line (right-aligned).
    pub fn line(&mut self, page: &mut Page, text: &str, bold: bool, right: bool) {
        let column = self.next_line();
        let w = width(text, self.size);
        let x = if right {
            column.x + column.width - w
        } else {
            column.x + (column.width - w) / 2.0
        };
        page.text(x, self.y, self.size, bold, text);
        self.y -= self.leading;
    }

    /// A byline, bold and right-aligned, under the last line.
    pub fn byline(&mut self, page: &mut Page, text: &str) {
        self.line(page, text, true, true);
    }

    /// Where the next line would go.
    pub fn y(&self) -> f32 {
        self.y
    }
}

/// A TrueType font with no outlines, only what says which character each glyph is for: glyph
/// `k + 1` draws `chars[k]` (a `cmap` in format 12, with the `head`, `hhea` and `maxp` a font
/// needs).
fn truetype(chars: &[char]) -> Vec<u8> {
    let glyphs = u16::try_from(chars.len() + 1).expect("few glyphs");
    let mut head = Vec::new();
    head.extend(0x0001_0000u32.to_be_bytes()); // version
    head.extend(0x0001_0000u32.to_be_bytes()); // font revision
    head.extend(0u32.to_be_bytes()); // checksum adjustment
    head.extend(0x5F0F_3CF5u32.to_be_bytes()); // magic
    head.extend(0u16.to_be_bytes()); // flags
    head.extend(1000u16.to_be_bytes()); // units per em
    head.extend([0; 16]); // created, modified
    for v in [0i16, -200, 1000, 800] {
        head.extend(v.to_be_bytes()); // the glyphs' box
    }
    head.extend([0; 6]); // style, smallest size, direction
    head.extend(0i16.to_be_bytes()); // short offsets
    head.extend(0i16.to_be_bytes()); // glyph data format
    let mut hhea = Vec::new();
    hhea.extend(0x0001_0000u32.to_be_bytes());
    for v in [800i16, -200, 0] {
        hhea.extend(v.to_be_bytes()); // ascender, descender, line gap
    }
    hhea.extend(1000u16.to_be_bytes()); // widest advance
    hhea.extend([0; 22]); // bearings, extent, caret, reserved, metric format
    hhea.extend(1u16.to_be_bytes()); // horizontal metrics
    let mut maxp = Vec::new();
    maxp.extend(0x0000_5000u32.to_be_bytes());
    maxp.extend(glyphs.to_be_bytes());
    // Groups sorted by character, as readers search them.
    let mut order: Vec<(usize, char)> = chars.iter().copied().enumerate().collect();
    order.sort_by_key(|&(_, c)| c);
    let mut groups = Vec::new();
    for (k, c) in order {
        groups.extend(u32::from(c).to_be_bytes());
        groups.extend(u32::from(c).to_be_bytes());
        groups.extend((k as u32 + 1).to_be_bytes());
    }
    let mut cmap = Vec::new();
    cmap.extend(0u16.to_be_bytes()); // version
    cmap.extend(1u16.to_be_bytes()); // one subtable
    cmap.extend(3u16.to_be_bytes()); // Windows
    cmap.extend(10u16.to_be_bytes()); // Unicode, full repertoire
    cmap.extend(12u32.to_be_bytes()); // where it is
    cmap.extend(12u16.to_be_bytes()); // format 12
    cmap.extend(0u16.to_be_bytes());
    cmap.extend((16 + groups.len() as u32).to_be_bytes());
    cmap.extend(0u32.to_be_bytes()); // language
    cmap.extend((chars.len() as u32).to_be_bytes());
    cmap.extend(groups);
    let tables: [(&[u8; 4], Vec<u8>); 4] = [
        (b"cmap", cmap),
        (b"head", head),
        (b"hhea", hhea),
        (b"maxp", maxp),
    ];
    let mut font = Vec::new();
    font.extend(0x0001_0000u32.to_be_bytes());
    font.extend((tables.len() as u16).to_be_bytes());
    font.extend([0, 64, 0, 2, 0, 0]); // search range, entry selector, range shift
    let mut offset = 12 + 16 * tables.len();
    let mut body = Vec::new();
    for (tag, table) in &tables {
        font.extend(*tag);
        font.extend(0u32.to_be_bytes()); // checksum
        font.extend((offset as u32).to_be_bytes());
        font.extend((table.len() as u32).to_be_bytes());
        let mut padded = table.clone();
        padded.resize(table.len().div_ceil(4) * 4, 0);
        offset += padded.len();
        body.extend(padded);
    }
    font.extend(body);
    font
}
