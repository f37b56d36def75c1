//! Stages 1–3 of entity finding (see `crates/extract/DESIGN.md`): runs of name-like words, their clean-up
//! (function words, titles, demonyms, connectors), and the pieces of Title Case lines that are known names.
//!
//! Every stage here is a loop over an explicit work list, never recursion on the input: a run can be as long
//! as the text ("Abcde of Abcde of …"), and a recursion that deep would overflow the Wasm stack.

use std::collections::HashMap;

use super::shape::{
    self, abbreviates, is_acronym, is_common, is_determiner, is_head_title, is_role_noun, is_shaped_name,
};
use super::typing::{after_work_noun, is_industry_opener, is_leading_org_word, lexical_kind};
use super::Context;
use crate::dates::{is_calendar_word, is_named_day};
use crate::lexicon::{
    is_demonym, is_first_name, is_known_person, is_misc_keyword, is_misc_name, is_org, is_org_keyword, is_place,
    is_role_before_names_any_case, is_title,
};
use crate::EntityKind;

/// Names are at most this many words: longer windows of a headline are never looked up.
const MAX_NAME_WORDS: usize = 6;

/// A candidate name: a token range and what the context already says about it.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// A title stood right before the name.
    pub after_title: bool,
    /// The candidate lies on a Title Case line, where capitals are no evidence.
    pub in_title_line: bool,
}

/// Whether the ampersand at token `amp` is inside a known organisation's name: the word before it, the
/// ampersand and one or two words after it are an entry of the organisation list ("Johnson & Johnson",
/// "Brighton & Hove Albion"). Looks at four tokens, so runs stay linear.
fn ampersand_joins_known_name(cx: &Context<'_, '_>, amp: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[amp].line;
    let last_word = |end: usize| end < seg.tokens.len() && seg.is_word(end) && seg.tokens[end].line == line;
    amp > 0
        && seg.is_word(amp - 1)
        && [amp + 1, amp + 2].into_iter().any(|end| last_word(end) && is_org(cx.surface(amp - 1, end + 1)))
}

/// Step 1: maximal runs of name-like tokens with connectors inside.
pub(super) fn runs(cx: &Context<'_, '_>) -> Vec<Candidate> {
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
            // A legal form ends a company's name ("NYP Holdings, Inc. All Rights Reserved"), unless another
            // legal form follows it ("Pvt. Ltd.").
            if end - first >= 2
                && is_company_suffix(cx.word(end - 1))
                && !(end < n && seg.is_word(end) && is_company_suffix(cx.word(end)))
            {
                break;
            }
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
            // "Summit of the Americas", "Office of the Prime Minister": "of the" continues a name whose word
            // before it is an organisation's or a MISC keyword.
            if end + 2 < n
                && cx.word(end) == "of"
                && cx.word(end + 1) == "the"
                && seg.tokens[end + 2].line == line
                && cx.is_namey(end + 2)
                && cx.word(end + 2) != "The"
                && (is_org_keyword(cx.word(end - 1)) || is_misc_keyword(cx.word(end - 1)))
            {
                end += 3;
                continue;
            }
            // "Ursula von der Leyen", "María de la Cruz": two name particles in a row join a name too.
            if end + 2 < n
                && matches!(cx.word(end), "von" | "van" | "de")
                && matches!(cx.word(end + 1), "der" | "den" | "la" | "los" | "las")
                && seg.tokens[end + 2].line == line
                && cx.is_namey(end + 2)
                && cx.word(end + 2) != "The"
            {
                end += 3;
                continue;
            }
            // "Procter & Gamble", "Mail & Guardian": an ampersand joins the words of a known organisation's
            // name (but "US & Canada" in a menu are two places).
            if end + 1 < n
                && seg.is_punct(end, '&')
                && seg.tokens[end + 1].line == line
                && cx.is_namey(end + 1)
                && (ampersand_joins_known_name(cx, end)
                    || legal_form_follows(cx, end + 1)
                    || is_partnership_word(cx.word(end + 1)))
            {
                end += 2;
                continue;
            }
            // A plural possessive inside a name: "Universities and Colleges Employers’ Association"; not before a
            // given name, which opens the name of a person of theirs ("the Texans’ Vernon Hargreaves").
            if end + 1 < n
                && (seg.is_punct(end, '’') || seg.is_punct(end, '\''))
                && cx.word(end - 1).ends_with('s')
                && seg.tokens[end].span.start == seg.tokens[end - 1].span.end
                && seg.tokens[end + 1].line == line
                && cx.is_namey(end + 1)
                && !is_first_name(cx.word(end + 1))
            {
                end += 2;
                continue;
            }
            // "Women's Premier League", "Men's World Cup": the sex of a competition's players is part of its name;
            // so are the people and children an institution serves ("People's Bank", "Children's Hospital").
            if end + 1 < n
                && seg.is_possessive(end)
                && matches!(cx.word(end - 1), "Women" | "Men" | "Girls" | "Boys" | "People" | "Children")
                && seg.tokens[end + 1].line == line
                && cx.is_namey(end + 1)
                && cx.word(end + 1) != "The"
            {
                end += 2;
                continue;
            }
            // "Hearst Communications, Inc.": a legal suffix after a comma still belongs to the company.
            if end + 1 < n
                && seg.is_punct(end, ',')
                && seg.tokens[end + 1].line == line
                && seg.is_word(end + 1)
                && is_company_suffix(cx.word(end + 1))
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
            && (is_head_title(cx.word(first - 1))
                || is_role_noun(cx.word(first - 1))
                || (is_role_noun_before_personal_names(cx.word(first - 1))
                    && super::looks_like_personal_name(
                        cx,
                        &Candidate { first, end, after_title: false, in_title_line: cx.title_line[line] },
                        false,
                    )));
        out.push(Candidate { first, end, after_title, in_title_line: cx.title_line[line] });
        i = end;
    }
    out
}

/// Whether a company's legal form ends the name that starts at token `from`, within three more capitalised
/// words on the line ("Halvorsen News & Media Limited"): then an ampersand before `from` joins one company's
/// name (bounded look-ahead, so runs stay linear).
fn legal_form_follows(cx: &Context<'_, '_>, from: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[from].line;
    (from..seg.tokens.len().min(from + 4))
        .take_while(|&i| seg.tokens[i].line == line && cx.is_namey(i))
        .any(|i| i > from && is_company_suffix(cx.word(i)))
}

/// "Okoro & Co.", "McKinsey & Company", "Kruglov & Sons": the word after an ampersand that names a firm of
/// partners or a family's business.
pub(super) fn is_partnership_word(word: &str) -> bool {
    matches!(word, "Co" | "Co." | "Company" | "Sons" | "Partners" | "Associates" | "Brothers")
}

/// Legal forms that end a company's name: "Inc.", "LLC", "Ltd", "Limited", "PLC", "GmbH".
pub(super) fn is_company_suffix(word: &str) -> bool {
    matches!(
        word,
        "Inc"
            | "Inc."
            | "LLC"
            | "L.L.C."
            | "Ltd"
            | "Ltd."
            | "Limited"
            | "PLC"
            | "Plc"
            | "plc"
            | "Corp"
            | "Corp."
            | "LP"
            | "L.P."
            | "GmbH"
            | "AG"
            | "SA"
            | "S.A."
            | "NV"
            | "N.V."
            | "AB"
            | "ASA"
            | "Pvt"
            | "Pvt."
            | "Pty"
            | "Co"
            | "Co."
            | "Cos."
            | "Bros"
            | "Bros."
            | "SpA"
            | "S.p.A."
            | "Oy"
            | "Oyj"
            | "BV"
            | "B.V."
            | "Bhd"
            | "Tbk"
            | "Pte"
            | "K.K."
    )
}

/// Work left in [`clean`]: a piece still to clean, or a piece already clean, waiting for its turn so that
/// candidates come out in text order.
enum Work {
    /// A piece to clean; `split_at_connectors` is false once the piece is known to hold no connector.
    Clean {
        piece: Candidate,
        split_at_connectors: bool,
    },
    Emit(Candidate),
}

/// Step 2: trims function words, splits at connectors and titles, drops demonyms. Pieces come out in text
/// order. Linear in the run's length: every split hands on disjoint pieces, and each piece is scanned a
/// bounded number of times.
pub(super) fn clean(cx: &Context<'_, '_>, cand: Candidate, out: &mut Vec<Candidate>) {
    // A stack of work in reverse text order: the next piece to handle is on top.
    let mut work = vec![Work::Clean { piece: cand, split_at_connectors: true }];
    while let Some(item) = work.pop() {
        match item {
            Work::Emit(done) => out.push(done),
            Work::Clean { piece, split_at_connectors } => {
                if let Some(done) = clean_piece(cx, piece, split_at_connectors, &mut work) {
                    out.push(done);
                }
            }
        }
    }
}

/// Cleans one piece: returns it when it is clean, or pushes its parts onto `work` (later parts first).
fn clean_piece(
    cx: &Context<'_, '_>,
    cand: Candidate,
    split_at_connectors: bool,
    work: &mut Vec<Work>,
) -> Option<Candidate> {
    let Candidate { mut first, mut end, mut after_title, in_title_line } = cand;
    let seg = cx.seg;
    // "Southern Cross Sport", "Get Matabeleland Post news": the page's publisher (its copyright line's name) is
    // one name, whatever its first word would say alone (a compass point); a word opening its line or sentence
    // before it is capitalised by position ("Get", "Follow") and goes.
    if !cx.publishers.is_empty() {
        if let Some(from) = (first..end).find(|&i| cx.is_publisher(cx.surface(i, end))) {
            if from == first || seg.starts_sentence(first) || seg.lines[seg.tokens[first].line].tokens.0 == first {
                return Some(Candidate { first: from, end, after_title, in_title_line });
            }
        }
    }
    // A capitalised common word mid-sentence is capitalised for a reason ("New START"); at the start of
    // a sentence or in a headline it is not, and determiners never begin a name.
    // A common word that begins a known name stays ("New York Post" is not "York Post").
    // "Copyright India Post Media Pvt. Ltd.": the word of a copyright line is no part of the holder's name.
    while first < end
        && (cx.is_connector(first)
            || (cx.word(first) == "Copyright" && first + 1 < end)
            || opens_with_a_plain_noun_before_of(cx, first, end)
            || ((in_title_line || seg.starts_sentence(first)) && is_plural_role_noun(cx.word(first)))
            || (is_common(cx.word(first))
                && (in_title_line || seg.starts_sentence(first) || is_determiner(cx.word(first)))
                && !begins_known_name(cx, first, end)))
    {
        first += 1;
    }
    // "the Inspector General of Police", "the CEO of Kestrel Foods Ltd.", "the Governor of the Central Bank of
    // X": an office named with `of` is a job title, no name (GUIDELINE.md); only the body after `of` may be one.
    // Its own keyword ("Police") must not make the office an organisation, so this comes before any typing.
    if let Some(of_at) = office_of_at(cx, first, end) {
        first = of_at + 1;
        while first < end && (cx.is_connector(first) || is_determiner(cx.word(first))) {
            first += 1;
        }
        if first + 1 >= end && is_org_keyword(cx.word(first)) && !is_org(cx.word(first)) {
            // "Inspector General of Police": a bare keyword after the office names no body of its own.
            return None;
        }
        // "Secretary of State Mike Pompeo", "Minister of Foreign Affairs Ama Okoro": the holder's given name and
        // surname after the body end the office; the body, if any name, is its own ("President of Ghana X").
        let holder = (first + 1..end.saturating_sub(1)).find(|&i| {
            is_first_name(cx.word(i)) && !is_org_keyword(cx.word(i + 1)) && !cx.seen_lowercase(cx.word(i + 1))
        });
        if let Some(holder) = holder {
            work.push(Work::Clean {
                piece: Candidate { first: holder, end, after_title: true, in_title_line },
                split_at_connectors,
            });
            work.push(Work::Clean {
                piece: Candidate { first, end: holder, after_title: false, in_title_line },
                split_at_connectors,
            });
            return None;
        }
    }
    // Titles before a first name are not part of the name ("General Antonio Guterres", "Acting Director Jane
    // Doe"), even the modifiers that do not split a run on their own.
    let leading_titles = (first..end).take_while(|&i| is_title(cx.word(i))).count();
    if leading_titles > 0 && first + leading_titles < end && is_first_name(cx.word(first + leading_titles)) {
        first += leading_titles;
        after_title = true;
    }
    // "Singer Tunde Adewale said …": a role noun capitalised only because it opens the sentence (or a
    // headline) stands before the name as it does in lower case ("singer Tunde Adewale"). In prose the given
    // name need not be listed when the rest has a person's shape ("Striker Ousmane Ndiaye", "Boxer Jerwin
    // Dimaculangan"), except after a role noun that also opens names of things ("Star Alliance").
    let rest_is_personal = |from: usize| {
        !in_title_line
            && !opens_names_of_things(cx.word(from - 1))
            && super::looks_like_personal_name(cx, &Candidate { first: from, end, after_title, in_title_line }, false)
    };
    if first + 1 < end
        && cx.word(first).starts_with(char::is_uppercase)
        && (in_title_line || seg.starts_sentence(first))
        && is_role_before_names_any_case(cx.word(first))
        && (is_first_name(cx.word(first + 1)) || rest_is_personal(first + 1))
    {
        first += 1;
        after_title = true;
    }
    // "Carmaker Zentrix said …": so is an industry's noun before a company's name.
    if first + 1 < end && seg.starts_sentence(first) && is_industry_opener(cx.word(first)) {
        first += 1;
    }
    while end > first && (cx.is_connector(end - 1) || !seg.is_word(end - 1)) {
        end -= 1;
    }
    if first >= end {
        return None;
    }
    // "the best Black Friday TV deals": a named day opening a longer run is a name of its own.
    if end - first > 2 && is_named_day(cx.word(first), cx.word(first + 1)) {
        work.push(Work::Clean {
            piece: Candidate { first: first + 2, end, after_title: false, in_title_line },
            split_at_connectors,
        });
        work.push(Work::Emit(Candidate { first, end: first + 2, after_title, in_title_line }));
        return None;
    }
    // "Bank of England Governor Mark Carney", "Bank of England Deputy Governor Ama Okoro": a known or keyword-typed
    // body, its officer's title and the officer's given name and surname are two names; the body's keyword
    // must not take the person (the title's modifiers belong to neither).
    if let Some(title_at) =
        (first + 1..end.saturating_sub(2)).find(|&i| is_head_title(cx.word(i)) && is_first_name(cx.word(i + 1)))
    {
        let mut body_end = title_at;
        while body_end > first + 1 && is_title(cx.word(body_end - 1)) {
            body_end -= 1;
        }
        if lexical_kind(cx, first, body_end).is_some() {
            work.push(Work::Clean {
                piece: Candidate { first: title_at + 1, end, after_title: true, in_title_line },
                split_at_connectors,
            });
            work.push(Work::Emit(Candidate { first, end: body_end, after_title, in_title_line }));
            return None;
        }
    }
    if lexical_kind(cx, first, end).is_some() {
        return Some(Candidate { first, end, after_title, in_title_line });
    }
    // "the ambassador to the European Union Gordon Sondland": a known name of two or three words opening the run,
    // right before a given name and more of a name, is a name of its own (the demonym below would take it).
    if let Some(split) = (first + 2..(first + 4).min(end.saturating_sub(1)))
        .find(|&i| is_first_name(cx.word(i)) && lexical_kind(cx, first, i).is_some())
    {
        work.push(Work::Clean {
            piece: Candidate { first: split, end, after_title, in_title_line },
            split_at_connectors,
        });
        work.push(Work::Emit(Candidate { first, end: split, after_title: false, in_title_line }));
        return None;
    }
    // Without its leading demonyms the rest may be known ("Russian Foreign Ministry" is caught above).
    let mut core = first;
    while core < end && is_demonym(cx.word(core)) {
        core += 1;
    }
    if core < end && core > first && lexical_kind(cx, core, end).is_some() {
        return Some(Candidate { first: core, end, after_title, in_title_line });
    }
    // A dateline after a name ("cleric Fazlur Rehman KARACHI: …"): a place in capitals ending a run of
    // words that are not in capitals is a name of its own.
    let shouting = |i: usize| {
        cx.word(i).chars().filter(|c| c.is_alphabetic()).count() >= 3 && !cx.word(i).chars().any(char::is_lowercase)
    };
    if end - first >= 2 && shouting(end - 1) && !shouting(end - 2) && is_place(cx.word(end - 1)) {
        work.push(Work::Emit(Candidate { first: end - 1, end, after_title: false, in_title_line }));
        work.push(Work::Clean {
            piece: Candidate { first, end: end - 1, after_title, in_title_line },
            split_at_connectors,
        });
        return None;
    }
    // Untyped names joined by a connector are separate names ("Moscow and Washington", "Obama of Kenya").
    // The part before the first connector holds none, so it is never searched again (that would make
    // "Abcde Abcde … President Abcde" quadratic).
    // A person's name particles do not split it: "Faisal ibn Farhan", "Carlos de Souza" (a first name opens it).
    let keeps_particles = is_first_name(cx.word(first));
    // "his album Rhythm of Eko", "her novel La Casa de las Flores": a work's title after the noun for its kind
    // keeps its small words (two titles joined by "and" still split).
    // Asked only once a connector is met (most pieces hold none).
    let work_title = std::cell::OnceCell::new();
    let in_work_title = || {
        *work_title.get_or_init(|| !in_title_line && end - first <= MAX_NAME_WORDS + 2 && after_work_noun(cx, first))
    };
    let splits = |i: usize| {
        cx.is_connector(i)
            && (!keeps_particles || matches!(cx.word(i), "and" | "for" | "of" | "on"))
            && (cx.word(i) == "and" || !in_work_title())
    };
    // "Brackenfold Bank of Commerce and Barclays", "Movimiento al Okavu and Banco Tawhiri": a keyword's name
    // with "of" (or a foreign one with its leading noun) and a name after "and" that
    // each type on their own split at the "and" between them, not at the "of" ("Shares of X and Y" still
    // splits at "of"). Only short runs are tried, so a long run costs no more.
    let known_sides_of_and = || {
        let short = end - first <= MAX_NAME_WORDS + 3;
        let keyword_of = || {
            (first + 1..end).any(|i| cx.word(i) == "of" && is_org_keyword(cx.word(i - 1)))
                || is_leading_org_word(cx.word(first))
        };
        (short && keyword_of())
            .then(|| {
                (first + 1..end - 1).find(|&i| {
                    cx.word(i) == "and"
                        && lexical_kind(cx, first, i).is_some()
                        && lexical_kind(cx, i + 1, end).is_some()
                })
            })
            .flatten()
    };
    // "National Register of Citizens (NRC)": a name that the acronym after it abbreviates is one name.
    let connector = if split_at_connectors && !expands_following_acronym(cx, first, end) {
        known_sides_of_and().or_else(|| (first + 1..end - 1).find(|&i| splits(i)))
    } else {
        None
    };
    if let Some(split) = connector {
        let right = Candidate { first: split + 1, end, after_title: false, in_title_line };
        work.push(Work::Clean { piece: right, split_at_connectors: true });
        let left = Candidate { first, end: split, after_title, in_title_line };
        work.push(Work::Clean { piece: left, split_at_connectors: false });
        return None;
    }
    // A title inside the run: the person comes after the last one, anything before is its own candidate.
    if let Some(last_title) = (first..end).rev().find(|&i| is_head_title(cx.word(i))) {
        if last_title + 1 < end {
            // "President Trump Kills TPP Once": the name ends before a word the document writes in lower case
            // or an acronym (a headline's verb and object). At most four words of a name are looked at.
            // "Secretary General Antonio Guterres", "Attorney General Jane Doe": a title of two words written
            // apart; the modifier after the head title is no part of the name either.
            let mut name_first = last_title + 1;
            while name_first + 1 < end && is_title(cx.word(name_first)) {
                name_first += 1;
            }
            let shouted_name = !cx.word(name_first).chars().any(char::is_lowercase);
            // A person known by one name ends there ("President Trump Kills …").
            let known_alone = is_known_person(cx.word(name_first))
                && name_first + 1 < end
                && !is_known_person(cx.surface(name_first, name_first + 2));
            let name_end = if known_alone {
                name_first + 1
            } else {
                (name_first + 1..end.min(name_first + 4))
                    .find(|&i| cx.seen_lowercase(cx.word(i)) || (!shouted_name && is_acronym(cx.word(i))))
                    .unwrap_or(end)
            };
            if name_end < end {
                work.push(Work::Clean {
                    piece: Candidate { first: name_end, end, after_title: false, in_title_line },
                    split_at_connectors,
                });
            }
            // "the Attorney General of Ontario": a title of two words, the second alone left over, is no name.
            if !(name_first..name_end).all(|i| is_title(cx.word(i))) {
                work.push(Work::Emit(Candidate { first: name_first, end: name_end, after_title: true, in_title_line }));
            }
            let left = Candidate { first, end: last_title, after_title, in_title_line };
            work.push(Work::Clean { piece: left, split_at_connectors: false });
            return None;
        }
        // The run ends with a title ("Foreign Minister"): nothing of it is a name unless known.
        end = last_title;
        while end > first && is_title(cx.word(end - 1)) {
            end -= 1;
        }
        after_title = false;
        if end <= first {
            return None;
        }
    }
    first = core.min(end);
    while first < end && is_demonym(cx.word(first)) {
        first += 1;
    }
    // "Richard Adams Education editor", "Liz Warren Refuses …", "Nick Anderson Cartoons": a first name and a
    // surname end before a last word the document writes in lower case (a section, a headline's verb).
    if !after_title
        && (3..=4).contains(&(end - first))
        && cx.seen_lowercase(cx.word(end - 1))
        && is_first_name(cx.word(first))
        && !is_calendar_word(cx.word(first))
        && !is_org_keyword(cx.word(end - 1))
        && !is_misc_keyword(cx.word(end - 1))
        && (first + 1..end - 1).all(|i| cx.word(i).starts_with(char::is_uppercase) && !cx.seen_lowercase(cx.word(i)))
    {
        end -= 1;
    }
    (first < end).then_some(Candidate { first, end, after_title, in_title_line })
}

/// "Shares of Zentrix rose", "Fans of Manchester United cheered": an ordinary noun capitalised only because
/// it opens the sentence, before a connector, is no part of the name after it. The noun is ordinary when the
/// document also writes it in lower case; an organisation's keyword is not ("University of Texas").
/// A plural noun is ordinary too when an organisation's name follows "of" ("Students of Kelvara University
/// marched": people, not a body named "Students of …"; "Knights of Columbus" keeps its place).
fn opens_with_a_plain_noun_before_of(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let word = cx.word(first);
    let plural_before_an_organisation = || {
        word.ends_with('s')
            && !word.ends_with("ss")
            && cx.word(first + 1) == "of"
            && lexical_kind(cx, first + 2, end) == Some(EntityKind::Org)
    };
    first + 2 < end
        && cx.is_connector(first + 1)
        && cx.seg.starts_sentence(first)
        && !is_org_keyword(word)
        && (cx.seen_lowercase(word) || plural_before_an_organisation())
}

/// The longest expansion of an acronym looked for, in tokens (connectors included).
const MAX_EXPANSION_WORDS: usize = 10;

/// Whether the name `first..end` is followed by "(ACRONYM)" whose letters are its words' initials
/// ("Centers for Disease Control and Prevention (CDC)"). Only short names are checked, so a long run costs
/// no more than a short one.
pub(super) fn expands_following_acronym(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    end - first <= MAX_EXPANSION_WORDS
        && end - first >= 2
        && seg.is_punct(end, '(')
        && seg.is_word(end + 1)
        && is_acronym(cx.word(end + 1))
        && seg.is_punct(end + 2, ')')
        && abbreviates(cx.word(end + 1), cx.surface(first, end))
}

/// Whether a gazetteer name of two or more words starts at token `first` ("New York", "The Hague").
/// "Analysts said …", "Senators asked …", "Residents told …": the plural of a role noun, capitalised because it
/// opens a sentence or a headline, is people spoken of by their role, no name (`data/role_nouns.txt`).
fn is_plural_role_noun(word: &str) -> bool {
    let Some(singular) = word.strip_suffix('s') else { return false };
    let lower = crate::case::lowercase(singular);
    singular.len() >= 3
        && word.starts_with(char::is_uppercase)
        && singular.chars().skip(1).all(char::is_lowercase)
        && (crate::lexicon::is_role_before_names(&lower) || crate::lexicon::is_referring_role(&lower))
}

/// The `of` after the titles opening a run when they name an office ("Inspector General of Police", "CEO of
/// X", "President of the Senate"): one head title among them (not "First of …"), and the run is no known name
/// ("Prince of Wales" may be listed). At most four titles are read.
fn office_of_at(cx: &Context<'_, '_>, first: usize, end: usize) -> Option<usize> {
    let titles = (first..end.min(first + 4)).take_while(|&i| is_title(cx.word(i))).count();
    let of_at = first + titles;
    let office = titles > 0
        && of_at + 1 < end
        && cx.word(of_at) == "of"
        && (first..of_at).any(|i| is_head_title(cx.word(i)))
        && !begins_known_name(cx, first, end);
    office.then_some(of_at)
}

pub(super) fn begins_known_name(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    (first + 2..=end.min(first + MAX_NAME_WORDS))
        .any(|j| is_place(cx.surface(first, j)) || is_org(cx.surface(first, j)))
        || names_a_storm(cx, first, end)
}

/// Whether the words from `first` to `end` are a storm's name ("Hurricane Delia"; at most four words).
pub(super) fn names_a_storm(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    end - first <= 4
        && matches!(cx.word(first), "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Tropical")
        && shape::is_storm_name(&(first..end).map(|i| cx.word(i)).collect::<Vec<_>>())
}

/// Step 3: on a Title Case line, keeps only known pieces, longest first.
pub(super) fn split_title_line(
    cx: &Context<'_, '_>,
    cand: &Candidate,
    known: &HashMap<String, EntityKind>,
    out: &mut Vec<Candidate>,
) {
    let mut i = cand.first;
    while i < cand.end {
        let mut matched = None;
        // Looked up once per word, not once per length tried below.
        let opens_with_first_name = is_first_name(cx.word(i)) && !is_common(cx.word(i));
        for j in (i + 1..=cand.end.min(i + MAX_NAME_WORDS)).rev() {
            let surface = cx.surface(i, j);
            // Keywords say little in a headline ("… In Violation Of Treaty"): only gazetteers and known names count.
            // "Chelsea Handler" in a headline is a name; in "Madonna Defends Comment" the second word is a
            // headline verb, which mostly ends in -s, so a "surname" ending in -s is not taken there.
            let person_name = opens_with_first_name
                && (j - i == 2 || (j - i == 3 && cx.word(i + 1).ends_with('.')))
                && !is_common(cx.word(j - 1))
                && !cx.seen_lowercase(cx.word(j - 1))
                && !cx.word(j - 1).ends_with('s');
            // "Madonna Defends …": a lone first name opening a headline, before a headline verb in -s.
            let headline_subject = j == i + 1
                && i == cand.first
                && opens_with_first_name
                && !is_calendar_word(cx.word(i))
                && cand.end > i + 1
                && cx.word(i + 1).ends_with('s')
                && !is_first_name(cx.word(i + 1));
            // A word whose shape types it ("iPhone", "9M729", "LendingTree", "Snopes.com") is a name anywhere.
            let shaped = j == i + 1 && is_shaped_name(cx.word(i));
            // A legal form is no headline's word: "© 2019 Zentrix Interactive Inc. All Rights Reserved".
            let company = j - i >= 2 && is_company_suffix(cx.word(j - 1));
            // "Reporting by Tadeo Quispaya", "Photo: Hau Dinh": a credit's names are people's.
            let credited = super::typing::is_credited_name(cx, i, j);
            if known.contains_key(surface)
                || company
                || credited
                || is_place(surface)
                || is_org(surface)
                || is_misc_name(surface)
                || is_known_person(surface)
                || person_name
                || headline_subject
                || shaped
            {
                matched = Some(j);
                break;
            }
        }
        // "Scraps Nairobi Pact", "Restores Lima Accord": a known place and a law's or a pact's keyword
        // after it in a headline are the law's name.
        let matched = matched.map(|j| {
            let law = j < cand.end
                && matches!(
                    cx.word(j),
                    "Act"
                        | "Accord"
                        | "Accords"
                        | "Agreement"
                        | "Bill"
                        | "Charter"
                        | "Convention"
                        | "Declaration"
                        | "Doctrine"
                        | "Pact"
                        | "Policy"
                        | "Protocol"
                        | "Treaty"
                )
                && is_place(cx.surface(i, j));
            if law {
                j + 1
            } else {
                j
            }
        });
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

/// Role nouns that, capitalised, also open the names of things and shows ("Star Alliance", "Host City", "Forward
/// Operating Base", "Veteran Affairs"): opening a sentence, they stand before a person's name only when a list
/// knows its given name.
fn opens_names_of_things(word: &str) -> bool {
    matches!(word, "Star" | "Host" | "Forward" | "Veteran" | "Champion" | "Chief" | "Deputy" | "Resident")
}

/// Role nouns that stand before a person's name only when it has a person's shape: "opposition leader Zitto
/// Mbaraka", "manager Ines Arroyo Vidal", "adviser Tahmina Rahman Chowdhury", but "market leader Zentrix", "asset
/// manager Brightwater Capital" and "investment adviser Vanguard" name firms.
fn is_role_noun_before_personal_names(word: &str) -> bool {
    matches!(word, "leader" | "manager" | "adviser" | "advisor")
}
