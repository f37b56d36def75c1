//! Find in the article: every place a query occurs in the text, ignoring case, in time linear in the text.
//!
//! The app's own find, because a long article is rendered only near the viewport and the browser's
//! find-in-page sees only what is rendered.

use sidenote_extract::Span;

/// At most this many matches are returned: enough to step through, and a bound on the work of a query
/// such as `e` in a 20 MB text.
pub const MAX_MATCHES: usize = 10_000;

/// The places where `query` occurs in `text`, ignoring case (each character compared by its first
/// lower-case form, so offsets stay on the text's own characters), left to right and not overlapping, at most
/// [`MAX_MATCHES`]. White space at the query's ends is ignored; an empty query finds nothing.
///
/// Knuth–Morris–Pratt over folded characters: linear in the text and the query whatever they hold (a query
/// of `aaaa…b` in a text of `aaaa…` included).
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let pattern: Vec<char> = query.trim().chars().map(fold).collect();
    if pattern.is_empty() {
        return Vec::new();
    }
    let failure = failure_table(&pattern);
    // The byte offsets of the last `pattern.len()` characters read, in a ring: a match of n characters that
    // ends at character `index` starts at the offset of character `index + 1 - n`.
    let mut recent = vec![0; pattern.len()];
    let mut matched = 0;
    let mut found = Vec::new();
    for (index, (at, c)) in text.char_indices().enumerate() {
        recent[index % pattern.len()] = at;
        let c = fold(c);
        while matched > 0 && pattern[matched] != c {
            matched = failure[matched - 1];
        }
        if pattern[matched] == c {
            matched += 1;
        }
        if matched == pattern.len() {
            let start = recent[(index + 1) % pattern.len()];
            let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
            found.push(Span::new(start, end));
            if found.len() == MAX_MATCHES {
                break;
            }
            // Not overlapping: the next match starts after this one.
            matched = 0;
        }
    }
    found
}

/// A character's first lower-case form (`Ä` → `ä`, `İ` → `i`), itself if it has none.
fn fold(c: char) -> char {
    sidenote_extract::case::first_lowercase(c)
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
        ];
        for (text, query, expected) in cases {
            assert_eq!(found(text, query), *expected, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn agrees_with_a_plain_search_on_every_short_text_and_query() {
        // Every text of up to six characters and query of up to three over an alphabet with a case pair and
        // a multi-byte character: KMP's fallbacks are where such searches go wrong.
        let alphabet = ['a', 'A', 'b', 'é'];
        let strings = |max: usize| {
            let mut all = vec![String::new()];
            let mut last = vec![String::new()];
            for _ in 0..max {
                last = last.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
                all.extend(last.iter().cloned());
            }
            all
        };
        let plain = |text: &str, query: &str| -> Vec<Span> {
            let folded: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
            let pattern: Vec<char> = query.chars().map(fold).collect();
            let mut out = Vec::new();
            let mut i = 0;
            while !pattern.is_empty() && i + pattern.len() <= folded.len() {
                if folded[i..i + pattern.len()].iter().map(|(_, c)| *c).eq(pattern.iter().copied()) {
                    let last = folded[i + pattern.len() - 1];
                    out.push(Span::new(folded[i].0, last.0 + last.1.len_utf8()));
                    i += pattern.len();
                } else {
                    i += 1;
                }
            }
            out
        };
        let queries = strings(3);
        for text in strings(6) {
            for query in &queries {
                assert_eq!(find_all(&text, query), plain(&text, query), "{query:?} in {text:?}");
            }
        }
    }

    #[test]
    fn stops_at_the_cap() {
        let text = "e ".repeat(MAX_MATCHES + 50);
        assert_eq!(find_all(&text, "e").len(), MAX_MATCHES);
    }
}
