//! What may become a document: UTF-8 text of a sane size with no binary content.
//!
//! Every way into the app (paste, file, drop, import) passes through [`accept_text`], so the messages a
//! user sees for bad input are the same everywhere and are tested once, here.

use std::fmt;

/// The largest text Sidenote opens, in bytes. Far more than any article (a long feature is ~100 KB): room
/// for a whole report or book chapter, while a tab can still hold it, IndexedDB store it and the extractor's
/// worker read it in seconds.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// The largest annotation file Sidenote imports. A W3C export holds the article and every suggestion on it,
/// about 12 bytes of file for each byte of a news article (a 4 MB article: 49 MB), so this is room for the
/// export of the largest article Sidenote opens; the file is parsed by the extractor's worker.
pub const MAX_ANNOTATION_FILE_BYTES: usize = 16 * MAX_TEXT_BYTES;

/// A size as a user reads it, in MB (of 1024 × 1024 bytes) to the nearest tenth: `20.0 MB`.
pub fn megabytes(bytes: usize) -> String {
    // Tenths in integers: formatting an `f64` would pull Rust's float printing (some 8 KB gzipped) into the
    // app's Wasm for this.
    const MB: usize = 1024 * 1024;
    let tenths = bytes.saturating_mul(10).saturating_add(MB / 2) / MB;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Why an annotation file of `size` bytes is not imported, naming both sizes; `None` when it may be.
pub fn annotation_file_too_large(name: &str, size: usize) -> Option<String> {
    (size > MAX_ANNOTATION_FILE_BYTES).then(|| {
        format!(
            "Import failed: {name} is {}; Sidenote imports annotation files up to {}. Nothing was changed.",
            megabytes(size),
            megabytes(MAX_ANNOTATION_FILE_BYTES)
        )
    })
}

/// Why some input cannot become a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but white space.
    Empty,
    /// Larger than [`MAX_TEXT_BYTES`].
    TooLarge {
        /// The input's size in bytes.
        bytes: usize,
    },
    /// Not UTF-8, or full of control bytes: an image, a PDF, an archive.
    Binary,
    /// Text, but not in UTF-8: UTF-16 (with its byte-order mark), or an 8-bit encoding such as Windows-1252
    /// (bytes that are not UTF-8, without the NULs and control bytes of binary data). Told apart from
    /// [`InputError::Binary`] because the fix is the user's to make: save the file as UTF-8.
    NotUtf8 {
        /// The bytes start with a UTF-16 byte-order mark.
        utf16: bool,
    },
    /// A file in RTF (what WordPad and TextEdit save by default): text, but full of formatting commands that
    /// would be annotated as words. The fix is the user's: save it as plain text or HTML.
    RichText,
    /// A web page that names its encoding (`<meta charset>`), one Sidenote does not read (KOI8-R, Shift_JIS,
    /// ISO-8859-7…): read as Windows-1252, its letters would be wrong.
    Charset {
        /// The encoding the page names.
        name: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "There is no text to open: the input is empty"),
            InputError::TooLarge { bytes } => write!(
                f,
                "This text is {}; Sidenote opens articles up to {} MB. Split it or open the part you need",
                megabytes(*bytes),
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
            InputError::Binary => {
                write!(f, "This file is not text (it looks like an image, PDF or other binary file). Open a .txt or .html file")
            }
            InputError::NotUtf8 { utf16: true } => write!(
                f,
                "This text is in UTF-16, and Sidenote reads UTF-8. Save it as UTF-8 (in most editors: Save as, Encoding: UTF-8) and open it again"
            ),
            InputError::NotUtf8 { utf16: false } => write!(
                f,
                "This text is not in UTF-8, and it does not read as Western European text (Windows-1252) either: it looks like Cyrillic, Greek or Asian text in an older encoding. Save it as UTF-8 (in most editors: Save as, Encoding: UTF-8) and open it again"
            ),
            InputError::Charset { name } => write!(
                f,
                "This page says it is in {name}, an encoding Sidenote does not read. Save it as UTF-8, or open it in a browser and paste its text"
            ),
            InputError::RichText => write!(
                f,
                "This file is in RTF (rich text), which Sidenote does not read. Save it as plain text or as a web page (HTML) and open it again"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Control characters (other than white space) any text may hold, however short, before the share of them
/// decides: a stray NUL or escape in a one-line paste is not binary data.
const STRAY_CONTROLS: usize = 2;

/// Checks raw bytes and returns the text with line ends normalised to `\n`.
pub fn accept_text(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| not_utf8(bytes))?;
    let text = without_byte_order_mark(text);
    // Text files have tabs and line breaks but almost no other control characters; binary data has many.
    // A NUL counts as one such control: a stray one in a paste (copied from a terminal or a PDF) is no reason
    // to refuse the text, while binary data has many. Two are allowed in any text, however short.
    let census = ControlCensus::of(text);
    if census.controls > STRAY_CONTROLS && census.controls * 100 > census.chars.max(1) {
        return Err(InputError::Binary);
    }
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\0').is_empty() {
        return Err(InputError::Empty);
    }
    // A copy only when there is something to change: this runs on the page's thread for every document
    // opened, up to 20 MB.
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() };
    // Unicode's line and paragraph separators and NEL end lines too: as line breaks the extractor reads them
    // (a name once ran across a paragraph separator), the page shows them and every file format keeps them.
    let separators = ['\u{2028}', '\u{2029}', '\u{85}'];
    let text = if text.contains(separators) { text.replace(separators, "\n") } else { text };
    // A NUL left in the text would show as nothing (browsers drop it from what they render and copy), so a
    // note on it could not be seen; shown as U+FFFD it is one visible character where it was.
    Ok(if census.nul { text.replace('\0', "\u{FFFD}") } else { text })
}

/// An encoding other than UTF-8 that a file was read in ([`accept_file_bytes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16, little- or big-endian, told by its byte-order mark.
    Utf16,
    /// Windows-1252 (Latin-1 with typographic quotes, dashes and the euro sign).
    Windows1252,
    /// Windows-1250 (Czech, Polish, Slovak, Hungarian, Slovenian, Croatian), told apart by its letters.
    Windows1250,
}

impl Encoding {
    /// Its name, as editors' "Save as" dialogs show it.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf16 => "UTF-16",
            Encoding::Windows1252 => "Windows-1252 (Western European)",
            Encoding::Windows1250 => "Windows-1250 (Central European)",
        }
    }
}

/// A file's bytes as text, as [`accept_text`] accepts them, reading what is not UTF-8 as editors and browsers
/// do: UTF-16 with its byte-order mark (what Windows Notepad saved as "Unicode"), or without one when every
/// other byte is a NUL (Latin text), else, when the bytes are no binary data and read as Western text,
/// Windows-1252, the encoding of most older Western text files. Text in another 8-bit encoding (Cyrillic,
/// Greek, Japanese), whose bytes are mostly above ASCII where Western text has a few accented letters among
/// plain ones, is refused rather than shown as wrong letters. Returns the encoding when it is not UTF-8, for
/// the user to be told.
pub fn accept_file_bytes(bytes: &[u8]) -> Result<(String, Option<Encoding>), InputError> {
    let utf16 = |body: &[u8], big_endian: bool| -> String {
        let units = body.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
    };
    let (text, encoding) = match accept_text(bytes) {
        Err(InputError::NotUtf8 { utf16: true }) => {
            (utf16(bytes.get(2..).unwrap_or_default(), bytes.starts_with(&[0xFE, 0xFF])), Encoding::Utf16)
        }
        Err(InputError::Binary) => match utf16_without_mark(bytes) {
            Some(big_endian) => (utf16(bytes, big_endian), Encoding::Utf16),
            None => return Err(InputError::Binary),
        },
        // Central European text has the shape of Western text (a few accented letters among plain ones).
        Err(InputError::NotUtf8 { utf16: false }) if reads_as_western(bytes) && reads_as_central_european(bytes) => {
            (bytes.iter().map(|&b| windows_1250_char(b)).collect(), Encoding::Windows1250)
        }
        Err(InputError::NotUtf8 { utf16: false }) if reads_as_western(bytes) => {
            (bytes.iter().map(|&b| sidenote_extract::windows_1252_char(b)).collect(), Encoding::Windows1252)
        }
        other => return other.map(|text| (text, None)),
    };
    accept_text(text.as_bytes()).map(|text| (text, Some(encoding)))
}

/// [`accept_file_bytes`] for a web page: one that names an encoding Sidenote does not read, and is not UTF-8,
/// is refused with that name instead of being read as Windows-1252; one naming Windows-1250 is read so.
pub fn accept_page_bytes(bytes: &[u8]) -> Result<(String, Option<Encoding>), InputError> {
    if std::str::from_utf8(bytes).is_err() {
        if let Some(name) = declared_charset(bytes) {
            if name.eq_ignore_ascii_case("windows-1250") || name.eq_ignore_ascii_case("cp1250") {
                let text: String = bytes.iter().map(|&b| windows_1250_char(b)).collect();
                return accept_text(text.as_bytes()).map(|text| (text, Some(Encoding::Windows1250)));
            }
            const READ: [&str; 8] =
                ["utf-8", "utf8", "windows-1252", "iso-8859-1", "latin1", "us-ascii", "ascii", "iso-8859-15"];
            if !READ.iter().any(|read| name.eq_ignore_ascii_case(read))
                && !name.to_ascii_lowercase().starts_with("utf-16")
            {
                return Err(InputError::Charset { name });
            }
        }
    }
    accept_file_bytes(bytes)
}

/// The encoding a page names in its first 1,024 bytes (`<meta charset="…">` or `content="…; charset=…"`), as
/// browsers look for it.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let at = head.windows(8).position(|w| w.eq_ignore_ascii_case(b"charset="))? + 8;
    let name: String = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .map(|&b| char::from(b))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Whether 8-bit bytes read as Western text. Windows-1252's accented letters (from 0xC0) stand alone or in
/// pairs among plain letters (`café`, `nação`, `INFORMAÇÃO`), while Cyrillic or Greek in an 8-bit encoding
/// spell whole words with bytes from 0xC0: so at most one in ten of those bytes may be in a run of four or
/// more (a short Russian phrase, or a Cyrillic paragraph in an English page, would otherwise show wrong
/// letters; Icelandic has runs of three, `þýðir`); and a text with sixteen or more bytes above ASCII has at most twice as many as ASCII letters
/// (Japanese in Shift_JIS).
fn reads_as_western(bytes: &[u8]) -> bool {
    let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let high_letters = bytes.iter().filter(|&&b| b >= 0xC0).count();
    let mut in_runs = 0;
    for run in bytes.split(|&b| b < 0xC0) {
        if run.len() >= 4 {
            in_runs += run.len();
        }
    }
    in_runs * 10 <= high_letters && (high < 16 || high <= 2 * letters)
}

/// Whether 8-bit bytes are Central European text in Windows-1250 rather than Western text in Windows-1252:
/// one byte that Windows-1252 leaves undefined (`Ť`, `Ź`, `ť` in Windows-1250), or two that are letters in
/// Windows-1250 and, in Windows-1252, a sign that no Western word holds between two letters (`ł` read as `³`, `ą` as `¹`, `ż` as `¿`,
/// `ľ` as `¾`, `Ł` as `£`, `Ą` as `¥`, `Ľ` as `¼`), or `ě` read as `ì`, which Western words end with rather
/// than hold. Letters both encodings share (`š`, `ž`, `á`, `é`, `ý`) say nothing and read the same either way;
/// Hungarian's `ő` and `ű`, read as `õ` and `û`, look like Portuguese and French letters and are not told
/// apart (such a file reads as Windows-1252, and the user is told so).
fn reads_as_central_european(bytes: &[u8]) -> bool {
    let letter =
        |at: Option<usize>| at.and_then(|at| bytes.get(at)).is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0xC0);
    // A byte Windows-1252 leaves undefined is enough on its own (no Western file holds one).
    if bytes.iter().any(|&b| matches!(b, 0x8D | 0x8F | 0x9D)) {
        return true;
    }
    let signals = bytes.iter().enumerate().filter(|&(at, &b)| {
        let between_letters = letter(at.checked_sub(1)) && letter(at.checked_add(1));
        between_letters && matches!(b, 0xA3 | 0xA5 | 0xB3 | 0xB9 | 0xBC | 0xBE | 0xBF | 0xEC)
    });
    signals.take(2).count() == 2
}

/// Windows-1250's characters for bytes 0x80 to 0xFF (the WHATWG Encoding Standard's index; its five unused
/// bytes are the C1 controls of the same numbers, as browsers read them).
const WINDOWS_1250_HIGH: [u16; 128] = [
    0x20AC, 0x0081, 0x201A, 0x0083, 0x201E, 0x2026, 0x2020, 0x2021, 0x0088, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164,
    0x017D, 0x0179, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122, 0x0161, 0x203A,
    0x015B, 0x0165, 0x017E, 0x017A, 0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
    0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B, 0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139,
    0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, 0x0110, 0x0143, 0x0147, 0x00D3,
    0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1,
    0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD,
    0x0163, 0x02D9,
];

fn windows_1250_char(byte: u8) -> char {
    match byte.checked_sub(0x80) {
        None => char::from(byte),
        Some(high) => WINDOWS_1250_HIGH
            .get(usize::from(high))
            .and_then(|&code| char::from_u32(code.into()))
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Whether bytes without a byte-order mark are UTF-16 of mostly Latin text: an even length, and NULs in nine
/// in ten of one half of each pair (odd bytes for little-endian), almost none in the other. Returns whether
/// it is big-endian.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let pairs = bytes.len() / 2;
    if pairs < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let nuls_at = |half: usize| bytes.iter().skip(half).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (nuls_at(0), nuls_at(1));
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let hardly = |n: usize| n * 10 <= pairs;
    match (mostly(odd) && hardly(even), mostly(even) && hardly(odd)) {
        (true, _) => Some(false),
        (_, true) => Some(true),
        _ => None,
    }
}

/// Why bytes that are not UTF-8 are refused: text in another encoding, or binary data (NULs, or more than
/// one control byte in a hundred, as for UTF-8 text in [`ControlCensus`]).
fn not_utf8(bytes: &[u8]) -> InputError {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return InputError::NotUtf8 { utf16: true };
    }
    let controls =
        bytes.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F).count();
    if bytes.contains(&0) || controls * 100 > bytes.len() {
        InputError::Binary
    } else {
        InputError::NotUtf8 { utf16: false }
    }
}

/// `text` without the byte-order mark Windows tools put at the start of UTF-8 files: it is no character of
/// the text, and JSON parsers refuse it. Every leading one: files joined together, or a UTF-16 file's mark
/// kept when it was converted, start with two.
pub fn without_byte_order_mark(text: &str) -> &str {
    text.trim_start_matches('\u{FEFF}')
}

/// What `accept_text` counts to tell text from binary data, in one pass over the bytes (the text is valid
/// UTF-8 already): its characters, its control characters other than tab, line ends and form feed (Unicode's
/// `Cc`: U+0000–U+001F, U+007F–U+009F; the last 32 are two bytes, `C2 80`–`C2 9F`), and whether it has a NUL.
struct ControlCensus {
    chars: usize,
    controls: usize,
    nul: bool,
}

impl ControlCensus {
    fn of(text: &str) -> Self {
        let mut census = ControlCensus { chars: 0, controls: 0, nul: false };
        let mut after_c2 = false;
        for &byte in text.as_bytes() {
            let continuation = byte & 0xC0 == 0x80;
            census.chars += usize::from(!continuation);
            let c0 = byte < 0x20 && !matches!(byte, b'\n' | b'\r' | b'\t' | 0x0C);
            let c1 = after_c2 && (0x80..=0x9F).contains(&byte);
            census.controls += usize::from(c0 || byte == 0x7F || c1);
            census.nul |= byte == 0;
            after_c2 = byte == 0xC2;
        }
        census
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_files_over_the_limit_are_refused_naming_both_sizes() {
        assert_eq!(annotation_file_too_large("a.json", MAX_ANNOTATION_FILE_BYTES), None);
        let refused = annotation_file_too_large("big.json", MAX_ANNOTATION_FILE_BYTES + 1).expect("refused");
        assert_eq!(
            refused,
            "Import failed: big.json is 320.0 MB; Sidenote imports annotation files up to 320.0 MB. Nothing was changed."
        );
        assert!(annotation_file_too_large("huge.json", 1 << 40).is_some_and(|m| m.contains("1048576.0 MB")));
    }

    #[test]
    fn table_of_inputs() {
        let big = vec![b'a'; MAX_TEXT_BYTES + 1];
        let spaces_and_a_nul = [[b' '; 200].as_slice(), b"\0"].concat();
        let cases: &[(&[u8], Result<&str, InputError>)] = &[
            (b"Hello\r\nworld", Ok("Hello\nworld")),
            ("LS\u{2028}PS\u{2029}NEL\u{85}end".as_bytes(), Ok("LS\nPS\nNEL\nend")),
            ("👩‍🔬 Zoe\u{308}".as_bytes(), Ok("👩‍🔬 Zoe\u{308}")),
            (b"   \n\t ", Err(InputError::Empty)),
            (b"", Err(InputError::Empty)),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Err(InputError::Binary)),
            (b"caf\xe9 cr\xe8me", Err(InputError::NotUtf8 { utf16: false })),
            (b"\xff\xfeA\0n\0g\0e\0l\0a\0", Err(InputError::NotUtf8 { utf16: true })),
            (b"\xe9\0\x01\x02\x03 not UTF-8 and full of control bytes", Err(InputError::Binary)),
            (&big, Err(InputError::TooLarge { bytes: MAX_TEXT_BYTES + 1 })),
            // A stray NUL in text is shown as U+FFFD; many (UTF-16 without its mark, binary data) are refused.
            (
                b"A stray\0 NUL in a paragraph of pasted text, copied from a terminal window or a PDF, among a hundred characters.\r\n",
                Ok("A stray\u{FFFD} NUL in a paragraph of pasted text, copied from a terminal window or a PDF, among a hundred characters.\n"),
            ),
            (b"A\0n\0g\0e\0l\0a\0 \0w\0r\0o\0t\0e\0", Err(InputError::Binary)),
            (b"\0\0\0 \n", Err(InputError::Binary)),
            (b"Short\0 paste.", Ok("Short\u{FFFD} paste.")),
            (&spaces_and_a_nul, Err(InputError::Empty)),
        ];
        for (input, expected) in cases {
            assert_eq!(accept_text(input), expected.clone().map(str::to_string));
        }
    }

    #[test]
    fn files_in_utf_16_or_windows_1252_are_read_as_such() {
        let utf16 = |text: &str, big_endian: bool| {
            let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for unit in text.encode_utf16() {
                bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            bytes
        };
        let lone_surrogate = [0xFF, 0xFE, b'A', 0, 0x3D, 0xD8, b'B', 0];
        type Opened = Result<(String, Option<Encoding>), InputError>;
        let table: Vec<(Vec<u8>, Opened)> = vec![
            ("Olá, 😀 mundo\r\n".into(), Ok(("Olá, 😀 mundo\n".into(), None))),
            (utf16("Olá, 😀\r\nmundo", false), Ok(("Olá, 😀\nmundo".into(), Some(Encoding::Utf16)))),
            (utf16("Ωmega 😀", true), Ok(("Ωmega 😀".into(), Some(Encoding::Utf16)))),
            (lone_surrogate.to_vec(), Ok(("A\u{FFFD}B".into(), Some(Encoding::Utf16)))),
            // An odd last byte of UTF-16 is no character: left out.
            ([0xFF, 0xFE, b'A', 0, b'B'].to_vec(), Ok(("A".into(), Some(Encoding::Utf16)))),
            (
                b"caf\xe9 \x93cr\xe8me\x94 \x96 \x80 5 \x85".to_vec(),
                Ok(("café “crème” – € 5 …".into(), Some(Encoding::Windows1252))),
            ),
            (b"\x89PNG\r\n\x1a\n\0\0\xff".to_vec(), Err(InputError::Binary)),
            ([0xFF, 0xFE, b' ', 0].to_vec(), Err(InputError::Empty)),
            // UTF-16 without its mark (some exporters), little- and big-endian: every other byte a NUL.
            ("Angela Merkel, Zürich\n".encode_utf16().flat_map(u16::to_le_bytes).collect(), Ok(("Angela Merkel, Zürich\n".into(), Some(Encoding::Utf16)))),
            ("Angela Merkel".encode_utf16().flat_map(u16::to_be_bytes).collect(), Ok(("Angela Merkel".into(), Some(Encoding::Utf16)))),
            // Russian in Windows-1251 and Japanese in Shift_JIS: nearly every letter above ASCII, not Western.
            (cyrillic_1251(), Err(InputError::NotUtf8 { utf16: false })),
            (b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42\x93\x8c\x8b\x9e\x82\xc9\x8d\x73\x82\xab\x82\xdc\x82\xb7".to_vec(), Err(InputError::NotUtf8 { utf16: false })),
            // A short Russian phrase (under 16 bytes above ASCII) and a Cyrillic paragraph in an English page:
            // words made of such bytes, not Western.
            (b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0".to_vec(), Err(InputError::NotUtf8 { utf16: false })),
            ([b"The minister spoke at length about the budget, the schedule and the regions. ".repeat(20), cyrillic_1251()].concat(), Err(InputError::NotUtf8 { utf16: false })),
            (b"\x97\x93\xc9t\xe9\x94, she said.".to_vec(), Ok(("—“Été”, she said.".into(), Some(Encoding::Windows1252)))),
            (b"\xdeetta \xfe\xfd\xf0ir \xe1 \xcdslandi.".to_vec(), Ok(("Þetta þýðir á Íslandi.".into(), Some(Encoding::Windows1252)))),
            (b"\xdcbergr\xf6\xdfen, fa\xe7ade, INFORMA\xc7\xc3O, \xbfQu\xe9?".to_vec(), Ok(("Übergrößen, façade, INFORMAÇÃO, ¿Qué?".into(), Some(Encoding::Windows1252)))),
            // Czech, Polish and Slovak in Windows-1250, and Western texts with the same bytes where Western words
            // have them (French è, Spanish ¿, Italian ì at a word's end, a cubic metre, pounds).
            (b"P\xf8\xedli\x9a \x9elu\x9dou\xe8k\xfd k\xf9\xf2 \xfap\xecl, m\xf3wi\xb3 \xa3\xf3d\x9f".to_vec(), Ok(("Příliš žluťoučký kůň úpěl, mówił Łódź".into(), Some(Encoding::Windows1250)))),
            (cp1250("Příliš žluťoučký kůň úpěl ďábelské ódy v městě."), Ok(("Příliš žluťoučký kůň úpěl ďábelské ódy v městě.".into(), Some(Encoding::Windows1250)))),
            (cp1250("Zażółć gęślą jaźń, powiedział minister w Łodzi."), Ok(("Zażółć gęślą jaźń, powiedział minister w Łodzi.".into(), Some(Encoding::Windows1250)))),
            // One `ť` is enough: Windows-1252 has no character for its byte.
            (cp1250("Prečo ste to urobili? Čo na to povie, ťažko povedať."), Ok(("Prečo ste to urobili? Čo na to povie, ťažko povedať.".into(), Some(Encoding::Windows1250)))),
            (cp1250("Kŕdeľ ďatľov učí koňa žrať kôru."), Ok(("Kŕdeľ ďatľov učí koňa žrať kôru.".into(), Some(Encoding::Windows1250)))),
            (b"Tr\xe8s \xe9l\xe8ve, m\xe8re, \xbfQu\xe9? Luned\xec, 5 m\xb3, \xa35 and 2\xb3 = 8.".to_vec(), Ok(("Très élève, mère, ¿Qué? Lunedì, 5 m³, £5 and 2³ = 8.".into(), Some(Encoding::Windows1252)))),
            // Greek in Windows-1253 (whose letters Windows-1252 reads as accented Latin ones), a paragraph and a
            // short phrase, alone and in an English page: refused, not read as Western text.
            (greek_1253("Ο υπουργός δήλωσε ότι η κυβέρνηση θα παρουσιάσει το νέο νομοσχέδιο την επόμενη εβδομάδα."), Err(InputError::NotUtf8 { utf16: false })),
            (greek_1253("Καλημέρα κόσμε"), Err(InputError::NotUtf8 { utf16: false })),
            ([b"The minister spoke at length about the budget and the regions. ".repeat(20), greek_1253("Η Αθήνα και η Θεσσαλονίκη ψήφισαν.")].concat(), Err(InputError::NotUtf8 { utf16: false })),
            // Portuguese in Windows-1252: a few accented letters among plain ones.
            (b"A na\xe7\xe3o decidiu em S\xe3o Paulo que a popula\xe7\xe3o votar\xe1 em mar\xe7o.".to_vec(), Ok(("A nação decidiu em São Paulo que a população votará em março.".into(), Some(Encoding::Windows1252)))),
        ];
        for (bytes, expected) in table {
            assert_eq!(accept_file_bytes(&bytes), expected, "{bytes:?}");
        }
    }

    /// `text` in Windows-1253: its Greek letters (U+0384 to U+03CE) are bytes 0xB4 to 0xFE, in order.
    fn greek_1253(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match u32::from(c) {
                greek @ 0x0384..=0x03CE => u8::try_from(greek - 0x02D0).expect("in Windows-1253's Greek range"),
                other => u8::try_from(other).expect("ASCII"),
            })
            .collect()
    }

    /// `text` in Windows-1250, through the decoding table read backwards.
    fn cp1250(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| match (0x80..=0xFF).find(|&b| windows_1250_char(b) == c) {
                Some(byte) => byte,
                None => u8::try_from(u32::from(c)).expect("ASCII or in the table"),
            })
            .collect()
    }

    /// "Привет, как дела? Сегодня хорошая погода в Москве." in Windows-1251 (Cyrillic letters from 0xC0).
    fn cyrillic_1251() -> Vec<u8> {
        "Привет, как дела? Сегодня хорошая погода в Москве."
            .chars()
            .map(|c| match c {
                'А'..='я' => (c as u32 - 'А' as u32 + 0xC0) as u8,
                _ => c as u8,
            })
            .collect()
    }

    /// A page naming an encoding Sidenote does not read is refused with its name, unless its bytes are UTF-8
    /// after all; one naming UTF-8 or Windows-1252 with Latin-1 bytes reads as Windows-1252.
    #[test]
    fn a_page_naming_an_encoding_is_read_or_refused_by_it() {
        let page = |meta: &str, body: &[u8]| {
            [format!("<html><head>{meta}</head><body><p>").into_bytes(), body.to_vec()].concat()
        };
        type ReadAs = Result<Option<Encoding>, InputError>;
        let table: Vec<(Vec<u8>, ReadAs)> = vec![
            (page("<meta charset=\"koi8-r\">", &cyrillic_1251()), Err(InputError::Charset { name: "koi8-r".into() })),
            (
                page(
                    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-7\">",
                    b"\xc1\xe8\xde\xed\xe1",
                ),
                Err(InputError::Charset { name: "ISO-8859-7".into() }),
            ),
            (page("<meta charset=koi8-r>", "Привет".as_bytes()), Ok(None)),
            (page("<meta charset='windows-1252'>", b"caf\xe9"), Ok(Some(Encoding::Windows1252))),
            (page("<meta charset=\"utf-8\">", b"caf\xe9 cr\xe8me"), Ok(Some(Encoding::Windows1252))),
            (page("", b"caf\xe9"), Ok(Some(Encoding::Windows1252))),
            (page("<meta charset=\"windows-1250\">", b"Kr\xe1sn\xfd den"), Ok(Some(Encoding::Windows1250))),
        ];
        for (bytes, expected) in table {
            assert_eq!(
                accept_page_bytes(&bytes).map(|(_, encoding)| encoding),
                expected,
                "{:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
        assert!(InputError::Charset { name: "koi8-r".into() }
            .to_string()
            .starts_with("This page says it is in koi8-r"));
    }

    /// The limit is inclusive: exactly [`MAX_TEXT_BYTES`] opens, one byte more is refused.
    #[test]
    fn the_largest_text_opens_and_one_byte_more_is_refused() {
        let largest = "a".repeat(MAX_TEXT_BYTES);
        assert_eq!(accept_text(largest.as_bytes()).map(|t| t.len()), Ok(MAX_TEXT_BYTES));
        let over = format!("{largest}a");
        assert_eq!(accept_text(over.as_bytes()), Err(InputError::TooLarge { bytes: MAX_TEXT_BYTES + 1 }));
    }

    #[test]
    fn the_census_counts_as_the_character_definitions_do() {
        let reference = |text: &str| {
            let controls =
                text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')).count();
            (text.chars().count(), controls, text.contains('\0'))
        };
        let alphabet = [
            'a', '\0', '\n', '\r', '\t', '\u{0C}', '\u{1F}', '\u{7F}', '\u{80}', '\u{9F}', '\u{A0}', 'é', '’', '😀',
            '\u{0142}', 'Ă',
        ];
        // Every string of up to three characters from an alphabet with each class's edges.
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            texts.extend(longer);
        }
        for text in &texts {
            let census = ControlCensus::of(text);
            assert_eq!((census.chars, census.controls, census.nul), reference(text), "{text:?}");
        }
    }

    #[test]
    fn messages_name_the_problem() {
        assert!(InputError::TooLarge { bytes: 20 * 1024 * 1024 }.to_string().contains("20.0 MB"));
        // Rounded to the nearest tenth, as `{:.1}` of the size in MB would print it.
        for (bytes, shown) in [(21 * 1024 * 1024 + 100_000, "21.1 MB"), (30 * 1024 * 1024 - 1, "30.0 MB")] {
            assert!(InputError::TooLarge { bytes }.to_string().contains(shown), "{bytes}");
            assert!(shown.starts_with(&format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))));
        }
        assert!(InputError::Binary.to_string().contains("not text"));
        for utf16 in [true, false] {
            assert!(InputError::NotUtf8 { utf16 }.to_string().contains("Save it as UTF-8"), "{utf16}");
        }
        assert!(InputError::TooLarge { bytes: 25 * 1024 * 1024 }.to_string().contains("up to 20 MB"));
        assert!(InputError::RichText.to_string().contains("Save it as plain text or as a web page (HTML)"));
        assert_eq!([megabytes(0), megabytes(52_428), megabytes(52_429)], ["0.0 MB", "0.0 MB", "0.1 MB"]);
    }
}
