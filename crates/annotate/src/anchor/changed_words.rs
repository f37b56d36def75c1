//! A fuzzy placement that says something else than the note's words is no placement.
//!
//! Stage 3 accepts words that differ from the quote by a quarter of their characters at most: a fixed typo,
//! another spelling, a dropped word. The same share of characters also turns "voted 7–4" into "voted 8–3",
//! "€212 million" into "€112 million", "That is not nothing" into "That is nothing", "Quai Noël" into
//! "Quai Nord": a correction of the facts the note was about. A note placed there sits on words it was not
//! written on, and an orphan (which keeps its words, listed to re-attach) is the better answer. So a fuzzy
//! placement is refused when, word for word, its words differ from the quote in
//! - a number (any word holding a digit, compared exactly),
//! - a negation (`not`, `no`, `never`, `nor`, `cannot`, `without`, a `n't` contraction: one more or one fewer),
//! - a word replaced by another that is no respelling of it (a word of the quote missing from the words found
//!   while a word not in the quote stands there, and the two not within a third of their letters of each
//!   other: `presidant`/`president` and `through`/`throughout` are respellings, `terns`/`gulls` is not); a
//!   quote of eight words or more may have one replaced word per eight, as an editor rewords a passage.
//!
//! Words are compared as find compares them (case, accents, composed or decomposed, curly or straight
//! apostrophes alike), so copies that differ only in such ways are never refused here.

/// At most this many words of each side that the other lacks are paired; more differences than that are no
/// respelling of the same words.
const MAX_UNPAIRED: usize = 16;
/// A quote of this many words may have one of them replaced by another word (twice as many: two).
const WORDS_PER_REPLACEABLE: usize = 8;
/// Words longer than this (in characters) are compared whole, not letter by letter.
const MAX_COMPARED_CHARS: usize = 32;

/// Whether `found`, placed by similarity for a note written on `quote`, says something else.
pub(super) fn says_something_else(quote: &str, found: &str) -> bool {
    let (quote_words, found_words) = (words(quote), words(found));
    if numbers(&quote_words) != numbers(&found_words) || negations(&quote_words) != negations(&found_words) {
        return true;
    }
    // A long passage is what its note is about, more than any one of its words: an editor's word in place of
    // another (`said` for `stated`) leaves it the same passage. One replaced word per eight is allowed there.
    let replaceable = quote_words.len() / WORDS_PER_REPLACEABLE;
    let (mut missing, mut standing) = differences(quote_words, found_words);
    // Words only dropped or only added (a sentence cut from a long passage) replace none: nothing to pair.
    if missing.len().min(standing.len()) <= replaceable {
        return false;
    }
    if missing.len() > MAX_UNPAIRED || standing.len() > MAX_UNPAIRED {
        return true;
    }
    // Each missing word paired with a respelling of it among the words standing in its place.
    missing.retain(|word| match standing.iter().position(|other| respelling(word, other)) {
        Some(at) => {
            standing.swap_remove(at);
            false
        }
        None => true,
    });
    missing.len().min(standing.len()) > replaceable
}

/// The words of `text`, folded as find folds them; an apostrophe between letters stays inside the word
/// (`don't`), so that a contraction is one word.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if crate::find::is_combining_mark(c) {
            continue;
        }
        for folded in crate::find::expand(c).into_iter().flatten() {
            let inside = folded == '\'' && !word.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric());
            if folded.is_alphanumeric() || inside {
                word.push(folded);
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The words that state a number, in order: those holding a digit, and numbers written as words (`seven` and
/// `seventy`, `million` and `billion` are one letter or two apart, so no respelling test tells them apart).
fn numbers(words: &[String]) -> Vec<&str> {
    const NUMBER_WORDS: [&str; 34] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
    ];
    let is_number = |w: &str| {
        w.chars().any(char::is_numeric) || NUMBER_WORDS.contains(&w) || NUMBER_WORDS.contains(&w.trim_end_matches('s'))
    };
    words.iter().map(String::as_str).filter(|w| is_number(w)).collect()
}

/// How many words deny.
fn negations(words: &[String]) -> usize {
    const DENYING: [&str; 7] = ["not", "no", "never", "nor", "cannot", "without", "none"];
    words.iter().filter(|w| DENYING.contains(&w.as_str()) || w.ends_with("n't")).count()
}

/// The words of the quote missing from the words found, and the words found that the quote lacks (each as
/// many times as it is missing).
fn differences(mut quote: Vec<String>, mut found: Vec<String>) -> (Vec<String>, Vec<String>) {
    quote.sort_unstable();
    found.sort_unstable();
    let (mut missing, mut standing) = (Vec::new(), Vec::new());
    let (mut q, mut f) = (quote.into_iter().peekable(), found.into_iter().peekable());
    loop {
        match (q.peek(), f.peek()) {
            (Some(a), Some(b)) if a == b => {
                q.next();
                f.next();
            }
            (Some(a), Some(b)) if a < b => missing.extend(q.next()),
            (Some(_), Some(_)) | (None, Some(_)) => standing.extend(f.next()),
            (Some(_), None) => missing.extend(q.next()),
            (None, None) => return (missing, standing),
        }
    }
}

/// Whether `a` and `b` are one word spelt two ways: starting with the same letter and within a third of the
/// longer one's letters of each other (at least one letter). A typo or another spelling keeps a word's first
/// letter; a prefix that reverses it does not (`likely`/`unlikely`, `legal`/`illegal`, `increased`/`decreased`,
/// `he`/`she`, `nothing`/`something`), though it is as few letters away.
fn respelling(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() > MAX_COMPARED_CHARS || b.len() > MAX_COMPARED_CHARS || a.first() != b.first() {
        return false;
    }
    let allowed = (a.len().max(b.len()) / 3).max(1);
    a.len().abs_diff(b.len()) <= allowed && edit_distance(&a, &b) <= allowed
}

/// Levenshtein distance, one row at a time.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::says_something_else;

    #[test]
    fn words_that_say_something_else_are_told_from_respellings() {
        // (quote, words found, says something else)
        let cases = [
            // Corrections of facts.
            ("voted 7–4 late on Tuesday", "voted 8–3 late on Tuesday", true),
            ("a budget of €212 million", "a budget of €112 million", true),
            ("“That is not nothing,” she said", "“That is nothing,” she said", true),
            ("They did not agree", "They did agree", true),
            ("They agreed to it", "They didn't agree to it", true),
            ("the market on Quai Noël", "the market on Quai Nord", true),
            ("The terns were here first.", "The gulls were here first.", true),
            ("Mayor Renée Dubois-Ørsted", "Mayor Renée Dubois-Olsen", true),
            ("in 2019 the council", "in 2020 the council", true),
            // Another magnitude or a number written as words; a prefix that reverses the word.
            ("a budget of 212 million euros", "a budget of 212 billion euros", true),
            ("seven members voted", "seventy members voted", true),
            (
                "The council approved 212 million euros for the harbour on Tuesday",
                "The council approved 212 billion euros for the harbour on Tuesday",
                true,
            ),
            ("prices increased sharply", "prices decreased sharply", true),
            ("he said it was likely", "he said it was unlikely", true),
            ("he said it was legal", "he said it was illegal", true),
            ("There was nothing left", "There was something left", true),
            ("he said so", "she said so", true),
            // Respellings, fixed typos and copies that differ only in their characters' encoding.
            ("The presidant said", "The president said", false),
            ("delegation from Moscow", "delegation from Moscou", false),
            ("worked through the night until dawn", "worked throughout the night until down", false),
            ("the council’s engineer", "the council's engineer", false),
            ("a café in Besançon", "a cafe\u{301} in Besanc\u{327}on", false),
            ("“eight weeks”", "\"eight\u{a0}weeks\"", false),
            ("don’t go", "don't go", false),
            ("VOTED 7–4", "voted 7-4", false),
            // A long passage with one word of eight reworded is the same passage; with a number changed it is not.
            (
                "The council said on Tuesday that the budget would be approved",
                "The council stated on Tuesday that the budget would be approved",
                false,
            ),
            (
                "The council said on Tuesday that it approved 12 budgets",
                "The council said on Tuesday that it approved 13 budgets",
                true,
            ),
            (
                "The council said on Tuesday that the budget would pass",
                "The mayor stated on Tuesday that the budget would pass",
                true,
            ),
            // A word dropped or added is an edit of the same words, not other words.
            ("the big red house by the sea", "the big house by the sea", false),
            ("the house by the sea", "the old house by the sea", false),
        ];
        for (quote, found, expected) in cases {
            assert_eq!(says_something_else(quote, found), expected, "{quote:?} → {found:?}");
        }
    }

    /// A sentence cut from a long passage (more words dropped than are ever paired) leaves the rest the same
    /// passage: words dropped, none replaced.
    #[test]
    fn a_sentence_cut_from_a_long_passage_is_no_other_words() {
        let names = ["Alma", "Bruno", "Clara", "Dario", "Elke", "Fenna"];
        let sentence = |n: usize| {
            format!(
                "{} told of harbour walls and wooden boats and the evening tide and grey gulls over the quay. ",
                names[n]
            )
        };
        let quote: String = (0..6).map(sentence).collect();
        let found: String = (0..6).filter(|&n| n != 2).map(sentence).collect();
        assert!(!says_something_else(&quote, &found), "{found}");
    }

    #[test]
    fn many_differences_are_refused_without_comparing_them_all() {
        let quote: String = (0..200).map(|n| format!("word{} ", char::from(b'a' + (n % 26) as u8))).collect();
        let found: String = (0..200).map(|n| format!("other{} ", char::from(b'a' + (n % 26) as u8))).collect();
        assert!(says_something_else(&quote, &found));
    }
}
