//! Lower-casing exactly as the standard library does (`str::to_lowercase`, `char::to_lowercase`, with the
//! final-sigma rule), from tables the build script derives from the standard library itself (`build.rs`,
//! `write_case_tables`). Why: the standard library's own tables are 5 KB of the gzipped Wasm; these hold the
//! same mapping as runs. Every crate of the program lower-cases through here, so that the standard
//! library's tables are never linked; the tests compare every character with the standard library.

include!(concat!(env!("OUT_DIR"), "/case_data.rs"));

/// `text` in lower case, as `str::to_lowercase` writes it.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Runs of ASCII (most of any English text, between its curly quotes and dashes) are copied and lowered
    // in place in one go: a push per character was a twentieth of all extraction time (every line of the
    // text is lowered for the body's phrase tests).
    while !rest.is_empty() {
        let ascii_run = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (ascii, other) = rest.split_at(ascii_run);
        let from = out.len();
        out.push_str(ascii);
        out[from..].make_ascii_lowercase();
        // An ASCII byte is never inside a multi-byte character, so the run ends on a character boundary.
        let other_run = other.bytes().position(|b| b.is_ascii()).unwrap_or(other.len());
        let (other, after) = other.split_at(other_run);
        let other_at = text.len() - other.len() - after.len();
        push_lowercase_non_ascii(text, other_at, other, &mut out);
        rest = after;
    }
    out
}

/// Appends `run`, a run of non-ASCII characters that starts at byte `run_at` of `text`, in lower case (the
/// final-sigma rule looks at `text` around it).
fn push_lowercase_non_ascii(text: &str, run_at: usize, run: &str, out: &mut String) {
    for (offset, c) in run.char_indices() {
        let at = run_at + offset;
        if c == 'Σ' {
            // Unicode's Final_Sigma: "ς" after a cased letter (case-ignorable characters between) unless a
            // cased letter follows (likewise).
            let is_final =
                cased_first(&mut text[..at].chars().rev()) && !cased_first(&mut text[at + 'Σ'.len_utf8()..].chars());
            out.push(if is_final { 'ς' } else { 'σ' });
        } else {
            push_lowercase(c, out);
        }
    }
}

/// Appends `c` in lower case, as `char::to_lowercase` gives it.
pub fn push_lowercase(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some((_, several)) = LOWER_MULTI.iter().find(|(from, _)| *from == c) {
        out.push_str(several);
    } else {
        out.push(lower_char(c));
    }
}

/// The first character of `c`'s lower case, as `char::to_lowercase(c).next()` gives it: a one-for-one
/// folding, for comparing text without moving offsets (the app's find).
pub fn first_lowercase(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if let Some((_, several)) = LOWER_MULTI.iter().find(|(from, _)| *from == c) {
        several.chars().next().unwrap_or(c)
    } else {
        lower_char(c)
    }
}

/// `c`'s lower case when it is one character (else `c`).
fn lower_char(c: char) -> char {
    let code = u32::from(c);
    let run = LOWER_RUNS.partition_point(|&(first, ..)| first <= code);
    let Some(&(first, count, step, delta)) = run.checked_sub(1).and_then(|r| LOWER_RUNS.get(r)) else { return c };
    let offset = code - first;
    if offset % step != 0 || offset / step >= count {
        return c;
    }
    code.checked_add_signed(delta).and_then(char::from_u32).unwrap_or(c)
}

/// Whether the first character that is not case-ignorable is cased.
fn cased_first(chars: &mut dyn Iterator<Item = char>) -> bool {
    for c in chars {
        if !in_set(CASE_IGNORABLE, c) {
            return in_set(CASED, c);
        }
    }
    false
}

/// Whether `c` is in a set written as alternating run lengths (`build.rs`, `run_lengths`). A linear walk:
/// only the characters around a "Σ" are ever looked up.
fn in_set(lengths: &[u8], c: char) -> bool {
    let code = u32::from(c);
    let mut at = 0u32;
    let mut inside = false;
    let mut bytes = lengths.iter();
    loop {
        let mut length = 0u32;
        let mut shift = 0;
        for &byte in bytes.by_ref() {
            length |= u32::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        if shift == 0 {
            return false;
        }
        at += length;
        if code < at {
            return inside;
        }
        inside = !inside;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lower_cases_as_the_standard_library_does() {
        let mut mapped = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lowercase(c, &mut ours);
            let std: String = c.to_lowercase().collect();
            assert_eq!(ours, std, "{c:?}");
            assert_eq!(Some(first_lowercase(c)), c.to_lowercase().next(), "{c:?}");
            mapped += usize::from(ours != c.to_string());
            assert_eq!(lowercase(&c.to_string()), c.to_string().to_lowercase(), "{c:?}");
        }
        assert!(mapped > 1400, "{mapped}");
    }

    #[test]
    fn a_sigma_next_to_every_character_is_final_exactly_when_the_standard_library_says() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for text in [format!("A{c}Σ"), format!("1{c}Σ"), format!("AΣ{c}"), format!("AΣ{c}1"), format!("{c}Σ")]
            {
                assert_eq!(lowercase(&text), text.to_lowercase(), "{text:?}");
            }
        }
    }

    #[test]
    fn words_and_sentences_lower_case_as_the_standard_library_does() {
        for text in [
            "",
            "ΟΔΥΣΣΕΥΣ",
            "ὈΔΥΣΣΕΎΣ. ΣΑΣ Σ Σ.",
            "A\u{345}Σ",
            "'Σ'",
            "HELLO, WORLD: İstanbul ǅemal ΣΑΣ's",
            "Ⅻ ⒶⒷ 𐐀𐐁 ＡＢＣ ẞ K Å",
            // ASCII runs between other characters, as news text has them: curly quotes, dashes, accents.
            "“We Will Wait,” SAID Dr. Ünal — ÖZTÜRK’S AİDE — on MONDAY.",
            "É",
            "ÉA",
            "AÉ",
            "AΣ b",
            "ΑΣ—Σ",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }
}
