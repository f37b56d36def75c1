//! Conversions between the core's offset unit and the two units the outside world counts in.
//!
//! Inside the core every offset is a UTF-8 byte offset into the document text, on a char boundary,
//! because that is what Rust slices with. The DOM counts UTF-16 code units and W3C Web Annotation
//! (and the scorer) count Unicode code points. Those conversions happen here and nowhere else: the
//! app's selection service calls [`OffsetIndex::utf16_to_byte`]/[`OffsetIndex::byte_to_utf16`], the
//! export and the command-line tool call [`OffsetIndex::byte_to_char`]/[`OffsetIndex::char_to_byte`].

/// The position right after one non-ASCII character, in all three units, and that character's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checkpoint {
    byte: usize,
    utf16: usize,
    char: usize,
    byte_width: usize,
    utf16_width: usize,
}

/// One of the three units: where a checkpoint is in it, and how wide its character is in it.
#[derive(Clone, Copy)]
enum Unit {
    Byte,
    Utf16,
    Char,
}

impl Unit {
    fn at(self, c: &Checkpoint) -> usize {
        match self {
            Unit::Byte => c.byte,
            Unit::Utf16 => c.utf16,
            Unit::Char => c.char,
        }
    }

    fn width(self, c: &Checkpoint) -> usize {
        match self {
            Unit::Byte => c.byte_width,
            Unit::Utf16 => c.utf16_width,
            Unit::Char => 1,
        }
    }
}

const ORIGIN: Checkpoint = Checkpoint { byte: 0, utf16: 0, char: 0, byte_width: 0, utf16_width: 0 };

/// A conversion table for one text. Building it is linear; each conversion is a binary search.
///
/// Between two non-ASCII characters every unit advances by one per character, so the table only needs
/// a checkpoint after each non-ASCII character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetIndex {
    checkpoints: Vec<Checkpoint>,
    len_bytes: usize,
    len_utf16: usize,
    len_chars: usize,
}

impl OffsetIndex {
    /// Builds the table for `text`.
    ///
    /// ASCII runs are skipped byte by byte without decoding (every document opened builds one on the page's
    /// thread, and most text is ASCII); only the other characters are decoded.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let bytes = text.as_bytes();
        let (mut at, mut utf16, mut chars) = (0usize, 0usize, 0usize);
        while at < bytes.len() {
            let ascii = bytes[at..].iter().position(|&b| !b.is_ascii()).unwrap_or(bytes.len() - at);
            (at, utf16, chars) = (at + ascii, utf16 + ascii, chars + ascii);
            // `at` follows an ASCII byte or a whole character: it is a boundary.
            let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
            at += ch.len_utf8();
            utf16 += ch.len_utf16();
            chars += 1;
            checkpoints.push(Checkpoint {
                byte: at,
                utf16,
                char: chars,
                byte_width: ch.len_utf8(),
                utf16_width: ch.len_utf16(),
            });
        }
        OffsetIndex { checkpoints, len_bytes: text.len(), len_utf16: utf16, len_chars: chars }
    }

    /// Length of the text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    fn convert(&self, value: usize, from: Unit, from_len: usize, to: Unit) -> Option<usize> {
        if value > from_len {
            return None;
        }
        let idx = self.checkpoints.partition_point(|c| from.at(c) <= value);
        if let Some(next) = self.checkpoints.get(idx) {
            // `value` lies before the end of the next non-ASCII character; it must not lie inside it.
            if value > from.at(next) - from.width(next) {
                return None;
            }
        }
        let base = if idx == 0 { ORIGIN } else { self.checkpoints[idx - 1] };
        Some(to.at(&base) + (value - from.at(&base)))
    }

    /// Converts a byte offset to code points; `None` when it is not on a char boundary or past the end.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        self.convert(byte, Unit::Byte, self.len_bytes, Unit::Char)
    }

    /// Converts a code-point offset to bytes; `None` when past the end.
    pub fn char_to_byte(&self, char: usize) -> Option<usize> {
        self.convert(char, Unit::Char, self.len_chars, Unit::Byte)
    }

    /// Converts a byte offset to UTF-16 code units; `None` when not on a char boundary or past the end.
    pub fn byte_to_utf16(&self, byte: usize) -> Option<usize> {
        self.convert(byte, Unit::Byte, self.len_bytes, Unit::Utf16)
    }

    /// Converts a UTF-16 offset to bytes; `None` when it splits a surrogate pair or is past the end.
    pub fn utf16_to_byte(&self, utf16: usize) -> Option<usize> {
        self.convert(utf16, Unit::Utf16, self.len_utf16, Unit::Byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle: walk the string and record every boundary in all three units.
    fn boundaries(text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = vec![(0, 0, 0)];
        let (mut u16s, mut chars) = (0, 0);
        for (b, ch) in text.char_indices() {
            u16s += ch.len_utf16();
            chars += 1;
            out.push((b + ch.len_utf8(), u16s, chars));
        }
        out
    }

    const SAMPLES: &[&str] = &[
        "",
        "plain ascii",
        "👩‍🔬 Marie Curie said “yes” 🇫🇷",
        "北京 Beijing 東京",
        "Zoe\u{0308} and Jose\u{0301}",
        "co\u{00AD}operation\u{00A0}now",
        "𝒜𝒷𝒸 math 𝔘",
        "é",
        "😀😀a😀",
        "ascii run then é at the end é",
        "\u{7F}\u{80}\u{7F}",
    ];

    #[test]
    fn the_table_is_the_one_a_walk_over_every_character_makes() {
        let walked = |text: &str| {
            let mut checkpoints = Vec::new();
            let (mut utf16, mut chars) = (0, 0);
            for (byte, ch) in text.char_indices() {
                utf16 += ch.len_utf16();
                chars += 1;
                if !ch.is_ascii() {
                    let (byte_width, utf16_width) = (ch.len_utf8(), ch.len_utf16());
                    checkpoints.push(Checkpoint {
                        byte: byte + byte_width,
                        utf16,
                        char: chars,
                        byte_width,
                        utf16_width,
                    });
                }
            }
            OffsetIndex { checkpoints, len_bytes: text.len(), len_utf16: utf16, len_chars: chars }
        };
        for text in SAMPLES {
            assert_eq!(OffsetIndex::new(text), walked(text), "{text:?}");
        }
    }

    #[test]
    fn every_boundary_round_trips_in_all_units() {
        for text in SAMPLES {
            let index = OffsetIndex::new(text);
            for (b, u, c) in boundaries(text) {
                assert_eq!(index.byte_to_char(b), Some(c), "{text:?} byte {b}");
                assert_eq!(index.byte_to_utf16(b), Some(u), "{text:?} byte {b}");
                assert_eq!(index.char_to_byte(c), Some(b), "{text:?} char {c}");
                assert_eq!(index.utf16_to_byte(u), Some(b), "{text:?} utf16 {u}");
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_refused() {
        for text in SAMPLES {
            let index = OffsetIndex::new(text);
            let bounds = boundaries(text);
            let bytes: Vec<usize> = bounds.iter().map(|b| b.0).collect();
            let u16s: Vec<usize> = bounds.iter().map(|b| b.1).collect();
            for b in 0..=text.len() + 2 {
                assert_eq!(index.byte_to_char(b).is_some(), bytes.contains(&b), "{text:?} byte {b}");
            }
            for u in 0..=index.len_utf16() + 2 {
                assert_eq!(index.utf16_to_byte(u).is_some(), u16s.contains(&u), "{text:?} utf16 {u}");
            }
            assert_eq!(index.char_to_byte(index.len_chars() + 1), None);
        }
    }
}
