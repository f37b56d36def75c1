//! Direct quotations and who said them.
//!
//! **Finding.** Marks are paired line by line (a line is a paragraph): “…”, «…», »…«, „…“, „…”, 「…」, "…" and, where it
//! opens at a word start and closes at a word end, ‘…’ or '…'. An apostrophe inside a word ("We’ve")
//! is never a mark. A double quote still open at the end of a paragraph is the newswire convention for a
//! quote that goes on in the next paragraph: its piece runs to the end of the line. An odd number of
//! marks is therefore never an error; an unmatched closing mark is reported as a diagnostic and skipped.
//! Quotes of fewer than three words are scare quotes or titles and are dropped.
//!
//! **Speakers**, by an ordered sieve (the full list, with the rule for each back reference, is in
//! `crates/extract/DESIGN.md`, "Quotations"): (1) a speech verb after the quote in the same clause
//! (`“…,” Lavrov told`, `“…,” said Martin Indyk`, `“…” — Jessie Marlowe`); (2) a cue before it in the same
//! sentence (`Mr Obama said it was “…”`, `X: “…”`, `according to X`, `as X put it`, or a paragraph ending in
//! `He said:`). Back references resolve through who is who: "he"/"she" to the last fitting sentence subject
//! (sex by first name or title), "the minister" to the person named with that role, "it"/"the company" to the
//! last organisation that opened a sentence ("they" only to one that opened the sentence before), "his
//! father" to the relative named so, "the report" to its author. Then the fallbacks: (3) the speaker
//! of a nearby quote whose words this one repeats; (4) a headline's subject, or the speaker of the sentence
//! just before; (5) the previous quote's speaker nearby; (6) after a paragraph about someone, a first-person
//! quote paragraph is theirs; (7) the next quote of the paragraph with a cue; (8) the pieces of a
//! multi-paragraph quote share its speaker. Otherwise no speaker: none beats a wrong one. A name inside an
//! aside before the verb (`X, a friend of Y, said`), a listener after it (`an official told Reuters`) and a
//! byline's author never speak. The speaker is the entity's fullest name.

use crate::lexicon::is_speech_verb;
use crate::tokens::{Segmented, TokenKind};
use crate::{Diagnostic, Entity, EntityGroup, EntityKind, Quote, Span};

/// How many lines after an attributed quote a cue-less quote paragraph still continues its speaker.
const INHERIT_LINES: usize = 6;

/// How many tokens before a quote are searched for its cue (`X said that … “…”`). Cues are local; the bound
/// keeps attribution linear when a sentence holds thousands of quotes or speech verbs.
const CUE_WINDOW_TOKENS: usize = 60;

/// Lines up to this many words are headline-like for the headline fallback.
const HEADLINE_WORDS: usize = 25;

/// Generic nouns by which a text refers back to an organisation it named ("the company said").
const ORGANISATION_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "association",
    "automaker",
    "bank",
    "broadcaster",
    "carmaker",
    "charity",
    "club",
    "committee",
    "company",
    "conglomerate",
    "council",
    "federation",
    "firm",
    "giant",
    "group",
    "insurer",
    "lender",
    "manufacturer",
    "ministry",
    "movement",
    "organisation",
    "organization",
    "party",
    "publisher",
    "regulator",
    "retailer",
    "startup",
    "union",
    "watchdog",
];

/// Words that open an introductory phrase before a clause's subject ("After the vote, …", "Speaking on
/// Monday, …", "In a statement, …").
const INTRODUCTORY_WORDS: &[&str] = &[
    "after",
    "amid",
    "as",
    "asked",
    "at",
    "before",
    "despite",
    "during",
    "earlier",
    "following",
    "for",
    "however",
    "in",
    "later",
    "meanwhile",
    "on",
    "since",
    "speaking",
    "when",
    "while",
    "with",
];

/// Function words that no role between an employer and a person holds (`said X spokeswoman Y`): a preposition,
/// conjunction or possessive there starts another phrase (`said X as coach Y looked on`), whose person is not
/// the speaker.
const ROLE_BREAKING_WORDS: &[&str] = &[
    "after",
    "against",
    "alongside",
    "and",
    "as",
    "at",
    "before",
    "beside",
    "but",
    "by",
    "for",
    "from",
    "her",
    "his",
    "its",
    "like",
    "my",
    "nor",
    "of",
    "or",
    "our",
    "than",
    "their",
    "through",
    "to",
    "under",
    "until",
    "via",
    "when",
    "while",
    "with",
    "without",
    "your",
];

/// How many tokens after a verb of speech the reported clause's subject may stand (`told the board on Friday he`).
const REPORTED_SUBJECT_TOKENS: usize = 6;

/// How many sentences back "the company" looks for the organisation that opened one.
const ORGANISATION_REACH: usize = 8;

/// How many lines below a headline `'…', says coach` may name the coach.
const HEADLINE_ROLE_LINES: usize = 2;

/// How many tokens after an inverted speech verb its subject may stand ("said the film’s director, Tom …").
const INVERTED_SUBJECT_TOKENS: usize = 8;

/// How far after a quote's closing mark a sentence that points back at it (`That was how X put it.`) is read.
const NEXT_SENTENCE_TOKENS: usize = 24;

/// How far after a cue's verb a sentence naming its role's holder (`The leader, X Y,`) is looked for.
const ROLE_NAMED_LATER_TOKENS: usize = 60;

/// For each group, the sex its first name gives (see [`crate::lexicon::first_name_is_female`]), else the sex a
/// title right before one of its mentions gives; `None` when nothing says, or the titles disagree.
fn group_sexes(seg: &Segmented<'_>, entities: &[Entity], groups: &[EntityGroup]) -> Vec<Option<bool>> {
    let by_name: Vec<Option<bool>> = groups
        .iter()
        .map(|g| match g.kind {
            EntityKind::Person => g.name.split(' ').next().and_then(crate::lexicon::first_name_is_female),
            _ => None,
        })
        .collect();
    // Per group: (seen a woman's title, seen a man's title).
    let mut titled = vec![(false, false); groups.len()];
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let Some(before) = token_at(seg, e.span.start).checked_sub(1) else { continue };
        if !seg.is_word(before) {
            continue;
        }
        match seg.word(before).trim_end_matches('.') {
            "Mrs" | "Ms" | "Miss" | "Lady" | "Dame" => titled[e.group].0 = true,
            "Mr" | "Sir" | "Lord" => titled[e.group].1 = true,
            _ => {}
        }
    }
    by_name
        .into_iter()
        .zip(titled)
        .map(|(name, titles)| {
            name.or(match titles {
                (true, false) => Some(true),
                (false, true) => Some(false),
                _ => None,
            })
        })
        .collect()
}

/// How far before a name a "by" makes it an agent rather than a subject ("by his media aide, Yusuph …").
const AGENT_REACH_TOKENS: usize = 5;

/// Role nouns (`data/role_nouns.txt`) that say a person's sex.
const GENDERED_ROLES: &[(&str, bool)] = &[
    ("actress", true),
    ("chairwoman", true),
    ("congresswoman", true),
    ("spokeswoman", true),
    ("actor", false),
    ("congressman", false),
    ("spokesman", false),
];

/// How many entity mentions back a pronoun looks for a person of its sex when the last subject is not one.
const PRONOUN_REACH: usize = 24;

/// How many entities after a sentence's subject are looked at for another person in the same sentence.
const SENTENCE_ENTITY_REACH: usize = 12;

/// Whether the entity is one role noun and nothing else (`Striker` opening a headline): a role, no name.
fn is_role_alone(seg: &Segmented<'_>, entity: &Entity) -> bool {
    let name = entity.span.slice(seg.text);
    !name.contains(' ') && is_role_noun(name)
}

fn is_demonym(word: &str) -> bool {
    crate::lexicon::is_demonym(word)
}

/// The name a cue gives when it names one of two people who cannot be told apart (a surname two people named
/// before share): it blocks every fallback, as a cue does, and [`names_no_one`] turns it into no speaker at
/// the end, so the quote and the cue-less quotes continuing it are no one's.
const NO_ONE_FOR_SURE: &str = "";

/// Words that may stand between "the" and a role noun: "the former Senate President", "the 31-year-old actress".
const ROLE_SPAN_WORDS: usize = 4;

/// A role noun that refers back to a person when a definite article leads it ("the minister said", "the
/// 31-year-old actress says"): `refers` in `data/role_nouns.txt`, or an age.
fn is_role_noun(word: &str) -> bool {
    // Without lower-casing the word into a new string (asked for many words of every attribution): no
    // character outside ASCII lower-cases to a letter of "-year-old".
    crate::lexicon::is_referring_role_any_case(word)
        || (word.len() >= YEAR_OLD.len()
            && word.as_bytes()[word.len() - YEAR_OLD.len()..].eq_ignore_ascii_case(YEAR_OLD))
}

/// The ending of "a 42-year-old" (a role noun of its own: "the 42-year-old said").
const YEAR_OLD: &[u8] = b"-year-old";

/// A role noun that refers back ([`is_role_noun`]) or one that only stands before names (`drummer`, `chef`):
/// either names a role its holder may be referred to by.
fn is_naming_role(word: &str) -> bool {
    is_role_noun(word) || crate::lexicon::is_role_before_names_any_case(word)
}

/// A speaker: the entity's fullest name and its group, when it is a recognised entity.
type Speaker = (String, Option<usize>);

#[derive(Debug, Clone, Copy, PartialEq)]
enum MarkRole {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum MarkFamily {
    Double,
    Single,
    Guillemet,
}

fn classify(prev: Option<char>, ch: char, next: Option<char>) -> Option<(MarkFamily, MarkRole)> {
    // Every character of the text comes here: settle the ones that are no quotation mark before looking at
    // their neighbours (the four tests below ran for every character, about 4% of all extraction time).
    if !matches!(ch, '“' | '„' | '「' | '”' | '」' | '«' | '»' | '"' | '‘' | '’' | '\'') {
        return None;
    }
    let word_before = prev.is_some_and(|c| c.is_alphanumeric());
    let word_after = next.is_some_and(|c| c.is_alphanumeric());
    let space_before = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '“' | '"' | ':'));
    let space_after = next.is_none_or(|c| {
        c.is_whitespace() || matches!(c, ')' | ']' | ',' | '.' | ';' | ':' | '!' | '?' | '—' | '”' | '"')
    });
    match ch {
        '“' | '„' | '「' => Some((MarkFamily::Double, MarkRole::Open)),
        '”' | '」' => Some((MarkFamily::Double, MarkRole::Close)),
        // Reversed guillemets (German, Danish: »…«) open against a word and close after one.
        '«' if word_before && !word_after => Some((MarkFamily::Guillemet, MarkRole::Close)),
        '»' if space_before && word_after => Some((MarkFamily::Guillemet, MarkRole::Open)),
        '«' => Some((MarkFamily::Guillemet, MarkRole::Open)),
        '»' => Some((MarkFamily::Guillemet, MarkRole::Close)),
        '"' => Some((
            MarkFamily::Double,
            if space_before && !space_after {
                MarkRole::Open
            } else if !space_before {
                MarkRole::Close
            } else {
                MarkRole::Either
            },
        )),
        '‘' if !word_before => Some((MarkFamily::Single, MarkRole::Open)),
        '’' | '\'' if word_before && word_after => None,
        '\'' if space_before && !space_after => Some((MarkFamily::Single, MarkRole::Open)),
        '’' | '\'' if !space_before && (space_after || !word_after) => Some((MarkFamily::Single, MarkRole::Close)),
        _ => None,
    }
}

/// The marks that open a quote at a paragraph's start (a multi-paragraph quote's next piece opens with one).
const PARAGRAPH_OPENING_MARKS: [char; 6] = ['“', '"', '«', '„', '»', '「'];

/// A found quotation before attribution.
struct Found {
    inner: Span,
    /// The paragraph piece continues a quote left open at the end of the previous paragraph.
    continues_previous: bool,
    /// The quote was left open at the end of its paragraph.
    open_at_end: bool,
}

fn words_in(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || c == '—' || c == '–')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

fn find_marked(seg: &Segmented<'_>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Found> {
    let text = seg.text;
    let mut out = Vec::new();
    let mut carried_open = false;
    for line in &seg.lines {
        let line_text = line.span.slice(text);
        let mut double_open: Option<usize> = None;
        let mut single_open: Option<usize> = None;
        let mut guillemet_open: Option<usize> = None;
        // Whether the open double quote opened with `„`: German closes it with `“`, the mark English opens with.
        let mut opened_low = false;
        // A reversed `»` opens only before a `«` on its line: glued to a word alone it is a bullet (`»Related`).
        let last_guillemet = line_text.rfind('«');
        let starts_with_open = line_text.trim_start().starts_with(PARAGRAPH_OPENING_MARKS);
        let continues = carried_open && starts_with_open;
        carried_open = false;
        let mut prev: Option<char> = None;
        let mut iter = line_text.char_indices().peekable();
        while let Some((offset, ch)) = iter.next() {
            let next = iter.peek().map(|&(_, c)| c);
            let at = line.span.start + offset;
            if let Some((family, mut role)) = classify(prev, ch, next) {
                if ch == '“' && opened_low && double_open.is_some() {
                    role = MarkRole::Close;
                }
                if ch == '»' && role == MarkRole::Open && last_guillemet.is_none_or(|close| close < offset) {
                    prev = Some(ch);
                    continue;
                }
                let slot = match family {
                    MarkFamily::Double => &mut double_open,
                    MarkFamily::Single => &mut single_open,
                    MarkFamily::Guillemet => &mut guillemet_open,
                };
                let closes = match role {
                    MarkRole::Close => true,
                    MarkRole::Open => false,
                    MarkRole::Either => slot.is_some(),
                };
                if closes {
                    match slot.take() {
                        Some(open_at) => {
                            let inner = trim_span(text, Span::new(open_at, at));
                            // A continuation piece is the first quote of a paragraph that begins with a mark.
                            let first_in_line = out.last().is_none_or(|f: &Found| f.inner.start < line.span.start);
                            out.push(Found {
                                inner,
                                continues_previous: continues && first_in_line,
                                open_at_end: false,
                            });
                            if family == MarkFamily::Double {
                                // Single marks left open inside a closed double quote were apostrophes.
                                single_open = None;
                            }
                        }
                        None if family != MarkFamily::Single => diagnostics.push(Diagnostic {
                            span: Some(Span::new(at, at + ch.len_utf8())),
                            message: "a closing quotation mark without an opening one was skipped".into(),
                        }),
                        None => {}
                    }
                } else if slot.is_none() {
                    *slot = Some(at + ch.len_utf8());
                    if family == MarkFamily::Double {
                        opened_low = ch == '„';
                    }
                }
            }
            prev = Some(ch);
        }
        if let Some(open_at) = double_open.or(guillemet_open) {
            let inner = trim_span(text, Span::new(open_at, line.span.end));
            let first_in_line = out.last().is_none_or(|f: &Found| f.inner.start < line.span.start);
            out.push(Found { inner, continues_previous: continues && first_in_line, open_at_end: true });
            carried_open = true;
        }
    }
    for f in &mut out {
        // A quote never closed on its line that breaks off with an ellipsis is a truncated teaser: what
        // follows the ellipsis is the next item ("“What we are talking about... Newly-elected president…").
        if f.open_at_end {
            let inner = f.inner.slice(text);
            if let Some(cut) = inner.find("...").or_else(|| inner.find('…')) {
                f.inner = Span::new(f.inner.start, f.inner.start + inner[..cut].trim_end().len());
            }
        }
        // A trailing ellipsis marks words left out, not words said.
        let inner = f.inner.slice(text);
        if inner.ends_with("...") || inner.ends_with('…') {
            let trimmed = inner.trim_end_matches(['.', '…']).trim_end();
            f.inner = Span::new(f.inner.start, f.inner.start + trimmed.len());
        }
    }
    crate::sort_stable_by_key(&mut out, |f| f.inner.start);
    out.retain(|f| {
        let inner = f.inner.slice(text);
        let words = words_in(inner);
        // Three capitalised words and nothing else is a title ("All About Space"), not speech.
        let title_like = words <= 3
            && inner.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
        words >= 3 && !title_like && !is_a_title_in_prose(text, f.inner)
    });
    // Inner quotes nested in a longer one stay; exact duplicates (from two mark families) do not.
    out.dedup_by(|a, b| a.inner == b.inner);
    out
}

/// Short words a title leaves in lower case (`The Last Ferry to Belém`, `A House Built on Sand`).
const TITLE_LOWER_WORDS: &[&str] =
    &["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "the", "to", "with"];

/// `The director said “The Last Ferry to Belém” took eleven years`: words in marks in title case (every word
/// capitalised but a title's short lower-case words), with no punctuation of a sentence inside, that the
/// sentence goes on past in lower case are the name of a work or a slogan, not speech. A headline's quote in
/// title case (`Mayor: ‘We Will Rebuild’ Says …`) is followed by a capital, or by nothing. A determiner before
/// the marks makes them an epithet someone used (`saying the “Gorbachev of Pakistan” was heading …`), and `as`
/// a description (`described the offer as “A Slap in the Face” in …`): speech.
fn is_a_title_in_prose(text: &str, inner: Span) -> bool {
    let before_mark = text[..inner.start].trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
    let word_before = before_mark.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    if matches!(
        crate::case::lowercase(word_before).as_str(),
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "as"
    ) {
        return false;
    }
    let words = inner.slice(text);
    let mut after = text[inner.end..].chars().skip(1);
    let goes_on_in_lower_case = after.next() == Some(' ') && after.next().is_some_and(char::is_lowercase);
    // Right after the noun of a work (`Her new novel, “The Salt Road to Kandahar”, follows …`, `the song “Nobody
    // Waits for the Ferry”`) or `titled`, words in title case are its name wherever the sentence goes, and a
    // comma or full stop that American style puts inside the marks is the sentence's.
    // Written in lower case: a headline in Title Case (`Director Says Film ‘Changed My Life’`) capitalises it
    // before speech too.
    let names_a_work = WORK_NOUNS.contains(&word_before.trim_end_matches(','));
    let words = if names_a_work { words.trim_end().trim_end_matches([',', '.']) } else { words };
    (goes_on_in_lower_case || names_a_work)
        && words.starts_with(char::is_uppercase)
        && !words.contains(['.', ',', '!', '?', ';', ':'])
        && words
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()) || TITLE_LOWER_WORDS.contains(&w))
}

/// Nouns of a made work and the participles that bring in its name: words in title case right after them are
/// a title (`the film “A House Built on Sand”`, `a report titled “Rivers Without Fish”`), which the guideline
/// counts as no quote.
const WORK_NOUNS: &[&str] = &[
    "album",
    "book",
    "documentary",
    "entitled",
    "episode",
    "exhibition",
    "film",
    "memoir",
    "movie",
    "musical",
    "novel",
    "opera",
    "painting",
    "play",
    "podcast",
    "poem",
    "series",
    "single",
    "song",
    "titled",
    "track",
];

/// Token index of the first token starting at or after `byte`.
fn token_at(seg: &Segmented<'_>, byte: usize) -> usize {
    seg.tokens.partition_point(|t| t.span.start < byte)
}

/// `X, known to his fans as “The Wall”`, `nicknamed “The Wall”`: the words in marks are a name someone is
/// known by, said by no one in particular. Looks at most six tokens before the opening mark.
/// So are the words of a term (`what residents call “the road of the dead”`, `the so-called “reform
/// package”`): no one's, even with a verb of speech in the sentence (`X said what residents call “…” had …`).
fn introduced_as_a_name(seg: &Segmented<'_>, quote: Span) -> bool {
    let open = token_at(seg, quote.start);
    let words: Vec<&str> =
        (open.saturating_sub(6)..open).rev().filter(|&i| seg.is_word(i)).map(|i| seg.word(i)).collect();
    match words.first() {
        Some(&"nicknamed" | &"so-called") => true,
        Some(&"as") => words.iter().skip(1).take(4).any(|w| *w == "known"),
        // `what she called “…”` quotes the words of someone the text names: not a term.
        Some(&"call" | &"calls" | &"called") => {
            let pronoun = words.get(1).is_some_and(|w| matches!(*w, "he" | "she" | "it" | "they" | "I" | "we"));
            !pronoun && words.iter().skip(1).take(3).any(|w| w.eq_ignore_ascii_case("what"))
        }
        _ => false,
    }
}

struct Attribution<'a> {
    seg: &'a Segmented<'a>,
    entities: &'a [Entity],
    groups: &'a [EntityGroup],
    quote_spans: Vec<Span>,
    /// Indexes of the first person entity of each sentence, outside quotations, in text order.
    sentence_subjects: Vec<usize>,
    /// Words on each line, counted once (the headline fallback asks for every quote).
    line_words: Vec<usize>,
    /// For each role noun (lower case), the people named with it as a title or an appositive ("director
    /// Tom Hargreave", "Daniel Zhang, the chief executive of …"), as entity indexes in text order.
    role_mentions: std::collections::HashMap<String, Vec<usize>>,
    /// For each entity group, whether the person is a woman (`Some(true)`), a man (`Some(false)`) or either, by
    /// the first name of the group's name, else by a title before any of its mentions ("Mrs May", "Mr Ma").
    group_is_female: Vec<Option<bool>>,
    /// For each entity group, the sex a noun of kinship gives it (`his wife, Efua Boateng`: a woman), else `None`.
    kin_sexes: Vec<Option<bool>>,
    /// Indexes of the first person or organisation of each sentence, outside quotations, in text order.
    clause_openers: Vec<usize>,
    /// Reports, studies and statements whose author the text gives: (the document noun's token, the author's
    /// entity index), in text order.
    document_authors: Vec<(usize, usize)>,
    /// Per line, whether it is a byline ("By Jane Doe"): its authors write the article and speak in none of
    /// its quotes, so they are no sentence subject and no referent of a pronoun.
    byline_lines: Vec<bool>,
    /// For the first and the last word of each person's fullest name of two words or more (and the capitalised
    /// words between: a first surname, a second given name), that person's mentions: (the mention's start, its group), in text order. A lone first name or surname that the entity
    /// stage typed as something else ("Amara", a town too; "Moon") is still that person as a speech verb's
    /// subject.
    name_parts: std::collections::HashMap<String, Vec<(usize, usize)>>,
    /// Sentences opened by a lone first name or surname of a person named before that no stage made an entity
    /// ("Seo was delighted." after "Seo Ji-hye beat …"): (the word's start, that person's group), in text
    /// order. Such a sentence has that person as its subject for `he`/`she`.
    name_part_openers: Vec<(usize, usize)>,
    /// Sentences opened by a relative named in apposition whom no stage made an entity (`His daughter, Mereana,
    /// runs the shop.`): (the name's start, the name, whether the noun of kinship is a woman's), in text order.
    /// Such a sentence has that relative as its subject for a pronoun of the relative's sex.
    kin_openers: Vec<(usize, String, bool)>,
    /// Sentences opened by a name no stage made an entity ([`unknown_name_openers`]): the names, in text order.
    /// Such a sentence has that name as its subject, so `he`, `she` and a bare role after it refer to no one
    /// named before it.
    unknown_name_openers: Vec<Span>,
    /// Per entity, whether it is a name the entity stage left MISC that is the subject of a speech verb, after a
    /// comma at most (`His rival, Ioana Dumitrescu, said …`), or that a role noun introduces (`manager Dimitris
    /// Kalogeropoulos`): two or three capitalised words, outside quotes. A name that says something, or holds a
    /// role, is someone, whatever the lists know; it speaks like a person.
    speaking_names: Vec<bool>,
}

impl Attribution<'_> {
    /// The PERSON or ORG entity starting at this token, if any (or a name that speaks: [`speaking_names`]).
    fn entity_at(&self, token: usize) -> Option<&Entity> {
        let start = self.seg.tokens.get(token)?.span.start;
        let idx = self.entities.partition_point(|e| e.span.start < start);
        self.entities.get(idx).filter(|e| e.span.start == start && self.can_speak(idx))
    }

    fn entity_ending_at(&self, token: usize) -> Option<&Entity> {
        let end = self.seg.tokens.get(token)?.span.end;
        let idx = self.entities.partition_point(|e| e.span.end < end);
        self.entities.get(idx).filter(|e| e.span.end == end && self.can_speak(idx))
    }

    /// Whether the entity at this index is a person, an organisation or a name that speaks.
    fn can_speak(&self, index: usize) -> bool {
        if self.one_word_person_after_the(index) {
            return false;
        }
        matches!(self.entities[index].kind, EntityKind::Person | EntityKind::Org)
            || self.speaking_names.get(index).copied().unwrap_or(false)
    }

    /// `the Finn said`, `the Pole`: a person's one-word name never takes a lower-case `the`, so a word that the
    /// entity stage made a person there (a first name that is also a nationality or a role) names no one.
    fn one_word_person_after_the(&self, index: usize) -> bool {
        let seg = self.seg;
        let entity = &self.entities[index];
        let first = token_at(seg, entity.span.start);
        entity.kind == EntityKind::Person
            && !entity.span.slice(seg.text).contains(' ')
            && first.checked_sub(1).is_some_and(|before| seg.is_word(before) && seg.word(before) == "the")
    }

    /// Whether `byte` lies inside a quotation. Quotes are sorted by start and rarely nest, so the last
    /// quote starting at or before `byte` (and the few nested in it) decide.
    fn inside_quote(&self, byte: usize) -> bool {
        let idx = self.quote_spans.partition_point(|q| q.start <= byte);
        self.quote_spans[..idx].iter().rev().take(4).any(|q| byte < q.end)
    }

    /// The person a lone first name or surname at `token` names, when no stage made it a person: the one with
    /// that first or last word whose full mention comes nearest before `before_byte` (two people sharing a
    /// surname stay apart). None when no one named before has that name.
    fn person_by_name_part(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        let seg = self.seg;
        if !seg.is_word(token) || !seg.word(token).starts_with(char::is_uppercase) {
            return None;
        }
        let mentions = self.name_parts.get(seg.word(token))?;
        let byte = before_byte.min(seg.tokens[token].span.start);
        let before = mentions.partition_point(|&(start, _)| start < byte);
        let (_, group) = mentions[before.checked_sub(1)?];
        Some((self.groups[group].name.clone(), Some(group)))
    }

    /// The speaker under the fullest name the text gives: a person known by one word ("Kwabena", "Okoro") that
    /// linking left apart is the person whose full name has that first or last word, nearest before the quote
    /// (two people sharing it stay apart). Anyone else is returned as is.
    fn fullest_person(&self, speaker: Speaker, quote_start: usize) -> Speaker {
        let speaker = without_a_leading_speech_verb(speaker);
        let is_person = speaker.1.is_some_and(|g| matches!(self.groups[g].kind, EntityKind::Person | EntityKind::Misc));
        let speaker = without_an_affiliation(speaker, is_person);
        let speaker = if is_person { without_a_title(speaker) } else { speaker };
        let (name, group) = &speaker;
        let one_word_person = !name.contains(' ') && group.is_some_and(|g| self.groups[g].kind == EntityKind::Person);
        if !one_word_person {
            // A surname opening with a short particle (`Ben Salah`, `El Amrani`, `Te Rangi`) may have been typed
            // as the whole name: a given name no list knows written right before it joins it, as for one word.
            let mut words = name.split(' ');
            let particle = words.next().is_some_and(|w| w.chars().count() <= 3);
            let surname_only = words.count() == 1 && group.is_some_and(|g| self.groups[g].kind == EntityKind::Person);
            if particle && surname_only {
                return self.with_the_given_name_before(speaker, quote_start);
            }
            return speaker;
        }
        let Some(mentions) = self.name_parts.get(name.as_str()) else {
            let speaker = self.with_the_surname_after(speaker, quote_start);
            if speaker.0.contains(' ') {
                return speaker;
            }
            return self.with_the_given_name_before(speaker, quote_start);
        };
        // The nearest full mention before the quote, else (a headline's `Okafor: ‘…’` over its story) the first after.
        let before = mentions.partition_point(|&(start, _)| start < quote_start);
        match before.checked_sub(1).or((before < mentions.len()).then_some(before)) {
            Some(i) => without_a_leading_speech_verb((self.groups[mentions[i].1].name.clone(), Some(mentions[i].1))),
            None => speaker,
        }
    }

    /// A person the entity stage knows by the given name alone because linking gave the surname to a relative
    /// (`The brothers Kofi Mensah and Yaw Mensah …`: `Yaw`, and `Mensah` joined to Kofi) is named with the
    /// one-word person written right after one of its mentions, the nearest before the quote (at most
    /// [`PRONOUN_REACH`] entities back).
    fn with_the_surname_after(&self, speaker: Speaker, quote_start: usize) -> Speaker {
        let Some(group) = speaker.1 else { return speaker };
        let before = self.entities.partition_point(|e| e.span.end <= quote_start);
        let surname =
            (0..before).rev().take(PRONOUN_REACH).filter(|&i| self.entities[i].group == group).find_map(|i| {
                let (mention, next) = (&self.entities[i], self.entities.get(i + 1)?);
                let word = next.span.slice(self.seg.text);
                let adjacent = next.span.start == mention.span.end + 1
                    && self.seg.text.as_bytes().get(mention.span.end) == Some(&b' ');
                (adjacent && next.kind == EntityKind::Person && next.group != group && !word.contains(' '))
                    .then_some(word)
            });
        match surname {
            Some(surname) => (format!("{} {surname}", speaker.0), speaker.1),
            None => speaker,
        }
    }

    /// A person the entity stage knows by the surname alone because the given name is in no list
    /// (`Oleksandr Kovalenko, a farmer, …` typed `Kovalenko`) is named with the capitalised word written right
    /// before one of its mentions, the nearest before the quote (at most [`PRONOUN_REACH`] entities back): not
    /// a title, role, common word, nationality or known name.
    fn with_the_given_name_before(&self, speaker: Speaker, quote_start: usize) -> Speaker {
        let Some(group) = speaker.1 else { return speaker };
        let seg = self.seg;
        let before = self.entities.partition_point(|e| e.span.end <= quote_start);
        let given =
            self.entities[..before].iter().rev().take(PRONOUN_REACH).filter(|e| e.group == group).find_map(|e| {
                let word = token_at(seg, e.span.start).checked_sub(1).filter(|&w| seg.is_word(w))?;
                let text = seg.word(word);
                let plain = text.chars().next().is_some_and(char::is_uppercase)
                    && text.chars().skip(1).all(char::is_lowercase)
                    && seg.tokens[word].span.end + 1 == e.span.start
                    && !crate::lexicon::is_title(text)
                    && !crate::lexicon::is_role_before_names_any_case(text)
                    && !is_role_noun(text)
                    && !is_demonym(text)
                    && !crate::lexicon::is_common_word(&crate::case::lowercase(text))
                    && !crate::lexicon::is_place(text)
                    && !crate::lexicon::is_org(text)
                    && !crate::lexicon::is_speech_verb(&crate::case::lowercase(text))
                    && !HONORIFICS.contains(&text);
                plain.then_some(text)
            });
        match given {
            Some(given) => (format!("{given} {}", speaker.0), speaker.1),
            None => speaker,
        }
    }

    /// Whether the entity is an author named in a byline.
    fn in_byline(&self, entity: &Entity) -> bool {
        let line = self.seg.tokens.get(token_at(self.seg, entity.span.start)).map(|t| t.line);
        line.is_some_and(|l| self.byline_lines[l])
    }

    fn name_of(&self, entity: &Entity) -> Speaker {
        match self.lone_surname_holder(entity) {
            Some(Some(group)) => (self.groups[group].name.clone(), Some(group)),
            Some(None) => (NO_ONE_FOR_SURE.to_string(), None),
            None => (self.groups[entity.group].name.clone(), Some(entity.group)),
        }
    }

    /// A lone surname (`Castellanos said`) that linking joined to one person, when it is also the surname of
    /// another person named in full before it (`Judge Miriam Castellanos and her husband, Rafael Castellanos`):
    /// either may be meant, so it names no one for sure (`Some(None)`). A title of sex before it (`Mrs Boateng`)
    /// tells them apart when the first names say one sex each: the one holder whose first name does not
    /// contradict it (`Some(Some(group))`), else no one. `None` when the surname is one person's. At most
    /// [`PRONOUN_REACH`] full mentions back.
    fn lone_surname_holder(&self, entity: &Entity) -> Option<Option<usize>> {
        let seg = self.seg;
        let word = entity.span.slice(seg.text);
        let name = &self.groups[entity.group].name;
        let lone_surname = entity.kind == EntityKind::Person
            && !word.contains(' ')
            && name.contains(' ')
            && name.rsplit(' ').next() == Some(word);
        if !lone_surname {
            return None;
        }
        let mentions = self.name_parts.get(word)?;
        let before = mentions.partition_point(|&(start, _)| start < entity.span.start);
        let mut holders: Vec<usize> = Vec::new();
        for &(_, group) in mentions[..before].iter().rev().take(PRONOUN_REACH) {
            let holds = self.groups[group].name.rsplit(' ').next() == Some(word);
            if holds && !holders.iter().any(|&h| self.groups[h].name == self.groups[group].name) {
                holders.push(group);
            }
        }
        if holders.len() < 2 {
            return None;
        }
        // The title's sex against each holder's first name (a title before a mention says nothing here: linking
        // may have joined `Mr X` to the wrong holder).
        let title_female = token_at(seg, entity.span.start).checked_sub(1).filter(|&t| seg.is_word(t)).and_then(|t| {
            match seg.word(t).trim_end_matches('.') {
                "Mrs" | "Ms" | "Miss" => Some(true),
                "Mr" => Some(false),
                _ => None,
            }
        });
        let Some(female) = title_female else { return Some(None) };
        // A writer who tells two people apart by a title gives them two sexes: the one holder whose first name
        // has the title's sex, else the one whose first name does not have the other.
        let sex_of = |g: usize| {
            crate::lexicon::first_name_is_female(self.groups[g].name.split(' ').next()?).or(self.kin_sexes[g])
        };
        let matching: Vec<usize> = holders.iter().copied().filter(|&g| sex_of(g) == Some(female)).collect();
        let fitting: Vec<usize> = holders.iter().copied().filter(|&g| sex_of(g) != Some(!female)).collect();
        Some(match (matching.as_slice(), fitting.as_slice()) {
            ([only], _) | ([], [only]) => Some(*only),
            _ => None,
        })
    }

    /// Whether the entity starting at `byte` follows "spokesman/spokeswoman/spokesperson for (the)".
    fn after_spokesperson(&self, byte: usize) -> bool {
        let seg = self.seg;
        let at = token_at(seg, byte);
        let words: Vec<String> = (at.saturating_sub(3)..at)
            .filter(|&i| seg.is_word(i))
            .map(|i| crate::case::lowercase(seg.word(i)))
            .collect();
        let n = words.len();
        let for_at = match words.last().map(String::as_str) {
            Some("the") if n >= 2 && words[n - 2] == "for" => n - 2,
            Some("for") => n - 1,
            _ => return false,
        };
        for_at >= 1 && matches!(words[for_at - 1].as_str(), "spokesman" | "spokeswoman" | "spokesperson")
    }

    /// The most recent person before `byte` who was the subject of a sentence (its first person,
    /// outside quotations): "he" and "she" usually continue the subject, not the last name mentioned.
    fn recent_person(&self, byte: usize) -> Option<Speaker> {
        let idx = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= byte);
        let subject = idx.checked_sub(1).map(|i| &self.entities[self.sentence_subjects[i]]);
        // A newer subject no stage named (`Yerlan Nurgaliyev coaches the team.`) is meant when no one named
        // before could be; else no one is.
        if let Some(name) = self.unknown_subject(subject.map_or(0, |s| s.span.start), byte) {
            return subject.is_none().then(|| (name.slice(self.seg.text).to_string(), None));
        }
        subject.map(|s| self.name_of(s))
    }

    /// Whom the pronoun at token `pronoun` ("he", "she", "him", "her"; named before `byte`) refers to: the most
    /// recent sentence subject, when its sex (first name or title) is not the other one; else the nearest
    /// person named before (at most [`PRONOUN_REACH`] mentions back) whose sex is not. None when no one fits.
    fn pronoun_referent(&self, pronoun: usize, byte: usize) -> Option<Speaker> {
        // Someone named after the pronoun is no referent of it ("He said his predecessor, Fiona Hill, …").
        let byte = byte.min(self.seg.tokens[pronoun].span.start);
        let female = matches!(crate::case::lowercase(self.seg.word(pronoun)).as_str(), "she" | "her");
        let fits = |e: &Entity| e.kind != EntityKind::Person || self.group_is_female[e.group] != Some(!female);
        let idx = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= byte);
        let subject = idx.checked_sub(1).map(|i| &self.entities[self.sentence_subjects[i]]);
        let opener = self.name_part_openers.partition_point(|&(start, _)| start < byte).checked_sub(1);
        let kin = self.kin_openers.partition_point(|(start, _, _)| *start < byte).checked_sub(1);
        let newest = [
            subject.map(|s| s.span.start),
            opener.map(|i| self.name_part_openers[i].0),
            kin.map(|i| self.kin_openers[i].0),
        ]
        .into_iter()
        .flatten()
        .max();
        // `Tshering Wangchuk Dorji has farmed here for years. “…,” he said.`: the newest subject is someone no
        // stage named. They are meant when the subject before them cannot be (another sex, or no person);
        // when both could be, no one is.
        if let Some(name) = self.unknown_subject(newest.unwrap_or(0), byte) {
            let name = name.slice(self.seg.text);
            let first = name.split(' ').next().unwrap_or(name);
            if crate::lexicon::first_name_is_female(first) != Some(!female) {
                let earlier_fits = subject.is_some_and(|s| s.kind == EntityKind::Person && fits(s));
                return (!earlier_fits).then(|| (name.to_string(), None));
            }
        }
        // A later sentence opened by a lone name part ("Seo was delighted.") has that person as its subject.
        if let Some(&(start, group)) = opener.map(|i| &self.name_part_openers[i]) {
            if subject.is_none_or(|s| s.span.start < start) && self.group_is_female[group] != Some(!female) {
                return Some((self.groups[group].name.clone(), Some(group)));
            }
        }
        // A later sentence opened by a relative no stage named (`His daughter, Mereana, runs …`), of the
        // pronoun's sex, has that relative as its subject.
        if let Some((start, name, is_female)) = kin.map(|i| &self.kin_openers[i]) {
            let after_opener = opener.is_none_or(|i| self.name_part_openers[i].0 < *start);
            if subject.is_none_or(|s| s.span.start < *start) && after_opener && *is_female == female {
                return Some((name.clone(), None));
            }
        }
        let subject = subject?;
        if fits(subject) {
            // `Kofi Mensah and Yaw Boateng signed it. “…,” he said.`: a subject of two people, both fitting, is
            // either of them.
            // So does a list of them (`X, Y and Z were released`), not a name in the possessive (`X, Y's lawyer,`).
            let and = token_at(self.seg, subject.span.end);
            let joined = (self.seg.is_word(and) && self.seg.word(and) == "and") || self.seg.is_punct(and, ',');
            // `X and his nephew, Y,`: the partner in apposition to a relative or a role.
            let in_apposition = || {
                let seg = self.seg;
                let owner = and + 1;
                let comma = (owner + 1..seg.tokens.len().min(owner + 1 + APPOSITION_DETERMINER_REACH))
                    .take_while(|&i| seg.is_word(i) || seg.is_punct(i, ','))
                    .find(|&i| seg.is_punct(i, ','));
                let owned = seg.is_word(owner) && is_possessive_determiner(seg.word(owner));
                comma.filter(|_| owned).and_then(|c| self.entity_at(c + 1))
            };
            let partner = joined.then(|| self.entity_at(and + 1).or_else(in_apposition)).flatten().filter(|p| {
                p.kind == EntityKind::Person
                    && p.group != subject.group
                    && fits(p)
                    && !self.seg.is_possessive(token_at(self.seg, p.span.end))
            });
            return partner.is_none().then(|| self.name_of(subject));
        }
        let before = self.entities.partition_point(|e| e.span.end <= byte);
        (0..before)
            .rev()
            .take(PRONOUN_REACH)
            .filter(|&i| !self.one_word_person_after_the(i))
            .map(|i| &self.entities[i])
            .filter(|e| e.kind == EntityKind::Person && !self.inside_quote(e.span.start) && !self.in_byline(e))
            .find(|e| fits(e))
            .map(|e| self.name_of(e))
    }

    /// The name of the newest sentence opener no stage knows before byte `before`, when it starts after `since`.
    fn unknown_subject(&self, since: usize, before: usize) -> Option<Span> {
        let idx = self.unknown_name_openers.partition_point(|name| name.start < before);
        idx.checked_sub(1).map(|i| self.unknown_name_openers[i]).filter(|name| name.start > since)
    }

    /// Whether the name starting at `byte` is the agent of a "by" phrase: "by" at most [`AGENT_REACH_TOKENS`]
    /// tokens before it ("by his media aide, Yusuph …"), with no verb of speech between.
    fn after_by(&self, byte: usize) -> bool {
        let seg = self.seg;
        let at = token_at(seg, byte);
        (at.saturating_sub(AGENT_REACH_TOKENS)..at)
            .rev()
            .take_while(|&i| !self.is_verb_of_speech(i) && !seg.is_punct(i, '.'))
            .any(|i| seg.is_word(i) && seg.word(i) == "by")
    }

    /// `Asked about doubts, Marlowe said no. “…”`: a quote with no cue right after a sentence of its paragraph
    /// that reports someone speaking is that speaker's.
    fn previous_sentence_cue(&self, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let open = token_at(seg, quote.start).checked_sub(1)?;
        let end = open.checked_sub(1)?;
        let line = seg.tokens[open].line;
        let ended = seg.tokens[end].line == line
            && matches!(seg.tokens[end].span.slice(seg.text), "." | "!" | "?")
            && !self.inside_quote(seg.tokens[end].span.start);
        if !ended {
            return None;
        }
        let sentence = seg.tokens[end.checked_sub(1)?].sentence;
        let mut first = end;
        while first > 0 && end - first < CUE_WINDOW_TOKENS {
            let t = &seg.tokens[first - 1];
            if t.line != line || t.sentence != sentence || self.inside_quote(t.span.start) {
                break;
            }
            first -= 1;
        }
        let window: Vec<usize> = (first..end).collect();
        let verb = window.iter().rposition(|&i| self.is_verb_of_speech(i))?;
        self.nearest_subject(&window[..verb], quote.start)
    }

    /// A paragraph that is only a quote in the first person, with no cue, right after a paragraph about
    /// someone ("Marlowe grew up in Killarney. ¶ “I was always singing.”"): the person that paragraph's last
    /// subject is. None when the quote does not speak as "I" or "we", or that subject is further back.
    fn previous_paragraph_subject(&self, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let open = token_at(seg, quote.start).checked_sub(1)?;
        let line = seg.tokens[open].line;
        let last_before = open.checked_sub(1)?;
        let alone = seg.lines[line].tokens.0 == open && seg.lines[line].tokens.1 <= token_at(seg, quote.end) + 2;
        let first_person =
            quote.slice(seg.text).split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'').any(|w| {
                matches!(
                    w,
                    "I" | "I’m"
                        | "I'm"
                        | "I’ve"
                        | "I've"
                        | "I’d"
                        | "I'd"
                        | "me"
                        | "my"
                        | "My"
                        | "we"
                        | "We"
                        | "our"
                        | "Our"
                )
            });
        if !alone {
            return None;
        }
        // A quote not in the first person is theirs only when the paragraph ended by reporting them speaking
        // (`In an interview he said he would step down. ¶ “Six years is enough.”`): the reported words go on.
        let reported = if first_person { None } else { Some(self.speaker_of_the_last_sentence(last_before, quote)?) };
        let idx = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= quote.start);
        let subject = idx.checked_sub(1).map(|i| &self.entities[self.sentence_subjects[i]]);
        let line_of = |start: usize| seg.tokens.get(token_at(seg, start)).map(|t| t.line);
        let previous_line = Some(seg.tokens[last_before].line);
        // A subject no stage named, newer than the last one found, in that paragraph: theirs when the paragraph
        // names no one else as a subject; else no one's.
        if let Some(name) = self.unknown_subject(subject.map_or(0, |s| s.span.start), quote.start) {
            let rival = subject.is_some_and(|s| line_of(s.span.start) == previous_line);
            let theirs = line_of(name.start) == previous_line && !rival && reported.is_none();
            return theirs.then(|| (name.slice(seg.text).to_string(), None));
        }
        let subject = subject?;
        let found = (line_of(subject.span.start) == previous_line).then(|| self.name_of(subject))?;
        match reported {
            Some(reported) if reported.1.is_none() || reported.1 != found.1 => None,
            _ => Some(found),
        }
    }

    /// The speaker of the sentence that ends at token `last` (the paragraph before a quote) when it reports
    /// someone speaking (`… he said he would step down after the World Cup.`): the subject of its first verb of
    /// speech, outside quotes.
    fn speaker_of_the_last_sentence(&self, last: usize, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let (line, sentence) = (seg.tokens[last].line, seg.tokens[last].sentence);
        if !seg.is_punct(last, '.') || self.inside_quote(seg.tokens[last].span.start) {
            return None;
        }
        let mut first = last;
        while first > 0 && last - first < CUE_WINDOW_TOKENS {
            let t = &seg.tokens[first - 1];
            if t.line != line || t.sentence != sentence || self.inside_quote(t.span.start) {
                break;
            }
            first -= 1;
        }
        let window: Vec<usize> = (first..last).collect();
        let verb = window.iter().position(|&i| self.is_verb_of_speech(i))?;
        // The reported words are the speaker's own only when the speaker is their subject too (`he said he would
        // step down`, `she told members she would not resign`); `X said protesters had chanted …` or `X said the
        // defendant wrote …` goes on with someone else's words.
        let own_words = window[verb + 1..]
            .iter()
            .take(REPORTED_SUBJECT_TOKENS)
            .any(|&i| seg.is_word(i) && matches!(seg.word(i), "he" | "she" | "they" | "we" | "I"));
        if !own_words {
            return None;
        }
        self.nearest_subject(&window[..verb], quote.start)
    }

    /// `“…,” said A. ¶ B walked out. ¶ “…”`: whether a paragraph between the last attributed quote's line and
    /// this quote has a subject who is someone else than that quote's speaker. The cue-less quote may then be
    /// B's as well as A's: it continues no one.
    /// Whether a live blog's new entry opens after `speaker_line`, up to `quote_line`: a paragraph that starts
    /// with a time (`12:05`, `9.40am`). Each entry is its own report, so a cue-less quote continues no earlier
    /// entry's speaker.
    fn new_entry_between(&self, speaker_line: usize, quote_line: usize) -> bool {
        let seg = self.seg;
        let digit = |i: usize| seg.is_word(i) && seg.word(i).starts_with(|c: char| c.is_ascii_digit());
        (speaker_line + 1..=quote_line).any(|l| {
            let first = seg.lines[l].tokens.0;
            let one_token = digit(first) && seg.word(first).contains([':', '.']);
            let three_tokens =
                digit(first) && (seg.is_punct(first + 1, ':') || seg.is_punct(first + 1, '.')) && digit(first + 2);
            first < seg.lines[l].tokens.1 && (one_token || three_tokens)
        })
    }

    fn another_subject_between(&self, speaker_line: usize, quote_start: usize, speaker: &Speaker) -> bool {
        let seg = self.seg;
        let idx = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= quote_start);
        let Some(subject) = idx.checked_sub(1).map(|i| &self.entities[self.sentence_subjects[i]]) else {
            return false;
        };
        let subject_line = seg.tokens.get(token_at(seg, subject.span.start)).map_or(0, |t| t.line);
        let quote_line = seg.tokens.get(token_at(seg, quote_start)).map_or(0, |t| t.line);
        let someone_else = match speaker.1 {
            Some(group) => group != subject.group,
            None => self.groups[subject.group].name != speaker.0,
        };
        subject_line > speaker_line && subject_line < quote_line && someone_else
            || self.unknown_subject_between(speaker_line, quote_line, speaker)
    }

    /// Whether a sentence opened by a name no stage knows ([`unknown_name_openers`]) stands on a line between the
    /// speaker's and the quote's (`“…,” said A. ¶ Shopkeeper Nasrin Jafari has closed her store. ¶ “…”`): a
    /// subject who is someone else, as a named one would be.
    fn unknown_subject_between(&self, speaker_line: usize, quote_line: usize, speaker: &Speaker) -> bool {
        let seg = self.seg;
        let Some(quote_start) = seg.lines.get(quote_line).map(|l| l.span.start) else { return false };
        let idx = self.unknown_name_openers.partition_point(|name| name.start < quote_start);
        let Some(name) = idx.checked_sub(1).map(|i| self.unknown_name_openers[i]) else { return false };
        let name_line = seg.tokens.get(token_at(seg, name.start)).map_or(0, |t| t.line);
        name_line > speaker_line && name_line < quote_line && name.slice(seg.text) != speaker.0
    }

    /// Headline fallback: the first person or organisation on a short line before the quote
    /// ("Chelsea Handler Won’t Interview Melania Trump: ‘She Can Barely Speak English’").
    fn headline_subject(&self, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let open = token_at(seg, quote.start).checked_sub(1)?;
        let line_no = seg.tokens[open].line;
        if self.line_words[line_no] > HEADLINE_WORDS {
            return None;
        }
        let line = &seg.lines[line_no];
        // Only the line's subject speaks: the name that opens it ("Third of Cambridge University staff
        // 'have experienced bullying'" is said by no one the line names).
        let first_word = (line.tokens.0..open).find(|&i| seg.is_word(i))?;
        // A sentence of prose before the quote ("Marlowe won the prize in 2010. “…”") is no headline.
        if (line.tokens.0..open).any(|i| seg.is_punct(i, '.')) {
            return None;
        }
        match self.entity_at(first_word).filter(|e| !is_role_alone(seg, e)) {
            Some(e) => Some(self.name_of(e)),
            None => self.headline_role_colon(first_word, open, quote),
        }
    }

    /// `Coach: ‘We were robbed’` over its story: a headline whose only words before the colon and the quote
    /// are a role (`Coach`, `Striker`, `Former minister`) is the person the next lines name with that role
    /// (`Toluca coach Emiliano Ruiz blamed …`), at most [`HEADLINE_ROLE_LINES`] lines below; so is one whose
    /// role is the subject of a verb of speech instead of the colon (`Minister vows ‘…’`).
    fn headline_role_colon(&self, first_word: usize, open: usize, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let colon = open.checked_sub(1).filter(|&c| seg.is_punct(c, ':') || self.is_verb_of_speech(c))?;
        let role = colon.checked_sub(1).filter(|&r| r >= first_word && seg.is_word(r))?;
        let only_words = (first_word..colon).all(|i| seg.is_word(i));
        if !only_words || colon - first_word > ROLE_SPAN_WORDS || !is_role_noun(seg.word(role)) {
            return None;
        }
        let line = seg.tokens[open].line;
        let holders = self.role_mentions.get(&crate::case::lowercase(seg.word(role)))?;
        let below = holders.partition_point(|&e| self.entities[e].span.start < quote.end);
        let holder = &self.entities[*holders.get(below)?];
        let holder_line = seg.tokens.get(token_at(seg, holder.span.start))?.line;
        (holder_line <= line + HEADLINE_ROLE_LINES).then(|| self.name_of(holder))
    }

    /// "the minister", "the former Senate President", "the 31-year-old actress": a role noun led by a definite
    /// article, perhaps across a few modifiers. Without the article a role introduces someone new ("Ex-Ukraine
    /// ambassador says …" in a list of headlines).
    fn is_definite_role(&self, token: usize) -> bool {
        let seg = self.seg;
        if !seg.is_word(token) {
            return false;
        }
        // A role noun that only stands before names (`drummer`, `chef`) refers back too, to someone the text
        // named with it (`its drummer, Lars Eriksen`), never to whoever was last the subject.
        let named_with_it = || {
            let lower = crate::case::lowercase(seg.word(token));
            crate::lexicon::is_role_before_names(&lower) && self.role_mentions.contains_key(&lower)
        };
        if !is_role_noun(seg.word(token)) && !named_with_it() {
            return false;
        }
        (token.saturating_sub(ROLE_SPAN_WORDS)..token)
            .rev()
            .take_while(|&i| seg.is_word(i))
            .any(|i| matches!(seg.word(i), "the" | "The" | "this" | "This"))
    }

    /// Whether the article leading the definite role at `token` follows a preposition ("close to the singer",
    /// "a friend of the minister").
    fn role_after_a_preposition(&self, token: usize) -> bool {
        let seg = self.seg;
        let article = (token.saturating_sub(ROLE_SPAN_WORDS)..token)
            .rev()
            .take_while(|&i| seg.is_word(i))
            .find(|&i| matches!(seg.word(i), "the" | "The" | "this" | "This"));
        article.and_then(|a| a.checked_sub(1)).is_some_and(|before| {
            seg.is_word(before)
                && matches!(
                    crate::case::lowercase(seg.word(before)).as_str(),
                    "to" | "of"
                        | "for"
                        | "with"
                        | "near"
                        | "about"
                        | "from"
                        | "behind"
                        | "around"
                        | "among"
                        | "alongside"
                )
        })
    }

    /// The person a definite role refers to: the most recent one named with that role as a title or an
    /// appositive, else the most recent sentence subject when that sentence names no one else (after `X beat
    /// Y`, `the 34-year-old` may be either: none).
    fn role_holder(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        let role = crate::case::lowercase(self.seg.word(token));
        let holders = self.role_mentions.get(&role).map_or(&[][..], Vec::as_slice);
        let before = holders.partition_point(|&e| self.entities[e].span.end <= before_byte);
        match before.checked_sub(1) {
            Some(i) => {
                // Two people named with the role in one sentence (`Hearts coach X and Kotoko coach Y`, `Finance
                // Minister X met Trade Minister Y`): `the coach` may be either, and none beats a wrong guess.
                let holder = &self.entities[holders[i]];
                let sentence_of =
                    |e: &Entity| self.seg.tokens.get(token_at(self.seg, e.span.start)).map(|t| t.sentence);
                let rival = i.checked_sub(1).map(|j| &self.entities[holders[j]]);
                let shared = rival.is_some_and(|r| r.group != holder.group && sentence_of(r) == sentence_of(holder));
                (!shared).then(|| self.name_of(holder))
            }
            None if is_role_noun(&role) => {
                // An age no one was named with is not the recent subject's when the text gave theirs (`Ahmed
                // Saleh, 45, and his son, 12, …`: `the 12-year-old` is the son).
                let subject = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= before_byte);
                let other_age = role.ends_with("-year-old")
                    && subject.checked_sub(1).is_some_and(|i| self.stated_age(self.sentence_subjects[i]).is_some());
                if other_age {
                    return None;
                }
                self.recent_person(before_byte).filter(|_| !self.recent_subject_has_company(before_byte))
            }
            None => None,
        }
    }

    /// `the Inspector-General said`: a capitalised title alone after `the` (which the entity stage may have kept
    /// as a name) is the person last named with that title before the name, within [`ROLE_REACH_TOKENS`]
    /// tokens on its line (`The Inspector-General of Police, Adamu Bako,`), at most [`PRONOUN_REACH`] mentions
    /// back. None when no one was.
    fn title_holder(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        let seg = self.seg;
        let title = seg.is_word(token).then(|| seg.word(token)).filter(|w| crate::lexicon::is_title(w))?;
        let after_the = token > 0 && seg.is_word(token - 1) && seg.word(token - 1).eq_ignore_ascii_case("the");
        if !after_the || !title.starts_with(char::is_uppercase) {
            return None;
        }
        let before = self.entities.partition_point(|e| e.span.end <= before_byte);
        self.entities[..before]
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .filter(|e| e.kind == EntityKind::Person && !self.inside_quote(e.span.start))
            .find(|e| {
                let first = token_at(seg, e.span.start);
                let line = seg.tokens[first].line;
                // Only the rest of the title's phrase between them: `of`, `the`, capitalised words, a comma.
                let of_the_title = |i: usize| {
                    seg.is_punct(i, ',')
                        || (seg.is_word(i)
                            && (matches!(seg.word(i), "of" | "the") || seg.word(i).starts_with(char::is_uppercase)))
                };
                (first.saturating_sub(ROLE_REACH_TOKENS)..first).rev().take_while(|&i| of_the_title(i)).any(|i| {
                    seg.tokens[i].line == line && seg.word(i) == title && !self.inside_quote(seg.tokens[i].span.start)
                })
            })
            .map(|e| self.name_of(e))
    }

    /// The age written in apposition right after this mention (`Dilnoza Rahimova, 22,`), if any.
    fn stated_age(&self, entity: usize) -> Option<&str> {
        crate::entities::age_in_commas(self.seg, token_at(self.seg, self.entities[entity].span.end))
    }

    /// Who answers in an interview's `A: “…”`: the most recent sentence subject before `byte` that is no label
    /// (`Q`, `A`), at most [`ORGANISATION_REACH`] subjects back.
    fn interviewee(&self, byte: usize) -> Option<Speaker> {
        let idx = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= byte);
        self.sentence_subjects[..idx]
            .iter()
            .rev()
            .take(ORGANISATION_REACH)
            .map(|&e| self.name_of(&self.entities[e]))
            .find(|(name, _)| !names_no_one(name))
    }

    /// `the Brazilian` (a capitalised nationality right after "the", as the verb's subject): the person last
    /// named before `before_byte` with it before the name (`Brazilian Gabriel Nascimento`). None when no one was.
    fn nationality_holder(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        let seg = self.seg;
        let word = seg.word(token);
        let after_the = token > 0 && seg.is_word(token - 1) && seg.word(token - 1).eq_ignore_ascii_case("the");
        if !after_the || !word.starts_with(char::is_uppercase) || !is_demonym(word) {
            return None;
        }
        let holders = self.role_mentions.get(&crate::case::lowercase(word))?;
        let before = holders.partition_point(|&e| self.entities[e].span.end <= before_byte);
        Some(self.name_of(&self.entities[holders[before.checked_sub(1)?]]))
    }

    /// Whether the sentence of the most recent sentence subject before `byte` also names another person
    /// (outside quotations): a bounded look at the entities of that one sentence.
    fn recent_subject_has_company(&self, byte: usize) -> bool {
        let idx = self.sentence_subjects.partition_point(|&e| self.entities[e].span.end <= byte);
        let Some(&subject) = idx.checked_sub(1).map(|i| &self.sentence_subjects[i]) else { return false };
        let sentence_of = |e: &Entity| self.seg.tokens.get(token_at(self.seg, e.span.start)).map(|t| t.sentence);
        let sentence = sentence_of(&self.entities[subject]);
        let group = self.entities[subject].group;
        self.entities[subject + 1..]
            .iter()
            .take(SENTENCE_ENTITY_REACH)
            .take_while(|e| sentence_of(e) == sentence)
            .any(|e| self.can_speak_as_person(e) && e.group != group && !self.inside_quote(e.span.start))
    }

    /// Whether the entity is a person, or a name the entity stage left MISC that speaks like one.
    fn can_speak_as_person(&self, entity: &Entity) -> bool {
        entity.kind == EntityKind::Person
            || (entity.kind == EntityKind::Misc && entity.span.slice(self.seg.text).split(' ').count() >= 2)
    }

    /// A speech verb at `token`, not the noun of the same spelling after a determiner ("the report says").
    fn is_verb_of_speech(&self, token: usize) -> bool {
        let seg = self.seg;
        let determined = || {
            token > 0
                && seg.is_word(token - 1)
                && matches!(
                    crate::case::lowercase(seg.word(token - 1)).as_str(),
                    "the" | "a" | "an" | "this" | "its" | "new"
                )
        };
        if !seg.is_word(token) {
            return false;
        }
        // "As Marlowe put it, “…”": an idiom of quoting.
        let puts_it =
            matches!(seg.word(token), "put" | "puts") && seg.is_word(token + 1) && seg.word(token + 1) == "it";
        puts_it || (is_speech_verb(seg.word(token)) && !(is_document_noun(seg.word(token)) && determined()))
    }

    /// Who wrote the report, study or statement the document noun at `token` names: the author given for this
    /// very mention ("a report by X"), else the nearest one given before it, else the first one after it ("…,
    /// says a report. The report by X claims …"). None when the document never says.
    fn document_author(&self, token: usize) -> Option<Speaker> {
        let authors = &self.document_authors;
        let at = authors.partition_point(|&(t, _)| t < token);
        let seg = self.seg;
        let noun = seg.word(token);
        let chosen = match authors.get(at) {
            Some(&(t, e)) if t == token => e,
            // `the letter said`: the author of an earlier letter, never a report's.
            _ if is_authored_document_noun(noun) => {
                authors[..at].iter().rev().find(|&&(t, _)| seg.word(t).eq_ignore_ascii_case(noun)).map(|&(_, e)| e)?
            }
            _ => at.checked_sub(1).or((at < authors.len()).then_some(at)).map(|i| authors[i].1)?,
        };
        Some(self.name_of(&self.entities[chosen]))
    }

    /// The speaker a subject token names: an entity, or a back reference resolved to a person.
    fn subject(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        // A title alone that the entity stage kept as a name (`the Inspector-General`) is a role, below.
        let entity = self.entity_ending_at(token).or_else(|| self.entity_at(token));
        if let Some(e) = entity.filter(|e| !crate::lexicon::is_title(e.span.slice(self.seg.text))) {
            return Some(self.name_of(e));
        }
        if let Some(person) = self.person_by_name_part(token, before_byte) {
            return Some(person);
        }
        let seg = self.seg;
        if seg.is_word(token) && matches!(crate::case::lowercase(seg.word(token)).as_str(), "he" | "she") {
            return self.pronoun_referent(token, before_byte);
        }
        if self.is_definite_role(token) {
            return self.role_holder(token, before_byte);
        }
        if let Some(holder) = self.title_holder(token, before_byte) {
            return Some(holder);
        }
        if seg.is_word(token) && is_document_noun(seg.word(token)) {
            return self.document_author(token);
        }
        self.organisation_by_head_noun(token, before_byte)
            .or_else(|| self.organisation_referent(token, before_byte))
            .or_else(|| self.unnamed_acronym_subject(token))
    }

    /// "the DoD IG warns": a run of up to three abbreviations (two capitals or more each) after "the", that no
    /// stage typed, ending at `token`, speaks as the organisation it abbreviates, named as written.
    fn unnamed_acronym_subject(&self, token: usize) -> Option<Speaker> {
        let seg = self.seg;
        let abbreviation = |i: usize| seg.is_word(i) && seg.word(i).chars().filter(|c| c.is_uppercase()).count() >= 2;
        let mut first = token;
        while first > 0 && token - first < 3 && abbreviation(first - 1) {
            first -= 1;
        }
        let after_the = first > 0 && seg.is_word(first - 1) && seg.word(first - 1).eq_ignore_ascii_case("the");
        if !abbreviation(token) || !after_the || (first..=token).any(|i| self.entity_at(i).is_some()) {
            return None;
        }
        let name = &seg.text[seg.tokens[first].span.start..seg.tokens[token].span.end];
        Some((name.to_string(), None))
    }

    /// "it said" when the last sentence opened with an organisation; "the company said" (a generic noun for an
    /// organisation after "the"): the most recent organisation that opened a sentence, at most
    /// [`ORGANISATION_REACH`] sentences back. Never a person: "it" is not one.
    fn organisation_referent(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        let seg = self.seg;
        if !seg.is_word(token) {
            return None;
        }
        let word = crate::case::lowercase(seg.word(token));
        let byte = before_byte.min(seg.tokens[token].span.start);
        let openers =
            &self.clause_openers[..self.clause_openers.partition_point(|&e| self.entities[e].span.end <= byte)];
        let org = |e: &&usize| self.entities[**e].kind == EntityKind::Org;
        // "a spokesperson said", "a company spokeswoman told reporters": someone speaking for the organisation that
        // last opened a sentence, which the guideline names as the speaker.
        let determiner =
            |i: usize| seg.is_word(i) && matches!(crate::case::lowercase(seg.word(i)).as_str(), "a" | "an" | "the");
        let spokesperson = matches!(word.as_str(), "spokesperson" | "spokesman" | "spokeswoman")
            && token.checked_sub(1).is_some_and(|before| {
                determiner(before)
                    || (seg.is_word(before)
                        && ORGANISATION_NOUNS.contains(&crate::case::lowercase(seg.word(before)).as_str())
                        && before.checked_sub(1).is_some_and(determiner))
            });
        let found = if word == "it" {
            let Some(last) = openers.last().filter(org) else { return self.unknown_organisation_before(token) };
            Some(last)
        } else if word == "they" {
            // "they" is mostly people: an organisation only when it opened the sentence before the quote (the
            // quote and its cue count as one sentence more, the opening mark starting one).
            let sentence = seg.tokens[token].sentence;
            let recent = |e: &&usize| {
                let opened = seg.tokens.get(token_at(seg, self.entities[**e].span.start)).map_or(0, |t| t.sentence);
                sentence - opened.min(sentence) <= THEY_REACH_SENTENCES
            };
            // The organisation is the sentence's subject only when it opens it ("Students from Makerere
            // University marched …": the students).
            let opens = |e: &&usize| {
                let first = token_at(seg, self.entities[**e].span.start);
                let the = first.checked_sub(1).filter(|&t| seg.is_word(t) && seg.word(t) == "The");
                seg.starts_sentence(the.unwrap_or(first))
            };
            openers.last().filter(org).filter(recent).filter(opens)
        } else if spokesperson {
            openers.iter().rev().take(ORGANISATION_REACH).find(org)
        } else {
            // "the company", "the e-commerce giant", "the Chinese tech firm": "the" and at most a few modifiers.
            let after_the = (token.saturating_sub(ROLE_SPAN_WORDS)..token)
                .rev()
                .take_while(|&i| seg.is_word(i))
                .any(|i| seg.word(i).eq_ignore_ascii_case("the"));
            if !after_the || !ORGANISATION_NOUNS.contains(&word.as_str()) {
                return None;
            }
            openers.iter().rev().take(ORGANISATION_REACH).find(org)
        };
        found.map(|&e| self.name_of(&self.entities[e]))
    }

    /// `Harlow Biotech cut 300 jobs on Thursday. It said …`: `it` opening the sentence right after one opened by a
    /// name no stage knows ([`unknown_name_openers`]), newer than any named opener, is that name: `it` is never a
    /// person, so the name is an organisation's. Not a name whose first word is a known first name (a person's,
    /// and `it` is then something else).
    fn unknown_organisation_before(&self, token: usize) -> Option<Speaker> {
        let seg = self.seg;
        if !seg.starts_sentence(token) {
            return self.it_of_the_sentence_before(token);
        }
        let start = seg.tokens[token].span.start;
        let idx = self.unknown_name_openers.partition_point(|name| name.start < start);
        let name = *self.unknown_name_openers.get(idx.checked_sub(1)?)?;
        let name_token = token_at(seg, name.start);
        let previous_sentence = seg.tokens[name_token].sentence + 1 == seg.tokens[token].sentence;
        let named_since =
            self.clause_openers.last().is_some_and(|&e| (name.start..start).contains(&self.entities[e].span.start));
        let text = name.slice(seg.text);
        let a_persons = text.split(' ').next().is_some_and(crate::lexicon::is_first_name);
        // A thing the name's sentence brings in with an article (`X received a letter`, `X put up the sign`) is
        // as likely what `it` is, and its words are not the name's: a person with a first name no list knows
        // gets a letter as often as a company does.
        let a_thing_between =
            (name_token..token).any(|i| seg.is_word(i) && matches!(seg.word(i), "a" | "an" | "the" | "A" | "An"));
        (previous_sentence && seg.starts_sentence(name_token) && !named_since && !a_persons && !a_thing_between)
            .then(|| (text.to_string(), None))
    }

    /// `Solenne Cosmetics recalled … . It said … . “…,” it said.`: an `it` inside its sentence (a quote's cue)
    /// right after a sentence opened by `It` that [`Attribution::unknown_organisation_before`] made a name no
    /// stage knows is that name again. One sentence back, at most [`CUE_WINDOW_TOKENS`] tokens.
    fn it_of_the_sentence_before(&self, token: usize) -> Option<Speaker> {
        let seg = self.seg;
        let sentence = seg.tokens[token].sentence;
        let earlier = (token.saturating_sub(CUE_WINDOW_TOKENS)..token).rev();
        let last_of_previous = earlier.clone().find(|&i| seg.tokens[i].sentence + 1 == sentence)?;
        let first_of_previous = (last_of_previous.saturating_sub(CUE_WINDOW_TOKENS)..=last_of_previous)
            .find(|&i| seg.tokens[i].sentence + 1 == sentence && seg.is_word(i))?;
        (seg.word(first_of_previous) == "It" && seg.starts_sentence(first_of_previous))
            .then(|| self.unknown_organisation_before(first_of_previous))
            .flatten()
    }

    /// "the ministry said", "the union argues": an organisation referred back to by the noun its name ends
    /// with ("the police": holds). The most recent organisation before `before_byte` whose last word is that noun, if any.
    fn organisation_by_head_noun(&self, token: usize, before_byte: usize) -> Option<Speaker> {
        let seg = self.seg;
        if !seg.is_word(token) {
            return None;
        }
        // `police said` needs no article: the force is meant (`“…,” police said`, `Police said …`).
        let police = seg.word(token) == "police" || (seg.word(token) == "Police" && seg.starts_sentence(token));
        if !police && !seg.word(token).starts_with(char::is_lowercase) {
            return None;
        }
        // Lower-case words between "the" and the noun are more words of the name (`the sheriff's office` for
        // `X County Sheriff's Office`, `the port authority`): each must be one, or it is another body.
        let mut modifiers = Vec::new();
        let mut at = token;
        loop {
            at = match at.checked_sub(1) {
                Some(previous) => previous,
                None if police && at == token => break,
                None => return None,
            };
            if seg.is_possessive(at) {
                continue;
            }
            if !seg.is_word(at) || modifiers.len() > ROLE_SPAN_WORDS {
                if police && at + 1 == token {
                    break;
                }
                return None;
            }
            let word = seg.word(at);
            if word.eq_ignore_ascii_case("the") {
                break;
            }
            if !word.starts_with(char::is_lowercase) {
                return None;
            }
            modifiers.push(word);
        }
        let noun = crate::case::lowercase(seg.word(token));
        let in_name = |name: &str, word: &str| {
            name.split(' ').any(|w| w.trim_end_matches("'s").trim_end_matches("’s").eq_ignore_ascii_case(word))
        };
        let before = self.entities.partition_point(|e| e.span.end <= before_byte);
        self.entities[..before]
            .iter()
            .rev()
            .filter(|e| e.kind == EntityKind::Org)
            .find(|e| {
                let name = &self.groups[e.group].name;
                // A police force is named with "Police" anywhere: `the Lagos State Police Command`.
                if noun == "police" {
                    return name.split(' ').any(|word| word == "Police");
                }
                name.rsplit(' ').next().is_some_and(|last| last.eq_ignore_ascii_case(&noun))
                    && modifiers.iter().all(|m| in_name(name, m))
            })
            .map(|e| self.name_of(e))
    }

    /// The tokens after a quote where its cue may stand: to the end of the clause on its line, at most 40.
    fn cue_window(&self, quote: Span) -> Vec<usize> {
        let seg = self.seg;
        let close = token_at(seg, quote.end);
        let Some(mut line) = seg.tokens.get(close).map(|t| t.line) else { return Vec::new() };
        // A long quote that ends its line with a comma inside the marks has its attribution on the next line
        // (`“…, and nobody answered,” ¶ said Bolat Serikbayev, the village head.`): a line that opens in lower
        // case right after it goes on with the sentence.
        // Only a quote that stands alone on its line: one opened after words of a sentence (`a banner reading
        // “Hands off our river,” ¶ while the mayor … said`) is that sentence's, wrapped, and the next line is not
        // its attribution.
        let opens_its_line = token_at(seg, quote.start)
            .checked_sub(1)
            .is_some_and(|open| seg.tokens.get(open).is_some_and(|t| seg.lines[t.line].tokens.0 == open));
        let open_ended = opens_its_line && quote.slice(seg.text).trim_end().ends_with(',');
        let mut window = Vec::new();
        for i in close..seg.tokens.len().min(close + 40) {
            let t = &seg.tokens[i];
            if t.line != line {
                let goes_on = open_ended
                    && window.iter().all(|&w| !seg.is_word(w))
                    && seg.is_word(i)
                    && seg.word(i).starts_with(char::is_lowercase)
                    && (line + 1..t.line).all(|l| self.line_words[l] == 0);
                if !goes_on {
                    break;
                }
                line = t.line;
            }
            if i > close + 1
                && t.kind == TokenKind::Punct
                && matches!(t.span.slice(seg.text), "." | "“" | "!" | "?" | ";")
            {
                break;
            }
            if t.kind == TokenKind::Punct && matches!(t.span.slice(seg.text), "\"" | "«") && i > close + 1 {
                break;
            }
            window.push(i);
        }
        window
    }

    /// In the [`Attribution::cue_window`] of a quote, where its verb of speech stands, if it has one: not past a
    /// full stop inside the marks and a capitalised word (a new sentence), nor far past `!` or `?`.
    fn cue_verb(&self, quote: Span, window: &[usize]) -> Option<usize> {
        let seg = self.seg;
        let verb_pos = window.iter().position(|&i| self.is_verb_of_speech(i))?;
        // A quote that ends its sentence ("…supporter.”) followed by a capitalised word starts a new
        // sentence: only a cue right after it ("…!” Trump said) still belongs to it.
        // After a full stop inside the marks the attribution would have ended in a comma (`“…,” she said`): a
        // capitalised word there opens the next sentence, whatever its verb ("…children.” Her husband, Raul, said").
        // An exclamation or question mark ends the quote but not the sentence ("…!” Trump said), so a short
        // cue right after it still belongs to it.
        let inner = quote.slice(seg.text).trim_end();
        let next_capitalised = window
            .iter()
            .skip(1)
            .find(|&&i| seg.is_word(i))
            .is_some_and(|&i| seg.word(i).starts_with(char::is_uppercase));
        if next_capitalised && inner.ends_with('.') && !inner.ends_with("...") {
            return None;
        }
        if next_capitalised && inner.ends_with(['!', '?']) {
            let words_before_verb = window[..verb_pos].iter().filter(|&&i| seg.is_word(i)).count();
            if words_before_verb > 3 {
                return None;
            }
        }
        Some(verb_pos)
    }

    /// Whether the quote has a cue after it whose subject names no one the text gives (`“…,” a reporter
    /// shouted`, `“…,” the Speaker replied` with no Speaker named): someone else speaks, unnamed, so the quote
    /// continues no earlier speaker. Called only for a quote [`Attribution::after`] found no speaker for.
    fn cue_after_names_no_one(&self, quote: Span) -> bool {
        let window = self.cue_window(quote);
        let Some(verb_pos) = self.cue_verb(quote, &window) else { return false };
        let seg = self.seg;
        let before: Vec<usize> = window[..verb_pos].iter().copied().filter(|&i| seg.is_word(i)).collect();
        let close = token_at(seg, quote.end);
        if before.is_empty() {
            // An inverted verb right after the closing mark whose subject no stage made a name: a name the lists
            // lack (`replied Sello Mmutle`) or someone described by another's name (`said Holub's lawyer`).
            // A capitalised verb is a Title Case headline's word (`… Comment: ‘…’`), not a cue.
            let verb = window[verb_pos];
            let subject = window.get(verb_pos + 1).filter(|&&i| seg.is_word(i));
            return verb <= close + 2
                && seg.word(verb).starts_with(char::is_lowercase)
                && subject.is_some_and(|&i| seg.word(i).starts_with(char::is_uppercase) && seg.word(i) != "I");
        }
        // A subject of one to four words right after the closing mark: `the Speaker replied`.
        before.len() <= ROLE_SPAN_WORDS && before[0] <= close + 2
    }

    /// `“We were not good enough.” That was how the coach, Bongani Khumalo, put it.`: a quote that ends its
    /// sentence inside the marks, followed on its line by a sentence that points back at it (`That`, `Those`,
    /// `These`, `So`, `The words`) and holds a verb of speech, `words` or `describes` (`That is how X describes
    /// the night …`), is the words of the first person or
    /// organisation that sentence names. Reads at most [`NEXT_SENTENCE_TOKENS`] tokens after the closing mark.
    fn next_sentence_names_it(&self, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let inner = quote.slice(seg.text).trim_end();
        if !inner.ends_with(['.', '!', '?']) || inner.ends_with("...") {
            return None;
        }
        let close = token_at(seg, quote.end);
        let mut line = seg.tokens.get(close)?.line;
        // A quote that ends its paragraph may be pointed back at by the next one (`“…” ¶ That was the view of X,
        // who …`): that paragraph's first sentence stands where the same line's next sentence would.
        let next_line = seg.tokens.get(close + 1).map(|t| t.line).filter(|&l| self.next_paragraph(line, l));
        let opens_line = token_at(seg, quote.start).checked_sub(1).is_some_and(|o| seg.lines[line].tokens.0 == o);
        if let Some(next) = next_line.filter(|_| opens_line) {
            line = next;
        }
        let tokens: Vec<usize> = (close + 1..seg.tokens.len().min(close + 1 + NEXT_SENTENCE_TOKENS))
            .take_while(|&i| seg.tokens[i].line == line && !self.inside_quote(seg.tokens[i].span.start))
            .collect();
        let first = *tokens.first()?;
        let sentence = seg.tokens[first].sentence;
        let sentence_tokens: Vec<usize> =
            tokens.iter().copied().take_while(|&i| seg.tokens[i].sentence == sentence).collect();
        let words: Vec<usize> = sentence_tokens.iter().copied().filter(|&i| seg.is_word(i)).collect();
        // Where the name may stand: after `That was how`, `Those were`, `The words are (those of)`, `So said`.
        let word_is = |k: usize, options: &[&str]| words.get(k).is_some_and(|&i| options.contains(&seg.word(i)));
        // `That was the view of X`, `Such was the verdict of X`, `Those were the words of X`: a noun for what
        // someone said, owned by the name after `of` (`the view from the window of X's flat` is no one's words).
        let opinion = words.first().is_some_and(|&i| words_of_someone_before(seg, i + 5));
        let came_from = words.first().is_some_and(|&i| words_came_from_someone_before(seg, i + 4));
        let name_from = if opinion {
            5
        } else if came_from {
            4
        } else if word_is(0, &["That", "This"]) && word_is(1, &["was", "is"]) && word_is(2, &["how"]) {
            3
        } else if word_is(0, &["Those", "These"]) && word_is(1, &["were", "are"]) {
            2
        } else if word_is(0, &["The"]) && word_is(1, &["words"]) && word_is(2, &["were", "are"]) {
            if word_is(3, &["those"]) && word_is(4, &["of"]) {
                5
            } else {
                3
            }
        } else if word_is(0, &["So"]) && words.get(1).is_some_and(|&i| self.is_verb_of_speech(i)) {
            2
        } else {
            return None;
        };
        if seg.tokens[first].kind != TokenKind::Word {
            return None;
        }
        // `describes` tells of speech too, and its subject describes: the name after it is the one described
        // (`That is how the squad describes captain X` is no one's).
        // In the passive (`That is how X is described by Y`) the name before it is the one described.
        let passive = |i: usize| {
            i > 0 && seg.is_word(i - 1) && matches!(seg.word(i - 1), "is" | "was" | "are" | "were" | "been" | "being")
        };
        let describes = |i: usize| matches!(seg.word(i), "describes" | "described" | "describe") && !passive(i);
        if words.iter().any(|&i| matches!(seg.word(i), "described") && passive(i)) {
            return None;
        }
        let tells_of_speech = opinion
            || came_from
            || words.iter().any(|&i| {
                self.is_verb_of_speech(i)
                    || describes(i)
                    || matches!(seg.word(i), "words" | "summed" | "summarised" | "summarized")
            });
        let from = *words.get(name_from)?;
        // The name leads what follows, before any verb of speech of its own (`That was how the town survived,
        // said X` is no one's).
        let lead: Vec<usize> = sentence_tokens
            .iter()
            .copied()
            .skip_while(|&i| i < from)
            .take_while(|&i| !(self.is_verb_of_speech(i) || (seg.is_word(i) && describes(i))))
            .collect();
        if !tells_of_speech {
            return None;
        }
        self.name_leading(&lead)
    }

    /// `“…,” the expedition's leader said. ¶ The leader, marine archaeologist Tupaq Huamán, has …`: a cue whose
    /// subject is a role and no name (`a spokeswoman for X`, `the expedition's leader`) is the person a later
    /// sentence names in apposition to the same role (`The leader, X,`), at most [`ROLE_NAMED_LATER_TOKENS`]
    /// tokens after the verb.
    fn role_named_later(&self, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let window = self.cue_window(quote);
        let verb_pos = self.cue_verb(quote, &window)?;
        let subject: Vec<usize> = window[..verb_pos].iter().copied().filter(|&i| seg.is_word(i)).collect();
        let names_someone = subject.iter().any(|&i| {
            self.entity_at(i).is_some_and(|e| e.kind != EntityKind::Org)
                || matches!(crate::case::lowercase(seg.word(i)).as_str(), "he" | "she" | "i" | "we" | "they")
        });
        let role = subject.iter().rev().find(|&&i| is_naming_role(seg.word(i)))?;
        if names_someone || subject.len() > ROLE_SPAN_WORDS + 2 {
            return None;
        }
        let role = crate::case::lowercase(seg.word(*role));
        let from = window[verb_pos] + 1;
        for i in from..seg.tokens.len().min(from + ROLE_NAMED_LATER_TOKENS) {
            let apposition = seg.is_word(i)
                && seg.word(i) == "The"
                && seg.starts_sentence(i)
                && seg.is_word(i + 1)
                && crate::case::lowercase(seg.word(i + 1)) == role
                && seg.is_punct(i + 2, ',');
            if !apposition || self.inside_quote(seg.tokens[i].span.start) {
                continue;
            }
            // The name, past at most a few words of trade (`marine archaeologist`); a person, or a name no list
            // knows that the apposition to a role makes someone.
            return (i + 3..seg.tokens.len().min(i + 3 + ROLE_SPAN_WORDS)).find_map(|j| {
                let start = seg.tokens[j].span.start;
                let idx = self.entities.partition_point(|e| e.span.start < start);
                self.entities
                    .get(idx)
                    .filter(|e| e.span.start == start && matches!(e.kind, EntityKind::Person | EntityKind::Misc))
                    .map(|e| self.name_of(e))
            });
        }
        None
    }

    /// The name that leads `tokens` (an inverted verb's subject, `said Martin Indyk`), also past a role (`the
    /// film’s director, Tom Hargreave`), but not past a word that opens another phrase (`the lawyer, who …`).
    fn name_leading(&self, tokens: &[usize]) -> Option<Speaker> {
        let seg = self.seg;
        for &i in tokens.iter().take(INVERTED_SUBJECT_TOKENS) {
            if let Some(e) = self.entity_at(i) {
                // A name in the possessive describes the subject, it is not it (`said Holub's lawyer, Petra Novak`,
                // `said Kestrel Foods' chief executive, X`).
                let next = token_at(seg, e.span.end);
                let plural_possessive = e.span.slice(seg.text).ends_with('s')
                    && seg.tokens.get(next).is_some_and(|t| t.span.start == e.span.end)
                    && (seg.is_punct(next, '\'') || seg.is_punct(next, '’'));
                if seg.is_possessive(next) || plural_possessive {
                    continue;
                }
                if let Some(person) = self.person_after_an_employers_role(e) {
                    return Some(self.name_of(person));
                }
                return Some(self.name_of(e));
            }
            let opens_phrase = seg.is_word(i)
                && matches!(
                    crate::case::lowercase(seg.word(i)).as_str(),
                    "who"
                        | "which"
                        | "that"
                        | "he"
                        | "she"
                        | "it"
                        | "they"
                        | "we"
                        | "i"
                        | "of"
                        | "for"
                        | "to"
                        | "with"
                        | "at"
                        | "in"
                        | "on"
                        | "by"
                        | "from"
                        | "about"
                        | "after"
                        | "before"
                        | "and"
                );
            if opens_phrase {
                break;
            }
        }
        None
    }

    /// `said Skyreach spokeswoman Leilani Kahale`, `said Tesco chief executive X`: a name
    /// (an organisation, a place, or a person one works for: `said Biden spokesman X`) that a role in lower case
    /// and then a person's name follow, with nothing else between, says whom the person works for; the person
    /// speaks. Not a role in capitals (the entity stage reads those as titles) nor a word that is no role.
    fn person_after_an_employers_role(&self, employer: &Entity) -> Option<&Entity> {
        /// Words a role may take between the employer and the name (`chief executive`, `deputy head coach`).
        const ROLE_WORDS: usize = 3;
        let seg = self.seg;
        let first = token_at(seg, employer.span.end);
        let role: Vec<usize> = (first..seg.tokens.len().min(first + ROLE_WORDS))
            .take_while(|&i| seg.is_word(i) && seg.word(i).starts_with(char::is_lowercase))
            .collect();
        let &last = role.last()?;
        // A role is nouns and their modifiers: a preposition, conjunction or possessive between the two names
        // makes the second no employee (`said Wielgus as coach X looked on`, `said Nowak through her lawyer X`).
        if role.iter().any(|&i| ROLE_BREAKING_WORDS.contains(&seg.word(i))) {
            return None;
        }
        // A person, or a name left MISC that the role makes someone ([`speaking_names`]); not an organisation.
        let person = self.entity_at(last + 1).filter(|p| p.kind != EntityKind::Org)?;
        is_naming_role(seg.word(last)).then_some(person)
    }

    /// Whether `line` is the paragraph right after the one on `before`: only lines without words between.
    fn next_paragraph(&self, before: usize, line: usize) -> bool {
        before < line && line <= before + INHERIT_LINES && (before + 1..line).all(|l| self.line_words[l] == 0)
    }

    /// Whether the quote's cue after it is a verb of replying (`“…,” she replies`, `answered X`).
    fn cue_is_a_reply(&self, quote: Span) -> bool {
        let seg = self.seg;
        let window = self.cue_window(quote);
        let Some(verb_pos) = self.cue_verb(quote, &window) else { return false };
        let verb = crate::case::lowercase(seg.word(window[verb_pos]));
        ["repl", "answer", "retort"].iter().any(|stem| verb.starts_with(stem))
    }

    /// Sieve 1: `“…,” X said`, `“…,” said X`, `“…,” X, a …, said`.
    fn after(&self, quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let close = token_at(seg, quote.end);
        let line = seg.tokens.get(close)?.line;
        let window = self.cue_window(quote);
        // `“…” — Marlowe`: a dash after the closing mark, then the name and nothing but punctuation.
        let dash = window.iter().take(3).position(|&i| matches!(seg.tokens[i].span.slice(seg.text), "—" | "–" | "―"));
        if let Some(name) = dash.and_then(|d| window.get(d + 1)).and_then(|&i| self.entity_at(i)) {
            let rest = token_at(seg, name.span.end);
            let ends = rest >= seg.tokens.len() || seg.tokens[rest].line != line || !seg.is_word(rest);
            if ends {
                return Some(self.name_of(name));
            }
        }
        // `“…” — Harbour master Ilse de Groot` (a pull quote's credit): a role of at most
        // [`DASH_ROLE_WORDS`] words, capitalised or a role noun, then a person who ends the line, or who only an
        // affiliation after a comma follows (`— Ilse de Groot, harbour master`), with no verb of speech in it.
        if let Some(d) = dash {
            let first = window.get(d + 1).copied();
            let role_words = first.map_or(0, |first: usize| {
                (first..seg.tokens.len())
                    .take(DASH_ROLE_WORDS + 1)
                    .take_while(|&i| {
                        let word = if seg.is_word(i) { seg.word(i) } else { "" };
                        // Its first word capitalised or a role (`Harbour master`, `former minister`); after it,
                        // lower-case words of the role, but no article or conjunction of a sentence going on.
                        let of_the_role = word.starts_with(char::is_uppercase)
                            || is_naming_role(word)
                            || (i > first
                                && word.chars().all(char::is_lowercase)
                                && !matches!(
                                    word,
                                    "a" | "an"
                                        | "the"
                                        | "and"
                                        | "or"
                                        | "but"
                                        | "who"
                                        | "that"
                                        | "which"
                                        | "with"
                                        | "by"
                                        | "of"
                                        | "about"
                                        | "for"
                                        | "from"
                                        | "to"
                                ));
                        seg.tokens[i].line == line && self.entity_at(i).is_none() && of_the_role
                    })
                    .count()
            });
            let person = first
                .filter(|_| role_words <= DASH_ROLE_WORDS)
                .and_then(|first| self.entity_at(first + role_words))
                .filter(|e| self.can_speak_as_person(e));
            if let Some(name) = person {
                let rest = token_at(seg, name.span.end);
                let on_line = |i: usize| i < seg.tokens.len() && seg.tokens[i].line == line;
                let ends = !on_line(rest) || (seg.is_punct(rest, '.') && !on_line(rest + 1));
                let affiliation = on_line(rest)
                    && seg.is_punct(rest, ',')
                    && !(rest..seg.tokens.len()).take_while(|&i| on_line(i)).any(|i| self.is_verb_of_speech(i));
                if ends || affiliation {
                    return Some(self.name_of(name));
                }
            }
        }
        // `“…,” according to Ahmad Karimi.`: the first words after the closing mark, then the name (or him/her)
        // right after "to"; an organisation counts ("according to the ministry" names none).
        let words: Vec<usize> = window.iter().copied().filter(|&i| seg.is_word(i)).take(3).collect();
        if words.len() >= 3
            && words[0] <= close + 2
            && seg.word(words[0]) == "according"
            && seg.word(words[1]).eq_ignore_ascii_case("to")
        {
            if let Some(e) = self.entity_at(words[2]) {
                return Some(self.name_of(e));
            }
            // `according to the Veltrano Chamber of Commerce`: an organisation's name after its article.
            let after_the = (seg.word(words[2]) == "the").then(|| self.entity_at(words[2] + 1)).flatten();
            if let Some(e) = after_the.filter(|e| e.kind == EntityKind::Org) {
                return Some(self.name_of(e));
            }
            if matches!(crate::case::lowercase(seg.word(words[2])).as_str(), "him" | "her") {
                return self.pronoun_referent(words[2], quote.start);
            }
        }
        let verb_pos = self.cue_verb(quote, &window)?;
        // The subject before the verb: the person nearest the verb ("…,” Lucas Paganini, a scientist at
        // NASA, said"), else the nearest organisation or back reference.
        if let Some(found) = self.nearest_subject(&window[..verb_pos], quote.start) {
            return Some(found);
        }
        // A verb with a subject before it that names no one ("an official told Reuters", "she told the
        // Financial Times" with no "she" in sight) has its listener after it, not its speaker: no speaker.
        if window[..verb_pos].iter().any(|&i| seg.is_word(i)) {
            return None;
        }
        if let Some(named) = self.inverted_role_then_name(&window[verb_pos + 1..]) {
            return Some(named);
        }
        // "said Martin Indyk": the subject right after the verb, also past its role ("said the film’s director,
        // Tom Hargreave"), but not past a word that opens another phrase ("said the lawyer, who represents …").
        if let Some(named) = self.name_leading(&window[verb_pos + 1..]) {
            return Some(named);
        }
        if let Some(named) = self.headline_role_named_below(&window[verb_pos + 1..], quote) {
            return Some(named);
        }
        let mut after_verb =
            window.iter().skip(verb_pos + 1).take(ROLE_SPAN_WORDS + 1).take_while(|&&i| seg.is_word(i));
        let organisation_noun = |i: usize| ORGANISATION_NOUNS.contains(&crate::case::lowercase(seg.word(i)).as_str());
        let role =
            after_verb.find(|&&i| self.is_definite_role(i) || is_document_noun(seg.word(i)) || organisation_noun(i))?;
        if is_document_noun(seg.word(*role)) {
            // "…,” says a report by the Centre for …".
            return self.document_author(*role);
        }
        if organisation_noun(*role) {
            // "…,” said the company.
            return self.organisation_referent(*role, quote.start);
        }
        self.role_holder(*role, quote.start)
    }

    /// `'I am not going anywhere', says embattled coach` as a headline: a role without an article ending the line
    /// after an inverted verb is the person the next lines name with that role (`Embattled coach Luis Carvalho
    /// has insisted …`), at most [`HEADLINE_ROLE_LINES`] lines below. Anywhere else a role without an article
    /// introduces someone new, and names no one.
    fn headline_role_named_below(&self, after_verb: &[usize], quote: Span) -> Option<Speaker> {
        let seg = self.seg;
        let &first = after_verb.first()?;
        let line = seg.tokens[first].line;
        if self.line_words[line] > HEADLINE_WORDS {
            return None;
        }
        let words: Vec<usize> =
            after_verb.iter().copied().take(ROLE_SPAN_WORDS + 1).take_while(|&i| seg.is_word(i)).collect();
        let &role = words.last()?;
        let ends_line = seg.tokens.get(role + 1).is_none_or(|t| t.line != line);
        let determined = words.iter().any(|&i| {
            matches!(
                crate::case::lowercase(seg.word(i)).as_str(),
                "a" | "an" | "the" | "this" | "his" | "her" | "their"
            )
        });
        if !ends_line
            || determined
            || !is_role_noun(seg.word(role))
            || words.iter().any(|&i| self.entity_at(i).is_some())
        {
            return None;
        }
        let holders = self.role_mentions.get(&crate::case::lowercase(seg.word(role)))?;
        let below = holders.partition_point(|&e| self.entities[e].span.start < quote.end);
        let holder = &self.entities[*holders.get(below)?];
        let holder_line = seg.tokens.get(token_at(seg, holder.span.start))?.line;
        (holder_line <= line + HEADLINE_ROLE_LINES).then(|| self.name_of(holder))
    }

    /// `“…,” said the head of the Lagos Chamber of Commerce, Ana Silva.`: after an inverted verb, a role led by a
    /// determiner, however it goes on (an organisation or a place in it is where the person works), then a comma
    /// and a person's name that ends the clause: that person. Not past a relative pronoun or another verb of
    /// speech, and not when the name is in the possessive (`…, Ana Silva's deputy`) or goes on.
    fn inverted_role_then_name(&self, after_verb: &[usize]) -> Option<Speaker> {
        /// Tokens a role may take before its comma ("the head of the regional chamber of commerce and industry").
        const ROLE_TOKENS: usize = 14;
        let seg = self.seg;
        let &first = after_verb.first()?;
        let determiner = seg.is_word(first)
            && matches!(
                crate::case::lowercase(seg.word(first)).as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "one"
            );
        if !determiner {
            return None;
        }
        let comma = after_verb.iter().take(ROLE_TOKENS).position(|&i| seg.is_punct(i, ','))?;
        let role = &after_verb[1..comma];
        let clause_inside = role.iter().any(|&i| {
            self.is_verb_of_speech(i)
                || (seg.is_word(i) && matches!(seg.word(i), "who" | "which" | "that" | "whose" | "whom"))
        });
        if clause_inside || role.iter().any(|&i| self.entity_at(i).is_some_and(|e| e.kind == EntityKind::Person)) {
            return None;
        }
        let person = self.entity_at(*after_verb.get(comma + 1)?).filter(|e| e.kind == EntityKind::Person)?;
        let next = token_at(seg, person.span.end);
        let ends_clause = after_verb.last().is_none_or(|&last| next > last)
            || (seg.tokens.get(next).is_some_and(|t| t.kind == TokenKind::Punct) && !seg.is_possessive(next));
        ends_clause.then(|| self.name_of(person))
    }

    /// Among the tokens before a speech verb, the person nearest the verb; failing that, the nearest
    /// organisation or back reference.
    fn nearest_subject(&self, before_verb: &[usize], quote_start: usize) -> Option<Speaker> {
        if let Some(head) = self.parenthetical_head(before_verb, quote_start) {
            return head;
        }
        // "…, in which he said": a pronoun right before the verb (perhaps with an adverb between) is the
        // subject, however many names came earlier in the sentence.
        let seg = self.seg;
        let mut words = before_verb.iter().rev().filter(|&&i| seg.is_word(i));
        let mut last = words.next();
        if last.is_some_and(|&i| seg.word(i).ends_with("ly")) {
            last = words.next();
        }
        if let Some(&i) = last {
            if matches!(crate::case::lowercase(seg.word(i)).as_str(), "he" | "she") {
                return self.pronoun_referent(i, quote_start);
            }
            // "…,” the former Senate President said": the role is the subject, not the organisation in it.
            // After a preposition it is no subject but the object of one ("a source close to the singer said",
            // "a friend of the minister said"): whoever speaks is unnamed.
            if self.is_definite_role(i) {
                if self.role_after_a_preposition(i) {
                    return None;
                }
                return self.role_holder(i, quote_start);
            }
            // "his father said": the relative the text named with that noun (`whose father, Johan van der Berg,`),
            // else no one; never the person whose relative it is.
            if KIN_NOUNS.contains(&seg.word(i)) {
                let owner = i.checked_sub(1).filter(|&o| seg.is_word(o)).map(|o| crate::case::lowercase(seg.word(o)));
                if owner.is_some_and(|o| matches!(o.as_str(), "his" | "her" | "their")) {
                    return self.role_holder(i, quote_start);
                }
            }
            // "As the report states:", "the study said": whoever wrote it.
            if is_document_noun(seg.word(i)) {
                return self.document_author(i);
            }
            // `The judgment on X said`, `The lawsuit against X says`: the document speaks, and X is what it is
            // about.
            if let Some(topic) = self.entity_ending_at(i) {
                let preposition = token_at(seg, topic.span.start).checked_sub(1);
                let noun = preposition
                    .filter(|&p| {
                        seg.is_word(p) && matches!(seg.word(p), "on" | "against" | "about" | "into" | "over" | "of")
                    })
                    .and_then(|p| p.checked_sub(1))
                    .filter(|&n| seg.is_word(n) && is_document_noun(seg.word(n)));
                if let Some(noun) = noun {
                    return self.document_author(noun);
                }
            }
            // "…,” the Brazilian said": the person last named with that nationality before the name, if any; a
            // nationality is no back reference to whoever was last the subject.
            if let Some(holder) = self.nationality_holder(i, quote_start) {
                return Some(holder);
            }
        }
        if let Some(found) = self.relative_clause_antecedent(before_verb) {
            return Some(found);
        }
        // An introductory phrase (`In a post on Facebook,`, `Speaking to Reuters,`) sets the scene: a name in it
        // is no subject.
        let opens_with_phrase = before_verb.iter().find(|&&i| seg.is_word(i)).is_some_and(|&i| {
            seg.starts_sentence(i) && INTRODUCTORY_WORDS.contains(&crate::case::lowercase(seg.word(i)).as_str())
        });
        let scene = if opens_with_phrase {
            before_verb.iter().position(|&i| seg.is_punct(i, ',')).map_or(0, |c| c + 1)
        } else {
            0
        };
        let before_verb = &before_verb[scene..];
        // A name in the possessive describes someone else ("Morrison, Vindman's superior, said"); so does the
        // agent after "by" ("Saraki, in a statement by his media aide, Yusuph Olaniyonu, said" is Saraki's).
        let person = before_verb
            .iter()
            .rev()
            .filter(|&&i| !seg.is_possessive(i + 1))
            .filter_map(|&i| self.entity_ending_at(i))
            .filter(|e| !self.after_by(e.span.start))
            .find(|e| e.kind == EntityKind::Person);
        if let Some(e) = person {
            return Some(self.name_of(e));
        }
        // An organisation anywhere before the verb; a back reference ("the minister", "the ministry") only as
        // the verb's own subject, right before it: "the leader of the group, the agency warns" is not said by
        // the leader.
        // A person in the possessive is not the speaker here either ("Silva's lawyer said"); an organisation's
        // spokesperson speaks for it ("Unilever's spokesman said").
        let organisation = before_verb.iter().rev().find_map(|&i| {
            self.entity_ending_at(i)
                .or_else(|| self.entity_at(i))
                .filter(|e| e.kind != EntityKind::Person || !seg.is_possessive(token_at(seg, e.span.end)))
                .map(|e| self.name_of(e))
        });
        if organisation.is_some() {
            return organisation;
        }
        let subject_position =
            before_verb.iter().rev().filter(|&&i| seg.is_word(i)).take(2).filter(|&&i| !seg.is_possessive(i + 1));
        subject_position.copied().find_map(|i| self.subject(i, quote_start))
    }

    /// `Ana Silva, a close friend of John Okoro, said`, `X, who worked with Y for years, said`, `X, 54, said`,
    /// `X, speaking alongside Y, said`: when the verb follows the closing comma of a parenthetical that opens
    /// with a lower-case word or a number (an appositive, a relative or participial clause, an aside), the
    /// subject is what stands before the parenthetical, never a name inside it. `Some(speaker)` when the verb
    /// follows such a parenthetical (the speaker `None` when its head names no one: none beats the name inside),
    /// `None` when it does not and the other rules decide. A parenthetical that opens with a capital (`X, Y's
    /// superior, said`, `X, in a statement by his aide, Y, said`) is left to them.
    fn parenthetical_head(&self, before_verb: &[usize], quote_start: usize) -> Option<Option<Speaker>> {
        /// Asides chained before one verb ("Okoro, 54, a former teacher, said"); more is no longer one subject.
        const MAX_ASIDES: usize = 3;
        let seg = self.seg;
        let mut close = before_verb.len().checked_sub(1)?;
        // One adverb may stand between the closing comma and the verb ("…, later said").
        let adverb = |w: &str| w.ends_with("ly") || matches!(w, "also" | "later" | "then" | "once" | "again");
        if seg.is_word(before_verb[close]) && adverb(seg.word(before_verb[close])) {
            close = close.checked_sub(1)?;
        }
        if !seg.is_punct(before_verb[close], ',') {
            return None;
        }
        let mut asides = 0;
        while asides < MAX_ASIDES {
            let Some(open) = before_verb[..close].iter().rposition(|&i| seg.is_punct(i, ',')) else { break };
            let first_word = before_verb[open + 1..close].iter().find(|&&i| seg.is_word(i));
            let opens_aside =
                first_word.is_some_and(|&i| seg.word(i).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
            if !opens_aside {
                break;
            }
            close = open;
            asides += 1;
        }
        if asides == 0 || close == 0 {
            return None;
        }
        // The head: the name, back reference or role right before the first aside.
        let head = before_verb[close - 1];
        if let Some(e) = self.entity_ending_at(head) {
            return Some(Some(self.name_of(e)));
        }
        Some(self.subject(head, quote_start))
    }

    /// "…Netanyahu's Likud party, which tried … by saying": in a relative clause the verb's subject is
    /// the name the clause hangs on (with at most one head noun after it), not the nearest name.
    fn relative_clause_antecedent(&self, before_verb: &[usize]) -> Option<Speaker> {
        let seg = self.seg;
        let pos = before_verb.iter().rposition(|&i| {
            seg.is_word(i) && matches!(seg.word(i), "who" | "which") && i > 0 && seg.is_punct(i - 1, ',')
        })?;
        // Another name inside the clause may be its own subject ("…, which Lavrov said"): then no answer.
        if before_verb[pos + 1..].iter().any(|&i| self.entity_at(i).is_some()) {
            return None;
        }
        let comma = before_verb[pos] - 1;
        let antecedent = comma.checked_sub(1).and_then(|i| {
            self.entity_ending_at(i).or_else(|| {
                let head_noun = seg.is_word(i) && seg.word(i).starts_with(char::is_lowercase);
                head_noun.then(|| i.checked_sub(1).and_then(|j| self.entity_ending_at(j))).flatten()
            })
        })?;
        let speaks = match seg.word(before_verb[pos]) {
            "who" => antecedent.kind == EntityKind::Person,
            _ => antecedent.kind == EntityKind::Org,
        };
        speaks.then(|| self.name_of(antecedent))
    }

    /// The speaker of a verb of speech whose own subject is someone the text does not name, or who only
    /// hears: `Some(None)` after `a nurse`, `her father` (no relative named so) or a passive (`was told:`),
    /// `Some(agent)` for a passive's named agent (`was told by the foreman, X:`); `None` when the verb's subject
    /// is left to the other rules.
    fn second_hand(&self, before_verb: &[usize], after_verb: &[usize]) -> Option<Option<Speaker>> {
        let seg = self.seg;
        let lower = |i: usize| crate::case::lowercase(seg.word(i));
        // The verb's own subject stands right before it, with no comma between (`X, who … with his brothers,
        // said` is X's).
        let mut words = before_verb.iter().rev().copied().take_while(|&i| seg.is_word(i));
        let last = words.next()?;
        if matches!(lower(last).as_str(), "was" | "were" | "been" | "being") {
            // The agent: a name right after `by` (past a role or title before it), else no one.
            let mut after = after_verb.iter().copied().take(INVERTED_SUBJECT_TOKENS);
            if !after.next().is_some_and(|i| seg.is_word(i) && seg.word(i) == "by") {
                return Some(None);
            }
            // Only a name the words after `by` lead to directly (a title or role may come first): not one
            // met further on (`by a woman who had met X`, `by reporters about X`, `not X`), nor X's aide.
            let agent = after
                .take_while(|&i| {
                    seg.is_punct(i, ',')
                        || seg.is_word(i)
                            && (seg.word(i).starts_with(char::is_uppercase)
                                || !matches!(
                                    seg.word(i),
                                    "who"
                                        | "whom"
                                        | "that"
                                        | "which"
                                        | "of"
                                        | "about"
                                        | "not"
                                        | "in"
                                        | "at"
                                        | "on"
                                        | "from"
                                        | "with"
                                        | "and"
                                        | "or"
                                        | "but"
                                        | "whether"
                                        | "for"
                                        | "to"
                                ))
                })
                .find_map(|i| self.entity_at(i))
                .filter(|e| !seg.text[e.span.end..].starts_with(['\'', '\u{2019}']));
            return Some(
                agent.filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org)).map(|e| self.name_of(e)),
            );
        }
        // `a nurse told her`, `an older guard told him`, `her father told her`: a noun in lower case after an
        // indefinite article or a possessive pronoun (perhaps one adjective between) is someone unnamed; a
        // relative named so before (`her father, X,`) is left to the role rules.
        let noun = lower(last);
        let unnamed_noun = noun.chars().all(char::is_alphabetic)
            && seg.word(last).starts_with(char::is_lowercase)
            && !noun.starts_with("spokes")
            && !is_document_noun(&noun)
            && !ORGANISATION_NOUNS.contains(&noun.as_str());
        if !unnamed_noun {
            return None;
        }
        let determiner = |i: usize| matches!(lower(i).as_str(), "a" | "an" | "his" | "her" | "their" | "my" | "our");
        let before_noun = words.next()?;
        let determined = determiner(before_noun)
            || (seg.word(before_noun).starts_with(char::is_lowercase) && words.next().is_some_and(determiner));
        if !determined {
            return None;
        }
        if KIN_NOUNS.contains(&noun.as_str()) && self.role_holder(last, seg.tokens[last].span.start).is_some() {
            return None;
        }
        Some(None)
    }

    /// The subject of the clause these tokens open: its first name of a person, organisation or other
    /// kind (places and dates set the scene, they do not act). Only a person or organisation speaks; an
    /// untyped or MISC subject gives no speaker rather than the next name along.
    fn sentence_subject(&self, tokens: &[usize]) -> Option<Speaker> {
        // The subject stands among the clause's first few words ("On Monday, Lavrov …"); a first name further
        // on is an object ("Rehman fired a salvo at Imran Khan, saying …" when Rehman was not recognised).
        const SUBJECT_WORDS: usize = 4;
        let seg = self.seg;
        let opening: Vec<usize> = tokens.iter().copied().filter(|&i| seg.is_word(i)).take(SUBJECT_WORDS).collect();
        let (&first, &last) = (opening.first()?, opening.last()?);
        let (start, end) = (seg.tokens[first].span.start, seg.tokens[last].span.end);
        let from = self.entities.partition_point(|e| e.span.start < start);
        let subject = self.entities[from..]
            .iter()
            .take_while(|e| e.span.start < end)
            .find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org | EntityKind::Misc));
        match subject {
            Some(subject) => (subject.kind != EntityKind::Misc).then(|| self.name_of(subject)),
            None => self.role_in_apposition(tokens),
        }
    }

    /// `The Lesotho finance minister, Mpho Letsie, defended …`: a clause opened by "the", a role noun and a
    /// comma has the person named between that comma and the next as its subject.
    fn role_in_apposition(&self, tokens: &[usize]) -> Option<Speaker> {
        let seg = self.seg;
        let first = *tokens.iter().find(|&&i| seg.is_word(i))?;
        let comma = tokens.iter().take(ROLE_SPAN_WORDS + 3).position(|&i| seg.is_punct(i, ','))?;
        let role = tokens[..comma].iter().any(|&i| seg.is_word(i) && is_role_noun(seg.word(i)));
        let name = self.entity_at(*tokens.get(comma + 1)?).filter(|e| e.kind == EntityKind::Person)?;
        let closed = seg.is_punct(token_at(seg, name.span.end), ',');
        (seg.word(first).eq_ignore_ascii_case("the") && role && closed).then(|| self.name_of(name))
    }

    /// Sieve 2: `X said (that) … “…”`, `X: “…”`, `according to X, “…”`.
    fn before(&self, quote: Span) -> Option<Speaker> {
        let (open, line, window) = self.before_window(quote)?;
        self.before_in(quote, open, line, &window)
    }

    /// Whether the cue before the quote is a verb whose speaker the text does not name (`X said a nurse told
    /// her: “…”`): someone else speaks, unnamed, so no fallback gives the quote a speaker.
    fn cue_before_names_no_one(&self, quote: Span) -> bool {
        let seg = self.seg;
        let Some((open, _, window)) = self.before_window(quote) else { return false };
        if self.written_on_a_thing(open, &window) || self.document_read_out(open, &window) == Some(None) {
            return true;
        }
        let colon = open >= 2 && seg.is_punct(open - 1, ':');
        if colon && !window.iter().any(|&i| self.is_verb_of_speech(i)) {
            return self.colon_names_no_one(&window);
        }
        let Some(pos) = window.iter().rposition(|&i| self.is_verb_of_speech(i)) else { return false };
        let participle = seg.word(window[pos]).ends_with("ing") && pos > 0 && seg.is_punct(window[pos - 1], ',');
        !participle && self.second_hand(&window[..pos], &window[pos + 1..]) == Some(None)
    }

    /// `X shared a post by his agent, Y, which read: “…”`: a relative `which`/`that` and `read`/`said` right before
    /// the colon hang the words on the document named before them, whose author the text gives at that mention
    /// (`Some(None)` when it gives none: `a post about its captain, X, which read:` is not X's). `None` when the
    /// cue has no such shape.
    fn document_read_out(&self, open: usize, window: &[usize]) -> Option<Option<Speaker>> {
        let seg = self.seg;
        let colon = open.checked_sub(1).filter(|&c| seg.is_punct(c, ':'))?;
        let verb = colon.checked_sub(1).filter(|&v| {
            seg.is_word(v) && matches!(seg.word(v), "read" | "reads" | "said" | "says" | "stated" | "states")
        })?;
        let relative = verb.checked_sub(1).filter(|&r| seg.is_word(r) && matches!(seg.word(r), "which" | "that"))?;
        let sentence = seg.tokens[relative].sentence;
        let document = window
            .iter()
            .rev()
            .skip_while(|&&i| i >= relative)
            .take(AUTHOR_REACH_TOKENS + 2)
            .take_while(|&&i| seg.tokens[i].sentence == sentence)
            .find(|&&i| seg.is_word(i) && is_document_noun(seg.word(i)))?;
        let at = self.document_authors.partition_point(|&(t, _)| t < *document);
        Some(
            self.document_authors
                .get(at)
                .filter(|&&(t, _)| t == *document)
                .map(|&(_, author)| self.name_of(&self.entities[author])),
        )
    }

    /// Whether the words after a colon are written on a thing the colon's phrase names after its last verb of
    /// speech (`X pointed at the sign above the door: “…”`, `Fans held up a banner:`; not `X, holding a banner,
    /// said:`): no one the text names said them.
    fn written_on_a_thing(&self, open: usize, window: &[usize]) -> bool {
        let seg = self.seg;
        let colon = open >= 2 && seg.is_punct(open - 1, ':');
        let after_verb = window.iter().rposition(|&i| self.is_verb_of_speech(i)).map_or(0, |v| v + 1);
        colon
            && window[after_verb..].iter().any(|&i| {
                seg.is_word(i)
                    && matches!(
                        seg.word(i),
                        "sign" | "banner" | "placard" | "poster" | "slogan" | "inscription" | "plaque" | "billboard"
                    )
            })
    }

    /// Whether a colon with no verb of speech before it follows a sentence opened by a name no list knows and a
    /// verb (`Jorn Okoro met Governor X and left with one message:`; the name untyped or left MISC): that name
    /// is the subject, a person after it an object, and none beats them.
    fn colon_names_no_one(&self, window: &[usize]) -> bool {
        let seg = self.seg;

        let Some(&opener) = window.iter().find(|&&i| seg.is_word(i)) else { return false };
        let start = seg.tokens[opener].span.start;
        let misc_opener = self.entity_at(opener).is_some_and(|e| {
            let next = token_at(seg, e.span.end);
            e.kind == EntityKind::Misc
                && e.span.start == start
                && e.span.slice(seg.text).split_whitespace().count() >= 2
                && seg.is_word(next)
                && seg.word(next).starts_with(char::is_lowercase)
        });
        misc_opener || self.unknown_name_openers.binary_search_by_key(&start, |name| name.start).is_ok()
    }

    /// The opening mark's token, the cue's line and the tokens of the quote's sentence before it (at most
    /// [`CUE_WINDOW_TOKENS`]), where [`Attribution::before`] looks for a cue.
    fn before_window(&self, quote: Span) -> Option<(usize, usize, Vec<usize>)> {
        let seg = self.seg;
        let open = token_at(seg, quote.start).checked_sub(1)?;
        // A quote that opens its paragraph after one ending in a colon ("He said:" ¶ "“…”") is introduced there.
        let opens_line = seg.lines[seg.tokens[open].line].tokens.0 == open;
        let cue_token = if opens_line && open >= 1 && seg.is_punct(open - 1, ':') { open - 1 } else { open };
        let line = seg.tokens[cue_token].line;
        let sentence = seg.tokens[cue_token].sentence;
        let mut first = open;
        while first > 0 && open - first < CUE_WINDOW_TOKENS {
            let t = &seg.tokens[first - 1];
            if t.line != line || t.sentence != sentence || self.inside_quote(t.span.start) {
                break;
            }
            first -= 1;
        }
        Some((open, line, (first..open).collect()))
    }

    fn before_in(&self, quote: Span, open: usize, line: usize, window: &[usize]) -> Option<Speaker> {
        let seg = self.seg;
        if self.written_on_a_thing(open, window) {
            return None;
        }
        if let Some(author) = self.document_read_out(open, window) {
            return author;
        }
        // `X: “…”` and headlines such as `Madonna Defends … Comment: ‘…’`: the first person before the
        // colon (the headline's subject), else the name right before it, else the first name on the line. When a
        // verb of speech introduces the colon (`X's spokesman, Y, said:`, `X recalled how Y told her:`), its
        // subject speaks, found below like any verb's.
        let introduced_by_verb = window.iter().any(|&i| self.is_verb_of_speech(i));
        if open >= 2 && seg.is_punct(open - 1, ':') && !introduced_by_verb {
            // An interview's answer (`A: “…”` opening its line) is the interviewee's: the last person who was a
            // sentence's subject before it, past the labels themselves.
            if open == 2 + seg.lines[line].tokens.0 && seg.is_word(open - 2) && seg.word(open - 2) == "A" {
                return self.interviewee(quote.start);
            }
            // A headline's role alone (`Striker: ‘…’`) may have been made a name; it is a role, found by the
            // headline fallback below the line.
            // A name in parentheses (`Ayanda Zulu (Ward 12):`) says where or what the speaker is, not who.
            // A name after a preposition (past a title: `The protesters had a message for Governor X:`, `Tributes
            // paid to X:`) is its object, not the one who speaks; not after `from`, `by`, `with`, which name
            // the author (`A letter from X:`, `An interview with X:`).
            let object_of_preposition = |e: &Entity| {
                let at = token_at(seg, e.span.start);
                let before_title = window
                    .iter()
                    .rev()
                    .skip_while(|&&i| i >= at)
                    .find(|&&i| !seg.word(i).starts_with(char::is_uppercase));
                before_title.is_some_and(|&i| {
                    seg.is_word(i)
                        && matches!(
                            seg.word(i),
                            "for" | "to" | "at" | "about" | "against" | "on" | "toward" | "towards"
                        )
                })
            };
            // `handed the papers to their lawyer, X:` — the object in apposition, as much as `to X:`.
            let object_in_apposition = |e: &Entity| {
                preposition_before_an_apposition(seg, e).is_some_and(|p| {
                    matches!(seg.word(p), "for" | "to" | "at" | "about" | "against" | "on" | "toward" | "towards")
                })
            };
            let named = |e: &&Entity| {
                !is_role_alone(seg, e)
                    && !after_an_open_parenthesis(seg, e)
                    && !object_of_preposition(e)
                    && !object_in_apposition(e)
            };
            let right_before = self.entity_ending_at(open - 2).filter(named);
            let first_person = || {
                window.iter().filter_map(|&i| self.entity_at(i)).filter(named).find(|e| e.kind == EntityKind::Person)
            };
            let first_any = || window.iter().filter_map(|&i| self.entity_at(i)).find(named);
            if self.colon_names_no_one(window) {
                return None;
            }
            if let Some(e) = first_person().or(right_before).or_else(first_any) {
                return Some(self.name_of(e));
            }
        }
        for (pos, &i) in window.iter().enumerate().rev() {
            if !seg.is_word(i) {
                continue;
            }
            let word = seg.word(i);
            if word.eq_ignore_ascii_case("according")
                && window.get(pos + 1).is_some_and(|&j| seg.is_word(j) && seg.word(j) == "to")
            {
                if let Some(e) = window.iter().skip(pos + 2).find_map(|&j| self.entity_at(j)) {
                    return Some(self.name_of(e));
                }
                // "According to him, “…”".
                if let Some(&j) = window.get(pos + 2).filter(|&&j| seg.is_word(j)) {
                    if matches!(crate::case::lowercase(seg.word(j)).as_str(), "him" | "her") {
                        return self.pronoun_referent(j, quote.start);
                    }
                }
            }
            // "In the words of its founder, Nkechi Obi, the town “…”": the first name after "of" that is not in
            // the possessive (`the words of Lagos's mayor, X` is X's).
            let of_follows = window.get(pos + 1).is_some_and(|&j| seg.is_word(j) && seg.word(j) == "of");
            if word == "words" && of_follows {
                let owner = window
                    .iter()
                    .skip(pos + 2)
                    .take(INVERTED_SUBJECT_TOKENS)
                    .find_map(|&j| self.entity_at(j).filter(|e| !seg.is_possessive(token_at(seg, e.span.end))));
                if let Some(e) = owner {
                    return Some(self.name_of(e));
                }
            }
            // "In Marlowe’s words, “…”", "in her words".
            if word == "words" && pos >= 1 {
                let owner = window[pos - 1];
                if seg.is_word(owner) && matches!(crate::case::lowercase(seg.word(owner)).as_str(), "his" | "her") {
                    return self.pronoun_referent(owner, quote.start);
                }
                if let Some(e) =
                    owner.checked_sub(1).filter(|_| seg.is_possessive(owner)).and_then(|o| self.entity_ending_at(o))
                {
                    return Some(self.name_of(e));
                }
            }
            if self.is_verb_of_speech(i) {
                // ", saying …", ", adding …": a participle after a comma reports the sentence's subject, not
                // the name nearest to it ("Rehman fired a salvo at Imran Khan, saying …" is Rehman's).
                let participle = word.ends_with("ing") && pos > 0 && seg.is_punct(window[pos - 1], ',');
                // Speech reported second-hand: `X said he was told by a guard:` is the guard's words, `X said
                // a nurse told her:` the nurse's; a name before them only reports what someone else said.
                if !participle {
                    if let Some(told) = self.second_hand(&window[..pos], &window[pos + 1..]) {
                        return told;
                    }
                }
                let found = if participle {
                    // A colon opens a clause of its own (a dateline's "KARACHI: Firebrand cleric … has fired …,
                    // saying"): the participle reports that clause's subject.
                    let mut clause = window[..pos].iter().rposition(|&j| seg.is_punct(j, ':')).map_or(0, |c| c + 1);
                    // An introductory phrase ("After a long meeting on Monday, Silva criticised the plan, calling
                    // it …") sets the scene: the subject follows its comma.
                    let opens_with_phrase = window[clause..pos]
                        .iter()
                        .find(|&&j| seg.is_word(j))
                        .is_some_and(|&j| INTRODUCTORY_WORDS.contains(&crate::case::lowercase(seg.word(j)).as_str()));
                    if opens_with_phrase {
                        if let Some(comma) = window[clause..pos - 1].iter().position(|&j| seg.is_punct(j, ',')) {
                            clause += comma + 1;
                        }
                    }
                    self.sentence_subject(&window[clause..pos])
                } else {
                    self.nearest_subject(&window[..pos], quote.start)
                };
                if found.is_some() {
                    return found;
                }
                // "Explains director Tom Harlan: “…”": a verb opening its clause has its subject after it.
                if !window[..pos].iter().any(|&j| seg.is_word(j)) {
                    let after_verb = window[pos + 1..].iter().take(INVERTED_SUBJECT_TOKENS);
                    if let Some(e) = after_verb.filter_map(|&j| self.entity_at(j)).next() {
                        return Some(self.name_of(e));
                    }
                }
                // "…, says a report highlighting the “…”": the document after the verb is its subject.
                let inverted = window[pos + 1..].iter().take(3).take_while(|&&j| seg.is_word(j));
                if let Some(&document) = inverted.into_iter().find(|&&j| is_document_noun(seg.word(j))) {
                    return self.document_author(document);
                }
            }
        }
        None
    }
}

/// For the first and last word of each person's fullest name of two words or more, and its capitalised words
/// between, the mentions of that person in text order: one pass over the entities.
fn name_parts(entities: &[Entity], groups: &[EntityGroup]) -> std::collections::HashMap<String, Vec<(usize, usize)>> {
    let mut parts: std::collections::HashMap<String, Vec<(usize, usize)>> = std::collections::HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let name = &groups[e.group].name;
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        // Besides the first and the last word, a capitalised word inside the name: the first of two surnames
        // (`Juan Sebastián Arboleda Quintero` … `Arboleda said`), a second given name. A particle (`da`, `van`)
        // is no name part.
        let inner =
            words[1..words.len() - 1].iter().filter(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1);
        let mut seen: Vec<&str> = Vec::with_capacity(words.len());
        for part in [words[0], words[words.len() - 1]].into_iter().chain(inner.copied()) {
            if seen.contains(&part) {
                continue;
            }
            seen.push(part);
            parts.entry(part.to_string()).or_default().push((e.span.start, e.group));
        }
    }
    parts
}

/// How far from a person's name a role noun still names their role: "Senate President, Bukola Saraki",
/// "Daniel Zhang, the chief executive of …".
const ROLE_REACH_TOKENS: usize = 5;

/// For each role noun, the people named with it: as a title or a role before the name ("director Tom
/// Hargreave", "the former Senate President, Bukola Saraki") or in an appositive right after it ("Daniel
/// Zhang, the chief executive"). A fixed number of tokens around each person: linear.
fn role_mentions(
    seg: &Segmented<'_>,
    entities: &[Entity],
    attribution: &Attribution<'_>,
) -> std::collections::HashMap<String, Vec<usize>> {
    let mut roles: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (index, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Person || attribution.inside_quote(e.span.start) {
            continue;
        }
        let first = token_at(seg, e.span.start);
        let last = token_at(seg, e.span.end);
        let line = seg.tokens.get(first).map_or(0, |t| t.line);
        let same_line = |i: &usize| seg.tokens[*i].line == line;
        // Before the name (perhaps across a comma): role nouns and capitalised words only ("Senate President",
        // "chief executive"); "the president met Tom …" names no role of Tom's.
        let comma = first > 0 && seg.is_punct(first - 1, ',');
        let before = (first.saturating_sub(ROLE_REACH_TOKENS + usize::from(comma))..first - usize::from(comma))
            .rev()
            .filter(same_line)
            .take_while(|&i| {
                seg.is_word(i)
                    && (is_naming_role(seg.word(i))
                        || seg.word(i).starts_with(char::is_uppercase)
                        || (comma && i + 2 == first && KIN_NOUNS.contains(&seg.word(i))))
            });
        // After it: only an appositive, ", the …" or ", a …".
        let appositive = seg.is_punct(last, ',')
            && seg.is_word(last + 1)
            && matches!(crate::case::lowercase(seg.word(last + 1)).as_str(), "the" | "a" | "an");
        let after = (last + 2..seg.tokens.len().min(last + 2 + ROLE_REACH_TOKENS))
            .filter(|_| appositive)
            .filter(same_line)
            .take_while(|&i| seg.is_word(i));
        for i in before.chain(after) {
            // A nationality before the name (`Brazilian Gabriel Nascimento`) is a role too: `the Brazilian said`.
            let demonym = seg.is_word(i) && seg.word(i).starts_with(char::is_uppercase) && is_demonym(seg.word(i));
            // A relative in apposition (`whose father, Johan …`, `his wife, Carmen …`): `his father said`.
            // Only a pronoun's or "whose" relative: `Ana Costa's father, Rui Costa,` is no one's "his father".
            let kin = comma
                && i + 2 == first
                && KIN_NOUNS.contains(&seg.word(i))
                && i.checked_sub(1).is_some_and(|o| {
                    seg.is_word(o)
                        && matches!(crate::case::lowercase(seg.word(o)).as_str(), "his" | "her" | "their" | "whose")
                });
            // An age before the name (`the 19-year-old Kenji Arakawa`): `the 19-year-old said`.
            let age = seg.is_word(i) && seg.word(i).ends_with("-year-old");
            if seg.is_word(i) && (is_naming_role(seg.word(i)) || demonym || kin) && (!seg.word(i).contains('-') || age)
            {
                let holders = roles.entry(crate::case::lowercase(seg.word(i))).or_default();
                if holders.last() != Some(&index) {
                    holders.push(index);
                }
            }
        }
        // An age in apposition (`Dilnoza Rahimova, 22, beat …`) is the person's too.
        if let Some(years) = attribution.stated_age(index) {
            roles.entry(format!("{years}-year-old")).or_default().push(index);
        }
    }
    roles
}

/// Nouns for a written document that speaks for its authors ("the report states", "the study said").
/// Honorifics of Indian and Nigerian English that the entity stage keeps in a name (`Shri Verma`, `Comrade
/// Aisha Bello`): no part of the speaker's name. Kept here, not among the entity stage's titles, where `Sri`
/// would break `Sri Lanka`.
const HONORIFICS: &[&str] = &["Alhaja", "Alhaji", "Comrade", "Hajiya", "Shri", "Shrimati", "Smt", "Smt."];

/// A name that swallowed the capitalised speech verb opening its sentence (`Explains Tamm: “…”`, `Says Ana
/// Silva`) or an honorific ([`HONORIFICS`]) speaks under the rest of it: neither is part of anyone's name.
fn without_a_leading_speech_verb(speaker: Speaker) -> Speaker {
    let (name, group) = speaker;
    match name.split_once(' ') {
        Some((first, rest))
            if first.starts_with(char::is_uppercase)
                && (crate::lexicon::is_speech_verb(&crate::case::lowercase(first)) || HONORIFICS.contains(&first)) =>
        {
            (rest.to_string(), group)
        }
        _ => (name, group),
    }
}

/// A person's name that swallowed where the person works (`Svetlana Orlova of Novaya Radio`, `Prof. Ngaire
/// Whaanga of Waikato University`) speaks under the name before `of`: a personal name of two words or more
/// never goes on with `of` and a capitalised word, while one word and `of` is a title (`Prince of Wales`).
/// A name the entity stage typed otherwise (the whole taken for an organisation) is a person's when it opens
/// with a first name and holds no organisation's keyword before `of` (`Central Bank of Nigeria` stays whole).
fn without_an_affiliation(speaker: Speaker, is_person: bool) -> Speaker {
    let (name, group) = speaker;
    let Some((person, place)) = name.split_once(" of ") else { return (name, group) };
    let words: Vec<&str> = person.split(' ').collect();
    let capitalised = |s: &str| s.starts_with(char::is_uppercase);
    let personal = is_person
        || (crate::lexicon::is_first_name(words[0]) && !words.iter().any(|w| crate::lexicon::is_org_keyword(w)));
    if words.len() >= 2 && personal && words.iter().all(|w| capitalised(w)) && capitalised(place) {
        return (person.to_string(), group);
    }
    (name, group)
}

/// Whether a "speaker" the entity stage made of a label or a group is no one: one letter (an interview's `Q:`
/// and `A:`), or the plural of a role noun capitalised by position (`Officials said …`, `Residents told …`).
fn names_no_one(name: &str) -> bool {
    if name.contains(' ') {
        return false;
    }
    let one_letter = name.chars().nth(1).is_none();
    // A live blog's label in capitals before a colon (`UPDATE: “…”`, `BREAKING:`, `WATCH:`), which the entity
    // stage may type as a name: an English word, no acronym of a body.
    let label = || {
        let lower = crate::case::lowercase(name);
        name.chars().all(|c| c.is_ascii_uppercase())
            && name.len() >= 4
            && (crate::lexicon::is_common_word(&lower)
                || matches!(lower.as_str(), "update" | "updated" | "exclusive" | "correction"))
    };
    let role_plural = || {
        crate::case::lowercase(name).strip_suffix('s').is_some_and(|singular| {
            crate::lexicon::is_referring_role(singular) || crate::lexicon::is_role_before_names(singular)
        })
    };
    // A title alone (`the Inspector-General said`, where the entity stage kept the title as a name) is a role
    // whose holder the name does not say.
    one_letter || label() || role_plural() || crate::lexicon::is_title(name)
}

/// A person's name that kept a title or a role written before it (`Senator Layla Haddad` when the name was
/// not split there, `MP Anjali Deshmukh`) speaks under the name alone, when two words or more are left: a listed
/// title or role, or, before a known first name, an English word or a short acronym that is no first name
/// itself (`Rose Mary Okoth` keeps `Rose`).
fn without_a_title(speaker: Speaker) -> Speaker {
    let (name, group) = speaker;
    let Some((first, rest)) = name.split_once(' ') else { return (name, group) };
    let lower = crate::case::lowercase(first);
    let before_a_first_name = rest.split(' ').next().is_some_and(crate::lexicon::is_first_name)
        && !crate::lexicon::is_first_name(first)
        && (crate::lexicon::is_common_word(&lower)
            || (first.len() <= 3 && first.chars().all(|c| c.is_ascii_uppercase())));
    let title = crate::lexicon::is_title(first)
        || crate::lexicon::is_role_before_names_any_case(first)
        || crate::lexicon::is_referring_role(&lower)
        || before_a_first_name;
    if title && rest.contains(' ') && rest.split(' ').all(|w| w.starts_with(char::is_uppercase)) {
        return (rest.to_string(), group);
    }
    (name, group)
}

/// [`Attribution::speaking_names`]: a look at the one or two tokens after each MISC name.
fn speaking_names(attribution: &Attribution<'_>) -> Vec<bool> {
    let seg = attribution.seg;
    attribution
        .entities
        .iter()
        .map(|e| {
            if e.kind != EntityKind::Misc || attribution.inside_quote(e.span.start) {
                return false;
            }
            let words: Vec<&str> = e.span.slice(seg.text).split_whitespace().collect();
            if !(2..=3).contains(&words.len()) || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
                return false;
            }
            let mut next = token_at(seg, e.span.end);
            if seg.tokens.get(next).is_some_and(|t| t.span.slice(seg.text) == ",") {
                next += 1;
            }
            // `X was quoted as saying`: the verb after the passive's words.
            let quoted_as = ["was", "quoted", "as"];
            if (0..3).all(|k| {
                seg.tokens.get(next + k).is_some_and(|_| seg.is_word(next + k) && seg.word(next + k) == quoted_as[k])
            }) {
                next += 3;
            }
            let says = next < seg.tokens.len()
                && seg.is_word(next)
                && seg.word(next).starts_with(char::is_lowercase)
                && attribution.is_verb_of_speech(next);
            // `Tamsin Oyelaran, stuck at the terminal with her two children, said:`: past an aside that opens in
            // lower case or with a number, the verb is still the name's (as [`Attribution::parenthetical_head`]
            // reads it for a person).
            let says_past_an_aside = || {
                let comma = token_at(seg, e.span.end);
                let Some(sentence) = seg.tokens.get(comma).filter(|_| seg.is_punct(comma, ',')).map(|t| t.sentence)
                else {
                    return false;
                };
                let opens = seg.is_word(comma + 1)
                    && seg.word(comma + 1).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
                let close = (comma + 2..seg.tokens.len().min(comma + 2 + ASIDE_TOKENS))
                    .take_while(|&i| seg.tokens[i].sentence == sentence)
                    .find(|&i| seg.is_punct(i, ','));
                opens
                    && close.is_some_and(|c| {
                        seg.is_word(c + 1)
                            && seg.word(c + 1).starts_with(char::is_lowercase)
                            && attribution.is_verb_of_speech(c + 1)
                    })
            };
            says || says_past_an_aside()
                || after_a_role_noun(seg, token_at(seg, e.span.start))
                || in_apposition_to_a_definite_noun(seg, e)
                || named_by_the_cue_after_a_quote(attribution, e)
                || (words_of_someone_before(seg, token_at(seg, e.span.start))
                    && seg.starts_sentence(token_at(seg, e.span.start) - 5))
                || (words_came_from_someone_before(seg, token_at(seg, e.span.start))
                    && seg.starts_sentence(token_at(seg, e.span.start) - 4))
        })
        .collect()
}

/// Whether the five tokens before `token` are `That was the view of`, `Such was the verdict of`, `Those were
/// the words of` (a noun for what someone said): the name at `token` is whose words the sentence points back at.
fn words_of_someone_before(seg: &Segmented<'_>, token: usize) -> bool {
    const SLOTS: [&[&str]; 5] = [
        &["That", "This", "Such", "Those", "These"],
        &["was", "is", "were", "are"],
        &["the"],
        &["view", "verdict", "words", "message", "assessment", "opinion", "warning", "reaction", "plea"],
        &["of"],
    ];
    token >= 5 && (0..5).all(|k| seg.is_word(token - 5 + k) && SLOTS[k].contains(&seg.word(token - 5 + k)))
}

/// Whether the four tokens before `token` are `The complaint came from`, `The warning comes from` (a noun for what
/// someone said, then where it came from): the name at `token` is whose words the sentence points back at.
fn words_came_from_someone_before(seg: &Segmented<'_>, token: usize) -> bool {
    const SLOTS: [&[&str]; 4] = [
        &["The"],
        &[
            "words",
            "warning",
            "complaint",
            "comment",
            "comments",
            "remark",
            "remarks",
            "criticism",
            "plea",
            "appeal",
            "admission",
            "message",
            "reaction",
            "verdict",
            "rebuke",
            "praise",
            "reply",
            "response",
            "retort",
            "answer",
            "accusation",
            "demand",
            "question",
        ],
        &["came", "comes"],
        &["from"],
    ];
    token >= 4 && (0..4).all(|k| seg.is_word(token - 4 + k) && SLOTS[k].contains(&seg.word(token - 4 + k)))
}

/// The longest aside between a name left MISC and its verb of speech that [`speaking_names`] reads past.
const ASIDE_TOKENS: usize = 16;

/// `“…,” said Rahimullah Zadrankhel.`, `“…,” according to Aukan Huenchumil.`: a name right after an inverted
/// verb of speech or `according to` that follows a quote's closing mark, and that ends the clause, is the
/// quote's speaker whatever the lists know: in that slot news English puts only who spoke.
fn named_by_the_cue_after_a_quote(attribution: &Attribution<'_>, name: &Entity) -> bool {
    let seg = attribution.seg;
    let next = token_at(seg, name.span.end);
    let ends_clause = seg.tokens.get(next).is_none_or(|t| {
        t.line != seg.tokens[next - 1].line
            || (t.kind == TokenKind::Punct && matches!(t.span.slice(seg.text), "," | "." | ";"))
    });
    let start = token_at(seg, name.span.start);
    let Some(cue) = start.checked_sub(1).filter(|&i| seg.is_word(i)) else { return false };
    let cue_start = match seg.word(cue) {
        "to" if cue > 0 && seg.is_word(cue - 1) && seg.word(cue - 1) == "according" => cue - 1,
        word if word.starts_with(char::is_lowercase) && attribution.is_verb_of_speech(cue) => cue,
        _ => return false,
    };
    let quote = attribution.quote_spans.partition_point(|q| q.start < seg.tokens[cue_start].span.start);
    let after_a_quote = quote.checked_sub(1).is_some_and(|i| {
        let close = token_at(seg, attribution.quote_spans[i].end);
        // Right after the closing mark, or a comma after it: with a subject between (`” I asked X`), X is the
        // listener.
        cue_start > close && cue_start <= close + 2 && (close + 1..cue_start).all(|i| !seg.is_word(i))
    });
    ends_clause && after_a_quote
}

/// Whether a lower-case role noun stands right before the token, or before a comma before it (`manager
/// Dimitris Kalogeropoulos`, `the opposition leader Ousmane Faye`, `the club's captain, Sione Vake`), or a
/// noun of kinship before a comma (`his sister, Dilnoza Nazarova`): a role's holder, a relative, is a person.
fn after_a_role_noun(seg: &Segmented<'_>, token: usize) -> bool {
    let Some(mut before) = token.checked_sub(1) else { return false };
    let comma = seg.is_punct(before, ',');
    if comma {
        let Some(earlier) = before.checked_sub(1) else { return false };
        before = earlier;
    }
    seg.is_word(before)
        && seg.word(before).starts_with(char::is_lowercase)
        && (is_role_noun(seg.word(before))
            // `council member Yumi Sato`, `board member …`: too common a word to refer back as "the member", it
            // still names who holds a seat.
            || seg.word(before) == "member"
            || (comma && KIN_NOUNS.contains(&seg.word(before))))
}

/// How many sentences back "they" may find the organisation that opened one (`The X Union rejected the offer.
/// “…,” they said`: two, the quote being one).
const THEY_REACH_SENTENCES: usize = 2;

/// How many words may stand between "the" and the comma of an appositive name (`the member for Kisumu East,
/// Otieno Odhiambo,`).
const APPOSITION_WORDS: usize = 6;

/// Whether the name stands between commas right after a noun phrase that "the" or a possessive opens (`According
/// to the harbour master, Sione Tupou, “…”`, `the member for Kisumu East, Otieno Odhiambo, rose to say`): a
/// name in apposition to a role is the person holding it. A possessive determiner opens such a noun phrase too
/// (`His opposite number, Kenji Watanabe, disagreed:`, `its chief executive, X Y,`), but a noun of a work in it
/// (`her new album, Blue Hours,`) makes the name a title.
fn in_apposition_to_a_definite_noun(seg: &Segmented<'_>, entity: &Entity) -> bool {
    let start = token_at(seg, entity.span.start);
    let end = token_at(seg, entity.span.end);
    if start < 2 || !seg.is_punct(start - 1, ',') || !seg.is_punct(end, ',') {
        return false;
    }
    let line = seg.tokens[start].line;
    let phrase: Vec<usize> = (start.saturating_sub(APPOSITION_WORDS + 2)..start - 1)
        .rev()
        .take_while(|&i| seg.tokens[i].line == line && (seg.is_word(i) || seg.is_possessive(i)))
        .collect();
    let opener = phrase.iter().position(|&i| {
        seg.is_possessive(i)
            || matches!(
                crate::case::lowercase(seg.word(i)).as_str(),
                "the" | "his" | "her" | "their" | "its" | "our" | "my"
            )
    });
    opener.is_some_and(|at| !phrase[..at].iter().any(|&i| WORK_NOUNS.contains(&seg.word(i))))
}

/// Whether a name inside its sentence stands in apposition to a noun that a possessive determiner opens after a
/// preposition (`a photograph of his late wife, Grace.`, `lives with her son, Kwesi Boateng`): what the sentence
/// is about, not who does it, so no sentence subject for the pronouns and quotes after it. A name straight after
/// the preposition stays one (`When I put it to X that …, he shrugs` is X's shrug), and so does `according to`'s.
fn the_object_of_a_preposition(seg: &Segmented<'_>, entity: &Entity) -> bool {
    preposition_before_an_apposition(seg, entity).is_some_and(|p| {
        matches!(
            seg.word(p),
            "of" | "with" | "for" | "to" | "from" | "about" | "near" | "behind" | "alongside" | "against" | "among"
        ) && !(p > 0 && seg.is_word(p - 1) && crate::case::lowercase(seg.word(p - 1)) == "according")
    })
}

/// The token of the word before `his/her/their … ,` when the entity stands in apposition to such a noun phrase
/// inside its sentence (`of his late wife, Grace`): the caller decides which words count as prepositions.
fn preposition_before_an_apposition(seg: &Segmented<'_>, entity: &Entity) -> Option<usize> {
    let start = token_at(seg, entity.span.start);
    if start == 0 || seg.starts_sentence(start) {
        return None;
    }
    let sentence = seg.tokens[start].sentence;
    let comma = start - 1;
    if !seg.is_punct(comma, ',') {
        return None;
    }
    let determiner = (comma.saturating_sub(APPOSITION_DETERMINER_REACH)..comma)
        .rev()
        .take_while(|&i| seg.is_word(i) && seg.tokens[i].sentence == sentence)
        .find(|&i| !seg.word(i).starts_with(char::is_lowercase) || is_possessive_determiner(seg.word(i)))?;
    let before = determiner.checked_sub(1).filter(|_| is_possessive_determiner(seg.word(determiner)))?;
    (seg.is_word(before) && seg.tokens[before].sentence == sentence).then_some(before)
}

/// How many words back from an appositive's comma its possessive determiner may stand (`of his late wife,`).
const APPOSITION_DETERMINER_REACH: usize = 4;

fn is_possessive_determiner(word: &str) -> bool {
    matches!(word, "his" | "her" | "their" | "its" | "my" | "our")
}

/// Most words of a role between a pull quote's dash and the person credited (`— Harbour master Ilse de Groot`).
const DASH_ROLE_WORDS: usize = 3;

/// Whether the entity is alone in parentheses: a wire dateline's agency (`ANKARA (Reuters) - X said …`), an
/// acronym after its expansion or a party after a politician is an aside, never the clause's subject.
fn in_parentheses(seg: &Segmented<'_>, entity: &Entity) -> bool {
    let start = token_at(seg, entity.span.start);
    let end = token_at(seg, entity.span.end);
    start > 0 && seg.is_punct(start - 1, '(') && seg.is_punct(end, ')')
}

/// Whether a parenthesis opens at most four tokens before the entity and does not close before it: `(Ward 12)`.
fn after_an_open_parenthesis(seg: &Segmented<'_>, entity: &Entity) -> bool {
    let start = token_at(seg, entity.span.start);
    (start.saturating_sub(4)..start)
        .rev()
        .find(|&i| seg.is_punct(i, '(') || seg.is_punct(i, ')'))
        .is_some_and(|i| seg.is_punct(i, '('))
}

/// Nouns of kinship: in apposition before a name (`his sister, Dilnoza Nazarova,`) they say a person is meant.
/// Not referring roles: `the mother said` after a child is named is no back reference to the child.
const KIN_NOUNS: &[&str] = &[
    "aunt",
    "boyfriend",
    "brother",
    "cousin",
    "daughter",
    "father",
    "fiancé",
    "fiancée",
    "girlfriend",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "husband",
    "mother",
    "nephew",
    "niece",
    "sister",
    "son",
    "stepdaughter",
    "stepfather",
    "stepmother",
    "stepson",
    "uncle",
    "widow",
    "widower",
    "wife",
];

/// The sex a noun of kinship gives the person it names: a woman (`Some(true)`), a man (`Some(false)`), else
/// `None` (`cousin`, or no noun of kinship).
fn kin_noun_sex(word: &str) -> Option<bool> {
    match word {
        "daughter" | "sister" | "mother" | "wife" | "widow" | "niece" | "aunt" | "granddaughter" | "grandmother"
        | "stepdaughter" | "stepmother" | "girlfriend" | "fiancée" => Some(true),
        "son" | "brother" | "father" | "husband" | "widower" | "nephew" | "uncle" | "grandson" | "grandfather"
        | "stepson" | "stepfather" | "boyfriend" | "fiancé" => Some(false),
        _ => None,
    }
}

/// How many entities before a noun of kinship are looked at for the sentence's subject, the owner of `his`/`her`.
const KIN_OWNER_REACH: usize = 8;

/// Per entity group, the sex a noun of kinship of one sex gives a person named right after it, after a possessive
/// (`his wife, Efua Boateng`, `her brother Luis Ferreira`, `Kwame's wife Efua`): a woman (`Some(true)`), a man
/// (`Some(false)`), else `None` (two nouns of different sexes for one group give none); and `his`/`her` before the
/// noun gives the sentence's subject its sex. Three tokens before each person, [`KIN_OWNER_REACH`] entities back.
fn kin_sexes(seg: &Segmented<'_>, entities: &[Entity], groups: usize) -> Vec<Option<bool>> {
    let mut sexes: Vec<Option<Option<bool>>> = vec![None; groups];
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let Some(mut before) = token_at(seg, e.span.start).checked_sub(1) else { continue };
        if seg.is_punct(before, ',') {
            let Some(noun) = before.checked_sub(1) else { continue };
            before = noun;
        }
        if !seg.is_word(before) || before == 0 {
            continue;
        }
        let Some(female) = kin_noun_sex(seg.word(before)) else { continue };
        let owner = before - 1;
        let pronoun = seg.is_word(owner).then(|| crate::case::lowercase(seg.word(owner)));
        let possessive = pronoun.as_deref().is_some_and(|p| matches!(p, "his" | "her" | "their" | "my" | "our"))
            || seg.is_possessive(owner);
        if !possessive {
            continue;
        }
        let mut give = |group: usize, female: bool| {
            let sex = &mut sexes[group];
            *sex = match sex {
                None => Some(Some(female)),
                Some(known) if *known == Some(female) => Some(Some(female)),
                Some(_) => Some(None),
            };
        };
        give(e.group, female);
        // `Kojo Ampofo runs the ferry with her husband, …`: `his`/`her` is the sentence's subject's, the first
        // person of the sentence, a few entities back.
        let owner_female = match pronoun.as_deref() {
            Some("her") => true,
            Some("his") => false,
            _ => continue,
        };
        let sentence = seg.tokens[before].sentence;
        let index = entities.partition_point(|x| x.span.start < e.span.start);
        // Only when one person stands before the noun in its sentence: with two (`A met B and his sister, C`)
        // the possessive is as likely the nearer one's, and a wrong sex sends `he`/`she` to the wrong person.
        let mut owners = entities[..index]
            .iter()
            .rev()
            .take(KIN_OWNER_REACH)
            .take_while(|x| seg.tokens.get(token_at(seg, x.span.start)).is_some_and(|t| t.sentence == sentence))
            .filter(|x| x.kind == EntityKind::Person && x.group != e.group)
            .map(|x| x.group);
        if let Some(owner) = owners.next() {
            if owners.all(|other| other == owner) {
                give(owner, owner_female);
            }
        }
    }
    sexes.into_iter().map(Option::flatten).collect()
}

/// [`Attribution::kin_openers`]: one pass over the sentences' first words. A sentence opening `His/Her/Their/My/Our`,
/// a noun of kinship of one sex, a comma, one or two capitalised words that no stage made an entity, a comma.
fn kin_openers(attribution: &Attribution<'_>) -> Vec<(usize, String, bool)> {
    let seg = attribution.seg;
    let mut out = Vec::new();
    for token in 0..seg.tokens.len() {
        if !seg.is_word(token)
            || !matches!(seg.word(token), "His" | "Her" | "Their" | "My" | "Our")
            || !seg.starts_sentence(token)
        {
            continue;
        }
        let Some(female) = seg.tokens.get(token + 1).and_then(|t| kin_noun_sex(t.span.slice(seg.text))) else {
            continue;
        };
        if !seg.is_punct(token + 2, ',') {
            continue;
        }
        let capitalised = |i: usize| seg.is_word(i) && seg.word(i).starts_with(char::is_uppercase);
        let first = token + 3;
        let last = if capitalised(first + 1) { first + 1 } else { first };
        if !capitalised(first) || !seg.is_punct(last + 1, ',') {
            continue;
        }
        let (start, end) = (seg.tokens[first].span.start, seg.tokens[last].span.end);
        let at = attribution.entities.partition_point(|e| e.span.end <= start);
        if attribution.entities.get(at).is_some_and(|e| e.span.start < end) || attribution.inside_quote(start) {
            continue;
        }
        out.push((start, seg.text[start..end].to_string(), female));
    }
    out
}

/// Most words of an unknown name that opens a sentence: `Maria da Conceição Ferreira` is four.
const UNKNOWN_NAME_WORDS: usize = 4;

/// [`Attribution::unknown_name_openers`]: sentences whose first two to four words are capitalised, no common
/// word or title, and start no entity, followed by a word in lower case (`Tshering Wangchuk Dorji has …`,
/// `Yerlan Nurgaliyev coaches …`): a name the lists lack, which the entity stage drops where capitals are
/// no evidence; or such words left MISC after an opening phrase. One pass over the words, at most
/// [`UNKNOWN_NAME_WORDS`] + 1 tokens each where one opens (and [`SENTENCE_ENTITY_REACH`] entities before a MISC
/// name).
fn unknown_name_openers(attribution: &Attribution<'_>) -> Vec<Span> {
    let seg = attribution.seg;
    let entities = attribution.entities;
    let mut out = Vec::new();
    let mut at = 0;
    for token in 0..seg.tokens.len() {
        if !seg.is_word(token) {
            continue;
        }
        let start = seg.tokens[token].span.start;
        while entities.get(at).is_some_and(|e| e.span.end <= start) {
            at += 1;
        }
        let entity = entities.get(at).filter(|e| e.span.start <= start);
        let sentence = seg.tokens[token].sentence;
        // Mid-sentence, a name the entity stage left MISC, after an opening phrase (`On Friday, X Y walked …`,
        // `Yesterday X Y drove …`): no word in lower case right before it, and no person or organisation
        // before it in its sentence.
        let opens_as_misc = || {
            entity.is_some_and(|e| e.kind == EntityKind::Misc && e.span.start == start)
                && !(seg.is_word(token - 1) && seg.word(token - 1).starts_with(char::is_lowercase))
                && !entities[..at].iter().rev().take(SENTENCE_ENTITY_REACH).any(|e| {
                    matches!(e.kind, EntityKind::Person | EntityKind::Org)
                        && seg.tokens.get(token_at(seg, e.span.start)).is_some_and(|t| t.sentence == sentence)
                })
        };
        let opens = if seg.starts_sentence(token) { entity.is_none() } else { token > 0 && opens_as_misc() };
        if !opens || attribution.inside_quote(start) {
            continue;
        }
        // `Shopkeeper Nasrin Jafari has closed …`: a role in capitals opening the sentence stands before the name
        // as a title would, and no stage made the name an entity either.
        let role_first = seg.starts_sentence(token)
            && is_naming_role(seg.word(token))
            && seg
                .tokens
                .get(token + 1)
                .is_some_and(|next| entities.get(at).is_none_or(|e| e.span.start > next.span.start));
        let (token, start) = if role_first { (token + 1, seg.tokens[token + 1].span.start) } else { (token, start) };
        let line = seg.tokens[token].line;
        let name_word = |i: usize| {
            seg.is_word(i) && seg.tokens[i].line == line && {
                let word = seg.word(i);
                word.starts_with(char::is_uppercase)
                    && !crate::lexicon::is_common_word(&crate::case::lowercase(word))
                    && !crate::lexicon::is_title(word)
            }
        };
        let words = (token..).take(UNKNOWN_NAME_WORDS + 1).take_while(|&i| name_word(i)).count();
        let next = token + words;
        let then_lower_case =
            seg.is_word(next) && seg.tokens[next].line == line && seg.word(next).starts_with(char::is_lowercase);
        if (2..=UNKNOWN_NAME_WORDS).contains(&words) && then_lower_case {
            out.push(Span { start, end: seg.tokens[next - 1].span.end });
        }
    }
    out
}

/// [`Attribution::name_part_openers`]: one pass over the sentences' first words, each looked up once.
fn name_part_openers(attribution: &Attribution<'_>) -> Vec<(usize, usize)> {
    let seg = attribution.seg;
    let mut out = Vec::new();
    for token in 0..seg.tokens.len() {
        if !seg.is_word(token) || !seg.starts_sentence(token) {
            continue;
        }
        let start = seg.tokens[token].span.start;
        let at = attribution.entities.partition_point(|e| e.span.end <= start);
        let in_entity = attribution.entities.get(at).is_some_and(|e| e.span.start <= start);
        if in_entity || attribution.inside_quote(start) {
            continue;
        }
        if let Some((_, Some(group))) = attribution.person_by_name_part(token, start) {
            out.push((start, group));
        }
    }
    out
}

fn is_document_noun(word: &str) -> bool {
    // Compared without lower-casing into a new string (this runs for every word): only ASCII letters
    // lower-case to these words' letters (the Kelvin sign's "k" is none of them).
    ["report", "study", "survey", "statement"].iter().any(|noun| word.eq_ignore_ascii_case(noun))
        || is_authored_document_noun(word)
}

/// Documents that speak only through the author the text gives that very mention (`The judgment, written by
/// Justice X, said`, `The lawsuit, filed by X, says`, `a post by his agent, X, which read:`) or an earlier
/// mention of the same noun: a judgment is no report, so the nearest report's author is not its author.
fn is_authored_document_noun(word: &str) -> bool {
    ["judgment", "judgement", "ruling", "lawsuit", "petition", "indictment", "memo", "post", "letter"]
        .iter()
        .any(|noun| word.eq_ignore_ascii_case(noun))
}

/// How many tokens after a document noun its author may be named ("a new report released on Monday by X").
const AUTHOR_REACH_TOKENS: usize = 8;

/// The documents whose author the text names, by "a report by/from X" (the organisation or person after
/// "by" or "from", past one in the possessive: "by Stanford University's Center on …" is the Center's) or
/// "X's report". A fixed number of tokens per document noun: linear.
fn document_authors(attribution: &Attribution<'_>) -> Vec<(usize, usize)> {
    let seg = attribution.seg;
    let index_at = |token: usize| {
        let start = seg.tokens[token].span.start;
        let idx = attribution.entities.partition_point(|e| e.span.start < start);
        attribution.entities.get(idx).is_some_and(|e| e.span.start == start).then_some(idx)
    };
    let index_ending_at = |token: usize| {
        let end = seg.tokens[token].span.end;
        let idx = attribution.entities.partition_point(|e| e.span.end < end);
        attribution.entities.get(idx).is_some_and(|e| e.span.end == end).then_some(idx)
    };
    let speaks = |idx: usize| matches!(attribution.entities[idx].kind, EntityKind::Person | EntityKind::Org);
    let mut authors = Vec::new();
    for token in 0..seg.tokens.len() {
        if !seg.is_word(token)
            || !is_document_noun(seg.word(token))
            || attribution.inside_quote(seg.tokens[token].span.start)
        {
            continue;
        }
        let line = seg.tokens[token].line;
        // "X's report", "X's new report".
        let owner = (token.saturating_sub(3)..token)
            .rev()
            .find(|&i| seg.is_possessive(i + 1) && index_ending_at(i).is_some_and(speaks))
            .and_then(index_ending_at);
        let mut author = owner;
        let mut after_by = false;
        // `a statement from the family of X`, `by lawyers for X`: the authors are people related to X, not X.
        let mut related_to = false;
        for i in token + 1..seg.tokens.len().min(token + 1 + AUTHOR_REACH_TOKENS) {
            if author.is_some() || seg.tokens[i].line != line || seg.is_punct(i, '.') {
                break;
            }
            // `The memo, seen by the Financial Times,`: who has read it is not who wrote it.
            let read_by_someone = i > 0
                && seg.is_word(i - 1)
                && matches!(
                    seg.word(i - 1),
                    "seen" | "obtained" | "reviewed" | "viewed" | "received" | "leaked" | "cited" | "examined" | "read"
                );
            if seg.is_word(i) && matches!(seg.word(i), "by" | "from") && !read_by_someone {
                after_by = true;
            } else if after_by && seg.is_word(i) && matches!(seg.word(i), "of" | "for") {
                related_to = true;
            } else if after_by && !related_to {
                if let Some(idx) = index_at(i).filter(|&idx| speaks(idx)) {
                    let entity_end = token_at(seg, attribution.entities[idx].span.end);
                    if !seg.is_possessive(entity_end) {
                        author = Some(idx);
                    }
                }
            }
        }
        // "The ministry said in a statement", "Peace Now issued a statement": the name just before the verb.
        if author.is_none() {
            let verb = (token.saturating_sub(4)..token).rev().find(|&i| {
                seg.is_word(i)
                    && (attribution.is_verb_of_speech(i) || matches!(seg.word(i), "issued" | "released" | "published"))
            });
            author = verb.and_then(|v| {
                (v.saturating_sub(3)..v)
                    .rev()
                    .filter(|&i| seg.tokens[i].line == line)
                    .find_map(|i| index_ending_at(i).filter(|&idx| speaks(idx) && !seg.is_possessive(i + 1)))
            });
        }
        // "In a statement on Friday, the Norwegian Refugee Council said …": the subject of the verb of speech
        // the introductory phrase leads to — its first words after the comma, a name then the verb.
        if author.is_none() {
            let introduced = (token.saturating_sub(3)..token)
                .rev()
                .take_while(|&i| seg.is_word(i))
                .find(|&i| !seg.word(i).starts_with(char::is_lowercase) || seg.word(i) == "in")
                .is_some_and(|i| seg.word(i).eq_ignore_ascii_case("in"));
            let comma = (token + 1..seg.tokens.len().min(token + 1 + AUTHOR_REACH_TOKENS))
                .take_while(|&i| seg.tokens[i].line == line && !seg.is_punct(i, '.'))
                .find(|&i| seg.is_punct(i, ','));
            // Past `the` and a title the entity stage left out of the name (`Senator Beatriz Ocampo said`).
            let subject_at = comma.map(|c| {
                let mut after = c + 1;
                if seg.is_word(after) && seg.word(after) == "the" {
                    after += 1;
                }
                if seg.is_word(after) && crate::lexicon::is_title(seg.word(after)) && index_at(after).is_none() {
                    after += 1;
                }
                after
            });
            author = subject_at.filter(|_| introduced).and_then(index_at).filter(|&idx| {
                let verb = token_at(seg, attribution.entities[idx].span.end);
                speaks(idx) && verb < seg.tokens.len() && seg.is_word(verb) && attribution.is_verb_of_speech(verb)
            });
        }
        if let Some(idx) = author {
            authors.push((token, idx));
        }
    }
    authors
}

/// Whether the words in the marks are, whole, a name the entity stage typed as a work or event (MISC: a quoted
/// Title Case title in prose, `CBSN's "Red and Blue"`, `'Bad at Love,'`): the guideline counts titles of works
/// as no quotes.
fn is_a_works_title(text: &str, inner: Span, entities: &[Entity]) -> bool {
    let words = inner.slice(text);
    let trimmed = words.trim_end_matches(|c: char| !c.is_alphanumeric());
    let name = Span::new(inner.start, inner.start + trimmed.len());
    let at = entities.partition_point(|e| e.span.start < name.start);
    entities[at..]
        .iter()
        .take_while(|e| e.span.start == name.start)
        .any(|e| e.span == name && e.kind == EntityKind::Misc)
}

/// The words of a quote with typography set aside, so that a headline's `We’re ready` repeats a body's
/// `We're  ready`: curly apostrophes and quotation marks become straight ones, dashes hyphens, and runs of white
/// space one space.
fn fold_typography(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    let mut space = false;
    for c in words.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(match c {
            '’' | '‘' | '′' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '‐' | '‑' => '-',
            other => other,
        });
    }
    out
}

/// How many quotes on each side of a quote are searched for one that repeats its words.
const ECHO_QUOTES: usize = 12;

/// Quotes that repeat the words of another (a subheading or headline `“My fears have been realized”` over the
/// paragraph where someone says "… My fears have been realized."; a pull quote under it): the words are the
/// same person's, named where the longer quote is attributed.
struct Echoes {
    /// Each quote's words in lower case, without the punctuation that closes or opens them.
    folded: Vec<String>,
    spans: Vec<Span>,
}

impl Echoes {
    fn new(text: &str, found: &[Found]) -> Self {
        let folded = found
            .iter()
            .map(|f| {
                let words = f.inner.slice(text).trim_matches(|c: char| !c.is_alphanumeric());
                fold_typography(&crate::case::lowercase(words))
            })
            .collect();
        Echoes { folded, spans: found.iter().map(|f| f.inner).collect() }
    }

    /// The cued speaker of the nearest quote (at most [`ECHO_QUOTES`] away on either side, after first) that
    /// holds all of this quote's words and is neither inside it nor around it (a quote nested in another
    /// quotes a third person).
    fn source(&self, index: usize, cued: &[Option<Speaker>]) -> Option<Speaker> {
        let needle = &self.folded[index];
        if needle.is_empty() {
            return None;
        }
        let span = self.spans[index];
        let after = index + 1..self.spans.len().min(index + 1 + ECHO_QUOTES);
        let before = (index.saturating_sub(ECHO_QUOTES)..index).rev();
        after.chain(before).find_map(|j| {
            let other = self.spans[j];
            let apart = other.end <= span.start || span.end <= other.start;
            let repeats = apart && self.folded[j].len() >= needle.len() && self.folded[j].contains(needle.as_str());
            repeats.then(|| cued[j].clone()).flatten()
        })
    }
}

/// Finds quotations and attributes them.
pub(crate) fn find_quotes(
    seg: &Segmented<'_>,
    entities: &[Entity],
    groups: &[EntityGroup],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Quote> {
    let mut found = find_marked(seg, diagnostics);
    found.retain(|f| !is_a_works_title(seg.text, f.inner, entities));
    let mut attribution = Attribution {
        seg,
        entities,
        groups,
        quote_spans: found.iter().map(|f| f.inner).collect(),
        sentence_subjects: Vec::new(),
        line_words: seg.lines.iter().map(|l| (l.tokens.0..l.tokens.1).filter(|&i| seg.is_word(i)).count()).collect(),
        role_mentions: std::collections::HashMap::new(),
        document_authors: Vec::new(),
        clause_openers: Vec::new(),
        group_is_female: group_sexes(seg, entities, groups),
        kin_sexes: kin_sexes(seg, entities, groups.len()),
        byline_lines: seg.lines.iter().map(|line| crate::entities::is_byline(seg, line)).collect(),
        name_parts: name_parts(entities, groups),
        name_part_openers: Vec::new(),
        kin_openers: Vec::new(),
        unknown_name_openers: Vec::new(),
        speaking_names: Vec::new(),
    };
    attribution.speaking_names = speaking_names(&attribution);
    attribution.name_part_openers = name_part_openers(&attribution);
    attribution.kin_openers = kin_openers(&attribution);
    attribution.unknown_name_openers = unknown_name_openers(&attribution);
    attribution.role_mentions = role_mentions(seg, entities, &attribution);
    // A role of one sex ("the actress Jessie Marlowe") says it when the first name and titles do not.
    for (role, female) in GENDERED_ROLES {
        for &holder in attribution.role_mentions.get(*role).map_or(&[][..], Vec::as_slice) {
            let sex = &mut attribution.group_is_female[entities[holder].group];
            sex.get_or_insert(*female);
        }
    }
    // So does a noun of kinship before the name ("her husband, Rafael Okoro").
    for (group, kin) in attribution.kin_sexes.iter().enumerate() {
        if let Some(female) = kin {
            attribution.group_is_female[group].get_or_insert(*female);
        }
    }
    attribution.document_authors = document_authors(&attribution);
    let mut last_sentence = usize::MAX;
    for (index, e) in entities.iter().enumerate() {
        if matches!(e.kind, EntityKind::Person | EntityKind::Org)
            && !attribution.inside_quote(e.span.start)
            && !attribution.in_byline(e)
            && !in_parentheses(seg, e)
        {
            let sentence = seg.tokens.get(token_at(seg, e.span.start)).map_or(0, |t| t.sentence);
            let opener = attribution
                .clause_openers
                .last()
                .map(|&o| seg.tokens.get(token_at(seg, entities[o].span.start)).map_or(0, |t| t.sentence));
            if opener != Some(sentence) {
                attribution.clause_openers.push(index);
            }
        }
    }
    for (index, e) in entities.iter().enumerate() {
        // "a spokesperson for the X Association said …": the organisation speaks through "he" or "she".
        let spokes_for = e.kind == EntityKind::Org && attribution.after_spokesperson(e.span.start);
        // A name in the possessive modifies the subject, it is not it ("Silva's lawyer, John Okoro, said").
        let possessive = seg.is_possessive(token_at(seg, e.span.end));
        let speaking = attribution.speaking_names[index];
        if (e.kind != EntityKind::Person && !spokes_for && !speaking)
            || attribution.inside_quote(e.span.start)
            || attribution.in_byline(e)
            || possessive
            || attribution.one_word_person_after_the(index)
            || the_object_of_a_preposition(seg, e)
        {
            continue;
        }
        let sentence = seg.tokens.get(token_at(seg, e.span.start)).map_or(0, |t| t.sentence);
        if sentence != last_sentence {
            attribution.sentence_subjects.push(index);
            last_sentence = sentence;
        }
    }
    // Cues of the quote's own sentence first, for every quote: a quote without one may repeat the words of
    // another that has one.
    let cued: Vec<Option<Speaker>> =
        found
            .iter()
            .map(|f| {
                let speaker = if f.open_at_end {
                    None
                } else {
                    attribution.role_named_later(f.inner).or_else(|| attribution.after(f.inner))
                };
                if introduced_as_a_name(seg, f.inner) {
                    return None;
                }
                speaker
                    .or_else(|| if f.continues_previous { None } else { attribution.before(f.inner) })
                    .or_else(|| if f.open_at_end { None } else { attribution.next_sentence_names_it(f.inner) })
            })
            .collect();
    // A quote whose own cue names no one (`“…,” a reporter shouted`) is someone else's: no fallback gives it a
    // speaker.
    let unnamed_cue: Vec<bool> = found
        .iter()
        .zip(&cued)
        .map(|(f, cue)| {
            cue.is_none()
                && !f.open_at_end
                && (attribution.cue_after_names_no_one(f.inner)
                    || introduced_as_a_name(seg, f.inner)
                    || (!f.continues_previous && attribution.cue_before_names_no_one(f.inner)))
        })
        .collect();
    let echoes = Echoes::new(seg.text, &found);
    let mut speakers: Vec<Option<Speaker>> = Vec::with_capacity(found.len());
    let mut previous: Option<(usize, Speaker)> = None;
    let lines_of_found: Vec<usize> =
        found.iter().map(|f| seg.tokens.get(token_at(seg, f.inner.start)).map_or(0, |t| t.line)).collect();
    // The last paragraph opened by an attributed quote: its line, its speaker, whether its quote asks.
    let mut last_turn: Option<(usize, Speaker, bool)> = None;
    // A dialogue under way: the line of the last turn, whose turn comes next, who spoke last.
    let mut exchange: Option<(usize, Speaker, Speaker)> = None;
    // The line of the last paragraph of a dialogue left to no one: the cue-less paragraphs after it are no one's.
    let mut unresolved_turn: Option<usize> = None;
    for (index, f) in found.iter().enumerate() {
        let line = seg.tokens.get(token_at(seg, f.inner.start)).map_or(0, |t| t.line);
        if unnamed_cue[index] {
            speakers.push(None);
            continue;
        }
        let mut speaker = cued[index].clone();
        if speaker.is_none() && !f.continues_previous {
            speaker = echoes.source(index, &cued);
        }
        if speaker.is_none() && !f.continues_previous {
            speaker = attribution.headline_subject(f.inner);
        }
        if speaker.is_none() && !f.continues_previous {
            speaker = attribution.previous_sentence_cue(f.inner);
        }
        // A first-person quote paragraph right after a paragraph about someone else than the last quote's speaker
        // (`“…,” Silva said. ¶ Okoro welcomed the ruling. ¶ “I always trusted the courts.”`) is the words of the
        // person that paragraph is about, before the last speaker carries on.
        let paragraph_between = previous.as_ref().is_some_and(|(prev_line, _)| {
            let before = token_at(seg, f.inner.start).checked_sub(2);
            before.is_some_and(|b| seg.tokens[b].line != *prev_line && seg.tokens[b].line != line)
        });
        if speaker.is_none() && !f.continues_previous && paragraph_between {
            speaker = attribution.previous_paragraph_subject(f.inner);
        }
        let opens_paragraph = seg.lines[line].span.slice(seg.text).trim_start().starts_with(PARAGRAPH_OPENING_MARKS)
            && (index == 0 || lines_of_found[index - 1] != line);
        let mut alternated = false;
        // In a dialogue, a paragraph that is only a statement in marks may be either party's: no one.
        let mut either_party = false;
        if speaker.is_none() && opens_paragraph {
            // A dialogue (`“Why now?” asked A. ¶ “Because …,” said B. ¶ “And now?” ¶ “Now …”`): a question right
            // after the other party's turn, or the answer to their question, is the turn of the party whose turn
            // it is.
            if let Some((exchange_line, other, last)) = &exchange {
                let last_spoke = previous.as_ref().is_some_and(|(_, p)| p.0 == last.0);
                if last_spoke && attribution.next_paragraph(*exchange_line, line) {
                    let asks = f.inner.slice(seg.text).trim_end().ends_with('?');
                    let answers = last_turn.as_ref().is_some_and(|(_, _, asked)| *asked);
                    if asks || answers {
                        speaker = Some(other.clone());
                        alternated = true;
                    } else {
                        either_party = true;
                    }
                }
            }
            either_party |= unresolved_turn.is_some_and(|turn_line| attribution.next_paragraph(turn_line, line));
        }
        if speaker.is_none() && !either_party {
            // A quote with no cue of its own continues the last attributed speaker when it follows in the
            // same paragraph, or opens a paragraph shortly after.
            if let Some((prev_line, prev_speaker)) = &previous {
                let someone_else_between =
                    *prev_line != line && attribution.another_subject_between(*prev_line, f.inner.start, prev_speaker);
                if *prev_line == line
                    || (opens_paragraph
                        && line <= prev_line + INHERIT_LINES
                        && !someone_else_between
                        && !attribution.new_entry_between(*prev_line, line))
                {
                    speaker = Some(prev_speaker.clone());
                }
            }
        }
        if speaker.is_none() && !f.continues_previous && !either_party {
            speaker = attribution.previous_paragraph_subject(f.inner);
        }
        if either_party {
            unresolved_turn = Some(line);
            exchange = None;
        } else if opens_paragraph {
            unresolved_turn = None;
        }
        if opens_paragraph && !either_party {
            // The turns of a dialogue: two paragraphs in a row that open with quotes of two people, the first a
            // question or the second a reply.
            exchange = match (&speaker, &last_turn) {
                (Some(now), _) if alternated => exchange.take().map(|(_, _, last)| (line, last, now.clone())),
                (Some(now), Some((turn_line, before, asked)))
                    if cued[index].is_some()
                        && before.0 != now.0
                        && attribution.next_paragraph(*turn_line, line)
                        && (*asked || attribution.cue_is_a_reply(f.inner)) =>
                {
                    Some((line, before.clone(), now.clone()))
                }
                _ => None,
            };
            let asked = f.inner.slice(seg.text).trim_end().ends_with('?');
            last_turn = speaker.clone().map(|now| (line, now, asked));
        }
        if let Some(found) = &speaker {
            previous = Some((line, found.clone()));
        }
        speakers.push(speaker);
    }
    // A paragraph attributed once, at its end (`“I was terrified.” Her voice drops. “I never sang again,” she
    // says.`): a quote with no speaker yet is the speaker's of the next quote of its paragraph, if that one has
    // a cue of its own.
    let lines: Vec<usize> =
        found.iter().map(|f| seg.tokens.get(token_at(seg, f.inner.start)).map_or(0, |t| t.line)).collect();
    for i in (0..found.len().saturating_sub(1)).rev() {
        if speakers[i].is_none() && !unnamed_cue[i] && lines[i] == lines[i + 1] && cued[i + 1].is_some() {
            speakers[i] = speakers[i + 1].clone();
        }
    }
    // A quote running over several paragraphs is attributed once, usually in its last piece (`“… ¶ “…,” she
    // said.`): the pieces before it, left open at their paragraph's end, are the same speaker's words.
    for i in (0..found.len().saturating_sub(1)).rev() {
        if speakers[i].is_none() && !unnamed_cue[i] && found[i].open_at_end && found[i + 1].continues_previous {
            speakers[i] = speakers[i + 1].clone();
        }
    }
    found
        .iter()
        .zip(speakers)
        .map(|(f, speaker)| {
            let speaker = speaker.filter(|(name, _)| !names_no_one(name));
            let (speaker, speaker_group) = match speaker.map(|s| attribution.fullest_person(s, f.inner.start)) {
                Some((name, group)) => (Some(name), group),
                None => (None, None),
            };
            Quote { span: f.inner, speaker, speaker_group }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract;

    /// A quote's words and its speaker.
    type Found = (String, Option<String>);

    fn quotes(text: &str) -> Vec<Found> {
        extract(text).quotes.into_iter().map(|q| (q.span.slice(text).to_string(), q.speaker)).collect()
    }

    fn q(s: &str, who: Option<&str>) -> Found {
        (s.to_string(), who.map(str::to_string))
    }

    #[test]
    fn table_of_quotes() {
        let cases: Vec<(&str, Vec<Found>)> = vec![
            (
                "Russian Foreign Minister Sergei Lavrov spoke.\n\n\"We’ve been asking them for years,\" Lavrov told a conference.",
                vec![q("We’ve been asking them for years,", Some("Sergei Lavrov"))],
            ),
            (
                "“It is over,” said Martin Indyk, a former envoy. “It can’t be repaired.”",
                vec![q("It is over,", Some("Martin Indyk")), q("It can’t be repaired.", Some("Martin Indyk"))],
            ),
            ("Mr Barack Obama said it was \"deeply distressing to me\" today.", vec![q("deeply distressing to me", Some("Barack Obama"))]),
            (
                "Mary Grady spoke.\n\n“We need more,” she said. “The first part goes on\n\n“And this part ends here.”",
                vec![
                    q("We need more,", Some("Mary Grady")),
                    q("The first part goes on", Some("Mary Grady")),
                    q("And this part ends here.", Some("Mary Grady")),
                ],
            ),
            ("U.S. Has 'No Proof' of it, and the rock 'n' roll era.", vec![]),
            (
                "Madonna Defends ‘Blowing Up White House’ Comment: ‘Wildly Out of Context’",
                vec![q("Blowing Up White House", Some("Madonna")), q("Wildly Out of Context", Some("Madonna"))],
            ),
            (
                "Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Supporters?'",
                vec![q("Are There Any Un-Angry Supporters?", Some("David Emery"))],
            ),
            (
                "Patrick Carlineo called.\n\nCarlineo was arrested for a call he made to Omar’s office, in which he said he’d put a “bullet in her skull.”",
                vec![q("bullet in her skull.", Some("Patrick Carlineo"))],
            ),
            ("A lone ” mark and an open “ quote that never closes at all", vec![q("quote that never closes at all", None)]),
            (
                "The Russian Foreign Ministry issued a statement on Monday.\n\n“We reject these claims entirely,” the ministry said.",
                vec![q("We reject these claims entirely,", Some("Russian Foreign Ministry"))],
            ),
            // An unknown name with no title, no given name of a list and no other evidence: no speaker, never the
            // next name along. ("Maulana" before it is a title now, which makes the name a person's.)
            (
                "Qadeer Zulfan fired a salvo at Prime Minister Imran Khan, saying the “days are numbered now” again.",
                vec![q("days are numbered now", None)],
            ),
            (
                "Maulana Qadeer Zulfan fired a salvo at Prime Minister Imran Khan, saying the “days are numbered now” again.",
                vec![q("days are numbered now", Some("Qadeer Zulfan"))],
            ),
            // A name someone is known by is said by no one, even when a person opens the line.
            (
                "Rahul Okoye, known to his fans as “The Lion of Enugu”, scored twice on Saturday.",
                vec![q("The Lion of Enugu", None)],
            ),
            // "his father" is a pronoun's relative, not the relative of a name in the possessive.
            (
                "Maria Lopes's father, Tiago Lopes, ran the shop.\nOn Sunday John Okoro came with his father.\n“The shop looks like it did in my youth,” his father said.",
                vec![q("The shop looks like it did in my youth,", None)],
            ),
            // The same clause with a subject that a given name makes a person: the participle reports it.
            (
                "Maulana Fazlur Rahmani fired a salvo at Prime Minister Imran Khan, saying the “days are numbered now” again.",
                vec![q("days are numbered now", Some("Fazlur Rahmani"))],
            ),
            (
                "Tim Morrison testified. Alexander Vindman testified.\n\n“If he had concerns, I would have expected to be told,” Morrison, Vindman's superior, said.",
                vec![q("If he had concerns, I would have expected to be told,", Some("Tim Morrison"))],
            ),
            (
                "Teasers\n“What we are talking about... Newly-elected president accepts an invitation\nMore news",
                vec![q("What we are talking about", None)],
            ),
            (
                "Officials criticised Netanyahu’s Likud party, which rallied support by saying that voters were “coming out in droves.”",
                vec![q("coming out in droves.", Some("Likud"))],
            ),
            (
                "Lakshiwnder Singh, another deportee, said he had paid an agent. “They caught me at the border,” he said.",
                vec![q("They caught me at the border,", Some("Lakshiwnder Singh"))],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(quotes(text), expected, "{text}");
        }
    }

    #[test]
    fn a_quote_over_several_paragraphs_takes_the_speaker_of_its_last_piece() {
        check(vec![(
            "Kendra Olufemi said the deal was done.\n“We worked on this for two years and we are proud of it.\n“Now the real work begins,” she said.",
            vec![
                q("We worked on this for two years and we are proud of it.", Some("Kendra Olufemi")),
                q("Now the real work begins,", Some("Kendra Olufemi")),
            ],
        )]);
    }

    #[test]
    fn a_quote_repeating_an_attributed_one_takes_its_speaker() {
        check(vec![
            (
                "Highlights\n\n“A very long winter”\nDay 2: the harbour master\n\nNoor Haddad told the panel, “We saw it coming. It was a very long winter.”",
                vec![
                    q("A very long winter", Some("Noor Haddad")),
                    q("We saw it coming. It was a very long winter.", Some("Noor Haddad")),
                ],
            ),
            // A line naming someone else is no cue of its own: the words are still the speaker's.
            (
                "4. “The river question”\nPiet Visser on “the river question”\n\nVisser said his rival, Anna Berg, had called it “the river question.”",
                vec![
                    q("The river question", Some("Anna Berg")),
                    q("the river question", Some("Anna Berg")),
                    q("the river question.", Some("Anna Berg")),
                ],
            ),
        ]);
    }

    #[test]
    fn a_definite_role_names_its_holder() {
        check(vec![
            // The role is the subject, not the organisation inside it.
            (
                "The former Senate President, Kunle Adebayo, condemned the raid. “This is an attack on democracy,” the former Senate President said.",
                vec![q("This is an attack on democracy,", Some("Kunle Adebayo"))],
            ),
            // The person introduced with the role, not the latest subject.
            (
                "The coach, Ruth Kamau, picked the team. Striker Ana Silva scored twice. “We played well in the second half,” the coach said.",
                vec![q("We played well in the second half,", Some("Ruth Kamau"))],
            ),
            // Inverted: "said the director".
            (
                "Director Tom Hargreave met Jessie Marlowe in 2016. “She owned the room,” said the director.",
                vec![q("She owned the room,", Some("Tom Hargreave"))],
            ),
            // Without an article a role introduces someone new: no speaker rather than the last one named.
            (
                "Mark Tully says he will stay\nEx-Lagos ambassador says “foreign corrupt interests” forced him out",
                vec![q("foreign corrupt interests", None)],
            ),
        ]);
    }

    #[test]
    fn pronouns_agree_with_the_first_name() {
        check(vec![
            // The last subject is a man: "she" goes to the nearest woman named before.
            (
                "The mayor, Rosa Tan, spoke. Her deputy, Kenneth Obi, did not. “We will rebuild every home,” she said.",
                vec![q("We will rebuild every home,", Some("Rosa Tan"))],
            ),
            (
                "Margaret Reyes plays Rose and Thomas Hargreave directs.\n\n“She walked in and owned the room,” he says.",
                vec![q("She walked in and owned the room,", Some("Thomas Hargreave"))],
            ),
            // Without a known first name, a title says it ("Mrs", "Mr").
            (
                "Mrs Okafor chaired the meeting. Mr Adeyemi spoke next.\n\n“We need more nurses on every ward,” she said.",
                vec![q("We need more nurses on every ward,", Some("Okafor"))],
            ),
            // Nor a role: "actor" says it.
            (
                "Maria Lopez wrote the script. The actor Jamie Reid plays her brother.\n\n“I wrote it in a month,” she says.",
                vec![q("I wrote it in a month,", Some("Maria Lopez"))],
            ),
            // A first name shared by both sexes fits either pronoun.
            ("Jessie Marlowe sings.\n\n“I write every song myself,” he says.", vec![q("I write every song myself,", Some("Jessie Marlowe"))]),
            // No one of that sex: no speaker rather than the wrong person.
            ("Thomas Hargreave directs.\n\n“I write every song myself,” she says.", vec![q("I write every song myself,", None)]),
            // Someone named after the pronoun is not its referent; a naming verb ("dubbed") is a cue of its own.
            (
                "Daniel Price testified on Tuesday. He said his predecessor, Laura Quinn, had dubbed the envoy's role “the Oslo problem.”",
                vec![q("the Oslo problem.", Some("Laura Quinn"))],
            ),
            (
                "Daniel Price testified on Tuesday. He said his predecessor, Laura Quinn, had left “a very long list of open files.”",
                vec![q("a very long list of open files.", Some("Daniel Price"))],
            ),
        ]);
    }

    #[test]
    fn a_participle_reports_the_subject_of_the_clause_after_a_colon() {
        check(vec![(
            "Barack Obama-led coalition is finished: warns cleric Fazlur Rahmani LAHORE: Veteran cleric Fazlur Rahmani has fired a salvo at Prime Minister Imran Khan, saying the “Gorbachev of Pakistan” was leading the country astray.",
            vec![q("Gorbachev of Pakistan", Some("Fazlur Rahmani"))],
        )]);
    }

    #[test]
    fn a_report_speaks_for_its_author() {
        check(vec![
            (
                "A report by the Centre for Coastal Research warns of floods. “Sea levels will rise faster than expected,” the report says.",
                vec![q("Sea levels will rise faster than expected,", Some("Centre for Coastal Research"))],
            ),
            // Past an organisation in the possessive: the report is the Centre's, not the university's.
            (
                "A new report released on Monday by Harlow University's Centre for Coastal Research is out.\n\nAs the report states: “Sea levels will rise faster than expected.”",
                vec![q("Sea levels will rise faster than expected.", Some("Centre for Coastal Research"))],
            ),
            // After an inverted verb, with the author named only in the next sentence.
            (
                "Coasts are eroding, says a report warning of “a century of rising seas” for the region.\n\nThe report by the Centre for Coastal Research urges action.",
                vec![q("a century of rising seas", Some("Centre for Coastal Research"))],
            ),
            // The author as the subject of the verb the statement came with.
            (
                "The Harbour Authority said in a statement on Monday that the port would stay shut.\n\nThe statement added: “Ships may not enter until further notice.”",
                vec![q("Ships may not enter until further notice.", Some("Harbour Authority"))],
            ),
            // No author given: no speaker.
            ("“Sea levels will rise faster than expected,” the report says.", vec![q("Sea levels will rise faster than expected,", None)]),
        ]);
    }

    #[test]
    fn organisations_speak_as_it_and_the_company() {
        // Lines over the headline fallback's length, so that only the rule can name the speaker.
        let long = "in the largest listing of the year, far ahead of what the bankers had expected when the deal was first discussed";
        let company = format!("Brightwell Holdings raised $12 billion on Tuesday {long}. “We are honoured by the trust of investors,” the company said.");
        let it = format!("Brightwell Holdings published its results on Monday {long}. “We had a strong quarter in every market,” it said.");
        let subject = format!("Shares in Brightwell Holdings rose on the Hong Kong Stock Exchange {long}. “We had a strong quarter in every market,” the company said.");
        let person = format!(
            "Ruth Kamau published her results on Monday {long}. “We had a strong quarter in every market,” it said."
        );
        check(vec![
            (&company, vec![q("We are honoured by the trust of investors,", Some("Brightwell Holdings"))]),
            (&it, vec![q("We had a strong quarter in every market,", Some("Brightwell Holdings"))]),
            (&subject, vec![q("We had a strong quarter in every market,", Some("Brightwell Holdings"))]),
            // "it" is never a person.
            (&person, vec![q("We had a strong quarter in every market,", None)]),
        ]);
    }

    #[test]
    fn feature_writing_verbs_are_cues() {
        check(vec![
            (
                "Maria Duarte won the prize in 2010.\n\n“I can’t believe it happened,” she laughs. “Nobody saw it coming,” she muses.",
                vec![q("I can’t believe it happened,", Some("Maria Duarte")), q("Nobody saw it coming,", Some("Maria Duarte"))],
            ),
            ("“It was the hardest year of my life,” Duarte confesses.", vec![q("It was the hardest year of my life,", Some("Duarte"))]),
        ]);
    }

    #[test]
    fn an_inverted_verb_reaches_its_subject_past_a_role() {
        check(vec![
            (
                "Jessie Marlowe plays Rose.\n\n“She walked in and owned the room,” said the film’s director, Tom Hargreave.",
                vec![q("She walked in and owned the room,", Some("Tom Hargreave"))],
            ),
            // Not past a relative clause: the name there is someone else.
            (
                "“She walked in and owned the room,” said the lawyer, who represents Tom Hargreave.",
                vec![q("She walked in and owned the room,", None)],
            ),
        ]);
    }

    #[test]
    fn a_cue_ending_the_paragraph_before_in_a_colon_introduces_the_quote() {
        check(vec![
            (
                "Bukola Adeyemi spoke to journalists in Abuja on Tuesday after the raid on his home. He said:\n\n“This is an attack on democracy and we will not keep quiet.”",
                vec![q("This is an attack on democracy and we will not keep quiet.", Some("Bukola Adeyemi"))],
            ),
            // A heading ending in a colon names no one.
            (
                "Bukola Adeyemi spoke on Tuesday.\n\nHere are some of the highlights:\n\n“An attack on our democracy”",
                vec![q("An attack on our democracy", None)],
            ),
            ("Olusegun Adeyemi reacted angrily to the raid. According to him, “This is an attack on democracy.”", vec![q("This is an attack on democracy.", Some("Olusegun Adeyemi"))]),
        ]);
    }

    #[test]
    fn idioms_of_quoting_name_the_speaker() {
        // A line over the headline fallback's length, so that only the idiom can name the speaker.
        let intro = "Jessie Marlowe plays Rose, a singer from Glasgow who dreams of Nashville while raising two children and working as a cleaner for a rich woman in the suburbs.";
        let put = format!("{intro} As Marlowe put it, “I was born to play this part, I think.”");
        let puts = format!("{intro} “I was born to play this part, I think,” as Marlowe puts it.");
        let words = format!("{intro} In Marlowe’s words, “I was born to play this part, I think.”");
        let words_of =
            format!("{intro} In the words of the film's star, Jessie Marlowe, the part was “born in a bus shelter”.");
        let her_words = format!("{intro} In her words, “I was born to play this part, I think.”");
        check(vec![
            (&put, vec![q("I was born to play this part, I think.", Some("Jessie Marlowe"))]),
            (&puts, vec![q("I was born to play this part, I think,", Some("Jessie Marlowe"))]),
            (&words, vec![q("I was born to play this part, I think.", Some("Jessie Marlowe"))]),
            (&her_words, vec![q("I was born to play this part, I think.", Some("Jessie Marlowe"))]),
            (&words_of, vec![q("born in a bus shelter", Some("Jessie Marlowe"))]),
        ]);
    }

    #[test]
    fn an_east_asian_family_name_alone_is_the_full_name() {
        check(vec![
            (
                "President Park Geun-hye met the envoy on Monday in Seoul. “Peace is within reach this year,” Park said.",
                vec![q("Peace is within reach this year,", Some("Park Geun-hye"))],
            ),
            // Two people of one family: the nearest full mention before.
            (
                "Kim Jong-un and Kim Yo-jong arrived. Kim Yo-jong spoke first. “We will talk to anyone,” Kim said.",
                vec![q("We will talk to anyone,", Some("Kim Yo-jong"))],
            ),
        ]);
    }

    #[test]
    fn a_first_person_quote_paragraph_is_the_previous_paragraphs_subject() {
        let intro = "Jessie Marlowe grew up in Killarney and started singing at weddings when she was six.";
        check(vec![
            (
                &format!("{intro}\n\n“I was always singing, at every wedding and every funeral in town.”"),
                vec![q("I was always singing, at every wedding and every funeral in town.", Some("Jessie Marlowe"))],
            ),
            // Not in the first person: it may be anyone's words.
            (&format!("{intro}\n\n“The town was always full of music and dancing.”"), vec![q("The town was always full of music and dancing.", None)]),
            // The person is two paragraphs back: too far.
            (
                &format!("{intro}\n\nThe town was always full of music and dancing on the long summer nights by the lakes.\n\n“I was always singing, at every wedding.”"),
                vec![q("I was always singing, at every wedding.", None)],
            ),
        ]);
    }

    #[test]
    fn a_paragraph_attributed_at_its_end_names_its_earlier_quotes() {
        check(vec![
            (
                "Nobody else was in the room.\n\n“I was terrified.” Her voice drops. “I thought I would never sing again,” Marlowe says.",
                vec![q("I was terrified.", Some("Marlowe")), q("I thought I would never sing again,", Some("Marlowe"))],
            ),
            // Only a quote's own cue lends its speaker, not one it inherited.
            (
                "Nobody else was in the room.\n\n“I was terrified.” Her voice drops. “I thought I would never sing again.”",
                vec![q("I was terrified.", None), q("I thought I would never sing again.", None)],
            ),
        ]);
    }

    #[test]
    fn the_agent_of_a_by_phrase_is_not_the_subject() {
        check(vec![(
            "Bukola Adeyemi, in a statement by his media aide, Yusuf Balogun, said the police were “acting on orders from above.”",
            vec![q("acting on orders from above.", Some("Bukola Adeyemi"))],
        )]);
    }

    #[test]
    fn an_untyped_abbreviation_after_the_speaks_as_an_organisation() {
        check(vec![
            (
                "Even though the army recently killed the leader of the group, the MoJ OIG warns that the policy will “strengthen its ability to plan attacks abroad”",
                vec![q("strengthen its ability to plan attacks abroad", Some("MoJ OIG"))],
            ),
            // A lone capitalised word is no abbreviation.
            (
                "Even though the army recently killed the leader of the group, the Inspector warns that the policy will “strengthen its ability to plan attacks abroad”",
                vec![q("strengthen its ability to plan attacks abroad", None)],
            ),
        ]);
    }

    #[test]
    fn a_short_line_of_prose_is_no_headline() {
        check(vec![
            (
                "Ruth Kamau published her results on Monday. “We had a strong quarter in every market,” it said.",
                vec![q("We had a strong quarter in every market,", None)],
            ),
            (
                "Ruth Kamau Defends Her Results: ‘A Strong Quarter in Every Market’",
                vec![q("A Strong Quarter in Every Market", Some("Ruth Kamau"))],
            ),
        ]);
    }

    #[test]
    fn a_dash_after_the_quote_names_its_speaker() {
        check(vec![
            (
                "Words of the week:\n“I was born to play this part, I think” — Jessie Marlowe",
                vec![q("I was born to play this part, I think", Some("Jessie Marlowe"))],
            ),
            // A dash that goes on into a sentence is no attribution.
            (
                "Words of the week:\n“I was born to play this part, I think” — Jessie Marlowe met the director later",
                vec![q("I was born to play this part, I think", None)],
            ),
        ]);
    }

    #[test]
    fn a_sentence_reporting_speech_introduces_the_quote_after_it() {
        let intro = "Jessie Marlowe plays Rose, a singer from Glasgow who dreams of Nashville while raising two children and working as a cleaner.";
        check(vec![
            (
                &format!(
                    "{intro} Asked whether she had doubts, Marlowe said no. “I was born to play this part, I think.”"
                ),
                vec![q("I was born to play this part, I think.", Some("Jessie Marlowe"))],
            ),
            // A sentence with no one speaking introduces nothing.
            (
                &format!("{intro} Marlowe left Glasgow in 2016. “I was born to play this part, I think.”"),
                vec![q("I was born to play this part, I think.", None)],
            ),
        ]);
    }

    #[test]
    fn the_listener_after_a_verb_is_not_its_speaker() {
        check(vec![
            (
                "“We cannot accept this outcome at all,” an official told Reuters.",
                vec![q("We cannot accept this outcome at all,", None)],
            ),
            (
                "“We cannot accept this outcome at all,” a senior diplomat told the BBC on Monday.",
                vec![q("We cannot accept this outcome at all,", None)],
            ),
            // "she" with no woman named before: no one, rather than the newspaper she spoke to.
            (
                "“We cannot accept this outcome at all,” she told the Financial Times.",
                vec![q("We cannot accept this outcome at all,", None)],
            ),
            // The inverted order still names the speaker after the verb.
            (
                "“We cannot accept this outcome at all,” said Ana Silva.",
                vec![q("We cannot accept this outcome at all,", Some("Ana Silva"))],
            ),
            (
                "“We cannot accept this outcome at all,” Ana Silva told AFP.",
                vec![q("We cannot accept this outcome at all,", Some("Ana Silva"))],
            ),
        ]);
    }

    #[test]
    fn a_name_inside_an_aside_before_the_verb_is_not_its_subject() {
        let quote = "It is a betrayal of every worker,";
        let fragment = "a betrayal of every worker.";
        check(vec![
            (
                "“It is a betrayal of every worker,” Ana Silva, who worked with John Okoro for a decade, said.",
                vec![q(quote, Some("Ana Silva"))],
            ),
            (
                "“It is a betrayal of every worker,” Ana Silva, a close friend of John Okoro, said.",
                vec![q(quote, Some("Ana Silva"))],
            ),
            (
                "Ana Silva, whose husband John Okoro leads the union, said the plan was “a betrayal of every worker.”",
                vec![q(fragment, Some("Ana Silva"))],
            ),
            (
                "Ana Silva, speaking alongside John Okoro, said the plan was “a betrayal of every worker.”",
                vec![q(fragment, Some("Ana Silva"))],
            ),
            (
                "Ana Silva, 54, a former teacher who worked with John Okoro, later said the plan was “a betrayal of every worker.”",
                vec![q(fragment, Some("Ana Silva"))],
            ),
            // A back reference before the aside: the minister named earlier, not the name in the aside.
            (
                "Finance Minister Ana Silva met the unions on Monday.\n\n“It is a betrayal of every worker,” the minister, a close friend of John Okoro, said.",
                vec![q(quote, Some("Ana Silva"))],
            ),
            // An aside opening with a capital is left to the other rules ("X, in a statement by his aide, Y, said").
            (
                "Bukola Adeyemi, in a statement by his media aide, Yusuf Balogun, said the police were “acting on orders from above.”",
                vec![q("acting on orders from above.", Some("Bukola Adeyemi"))],
            ),
        ]);
    }

    #[test]
    fn a_bylines_author_speaks_in_no_quote() {
        let long = "at a long press conference in the capital city of the country after the cabinet meeting";
        check(vec![
            (
                &format!("By Jane Doe\n\nThe minister was asked about the plan on Monday {long}.\n\n“We cannot accept this outcome at all,” the minister said."),
                vec![q("We cannot accept this outcome at all,", None)],
            ),
            (
                &format!("By Jane Doe and Kofi Mensah\n\nThe plan was announced on Monday {long}.\n\n“We cannot accept this outcome at all,” she said."),
                vec![q("We cannot accept this outcome at all,", None)],
            ),
            // A speaker named in the body is still found past the byline.
            (
                &format!("By Jane Doe\n\nAna Silva was asked about the plan on Monday {long}.\n\n“We cannot accept this outcome at all,” she said."),
                vec![q("We cannot accept this outcome at all,", Some("Ana Silva"))],
            ),
        ]);
    }

    #[test]
    fn a_quoted_title_of_a_work_is_no_quote() {
        check(vec![
            (
                "Three strategists spoke to the channel's \"Blue and Gold\" about how the race could be decided in the last week.",
                vec![],
            ),
            ("The singer may be 'Tired of Love,' but her new album is selling very well across the country.", vec![]),
            // Words someone says stay a quote, Title Case or not.
            (
                "Ana Silva said the plan was “a betrayal of every worker” and left.",
                vec![q("a betrayal of every worker", Some("Ana Silva"))],
            ),
            (
                "Ruth Kamau Defends Her Results: ‘A Strong Quarter in Every Market’",
                vec![q("A Strong Quarter in Every Market", Some("Ruth Kamau"))],
            ),
        ]);
    }

    #[test]
    fn a_lone_name_of_a_person_named_before_is_that_person() {
        check(vec![
            // "Florence" is also a city: as the subject of a speech verb it is the runner named before.
            (
                "Florence Adeyemi won the race on Sunday.\n\n“I trained for this moment every single day,” Florence said.",
                vec![q("I trained for this moment every single day,", Some("Florence Adeyemi"))],
            ),
            // Two people with that name: the nearest full mention before.
            (
                "Jordan Mbeki won the race. Jordan Okoro came second.\n\n“I trained for this moment every single day,” Jordan said.",
                vec![q("I trained for this moment every single day,", Some("Jordan Okoro"))],
            ),
            (
                "President Moon Jae-in visited Tokyo. “We will open a new chapter together,” Moon said.",
                vec![q("We will open a new chapter together,", Some("Moon Jae-in"))],
            ),
            // No one of that name before: a place stays a place and speaks for no one.
            (
                "“We will open a new chapter together,” Florence said of the talks.",
                vec![q("We will open a new chapter together,", None)],
            ),
        ]);
    }

    #[test]
    fn an_inverted_verb_reaches_its_subject_past_a_role_of_an_organisation() {
        let quote = "It is a betrayal of every worker,";
        check(vec![
            (
                "“It is a betrayal of every worker,” said the head of the Lagos Chamber of Commerce, Ana Silva.",
                vec![q(quote, Some("Ana Silva"))],
            ),
            (
                "“It is a betrayal of every worker,” said the chief executive of Unilever, Ana Silva.",
                vec![q(quote, Some("Ana Silva"))],
            ),
            (
                "“It is a betrayal of every worker,” said a spokeswoman for the ministry, Ana Silva, on Monday.",
                vec![q(quote, Some("Ana Silva"))],
            ),
            // The name after the comma describes someone else, or begins another phrase: no speaker.
            (
                "“It is a betrayal of every worker,” said the head of the union, Ana Silva's deputy.",
                vec![q(quote, None)],
            ),
            ("“It is a betrayal of every worker,” said the lawyer, who represents Ana Silva.", vec![q(quote, None)]),
        ]);
    }

    #[test]
    fn a_spokesperson_speaks_for_the_organisation_named_before() {
        let quote = "We reject these claims entirely,";
        check(vec![
            (
                "Brightwell Holdings said on Monday it would appeal.\n\n“We reject these claims entirely,” a company spokesperson said.",
                vec![q(quote, Some("Brightwell Holdings"))],
            ),
            (
                "Brightwell Holdings said on Monday it would appeal.\n\n“We reject these claims entirely,” a spokeswoman told reporters.",
                vec![q(quote, Some("Brightwell Holdings"))],
            ),
            // No organisation before: no speaker.
            ("Ana Silva said on Monday she would appeal.\n\n“We reject these claims entirely,” a spokeswoman said.", vec![q(quote, None)]),
        ]);
    }

    #[test]
    fn a_colon_after_a_verb_of_speech_gives_the_verbs_subject() {
        let quote = "We will not give up on this country.";
        check(vec![
            (
                "Ana Silva's spokesman, John Okoro, said: “We will not give up on this country.”",
                vec![q(quote, Some("John Okoro"))],
            ),
            (
                "Ana Silva recalled how John Okoro once told her: “We will not give up on this country.”",
                vec![q(quote, Some("John Okoro"))],
            ),
            (
                "Ana Silva said she had told John Okoro: “We will not give up on this country.”",
                vec![q(quote, Some("Ana Silva"))],
            ),
            // A verb that opens its clause has its subject after it.
            (
                "Explains director Tom Harlan: “We will not give up on this country.”",
                vec![q(quote, Some("Tom Harlan"))],
            ),
            // No verb of speech: the first person before the colon (a headline's subject).
            (
                "Ana Silva Rejects John Okoro Plan: ‘We Will Not Give Up on This Country’",
                vec![q("We Will Not Give Up on This Country", Some("Ana Silva"))],
            ),
        ]);
    }

    #[test]
    fn a_first_person_paragraph_after_a_paragraph_about_someone_else_is_theirs() {
        let appeal = "We will appeal this ruling,";
        let trusted = "I always trusted the courts to do the right thing in the end.";
        check(vec![
            (
                "“We will appeal this ruling,” Ana Silva said.\n\nJohn Okoro, her opponent in the race, welcomed the decision.\n\n“I always trusted the courts to do the right thing in the end.”",
                vec![q(appeal, Some("Ana Silva")), q(trusted, Some("John Okoro"))],
            ),
            // No paragraph between: the speaker carries on.
            (
                "“We will appeal this ruling,” Ana Silva said.\n\n“I always trusted the courts to do the right thing in the end.”",
                vec![q(appeal, Some("Ana Silva")), q(trusted, Some("Ana Silva"))],
            ),
            // A paragraph between that is about no one: the speaker carries on.
            (
                "“We will appeal this ruling,” Ana Silva said.\n\nThe ruling came after a long trial.\n\n“I always trusted the courts to do the right thing in the end.”",
                vec![q(appeal, Some("Ana Silva")), q(trusted, Some("Ana Silva"))],
            ),
        ]);
    }

    #[test]
    fn verbs_of_lamenting_revealing_and_testifying_are_cues() {
        let quote = "It is a betrayal of every worker,";
        // A line over the headline fallback's length, so that only the verb can name the speaker.
        let long = "After a long meeting with the union leaders and the employers in the capital on Monday evening,";
        check(vec![
            ("“It is a betrayal of every worker,” Ana Silva lamented.", vec![q(quote, Some("Ana Silva"))]),
            ("“It is a betrayal of every worker,” Ana Silva testified.", vec![q(quote, Some("Ana Silva"))]),
            ("“It is a betrayal of every worker,” Ana Silva exclaimed.", vec![q(quote, Some("Ana Silva"))]),
            (
                &format!("{long} Ana Silva revealed that the plan was “a betrayal of every worker.”"),
                vec![q("a betrayal of every worker.", Some("Ana Silva"))],
            ),
            (
                "Ana Silva criticised the plan, warning that it would be “a betrayal of every worker” and a disgrace for the country.",
                vec![q("a betrayal of every worker", Some("Ana Silva"))],
            ),
        ]);
    }

    #[test]
    fn a_participle_reports_the_subject_after_an_introductory_phrase() {
        let long = "After a long meeting with the union leaders and the employers in the capital on Monday evening,";
        check(vec![
            (
                &format!("{long} Ana Silva criticised the plan, calling it “a betrayal of every worker.”"),
                vec![q("a betrayal of every worker.", Some("Ana Silva"))],
            ),
            // The subject after the phrase is no recognised name: no speaker, not a name further on.
            (
                &format!("{long} the union's long-serving leader criticised Ana Silva, calling her plan “a betrayal of every worker.”"),
                vec![q("a betrayal of every worker.", None)],
            ),
        ]);
    }

    #[test]
    fn a_person_in_the_possessive_before_the_verb_is_not_the_speaker() {
        let quote = "We will be vindicated in court,";
        check(vec![
            ("“We will be vindicated in court,” Silva’s lawyer said.", vec![q(quote, None)]),
            (
                "“We will be vindicated in court,” Brightwell Holdings’ spokesman said.",
                vec![q(quote, Some("Brightwell Holdings"))],
            ),
        ]);
    }

    #[test]
    fn a_speaker_known_by_one_word_is_named_by_the_nearest_full_name() {
        check(vec![(
            "Kwabena Mensah leads the trust. His cousin Kwabena Osei does not.\n\n“We came to listen and to learn from everyone,” Kwabena said.",
            vec![q("We came to listen and to learn from everyone,", Some("Kwabena Osei"))],
        )]);
    }

    #[test]
    fn a_repeated_quote_is_found_whatever_its_typography() {
        check(vec![(
            "Highlights of the day\n\n‘We’re ready to fight for every job’\n\n\"We're ready to fight for every  job in this town,\" Ana Silva told the rally.",
            vec![
                q("We’re ready to fight for every job", Some("Ana Silva")),
                q("We're ready to fight for every  job in this town,", Some("Ana Silva")),
            ],
        )]);
    }

    #[test]
    fn sports_and_arts_roles_refer_back_to_their_holder() {
        check(vec![
            (
                "Marco Ferreira beat goalkeeper Tomas Lindqvist's side on Saturday.\n\n“I should have stopped the first one,” the goalkeeper said.",
                vec![q("I should have stopped the first one,", Some("Tomas Lindqvist"))],
            ),
            (
                "Marco Ferreira, the teenager from Porto, beat Tomas Lindqvist on Saturday.\n\n“I played my best tennis of the year,” said the teenager.",
                vec![q("I played my best tennis of the year,", Some("Marco Ferreira"))],
            ),
        ]);
    }

    #[test]
    fn business_nouns_refer_back_to_the_organisation() {
        let long =
            "in the largest deal of the year, far ahead of what the bankers had expected when it was first discussed";
        check(vec![
            (
                &format!("Brightwell Holdings raised $12 billion on Tuesday {long}. “We are honoured by the trust of investors,” the e-commerce giant said."),
                vec![q("We are honoured by the trust of investors,", Some("Brightwell Holdings"))],
            ),
            (
                &format!("Brightwell Holdings raised $12 billion on Tuesday {long}. “We are honoured by the trust of investors,” said the lender."),
                vec![q("We are honoured by the trust of investors,", Some("Brightwell Holdings"))],
            ),
            // No organisation before: no speaker.
            (
                &format!("Ruth Kamau raised $12 billion on Tuesday {long}. “We are honoured by the trust of investors,” the retailer said."),
                vec![q("We are honoured by the trust of investors,", None)],
            ),
        ]);
    }

    #[test]
    fn a_name_in_the_possessive_is_no_sentence_subject() {
        check(vec![(
            "Mike Silva's lawyer, John Okoro, said the ruling was unfair.\n\n“We will appeal as soon as we can,” he said.",
            vec![q("We will appeal as soon as we can,", Some("John Okoro"))],
        )]);
    }

    #[test]
    fn international_given_names_say_the_sex() {
        check(vec![
            // A man's name of the international lists (`Arjun`, two of Faker's locales) is no "she".
            (
                "Priya Natarajan, the captain, and coach Arjun Mehta spoke after the match. Mehta praised the bowlers.\n\n“We fought back in the last overs,” she said.",
                vec![q("We fought back in the last overs,", Some("Priya Natarajan"))],
            ),
            // No woman named before: no speaker rather than the man.
            (
                "Andrei Munteanu survived the vote on Tuesday.\n\n“Three deputies changed their minds overnight,” she said.",
                vec![q("Three deputies changed their minds overnight,", None)],
            ),
            // A name one locale lists for one sex may be another culture's name for the other: it fits both.
            (
                "Ilhan Vega spoke first.\n\n“We will not give up on this bill,” she said.",
                vec![q("We will not give up on this bill,", Some("Ilhan Vega"))],
            ),
        ]);
    }

    #[test]
    fn a_sentence_opened_by_a_lone_name_part_is_that_persons_for_pronouns() {
        check(vec![
            // "Seo" alone is no entity, yet the sentence is about Seo Ji-hye, not the last subject, Rojas.
            (
                "Seo Ji-hye beat Camila Rojas 6-4, 7-5 on Wednesday. “I felt tired in the second set,” said Rojas.\n\nSeo was delighted. “My serve was better than ever,” she said.",
                vec![
                    q("I felt tired in the second set,", Some("Camila Rojas")),
                    q("My serve was better than ever,", Some("Seo Ji-hye")),
                ],
            ),
            // The pronoun still agrees: a man's opener leaves "she" to the woman named before.
            (
                "Kwame Mensah met Grace Owusu in Accra. Mensah left early.\n\n“We agreed on nothing at all,” she said.",
                vec![q("We agreed on nothing at all,", Some("Grace Owusu"))],
            ),
        ]);
    }

    #[test]
    fn a_speech_verb_opening_the_sentence_is_no_part_of_the_speakers_name() {
        check(vec![
            (
                "The film turned to the composer Kadri Tamm.\nExplains Tamm: “I wanted the music to sound like ice cracking.”",
                vec![q("I wanted the music to sound like ice cracking.", Some("Tamm"))],
            ),
            (
                "Ana Silva chairs the board.\n\nSays Ana Silva: “We will not sell the port to anyone.”",
                vec![q("We will not sell the port to anyone.", Some("Ana Silva"))],
            ),
        ]);
    }

    #[test]
    fn according_to_after_the_quote_names_its_speaker() {
        check(vec![
            (
                "Turnout was high, officials said.\n\n“There were no serious incidents anywhere,” according to Ahmad Karimi.",
                vec![q("There were no serious incidents anywhere,", Some("Ahmad Karimi"))],
            ),
            (
                "Lina Haddad chairs the commission.\n\n“The count was clean in every province,” according to her.",
                vec![q("The count was clean in every province,", Some("Lina Haddad"))],
            ),
            // Further along the sentence it is where a fact comes from, not who spoke.
            (
                "“We will appeal,” the lawyer said on Friday, according to court papers seen by Ahmad Karimi.",
                vec![q("We will appeal,", None)],
            ),
        ]);
    }

    #[test]
    fn a_headlines_bare_role_is_the_person_named_with_it_below() {
        check(vec![
            (
                "'I am not going anywhere', says embattled coach\nEmbattled coach Luis Carvalho has insisted he will stay despite eight defeats.",
                vec![q("I am not going anywhere", Some("Luis Carvalho"))],
            ),
            // Named with the role only far below: a teaser list, not this headline's story.
            (
                "'We were robbed', says angry coach\nRain stops play.\nMore news.\nThe new roof opens.\nCoach Luis Carvalho left.",
                vec![q("We were robbed", None)],
            ),
            // The role goes on past the verb's clause: not a headline's bare role.
            (
                "'We were robbed', says coach of the year\nCoach Luis Carvalho was angry.",
                vec![q("We were robbed", None)],
            ),
        ]);
    }

    #[test]
    fn the_police_is_the_police_force_named_before() {
        check(vec![
            (
                "The Lagos State Police Command said two suspects had been arrested.\n\n“Investigations are ongoing,” the police said in a statement.",
                vec![q("Investigations are ongoing,", Some("Lagos State Police Command"))],
            ),
            // No force named: "the police" says who spoke no more than "officials" does.
            (
                "Two suspects were arrested on Friday.\n\n“Investigations are ongoing,” the police said.",
                vec![q("Investigations are ongoing,", None)],
            ),
        ]);
    }

    #[test]
    fn an_honorific_is_no_part_of_the_speakers_name() {
        check(vec![
            (
                "Union Home Minister Rajnath Verma said the border was secure.\n\n“Not one inch of our land has been lost,” Shri Verma said.",
                vec![q("Not one inch of our land has been lost,", Some("Rajnath Verma"))],
            ),
            (
                "The union has threatened a strike.\n\n“We have given the government enough time,” said Comrade Aisha Bello.",
                vec![q("We have given the government enough time,", Some("Aisha Bello"))],
            ),
        ]);
    }

    #[test]
    fn a_role_after_a_preposition_is_no_subject() {
        check(vec![
            (
                "The singer Chiara Ferraro has cancelled her tour.\n\n“She is devastated,” a source close to the singer said.",
                vec![q("She is devastated,", None)],
            ),
            (
                "Minister Hemi Walker resigned.\n\n“He had no choice at all,” a friend of the minister said.",
                vec![q("He had no choice at all,", None)],
            ),
            // The role itself the subject: its holder.
            (
                "Minister Hemi Walker resigned.\n\n“I had no choice at all,” the minister said.",
                vec![q("I had no choice at all,", Some("Hemi Walker"))],
            ),
        ]);
    }

    #[test]
    fn a_name_left_misc_that_says_something_speaks() {
        check(vec![
            // `Ioana Dumitrescu` is in no list; as the subject of "said" she is the sentence's subject for "she".
            (
                "Andrei Munteanu survived the vote. His rival, Ioana Dumitrescu, said the vote had been bought. “Three deputies changed their minds,” she said.",
                vec![q("Three deputies changed their minds,", Some("Ioana Dumitrescu"))],
            ),
            // A work's title in quotation marks before a verb is no speaker.
            (
                "The film “Salt and Iron” was praised. “It is the best film of the year,” one critic said.",
                vec![q("It is the best film of the year,", None)],
            ),
        ]);
    }

    #[test]
    fn a_role_after_a_sentence_naming_two_people_is_no_one() {
        check(vec![
            (
                "Ayumi Kondo beat Valentina Greco 6-3, 6-1 on Tuesday.\n\n“I have never served better,” the 27-year-old said.",
                vec![q("I have never served better,", None)],
            ),
            (
                "Sefa Demir and Kerem Aslan were both arrested in Izmir.\n\n“He is innocent and we will prove it,” the lawyer said.",
                vec![q("He is innocent and we will prove it,", None)],
            ),
            // One person in it: the role is theirs.
            (
                "Tigers captain Manaia Faleolo scored twice on Saturday.\n\n“It is a privilege to lead them,” the 29-year-old said.",
                vec![q("It is a privilege to lead them,", Some("Manaia Faleolo"))],
            ),
        ]);
    }

    #[test]
    fn a_quote_whose_cue_names_no_one_continues_no_speaker() {
        check(vec![
            (
                "“We want a recount!” shouted Nnamdi Eze from the gallery.\n\n“Please sit down, all of you,” the Chair replied.",
                vec![q("We want a recount!", Some("Nnamdi Eze")), q("Please sit down, all of you,", None)],
            ),
            (
                "“Will you stand again?” a journalist asked. “I have not decided yet,” Senator Hina Baig said.",
                vec![q("Will you stand again?", None), q("I have not decided yet,", Some("Hina Baig"))],
            ),
            // No cue at all: the paragraph's speaker carries on.
            (
                "“We will rebuild,” said Hina Baig. “The school comes first.”",
                vec![q("We will rebuild,", Some("Hina Baig")), q("The school comes first.", Some("Hina Baig"))],
            ),
        ]);
    }

    #[test]
    fn a_sentence_pointing_back_at_a_quote_names_its_speaker() {
        check(vec![
            (
                "“We lost and I will not pretend otherwise.” That was how the coach, Tariq Haddad, put it.",
                vec![q("We lost and I will not pretend otherwise.", Some("Tariq Haddad"))],
            ),
            (
                "“The sea gives and the sea takes.” So said Ana Lima, the ferrywoman, as the water rose.",
                vec![q("The sea gives and the sea takes.", Some("Ana Lima"))],
            ),
            (
                "“I will be home before the rains.” Those were the last words Karim Said Nasser said to his family.",
                vec![q("I will be home before the rains.", Some("Karim Said Nasser"))],
            ),
            (
                "“We were not good enough today.” That was how the captain, Lwazi Dube, summed up the defeat.",
                vec![q("We were not good enough today.", Some("Lwazi Dube"))],
            ),
            // A sentence that does not point back, or tells of no speech, names no one.
            (
                "“The bridge is perfectly safe.” Engineers had said so for years, and Mayor Olga Petrenko agreed.",
                vec![q("The bridge is perfectly safe.", None)],
            ),
            (
                "“The bridge is perfectly safe.” That is why Mayor Olga Petrenko reopened it.",
                vec![q("The bridge is perfectly safe.", None)],
            ),
            // Words someone else wrote, or a name past the words' own description, are no one's.
            (
                "“We will never forget you.” Those words, carved on the memorial, were chosen by families, said Mayor Tanvir Hossain.",
                vec![q("We will never forget you.", None)],
            ),
            (
                "“Trespassers will be prosecuted.” So said the sign on the gate, though Fernando Quispe said nobody had been.",
                vec![q("Trespassers will be prosecuted.", None)],
            ),
            (
                "“The town will rise again.” That was how the town survived the flood, said Fernando Quispe.",
                vec![q("The town will rise again.", None)],
            ),
        ]);
    }

    #[test]
    fn a_dialogue_alternates_its_speakers() {
        check(vec![
            (
                "“Why did you wait so long?” asked Ruth Kamau.\n“Because nobody would have listened,” said Obinna Nwosu.\n“And now they will listen?”\n“Now they have no choice.”",
                vec![
                    q("Why did you wait so long?", Some("Ruth Kamau")),
                    q("Because nobody would have listened,", Some("Obinna Nwosu")),
                    q("And now they will listen?", Some("Ruth Kamau")),
                    q("Now they have no choice.", Some("Obinna Nwosu")),
                ],
            ),
            (
                "“The farm will pay for school,” Kwame Mensah says.\n“It paid for yours, and you are still here,” Abena Mensah replies.\n“I am still here because of the farm.”\n“And you will be gone next year.”",
                vec![
                    q("The farm will pay for school,", Some("Kwame Mensah")),
                    q("It paid for yours, and you are still here,", Some("Abena Mensah")),
                    q("I am still here because of the farm.", None),
                    q("And you will be gone next year.", None),
                ],
            ),
            // A statement after a reply may be either party's (`“Not at all,” replied B. ¶ “We have the numbers.”`
            // is B's in a news story, A's in a quarrel): no one, and no one for the paragraphs after it.
            // Two people quoted in turn with no question and no reply: the last one carries on.
            (
                "“We will appeal the ruling,” said Kwame Mensah.\n“The ruling is plainly wrong,” said Abena Osei.\n“He never hurt anyone at all.”",
                vec![
                    q("We will appeal the ruling,", Some("Kwame Mensah")),
                    q("The ruling is plainly wrong,", Some("Abena Osei")),
                    q("He never hurt anyone at all.", Some("Abena Osei")),
                ],
            ),
        ]);
    }

    #[test]
    fn a_role_named_in_a_later_sentence_is_that_person() {
        check(vec![
            (
                "“All flights will leave on time,” a spokeswoman for Andes Air said on Sunday.\nThe spokeswoman, Inés Cabrera, added that passengers would be rebooked.",
                vec![q("All flights will leave on time,", Some("Inés Cabrera"))],
            ),
            (
                "“We found the hull where the diaries said,” the expedition's leader said.\nThe leader, marine archaeologist Tupaq Huamán, has searched the lake for years.",
                vec![q("We found the hull where the diaries said,", Some("Tupaq Huamán"))],
            ),
            // Another role named later is someone else.
            (
                "“The prison is full and the courts are slow,” a deputy minister said.\nThe governor, Musa Kabiru, declined to comment.",
                vec![q("The prison is full and the courts are slow,", None)],
            ),
        ]);
    }

    #[test]
    fn an_interviews_label_or_a_group_is_no_speaker() {
        check(vec![
            (
                "The minister, Farah Siddiqui, answered questions.\n\nQ: “When will the new airport open?”",
                vec![q("When will the new airport open?", None)],
            ),
            (
                "Engineer Sipho Ndlovu inspected the bridge.\n\nOfficials said on Monday the bridge was safe. “There is no risk at all to drivers.”",
                vec![q("There is no risk at all to drivers.", None)],
            ),
        ]);
    }

    #[test]
    fn a_name_left_misc_after_a_role_noun_speaks() {
        check(vec![
            (
                "Harbour City manager Stavros Papadakis praised his side after the 2-0 win.\n\n“We were patient,” he said.",
                vec![q("We were patient,", Some("Stavros Papadakis"))],
            ),
            (
                "“We play for the fans, always,” said captain Rangana Jayasuriya.",
                vec![q("We play for the fans, always,", Some("Rangana Jayasuriya"))],
            ),
            // A relative in apposition, and `she` for her after a man.
            (
                "Bakhtiyor Yusupov and his wife, Gulnora Rashidova, opened the school in 2015.\n\n“Every child here learns three languages,” she said.",
                vec![q("Every child here learns three languages,", Some("Gulnora Rashidova"))],
            ),
        ]);
    }

    #[test]
    fn a_name_left_misc_in_apposition_after_a_possessive_determiner_speaks() {
        check(vec![
            // `Kenji Watanabe` is left MISC; before, the colon's quote continued the manager quoted before it.
            (
                "“The match was lost in midfield,” said Otávio Brandão, the Estrela manager. His opposite number, Kenji Watanabe, disagreed: “We won it with our defence.”",
                vec![
                    q("The match was lost in midfield,", Some("Otávio Brandão")),
                    q("We won it with our defence.", Some("Kenji Watanabe")),
                ],
            ),
            // A noun of a work in the phrase: a title, which speaks for no one.
            (
                "The singer Ana Brandão is back. Her new album, Blue Hours Forever, opens: “We were young once and it was enough.”",
                vec![q("We were young once and it was enough.", None)],
            ),
        ]);
    }

    #[test]
    fn a_name_after_a_preposition_is_no_sentence_subject() {
        let quote = "She chose every fabric on that wall. I have not changed a thing.";
        check(vec![
            // Before, `Grace` was the sentence's subject and the first-person paragraph hers.
            (
                "Olufemi Adebayo, 67, opened his tailoring shop in Brixton in 1981.\n“Back then, I sewed in my kitchen.”\nThe shop is small: two sewing machines, a mirror, a photograph of his late wife, Grace.\n“She chose every fabric on that wall. I have not changed a thing.”",
                vec![q("Back then, I sewed in my kitchen.", Some("Olufemi Adebayo")), q(quote, Some("Olufemi Adebayo"))],
            ),
            (
                "Olufemi Adebayo opened his tailoring shop in 1981.\n“Back then, I sewed in my kitchen.”\nHe now shares the shop with his nephew, Kwesi Boateng.\n“I do the cutting and I do the talking.”",
                vec![q("Back then, I sewed in my kitchen.", Some("Olufemi Adebayo")), q("I do the cutting and I do the talking.", Some("Olufemi Adebayo"))],
            ),
            // The relative opening the sentence is its subject.
            (
                "Olufemi Adebayo opened his tailoring shop in 1981.\n“Back then, I sewed in my kitchen.”\nHis daughter, Abena Adebayo, now runs the till.\n“I count every coin twice, as he taught me.”",
                vec![q("Back then, I sewed in my kitchen.", Some("Olufemi Adebayo")), q("I count every coin twice, as he taught me.", Some("Abena Adebayo"))],
            ),
            // `According to X`: X's.
            (
                "The shop opened in 1981, according to Olufemi Adebayo.\n“Back then, I sewed in my kitchen.”",
                vec![q("Back then, I sewed in my kitchen.", Some("Olufemi Adebayo"))],
            ),
        ]);
    }

    #[test]
    fn a_dash_then_a_role_then_a_person_credits_the_quote() {
        let quote = "The sea is rising faster than our budget.";
        let texts = [
            format!("“{quote}” — Harbour master Ilse de Groot"),
            format!("“{quote}” — Mayor Ilse de Groot\nThe council meets on Monday."),
            format!("“{quote}” — Ilse de Groot, harbour master of Vlissingen"),
            format!("“{quote}” — Harbour master Ilse de Groot, Vlissingen"),
        ];
        check(texts.iter().map(|text| (text.as_str(), vec![q(quote, Some("Ilse de Groot"))])).collect());
        // The cue's person followed by a verb of speech of someone else's clause, or a sentence going on: no credit.
        let not_credits = [
            format!("“{quote}” — Mayor Ilse de Groot, the harbour master Piet Jansen said."),
            format!("“{quote}” — a view Mayor Ilse de Groot shares with the port."),
        ];
        check(not_credits.iter().map(|text| (text.as_str(), vec![q(quote, None)])).collect());
    }

    #[test]
    fn a_judgment_a_lawsuit_a_letter_or_a_post_speaks_through_the_author_named_with_it() {
        check(vec![
            (
                "The judgment, written by Justice Miriam Oyelaran, said the eviction was “unlawful from the first day.”",
                vec![q("unlawful from the first day.", Some("Miriam Oyelaran"))],
            ),
            (
                "The lawsuit, filed by Greenway Legal Fund, says the plant “has poisoned the bay for a decade.”",
                vec![q("has poisoned the bay for a decade.", Some("Greenway Legal Fund"))],
            ),
            // `which read:` hangs the words on the post, not on the sentence's subject who shared it.
            (
                "Footballer Kojo Antwi shared a post by his agent, Simon Fairclough, which read: “Kojo is going nowhere this summer.”",
                vec![q("Kojo is going nowhere this summer.", Some("Simon Fairclough"))],
            ),
            // A letter is no report: the report's author before it does not sign it.
            (
                "A report by the Coastal Research Institute found sea levels rising. Residents sent a letter to the mayor. “We cannot wait another winter for the wall,” the letter said.",
                vec![q("We cannot wait another winter for the wall,", None)],
            ),
            // Who has seen a letter did not write it.
            (
                "The letter, seen by the Valley Gazette, was sent to staff. “Nobody may speak to the press,” the letter said.",
                vec![q("Nobody may speak to the press,", None)],
            ),
            // An earlier letter by the same author does.
            (
                "Kojo Antwi wrote a letter to the club on Monday. “I want to leave this summer, with respect,” the letter said.",
                vec![q("I want to leave this summer, with respect,", Some("Kojo Antwi"))],
            ),
        ]);
    }

    #[test]
    fn the_next_sentence_saying_where_the_words_came_from_names_the_speaker() {
        let quote = "Every single week it is the same story.";
        let texts = [
            format!("The ferry was late again.\n“{quote}”\nThe complaint came from Mary Sinclair, who commutes to the hospital."),
            format!("“{quote}” The warning came from the harbour master, Mary Sinclair."),
            format!("“{quote}” The reply came from Finance Minister Mary Sinclair."),
        ];
        check(texts.iter().map(|text| (text.as_str(), vec![q(quote, Some("Mary Sinclair"))])).collect());
        // Not a noun for words (`The ferry came from Morag Sinclair's yard`), nor a name after something else.
        let not_theirs = [
            format!("“{quote}” The ferry came from Mary Sinclair's yard in 1990."),
            format!("“{quote}” The complaint came as Mary Sinclair arrived."),
        ];
        check(not_theirs.iter().map(|text| (text.as_str(), vec![q(quote, None)])).collect());
    }

    #[test]
    fn a_pronoun_past_a_subject_who_does_not_fit_to_a_sentence_of_two_who_do_is_no_one() {
        check(vec![
            (
                "Ane Zubiri met Mikel Etxebarria and his nephew, Jon Etxebarria, at the market. “We sold everything by noon,” he said.",
                vec![q("We sold everything by noon,", None)],
            ),
            // One man in that sentence: his.
            (
                "Ane Zubiri met Mikel Etxebarria at the market. “We sold everything by noon,” he said.",
                vec![q("We sold everything by noon,", Some("Mikel Etxebarria"))],
            ),
        ]);
    }

    #[test]
    fn the_rounds_cues_with_someone_else_in_them_name_no_one() {
        check(vec![
            // A credit that is not the speaker's: a photographer after `by`.
            ("“The river gave us everything.” — Photo by Priya Nair", vec![q("The river gave us everything.", None)]),
            // The object in apposition before a colon, like `to X:`.
            (
                "The couple handed the papers to their lawyer, Ines Moretti: “Please make this stop.”",
                vec![q("Please make this stop.", None)],
            ),
            // A post with no author read out: not the one it is about.
            (
                "The club shared a post about its captain, Leon Baptiste, which read: “Forever one of us.”",
                vec![q("Forever one of us.", None)],
            ),
            // The one a judgment or a lawsuit is about does not speak through it.
            (
                "The judgment on Hernán Vargas said his conduct was “a betrayal of public trust.”",
                vec![q("a betrayal of public trust.", None)],
            ),
            (
                "The lawsuit against Veltrax Energy says the company “knew about the leak for years.”",
                vec![q("knew about the leak for years.", None)],
            ),
            // A subject of two men, the second in apposition to a relative: `he` is either.
            (
                "Ane Zubiri met Mikel Etxebarria and his nephew, Jon Etxebarria, at the market. “We sold everything by noon,” he said.",
                vec![q("We sold everything by noon,", None)],
            ),
            // And where the question came from names who asked it.
            (
                "“Who pays for this?” The question came from Senator Gloria Whitfield.",
                vec![q("Who pays for this?", Some("Gloria Whitfield"))],
            ),
        ]);
    }

    #[test]
    fn a_cleric_named_before_is_the_definite_role() {
        let quote = "Peace will not come from speeches,";
        let rows = [
            ("Patriarch Elias Haddad addressed the crowd.", "the patriarch", Some("Elias Haddad")),
            ("Imam Yusuf Demir led the prayers.", "the imam", Some("Yusuf Demir")),
            ("The crowd heard Rabbi Miriam Levy speak.", "the rabbi", Some("Miriam Levy")),
            // No one named with the role: no one.
            ("Elias Haddad addressed the crowd.", "the bishop", None),
        ];
        let texts: Vec<String> =
            rows.iter().map(|(before, role, _)| format!("{before}\n\n“{quote}” {role} said in Arabic.")).collect();
        check(
            texts.iter().zip(&rows).map(|(text, (_, _, speaker))| (text.as_str(), vec![q(quote, *speaker)])).collect(),
        );
    }

    #[test]
    fn a_nationality_refers_to_the_person_named_with_it() {
        check(vec![
            (
                "Kenyan Grace Wanjiku won the race ahead of Ethiopia's Tigist Alemu.\n\n“The wind made it a tactical race,” the Kenyan said.",
                vec![q("The wind made it a tactical race,", Some("Grace Wanjiku"))],
            ),
            // No one named with it: none, not the last subject.
            (
                "Grace Wanjiku won the race on Sunday.\n\n“The wind made it a tactical race,” the Ethiopian said.",
                vec![q("The wind made it a tactical race,", None)],
            ),
        ]);
    }

    #[test]
    fn a_headlines_role_before_a_colon_is_the_person_named_with_it_below() {
        check(vec![
            (
                "Striker: ‘I never wanted to leave this club’\nRovers striker Kwame Addo signed a new contract on Friday.",
                vec![q("I never wanted to leave this club", Some("Kwame Addo"))],
            ),
            // No one named with that role below: none.
            (
                "Striker: ‘I never wanted to leave this club’\nRovers signed Kwame Addo on Friday.",
                vec![q("I never wanted to leave this club", None)],
            ),
            // A verb of speech instead of the colon (`Minister vows ‘…’`).
            (
                "Minister vows ‘no more power cuts by Christmas’\nEnergy minister Thabo Mokoena said on Tuesday the cuts would end.",
                vec![q("no more power cuts by Christmas", Some("Thabo Mokoena"))],
            ),
            (
                "Minister vows ‘no more power cuts by Christmas’\nThe cuts have lasted for months, Thabo Mokoena said on Tuesday.",
                vec![q("no more power cuts by Christmas", None)],
            ),
        ]);
    }

    #[test]
    fn a_speaker_is_named_by_the_fullest_name_written() {
        check(vec![
            // A title the name kept.
            (
                "“The farmers are dying while this House debates,” said MP Aroha Whitcombe.",
                vec![q("The farmers are dying while this House debates,", Some("Aroha Whitcombe"))],
            ),
            // A given name in no list, written before the surname the entity stage typed.
            (
                "Bohdan Kravchuk, a farmer near Poltava, has not sold his wheat.\n\n“The silos are full,” Kravchuk told AFP.",
                vec![q("The silos are full,", Some("Bohdan Kravchuk"))],
            ),
            // A headline's surname, the full name below it.
            (
                "Okonjo: ‘We will not back down on fuel prices’\nThe finance minister, Ngozi Okonjo, repeated the government's position.",
                vec![q("We will not back down on fuel prices", Some("Ngozi Okonjo"))],
            ),
        ]);
    }

    #[test]
    fn an_interviews_answer_is_the_interviewees() {
        check(vec![(
            "The foreign minister, Farah Siddiqui, answered questions from reporters.\nQ: “When will the embassy reopen?”\nA: “Not before the spring, I am afraid.”",
            vec![q("When will the embassy reopen?", None), q("Not before the spring, I am afraid.", Some("Farah Siddiqui"))],
        )]);
    }

    #[test]
    fn where_a_speaker_works_is_no_part_of_the_name() {
        check(vec![
            (
                "“How many soldiers died on Tuesday?” asked Tomasz Wrona of Radio Kresy.",
                vec![q("How many soldiers died on Tuesday?", Some("Tomasz Wrona"))],
            ),
            (
                "“Rivers remember what we forget,” said Prof. Aroha Tamihana of Massey University.",
                vec![q("Rivers remember what we forget,", Some("Aroha Tamihana"))],
            ),
            // One word before `of` is a title, whole: the speaker keeps it.
            (
                "The Archbishop of Lusaka spoke on Sunday. “We must forgive but never forget,” the Archbishop of Lusaka said.",
                vec![q("We must forgive but never forget,", None)],
            ),
        ]);
    }

    fn check(cases: Vec<(&str, Vec<Found>)>) {
        for (text, expected) in cases {
            assert_eq!(quotes(text), expected, "{text}");
        }
    }

    #[test]
    fn a_full_stop_inside_the_marks_ends_the_sentence() {
        check(vec![
            (
                "Lucia Ortiz told the court she was “terrified for my children.” Her husband, Raul, said he was “sorry for everything.”",
                vec![q("terrified for my children.", Some("Lucia Ortiz")), q("sorry for everything.", Some("Raul"))],
            ),
            // A question or exclamation mark ends the quote, not the sentence.
            ("“Who could have known that?” Ngozi Adeyemi asked.", vec![q("Who could have known that?", Some("Ngozi Adeyemi"))]),
        ]);
    }

    #[test]
    fn a_name_in_parentheses_opens_no_sentence() {
        let long = "in twelve provinces after a summer of drought, far beyond what the bakers had asked for when the talks began";
        let agency = format!("ANKARA (Reuters) - Tarsus Grain Board said on Friday it would cap the price of bread {long}.\n“The cap will last until the harvest is in,” it said.");
        let alone = format!("The board met on Friday (Reuters) and said it would cap the price of bread {long}.\n“The cap will last until the harvest is in,” it said.");
        check(vec![
            (&agency, vec![q("The cap will last until the harvest is in,", Some("Tarsus Grain Board"))]),
            // The agency is no subject even when nothing else opens the sentence: "it" finds no one.
            (&alone, vec![q("The cap will last until the harvest is in,", None)]),
        ]);
    }

    #[test]
    fn a_given_name_whose_surname_went_to_a_relative_takes_it_back() {
        let long = "on the same street in Kumasi, where the lunch crowd has long since picked a side in their quarrel";
        let brothers = format!("The brothers Kofi Mensah and Yaw Mensah run rival food trucks {long}.\n“My recipe came from our mother,” Yaw said.");
        let other = format!("Yaw joined Kofi Mensah at the stall {long}.\n“My recipe came from our mother,” Yaw said.");
        check(vec![
            (&brothers, vec![q("My recipe came from our mother,", Some("Yaw Mensah"))]),
            // A name written before someone else's, not glued to it, gains nothing.
            (&other, vec![q("My recipe came from our mother,", Some("Yaw"))]),
        ]);
    }

    #[test]
    fn a_name_in_apposition_to_a_role_speaks() {
        check(vec![
            (
                "According to the harbour master, Sione Tupou, “no ship larger than a ferry should enter the channel.”",
                vec![q("no ship larger than a ferry should enter the channel.", Some("Sione Tupou"))],
            ),
            (
                "During the debate, the member for Kisumu East, Otieno Odhiambo, rose to say: “This bill will tax the poor.”",
                vec![q("This bill will tax the poor.", Some("Otieno Odhiambo"))],
            ),
            // A list of names is no apposition: no "the" or possessive opens what stands before the comma.
            (
                "Shops in Ebute Metta, Otieno Odhiambo, and Yaba closed. “We cannot pay the rent any more,” a trader said.",
                vec![q("We cannot pay the rent any more,", None)],
            ),
        ]);
    }

    #[test]
    fn a_member_before_a_name_left_misc_makes_a_subject() {
        let long =
            "after a night of arguments over the budget, the potholes and the closed library in the north of the city";
        let member = format!("“I will not resign,” the mayor, Kenji Watanabe, said {long}. Council member Yumi Sato disagreed. “He has lost the city's trust,” she said.");
        check(vec![(
            &member,
            vec![
                q("I will not resign,", Some("Kenji Watanabe")),
                q("He has lost the city's trust,", Some("Yumi Sato")),
            ],
        )]);
    }

    #[test]
    fn a_relative_named_in_apposition_is_the_subject_for_a_pronoun_of_their_sex() {
        let long = "pulling on a wetsuit older than his grandchildren before the boat leaves the harbour at dawn";
        let daughter = format!("At 70, Hemi Walker still dives off the coast of Northland.\n“The sea tells you when to go in,” says Walker, {long}.\nHis daughter, Mereana, runs the family's fish shop. “Dad thinks the shop is a hobby,” she says.");
        let other_sex = format!("At 70, Hemi Walker still dives off the coast of Northland.\n“The sea tells you when to go in,” says Walker, {long}.\nHis daughter, Mereana, runs the family's fish shop. “The shop is a hobby,” he says.");
        check(vec![
            (
                &daughter,
                vec![
                    q("The sea tells you when to go in,", Some("Hemi Walker")),
                    q("Dad thinks the shop is a hobby,", Some("Mereana")),
                ],
            ),
            // A daughter is no referent of "he": the pronoun looks past her as before.
            (
                &other_sex,
                vec![
                    q("The sea tells you when to go in,", Some("Hemi Walker")),
                    q("The shop is a hobby,", Some("Hemi Walker")),
                ],
            ),
        ]);
    }

    #[test]
    fn they_is_an_organisation_that_opened_the_sentence_before() {
        let long =
            "after a week of talks with the mine owners, who had offered less than half of what was asked in March";
        let union = format!("The National Union of Mineworkers rejected the pay offer on Monday {long}.\n“This offer is an insult to every miner,” they said in a statement.");
        let later = format!("The National Union of Mineworkers rejected the pay offer on Monday {long}.\nMiners gathered outside the gates.\nThe crowd grew all afternoon.\n“This offer is an insult to every miner,” they said.");
        check(vec![
            (&union, vec![q("This offer is an insult to every miner,", Some("National Union of Mineworkers"))]),
            // Sentences later "they" are more likely the people in between: none.
            (&later, vec![q("This offer is an insult to every miner,", None)]),
            // An organisation that does not open the sentence is not its subject.
            (
                "Students from Makerere University marched to parliament on Monday.\n“We want our fees back before the exams,” they said.",
                vec![q("We want our fees back before the exams,", None)],
            ),
        ]);
    }

    #[test]
    fn a_role_that_stands_before_names_refers_back_only_to_its_holder() {
        let band = "The band's singer, Ana Folau, and its drummer, Lars Eriksen, met in a church choir in Auckland.\n“Lars couldn't sing a note,” Folau jokes.\n“That's true, and I'm still bitter about it,” the drummer says.";
        let unnamed = "Ana Folau met her band in a church choir in Auckland.\n“We were terrible at first,” Folau jokes.\n“That's true, and I'm still bitter about it,” the drummer says.";
        check(vec![
            (
                band,
                vec![
                    q("Lars couldn't sing a note,", Some("Ana Folau")),
                    q("That's true, and I'm still bitter about it,", Some("Lars Eriksen")),
                ],
            ),
            // No one was named as the drummer: not the singer either.
            (
                unnamed,
                vec![
                    q("We were terrible at first,", Some("Ana Folau")),
                    q("That's true, and I'm still bitter about it,", None),
                ],
            ),
        ]);
    }

    #[test]
    fn a_relative_referred_to_by_kinship_is_the_one_named_so() {
        let race = "The race was won by Pieter van der Berg, 19, whose father, Johan van der Berg, won it in 1994.\n“I grew up hearing about 1994 every single day,” Pieter van der Berg said.\n“He was faster than I ever was,” his father said.";
        let unnamed = "The race was won by Pieter van der Berg, 19, in front of his family.\n“I grew up hearing about 1994 every single day,” Pieter van der Berg said.\n“He was faster than I ever was,” his father said.";
        check(vec![
            (
                race,
                vec![
                    q("I grew up hearing about 1994 every single day,", Some("Pieter van der Berg")),
                    q("He was faster than I ever was,", Some("Johan van der Berg")),
                ],
            ),
            // A father never named is no one, not the son.
            (
                unnamed,
                vec![
                    q("I grew up hearing about 1994 every single day,", Some("Pieter van der Berg")),
                    q("He was faster than I ever was,", None),
                ],
            ),
        ]);
    }

    #[test]
    fn a_surname_with_a_particle_takes_the_given_name_before_it() {
        check(vec![
            (
                "The head of the exporters' union, Hedi Ben Salah, put it simply: “The trees have never been this heavy.”",
                vec![q("The trees have never been this heavy.", Some("Hedi Ben Salah"))],
            ),
            // A common word before the name is no given name.
            (
                "When Ben Ruiz came back, he put it simply: “The trees have never been this heavy.”",
                vec![q("The trees have never been this heavy.", Some("Ben Ruiz"))],
            ),
        ]);
    }

    #[test]
    fn a_name_in_the_possessive_after_an_inverted_verb_is_no_speaker() {
        check(vec![
            (
                "Marek Holub, 52, denies the charges. “He was never there,” said Holub's lawyer, Petra Novakova Svobodova.",
                vec![q("He was never there,", Some("Petra Novakova Svobodova"))],
            ),
            // The relative or lawyer of someone, unnamed, is no one: neither the name nor the last speaker.
            (
                "“I am innocent,” said Marek Holub. “He was never near the warehouse,” said Holub's lawyer.",
                vec![q("I am innocent,", Some("Marek Holub")), q("He was never near the warehouse,", None)],
            ),
            (
                "“We grew too fast,” said Kestrel Foods' chief executive, Annelise Vogt.",
                vec![q("We grew too fast,", Some("Annelise Vogt"))],
            ),
        ]);
    }

    #[test]
    fn a_statement_from_someones_family_is_not_theirs() {
        check(vec![
            (
                "A statement from the family of Jonas Berg was read outside the court.\n\n“Jonas was a kind and gentle brother,” the statement said.",
                vec![q("Jonas was a kind and gentle brother,", None)],
            ),
            // The author after `by` or `from` is still the author.
            (
                "A statement from Lakeside Water Board was read to reporters.\n\n“Supplies will return by Friday night,” the statement said.",
                vec![q("Supplies will return by Friday night,", Some("Lakeside Water Board"))],
            ),
        ]);
    }

    #[test]
    fn an_inverted_verb_before_a_name_no_stage_knows_continues_no_speaker() {
        check(vec![
            (
                "The prosecutor, Nadia Okafor, questioned the accused.\n“Where were you at ten o'clock?” Okafor asked.\n“At my sister's house in Tembisa, watching television,” replied Sello Mmutle.",
                vec![
                    q("Where were you at ten o'clock?", Some("Nadia Okafor")),
                    q("At my sister's house in Tembisa, watching television,", None),
                ],
            ),
            // A name the entity stage found but could not type (MISC), ending the clause, is the speaker (in
            // `a_name_no_list_knows_after_a_quotes_inverted_verb_or_according_to_speaks`).
            (
                "“Where were you that night?” asked Nadia Okafor.\n\n“At home with my mother and sisters,” replied Sello Mmutle.",
                vec![
                    q("Where were you that night?", Some("Nadia Okafor")),
                    q("At home with my mother and sisters,", Some("Sello Mmutle")),
                ],
            ),
            // Lower-case words after the verb name no one new: the paragraph's speaker carries on.
            (
                "“We will rebuild,” said Nadia Okafor. “The school comes first,” said again and again.",
                vec![q("We will rebuild,", Some("Nadia Okafor")), q("The school comes first,", Some("Nadia Okafor"))],
            ),
        ]);
    }

    #[test]
    fn german_reversed_and_corner_quotation_marks_pair() {
        check(vec![
            // German „…“ closes with the mark English opens with.
            (
                "GRAZ — „The coalition has run its course“, the party leader Anton Reisinger told reporters.",
                vec![q("The coalition has run its course", Some("Anton Reisinger"))],
            ),
            // Polish „…” as before, and an English “…” after a German pair.
            (
                "„We will not leave the coalition”, said Zofia Wrona. „It stays“, and “we all know why it stays”.",
                vec![
                    q("We will not leave the coalition", Some("Zofia Wrona")),
                    q("we all know why it stays", Some("Zofia Wrona")),
                ],
            ),
            // Reversed guillemets (German, Danish): »…«; French « … » unchanged.
            (
                "KIEL — »We will not raise the pension age again«, Minister Heike Brandt told the paper.",
                vec![q("We will not raise the pension age again", Some("Heike Brandt"))],
            ),
            (
                "DAKAR — « We will not leave this square », declared the union leader Ousmane Faye on Sunday.",
                vec![q("We will not leave this square", Some("Ousmane Faye"))],
            ),
            // A `»` glued to a word with no `«` after it is a bullet, no quote.
            ("»Related: five things to know about the new pension rules", vec![]),
            // Corner brackets (Japanese, Chinese): 「…」.
            (
                "Health minister Haruto Mori said: 「Overtime will be capped at forty-five hours.」",
                vec![q("Overtime will be capped at forty-five hours.", Some("Haruto Mori"))],
            ),
        ]);
    }

    #[test]
    fn an_organisation_is_referred_back_to_by_the_last_words_of_its_name() {
        check(vec![
            (
                "Ships were stopped by the Lakeshore Port Authority on Sunday.\n\n“No vessel will leave after dark,” the port authority said.",
                vec![q("No vessel will leave after dark,", Some("Lakeshore Port Authority"))],
            ),
            // A modifier the name does not have is another office.
            (
                "Ships were stopped by the Lakeshore Port Authority on Sunday.\n\n“No vessel will leave after dark,” the regional authority said.",
                vec![q("No vessel will leave after dark,", None)],
            ),
        ]);
    }

    #[test]
    fn a_councillor_is_a_role_before_a_name() {
        check(vec![(
            "“This is a sad day for readers in this town,” said councillor Morag Dunleavy.",
            vec![q("This is a sad day for readers in this town,", Some("Morag Dunleavy"))],
        ),
        // `Councillor` is a title, as `Mayor` is: the name after it is a person's, `the councillor` refers to it.
        (
            "Councillor Morag Dunleavy voted against the closure.\n\n“I will keep fighting for it,” the councillor said.",
            vec![q("I will keep fighting for it,", Some("Morag Dunleavy"))],
        )]);
    }

    #[test]
    fn an_age_refers_to_the_person_named_with_it() {
        check(vec![
            (
                "Dilnoza Rahimova, 22, beat the top seed, Maartje Visser, 31, in three sets.\n\n“I just stopped thinking,” the 22-year-old said.\n\n“She served better than me today,” said the 31-year-old.",
                vec![
                    q("I just stopped thinking,", Some("Dilnoza Rahimova")),
                    q("She served better than me today,", Some("Maartje Visser")),
                ],
            ),
            // An age the text gave someone else's is not the recent subject's.
            (
                "Ahmed Saleh, 45, and his son, 12, were pulled from the rubble.\n\n“I heard my father all the time,” the 12-year-old said.",
                vec![q("I heard my father all the time,", None)],
            ),
            (
                "The 19-year-old Daniel Okoro beat Tomasz Lis in four sets.\n\n“I never expected this,” the 19-year-old said.",
                vec![q("I never expected this,", Some("Daniel Okoro"))],
            ),
        ]);
    }

    #[test]
    fn a_role_two_people_were_named_with_in_one_sentence_is_no_one() {
        check(vec![
            (
                "Rovers coach Tiago Mendonça and City coach Olumide Bakare both blamed the referee.\n\n“That was never a penalty,” the coach said.",
                vec![q("That was never a penalty,", None)],
            ),
            (
                "Finance Minister Aigul Serikova met Trade Minister Daulet Abenov on Monday.\n\n“The tariffs stay,” the minister said.",
                vec![q("The tariffs stay,", None)],
            ),
            // Named in two sentences, the last one holds the role.
            (
                "Rovers coach Tiago Mendonça was sacked in May. City coach Olumide Bakare blamed the referee.\n\n“That was never a penalty,” the coach said.",
                vec![q("That was never a penalty,", Some("Olumide Bakare"))],
            ),
        ]);
    }

    #[test]
    fn a_pronoun_after_two_people_who_fit_it_is_no_one() {
        check(vec![
            (
                "Tomasz Wrona and Piotr Zalewski signed the agreement on Thursday.\n\n“It is a good day,” he said.",
                vec![q("It is a good day,", None)],
            ),
            // Only one of them fits the pronoun.
            (
                "Tomasz Wrona and Agnieszka Zalewska signed the agreement on Thursday.\n\n“It is a good day,” she said.",
                vec![q("It is a good day,", Some("Agnieszka Zalewska"))],
            ),
            (
                "Tomasz Wrona and Agnieszka Zalewska signed the agreement on Thursday.\n\n“It is a good day,” he said.",
                vec![q("It is a good day,", Some("Tomasz Wrona"))],
            ),
        ]);
    }

    #[test]
    fn a_name_no_list_knows_after_a_quotes_inverted_verb_or_according_to_speaks() {
        check(vec![
            (
                "“The lorries are waiting,” according to Rahimullah Zadrankhel, a trader.",
                vec![q("The lorries are waiting,", Some("Rahimullah Zadrankhel"))],
            ),
            (
                "“The lorries are waiting,” said Gulbadin Zadrankhel.",
                vec![q("The lorries are waiting,", Some("Gulbadin Zadrankhel"))],
            ),
            // A name that goes on with lower-case words is no speaker's (`according to Sunni Muslim tradition`).
            (
                "“Nobody eats before sunset,” according to Sunni Muslim tradition.",
                vec![q("Nobody eats before sunset,", None)],
            ),
        ]);
    }

    #[test]
    fn a_sentence_opened_by_a_name_no_stage_knows_is_the_newest_subject() {
        check(vec![
            // Someone named before could be meant by `he`, the newer subject too: no one.
            (
                "Peter Mwangi runs a bakery in Nyeri.\n\nTshering Wangchuk Dorji has farmed the valley for years.\n\n“The glacier is smaller every spring,” he said.",
                vec![q("The glacier is smaller every spring,", None)],
            ),
            // Someone named before of the other sex: the newer subject is meant.
            (
                "Grace Mwangi runs a bakery in Nyeri.\n\nTshering Wangchuk Dorji has farmed the valley for years.\n\n“The glacier is smaller every spring,” he said.",
                vec![q("The glacier is smaller every spring,", Some("Tshering Wangchuk Dorji"))],
            ),
            (
                "Mary Tipene, the principal, closed the school.\n\nYerlan Nurgaliyev coaches the national team.\n\n“We will qualify,” the coach said.",
                vec![q("We will qualify,", None)],
            ),
            // The same after an opening phrase, where the entity stage left the name MISC.
            (
                "Peter Mwangi runs a bakery in Nyeri.\n\nOn Friday, Tshering Wangchuk Dorji walked to the glacier.\n\n“It is smaller every spring,” he said.",
                vec![q("It is smaller every spring,", None)],
            ),
            // No one named before: the newer subject is meant.
            (
                "The road has been closed since May.\n\nTshering Wangchuk Dorji has farmed the valley for years.\n\n“The glacier is smaller every spring,” he said.",
                vec![q("The glacier is smaller every spring,", Some("Tshering Wangchuk Dorji"))],
            ),
            (
                "The market opens at dawn.\n\nOchieng Odhiambo Owino drives the lorry that brings the vegetables.\n\n“I leave at two in the morning.”",
                vec![q("I leave at two in the morning.", Some("Ochieng Odhiambo Owino"))],
            ),
        ]);
    }

    #[test]
    fn a_title_alone_is_the_person_named_with_it_or_no_one() {
        check(vec![
            (
                "The Inspector-General of Police, Adamu Bako-Idris, withdrew the officers.\n\n“No officer will be posted there again,” the Inspector-General said.",
                vec![q("No officer will be posted there again,", Some("Adamu Bako-Idris"))],
            ),
            // Two people named with a title that is a role: as `the minister`, no one.
            (
                "Finance Minister Aigul Serikova met Trade Minister Daulet Abenov on Monday.\n\n“The tariffs stay,” the Minister said.",
                vec![q("The tariffs stay,", None)],
            ),
            // A title named with no one is no one's.
            (
                "Officers were withdrawn from the house on Monday.\n\n“No officer will be posted there again,” the Inspector-General said.",
                vec![q("No officer will be posted there again,", None)],
            ),
            // Not a title inside someone's quote.
            (
                "“Point of order, Madam Speaker!” shouted Rhys Pritchard from the back.\n\n“Sit down and wait,” the Speaker replied.",
                vec![q("Point of order, Madam Speaker!", Some("Rhys Pritchard")), q("Sit down and wait,", None)],
            ),
        ]);
    }

    #[test]
    fn a_live_blogs_label_in_capitals_is_no_speaker() {
        check(vec![
            (
                "UPDATE: “Do not drive through flood water tonight.”",
                vec![q("Do not drive through flood water tonight.", None)],
            ),
            (
                "BREAKING: “We have lost contact with the ferry,” the coastguard said.",
                vec![q("We have lost contact with the ferry,", None)],
            ),
            // An acronym of a body still speaks.
            (
                "NATO: “We will defend every inch of allied territory.”",
                vec![q("We will defend every inch of allied territory.", Some("NATO"))],
            ),
        ]);
    }

    #[test]
    fn a_title_in_prose_is_no_quote() {
        check(vec![
            ("The director Sione Vake said “The Long Road to Nuku” took nine years to finance.", vec![]),
            // An epithet after a determiner is someone's words.
            (
                "Senator Dara Olumide attacked the governor, saying the “Emperor of Kano” was ruining the state.",
                vec![q("Emperor of Kano", Some("Dara Olumide"))],
            ),
            // A description after `as` is someone's words.
            (
                "Union leader Bongani Dube described the offer as “A Slap in the Face of Every Worker” on Friday.",
                vec![q("A Slap in the Face of Every Worker", Some("Bongani Dube"))],
            ),
            // Speech in title case, going on in capitals or ending the line, is a headline's.
            (
                "Mayor Ilse Brandt: “We Will Rebuild This Town”",
                vec![q("We Will Rebuild This Town", Some("Ilse Brandt"))],
            ),
            // After the noun of a work or `titled`, title case is the work's name, whatever follows.
            ("Her new novel, “The Salt Road to Kandahar”, follows three sisters.", vec![]),
            ("They closed with the song “Nobody Waits for the Ferry.”", vec![]),
            ("The group published a report titled “Rivers Without Fish” in March.", vec![]),
            ("His latest single, “I Will Not Be Quiet,” reached the charts in May.", vec![]),
            // A Title Case headline capitalises the noun: speech after it stays.
            (
                "Rapper Kofi Mensah-Adu Says New Album ‘Is About My Father’",
                vec![q("Is About My Father", Some("Kofi Mensah-Adu"))],
            ),
            // Not title case after the noun, or no noun of a work: speech.
            (
                "Of the film, director Ama Boateng said: “Every scene cost us a week.”",
                vec![q("Every scene cost us a week.", Some("Ama Boateng"))],
            ),
            (
                "In the film “we never once see the sea,” director Ama Boateng said.",
                vec![q("we never once see the sea,", Some("Ama Boateng"))],
            ),
        ]);
    }

    #[test]
    fn a_term_is_no_ones_words() {
        check(vec![
            (
                "Ramón Ibarra said what drivers call “the road of the dead” had claimed four lives.",
                vec![q("the road of the dead", None)],
            ),
            // Someone's own words, named by a pronoun: the speaker's.
            (
                "Chiamaka Eze said the law was what she called “a licence to evict the poor” and promised to fight it.",
                vec![q("a licence to evict the poor", Some("Chiamaka Eze"))],
            ),
            (
                "Chiamaka Eze said the so-called “people's housing plan” had built nothing.",
                vec![q("people's housing plan", None)],
            ),
        ]);
    }

    #[test]
    fn a_quote_after_a_paragraph_about_someone_else_continues_no_one() {
        check(vec![
            (
                "“The deal is fair to both sides,” said Arvid Berg, the chairman.\nHalvard Moen, who speaks for the players, walked out an hour later.\n“There is nothing fair about closing the academy.”",
                vec![q("The deal is fair to both sides,", Some("Arvid Berg")), q("There is nothing fair about closing the academy.", None)],
            ),
            // The same speaker as the subject between: the quote continues.
            (
                "“The deal is fair to both sides,” said Arvid Berg, the chairman.\nArvid Berg left the meeting an hour later.\n“The academy will stay open.”",
                vec![q("The deal is fair to both sides,", Some("Arvid Berg")), q("The academy will stay open.", Some("Arvid Berg"))],
            ),
        ]);
    }

    #[test]
    fn a_name_in_parentheses_before_a_colon_is_no_speaker() {
        check(vec![
            (
                "Councillors argued until midnight.\nThabo Nkosi-Dube (Ward 9): “The clinic has been shut since June.”",
                vec![q("The clinic has been shut since June.", Some("Thabo Nkosi-Dube"))],
            ),
            (
                "Councillors argued until midnight.\nZanele Mokoena (Ward 12): “Nobody told the mothers why it closed.”",
                vec![q("Nobody told the mothers why it closed.", Some("Zanele Mokoena"))],
            ),
        ]);
    }

    #[test]
    fn a_name_in_an_introductory_phrase_is_no_subject() {
        check(vec![
            (
                "The Harbour City Fire Brigade sent two crews.\nIn a post on Facebook, the brigade said: “Residents should keep their windows closed.”",
                vec![q("Residents should keep their windows closed.", Some("Harbour City Fire Brigade"))],
            ),
            // Not a phrase that opens the sentence: the organisation is the subject.
            (
                "Harbour City Fire Brigade, in a post on Facebook, said: “Residents should keep their windows closed.”",
                vec![q("Residents should keep their windows closed.", Some("Harbour City Fire Brigade"))],
            ),
        ]);
    }

    #[test]
    fn police_without_an_article_is_the_force_named_before() {
        check(vec![
            (
                "The Nakuru County Police Command arrested four men.\n“The suspects will be charged on Monday,” police said.",
                vec![q("The suspects will be charged on Monday,", Some("Nakuru County Police Command"))],
            ),
            // No force named: no one.
            ("Four men were arrested.\n“The suspects will be charged on Monday,” police said.", vec![q("The suspects will be charged on Monday,", None)]),
        ]);
    }

    #[test]
    fn a_role_in_apposition_opening_the_clause_is_the_participles_subject() {
        check(vec![
            (
                "The Lesotho finance minister, Mpho Letsie, defended the budget on Tuesday, adding: “Every loti of it is accounted for.”",
                vec![q("Every loti of it is accounted for.", Some("Mpho Letsie"))],
            ),
            // A place opening the clause is no role: no one.
            (
                "The Lesotho capital, Maseru, hosted the talks on Tuesday, adding: “Every loti of it is accounted for.”",
                vec![q("Every loti of it is accounted for.", None)],
            ),
        ]);
    }

    #[test]
    fn a_name_left_misc_quoted_as_saying_speaks() {
        check(vec![(
            "“We will not devalue, whatever the markets expect,” Alarcón Vidal was quoted as saying.",
            vec![q("We will not devalue, whatever the markets expect,", Some("Alarcón Vidal"))],
        )]);
    }

    #[test]
    fn speech_reported_second_hand_is_the_unnamed_tellers() {
        check(vec![
            (
                "Okonkwo Haverly said a neighbour told him: “The soldiers took everything.”",
                vec![q("The soldiers took everything.", None)],
            ),
            (
                "Brigid Nakamura-Cole said she was told by a clerk: “Your file has been lost.”",
                vec![q("Your file has been lost.", None)],
            ),
            (
                "Brigid Nakamura-Cole said she was told: “Your file has been lost.”",
                vec![q("Your file has been lost.", None)],
            ),
            (
                "Senator Idris Vantongeren recalled how his mother told him: “Never trust a man with two farms.”",
                vec![q("Never trust a man with two farms.", None)],
            ),
            // The teller named: theirs.
            (
                "Okonkwo Haverly said he was told by the foreman, Peter Lindqvist: “There is no work tomorrow.”",
                vec![q("There is no work tomorrow.", Some("Peter Lindqvist"))],
            ),
            // A comma between: the subject stands before the aside.
            (
                "Okonkwo Haverly, who fished with his brothers, said: “The lake is dying.”",
                vec![q("The lake is dying.", Some("Okonkwo Haverly"))],
            ),
        ]);
    }

    #[test]
    fn a_name_after_a_preposition_before_a_colon_is_no_speaker() {
        check(vec![
            (
                "The strikers had one demand for Governor Elspeth Marangoni: “Pay us what you owe.”",
                vec![q("Pay us what you owe.", None)],
            ),
            (
                "Mayor Elspeth Marangoni was blunt: “We built on the river's land.”",
                vec![q("We built on the river's land.", Some("Elspeth Marangoni"))],
            ),
        ]);
    }

    #[test]
    fn the_next_paragraph_naming_whose_view_it_was_names_the_speaker() {
        check(vec![
            (
                "The ferries stopped on Monday.\n\n“The island is cut off from the world.”\n\nThat was the view of Gunnhild Asante, who runs the harbour shop.",
                vec![q("The island is cut off from the world.", Some("Gunnhild Asante"))],
            ),
            (
                "“The island is cut off from the world.” Such was the verdict of Gunnhild Asante on Monday.",
                vec![q("The island is cut off from the world.", Some("Gunnhild Asante"))],
            ),
            // A view from somewhere is no one's words.
            (
                "“Keep the harbour open” was painted on the pier.\n\nThat was the view from the window of Gunnhild Asante's shop.",
                vec![q("Keep the harbour open", None)],
            ),
        ]);
    }

    #[test]
    fn according_to_an_organisation_after_the_quote_names_it() {
        check(vec![(
            "“Exports fell by nine percent,” according to the Brennholt Chamber of Commerce.",
            vec![q("Exports fell by nine percent,", Some("Brennholt Chamber of Commerce"))],
        )]);
    }

    #[test]
    fn a_name_no_list_knows_opening_the_clause_before_a_colon_leaves_the_object_unspoken() {
        check(vec![(
            "Jorn Okoro met Governor Elspeth Marangoni on Friday and left with one message: “Fix the road.”",
            vec![q("Fix the road.", None)],
        )]);
    }

    #[test]
    fn words_written_on_a_thing_after_a_colon_are_no_ones() {
        check(vec![
            (
                "Tomasz Haverly pointed to the banner above the stage: “No more closures.”",
                vec![q("No more closures.", None)],
            ),
            // The thing before the verb: the verb's subject speaks.
            (
                "Tomasz Haverly, holding a banner, said: “No more closures.”",
                vec![q("No more closures.", Some("Tomasz Haverly"))],
            ),
        ]);
    }

    #[test]
    fn a_name_left_misc_speaks_past_an_aside() {
        check(vec![
            (
                "Tamsin Oyelaran, stuck at the terminal with her two children, said: “Nobody has told us anything.”",
                vec![q("Nobody has told us anything.", Some("Tamsin Oyelaran"))],
            ),
            // An aside that opens with a capital is someone else's description, left to the other rules.
            (
                "Tamsin Oyelaran, Kestrel Haverly's sister, said: “Nobody has told us anything.”",
                vec![q("Nobody has told us anything.", None)],
            ),
        ]);
    }

    #[test]
    fn a_live_blogs_new_entry_continues_no_earlier_speaker() {
        check(vec![
            (
                "11:52 Harbour master Peter Lindqvist said: “The port stays shut tonight.”\n\n12:05 Crowds are gathering at the gate.\n\n“This is a disgrace.”",
                vec![q("The port stays shut tonight.", Some("Peter Lindqvist")), q("This is a disgrace.", None)],
            ),
            // Within one entry the speaker carries on.
            (
                "11:52 Harbour master Peter Lindqvist said the port would stay shut.\n\n“We cannot risk the pilots.”",
                vec![q("We cannot risk the pilots.", Some("Peter Lindqvist"))],
            ),
        ]);
    }

    #[test]
    fn a_word_inside_a_full_name_is_that_person() {
        let quote = "The descent was faster than the climb,";
        check(vec![
            // The first of two surnames, as Spanish and Portuguese names are shortened.
            (
                "Ecuadorian rider Andrés Felipe Mosquera Zambrano took the stage. “The descent was faster than the climb,” Mosquera said.",
                vec![q(quote, Some("Andrés Felipe Mosquera Zambrano"))],
            ),
            (
                "Maria Luísa Tavares Brandão won the stage. “The descent was faster than the climb,” Tavares said.",
                vec![q(quote, Some("Maria Luísa Tavares Brandão"))],
            ),
            // A word no one's name holds stays as it is.
            (
                "Andrés Felipe Mosquera Zambrano won. “The descent was faster than the climb,” Valverde said.",
                vec![q(quote, Some("Valverde"))],
            ),
        ]);
    }

    #[test]
    fn a_surname_two_people_share_is_no_one() {
        let quote = "The harvest came in late this year,";
        check(vec![
            (
                "Carmen Olaizola and her brother Iñaki Olaizola run the farm.\n\n“The harvest came in late this year,” Olaizola said.\n\n“We lost a third of the grapes.”",
                vec![q(quote, None), q("We lost a third of the grapes.", None)],
            ),
            // Told apart by a full name, or by a title of sex: that person.
            (
                "Carmen Olaizola and her brother Iñaki Olaizola run the farm.\n\n“The harvest came in late this year,” Iñaki Olaizola said.",
                vec![q(quote, Some("Iñaki Olaizola"))],
            ),
            (
                "Iñaki Olaizola and his sister Carmen Olaizola run the farm.\n\n“The harvest came in late this year,” Ms Olaizola said.",
                vec![q(quote, Some("Carmen Olaizola"))],
            ),
            // The title against the first names, whichever of them linking took: the one who fits.
            (
                "Carmen Olaizola and her brother Iñaki Olaizola run the farm.\n\n“The harvest came in late this year,” Ms Olaizola said.",
                vec![q(quote, Some("Carmen Olaizola"))],
            ),
            // First names of no known sex: the title cannot tell them apart, unless a noun of kinship did.
            (
                "Kojo Adjei and Akosua Adjei run the farm.\n\n“The harvest came in late this year,” Mr Adjei said.",
                vec![q(quote, None)],
            ),
            (
                "Kojo Adjei and his sister, Akosua Adjei, run the farm.\n\n“The harvest came in late this year,” Mr Adjei said.",
                vec![q(quote, Some("Kojo Adjei"))],
            ),
            // One person of that surname: the surname is theirs.
            (
                "Carmen Olaizola runs the farm.\n\n“The harvest came in late this year,” Olaizola said.",
                vec![q(quote, Some("Carmen Olaizola"))],
            ),
        ]);
    }

    #[test]
    fn a_quote_paragraph_after_a_paragraph_ending_in_reported_speech_is_the_reporters() {
        let quote = "Ten seasons is enough for anyone.";
        check(vec![
            (
                "Tomasz Wielgus has led the orchestra since 2014. On Friday he told the board he would leave in June.\n\n“Ten seasons is enough for anyone.”",
                vec![q(quote, Some("Tomasz Wielgus"))],
            ),
            // A paragraph that ends with no one speaking, or with someone else speaking: the quote is no one's.
            (
                "Tomasz Wielgus has led the orchestra since 2014. He will leave in June.\n\n“Ten seasons is enough for anyone.”",
                vec![q(quote, None)],
            ),
            (
                "Tomasz Wielgus has led the orchestra since 2014. A board member said he would leave in June.\n\n“Ten seasons is enough for anyone.”",
                vec![q(quote, None)],
            ),
            // The reported clause has someone else for its subject: the quote paragraph may be theirs.
            (
                "Tomasz Wielgus has led the orchestra since 2014. On Friday he said the players had chanted in the hall.\n\n“Ten seasons is enough for anyone.”",
                vec![q(quote, None)],
            ),
            (
                "Tomasz Wielgus has led the orchestra since 2014. On Friday he told the board a critic wrote to him.\n\n“Ten seasons is enough for anyone.”",
                vec![q(quote, None)],
            ),
        ]);
    }

    #[test]
    fn an_attribution_on_the_line_after_a_long_quote_names_its_speaker() {
        let quote = "We waited for the ferry from dawn until the harbour closed at night,";
        check(vec![
            (
                "“We waited for the ferry from dawn until the harbour closed at night,”\nsaid Oyunbileg Batsaikhan, a fisherman.",
                vec![q(quote, Some("Oyunbileg Batsaikhan"))],
            ),
            (
                "Anna Kowalczyk fishes off the island.\n\n“We waited for the ferry from dawn until the harbour closed at night,”\n\nshe said.",
                vec![q(quote, Some("Anna Kowalczyk"))],
            ),
            // A quote that ends its sentence, or a next line that opens a new one, keeps its line.
            (
                "“We waited for the ferry from dawn until the harbour closed at night.”\nsaid Oyunbileg Batsaikhan, a fisherman.",
                vec![q("We waited for the ferry from dawn until the harbour closed at night.", None)],
            ),
            (
                "“We waited for the ferry from dawn until the harbour closed at night,”\nSaid Oyunbileg Batsaikhan is a fisherman.",
                vec![q(quote, None)],
            ),
            // A quote inside a sentence, wrapped at its comma: the next line goes on with that sentence.
            (
                "Protesters waved a banner reading “We waited for the ferry from dawn until the harbour closed at night,”\nwhile the mayor, Jan Kowalski, said the dam would be built.",
                vec![q(quote, None)],
            ),
        ]);
    }

    #[test]
    fn a_paragraph_opened_by_an_unknown_name_after_a_role_stops_the_last_speaker() {
        check(vec![
            (
                "“The dam will hold,” said the engineer Hamid Farouk.\n\nFarmer Tshering Wangdi Lhamo has moved his cattle uphill anyway.\n\n“Nobody here trusts the dam any more.”",
                vec![q("The dam will hold,", Some("Hamid Farouk")), q("Nobody here trusts the dam any more.", None)],
            ),
            // A paragraph about no one new between: the speaker carries on.
            (
                "“The dam will hold,” said the engineer Hamid Farouk.\n\nThe river rose again overnight.\n\n“Nobody here should worry.”",
                vec![q("The dam will hold,", Some("Hamid Farouk")), q("Nobody here should worry.", Some("Hamid Farouk"))],
            ),
        ]);
    }

    #[test]
    fn a_noun_of_kinship_says_the_sex_of_the_name_after_it() {
        let quote = "I kept the name over the door,";
        check(vec![
            // `his sister, Akosua Adjei`: a woman, so `he` is not her, whatever her first name says.
            (
                "Kojo Mensah opened the shop with his sister, Akosua Adjei, in 2001.\n\nAkosua Adjei left the business in 2019.\n\n“I kept the name over the door,” he said.",
                vec![q(quote, Some("Kojo Mensah"))],
            ),
            (
                "Akosua Adjei opened the shop with her brother Kojo Mensah in 2001.\n\nKojo Mensah left the business in 2019.\n\n“I kept the name over the door,” she said.",
                vec![q(quote, Some("Akosua Adjei"))],
            ),
            // `her brother`: the sentence's subject, who owns the `her`, is a woman.
            (
                "Akosua Adjei opened the shop with her brother, Kojo Mensah, in 2001.\n\nAkosua Adjei left the business in 2019.\n\n“I kept the name over the door,” he said.",
                vec![q(quote, Some("Kojo Mensah"))],
            ),
            // Two people before the noun: the possessive may be either's, so neither gets a sex from it.
            (
                "Nomvula Dube, a nurse, met Sipho Khumalo and his brother, Thabo Khumalo, at the clinic.\n\n“I kept the name over the door,” she said.",
                vec![q(quote, Some("Nomvula Dube"))],
            ),
        ]);
    }

    #[test]
    fn nouns_of_kinship_beyond_the_nearest_family_say_the_sex_too() {
        let quote = "He thinks the old ovens belong in a museum,";
        // Each row: a woman, then a man (or a woman) named after a noun of kinship whose first name no list knows,
        // then `she`. Before, only parents, children, siblings and spouses gave a sex, so `she` took the relative.
        let rows: Vec<(&str, Option<&str>)> = vec![
            ("Her nephew, Iñaki Etxeberria, now does the early shift.", Some("Marisol Etxeberria")),
            ("Her grandson, Xabier Etxeberria, now does the early shift.", Some("Marisol Etxeberria")),
            ("Her uncle, Koldo Etxeberria, now does the early shift.", Some("Marisol Etxeberria")),
            ("Her stepson Eneko Etxeberria now does the early shift.", Some("Marisol Etxeberria")),
            // A woman's noun: she is the nearer subject, as before.
            ("Her niece, Ainhoa Etxeberria, now does the early shift.", Some("Ainhoa Etxeberria")),
        ];
        let texts: Vec<String> = rows
            .iter()
            .map(|(between, _)| {
                format!("Marisol Etxeberria has run the bakery for thirty years.\n\n{between}\n\n“{quote}” she says.")
            })
            .collect();
        check(texts.iter().zip(&rows).map(|(text, (_, speaker))| (text.as_str(), vec![q(quote, *speaker)])).collect());
    }

    #[test]
    fn it_in_a_cue_after_a_sentence_opened_by_it_for_an_unknown_name_is_that_organisation() {
        check(vec![
            (
                "Solenne Cosmetics recalled 40,000 bottles on Wednesday. It said tests had found too little \
                 protection. “Customers can return any bottle,” it said.",
                vec![q("Customers can return any bottle,", Some("Solenne Cosmetics"))],
            ),
            // Not when the `It` before names no one, nor two sentences on.
            (
                "Heavy rain fell on Wednesday. It said nothing good about the harvest. “We will lose the crop,” it said.",
                vec![q("We will lose the crop,", None)],
            ),
            (
                "Solenne Cosmetics recalled 40,000 bottles on Wednesday. It said tests had found too little \
                 protection. Shoppers were angry. “Customers can return any bottle,” it said.",
                vec![q("Customers can return any bottle,", None)],
            ),
        ]);
    }

    #[test]
    fn it_after_a_sentence_opened_by_an_unknown_name_is_that_organisation() {
        let quote = "a painful but necessary step";
        check(vec![
            (
                "Korrowa Minerals closed two mines on Monday. It said the closures were “a painful but necessary step”.",
                vec![q(quote, Some("Korrowa Minerals"))],
            ),
            // A sentence between: no one by this rule, but a name typed an organisation (`Minerals` ends firms'
            // names) is what `it` stands for, as a pronoun stands for the last subject it fits.
            (
                "Korrowa Minerals closed two mines on Monday. Prices fell. It said the closures were “a painful but necessary step”.",
                vec![q(quote, Some("Korrowa Minerals"))],
            ),
            // A person's name: no one.
            (
                "Peter Okwuosa closed two mines on Monday. It said the closures were “a painful but necessary step”.",
                vec![q(quote, None)],
            ),
            // A thing the sentence brings in with an article: `it` may be the thing (a letter, a sign), not the name.
            (
                "Tshering Dorji received a letter from the council on Friday. It said the closures were “a painful but necessary step”.",
                vec![q(quote, None)],
            ),
            (
                "Korrowa Tuvalsen put up the notice on Monday. It said the closures were “a painful but necessary step”.",
                vec![q(quote, None)],
            ),
            // A name the entity stage types an organisation (`Minerals` ends firms' names) is `it` by the older
            // rule (`Alibaba reported a profit. It said …`, the common shape), thing or no thing between.
            (
                "Korrowa Minerals put up the notice on Monday. It said the closures were “a painful but necessary step”.",
                vec![q(quote, Some("Korrowa Minerals"))],
            ),
        ]);
    }

    #[test]
    fn a_person_after_an_employers_role_speaks_not_the_employer() {
        let quote = "The trains will run on time from Monday,";
        check(vec![
            (
                "Halvorsen Airways apologised. “The trains will run on time from Monday,” said Halvorsen Airways spokesman Tobias Grunewald.",
                vec![q(quote, Some("Tobias Grunewald"))],
            ),
            (
                "“The trains will run on time from Monday,” said Microsoft chief executive Ingrid Pallesen.",
                vec![q(quote, Some("Ingrid Pallesen"))],
            ),
            // A name the entity stage left MISC after the role: someone all the same.
            (
                "“The trains will run on time from Monday,” said Norrvik Rail chief executive Agneta Holmqvist.",
                vec![q(quote, Some("Agneta Holmqvist"))],
            ),
            // No role between, or a role that goes on past the name's place: the organisation itself.
            (
                "Halvorsen Airways apologised. “The trains will run on time from Monday,” said Halvorsen Airways on Friday.",
                vec![q(quote, Some("Halvorsen Airways"))],
            ),
            // A person the speaker works for, named first: the speaker all the same.
            (
                "“The trains will run on time from Monday,” said Mayor Karin Lindqvist's spokesman Tobias Grunewald.",
                vec![q(quote, Some("Tobias Grunewald"))],
            ),
            (
                "“The trains will run on time from Monday,” said Karin Lindqvist spokesman Tobias Grunewald.",
                vec![q(quote, Some("Tobias Grunewald"))],
            ),
            // A preposition, conjunction or possessive before the role: another phrase, whose person does not speak.
            (
                "“The trains will run on time from Monday,” said Karin Lindqvist as spokesman Tobias Grunewald looked on.",
                vec![q(quote, Some("Karin Lindqvist"))],
            ),
            (
                "“The trains will run on time from Monday,” said Karin Lindqvist before teammate Tobias Grunewald left.",
                vec![q(quote, Some("Karin Lindqvist"))],
            ),
            (
                "“The trains will run on time from Monday,” said Karin Lindqvist through her lawyer Tobias Grunewald.",
                vec![q(quote, Some("Karin Lindqvist"))],
            ),
        ]);
    }

    #[test]
    fn a_sentence_pointing_back_at_a_quote_with_describes_names_its_speaker() {
        check(vec![
            (
                "“We have lost everything.”\nThat is how Samira Haddad, 61, describes the night the river burst its banks.",
                vec![q("We have lost everything.", Some("Samira Haddad"))],
            ),
            (
                "“A wall of water, then silence.” That was how fisherman Tevita Fonua described the wave.",
                vec![q("A wall of water, then silence.", Some("Tevita Fonua"))],
            ),
            // The one described is not the one describing, and a document or a crowd is no one named.
            (
                "“He never slept before a final.” That is how the squad describes captain Ruben Oyarzun.",
                vec![q("He never slept before a final.", None)],
            ),
            (
                "“A town without a future.” That is how the report describes Kisumu's old quarter.",
                vec![q("A town without a future.", None)],
            ),
            (
                "“A fighter to the end.” That is how Mayor Ruth Achieng is described by her rival, Paul Otieno.",
                vec![q("A fighter to the end.", None)],
            ),
        ]);
    }

    #[test]
    fn a_statement_named_in_an_introductory_phrase_is_the_subjects_after_it() {
        check(vec![
            (
                "In a statement on Friday, the Norwegian Refugee Council said the camp's water had run out. \
                 “Children are drinking from puddles,” the statement said.",
                vec![q("Children are drinking from puddles,", Some("Norwegian Refugee Council"))],
            ),
            (
                "In a joint statement, Amnesty International said the trial was unfair. “The verdict was written \
                 in advance,” the statement said.",
                vec![q("The verdict was written in advance,", Some("Amnesty International"))],
            ),
            (
                "In a statement, Senator Beatriz Ocampo said she would vote against it. “This law punishes the \
                 poor,” the statement said.",
                vec![q("This law punishes the poor,", Some("Beatriz Ocampo"))],
            ),
            // The phrase leads to no verb of speech after the name, or the name is the statement's object.
            (
                "In a statement criticising Amnesty International, officials defended the trial. “The court was \
                 independent,” the statement said.",
                vec![q("The court was independent,", None)],
            ),
        ]);
    }

    #[test]
    fn a_one_word_person_after_the_names_no_one() {
        check(vec![
            (
                "Jonas Lindberg-Aho lost in three sets. “They were sharper on every big point,” the Finn said.",
                vec![q("They were sharper on every big point,", None)],
            ),
            // Nor is it a sentence's subject for a pronoun.
            (
                "Lindberg-Aho, the Finn, won easily on Sunday. “I felt at home on clay,” he said.",
                vec![q("I felt at home on clay,", None)],
            ),
            // A name without the article still speaks.
            (
                "Finn Hansen lost in three sets. “They were sharper on every big point,” Finn said.",
                vec![q("They were sharper on every big point,", Some("Finn Hansen"))],
            ),
        ]);
    }
}
