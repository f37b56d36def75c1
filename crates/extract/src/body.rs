//! The article body: which lines are the article (headline, dateline, paragraphs, subheads) and which
//! are the page around it (menus, tickers, captions, share widgets, publisher blurbs, footers).
//!
//! Plain text has lost the DOM, so every line is scored from what text still shows: word count, the
//! share of function words (prose has many, menus have none), final punctuation, bullets, lines the page
//! repeats (captions repeat, menus repeat), and a lexicon of boilerplate phrases. The article is the
//! densest contiguous run of prose (a maximum-sum segment over line scores, so short subheads between
//! paragraphs are carried along while long menus break it). The headline is the title-like line just
//! above that run, with its dateline or byline. When the text came from HTML, per-line [`LineHint`]s
//! (block tag, link density, navigation ancestry) weigh in too.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::tokens::{Segmented, TokenKind};
use crate::Span;

/// What the HTML source says about one line of the text (the app derives these with `DOMParser`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineHint {
    /// The nearest block element's tag, lower-case ("p", "h1", "li", "figcaption").
    pub tag: String,
    /// Share of the line's characters that sit inside links, 0 to 1.
    pub link_density: f32,
    /// The line sits inside `nav`, `header`, `footer` or `aside` (or an ARIA landmark of those roles).
    pub in_chrome: bool,
    /// The line sits in a box set in an article's flow: an `aside`, a `figure`, a pull quote inside
    /// `<article>`. Not the article's text, but the article goes on after it: no break in the body's run,
    /// and the paragraph a pull quote repeats is not a repeated line.
    /// Written only when set, so that hints of pages without such boxes (most of them, in share links too)
    /// stay as they were, and older hints read as none.
    #[serde(default, skip_serializing_if = "is_false")]
    pub set_aside: bool,
}

fn is_false(flag: &bool) -> bool {
    !*flag
}

const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could",
    "did", "do", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in", "into", "is", "it", "its",
    "more", "not", "of", "on", "one", "or", "our", "over", "said", "she", "so", "than", "that", "the", "their", "them",
    "there", "they", "this", "to", "up", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would",
    "you",
];
/// The stop words as numbers (`short_words`): every word of every line is looked up.
const STOPWORD_KEYS: [u128; STOPWORDS.len()] = crate::short_words::keys(STOPWORDS);

/// Phrases that mark a short line (a widget, a caption, a menu entry) as page furniture.
const BOILERPLATE: &[&str] = &[
    "accessibility",
    "advertisement",
    "click here",
    "comments",
    "cookie",
    "copyright",
    "follow us",
    "getty images",
    "image caption",
    "image copyright",
    "media caption",
    "newsletter",
    "photo:",
    "privacy policy",
    "read more",
    "related:",
    "share this",
    "sign in",
    "sign up",
    "skip to",
    "subscribe",
    "terms of use",
    "breaking news",
    "report this ad",
    "sponsored",
];

/// Phrases that mark even a long line as publisher furniture: legal notices and self-promotion.
const BOILERPLATE_ANYWHERE: &[&str] = &[
    "all rights reserved",
    "©",
    "undesirable organization",
    "journalists report the news",
    "cookies to",
    "terms of service",
];

/// Phrases of short lines that end an article and open a list of other stories ("More in World", "Like this
/// story? Share it with a friend!", "You may also like"). Teasers are prose, so without a strong break the
/// densest run would carry on through them.
const STORY_LIST_MARKERS: &[&str] = &[
    "also on ",
    "like this story",
    "more from",
    "more in ",
    "more stories",
    "most popular",
    "most read",
    "recommended",
    "related articles",
    "related stories",
    "share it with",
    "trending",
    "trends:",
    "you may also like",
    "you might also like",
];

/// Lines up to this many words are checked against [`STORY_LIST_MARKERS`].
const STORY_LIST_WORDS: usize = 8;

/// How strongly a story-list marker or a time stamp ("14H ago") breaks the run: more than a teaser's prose.
const STORY_LIST_SCORE: f32 = -30.0;

/// Lines up to this many words are checked against [`BOILERPLATE`]; longer ones are prose that may
/// mention "comments" or "newsletter" in passing.
const SHORT_LINE_WORDS: usize = 12;

/// Openings of lines that close an article ("With reporting by …").
const CREDIT_OPENINGS: &[&str] =
    &["with reporting by", "additional reporting", "reporting by", "written by", "edited by"];

struct LineInfo {
    words: usize,
    /// The line opens a list of other stories, or is a teaser's time stamp ("1H ago").
    story_list: bool,
    stop_ratio: f32,
    terminal: bool,
    bullet: bool,
    boilerplate: bool,
    /// The label of an ad slot ("Advertisement", "Story continues below advertisement"): publishers put
    /// those between an article's paragraphs, so the label is not body but does not end the article either.
    ad_label: bool,
    repeated: bool,
    credit: bool,
    /// A short line that opens "By" and a name: the byline, which sits between the headline and the lede.
    byline: bool,
    has_date: bool,
    chrome: bool,
    /// [`LineHint::set_aside`]: scores nothing and is never body.
    set_aside: bool,
    heading: bool,
}

impl LineInfo {
    fn is_prose(&self) -> bool {
        (self.words >= 12 && self.stop_ratio >= 0.2) || (self.words >= 7 && self.terminal && self.stop_ratio >= 0.25)
    }

    fn score(&self) -> f32 {
        if self.words == 0 || self.set_aside {
            return 0.0;
        }
        if self.story_list {
            return STORY_LIST_SCORE;
        }
        if self.bullet || self.chrome {
            return -15.0;
        }
        if self.ad_label {
            return 0.0;
        }
        if self.boilerplate {
            return -10.0;
        }
        if self.credit {
            return 2.0;
        }
        if self.repeated {
            return -4.0;
        }
        if self.is_prose() {
            return self.words as f32;
        }
        -2.5
    }
}

fn has_date_word(line: &str) -> bool {
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    line.split(|c: char| !c.is_alphanumeric()).any(|w| {
        MONTHS.contains(&w)
            || (w.len() == 4 && w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()))
            || w.ends_with("ago")
    })
}

fn describe(seg: &Segmented<'_>, hints: &[LineHint]) -> Vec<LineInfo> {
    let set_aside = |n: usize| hints.get(n).is_some_and(|h| h.set_aside);
    // A pull quote repeating a paragraph does not make the paragraph a repeated line (caption, menu entry).
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (n, line) in seg.lines.iter().enumerate() {
        let t = line.span.slice(seg.text).trim();
        if !t.is_empty() && !set_aside(n) {
            *counts.entry(t).or_default() += 1;
        }
    }
    seg.lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let raw = line.span.slice(seg.text);
            let t = raw.trim();
            let lower = crate::case::lowercase(t);
            let pairs = BytePairs::of(&lower);
            let holds = |phrase: &str| pairs.may_hold(phrase) && lower.contains(phrase);
            let words: Vec<&str> = (line.tokens.0..line.tokens.1)
                .filter(|&i| seg.tokens[i].kind == TokenKind::Word)
                .map(|i| seg.word(i))
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let stops = words.iter().filter(|w| crate::short_words::contains_lower(&STOPWORD_KEYS, w)).count();
            let hint = hints.get(n);
            // Story-list markers head short lines; looking for them in longer ones only costs time.
            let marker_sized = words.len() <= STORY_LIST_WORDS;
            // "1H ago", "42M ago", "2 hours ago": the time stamp under a teaser.
            let time_stamp = words.len() <= 3 && lower.ends_with(" ago");
            let more_section = words.len() <= 4 && lower.starts_with("more ");
            LineInfo {
                words: words.len(),
                story_list: time_stamp || more_section || (marker_sized && STORY_LIST_MARKERS.iter().any(|m| holds(m))),
                stop_ratio: if words.is_empty() { 0.0 } else { stops as f32 / words.len() as f32 },
                terminal: t.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ')']),
                bullet: t.starts_with(['•', '·', '|', '»', '›']) || raw.starts_with("  •"),
                boilerplate: (words.len() <= SHORT_LINE_WORDS && BOILERPLATE.iter().any(|b| holds(b)))
                    || BOILERPLATE_ANYWHERE.iter().any(|b| holds(b)),
                ad_label: words.len() <= SHORT_LINE_WORDS && holds("advertisement"),
                repeated: counts.get(t).is_some_and(|&c| c > 1),
                credit: CREDIT_OPENINGS.iter().any(|c| lower.starts_with(c)),
                byline: words.len() <= SHORT_LINE_WORDS
                    && t.strip_prefix("By ").is_some_and(|name| name.starts_with(char::is_uppercase)),
                has_date: has_date_word(t),
                chrome: hint.is_some_and(|h| h.in_chrome || h.link_density > 0.5),
                set_aside: set_aside(n),
                heading: hint.is_some_and(|h| matches!(h.tag.as_str(), "h1" | "h2")),
            }
        })
        .collect()
}

/// Which pairs of adjacent bytes a text holds, hashed into 256 bits: a phrase with a pair that the text lacks
/// is not in it. Every line is searched for some 50 phrases and most lines hold none of them; the substring
/// searches (each setting up its searcher for one phrase and one line) were a twentieth of all extraction time.
struct BytePairs([u64; 4]);

impl BytePairs {
    fn of(text: &str) -> BytePairs {
        let mut bits = [0u64; 4];
        for pair in text.as_bytes().windows(2) {
            let bit = Self::bit(pair[0], pair[1]);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        BytePairs(bits)
    }

    /// Where a pair sets its bit: a multiplicative hash, whose top byte mixes both bytes.
    fn bit(first: u8, second: u8) -> usize {
        let key = u32::from(first) << 8 | u32::from(second);
        (key.wrapping_mul(0x9E37_79B1) >> 24) as usize
    }

    /// Whether the text may hold `phrase`: `false` means it does not.
    fn may_hold(&self, phrase: &str) -> bool {
        phrase.as_bytes().windows(2).all(|pair| {
            let bit = Self::bit(pair[0], pair[1]);
            self.0[bit / 64] & (1 << (bit % 64)) != 0
        })
    }
}

/// Finds the body lines and returns them as merged ranges.
pub(crate) fn find_body(seg: &Segmented<'_>, hints: &[LineHint]) -> Vec<Span> {
    let info = describe(seg, hints);
    // Maximum-sum contiguous run over the line scores (Kadane), blank lines being neutral.
    let (mut best, mut best_range) = (0.0f32, None);
    let (mut run, mut run_start) = (0.0f32, 0usize);
    for (n, line) in info.iter().enumerate() {
        if run <= 0.0 {
            run = 0.0;
            run_start = n;
        }
        run += line.score();
        if run > best {
            best = run;
            best_range = Some((run_start, n));
        }
    }
    let Some((mut first, last)) = best_range else {
        return whole_text_as_body(seg, &info);
    };
    while first < last && info[first].score() <= 0.0 {
        first += 1;
    }
    let mut body_lines: Vec<usize> = (first..=last).filter(|&n| info[n].words > 0 && keep_inside(&info[n])).collect();

    // The headline: the nearest title-like line above the run, with a dateline or byline under it.
    let mut above = first;
    let mut scanned = 0;
    while above > 0 && scanned < 12 {
        above -= 1;
        let line = &info[above];
        // A figure or a box set in the article is never its headline, and the headline is above it.
        if line.words == 0 || line.set_aside {
            continue;
        }
        scanned += 1;
        // The byline is the article's, and the headline is above it.
        if line.byline && !line.heading && !line.is_prose() {
            body_lines.push(above);
            continue;
        }
        let title_like = line.words >= 4
            && line.words <= 25
            && !line.bullet
            && !line.boilerplate
            && !line.story_list
            && !line.chrome
            && !line.is_prose();
        if title_like && !line.repeated || line.heading {
            body_lines.push(above);
            // A dateline right under the headline belongs to the article.
            if let Some(next) = (above + 1..first).find(|&n| info[n].words > 0) {
                if info[next].has_date && info[next].words <= 6 && !info[next].boilerplate {
                    body_lines.push(next);
                }
            }
            break;
        }
    }
    crate::sort_numbers(&mut body_lines);
    // The byline may also be the dateline under the headline.
    body_lines.dedup();
    merge_lines(seg, &body_lines)
}

/// No run of prose found, as in a text in another language (the scores count English function words): every
/// line is the body but those that are clutter in any language (bullets, repeated lines, lines the HTML
/// reader saw in navigation), or, if that leaves nothing, every line. Hiding or dimming a whole article as
/// clutter would be worse than showing a menu as article.
fn whole_text_as_body(seg: &Segmented<'_>, info: &[LineInfo]) -> Vec<Span> {
    let written = |n: &usize| info[*n].words > 0;
    let lines: Vec<usize> = (0..info.len()).filter(|n| written(n) && keep_inside(&info[*n])).collect();
    if lines.is_empty() {
        merge_lines(seg, &(0..info.len()).filter(written).collect::<Vec<_>>())
    } else {
        merge_lines(seg, &lines)
    }
}

fn keep_inside(line: &LineInfo) -> bool {
    !(line.bullet || line.boilerplate || line.repeated || line.chrome || line.story_list || line.set_aside)
}

/// Whole lines to ranges, merging lines that are adjacent (only a line break between them).
fn merge_lines(seg: &Segmented<'_>, lines: &[usize]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut prev_line = None;
    for &n in lines {
        let span = seg.lines[n].span;
        match (out.last_mut(), prev_line) {
            (Some(last), Some(p)) if n == p + 1 => last.end = span.end,
            _ => out.push(span),
        }
        prev_line = Some(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract;

    /// The byte-pair filter never rules out a phrase the line holds, and does rule out most it lacks.
    #[test]
    fn a_line_s_byte_pairs_never_rule_out_a_phrase_it_holds() {
        let lines = [
            "",
            "a",
            "© 2026 all rights reserved",
            "click here to subscribe to our newsletter",
            "the minister said the talks would resume on monday, after the holiday.",
            "more in world",
            "“quoted,” she said — you may also like this",
        ];
        let phrases = super::BOILERPLATE.iter().chain(super::BOILERPLATE_ANYWHERE).chain(super::STORY_LIST_MARKERS);
        let mut ruled_out = 0;
        for line in lines {
            let pairs = super::BytePairs::of(line);
            for phrase in phrases.clone().copied().chain(["©", "a", "advertisement", ""]) {
                if line.contains(phrase) {
                    assert!(pairs.may_hold(phrase), "{phrase:?} in {line:?}");
                } else {
                    ruled_out += usize::from(!pairs.may_hold(phrase));
                }
            }
        }
        assert!(ruled_out > 200, "only {ruled_out} phrases ruled out");
    }

    /// A byline between the headline and the lede is not taken for the headline: both are body.
    #[test]
    fn the_headline_is_found_above_the_byline() {
        let text = "Home\nNews\nSport\n\nHarbour Bridge Reopens After Repairs\n\nBy Lena Ortiz, 3 May 2024\n\nThe harbour bridge in Westport reopened to traffic on Sunday after nine months of repairs that cost the town more than it had planned.\n\nEngineers said the deck would last another fifty years.\n";
        let found = extract(text);
        let body: Vec<&str> = found.body.iter().map(|s| s.slice(text)).collect();
        assert_eq!(body.first(), Some(&"Harbour Bridge Reopens After Repairs"), "{body:?}");
        assert_eq!(body.get(1), Some(&"By Lena Ortiz, 3 May 2024"), "{body:?}");
    }

    /// An ad slot's label between paragraphs is not body, and the paragraphs after it still are.
    #[test]
    fn an_ad_label_inside_an_article_does_not_end_it() {
        let text = "Mayor Quits Over Budget Row\n\nThe mayor of Eastbrook, Dana Pell, resigned on Friday after the council rejected her budget for the second time this year.\n\nAdvertisement\n\nCouncillor Omar Vance said the vote was “a relief”.\n";
        let found = extract(text);
        let body: Vec<&str> = found.body.iter().map(|s| s.slice(text)).collect();
        assert_eq!(body.last(), Some(&"Councillor Omar Vance said the vote was “a relief”."), "{body:?}");
        assert!(!body.iter().any(|line| line.contains("Advertisement")), "{body:?}");
    }

    /// A box set in an article's flow (a "Related" box, a pull quote, a figure) is not body, and neither
    /// breaks the article around it nor makes the paragraph it repeats a repeated line. Invented pages.
    #[test]
    fn a_box_set_in_the_article_leaves_the_paragraphs_around_it_body() {
        let paragraphs = [
            "The ferry company cut its winter timetable on Monday, leaving the island with two crossings a day.",
            "“We were told in a letter, not a meeting,” said Ines Varga, who runs the bakery by the pier.",
            "The company said the old vessel needed new engines and that the repairs would take until April.",
            "Islanders plan a meeting in the school hall on Thursday to ask the county for a second boat.",
        ];
        let related = r#"<aside class="related"><h2>Related</h2><ul><li><a href="/a">Bridge plan shelved</a></li><li><a href="/b">Pier repairs begin</a></li></ul></aside>"#;
        let pull = format!("<aside class=\"pullquote\"><p>{}</p></aside>", paragraphs[1]);
        let pull_blockquote = format!("<blockquote class=\"c-Pull-Quote\"><p>{}</p></blockquote>", paragraphs[2]);
        let figure = r#"<figure><img src="f.jpg" alt=""><figcaption>The ferry waiting at the pier in the rain, with the island behind it. Photo: staff</figcaption></figure>"#;
        let complementary =
            r#"<div role="complementary"><p><a href="/c">Read: winter storms close the harbour</a></p></div>"#;
        // A navigation box whose class merely mentions the word is the page's chrome, not set aside.
        let navigation = r#"<div role="navigation" class="complementary-links"><a href="/d">Harbour</a> <a href="/e">Ferries</a></div>"#;
        let ps =
            |range: std::ops::Range<usize>| paragraphs[range].iter().map(|p| format!("<p>{p}</p>")).collect::<String>();
        let cases: Vec<(&str, String)> = vec![
            ("no box", ps(0..4)),
            ("related box after the lead", ps(0..1) + related + &ps(1..4)),
            ("pull quote repeating the next paragraph", ps(0..1) + &pull + &ps(1..4)),
            ("pull quote after the paragraph it repeats", ps(0..2) + &pull + &ps(2..4)),
            ("pull quote and related box", ps(0..1) + &pull + &ps(1..2) + related + &ps(2..4)),
            ("blockquote pull quote", ps(0..2) + &pull_blockquote + &ps(2..4)),
            ("figure after the lead", ps(0..1) + figure + &ps(1..4)),
            ("complementary role", ps(0..1) + complementary + &ps(1..4)),
            ("navigation at the end", ps(0..4) + navigation),
        ];
        for (name, inner) in cases {
            let html = format!(
                "<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Island Ferry Timetable Cut for Winter</h1>{inner}</article><footer>© 2026 The Island Post</footer></body></html>"
            );
            let (text, hints) = crate::html_to_text(&html);
            let found = crate::extract_with_hints(&text, &hints);
            let body: Vec<&str> =
                found.body.iter().flat_map(|s| s.slice(&text).lines()).filter(|l| !l.trim().is_empty()).collect();
            let mut expected = vec!["Island Ferry Timetable Cut for Winter"];
            expected.extend(paragraphs);
            assert_eq!(body, expected, "{name}");
        }
        // An aside outside the article is the page's chrome, as before.
        let html = format!(
            "<body><article><h1>Island Ferry Timetable Cut for Winter</h1>{}</article>{related}</body>",
            ps(0..4)
        );
        let (text, hints) = crate::html_to_text(&html);
        let found = crate::extract_with_hints(&text, &hints);
        assert!(found.body.iter().all(|s| !s.slice(&text).contains("Bridge plan")));
        assert!(hints.iter().filter(|h| h.tag == "li").all(|h| h.in_chrome && !h.set_aside), "{hints:?}");
        let html = format!("<article>{}{navigation}</article>", ps(0..4));
        let (text, hints) = crate::html_to_text(&html);
        let links = text.lines().position(|line| line.contains("Ferries")).and_then(|n| hints.get(n));
        assert!(links.is_some_and(|h| h.in_chrome && !h.set_aside), "{hints:?}");
    }

    #[test]
    fn a_text_in_another_language_is_all_body_but_its_clutter() {
        // Function words of no English: no line scores as prose. Invented text.
        let text = "Startseite\n\n  • Teilen\n\nDie Stadtwerke von Amselbach erhöhen die Preise für Strom und Gas ab dem ersten März um zwölf Prozent.\n\nDer Bürgermeister sagte, die Erhöhung sei nach dem Winter unvermeidlich gewesen.\n";
        let found = extract(text);
        let body: Vec<&str> = found.body.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            body,
            [
                "Startseite",
                "Die Stadtwerke von Amselbach erhöhen die Preise für Strom und Gas ab dem ersten März um zwölf Prozent.",
                "Der Bürgermeister sagte, die Erhöhung sei nach dem Winter unvermeidlich gewesen."
            ]
        );
        // Nothing but clutter: all of it is shown rather than none.
        let clutter = "  • Teilen\n  • Drucken\n";
        let body: Vec<&str> = extract(clutter).body.iter().map(|s| s.slice(clutter)).collect();
        assert_eq!(body, ["  • Teilen\n  • Drucken"]);
    }

    #[test]
    fn menu_article_and_blurb() {
        let text = "Home\nNews\nSport\nWeather\n\nMinister Says Talks Will Resume\n\nThe minister said on Monday that the talks would resume next week after a pause of several months.\n\nHe added that the delegations had agreed on the agenda for the first round of the new meetings.\n\n  • Share\nJournalists report the news in 27 languages in 23 countries where a free press is banned by the government.\n";
        let found = extract(text);
        let body: Vec<&str> = found.body.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            body,
            [
                "Minister Says Talks Will Resume",
                "The minister said on Monday that the talks would resume next week after a pause of several months.",
                "He added that the delegations had agreed on the agenda for the first round of the new meetings."
            ]
        );
    }
}
