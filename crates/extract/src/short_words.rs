//! Short constant word lists (function words, month names, connectors) looked up by comparing numbers.
//!
//! A word of up to [`MAX_LEN`] bytes is packed into one `u128`: its bytes from the most significant end, zeros
//! after them, and its length in the last byte. Keys of words without a zero byte sort as the words do, so a
//! list sorted for `binary_search` gives sorted keys (`keys` checks it as the program compiles), and a lookup
//! is a binary search over numbers. Why: the string comparisons of `[&str]::binary_search` were a twentieth of
//! all extraction time (each a call to `memcmp`, in the Wasm a loop of its own), asked for nearly every word.

/// The longest word a key holds: the last of the 16 bytes is the length.
pub(crate) const MAX_LEN: usize = 15;

/// The key of a word of at most [`MAX_LEN`] bytes, its ASCII letters lower-cased if `lower` (`None` if longer).
const fn key_of(word: &[u8], lower: bool) -> Option<u128> {
    if word.len() > MAX_LEN {
        return None;
    }
    let mut key = 0u128;
    let mut at = 0;
    while at < word.len() {
        let byte = if lower { word[at].to_ascii_lowercase() } else { word[at] };
        key = key << 8 | byte as u128;
        at += 1;
    }
    // Zeros after the word (at most 15 bytes, so the shift stays below 128), then its length.
    key <<= 8 * (MAX_LEN - word.len());
    Some(key << 8 | word.len() as u128)
}

/// The keys of a sorted list of words of at most [`MAX_LEN`] bytes, for `contains` and `contains_lower`.
/// `N` must be the list's length. Evaluated as the program compiles (`const`), where a word too long or a
/// list out of order stops the build.
pub(crate) const fn keys<const N: usize>(words: &[&str]) -> [u128; N] {
    assert!(words.len() == N, "N is the number of words");
    let mut keys = [0u128; N];
    let mut at = 0;
    while at < N {
        let Some(key) = key_of(words[at].as_bytes(), false) else { panic!("a word longer than MAX_LEN") };
        assert!(at == 0 || keys[at - 1] < key, "the words are not in strictly increasing order");
        keys[at] = key;
        at += 1;
    }
    keys
}

/// Whether `word` is one of the words `keys` was made of, exactly as written.
pub(crate) fn contains(keys: &[u128], word: &str) -> bool {
    key_of(word.as_bytes(), false).is_some_and(|key| keys.binary_search(&key).is_ok())
}

/// Whether `word` in lower case (as `str::to_lowercase` writes it) is one of the words `keys` was made of:
/// ASCII lower-cased in the key itself, other words through `crate::case::lowercase`.
pub(crate) fn contains_lower(keys: &[u128], word: &str) -> bool {
    if word.is_ascii() {
        return key_of(word.as_bytes(), true).is_some_and(|key| keys.binary_search(&key).is_ok());
    }
    contains(keys, &crate::case::lowercase(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &["a", "an", "and", "b", "mid-", "september", "the", "zzzzzzzzzzzzzzz"];
    const WORD_KEYS: [u128; WORDS.len()] = keys(WORDS);

    #[test]
    fn finds_exactly_what_a_binary_search_of_the_words_finds() {
        let lower_in = |word: &str| WORDS.binary_search(&crate::case::lowercase(word).as_str()).is_ok();
        for word in [
            "",
            "a",
            "A",
            "an",
            "AN",
            "aN",
            "and",
            "ands",
            "an\0",
            "a\0",
            "\0",
            "b",
            "c",
            "mid-",
            "MID-",
            "mid",
            "september",
            "September",
            "SEPTEMBER",
            "septembe",
            "septembers",
            "the",
            "The",
            "THE",
            "th",
            "thee",
            "zzzzzzzzzzzzzzz",
            "ZZZZZZZZZZZZZZZ",
            "zzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzz",
            "é",
            "É",
            "Thé",
            "\u{212A}",
            "ſeptember",
            "a very long word that no list holds",
        ] {
            assert_eq!(contains(&WORD_KEYS, word), WORDS.binary_search(&word).is_ok(), "{word:?}");
            assert_eq!(contains_lower(&WORD_KEYS, word), lower_in(word), "{word:?}");
        }
    }

    #[test]
    fn a_non_ascii_word_is_found_by_its_lower_case() {
        // The Kelvin sign lower-cases to an ASCII "k": the lookup lower-cases as the standard library does.
        const KELVIN: &[&str] = &["km", "ok"];
        const KELVIN_KEYS: [u128; KELVIN.len()] = keys(KELVIN);
        assert!(contains_lower(&KELVIN_KEYS, "\u{212A}m") && contains_lower(&KELVIN_KEYS, "O\u{212A}"));
        assert!(!contains(&KELVIN_KEYS, "\u{212A}m"));
    }

    #[test]
    fn keys_sort_as_their_words_do() {
        let words = ["", "a", "a!", "ab", "abc", "abd", "b", "ba", "z", "zz", "~", "é"];
        for pair in words.windows(2) {
            let (low, high) = (key_of(pair[0].as_bytes(), false), key_of(pair[1].as_bytes(), false));
            assert!(low < high, "{pair:?}");
        }
        assert_eq!(key_of(&[b'a'; MAX_LEN + 1], false), None);
    }
}
