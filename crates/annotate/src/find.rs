//! Find in the article: every place a query occurs in the text, ignoring case, in time linear in the text.
//!
//! The app's own find, because a long article is rendered only near the viewport and the browser's
//! find-in-page sees only what is rendered.

use sidenote_extract::Span;

/// At most this many matches are returned: enough to step through, and a bound on the work of a query
/// such as `e` in a 20 MB text.
pub const MAX_MATCHES: usize = 10_000;

/// The places where `query` occurs in `text`, ignoring case and accents as a browser's find-in-page does
/// (each character compared by its first lower-case form without its accent, [`fold`]; ligatures and `ß` as
/// the letters they stand for, full-width forms as ASCII, curly quotation marks as straight ones, [`expand`];
/// combining marks are passed over, so a text written decomposed, `e` + U+0301, is found by `é`, `e` or `E`,
/// and a match takes the marks that follow its last character), left to right and not overlapping, at most
/// [`MAX_MATCHES`]. A match starts and ends on whole characters of the text.
/// Offsets stay on the text's own characters. White space at the query's ends is ignored; a query of
/// nothing but white space or marks finds nothing.
///
/// Knuth–Morris–Pratt over folded characters: linear in the text and the query whatever they hold (a query
/// of `aaaa…b` in a text of `aaaa…` included).
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    find_from(text, query, 0, MAX_MATCHES)
}

/// Whether `query` occurs in `text` as [`find_all`] finds it: the panels' filters (notes, quotations,
/// entities) match as the article's find does, `strasse` finding `Straße` and `jose` finding `José`. A query
/// of nothing but white space occurs nowhere.
pub fn contains(text: &str, query: &str) -> bool {
    !find_from(text, query, 0, 1).is_empty()
}

/// As [`find_all`], from byte `from` of the text on (a match's end: the matches after it are the ones
/// [`find_all`] finds after it), at most `limit`. Nothing when `from` is not on a character of the text.
pub fn find_from(text: &str, query: &str, from: usize, limit: usize) -> Vec<Span> {
    let mut found = Vec::new();
    if limit > 0 {
        scan(text, query, from, &mut |span| {
            found.push(span);
            found.len() < limit
        });
    }
    found
}

/// The last `limit` matches (as [`find_all`] finds them) that start before byte `before` of the text, and
/// how many matches start before it in all: where the first of them stands among every match. Linear in the
/// text before `before`, whatever the number of matches.
pub fn find_before(text: &str, query: &str, before: usize, limit: usize) -> (Vec<Span>, usize) {
    // A ring of the last `limit`: match n is at n % limit.
    let mut last: Vec<Span> = Vec::new();
    let mut count = 0;
    scan(text, query, 0, &mut |span| {
        if span.start >= before {
            return false;
        }
        match last.get_mut(count % limit.max(1)) {
            Some(slot) => *slot = span,
            None => last.push(span),
        }
        count += 1;
        true
    });
    last.truncate(limit);
    // Oldest first: the ring's slots from the one the next match would have taken.
    let oldest = if count > limit && limit > 0 { count % limit } else { 0 };
    let mut ordered = Vec::with_capacity(last.len());
    ordered.extend_from_slice(&last[oldest..]);
    ordered.extend_from_slice(&last[..oldest]);
    (ordered, count)
}

/// Every match from byte `from` on, in order, each handed to `take` once the combining marks after it are
/// in it; stops after the first `take` that returns false.
/// (`take` is a trait object, so that the search is compiled once for all its callers.)
fn scan(text: &str, query: &str, from: usize, take: &mut dyn FnMut(Span) -> bool) {
    let pattern: Vec<char> =
        query.trim().chars().filter(|&c| !is_combining_mark(c)).flat_map(|c| expand(c).into_iter().flatten()).collect();
    let Some(rest) = text.get(from..) else { return };
    if pattern.is_empty() {
        return;
    }
    let failure = failure_table(&pattern);
    // For the last `pattern.len()` folded characters read (a text character folds to one, two or three:
    // `ß` → `ss`), the byte offset of the text character each came from and whether it was that character's
    // first, in a ring of `pattern.len()` slots: a whole match ends at the folded character just written and
    // starts at the one in the slot after it (the oldest). A match starts on a text character's first and ends on its last:
    // `s` does not find half of `ß`.
    let mut recent = vec![(0, false); pattern.len()];
    // The ring's slot for the folded character being read, counted round without a division per character.
    let mut slot = 0;
    let next_slot = |slot: usize| if slot + 1 == pattern.len() { 0 } else { slot + 1 };
    let mut matched = 0;
    // The last match, handed over at the next character that is not a mark: until then the marks right after
    // it are its own.
    let mut pending: Option<Span> = None;
    for (offset, c) in rest.char_indices() {
        let at = from + offset;
        if is_combining_mark(c) {
            if let Some(last) = pending.as_mut().filter(|last| last.end == at) {
                last.end = at + c.len_utf8();
            }
            continue;
        }
        if let Some(last) = pending.take() {
            if !take(last) {
                return;
            }
        }
        let end = at + c.len_utf8();
        // ASCII, most of any text, folds to its lower case alone: no table to look up.
        let units = if c.is_ascii() { [Some(c.to_ascii_lowercase()), None, None] } else { expand(c) };
        let count = units.iter().take_while(|unit| unit.is_some()).count();
        for (position, &unit) in units[..count].iter().flatten().enumerate() {
            recent[slot] = (at, position == 0);
            while matched > 0 && pattern[matched] != unit {
                matched = failure[matched - 1];
            }
            if pattern[matched] == unit {
                matched += 1;
            }
            if matched == pattern.len() {
                let (start, starts_a_character) = recent[next_slot(slot)];
                if starts_a_character && position + 1 == count {
                    pending = Some(Span::new(start, end));
                    // Not overlapping: the next match starts after this one.
                    matched = 0;
                } else {
                    // Inside a character: a later, overlapping occurrence may still be whole.
                    matched = failure[matched - 1];
                }
            }
            slot = next_slot(slot);
        }
    }
    if let Some(last) = pending {
        take(last);
    }
}

/// A character as find compares it, as one to three characters: the letters a ligature or `ß` stands for
/// (`ﬁ` → `fi`, `ß` → `ss`, `œ` → `oe`, as a browser's find matches them), a full-width form's ASCII character (`Ａ` →
/// `a`), a straight quotation mark for a curly one (`don’t` is found by `don't`), else [`fold`].
pub(crate) fn expand(c: char) -> [Option<char>; 3] {
    let three = |a, b, c| [Some(a), Some(b), c];
    match c {
        'ß' | 'ẞ' => three('s', 's', None),
        'ﬀ' => three('f', 'f', None),
        'ﬁ' => three('f', 'i', None),
        'ﬂ' => three('f', 'l', None),
        'ﬃ' => three('f', 'f', Some('i')),
        'ﬄ' => three('f', 'f', Some('l')),
        'ﬅ' | 'ﬆ' => three('s', 't', None),
        'œ' | 'Œ' => three('o', 'e', None),
        'æ' | 'Æ' => three('a', 'e', None),
        // Letter pairs written as one character (Dutch `ĳ`, the Croatian digraphs), as their two letters.
        'ĳ' | 'Ĳ' => three('i', 'j', None),
        'ǆ' | 'ǅ' | 'Ǆ' | 'ǳ' | 'ǲ' | 'Ǳ' => three('d', 'z', None),
        'ǉ' | 'ǈ' | 'Ǉ' => three('l', 'j', None),
        'ǌ' | 'ǋ' | 'Ǌ' => three('n', 'j', None),
        '‘' | '’' | 'ʼ' | '′' => [Some('\''), None, None],
        '“' | '”' | '″' => [Some('"'), None, None],
        // Full-width ASCII (East Asian text and input methods), U+FF01 to U+FF5E, sits 0xFEE0 above ASCII.
        '\u{FF01}'..='\u{FF5E}' => [char::from_u32(c as u32 - 0xFEE0).map(fold), None, None],
        _ => [Some(fold(c)), None, None],
    }
}

/// A character as find compares it: its first lower-case form (`Ä` → `ä`, `İ` → `i`), then, for a Latin
/// letter with an accent, the letter its canonical decomposition starts with (`é` → `e`, `ǖ` → `u`, `ễ` → `e`),
/// and for a Greek one its letter without tonos (`ή` → `η`).
/// Letters with a stroke or bar, which have no decomposition (`ø`, `ł`, `đ`, `ħ`), as the letter under it, as
/// a browser's find matches them (Chromium finds `Søren` by `Soren`, `Łukasiewicz` by `Lukasiewicz`); so are
/// `ð` → `d`, `ŀ` → `l` and the long `ſ` → `s`. Beyond the browser's: `ŧ` → `t` and the dotless `ı` → `i`, which
/// a keyboard without them cannot type (`Yilmaz` finds `Yılmaz`). `þ` stays itself, as in the browser's find.
fn fold(c: char) -> char {
    let lower = sidenote_extract::case::first_lowercase(c);
    let code = lower as u32;
    let (table, first) = match code {
        0x1E00..=0x1EFF => (UNACCENTED_ADDITIONAL, 0x1E00),
        _ => (UNACCENTED, 0xC0),
    };
    match table.as_bytes().get(code.wrapping_sub(first) as usize) {
        Some(&base) if base != b'.' => char::from(base),
        // Greek letters without their tonos or dialytika, and the final sigma as the other (as a browser's
        // find matches them).
        _ => match lower {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' | 'ΐ' | 'ϊ' => 'ι',
            'ό' => 'ο',
            'ύ' | 'ΰ' | 'ϋ' => 'υ',
            'ώ' => 'ω',
            'ς' => 'σ',
            'ø' => 'o',
            'ł' | 'ŀ' => 'l',
            'đ' | 'ð' => 'd',
            'ħ' => 'h',
            'ŧ' => 't',
            'ı' => 'i',
            'ſ' => 's',
            _ => lower,
        },
    }
}

/// The unaccented letter of each character from U+00C0 to U+024F (Latin-1 Supplement, Latin Extended-A and
/// -B), `.` where its canonical decomposition starts with no ASCII letter. Made with Python's
/// `unicodedata.normalize("NFD", c)[0].lower()`.
const UNACCENTED: &str = concat!(
    "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y",
    "aaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll.",
    "...nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.",
    "................................oo.............uu...............",
    ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....",
    "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............",
    "................",
);

/// The same for U+1E00 to U+1EFF (Latin Extended Additional: Vietnamese, Welsh, many transliterations).
const UNACCENTED_ADDITIONAL: &str = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
    "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......",
);

/// Whether a character is a combining mark of the blocks Latin, Greek and Cyrillic text use (diacritics,
/// their extensions and supplement, those for symbols, half marks): written after the letter it marks.
#[inline(always)]
pub(crate) fn is_combining_mark(c: char) -> bool {
    // Below U+0300 (ASCII, Latin-1) first: one comparison for most characters of any text.
    c >= '\u{0300}'
        && matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// For each prefix of `pattern`, the length of its longest proper prefix that is also its suffix.
fn failure_table(pattern: &[char]) -> Vec<usize> {
    let mut table = vec![0; pattern.len()];
    let mut length = 0;
    for i in 1..pattern.len() {
        while length > 0 && pattern[i] != pattern[length] {
            length = table[length - 1];
        }
        if pattern[i] == pattern[length] {
            length += 1;
        }
        table[i] = length;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        find_all(text, query).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn table_of_queries() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("Lavrov met lavrov and LAVROV.", "lavrov", &["Lavrov", "lavrov", "LAVROV"]),
            ("aaaa", "aa", &["aa", "aa"]),
            ("abababc", "ababc", &["ababc"]),
            ("Ärger in Düsseldorf, ärger", "ÄRGER", &["Ärger", "ärger"]),
            ("🙂 Café 🙂 café", "CAFÉ", &["Café", "café"]),
            ("no match here", "absent", &[]),
            ("anything", "   ", &[]),
            ("", "a", &[]),
            ("  padded query  ", "  query ", &["query"]),
            ("e\u{301}te\u{301}", "e\u{301}", &["e\u{301}", "e\u{301}"]),
            // Accents and the way they are written do not matter, as in a browser's find-in-page.
            ("Café, cafe, CAFE\u{301} noir", "cafe", &["Café", "cafe", "CAFE\u{301}"]),
            ("Café, cafe, CAFE\u{301} noir", "café", &["Café", "cafe", "CAFE\u{301}"]),
            ("São Paulo, Sao Paulo", "sao paulo", &["São Paulo", "Sao Paulo"]),
            // Letters with a stroke (no decomposition) as the letter under it, both ways, as a browser's find.
            ("Łódź and Lodz", "lodz", &["Łódź", "Lodz"]),
            ("Søren, SØREN, Soren", "soren", &["Søren", "SØREN", "Soren"]),
            ("Søren and Soren", "Søren", &["Søren", "Soren"]),
            ("Renée Dubois-Ørsted", "orsted", &["Ørsted"]),
            ("Zoë Müller-Łukasiewicz", "lukasiewicz", &["Łukasiewicz"]),
            ("Novak Đoković and đak", "dokovic", &["Đoković"]),
            ("Ħal Far, ħal", "hal", &["Ħal", "ħal"]),
            ("Ŧest", "test", &["Ŧest"]),
            ("Mehmet Yılmaz", "yilmaz", &["Yılmaz"]),
            ("Yilmaz", "yılmaz", &["Yilmaz"]),
            ("Guðrún", "gudrun", &["Guðrún"]),
            ("Paŀlars", "pallars", &["Paŀlars"]),
            ("Ĳssel and ĳs", "ijssel", &["Ĳssel"]),
            ("Ǆemal", "dzemal", &["Ǆemal"]),
            ("Ærø", "aero", &["Ærø"]),
            // `þ` is no `t` nor `th` in a browser's find either; `æ` is `ae`, not `a`.
            ("Søren Þórsson", "thorsson", &[]),
            ("Søren Þórsson", "torsson", &[]),
            ("Ærø", "aro", &[]),
            // Characters outside the Basic Multilingual Plane before the match: offsets stay on the text's own
            // characters, a highlight covering `ø`, `ß` and `ĳ` whole.
            ("𝔄🙂 Søren’s Straße 𝔅 Ĳssel", "sorens strasse", &[]),
            ("𝔄🙂 Søren’s Straße 𝔅 Ĳssel", "soren's strasse", &["Søren’s Straße"]),
            ("𝔄🙂 Søren’s Straße 𝔅 Ĳssel", "ijssel", &["Ĳssel"]),
            ("𝔄🙂 Søren’s Straße 𝔅 Ĳssel", "e 𝔅 i", &[]),
            ("𝔄🙂 Søren’s Straße 𝔅 Ĳssel", "e 𝔅 ij", &["e 𝔅 Ĳ"]),
            ("Ǖ and u\u{308}\u{304}x", "ü", &["Ǖ", "u\u{308}\u{304}"]),
            ("naïve", "\u{301}", &[]),
            ("\u{301}a\u{301}", "a", &["a\u{301}"]),
            // Letters a browser's find sees in ligatures, `ß`, full-width forms; curly quotation marks.
            ("Straße, STRASSE, strasse", "strasse", &["Straße", "STRASSE", "strasse"]),
            ("Straße, STRASSE", "straße", &["Straße", "STRASSE"]),
            ("Maß", "s", &[]),
            ("ßs", "ss", &["ß"]),
            ("sß", "ss", &["ß"]),
            ("the ﬁrst ﬂoor, the first", "first", &["ﬁrst", "first"]),
            ("oﬃce", "ffi", &["ﬃ"]),
            ("oﬃce", "fi", &[]),
            ("ＳＩＤＥＮＯＴＥ　２０２６", "sidenote", &["ＳＩＤＥＮＯＴＥ"]),
            ("ＳＩＤＥＮＯＴＥ　２０２６", "２０26", &["２０２６"]),
            ("We won’t. We won't.", "won't", &["won’t", "won't"]),
            ("“Yes,” she said", "\"yes,\"", &["“Yes,”"]),
            // Vietnamese, Greek accents and final sigma, œ and æ.
            ("President Nguyễn Văn Thiệu", "nguyen van thieu", &["Nguyễn Văn Thiệu"]),
            ("ΑΘΗΝΑ and Αθήνα", "αθηνα", &["ΑΘΗΝΑ", "Αθήνα"]),
            ("Σωκράτης", "σωκρατησ", &["Σωκράτης"]),
            ("Hors d’œuvre", "oeuvre", &["œuvre"]),
            ("Æsir", "aesir", &["Æsir"]),
        ];
        for (text, query, expected) in cases {
            assert_eq!(found(text, query), *expected, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn agrees_with_a_plain_search_on_every_short_text_and_query() {
        // Every text of up to six characters and query of up to three over an alphabet with a case pair, an
        // accented twin and a combining mark: KMP's fallbacks are where such searches go wrong.
        let alphabet = ['a', 'A', 'b', 'á', '\u{301}'];
        let queries = strings(&alphabet, 3);
        for text in strings(&alphabet, 6) {
            for query in &queries {
                assert_eq!(find_all(&text, query), plain(&text, query), "{query:?} in {text:?}");
            }
        }
    }

    #[test]
    fn agrees_with_a_plain_search_where_characters_fold_to_several() {
        // `ß` is two folded characters and `ﬃ` three: a match must not start or end inside one.
        let alphabet = ['s', 'ß', 'f', 'i', 'ﬃ', '\u{301}'];
        let queries = strings(&alphabet, 3);
        for text in strings(&alphabet, 5) {
            for query in &queries {
                assert_eq!(find_all(&text, query), plain(&text, query), "{query:?} in {text:?}");
            }
        }
    }

    #[test]
    fn agrees_with_a_plain_search_over_stroke_letters_and_letter_pairs() {
        // `ø` folds to one letter and `ĳ` to two: each beside its plain letters and a combining mark.
        let alphabet = ['o', 'ø', 'i', 'j', 'ĳ', '\u{301}'];
        let queries = strings(&alphabet, 3);
        for text in strings(&alphabet, 5) {
            for query in &queries {
                assert_eq!(find_all(&text, query), plain(&text, query), "{query:?} in {text:?}");
            }
        }
    }

    #[test]
    fn windows_of_matches_are_the_same_matches_as_one_search() {
        // After any match, `find_from` its end gives the matches that follow it; before any match (or the
        // end), `find_before` gives the ones that precede it and how many there are: a window at a time is
        // the same as every match at once, whatever the limit.
        let alphabet = ['a', 'A', 'ß', 's', '\u{301}'];
        let queries = ["a", "aa", "s", "ss", "á"];
        for text in strings(&alphabet, 6) {
            for query in queries {
                let all = find_all(&text, query);
                for limit in [1, 2, 3, MAX_MATCHES] {
                    assert_eq!(find_from(&text, query, 0, limit), all[..all.len().min(limit)], "{query:?} in {text:?}");
                    for (i, m) in all.iter().enumerate() {
                        let after = &all[i + 1..];
                        assert_eq!(find_from(&text, query, m.end, limit), after[..after.len().min(limit)]);
                        let (before, count) = find_before(&text, query, m.start, limit);
                        assert_eq!(
                            (before.as_slice(), count),
                            (&all[i.saturating_sub(limit)..i], i),
                            "{query:?} {text:?}"
                        );
                    }
                    let (last, count) = find_before(&text, query, usize::MAX, limit);
                    assert_eq!((last.as_slice(), count), (&all[all.len().saturating_sub(limit)..], all.len()));
                }
            }
        }
        // A start inside a character finds nothing rather than panicking.
        assert_eq!(find_from("ßa", "a", 1, 5), []);
    }

    /// Every string of up to `max` characters of `alphabet`.
    fn strings(alphabet: &[char], max: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..max {
            last = last.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    /// The same search done plainly: every character but the marks, expanded to its folded characters, each
    /// with where its character starts and ends (with its marks) and whether it is the character's first and
    /// last; the leftmost whole match taken, then the search goes on after it.
    fn plain(text: &str, query: &str) -> Vec<Span> {
        let mut folded: Vec<(usize, char, usize, bool, bool)> = Vec::new();
        for (i, c) in text.char_indices() {
            if is_combining_mark(c) {
                let end = i + c.len_utf8();
                let own = folded.iter().rev().take_while(|unit| !unit.3).count() + 1;
                let len = folded.len();
                for unit in folded.iter_mut().skip(len.saturating_sub(own)) {
                    unit.2 = end;
                }
                continue;
            }
            let units: Vec<char> = expand(c).into_iter().flatten().collect();
            for (k, unit) in units.iter().enumerate() {
                folded.push((i, *unit, i + c.len_utf8(), k == 0, k + 1 == units.len()));
            }
        }
        let pattern: Vec<char> =
            query.chars().filter(|&c| !is_combining_mark(c)).flat_map(|c| expand(c).into_iter().flatten()).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while !pattern.is_empty() && i + pattern.len() <= folded.len() {
            let last = folded[i + pattern.len() - 1];
            let same = folded[i..i + pattern.len()].iter().map(|unit| unit.1).eq(pattern.iter().copied());
            if same && folded[i].3 && last.4 {
                out.push(Span::new(folded[i].0, last.2));
                i += pattern.len();
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn contains_is_whether_find_finds() {
        assert!(contains("Straße und Café", "strasse"));
        assert!(contains("José Martínez", "jose"));
        assert!(!contains("José Martínez", "josef"));
        assert!(!contains("anything", "  "));
    }

    #[test]
    fn stops_at_the_cap() {
        let text = "e ".repeat(MAX_MATCHES + 50);
        assert_eq!(find_all(&text, "e").len(), MAX_MATCHES);
    }
}
