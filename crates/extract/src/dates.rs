//! DATE mentions: explicit calendar expressions, by a small grammar over tokens.
//!
//! A date contains a month name, a weekday, a four-digit year or a numeric date ("9/11", "11/08/2019").
//! The span is the maximal expression ("Nov. 28, 2026", "24 July 2015", "Monday") without a leading
//! preposition. "May" is a month only beside a day number or a year, because it is usually a verb.

use crate::tokens::Segmented;
use crate::Span;

const MONTHS: &[&str] = &[
    "Apr",
    "Apr.",
    "April",
    "Aug",
    "Aug.",
    "August",
    "Dec",
    "Dec.",
    "December",
    "Feb",
    "Feb.",
    "February",
    "Jan",
    "Jan.",
    "January",
    "Jul",
    "Jul.",
    "July",
    "Jun",
    "Jun.",
    "June",
    "Mar",
    "Mar.",
    "March",
    "May",
    "Nov",
    "Nov.",
    "November",
    "Oct",
    "Oct.",
    "October",
    "Sep",
    "Sep.",
    "Sept",
    "Sept.",
    "September",
];

const WEEKDAYS: &[&str] = &["Friday", "Monday", "Saturday", "Sunday", "Thursday", "Tuesday", "Wednesday"];

/// Month and weekday names as numbers (`short_words`): every word of the text is looked up in both.
const MONTH_KEYS: [u128; MONTHS.len()] = crate::short_words::keys(MONTHS);
const WEEKDAY_KEYS: [u128; WEEKDAYS.len()] = crate::short_words::keys(WEEKDAYS);

/// Weekday abbreviations, taken only right before a day number ("Mon 20 Jan 2020").
const WEEKDAY_ABBREVIATIONS: &[&str] = &["Fri", "Mon", "Sat", "Sun", "Thu", "Thurs", "Tue", "Tues", "Wed"];

/// Words that make a weekday the name of a day in the calendar of events ("Black Friday", "Super Tuesday",
/// "Ash Wednesday"): a MISC name, not a date.
const NAMED_DAY_WORDS: &[&str] =
    &["Ash", "Black", "Bloody", "Cyber", "Giving", "Good", "Holy", "Maundy", "Palm", "Shrove", "Super"];

/// Time zones that may follow a time of day inside a date expression.
const TIME_ZONES: &[&str] =
    &["BST", "CDT", "CET", "CEST", "CST", "EDT", "EST", "ET", "GMT", "MDT", "MST", "PDT", "PST", "PT", "UTC"];

/// Words after which a bare month name is a date ("in June"), not a name ("March on Washington").
const MONTH_LEADS: &[&str] =
    &["after", "by", "during", "early", "end", "in", "last", "late", "mid", "next", "of", "since", "this", "until"];

fn is_time(word: &str) -> bool {
    let parts: Vec<&str> = word.split([':', '.']).collect();
    parts.len() == 2
        && (1..=2).contains(&parts[0].len())
        && parts[1].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// "1960s", "mid-2020s".
fn is_decade(word: &str) -> bool {
    let w = word
        .strip_prefix("mid-")
        .or_else(|| word.strip_prefix("early-"))
        .or_else(|| word.strip_prefix("late-"))
        .unwrap_or(word);
    w.len() == 5 && w.ends_with('s') && is_year(&w[..4]) && w[..4].ends_with('0')
}

/// "1996-2015", "2011-12": a span of years.
fn is_year_range(word: &str) -> bool {
    match word.split_once('-') {
        Some((a, b)) => is_year(a) && (is_year(b) || (b.len() == 2 && b.bytes().all(|x| x.is_ascii_digit()))),
        None => false,
    }
}

/// "2019-11-18" or "2019-11-18T20" (the rest of an ISO timestamp follows as separate tokens).
fn is_iso_date(word: &str) -> bool {
    // A year opens it: most words stop here, before the split below allocates (find_dates asks every word).
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let date = word.split('T').next().unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    parts.len() == 3
        && is_year(parts[0])
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_month(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase()) && crate::short_words::contains(&MONTH_KEYS, word)
}

fn is_weekday(word: &str) -> bool {
    crate::short_words::contains(&WEEKDAY_KEYS, word)
}

/// A day in the calendar of events: "Black Friday", "Super Tuesday", "Ash Wednesday" (a MISC name).
pub(crate) fn is_named_day(first: &str, second: &str) -> bool {
    NAMED_DAY_WORDS.contains(&first) && is_weekday(second)
}

/// A month or weekday name ("Sunday" and "June" are also first names, but never in a date's place).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    is_month(word) || is_weekday(word)
}

fn is_day_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && matches!(&word[..2], "17" | "18" | "19" | "20")
}

/// "9/11", "11/08/2019", "2019-11-08": digits separated by one kind of slash or dash.
fn is_numeric_date(word: &str) -> bool {
    // Every part is digits, so a digit opens it: most words stop here, before the splits below allocate
    // (find_dates asks every word; the allocations were a twentieth of all extraction time).
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    for sep in ['/', '-'] {
        let parts: Vec<&str> = word.split(sep).collect();
        if (2..=3).contains(&parts.len())
            && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.iter().filter(|p| p.len() == 4).count() <= 1
        {
            // A dash between numbers is a date only as a year span or an ISO date; "202-628-8500" is a phone.
            if sep == '-' {
                return false;
            }
            // Slashed: day and month are short; "11/18/19", "9/11", "08/11/2019".
            return parts[..2].iter().all(|p| p.len() <= 2);
        }
    }
    false
}

/// Finds every DATE span, in text order.
pub(crate) fn find_dates(seg: &Segmented<'_>) -> Vec<Span> {
    let mut out = Vec::new();
    let n = seg.tokens.len();
    let mut i = 0;
    while i < n {
        if !seg.is_word(i) {
            i += 1;
            continue;
        }
        let w = seg.word(i);
        let same_line = |j: usize| j < n && seg.tokens[j].line == seg.tokens[i].line;
        let word_at = |j: usize| {
            if same_line(j) && seg.is_word(j) {
                Some(seg.word(j))
            } else {
                None
            }
        };
        let mut start = i;
        let mut end;
        if is_weekday(w) {
            // "Sunday Talk Shows", "Sunday Times": a weekday starting a capitalised name is not a date; nor is
            // one that ends a name of an event ("Black Friday", "Super Tuesday") mid-sentence.
            let named_before = i > 0 && word_at(i - 1).is_some_and(|x| NAMED_DAY_WORDS.contains(&x));
            if named_before || word_at(i + 1).is_some_and(|x| x.starts_with(char::is_uppercase) && !is_month(x)) {
                i += 1;
                continue;
            }
            end = i + 1;
            // "Monday, Nov. 28" and "Tuesday March 3" continue into the month part.
            if seg.is_punct(end, ',') && word_at(end + 1).is_some_and(is_month) {
                end = extend_month(seg, end + 1, &word_at);
            } else if word_at(end).is_some_and(is_month) && word_at(end + 1).is_some_and(is_day_number) {
                end = extend_month(seg, end, &word_at);
            }
        } else if WEEKDAY_ABBREVIATIONS.contains(&w)
            && word_at(i + 1).is_some_and(is_day_number)
            && word_at(i + 2).is_some_and(is_month)
        {
            end = extend_month(seg, i + 2, &word_at);
        } else if WEEKDAY_ABBREVIATIONS.contains(&w)
            && word_at(i + 1).is_some_and(is_month)
            && word_at(i + 2).is_some_and(is_day_number)
        {
            // "Tue March 3, 2021", as page headers print it.
            end = extend_month(seg, i + 1, &word_at);
        } else if is_month(w) {
            let day_before = i > 0 && word_at(i - 1).is_some_and(is_day_number);
            let next = word_at(i + 1);
            let day_or_year_after = next.is_some_and(|x| is_day_number(x) || is_year(x));
            let after_lead =
                i > 0 && word_at(i - 1).is_some_and(|x| MONTH_LEADS.contains(&crate::case::lowercase(x).as_str()));
            if !day_before && !day_or_year_after && (w == "May" || !after_lead) {
                i += 1;
                continue;
            }
            // A capitalised month at the start of "March on Washington" would need a day or year beside it.
            if day_before {
                start = i - 1;
            }
            end = extend_month(seg, i, &word_at);
        } else if is_year(w) || is_numeric_date(w) || is_decade(w) || is_year_range(w) {
            end = i + 1;
            // "2005–2019": a span of years written with an en or em dash (a dash token between them).
            let dash = seg.tokens.get(end).is_some_and(|t| matches!(t.span.slice(seg.text), "–" | "—"));
            let touching = |a: usize, b: usize| seg.tokens[a].span.end == seg.tokens[b].span.start;
            if is_year(w) && dash && word_at(end + 1).is_some_and(is_year) && touching(i, end) && touching(end, end + 1)
            {
                end += 2;
            }
        } else if is_iso_date(w) {
            end = i + 1;
            // The time of an ISO timestamp: ":51", ":19Z".
            while seg.is_punct(end, ':')
                && word_at(end + 1).is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()))
            {
                end += 2;
            }
        } else {
            i += 1;
            continue;
        }
        end = extend_time(seg, end, &word_at);
        start = extend_time_before(seg, start, &word_at);
        out.push(Span::new(seg.tokens[start].span.start, seg.tokens[end - 1].span.end));
        i = end;
    }
    out
}

/// How many tokens a time of day at `at` takes: "06.05" is one token, "11:04" is three.
fn time_tokens<'a>(seg: &Segmented<'a>, at: usize, word_at: &dyn Fn(usize) -> Option<&'a str>) -> Option<usize> {
    let digits = |x: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
    };
    if word_at(at).is_some_and(is_time) {
        return Some(1);
    }
    let hour = word_at(at).is_some_and(|x| digits(x, 1..=2));
    // "9:15am" keeps its meridiem on the minutes.
    let minutes = word_at(at + 2).is_some_and(|x| {
        let bare = x.strip_suffix("am").or_else(|| x.strip_suffix("pm")).unwrap_or(x);
        digits(bare, 2..=2)
    });
    (hour && seg.is_punct(at + 1, ':') && minutes).then_some(3)
}

fn is_meridiem(word: &str) -> bool {
    matches!(crate::case::lowercase(word).as_str(), "am" | "pm" | "a.m." | "p.m.")
}

/// Marks between a date and its time of day in page headers: "3 Mar 2021, 9:15am", "3 March 2021 • 9:15am",
/// "March 3, 2021 - 9:15 AM" (a "/" or a "|" separates another field: "November 20, 2019 / 1:07 AM" is a
/// date, then a time).
const TIME_SEPARATORS: &[char] = &[',', '•', '·', '-', '–', '—'];

/// After a date, a time of day with its meridiem and zone belongs to it: "11/18/19 11:04 PM EST",
/// "3 Mar 2021, 9:15am", "Jan 5, 2020 at 6:30 PM EST".
fn extend_time<'a>(seg: &Segmented<'a>, end: usize, word_at: &dyn Fn(usize) -> Option<&'a str>) -> usize {
    let time_at = if time_tokens(seg, end, word_at).is_some() {
        end
    } else if (TIME_SEPARATORS.iter().any(|&mark| seg.is_punct(end, mark)) || word_at(end) == Some("at"))
        && time_tokens(seg, end + 1, word_at).is_some()
    {
        end + 1
    } else {
        return end;
    };
    let Some(len) = time_tokens(seg, time_at, word_at) else { return end };
    let mut next = time_at + len;
    if word_at(next).is_some_and(is_meridiem) {
        next += 1;
    }
    if word_at(next).is_some_and(|x| TIME_ZONES.contains(&x)) {
        next += 1;
    }
    next
}

/// Before a date, "5:27 am CST, " belongs to it too.
fn extend_time_before<'a>(seg: &Segmented<'a>, start: usize, word_at: &dyn Fn(usize) -> Option<&'a str>) -> usize {
    let mut cursor = start;
    if cursor > 0 && seg.is_punct(cursor - 1, ',') {
        cursor -= 1;
    }
    if cursor > 0 && word_at(cursor - 1).is_some_and(|x| TIME_ZONES.contains(&x)) {
        cursor -= 1;
    }
    if cursor > 0 && word_at(cursor - 1).is_some_and(is_meridiem) {
        cursor -= 1;
    }
    for len in [1, 3] {
        if cursor >= len && time_tokens(seg, cursor - len, word_at) == Some(len) {
            return cursor - len;
        }
    }
    start
}

/// From a month token, takes a following day number and year: "July 24", "Nov. 28, 2026", "Dec, 2016".
fn extend_month<'a>(seg: &Segmented<'a>, month: usize, word_at: &dyn Fn(usize) -> Option<&'a str>) -> usize {
    let mut end = month + 1;
    if word_at(end).is_some_and(is_day_number) {
        end += 1;
    }
    if word_at(end).is_some_and(is_year) {
        end += 1;
    } else if seg.is_punct(end, ',') && word_at(end + 1).is_some_and(is_year) {
        end += 2;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::segment;

    fn dates(text: &str) -> Vec<&str> {
        find_dates(&segment(text)).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn table_of_dates() {
        let cases: &[(&str, &[&str])] = &[
            ("in Moscow on November 8 in comments", &["November 8"]),
            ("24 July 2015", &["24 July 2015"]),
            ("by Lucas Nolan22 Dec 2016 and 22 Dec, 2016", &["22 Dec 2016", "22 Dec, 2016"]),
            ("on Nov. 28, 2026, he", &["Nov. 28, 2026"]),
            ("expire in 2021 unless", &["2021"]),
            ("since 9/11 by terrorism", &["9/11"]),
            ("on Monday and in June", &["Monday", "June"]),
            ("11/18/19 11:04 PM EST", &["11/18/19 11:04 PM EST"]),
            ("you may go in May 2019 but May I?", &["May 2019"]),
            ("between 2011-12 and 2017-18", &["2011-12", "2017-18"]),
            ("call 202-628-8500 now", &[]),
            ("Mon 20 Jan 2020 06.05\u{a0}GMT", &["Mon 20 Jan 2020 06.05\u{a0}GMT"]),
            ("5:27 am CST, Wednesday, November 20, 2019", &["5:27 am CST, Wednesday, November 20, 2019"]),
            ("in the 1960s and by the mid-2020s", &["1960s", "mid-2020s"]),
            ("at 2019-11-18T20:51:19Z today", &["2019-11-18T20:51:19Z"]),
            ("the Sunday Times and the March on Washington in March", &["March"]),
            ("shoppers on Black Friday and on Friday, Super Tuesday", &["Friday"]),
            ("it costs 1500 dollars, 12 people", &[]),
            (
                "Updated 10:32 AM ET, Tue March 3, 2021 | 3 March 2021 • 9:15am | Jan 5, 2020 / 06:30 PM EST",
                &["10:32 AM ET, Tue March 3, 2021", "3 March 2021 • 9:15am", "Jan 5, 2020"],
            ),
            ("on Tuesday March 3 and on Tue, 5 people", &["Tuesday March 3"]),
            (
                "3 Mar 2021, 9:15am and Jan 5, 2020 at 6:30 PM EST",
                &["3 Mar 2021, 9:15am", "Jan 5, 2020 at 6:30 PM EST"],
            ),
            (
                "November 20, 2019, 10:54 am | in 2005–2019, 2010 – 2012",
                &["November 20, 2019, 10:54 am", "2005–2019", "2010", "2012"],
            ),
            ("in 2019, 12 people and at 2020 at 6 pm", &["2019", "2020"]),
        ];
        for (text, expected) in cases {
            assert_eq!(dates(text), *expected, "{text}");
        }
    }
}
