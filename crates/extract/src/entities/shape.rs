//! Word-shape predicates: what a word looks like (an acronym, a code, a domain, a title), with no context.
//! Every predicate here looks at one word or one short surface and costs at most its length.

use crate::lexicon::{is_common_word, is_first_name, is_title};
use crate::tokens::{Line, Segmented, TokenKind};

/// "US" is a place, "us" a pronoun: an all-capital word of two or more letters is never a common word.
pub(super) fn is_common(word: &str) -> bool {
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase);
    !all_caps && is_common_word(word)
}

/// "Hurricane Delia", "Typhoon Hagibis", "Tropical Storm Ana", "Storm Ciarán": a storm's name opens with the
/// noun for its kind and has one or two capitalised words after it (forecasters name storms; MISC as events).
pub(super) fn is_storm_name(words: &[&str]) -> bool {
    let name = match words {
        ["Tropical", "Storm" | "Depression", name @ ..] => name,
        ["Hurricane" | "Typhoon" | "Cyclone" | "Storm", name @ ..] => name,
        _ => return false,
    };
    (1..=2).contains(&name.len()) && name.iter().all(|w| w.starts_with(char::is_uppercase) && !is_common(w))
}

/// A web domain used as a name ("LifeDaily.com", "tripsinsider.com").
pub(super) fn is_domain(word: &str) -> bool {
    const ENDINGS: &[&str] = &[".com", ".org", ".net", ".co.uk", ".io", ".gov", ".news", ".tv"];
    if !word.contains('.') {
        return false;
    }
    // A site named as a publisher has one dot and no "www."; tracker hosts and e-mail addresses are not names.
    let lower = word.to_ascii_lowercase();
    !lower.starts_with("www.")
        && !word.contains('@')
        && word.matches('.').count() == 1
        && ENDINGS.iter().any(|e| word.len() > e.len() + 1 && lower.ends_with(e))
}

/// Upper-case words that are not organisations: units, formats, time zones, sizes, shouted words, the
/// initialisms English uses for things, events and roles ("SUV", "CEO", "GDP", "PSA", "MP", "VP", "AGM", "EV",
/// "VAR"), financial instruments and measures ("ADR", "ETF", "GMV", "CPI", "ESG"), the codes of the ten most traded currencies and "RMB",
/// and the codes of a language menu ("EN", "FR", "ESP").
pub(super) const NOT_ORG_ACRONYMS: &[&str] = &[
    "ADR", "ADRs", "ADS", "AGM", "AI", "AM", "AR", "ATM", "AUD", "CAD", "CCTV", "CEO", "CFO", "CGI", "CHF", "CNY",
    "COO", "CPI", "CST", "CTO", "DE", "DG", "DIY", "DNA", "DVD", "EDT", "EN", "ENG", "EPS", "ES", "ESG", "ESP", "EST",
    "ET", "ETF", "EUR", "EV", "EVs", "FAQ", "FR", "GBP", "GDP", "GMT", "GMV", "GPS", "HD", "HIV", "HKD", "HR", "ICU",
    "ID", "IPO", "IPOs", "IQ", "JPY", "LED", "LG", "MD", "MEP", "MP", "MPs", "MVP", "NAV", "NZD", "OK", "PDF", "PM",
    "PPE", "PR", "PSA", "PST", "QB", "RMB", "ROI", "RSS", "RU", "SM", "SMS", "SUV", "TV", "UFO", "URL", "USB", "USD",
    "UTC", "VAR", "VIP", "VOD", "VP", "VPN", "XL", "XS", "XXL", "YOY",
];

/// Whether `acronym` abbreviates the words of `expansion` ("NATO", "North Atlantic Treaty Organization").
pub(super) fn abbreviates(acronym: &str, expansion: &str) -> bool {
    let initials: Vec<char> = expansion
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let mut letters = acronym.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else { return false };
    if initials.first() != Some(&first) {
        return false;
    }
    let mut rest = initials[1..].iter();
    letters.all(|l| rest.any(|&i| i == l))
}

/// Title words that only modify a title ("Executive", "Foreign"): on their own they announce no name.
const TITLE_MODIFIERS: &[&str] = &[
    "Acting",
    "Assistant",
    "Cabinet",
    "Chief",
    "Crown",
    "Defence",
    "Defense",
    "Deputy",
    "Economy",
    "Ex",
    "Executive",
    "Finance",
    "First",
    "Foreign",
    "Former",
    "General",
    "Interior",
    "Junior",
    "Press",
    "Senior",
    // Malaysian honours run `Datuk Seri`, `Dato' Sri`: the second word only lifts the first.
    "Seri",
    "Vice",
];

/// A title that is followed by a name: "President", "Minister", "Sen.", "Mr".
pub(super) fn is_head_title(word: &str) -> bool {
    is_title(word) && !TITLE_MODIFIERS.contains(&word)
}

/// A lower-case noun of a person's role or trade that stands before a name like a title: "cleric Fazlur
/// Rehman", "wrestler Hulk Hogan", "director Ava DuVernay" (`data/role_nouns.txt`). Only a name right after one
/// counts.
pub(super) fn is_role_noun(word: &str) -> bool {
    crate::lexicon::is_role_before_names(word)
}

pub(super) fn is_determiner(word: &str) -> bool {
    const DETERMINERS: &[&str] =
        &["a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those", "your"];
    const DETERMINER_KEYS: [u128; DETERMINERS.len()] = crate::short_words::keys(DETERMINERS);
    crate::short_words::contains_lower(&DETERMINER_KEYS, word)
}

pub(super) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '/' | '&' | '-') || c.is_ascii_digit())
}

/// A product or weapon code ("9M729", "WW1", "X9"), not a quantity ("100K", "5G", "1.8M"): it starts
/// with a letter, or has a letter between digits.
pub(super) fn is_code(word: &str) -> bool {
    if word.len() > 8 {
        return false;
    }
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let letter_first = word.chars().next().is_some_and(char::is_alphabetic);
    let inner_letter = word.trim_end_matches(char::is_alphabetic).chars().any(char::is_alphabetic);
    has_digit && (1..=4).contains(&letters) && (letter_first || inner_letter)
}

/// A product name written with an inner capital after a lower-case start ("iPad", "iWonder", "eBay").
pub(super) fn is_lower_camel(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && word.chars().skip(1).any(char::is_uppercase)
        && !is_particle_name(word)
}

/// An Arabic name with its article: "al-Otaibi", "el-Sisi", "ash-Shara" (a name part, written lower-case first).
pub(super) fn is_particle_name(word: &str) -> bool {
    const ARTICLES: &[&str] = &["ad-", "al-", "an-", "ar-", "as-", "ash-", "at-", "az-", "el-", "ud-", "ul-"];
    ARTICLES
        .iter()
        .any(|article| word.strip_prefix(article).is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase())))
}

/// A single word in upper camel case with a capital after at least three lower-case letters ("LendingTree",
/// "FeedBurner"), but not "McDonald", "MacArthur" or "DeSantis" (capital after at most three).
pub(super) fn is_upper_camel(word: &str) -> bool {
    if !word.starts_with(char::is_uppercase) || !word.chars().all(char::is_alphanumeric) {
        return false;
    }
    // More than three capitals is a hashtag or glued menu ("HashtagMakeSuccessSexyAgain"), not a brand.
    if word.chars().filter(|c| c.is_uppercase()).count() > 3 {
        return false;
    }
    let mut lower_run = 0;
    for (at, c) in word.char_indices().skip(1) {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() && lower_run >= 3 {
            // "LucasNolan" is a name glued to a name by a lost space.
            return !is_first_name(&word[..at]);
        } else {
            lower_run = 0;
        }
    }
    false
}

/// A single word whose shape alone makes it a name: a product code, a lower- or upper-camel-case brand, a
/// publisher's domain.
pub(super) fn is_shaped_name(word: &str) -> bool {
    is_code(word) || is_lower_camel(word) || is_upper_camel(word) || is_domain(word)
}

/// A generational suffix after a surname ("Jr.", "III").
pub(super) fn is_generational_suffix(word: &str) -> bool {
    matches!(word, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// Marks lines written in Title Case (headlines, teasers): at least four words and no lower-case content word.
pub(super) fn title_case_lines(seg: &Segmented<'_>) -> Vec<bool> {
    const SMALL: &[&str] =
        &["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "vs", "with"];
    seg.lines
        .iter()
        .map(|line| {
            let mut words = 0usize;
            let mut lower_content = false;
            for i in line.tokens.0..line.tokens.1 {
                if seg.tokens[i].kind != TokenKind::Word {
                    continue;
                }
                let w = seg.word(i);
                if !w.starts_with(char::is_alphabetic) {
                    continue;
                }
                words += 1;
                if w.starts_with(char::is_lowercase) && SMALL.binary_search(&w).is_err() {
                    lower_content = true;
                    break;
                }
            }
            // A byline ("By Adaora Nwosu, Associated Press") names its authors in capitals of its own, a
            // sponsor's line ("Sponsored by Halvorsen Bank") its sponsor.
            words >= 4 && !lower_content && !is_byline(seg, line) && !is_sponsor_line(seg, line.tokens.0)
        })
        .collect()
}

/// The age in commas right after a name (`Dilnoza Rahimova, 22, said`), `after_name` being the token after
/// it: the age's word. Typing (a person's name) and attribution (who `the 22-year-old` is) both ask it.
pub(crate) fn age_in_commas<'t>(seg: &Segmented<'t>, after_name: usize) -> Option<&'t str> {
    let (comma, closing) = (seg.tokens.get(after_name)?, seg.tokens.get(after_name + 2)?);
    let years = seg.word(after_name + 1);
    let is_age = seg.is_word(after_name + 1) && years.parse::<u8>().is_ok_and(|age| (1..=110).contains(&age));
    (is_age && seg.is_punct(after_name, ',') && seg.is_punct(after_name + 2, ',') && comma.line == closing.line)
        .then_some(years)
}

/// Lower-case words a byline holds between its names and dates ("by Ana de la Cruz and Wei Chen, 9:15 am").
const BYLINE_LOWER_CASE: &[&str] =
    &["al", "am", "and", "bin", "da", "de", "del", "der", "du", "la", "le", "pm", "van", "von"];

/// Whether the line whose first token is `first` opens with a sponsor's phrase, "Sponsored by" or "Supported
/// by" (an ad's or a partner's clutter line, not a headline). Not "Presented by", which names a show's host as
/// often, nor "Powered by", which names a product as often as its maker.
pub(super) fn is_sponsor_line(seg: &Segmented<'_>, first: usize) -> bool {
    seg.is_word(first)
        && matches!(seg.word(first), "Sponsored" | "Supported")
        && seg.is_word(first + 1)
        && seg.word(first + 1) == "by"
        && seg.tokens[first + 1].line == seg.tokens[first].line
}

/// A byline: a line that opens with "By" or "BY" and is short ("By JANE A. DOE and TEMBA KHUMALO").
pub(crate) fn is_byline(seg: &Segmented<'_>, line: &Line) -> bool {
    const MAX_WORDS: usize = 16;
    let (first, end) = line.tokens;
    // "by Tamsin Okoro @tokoro February 1, 2016": some sites write the byline's "by" in lower case; a line
    // (a paragraph of copied text) opens with it and a capitalised word only as a byline.
    // Not before a place or an organisation ("by India Post News Weekly" credits an outlet).
    // A hard-wrapped paragraph has lines that open with "by" and a name too ("by Senator Ada Obi, who said the
    // plan would"): a byline's words are all names, dates and handles, never ordinary lower-case words.
    let lower_by = || {
        seg.word(first) == "by"
            && seg.is_word(first + 1)
            && seg.word(first + 1).starts_with(char::is_uppercase)
            && !crate::lexicon::is_place(seg.word(first + 1))
            && !crate::lexicon::is_org(seg.word(first + 1))
            && (first + 1..end).all(|k| {
                let word = seg.word(k);
                !seg.is_word(k)
                    || !word.starts_with(char::is_lowercase)
                    || BYLINE_LOWER_CASE.contains(&word)
                    || (k > first && seg.is_punct(k - 1, '@'))
            })
    };
    first < end && (matches!(seg.word(first), "By" | "BY") || lower_by()) && end - first <= 2 * MAX_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lower_case_by_opens_a_byline_only_before_names_dates_and_handles() {
        let byline = |text: &str| {
            let seg = crate::tokens::segment(text);
            is_byline(&seg, &seg.lines[0])
        };
        for line in [
            "by Tamsin Okoro @tokoro February 1, 2016",
            "by Ana de la Cruz and Wei Chen, 9:15 am",
            "By Kofi Mensah",
            "BY JANE A. DOE",
        ] {
            assert!(byline(line), "{line}");
        }
        // Lines of a hard-wrapped paragraph.
        for line in ["by Senator Ada Obi, who said the plan would", "by Chidi Eze's lawyers on Monday and the"] {
            assert!(!byline(line), "{line}");
        }
    }

    #[test]
    fn upper_camel_brands_not_names_or_hashtags() {
        for brand in ["LendingTree", "FeedBurner", "WordPress", "NextAdvisor"] {
            assert!(is_upper_camel(brand), "{brand}");
        }
        for other in
            ["McDonald", "MacArthur", "DeSantis", "LucasNolan", "HashtagMakeSuccessSexyAgain", "Moscow", "NATO"]
        {
            assert!(!is_upper_camel(other), "{other}");
        }
    }
}
