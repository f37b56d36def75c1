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

fn is_month(word: &str) -> bool {
    MONTHS.binary_search(&word).is_ok()
}

fn is_weekday(word: &str) -> bool {
    WEEKDAYS.binary_search(&word).is_ok()
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
    for sep in ['/', '-'] {
        let parts: Vec<&str> = word.split(sep).collect();
        if (2..=3).contains(&parts.len())
            && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.iter().filter(|p| p.len() == 4).count() <= 1
        {
            // "2011-12" is a span of academic years, not a calendar date, unless the second part is a month.
            if parts.len() == 2 && sep == '-' {
                return false;
            }
            return true;
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
            end = i + 1;
            // "Monday, Nov. 28" continues into the month part.
            if seg.is_punct(end, ',') && word_at(end + 1).is_some_and(is_month) {
                end = extend_month(seg, end + 1, &word_at);
            }
        } else if is_month(w) {
            let day_before = i > 0 && word_at(i - 1).is_some_and(is_day_number);
            let next = word_at(i + 1);
            let day_or_year_after = next.is_some_and(|x| is_day_number(x) || is_year(x));
            if w == "May" && !day_before && !day_or_year_after {
                i += 1;
                continue;
            }
            // A capitalised month at the start of "March on Washington" would need a day or year beside it.
            if day_before {
                start = i - 1;
            }
            end = extend_month(seg, i, &word_at);
        } else if is_year(w) || is_numeric_date(w) {
            end = i + 1;
        } else {
            i += 1;
            continue;
        }
        out.push(Span::new(seg.tokens[start].span.start, seg.tokens[end - 1].span.end));
        i = end;
    }
    out
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
            ("you may go in May 2019 but May I?", &["May 2019"]),
            ("between 2011-12 and 2017-18", &[]),
            ("it costs 1500 dollars, 12 people", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(dates(text), *expected, "{text}");
        }
    }
}
