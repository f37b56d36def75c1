//! Named entities: candidate proper-name sequences, typed by compiled gazetteers, keyword and context
//! rules, then made consistent across the document.
//!
//! The stages, in order:
//! 1. **Runs.** Maximal sequences of capitalised (or digit-bearing, or inner-capital) words on one line,
//!    joined by connectors ("of", "for", "and", "de", "al", "&"). Date tokens never join a run.
//! 2. **Clean-up.** Leading function words ("The", "However") go; a title splits a run into what came
//!    before it and the person after it ("Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov");
//!    a leading demonym goes unless it is part of an organisation ("Russian Foreign Ministry").
//! 3. **Headlines.** On Title Case lines capitals say nothing, so only pieces that are known — from a
//!    gazetteer, or as a name the same document writes in ordinary prose — are kept.
//! 4. **Typing.** Gazetteers, then name-final keywords (Ministry → ORG, Treaty → MISC), then person
//!    evidence (a title before it, a census first name, being the subject of "said").
//! 5. **Consistency.** A surface typed once keeps its type; a lone surname joins its full name; an
//!    acronym in parentheses takes the type of the expansion before it.

use std::collections::HashMap;

use crate::dates::is_calendar_word;
use crate::lexicon::{
    is_common_word, is_demonym, is_first_name, is_misc_keyword, is_misc_name, is_org, is_org_keyword, is_place,
    is_speech_verb, is_title,
};
use crate::tokens::{Segmented, TokenKind};
use crate::{Entity, EntityGroup, EntityKind, Span};

/// Lower-case words that may sit inside a name between two capitalised words.
const CONNECTORS: &[&str] =
    &["al", "and", "bin", "da", "de", "del", "der", "di", "du", "for", "la", "le", "of", "on", "van", "von"];

/// A candidate name: a token range and what the context already says about it.
#[derive(Debug, Clone)]
struct Candidate {
    first: usize,
    /// One past the last token.
    end: usize,
    /// A title stood right before the name.
    after_title: bool,
    /// The candidate lies on a Title Case line, where capitals are no evidence.
    in_title_line: bool,
}

struct Context<'s, 't> {
    seg: &'s Segmented<'t>,
    in_date: Vec<bool>,
    title_line: Vec<bool>,
}

impl Context<'_, '_> {
    fn surface(&self, first: usize, end: usize) -> &str {
        let text = self.seg.text;
        Span::new(self.seg.tokens[first].span.start, self.seg.tokens[end - 1].span.end).slice(text)
    }

    fn word(&self, i: usize) -> &str {
        self.seg.word(i)
    }

    /// A word that can be part of a name: capitalised, or a code such as "9M729", or "iWonder".
    fn is_namey(&self, i: usize) -> bool {
        if !self.seg.is_word(i) || self.in_date[i] {
            return false;
        }
        let w = self.word(i);
        let mut chars = w.chars();
        let first = chars.next().unwrap_or(' ');
        let has_upper = w.chars().any(char::is_uppercase);
        let has_digit = w.chars().any(|c| c.is_ascii_digit());
        let has_alpha = w.chars().any(char::is_alphabetic);
        // File names and URL slugs are not names.
        if w.ends_with(".php") || w.ends_with(".html") || w.matches('-').count() > 3 {
            return false;
        }
        if first.is_uppercase() || is_domain(w) {
            return true;
        }
        (first.is_ascii_digit() && has_upper && has_alpha)
            || (first.is_lowercase() && has_upper && !has_digit && w.len() > 2)
    }

    fn is_connector(&self, i: usize) -> bool {
        self.seg.is_word(i) && CONNECTORS.binary_search(&self.word(i)).is_ok()
    }
}

/// "US" is a place, "us" a pronoun: an all-capital word of two or more letters is never a common word.
fn is_common(word: &str) -> bool {
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase);
    !all_caps && is_common_word(word)
}

/// A web domain used as a name ("LifeDaily.com", "tripsinsider.com").
fn is_domain(word: &str) -> bool {
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

/// Upper-case words that are not organisations: units, formats, time zones, sizes, shouted words.
const NOT_ORG_ACRONYMS: &[&str] = &[
    "AM", "CST", "EDT", "EST", "ET", "FAQ", "GMT", "HD", "LG", "MD", "OK", "PDF", "PM", "PST", "RSS", "SM", "TV",
    "URL", "UTC", "XL", "XS", "XXL",
];

/// Whether `acronym` abbreviates the words of `expansion` ("NATO", "North Atlantic Treaty Organization").
fn abbreviates(acronym: &str, expansion: &str) -> bool {
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
    "Vice",
];

/// A title that is followed by a name: "President", "Minister", "Sen.", "Mr".
fn is_head_title(word: &str) -> bool {
    is_title(word) && !TITLE_MODIFIERS.contains(&word)
}

fn is_determiner(word: &str) -> bool {
    const DETERMINERS: &[&str] =
        &["a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those", "your"];
    crate::lexicon::lower_in(DETERMINERS, word)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '/' | '&' | '-') || c.is_ascii_digit())
}

/// A product or weapon code ("9M729", "WW1", "X9"), not a quantity ("100K", "5G", "1.8M"): it starts
/// with a letter, or has a letter between digits.
fn is_code(word: &str) -> bool {
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let letter_first = word.chars().next().is_some_and(char::is_alphabetic);
    let inner_letter = word.trim_end_matches(char::is_alphabetic).chars().any(char::is_alphabetic);
    has_digit && (1..=4).contains(&letters) && (letter_first || inner_letter) && word.len() <= 8
}

/// A product name written with an inner capital after a lower-case start ("iPad", "iWonder", "eBay").
fn is_lower_camel(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase()) && word.chars().skip(1).any(char::is_uppercase)
}

/// Marks lines written in Title Case (headlines, teasers): at least four words and no lower-case content word.
fn title_case_lines(seg: &Segmented<'_>) -> Vec<bool> {
    const SMALL: &[&str] =
        &["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "vs", "with"];
    seg.lines
        .iter()
        .map(|line| {
            let words: Vec<&str> = (line.tokens.0..line.tokens.1)
                .filter(|&i| seg.tokens[i].kind == TokenKind::Word)
                .map(|i| seg.word(i))
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                .collect();
            let lower_content =
                words.iter().filter(|w| w.starts_with(char::is_lowercase) && SMALL.binary_search(w).is_err()).count();
            words.len() >= 4 && lower_content == 0
        })
        .collect()
}

/// The token of a person's name that is the surname: the last one, before a generational suffix
/// ("Patrick Carlineo Jr." → "Carlineo").
fn surname_index(cx: &Context<'_, '_>, cand: &Candidate) -> usize {
    let last = cand.end - 1;
    let suffix = matches!(cx.word(last), "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV");
    if suffix && last > cand.first {
        last - 1
    } else {
        last
    }
}

/// Step 1: maximal runs of name-like tokens with connectors inside.
fn runs(cx: &Context<'_, '_>) -> Vec<Candidate> {
    let seg = cx.seg;
    let n = seg.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !cx.is_namey(i) {
            i += 1;
            continue;
        }
        let first = i;
        let line = seg.tokens[i].line;
        let mut end = i + 1;
        loop {
            if end < n && seg.tokens[end].line == line && cx.is_namey(end) {
                end += 1;
                continue;
            }
            // A connector, or "(ACRONYM)" inside a longer name, continues the run if a name word follows.
            // "Obama on The Daily Show": a connector followed by "The" starts another name.
            if end + 1 < n
                && cx.is_connector(end)
                && seg.tokens[end + 1].line == line
                && cx.is_namey(end + 1)
                && cx.word(end + 1) != "The"
            {
                end += 2;
                continue;
            }
            // A plural possessive inside a name: "Universities and Colleges Employers’ Association".
            if end + 1 < n
                && (seg.is_punct(end, '’') || seg.is_punct(end, '\''))
                && cx.word(end - 1).ends_with('s')
                && seg.tokens[end].span.start == seg.tokens[end - 1].span.end
                && seg.tokens[end + 1].line == line
                && cx.is_namey(end + 1)
            {
                end += 2;
                continue;
            }
            if end + 3 < n
                && seg.is_punct(end, '(')
                && cx.is_namey(end + 1)
                && is_acronym(cx.word(end + 1))
                && seg.is_punct(end + 2, ')')
                && cx.is_namey(end + 3)
                && seg.tokens[end + 3].line == line
                && (is_misc_keyword(cx.word(end + 3)) || is_org_keyword(cx.word(end + 3)))
            {
                end += 4;
                continue;
            }
            break;
        }
        // A title counts only on the same line: "Defense" ending a menu line says nothing about the next.
        let after_title = first > 0
            && seg.is_word(first - 1)
            && seg.tokens[first - 1].line == line
            && is_head_title(cx.word(first - 1));
        out.push(Candidate { first, end, after_title, in_title_line: cx.title_line[line] });
        i = end;
    }
    out
}

/// A surface that a gazetteer or a keyword types with confidence, without person evidence.
fn lexical_kind(cx: &Context<'_, '_>, first: usize, end: usize) -> Option<EntityKind> {
    let surface = cx.surface(first, end);
    if is_place(surface) {
        return Some(EntityKind::Place);
    }
    if is_org(surface) {
        return Some(EntityKind::Org);
    }
    if is_misc_name(surface) {
        return Some(EntityKind::Misc);
    }
    let words = end - first;
    let last = cx.word(end - 1);
    if words >= 2 && is_org_keyword(last) {
        return Some(EntityKind::Org);
    }
    // A known organisation and one more name is one of its editions or units: "BBC Africa",
    // "Breitbart London" (but "Facebook Twitter" is two organisations side by side).
    if words == 2
        && is_org(cx.word(first))
        && (is_place(last) || is_acronym(cx.word(first)))
        && !is_org(last)
        && !is_common(last)
        && !is_speech_verb(last)
    {
        return Some(EntityKind::Org);
    }
    if words >= 2 && is_misc_keyword(last) {
        return Some(EntityKind::Misc);
    }
    if words >= 3 && is_org_keyword(cx.word(first)) && matches!(cx.word(first + 1), "of" | "for" | "on") {
        return Some(EntityKind::Org);
    }
    if words == 1 && is_domain(surface) {
        return Some(EntityKind::Org);
    }
    if words == 1 && (is_code(surface) || is_lower_camel(surface)) {
        return Some(EntityKind::Misc);
    }
    None
}

/// Step 2: trims function words, splits at titles, drops demonyms.
fn clean(cx: &Context<'_, '_>, cand: Candidate, out: &mut Vec<Candidate>) {
    let Candidate { mut first, mut end, mut after_title, in_title_line } = cand;
    let seg = cx.seg;
    // A capitalised common word mid-sentence is capitalised for a reason ("New START"); at the start of
    // a sentence or in a headline it is not, and determiners never begin a name.
    while first < end
        && (cx.is_connector(first)
            || (is_common(cx.word(first))
                && (in_title_line || seg.starts_sentence(first) || is_determiner(cx.word(first)))))
    {
        first += 1;
    }
    while end > first && (cx.is_connector(end - 1) || !seg.is_word(end - 1)) {
        end -= 1;
    }
    if first >= end {
        return;
    }
    if lexical_kind(cx, first, end).is_some() {
        out.push(Candidate { first, end, after_title, in_title_line });
        return;
    }
    // Without its leading demonyms the rest may be known ("Russian Foreign Ministry" is caught above).
    let mut core = first;
    while core < end && is_demonym(cx.word(core)) {
        core += 1;
    }
    if core < end && core > first && lexical_kind(cx, core, end).is_some() {
        out.push(Candidate { first: core, end, after_title, in_title_line });
        return;
    }
    // Untyped names joined by a connector are separate names ("Moscow and Washington", "Obama of Kenya").
    if let Some(split) = (first + 1..end - 1).find(|&i| cx.is_connector(i)) {
        clean(cx, Candidate { first, end: split, after_title, in_title_line }, out);
        clean(cx, Candidate { first: split + 1, end, after_title: false, in_title_line }, out);
        return;
    }
    // A title inside the run: the person comes after the last one, anything before is its own candidate.
    if let Some(last_title) = (first..end).rev().find(|&i| is_head_title(cx.word(i))) {
        if last_title + 1 < end {
            clean(cx, Candidate { first, end: last_title, after_title, in_title_line }, out);
            out.push(Candidate { first: last_title + 1, end, after_title: true, in_title_line });
            return;
        }
        // The run ends with a title ("Foreign Minister"): nothing of it is a name unless known.
        end = last_title;
        while end > first && is_title(cx.word(end - 1)) {
            end -= 1;
        }
        after_title = false;
        if end <= first {
            return;
        }
    }
    first = core.min(end);
    while first < end && is_demonym(cx.word(first)) {
        first += 1;
    }
    if first < end {
        out.push(Candidate { first, end, after_title, in_title_line });
    }
}

/// Step 3: on a Title Case line, keeps only known pieces, longest first.
fn split_title_line(
    cx: &Context<'_, '_>,
    cand: &Candidate,
    known: &HashMap<String, EntityKind>,
    out: &mut Vec<Candidate>,
) {
    let mut i = cand.first;
    while i < cand.end {
        let mut matched = None;
        // Names are at most six words long; longer pieces are never looked up.
        for j in (i + 1..=cand.end.min(i + 6)).rev() {
            let surface = cx.surface(i, j);
            // Keywords say little in a headline ("… In Violation Of Treaty"): only gazetteers and known names count.
            // "Chelsea Handler" in a headline is a name; in "Madonna Defends Comment" the second word is a
            // headline verb, which mostly ends in -s, so a "surname" ending in -s is not taken there.
            let person_name = is_first_name(cx.word(i))
                && !is_common(cx.word(i))
                && (j - i == 2 || (j - i == 3 && cx.word(i + 1).ends_with('.')))
                && !is_common(cx.word(j - 1))
                && !cx.word(j - 1).ends_with('s');
            // "Madonna Defends …": a lone first name opening a headline, before a headline verb in -s.
            let headline_subject = j == i + 1
                && i == cand.first
                && is_first_name(cx.word(i))
                && !is_common(cx.word(i))
                && !is_calendar_word(cx.word(i))
                && cand.end > i + 1
                && cx.word(i + 1).ends_with('s')
                && !is_first_name(cx.word(i + 1));
            if known.contains_key(surface) || is_place(surface) || is_org(surface) || person_name || headline_subject {
                matched = Some(j);
                break;
            }
        }
        match matched {
            Some(j) => {
                out.push(Candidate {
                    first: i,
                    end: j,
                    after_title: i == cand.first && cand.after_title,
                    in_title_line: true,
                });
                i = j;
            }
            None => i += 1,
        }
    }
}

/// Whether a speech verb follows the name ("Lavrov told") or precedes it ("said Indyk").
fn is_speech_subject(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    // Only verbs that are never nouns: "Give states the option" has "states" after a capitalised word.
    const SAID: &[&str] = &[
        "added",
        "admitted",
        "announced",
        "argued",
        "asked",
        "claimed",
        "declared",
        "explained",
        "insisted",
        "noted",
        "replied",
        "responded",
        "said",
        "says",
        "stated",
        "stressed",
        "tells",
        "told",
        "tweeted",
        "warned",
        "wrote",
    ];
    let next_is_verb =
        seg.is_word(end) && SAID.contains(&cx.word(end)) && seg.tokens[end].line == seg.tokens[first].line;
    let prev_is_verb = first > 0
        && seg.is_word(first - 1)
        && matches!(cx.word(first - 1), "said" | "says" | "added" | "wrote" | "told");
    next_is_verb || prev_is_verb
}

/// Step 4: the kind a candidate gets from its own words and context, if any.
fn own_kind(cx: &Context<'_, '_>, cand: &Candidate) -> Option<EntityKind> {
    let (first, end) = (cand.first, cand.end);
    if let Some(kind) = lexical_kind(cx, first, end) {
        return Some(kind);
    }
    let words = end - first;
    let first_word = cx.word(first);
    if words == 1 && is_common(first_word) {
        return None;
    }
    let all_capitalised = (first..end).all(|i| cx.word(i).starts_with(char::is_uppercase));
    if cand.after_title && words <= 4 && all_capitalised {
        return Some(EntityKind::Person);
    }
    if (2..=4).contains(&words) && is_first_name(first_word) && !is_calendar_word(first_word) && all_capitalised {
        return Some(EntityKind::Person);
    }
    if words == 1 && is_acronym(first_word) && !NOT_ORG_ACRONYMS.contains(&first_word) && !is_common_word(first_word) {
        return Some(EntityKind::Org);
    }
    if words <= 3 && all_capitalised && is_speech_subject(cx, first, end) && !cand.in_title_line {
        return Some(EntityKind::Person);
    }
    // "the Post", "The Times": a newspaper named by its title word.
    let after_the = first > 0 && cx.seg.is_word(first - 1) && cx.word(first - 1).eq_ignore_ascii_case("the");
    if words == 1
        && after_the
        && matches!(
            first_word,
            "Post" | "Times" | "Journal" | "Herald" | "Tribune" | "Gazette" | "Chronicle" | "Telegraph"
        )
    {
        return Some(EntityKind::Org);
    }
    // "Vulture magazine", "Interfax news agency": a name before a publication noun is an organisation.
    let next = cx.seg.is_word(end).then(|| cx.word(end));
    if words <= 3
        && all_capitalised
        && next.is_some_and(|w| {
            matches!(w, "magazine" | "newspaper" | "website" | "agency" | "network" | "tabloid" | "broadcaster")
        })
    {
        return Some(EntityKind::Org);
    }
    if words == 1 && is_first_name(first_word) && !cx.seg.starts_sentence(first) {
        return Some(EntityKind::Person);
    }
    None
}

/// Finds entity mentions and groups them. Mentions come out in text order and never overlap.
pub(crate) fn find_entities(seg: &Segmented<'_>, dates: &[Span], body: &[Span]) -> (Vec<Entity>, Vec<EntityGroup>) {
    let mut in_date = vec![false; seg.tokens.len()];
    let mut d = 0;
    for (i, t) in seg.tokens.iter().enumerate() {
        while d < dates.len() && dates[d].end <= t.span.start {
            d += 1;
        }
        in_date[i] = d < dates.len() && dates[d].start <= t.span.start;
    }
    let cx = Context { seg, in_date, title_line: title_case_lines(seg) };

    let mut cleaned = Vec::new();
    for cand in runs(&cx) {
        clean(&cx, cand, &mut cleaned);
    }

    // Names typed from ordinary prose, by their own evidence: what a headline may reuse.
    let mut known: HashMap<String, EntityKind> = HashMap::new();
    let mut typed: Vec<(Candidate, Option<EntityKind>)> = Vec::new();
    for cand in cleaned.iter().filter(|c| !c.in_title_line) {
        let kind = own_kind(&cx, cand);
        if let Some(kind) = kind {
            known.entry(cx.surface(cand.first, cand.end).to_string()).or_insert(kind);
            if kind == EntityKind::Person && cand.end - cand.first >= 2 {
                // "Sergei Lavrov" makes "Lavrov" known as a person too.
                known.entry(cx.word(surname_index(&cx, cand)).to_string()).or_insert(EntityKind::Person);
            }
        }
        typed.push((cand.clone(), kind));
    }
    // An untyped run of several words may be known names side by side ("Facebook Twitter LinkedIn",
    // "Congress Blog"): keep the known pieces, and the run itself only if none is known.
    let mut split_runs = Vec::new();
    typed.retain(|(cand, kind)| {
        if kind.is_some() || cand.end - cand.first < 2 {
            return true;
        }
        let before = split_runs.len();
        split_title_line(&cx, cand, &known, &mut split_runs);
        split_runs.len() == before
    });
    for piece in split_runs {
        let kind = own_kind(&cx, &piece).or_else(|| known.get(cx.surface(piece.first, piece.end)).copied());
        typed.push((piece, kind));
    }
    for cand in cleaned.iter().filter(|c| c.in_title_line) {
        let mut pieces = Vec::new();
        split_title_line(&cx, cand, &known, &mut pieces);
        for piece in pieces {
            // A lone first name kept from a headline was kept as its subject: a person.
            let lone_first_name = piece.end - piece.first == 1 && is_first_name(cx.word(piece.first));
            let kind = own_kind(&cx, &piece).or(lone_first_name.then_some(EntityKind::Person));
            typed.push((piece, kind));
        }
    }
    typed.sort_by_key(|(c, _)| c.first);
    // What is left is a capitalised multi-word name in running prose that no list or rule knows:
    // most often a work, product, law or event ("Better Money Habits", "Mexico City Policy").
    for (cand, kind) in &mut typed {
        let span_start = seg.tokens[cand.first].span.start;
        let in_body = body.iter().any(|b| b.start <= span_start && span_start < b.end);
        // Units and time zones ("AM ET") are not names, whatever their capitals.
        let all_units = (cand.first..cand.end).all(|i| NOT_ORG_ACRONYMS.contains(&cx.word(i)));
        if kind.is_none()
            && in_body
            && !all_units
            && !cand.in_title_line
            && cand.end - cand.first >= 2
            && !seg.starts_sentence(cand.first)
        {
            *kind = Some(EntityKind::Misc);
        }
    }

    // Acronyms defined in parentheses right after their expansion take its kind.
    let mut acronym_kind: HashMap<String, EntityKind> = HashMap::new();
    for (cand, kind) in &typed {
        if let Some(kind) = kind {
            // "(NATO)" right after the name, or "(INF)" inside it: both abbreviate it.
            for open in cand.first..=cand.end {
                if seg.is_punct(open, '(')
                    && seg.is_word(open + 1)
                    && is_acronym(cx.word(open + 1))
                    && seg.is_punct(open + 2, ')')
                    && open > cand.first
                    && abbreviates(cx.word(open + 1), cx.surface(cand.first, open))
                {
                    acronym_kind.insert(cx.word(open + 1).to_string(), *kind);
                }
            }
        }
    }

    // Step 5: one kind per surface, the first confident decision winning; people's surnames join them.
    let mut surface_kind: HashMap<String, EntityKind> = HashMap::new();
    for (cand, kind) in &typed {
        let surface = cx.surface(cand.first, cand.end);
        if let Some(kind) = acronym_kind.get(surface).copied().or(*kind) {
            surface_kind.entry(surface.to_string()).or_insert(kind);
        }
    }
    let mut surname_of: HashMap<String, String> = HashMap::new();
    for (cand, _) in &typed {
        let surface = cx.surface(cand.first, cand.end);
        // Only names with real person evidence lend their surname to lone mentions.
        let evidence = cand.after_title || is_first_name(cx.word(cand.first));
        if surface_kind.get(surface) == Some(&EntityKind::Person) && cand.end - cand.first >= 2 && evidence {
            let last = cx.word(surname_index(&cx, cand)).to_string();
            let entry = surname_of.entry(last).or_insert_with(|| surface.to_string());
            if surface.len() > entry.len() {
                *entry = surface.to_string();
            }
        }
    }

    let mut entities = Vec::new();
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut group_index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut mentions: Vec<(Span, EntityKind, String)> = Vec::new();
    for (cand, _) in &typed {
        let surface = cx.surface(cand.first, cand.end);
        let single = cand.end - cand.first == 1;
        let kind = if single && surname_of.contains_key(surface) && !is_place(surface) && !is_org(surface) {
            Some(EntityKind::Person)
        } else {
            surface_kind.get(surface).copied()
        };
        let Some(kind) = kind else { continue };
        let key = match kind {
            EntityKind::Person if single => surname_of.get(surface).cloned().unwrap_or_else(|| surface.to_string()),
            _ => surface.to_string(),
        };
        let span = Span::new(seg.tokens[cand.first].span.start, seg.tokens[cand.end - 1].span.end);
        mentions.push((span, kind, key));
    }
    for &span in dates {
        mentions.push((span, EntityKind::Date, span.slice(seg.text).to_string()));
    }
    mentions.sort_by_key(|m| m.0);
    let mut last_end = 0;
    for (span, kind, key) in mentions {
        if span.start < last_end {
            continue;
        }
        last_end = span.end;
        let next_id = groups.len();
        let group = *group_index.entry((kind, key.clone())).or_insert(next_id);
        if group == next_id {
            groups.push(EntityGroup { name: key, kind, mentions: 0 });
        }
        groups[group].mentions += 1;
        entities.push(Entity { span, kind, group });
    }
    (entities, groups)
}

#[cfg(test)]
mod tests {
    use crate::{extract, EntityKind};

    fn entities(text: &str) -> Vec<(String, EntityKind)> {
        extract(text).entities.iter().map(|e| (e.span.slice(text).to_string(), e.kind)).collect()
    }

    fn has(text: &str, name: &str, kind: EntityKind) -> bool {
        entities(text).iter().any(|(n, k)| n == name && *k == kind)
    }

    #[test]
    fn table_of_names() {
        use EntityKind::*;
        let cases: &[(&str, &str, EntityKind)] = &[
            ("Russian Foreign Minister Sergei Lavrov has lashed out at the United States.", "Sergei Lavrov", Person),
            ("Russian Foreign Minister Sergei Lavrov has lashed out at the United States.", "United States", Place),
            ("The Russian Foreign Ministry said so.", "Russian Foreign Ministry", Org),
            (
                "Washington withdrew from the Intermediate-Range Nuclear Forces (INF) Treaty last year.",
                "Intermediate-Range Nuclear Forces (INF) Treaty",
                Misc,
            ),
            ("quoted by the Interfax news agency and TASS.", "Interfax", Org),
            ("the missile -- known as the 9M729 -- has", "9M729", Misc),
            ("He met the North Atlantic Treaty Organization (NATO) chief.", "NATO", Org),
            ("He said it to Palestinian Authority President Mahmoud Abbas on Monday.", "Mahmoud Abbas", Person),
        ];
        for (text, name, kind) in cases {
            assert!(has(text, name, *kind), "{name} as {kind:?} in {text:?}: got {:?}", entities(text));
        }
    }

    #[test]
    fn headline_title_case_keeps_only_known_names() {
        let text = "Lavrov: U.S. Has 'No Proof' Russia Deployed Missile In Violation Of Treaty\n\nSergei Lavrov spoke in Moscow.";
        let found: Vec<String> = entities(text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(found, ["Lavrov", "U.S.", "Russia", "Sergei Lavrov", "Moscow"]);
    }

    #[test]
    fn a_surname_joins_its_full_name() {
        let text = "Sergei Lavrov spoke. Later Lavrov left.";
        let found = extract(text);
        assert_eq!(found.entities.len(), 2);
        assert_eq!(found.entities[0].group, found.entities[1].group);
        assert_eq!(found.groups[found.entities[1].group].name, "Sergei Lavrov");
        assert_eq!(found.groups[found.entities[1].group].mentions, 2);
    }

    #[test]
    fn no_the_no_possessive_no_demonym() {
        let text = "The Kremlin rejected Russia’s critics and the American plan.";
        let found = entities(text);
        assert!(found.iter().any(|(n, k)| n == "Kremlin" && *k == EntityKind::Org), "{found:?}");
        assert!(found.iter().any(|(n, _)| n == "Russia"), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n.contains("American") || n.starts_with("The")), "{found:?}");
    }
}
