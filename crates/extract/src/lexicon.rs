//! Word lists compiled into the binary (see `build.rs` and `data/SOURCES.md`) and the lookups over them.
//!
//! Every list is a sorted `&[&str]`, so a lookup is a binary search with no start-up cost.

include!(concat!(env!("OUT_DIR"), "/lexicon_data.rs"));

fn contains(list: &[&str], word: &str) -> bool {
    // Soft hyphens ("Vladi\u{AD}mir") are invisible line-break hints, not part of the word.
    if word.contains('\u{AD}') {
        return list.binary_search(&word.replace('\u{AD}', "").as_str()).is_ok();
    }
    list.binary_search(&word).is_ok()
}

/// Looks a word up case-insensitively in a list that `build.rs` lower-cased.
fn contains_lower(list: &[&str], word: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        contains(list, &word.to_lowercase())
    } else {
        contains(list, word)
    }
}

/// A country, US state, large city, region or well-known place name, written as in running text.
pub(crate) fn is_place(name: &str) -> bool {
    contains(PLACES_EXTRA, name) || contains(COUNTRIES, name) || contains(US_STATES, name) || contains(CITIES, name)
}

/// A well-known organisation name.
pub(crate) fn is_org(name: &str) -> bool {
    contains(ORGS, name)
}

/// A first name from the US census lists; upper-case tokens ("JIM") are looked up as "Jim".
pub(crate) fn is_first_name(word: &str) -> bool {
    if contains(FIRST_NAMES, word) || contains(FIRST_NAMES_INTL, word) {
        return true;
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if word.len() > 1 && word.chars().all(|c| c.is_uppercase()) => {
            let capitalised: String = std::iter::once(first).chain(chars.flat_map(char::to_lowercase)).collect();
            contains(FIRST_NAMES, &capitalised) || contains(FIRST_NAMES_INTL, &capitalised)
        }
        _ => false,
    }
}

pub(crate) fn is_org_keyword(word: &str) -> bool {
    contains(ORG_KEYWORDS, word)
}

pub(crate) fn is_misc_keyword(word: &str) -> bool {
    contains(MISC_KEYWORDS, word)
}

/// A title or role word that precedes a name but is not part of it ("President", "Sen.").
pub(crate) fn is_title(word: &str) -> bool {
    contains(TITLES, word)
}

pub(crate) fn is_demonym(word: &str) -> bool {
    contains(DEMONYMS, word)
}

pub(crate) fn is_speech_verb(word: &str) -> bool {
    contains_lower(SPEECH_VERBS, word)
}

/// A function word or frequent sentence opener: capitalised only by position, never a name by itself.
pub(crate) fn is_common_word(word: &str) -> bool {
    contains_lower(COMMON_WORDS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [CITIES, COUNTRIES, US_STATES, PLACES_EXTRA, FIRST_NAMES, ORGS, TITLES, DEMONYMS, SPEECH_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn lookups_know_basic_facts() {
        assert!(is_place("Moscow") && is_place("Russia") && is_place("Texas") && is_place("U.S."));
        assert!(is_org("TASS") && is_org("Interfax") && is_org("RFE/RL"));
        assert!(
            is_first_name("Sergei") || is_first_name("Vladimir") || is_first_name("Barack") || is_first_name("James")
        );
        assert!(is_first_name("JIM"));
        assert!(is_speech_verb("Said") && is_common_word("However") && !is_common_word("Lavrov"));
        assert!(is_title("President") && is_demonym("Russian"));
    }
}
