//! Stage 4 of entity finding (see `crates/extract/DESIGN.md`): the kind a candidate gets from its own words
//! (gazetteers, name-final keywords, codes) and from its context (a title before it, a first name, being
//! the subject of a speech verb, a publication noun after it).

use super::candidates::{
    begins_known_name, expands_following_acronym, is_company_suffix, is_partnership_word, names_a_storm, Candidate,
};
use super::shape::{
    is_acronym, is_byline, is_code, is_common, is_domain, is_lower_camel, is_particle_name, is_upper_camel,
    NOT_ORG_ACRONYMS,
};
use super::Context;
use crate::dates::{is_calendar_word, is_named_day};
use crate::lexicon::{
    is_common_word, is_demonym, is_east_asian_surname, is_first_name, is_inverted_speech_verb, is_known_person,
    is_misc_keyword, is_misc_name, is_org, is_org_in_lower_case, is_org_keyword, is_place, is_referring_role,
    is_role_before_names, is_speech_verb, is_subject_speech_verb,
};
use crate::EntityKind;

/// Name-final nouns of buildings, structures and geographic features and divisions, which make a name a
/// place. Not "Park", "Hall", "Bay" nor "Lake", which end people's names as often ("Grace Park", "Stuart
/// Hall", "Michael Bay"), nor "Valley", which ends as many names of shows and sections.
const FACILITY_NOUNS: &[&str] = &[
    "Airport",
    "Arena",
    "Bridge",
    "Canyon",
    "Cathedral",
    "County",
    "Desert",
    "District",
    "Gulf",
    "Island",
    "Islands",
    "Mosque",
    "Mountains",
    "Observatory",
    "Ocean",
    "Palace",
    "Peninsula",
    "Province",
    "River",
    "Sea",
    "Square",
    "Stadium",
    "Strait",
    "Tower",
    "Towers",
];

/// A line of its own made of ordinary words before a keyword ("Customer Service", "Weird News", "Loan
/// Center"): a menu's item, not an organisation's name. A word is ordinary when the document also writes it
/// in lower case. Only short items are looked at. A section's name is one too: a place before "News"
/// ("Texas News", "US News (1668)"), also as the second of two items joined by "&" ("Strange & Weird News").
fn is_plain_menu_item(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = &seg.lines[seg.tokens[first].line];
    let opens_item = first == line.tokens.0 || (first == line.tokens.0 + 2 && seg.is_punct(first - 1, '&'));
    let ends_item =
        end == line.tokens.1 || (end + 3 == line.tokens.1 && seg.is_punct(end, '(') && seg.is_punct(end + 2, ')'));
    let section = cx.word(end - 1) == "News";
    end - first <= 3
        && opens_item
        && ends_item
        && (first..end - 1).all(|i| cx.seen_lowercase(cx.word(i)) || (section && is_place(cx.word(i))))
}

/// Whether "and" follows a name of two or more words ending in an organisation's keyword or a place's noun
/// (or known, or a station's), among the last words of a name: "Labour Party and Kelvara University" are two organisations ("Fish and Wildlife Service"
/// and "University and College Union" are one). Looks at a bounded
/// number of words, so a long run costs no more than a short one.
fn joins_two_organisations(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    // "the merger between Oakhurst and Pellham Group": one distinctive word (no ordinary word, given name or
    // keyword) before "and" and a name of two or more words is a name of its own — unless "the" opens the whole,
    // as it opens the bodies whose names hold "and" ("the Trade and Industry Ministry", "the Food and Drug
    // Administration", "the Bill and Melinda Gates Foundation"; firms take no article).
    let after_the = first > 0 && cx.seg.is_word(first - 1) && cx.word(first - 1).eq_ignore_ascii_case("the");
    let lone_word_first = end - first >= 4 && !after_the && cx.word(first + 1) == "and" && {
        let word = cx.word(first);
        word.starts_with(char::is_uppercase)
            && !is_common(word)
            && !is_common_word(&crate::case::lowercase(word))
            && !is_first_name(word)
            && !is_org_keyword(word)
            && !is_place(word)
    };
    lone_word_first
        || (end.saturating_sub(8).max(first + 2)..end - 1).any(|i| {
            cx.word(i) == "and"
                && (is_org_keyword(cx.word(i - 1))
                    || FACILITY_NOUNS.binary_search(&cx.word(i - 1)).is_ok()
                    || cx.word(first) == "Radio"
                    || is_org(cx.surface(first, i))
                    || keyword_of_place(cx, first, i))
        })
}

/// "University of Cape Town", "Bank of Okavu": an organisation's keyword, "of" and a known place.
fn keyword_of_place(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    end - first >= 3
        && cx.word(first + 1) == "of"
        && is_org_keyword(cx.word(first))
        && is_place(cx.surface(first + 2, end))
}

/// The longest product name ("Lumify Flashlight X9 Pro") looked for, in words.
const MAX_PRODUCT_WORDS: usize = 5;

/// A quarter, half or fiscal year of accounts ("Q4", "H1", "FY21"): a code in shape, but no model's.
fn is_fiscal_period(word: &str) -> bool {
    matches!(word, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2") || word.starts_with("FY")
}

/// The longest "X Bank of Place" name looked for, in words.
const MAX_OF_PLACE_WORDS: usize = 7;

/// A surface that a gazetteer or a keyword types with confidence, without person evidence.
pub(super) fn lexical_kind(cx: &Context<'_, '_>, first: usize, end: usize) -> Option<EntityKind> {
    let surface = cx.surface(first, end);
    if is_place(surface) {
        return Some(EntityKind::Place);
    }
    // "Inner Mongolia", "South London", "Southern California": a compass or position word before a place names
    // a region of it, one place.
    if end - first >= 2
        && matches!(
            cx.word(first),
            "North"
                | "South"
                | "East"
                | "West"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Upper"
                | "Lower"
                | "Inner"
                | "Outer"
                | "Greater"
        )
        && is_place(cx.surface(first + 1, end))
    {
        return Some(EntityKind::Place);
    }
    // A lower-case "facebook" is a candidate only as an item of its own (`Context::is_namey`).
    if is_org(surface) || is_org_in_lower_case(surface) {
        return Some(EntityKind::Org);
    }
    if is_misc_name(surface) {
        return Some(EntityKind::Misc);
    }
    if is_known_person(surface) {
        return Some(EntityKind::Person);
    }
    let words = end - first;
    let last = cx.word(end - 1);
    // A named building or structure is a place (the guideline's "named facilities"), even when it bears an
    // organisation's name: "Bank of America Tower", "W.M. Keck Observatory".
    // "Garissa and Tana River" are two places: a facility's or a feature's name holds no "and" (among its
    // last words, so a long run costs no more).
    // "Sequoia National Park", "Berlin Wall", "Suez Canal": nouns of places that are also surnames ("Larry Wall",
    // "Michael Bay") make a place only when no given name opens the name.
    let feature_also_surname = matches!(last, "Bay" | "Beach" | "Canal" | "Dam" | "Lake" | "Park" | "Valley" | "Wall")
        && !is_first_name(cx.word(first));
    if words >= 2
        && (FACILITY_NOUNS.binary_search(&last).is_ok() || feature_also_surname)
        && !joins_two_organisations(cx, first, end)
        && !(end.saturating_sub(6).max(first)..end).any(|i| cx.word(i) == "and")
    {
        return Some(EntityKind::Place);
    }
    if words >= 2
        && (is_org_keyword(last)
            || is_company_suffix(last)
            || (is_partnership_word(last) && cx.seg.is_punct(end - 2, '&')))
        && !joins_two_organisations(cx, first, end)
        && !is_plain_menu_item(cx, first, end)
    {
        return Some(EntityKind::Org);
    }
    // "Ogun State", "Rakhine State": a known place and "State" is a state of a federation.
    if words == 2 && last == "State" && is_place(cx.word(first)) {
        return Some(EntityKind::Place);
    }
    // "Philip Morris International", "Marriott International": `International` ends firms' and bodies' names,
    // never a person's (it opens events' and bodies' names, which other words type).
    if words >= 2 && last == "International" {
        return Some(EntityKind::Org);
    }
    // "Swansea City", "Bolton Wanderers", "Bristol Rovers": a known town and a word that ends football clubs'
    // names is a club (a place's own name, "Mexico City", was found above). `City` ends towns' names too
    // ("Davao City"), so it needs a page about football: one that writes a word of the game in lower case.
    if (2..=3).contains(&words) && is_place(cx.surface(first, end - 1)) && ends_a_clubs_name(cx, last) {
        return Some(EntityKind::Org);
    }
    // "Channel 12", "BBC Radio 4": a channel and its number is a broadcaster's (the number joined the run only
    // after `Channel` or `Radio`).
    if words >= 2 && last.bytes().all(|b| b.is_ascii_digit()) && matches!(cx.word(end - 2), "Channel" | "Radio") {
        return Some(EntityKind::Org);
    }
    // "House of Representatives", "House of Lords": a chamber of a parliament ("House of Cards" is no chamber).
    if words == 3
        && cx.word(first) == "House"
        && cx.word(first + 1) == "of"
        && matches!(
            cx.word(first + 2),
            "Representatives" | "Commons" | "Lords" | "Delegates" | "Councillors" | "Peers" | "Assembly"
        )
    {
        return Some(EntityKind::Org);
    }
    // "Cape Canaveral", "Mount Kenya": a cape's or a mountain's name opens with its noun.
    if (2..=3).contains(&words)
        && matches!(cx.word(first), "Cape" | "Mount" | "Mt.")
        && (first + 1..end).all(|i| cx.word(i).starts_with(char::is_uppercase) && !is_org_keyword(cx.word(i)))
    {
        return Some(EntityKind::Place);
    }
    // A known organisation and one more name is one of its editions or units: "BBC Africa",
    // "Breitbart London" (but "Facebook Twitter" is two organisations side by side, and "WTA Finals" or "UEFA
    // Cup" an event the organisation holds).
    if words == 2
        && is_org(cx.word(first))
        && (is_place(last) || is_acronym(cx.word(first)))
        && !is_org(last)
        && !is_common(last)
        && !is_speech_verb(last)
        && !is_misc_keyword(last)
    {
        return Some(EntityKind::Org);
    }
    // "FC Porto", "VfB Stuttgart": a club's legal prefix.
    if words >= 2 && matches!(cx.word(first), "FC" | "AFC" | "CF" | "FK" | "VfB" | "VfL") {
        return Some(EntityKind::Org);
    }
    // "Grupo Bimbo", "Banco Itaú", "Movimiento al Socialismo", "Groupe Kelvara": Spanish, Portuguese and
    // French names of organisations open with the noun for their kind (two names joined by "and" stay two).
    if (2..=6).contains(&words) && is_leading_org_word(cx.word(first)) && (first + 1..end).all(|i| cx.word(i) != "and")
    {
        return Some(EntityKind::Org);
    }
    // "Radio Kelvara", "Radio Free Europe": a station's prefix (but "Radio X and Y TV" are two).
    if (2..=4).contains(&words) && cx.word(first) == "Radio" && (first..end).all(|i| cx.word(i) != "and") {
        return Some(EntityKind::Org);
    }
    if (words == 2 && is_named_day(cx.word(first), last)) || names_a_storm(cx, first, end) {
        return Some(EntityKind::Misc);
    }
    if words >= 2 && is_misc_keyword(last) {
        return Some(EntityKind::Misc);
    }
    // "Lumify Flashlight X9", "Galaxy S10": a model code after a name makes a product. Only short names are searched, so a long run costs no more than a short one.
    if (2..=MAX_PRODUCT_WORDS).contains(&words)
        && (first + 1..end).any(|i| is_code(cx.word(i)) && !is_fiscal_period(cx.word(i)))
        && !is_place(cx.word(first))
    {
        return Some(EntityKind::Misc);
    }
    if words >= 3
        && is_org_keyword(cx.word(first))
        && matches!(cx.word(first + 1), "of" | "for" | "on")
        && !joins_two_organisations(cx, first, end)
    {
        return Some(EntityKind::Org);
    }
    // "Central Bank of Nigeria", "Diplomatic Academy of Vietnam": a body named with the country or city it
    // serves. Only names of a few words are searched, so a long run costs no more than a short one.
    if (3..=MAX_OF_PLACE_WORDS).contains(&words) {
        // "European Convention on Human Rights", "Committee on Foreign Relations": "on" after a work's or
        // a committee's keyword links its subject as "of" does (not after any keyword: "Kelvara Bank on Okavu
        // Street" is two names).
        let of = (first + 1..end - 1).find(|&i| {
            cx.word(i) == "of"
                || (cx.word(i) == "on"
                    && (is_misc_keyword(cx.word(i - 1)) || matches!(cx.word(i - 1), "Committee" | "Commission")))
        });
        if of.is_some_and(|of| is_org_keyword(cx.word(of - 1)) && is_place(cx.surface(of + 1, end))) {
            return Some(EntityKind::Org);
        }
        // "Lagos Chamber of Commerce and Industry", "Kelvara Institute of Technology", "Africa Cup of Nations":
        // the keyword before "of" names the kind of the whole, when what follows "of" is capitalised words
        // (two joined by "and" at most, neither a known organisation or place: "Bank of Kelvara and Tesco"
        // are two names).
        if let Some(of) = of.filter(|&of| of + 1 < end) {
            let tail_ok = (of + 1..end).all(|i| {
                let word = cx.word(i);
                if word == "and" {
                    i > of + 1 && i + 1 < end && !is_org(cx.surface(i + 1, end)) && !is_place(cx.surface(i + 1, end))
                } else if word == "the" {
                    i == of + 1 && i + 1 < end
                } else {
                    word.starts_with(char::is_uppercase) && word != "The"
                }
            });
            let head = cx.word(of - 1);
            if tail_ok && !joins_two_organisations(cx, first, end) {
                // "Strait of Hormuz", "Gulf of Aden", "Tower of London": a feature's or a building's noun.
                if of == first + 1 && FACILITY_NOUNS.binary_search(&head).is_ok() {
                    return Some(EntityKind::Place);
                }
                if is_org_keyword(head) {
                    return Some(EntityKind::Org);
                }
                if is_misc_keyword(head) {
                    return Some(EntityKind::Misc);
                }
            }
        }
    }
    if (2..=4).contains(&words) && is_place_and_nickname(cx, first, end) {
        return Some(EntityKind::Org);
    }
    if words == 1 && is_domain(surface) {
        return Some(EntityKind::Org);
    }
    if words == 1 && ((is_code(surface) && !is_fiscal_period(surface)) || is_lower_camel(surface)) {
        return Some(EntityKind::Misc);
    }
    // "LendingTree", "FeedBurner", "WordPress": one word with a second capital after lower-case letters is
    // a company's or a brand's name (persons write "McDonald" with the capital after two letters at most).
    // … but "HillCast", "PostTV", "MoneyWatch": a brand ending in a word for a show is a show (MISC).
    if words == 1 && is_upper_camel(surface) {
        let show = ["Cast", "TV", "Watch"].iter().any(|end| surface.len() > end.len() + 2 && surface.ends_with(end));
        return Some(if show { EntityKind::Misc } else { EntityKind::Org });
    }
    None
}

/// Words that open an organisation's name in Spanish, Portuguese and French (a `match`: cheaper than a search
/// for a check made on most names).
pub(super) fn is_leading_org_word(word: &str) -> bool {
    matches!(
        word,
        "Asociación"
            | "Atlético"
            | "Banco"
            | "Banque"
            | "Companhia"
            | "Compañía"
            | "Confederación"
            | "Corporación"
            | "Deportivo"
            | "Empresa"
            | "Federación"
            | "Frente"
            | "Fundación"
            | "Fundação"
            | "Groupe"
            | "Grupo"
            | "Institut"
            | "Instituto"
            | "Ministerio"
            | "Ministério"
            | "Movimiento"
            | "Olympique"
            | "Partido"
            | "Sindicato"
            | "Société"
            | "Universidad"
            | "Universidade"
            | "Université"
    )
}

/// Words that end football clubs' names after their town's: never a place's.
const CLUB_SUFFIXES: &[&str] = &["Albion", "Athletic", "Hotspur", "Rangers", "Rovers", "United", "Wanderers"];

/// Words of football a page writes in lower case: with one, a town and `City` is a club.
const FOOTBALL_WORDS: &[&str] = &["goalkeeper", "goals", "league", "midfielder", "striker"];

fn ends_a_clubs_name(cx: &Context<'_, '_>, last: &str) -> bool {
    CLUB_SUFFIXES.contains(&last) || (last == "City" && FOOTBALL_WORDS.iter().any(|word| cx.writes_in_lower_case(word)))
}

/// Plurals that end a place's own name ("Golan Heights", "Cook Islands") or a body of states, never a team's.
const PLACE_PLURALS: &[&str] = &[
    "Banks",
    "Downs",
    "Emirates",
    "Estates",
    "Falls",
    "Fields",
    "Gardens",
    "Heights",
    "Highlands",
    "Hills",
    "Islands",
    "Isles",
    "Keys",
    "Lakes",
    "Mountains",
    "Plains",
    "Provinces",
    "Regions",
    "Sands",
    "Springs",
    "States",
    "Territories",
    "Woods",
];

/// "Kano Pillars", "Mumbai Indians", "Orlando Pirates", "Chennai Super Kings": a place's name and a plural
/// nickname in capitals name a team, in prose (on a Title Case line or as a menu's item alone on its line,
/// every word has a capital: "Hong Kong Protests"). The plural is no word the document writes in lower case, no place's own plural, and no
/// organisation's word ("Houston Chronicle Archives").
fn is_place_and_nickname(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let last = cx.word(end - 1);
    let plural = last.len() >= 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && last.starts_with(char::is_uppercase)
        && last.chars().skip(1).all(char::is_lowercase);
    let line = &cx.seg.lines[cx.seg.tokens[first].line];
    plural
        && !cx.title_line[cx.seg.tokens[first].line]
        && line.tokens != (first, end)
        && PLACE_PLURALS.binary_search(&last).is_err()
        && (first + 1..end).all(|i| cx.word(i).starts_with(char::is_uppercase))
        && !is_common(last)
        && !cx.seen_lowercase(last)
        && (first + 1..end).any(|nick| is_place(cx.surface(first, nick)) && !is_place(cx.surface(nick, end)))
        && (first + 1..end).all(|i| !is_org_keyword(cx.word(i)) && !is_org(cx.word(i)))
        && !is_first_name(cx.word(first))
}

/// Whether a speech verb follows the name ("Lavrov told") or precedes it ("said Indyk").
fn is_speech_subject(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    // "Singh, another deportee, said": the verb may follow a short appositive, when the name opens its
    // clause ("the MP for Newcastle Central, who backs the report, said" is said by the MP).
    let opens_clause = first == 0 || !seg.is_word(first - 1) || seg.starts_sentence(first);
    let verb_at = match seg.after_appositive(end) {
        Some(after) if opens_clause => after,
        _ => end,
    };
    let next_is_verb = seg.is_word(verb_at)
        && is_subject_speech_verb(cx.word(verb_at))
        && seg.tokens[verb_at].line == seg.tokens[first].line;
    let prev_is_verb = first > 0 && seg.is_word(first - 1) && is_inverted_speech_verb(cx.word(first - 1));
    next_is_verb || prev_is_verb
}

/// Step 4: the kind a candidate gets from its own words and context, if any. A name holding a digit
/// ("Chandrayaan-3 had completed", "said Pixel 9") is a thing's, never a person's: what context took for a
/// person (a speech verb, a title) is a product, a mission or a model (MISC).
pub(super) fn own_kind(cx: &Context<'_, '_>, cand: &Candidate) -> Option<EntityKind> {
    let kind = kind_from_words_and_context(cx, cand);
    if kind == Some(EntityKind::Person)
        && (cand.first..cand.end).any(|i| cx.word(i).bytes().any(|b| b.is_ascii_digit()))
    {
        return Some(EntityKind::Misc);
    }
    kind
}

fn kind_from_words_and_context(cx: &Context<'_, '_>, cand: &Candidate) -> Option<EntityKind> {
    let (first, end) = (cand.first, cand.end);
    // "Savanna Health Watch" on the masthead, in a credit and after "©": the page's publisher is an organisation
    // wherever the page names it, whatever its words say alone (a given name, a place).
    if cx.is_publisher(cx.surface(first, end)) {
        return Some(EntityKind::Org);
    }
    // "the film Parasite", "her memoir The Long Road Home": a work named after the noun for its kind is a
    // work, whatever its words would say alone (a first name, a place).
    if !cand.in_title_line && after_work_noun(cx, first) {
        return Some(EntityKind::Misc);
    }
    // "the news filter TruthLens", "the rover Pathfinder Two", "a mission called Comet Interceptor": a name
    // right after the noun for a made thing (or after that noun and "called"/"named"/"dubbed") is the thing's,
    // whatever its shape says (a camel-case brand, a place's name inside it), unless a list knows the name or
    // it is a full personal name (a host after a show's noun: "the podcast Michael Morell").
    if !cand.in_title_line && end - first <= 4 && names_a_made_thing(cx, first) {
        let surface = cx.surface(first, end);
        let personal = end - first >= 2 && is_first_name(cx.word(first));
        if !personal && !is_org(surface) && !is_place(surface) && !is_known_person(surface) {
            return Some(EntityKind::Misc);
        }
    }
    // "at the White House", "outside Buckingham Palace": a seat of government named as a building is the
    // building (PLACE) where a preposition of place puts something in it; as a speaker it stays the
    // institution.
    if end - first >= 2
        && matches!(cx.word(end - 1), "House" | "Palace" | "Street")
        && after_preposition_of_place(cx, first)
        && is_org(cx.surface(first, end))
    {
        return Some(EntityKind::Place);
    }
    // "Wigan manager Tobias Renwick", "Lyon's coach": a town or a country before a sports role noun is its club
    // or national team (an organisation).
    if !cand.in_title_line && end - first <= 2 && is_place(cx.surface(first, end)) && names_a_team(cx, first, end) {
        return Some(EntityKind::Org);
    }
    // "the payments start-up zoomPesa", "vendaLink, the Kenyan payments company,": a brand with a lower-case
    // initial is a product's by its shape (below), but a firm's where its context says so.
    if end - first == 1
        && is_lower_camel(cx.word(first))
        && (after_organisation_noun(cx, first)
            || described_as_an_organisation(cx, first, end)
            || in_company_context(cx, first, end))
    {
        return Some(EntityKind::Org);
    }
    // "Tennis Canada said", "Cricket Australia fined him", "USA Swimming": a sport and a known place, in either
    // order, name the sport's governing body there (an organisation), not a person nor the place.
    if !cand.in_title_line && end - first == 2 && names_a_sports_body(cx.word(first), cx.word(first + 1)) {
        return Some(EntityKind::Org);
    }
    if let Some(kind) = lexical_kind(cx, first, end) {
        return Some(kind);
    }
    // "in Sunamganj town", "Chhatak and Tahirpur upazilas", "Siaya and Kisumu counties": a name before the
    // lower-case noun for a kind of settlement or district is a place, also when "and" joins it to another.
    if !cand.in_title_line && end - first <= 3 && before_a_district_noun(cx, end) {
        return Some(EntityKind::Place);
    }
    // "Sponsored by Halvorsen Bank": the name opening a sponsor's line after its phrase is the sponsor's,
    // unless a given name opens it.
    if first >= 2
        && seg_line_start(cx, first - 2)
        && cx.seg.tokens[first].line == cx.seg.tokens[first - 2].line
        && super::shape::is_sponsor_line(cx.seg, first - 2)
        && !is_first_name(cx.word(first))
    {
        return Some(EntityKind::Org);
    }
    // "she stars in Winter Harbour", "premiered at Sundance", "directed Gold Coast Blues": what one stars in,
    // premieres at or directs is a work or a festival (MISC), unless a list knows it (a place: "premiered at
    // Cannes") or a director's actor is named ("directed Ama Okoro").
    if !cand.in_title_line && end - first <= 6 && names_a_work_by_its_verb(cx, first, end) {
        return Some(EntityKind::Misc);
    }
    // "won a Grammy for", "won an Emmy in 2020": what one wins with an indefinite article is an award (a
    // seat or a primary has its noun after the name: "won a Senate seat").
    if end - first == 1 && !cand.in_title_line && won_an_award(cx, first) {
        return Some(EntityKind::Misc);
    }
    // "a study published in The Lancet": what research is published in is a journal (a work), unless a
    // newspaper's title word ends it ("published in The Kelvara Times").
    if !cand.in_title_line && published_in(cx, first) && !is_newspaper_word(cx.word(end - 1)) {
        return Some(EntityKind::Misc);
    }
    // "Federal Bureau of Investigation (FBI)", "Centers for Disease Control and Prevention (CDC)": the
    // expansion of an acronym is an organisation when the acronym is a known one or one of its words is an
    // organisation's keyword (plurals too); else it is left to the rules below.
    if expands_following_acronym(cx, first, end) {
        let acronym = cx.word(end + 1);
        let keyword = (first..end).any(|i| {
            let word = cx.word(i);
            is_org_keyword(word) || word.strip_suffix('s').is_some_and(is_org_keyword)
        });
        if is_org(acronym) || keyword {
            return Some(EntityKind::Org);
        }
    }
    let words = end - first;
    let first_word = cx.word(first);
    if words == 1 && is_common(first_word) {
        return None;
    }
    // Particles inside a name count as its capitals: "Yousef al-Otaibi", "Faisal ibn Farhan", "Maria de Souza".
    let all_capitalised = (first..end).all(|i| {
        let word = cx.word(i);
        let inner_particle =
            i > first && i + 1 < end && cx.is_connector(i) && !matches!(word, "and" | "for" | "of" | "on");
        word.starts_with(char::is_uppercase) || is_particle_name(word) || inner_particle
    });
    // Asked by several rules below: looked up once.
    let opens_with_first_name = is_first_name(first_word);
    // Business grammar outweighs a speech verb after the name: companies speak too.
    if !cand.after_title && all_capitalised && !opens_with_first_name && in_company_context(cx, first, end) {
        return Some(EntityKind::Org);
    }
    // "a spokesman for Zentrix said": who has a spokesperson is an organisation (a person's speaks "for" them
    // too, but a first name or a title says so first).
    if !cand.after_title && all_capitalised && !opens_with_first_name && after_spokesperson(cx, first) {
        return Some(EntityKind::Org);
    }
    // "William Hill (LSE: WMH)", "Kestrel Foods (NYSE: KFD)": a name before a bracketed stock exchange and
    // ticker is a listed company, whatever its words say (a founder's name).
    if words <= 4 && all_capitalised && before_its_ticker(cx, end) {
        return Some(EntityKind::Org);
    }
    // "energy company Burisma", "the carmaker Zentrix": a name right after the noun for a kind of organisation
    // names one, as a role noun before a name names a person.
    if !cand.after_title
        && all_capitalised
        && (((!opens_with_first_name || firm_after_its_noun(cx, first, end)) && after_organisation_noun(cx, first))
            || after_ensemble_noun(cx, first))
    {
        return Some(EntityKind::Org);
    }
    if words <= 3 && is_dateline(cx, first, end) {
        return Some(EntityKind::Place);
    }
    if (2..=4).contains(&words) && all_capitalised && in_byline(cx, first) {
        return Some(EntityKind::Person);
    }
    // "Reporting by Tadeo Quispaya; Editing by …", "Photo: Hau Dinh, AP": a credit names people (one word
    // after "Photo:" is as often an agency: "Photo: Shutterstock").
    if is_credited_name(cx, first, end) {
        return Some(EntityKind::Person);
    }
    if cand.after_title && words <= 4 && all_capitalised {
        return Some(EntityKind::Person);
    }
    // A first name makes a person unless the "surname" is an ordinary word the document also writes in lower
    // case ("Liz Warren Refuses", "Hong Kong Protests").
    // Nor when the name opens with a known organisation or place ("Houston Chronicle Archives"), nor when an
    // acronym ends it after a first name in lower case ("Cleveland ISD", a school district).
    // "SEE ALL", "PAGE SIX": in capitals, a last word the document writes in lower case is a shouted menu item.
    let last = cx.word(end - 1);
    let shouted_ordinary_last = || {
        last.len() <= 16
            && !last.chars().any(char::is_lowercase)
            && cx.writes_in_lower_case(&crate::case::lowercase(last))
    };
    if (2..=4).contains(&words)
        && opens_with_first_name
        && !is_calendar_word(first_word)
        && all_capitalised
        && !cx.seen_lowercase(last)
        && !shouted_ordinary_last()
        && !begins_known_name(cx, first, end)
        && !(is_acronym(cx.word(end - 1)) && first_word.chars().any(char::is_lowercase))
    {
        return Some(EntityKind::Person);
    }
    // A Korean or Chinese family name and a hyphenated given name: "Park Geun-hye", "Tsai Ing-wen".
    if words == 2 && is_east_asian_surname(first_word) && is_hyphenated_given_name(cx.word(first + 1)) {
        return Some(EntityKind::Person);
    }
    // "Cleveland ISD", "Texas A&M": a place and an acronym that is not a place's ("Washington DC") nor a unit
    // name an institution of the place.
    if words == 2
        && is_place(first_word)
        && is_acronym(cx.word(first + 1))
        && !is_place(cx.word(first + 1))
        && !NOT_ORG_ACRONYMS.contains(&cx.word(first + 1))
        && first_word.chars().any(char::is_lowercase)
    {
        return Some(EntityKind::Org);
    }
    // "S. Korea", "N. Ireland": a compass point's initial before a place is a place.
    if words == 2 && matches!(first_word, "N." | "S." | "E." | "W.") && is_place(cx.word(first + 1)) {
        return Some(EntityKind::Place);
    }
    // Initials and a surname ("J.J. Watt", "K. Retherford"): a person, unless the initials name a place or
    // an organisation ("U.S. Navy", "D.C. Council").
    if words == 2
        && is_initials(first_word)
        && !is_place(first_word)
        && !is_org(first_word)
        && !is_common(cx.word(first + 1))
    {
        return Some(EntityKind::Person);
    }
    // A shouted menu word ("TIPS", "EVENTS") is written in lower case elsewhere in the document; an acronym is not.
    let shouted = || cx.writes_in_lower_case(&crate::case::lowercase(first_word));
    // An acronym in another script is a language menu's item ("РУС") on an English page.
    if words == 1
        && is_acronym(first_word)
        && first_word.is_ascii()
        && !NOT_ORG_ACRONYMS.contains(&first_word)
        && !cx.is_office_acronym(first_word)
        && !is_common_word(first_word)
        && !shouted()
        && !in_shouted_menu(cx, first)
    {
        return Some(EntityKind::Org);
    }
    // "Galatasaray signed the Nigerian striker …", "Kelvara Chiefs sacked coach …": who signs, sacks or
    // appoints a player or a coach is a club.
    if words <= 3 && all_capitalised && !opens_with_first_name && !cand.in_title_line && hires_a_player(cx, end) {
        return Some(EntityKind::Org);
    }
    if words <= 3 && all_capitalised && super::shape::age_in_commas(cx.seg, end).is_some() && !cand.in_title_line {
        return Some(EntityKind::Person);
    }
    if words <= 3 && all_capitalised && opens_quote_after_colon(cx, first, end) {
        return Some(EntityKind::Person);
    }
    // "Vulture magazine", "Interfax news agency": a name before a publication noun is an organisation, also after a
    // verb of speech ("told Kelvara Times newspaper": the listener, not a speaker). So is a name before the
    // noun for a party, an exchange, a club or a group ("the ruling Morena party", "the Bursa Malaysia
    // exchange"), even one that opens with a first name; not a day's ("the Christmas party").
    if words <= 3 && all_capitalised && cx.seg.is_word(end) {
        let next = cx.word(end);
        let publication =
            matches!(next, "magazine" | "newspaper" | "website" | "agency" | "network" | "tabloid" | "broadcaster");
        // Not a genre's compound either ("the K-pop group"): a hyphen before a lower-case letter.
        let genre = cx.word(end - 1).split('-').skip(1).any(|part| part.starts_with(char::is_lowercase));
        let body = matches!(next, "party" | "exchange" | "club" | "group" | "militia" | "bloc" | "alliance")
            && !genre
            && !(first..end).any(|i| is_calendar_word(cx.word(i)) || is_place(cx.word(i)));
        if publication || body {
            return Some(EntityKind::Org);
        }
    }
    // The sides of a result with a score, once per candidate.
    let other_side = if words <= 3 && all_capitalised && !cand.in_title_line {
        side_of_a_scored_result(cx, first, end)
    } else {
        None
    };
    if let Some((other_first, other_end)) = other_side {
        // "Ulsan Kelvara beat …, 2-0": a side that opens with a place is a team named for its city; and the
        // sides of one result are of one kind: a team beats a team ("Enyimba beat Kano Pillars 2-1"), and a
        // country's side a country's, which makes neither a player.
        let other = lexical_kind(cx, other_first, other_end);
        if (words >= 2 && is_place(first_word)) || other == Some(EntityKind::Org) {
            return Some(EntityKind::Org);
        }
        // "Arsenal beat Chelsea 3-1 in the Premier League": the sides of a result in a league are teams, even
        // when a side's name is a first name; players do not meet in leagues.
        if sentence_names_a_league(cx, first) {
            return Some(EntityKind::Org);
        }
        // "The All Blacks beat the Springboks 28-24": a side named by a plural with an article is a team (a
        // player's name takes none), and so is the side it played; not "the American Taylor Fritz", "the No. 5".
        let plural_after_article = |from: usize, to: usize| {
            from > 0
                && to > from
                && cx.seg.is_word(from - 1)
                && cx.word(from - 1).eq_ignore_ascii_case("the")
                && cx.word(to - 1).len() > 3
                && cx.word(to - 1).ends_with('s')
                && !is_demonym(cx.word(from))
                && !is_first_name(cx.word(from))
        };
        if plural_after_article(first, end) || plural_after_article(other_first, other_end) {
            return Some(EntityKind::Org);
        }
        // "Melbourne Storm beat Penrith 22-18": the other side opens with a place, a team named for its city, so
        // this side is a team too.
        if other_end - other_first >= 2 && is_place(cx.word(other_first)) {
            return Some(EntityKind::Org);
        }
        // "Estudiantes beat Palmeiras 2-1", "the Dolphins thrashed Canterbury 40-6": one score is a team game's
        // (a tennis or badminton match gives a score per set), and a player is named in full somewhere on the
        // page ("Novak Djokovic" … "Djokovic beat Sinner 10-8"). A side with neither a given name nor a full
        // name elsewhere, in a result scored as one game, is a team.
        if words == 1
            && scores_one_by_one(cx, first)
            && !has_person_evidence(cx, first, end)
            && !has_person_evidence(cx, other_first, other_end)
        {
            return Some(EntityKind::Org);
        }
        // "Vrbanovic defeated Okonkwo 7-5, 6-2": otherwise the sides are players (a team is a known
        // organisation, a place or carries a club affix, all typed above).
        if other != Some(EntityKind::Place) && !is_org_keyword(cx.word(end - 1)) && !is_misc_keyword(cx.word(end - 1)) {
            return Some(EntityKind::Person);
        }
    }
    // "Zentrix, a Lagos-based lender,", "Kelvara is the country's biggest retailer": a name described by the
    // noun for a kind of organisation in apposition or after a copula is an organisation's.
    if words <= 5
        && all_capitalised
        && !opens_with_first_name
        && !cand.in_title_line
        && described_as_an_organisation(cx, first, end)
    {
        return Some(EntityKind::Org);
    }
    // "Saudade, a drama that starts filming in May": a name described as a work in apposition or after a
    // copula is the work's title.
    if words <= 6 && all_capitalised && !cand.in_title_line && described_as(cx, first, end, WORK_NOUNS) {
        return Some(EntityKind::Misc);
    }
    // "Oduya Ekwueme, the party's chairman,", "the coach, Rangi Tawhiri,", "Ngozi Okwuosa, who chairs …": a
    // name described by a role noun in apposition, or by a relative "who", is a person's.
    if words <= 3
        && all_capitalised
        && !cand.in_title_line
        && described_as_a_person(cx, first, end)
        && !is_org_keyword(cx.word(end - 1))
        && !is_misc_keyword(cx.word(end - 1))
    {
        return Some(EntityKind::Person);
    }
    // "Police said", "Officials told": a collective or plural noun opening a sentence speaks, but is no one's name.
    let collective_noun =
        words == 1 && (is_org_keyword(first_word) || (first_word.ends_with('s') && cx.seen_lowercase(first_word)));
    let after_the = first > 0 && cx.seg.is_word(first - 1) && cx.word(first - 1).eq_ignore_ascii_case("the");
    if words <= 3 && all_capitalised && !collective_noun && is_speech_subject(cx, first, end) && !cand.in_title_line {
        // "The Okavu Refinery said": a person's name takes no article; what speaks with one is an organisation.
        // "Veltro said in a statement that it would appeal": nor does a person refer to themself as "it".
        // Only the subject before its verb ("said Chandrayaan-3 had completed its orbit": the craft is no speaker).
        let verb_follows = !(first > 0 && cx.seg.is_word(first - 1) && is_inverted_speech_verb(cx.word(first - 1)));
        // "Grandvale, which owns 40 supermarkets, said": a speaker described by "which" is no person ("who").
        let which_speaks = cx.seg.is_punct(end, ',') && cx.seg.is_word(end + 1) && cx.word(end + 1) == "which";
        if (after_the && words >= 2)
            || (!opens_with_first_name && verb_follows && (which_speaks || speaks_of_itself(cx, end)))
        {
            return Some(EntityKind::Org);
        }
        return Some(EntityKind::Person);
    }
    // "the Post", "The Times": a newspaper named by its title word.
    if words == 1 && after_the && is_newspaper_word(first_word) && !matches!(first_word, "News" | "Guardian") {
        return Some(EntityKind::Org);
    }
    // "the Kepler telescope", "the Leonids meteor shower": a name no rule typed, before the noun for a kind of
    // made thing or event, is its name. (Not before "film" or "album", which follow their authors' names.)
    // A model number may stand between ("the Pixel 9 phone": the number joins the name later).
    let model_number = cx.seg.is_word(end)
        && (1..=3).contains(&cx.word(end).len())
        && cx.word(end).bytes().all(|b| b.is_ascii_digit());
    let noun_at = if model_number { end + 1 } else { end };
    let next = cx.seg.is_word(noun_at).then(|| cx.word(noun_at));
    if words <= 3
        && all_capitalised
        && next.is_some_and(|w| PRODUCT_NOUNS.binary_search(&w).is_ok())
        && !(words == 1 && opens_with_first_name)
        && !(first..end).any(|i| is_place(cx.word(i)))
        // "the Navy jet": an organisation's keyword names the owner, not the thing.
        && !is_org_keyword(cx.word(end - 1))
    {
        return Some(EntityKind::Misc);
    }
    // A word in capitals is an initialism, not a given name ("track AI and EV makers": not "Ai").
    // Nor a month ("won the August election") nor a word before its number ("Page 6"): a date's or a
    // sequence's word that is also a given name.
    let numbered = cx.seg.is_word(end) && cx.word(end).bytes().all(|b| b.is_ascii_digit());
    if words == 1
        && opens_with_first_name
        && !cx.seg.starts_sentence(first)
        && first_word.chars().any(char::is_lowercase)
        && !is_calendar_word(first_word)
        && !numbered
    {
        // "a lawyer in Savannah, Georgia", "born in Florence, Italy": a given name after a preposition of place
        // and before a comma and a place is a town of that state or country ("met Florence, Paris and …" is not).
        let seg = cx.seg;
        if seg.is_punct(end, ',')
            && seg.is_word(end + 1)
            && is_place(cx.word(end + 1))
            && seg.is_word(first - 1)
            && matches!(cx.word(first - 1), "in" | "from" | "near" | "at" | "to" | "of" | "outside")
        {
            return Some(EntityKind::Place);
        }
        return Some(EntityKind::Person);
    }
    None
}

/// Sports whose national or regional governing bodies are named by the sport and the place ("Tennis Canada",
/// "Cricket Australia", "USA Gymnastics"), sorted for binary search.
const SPORTS: &[&str] = &[
    "Athletics",
    "Badminton",
    "Baseball",
    "Basketball",
    "Boxing",
    "Cricket",
    "Cycling",
    "Football",
    "Golf",
    "Gymnastics",
    "Hockey",
    "Netball",
    "Rowing",
    "Rugby",
    "Sailing",
    "Skating",
    "Soccer",
    "Swimming",
    "Tennis",
    "Volleyball",
];

/// Whether two words are a sport and a known place, in either order: a governing body's name.
fn names_a_sports_body(first: &str, second: &str) -> bool {
    let is_sport = |word: &str| SPORTS.binary_search(&word).is_ok();
    (is_sport(first) && is_place(second)) || (is_place(first) && is_sport(second))
}

/// How many tokens after a speaker's name the pronoun that refers back to it is looked for.
const SELF_REFERENCE_REACH: usize = 12;

/// Whether the clause after a speaker's name (ending at `end`) refers back to the speaker as an organisation
/// does: the first personal pronoun in its sentence is "its", or "it" before a verb of intent ("Veltro said
/// it plans to appeal", "said its profit fell"; a person's is "he"/"she"/"they"/"his"/"her"). Not "it would",
/// "it will": what was spoken of is as often the subject ("López García said it would hurt farmers": the bill).
fn speaks_of_itself(cx: &Context<'_, '_>, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[end.saturating_sub(1)].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    for i in end..(end + SELF_REFERENCE_REACH).min(seg.tokens.len()) {
        if seg.tokens[i].line != line || (i > end && seg.starts_sentence(i)) {
            return false;
        }
        match word_at(i) {
            Some("its") => return true,
            Some("it") => {
                return word_at(i + 1).is_some_and(|w| {
                    matches!(w, "plans" | "planned" | "intends" | "intended" | "expects" | "aims" | "hopes" | "hoped")
                });
            }
            Some("he" | "she" | "they" | "his" | "her" | "their" | "him" | "them" | "I" | "we" | "our" | "my") => {
                return false
            }
            _ => {}
        }
    }
    false
}

/// Whether "at", "outside", "inside" or "near" (and "the") stands right before the name at `first` on its line.
fn after_preposition_of_place(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let before = match first.checked_sub(1).and_then(word_at) {
        Some("the") => first - 1,
        _ => first,
    };
    before
        .checked_sub(1)
        .and_then(word_at)
        .is_some_and(|w| matches!(w, "at" | "At" | "outside" | "Outside" | "inside" | "Inside" | "near" | "Near"))
}

/// Whether the word is a noun of `PRODUCT_NOUNS` ("the Pixel 9 phone": the model number before it joins the
/// name).
pub(super) fn is_product_noun(word: &str) -> bool {
    PRODUCT_NOUNS.binary_search(&word).is_ok()
}

/// Whether the word before `first` on its line is a noun of `PRODUCT_NOUNS` ("the browser Firefox"), or that
/// noun or a scheme's then "called", "named" or "dubbed" ("a drone dubbed Skyhawk"; a work's: `after_work_noun`).
fn names_a_made_thing(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let Some(before) = first.checked_sub(1).and_then(word_at) else {
        return false;
    };
    if matches!(before, "called" | "named" | "dubbed") {
        return first.checked_sub(2).and_then(word_at).is_some_and(|noun| {
            is_product_noun(noun)
                || matches!(noun, "campaign" | "operation" | "programme" | "program" | "project" | "scheme" | "service")
        });
    }
    is_product_noun(before)
}

/// Nouns after a name that make it the name of a made thing or an event ("the Kepler telescope"), and before
/// one that make it the thing's ("the browser Firefox").
const PRODUCT_NOUNS: &[&str] = &[
    "app",
    "assistant",
    "browser",
    "ceremony",
    "chatbot",
    "console",
    "drone",
    "earbuds",
    "festival",
    "filter",
    "headphones",
    "jet",
    "jets",
    "laptop",
    "meteor",
    "missile",
    "mission",
    "musical",
    "phone",
    "phones",
    "pickup",
    "podcast",
    "premiere",
    "probe",
    "rover",
    "satellite",
    "sedan",
    "sequel",
    "smartphone",
    "smartphones",
    "spacecraft",
    "tablet",
    "telescope",
    "trilogy",
    "turntable",
    "vaccine",
];

/// A word of four or more capitals alone on its line between lines that are single words in capitals too: an
/// item of a menu written in capitals ("TRAVEL", "EVENTS", "EPAPER"), not an acronym.
fn in_shouted_menu(cx: &Context<'_, '_>, at: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[at].line;
    let lone_capitals = |l: usize| {
        seg.lines.get(l).is_some_and(|line| {
            line.tokens.1 == line.tokens.0 + 1
                && seg.is_word(line.tokens.0)
                && cx.word(line.tokens.0).chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !cx.word(line.tokens.0).chars().any(char::is_lowercase)
        })
    };
    cx.word(at).len() >= 4 && lone_capitals(line) && line > 0 && lone_capitals(line - 1) && lone_capitals(line + 1)
}

/// A wire story's dateline: a place in capitals opening its line, then a comma and a known place
/// ("MĀNGERE, New Zealand (AP) —") or a news agency in brackets ("KRAKÓW (Reuters) -").
fn is_dateline(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let on_line = |i: usize| i < seg.tokens.len() && seg.tokens[i].line == line;
    let shouted = |i: usize| {
        let word = cx.word(i);
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
    };
    let opens_line = first == seg.lines[line].tokens.0;
    if !opens_line || !(first..end).all(shouted) || !on_line(end + 2) {
        return false;
    }
    let region_follows = seg.is_punct(end, ',')
        && (end + 2..=end + 3).any(|last| on_line(last - 1) && is_place(cx.surface(end + 1, last)));
    let agency_follows = seg.is_punct(end, '(') && is_org(cx.word(end + 1)) && seg.is_punct(end + 2, ')');
    // "TARNBY, Mass. (AP) —", "HOLLOWAY, Ont. (CP) —": a region no list holds, written short, and then the
    // agency's bracket; a capitalised word opens the bracket.
    let region_then_bracket = seg.is_punct(end, ',')
        && (end + 2..=end + 4).any(|open| {
            on_line(open + 1)
                && seg.is_punct(open, '(')
                && cx.word(open + 1).starts_with(char::is_uppercase)
                && (end + 1..open).all(|i| !seg.is_word(i) || cx.word(i).starts_with(char::is_uppercase))
        });
    region_follows || agency_follows || region_then_bracket
}

/// Whether the name at `first` follows "spokesman for", "spokeswoman at", "spokesperson of" on its line.
fn after_spokesperson(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    first >= 2
        && word_at(first - 1).is_some_and(|w| matches!(w, "for" | "at" | "of"))
        && word_at(first - 2).is_some_and(|w| {
            matches!(w, "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokespersons")
                || (matches!(cx.word(first - 1), "for" | "at") && WORKS_FOR_NOUNS.contains(&w))
        })
}

/// Whether the name `first..end` stands right before the lower-case noun of an office in an organisation and a
/// capitalised name on its line ("Zentrix chief executive Ama Okoro", "Kelvara coach Rangi Tawhiri"): the
/// name is the organisation's. Not a demonym's ("Republican president Ama Okoro"). Looks at three tokens.
pub(super) fn before_its_officer(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    // "chief executive", "managing director", "deputy editor": one modifier before the noun.
    let noun_at = match word_at(end) {
        Some("chief" | "managing" | "deputy" | "executive")
            if word_at(end + 1).is_some_and(|w| w == "director" || is_officer_noun(w)) =>
        {
            end + 1
        }
        Some(_) => end,
        None => return false,
    };
    word_at(noun_at).is_some_and(|w| is_officer_noun(w) || (noun_at > end && w == "director"))
        && word_at(noun_at + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
        && !is_demonym(cx.word(first))
        // "Chief executive Mira Sandvik said": an officer's own word opening the sentence names no organisation.
        && !(end - first == 1 && is_officer_noun(&crate::case::lowercase(cx.word(first))))
}

/// Lower-case nouns of an office in an organisation, before its holder's name ("Zentrix founder Ama Okoro").
/// Not "leader" nor "president" (a party's adjective stands before them: "opposition leader"), nor "producer"
/// or a plain "director", said of trades as well as offices ("Hollywood producer"; "managing director" is one).
fn is_officer_noun(word: &str) -> bool {
    matches!(
        word,
        "boss"
            | "captain"
            | "chairman"
            | "chairwoman"
            | "chief"
            | "coach"
            | "executive"
            | "founder"
            | "co-founder"
            | "manager"
            | "owner"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
    ) || WORKS_FOR_NOUNS.contains(&word)
}

/// Lower-case nouns of people who work for a publication or play for a team: "a reporter for X", "a
/// columnist at X", "a midfielder for X" make X an organisation (a lawyer "for" someone is a person's).
const WORKS_FOR_NOUNS: &[&str] = &[
    "anchor",
    "columnist",
    "contributor",
    "correspondent",
    "defender",
    "editor",
    "forward",
    "goalkeeper",
    "midfielder",
    "reporter",
    "striker",
    "writer",
];

/// Nouns for a kind of organisation, which its name may follow ("the carmaker Zentrix", "the band Velvet
/// Harbour", "the K-pop group Starlight Seven"). Not nouns that also stand before people or works ("brand",
/// "giant"); "group" and "band" only right before a capitalised name.
const ORGANISATION_NOUNS: &[&str] = &[
    "airline",
    "automaker",
    "band",
    "bank",
    "bookmaker",
    "broadcaster",
    "carmaker",
    "charity",
    "company",
    "conglomerate",
    "exchange",
    "firm",
    "group",
    "insurer",
    "label",
    "lender",
    "manufacturer",
    "militia",
    "operator",
    "regulator",
    "retailer",
    "start-up",
    "startup",
    "supermarket",
    "union",
    "watchdog",
];

/// Whether the name at `first` follows a noun of `ORGANISATION_NOUNS` on its line, an industry's noun that
/// opens the sentence ("Carmaker Zentrix said") or a place's `-listed` ("Paris-listed Zentrix").
fn after_organisation_noun(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    first > 0
        && seg.is_word(first - 1)
        && seg.tokens[first - 1].line == seg.tokens[first].line
        && (ORGANISATION_NOUNS.binary_search(&cx.word(first - 1)).is_ok()
            || (seg.starts_sentence(first - 1) && is_industry_opener(cx.word(first - 1)))
            // "Hong Kong-listed Tailong Property": only a company's shares are listed; "Oslo-based Fjordane
            // Shipping", "state-owned Petrolar", "Kremlin-backed Rusnefta", "state-run Radio Kelvara": a hyphenated
            // participle of seat or ownership right before a name describes a firm or a body (a person's has a
            // role noun between: "London-based designer Ama Okoro").
            || is_seat_or_owner_participle(cx, first - 1))
}

/// Whether `(`, an exchange's acronym (or `OTC`), `:` and a ticker in capitals follow `end` on its line.
fn before_its_ticker(cx: &Context<'_, '_>, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens.get(end).map(|t| t.line);
    let on_line = |i: usize| seg.tokens.get(i).map(|t| t.line) == line;
    seg.is_punct(end, '(')
        && on_line(end + 3)
        && seg.is_word(end + 1)
        && is_acronym(cx.word(end + 1))
        && seg.is_punct(end + 2, ':')
        && seg.is_word(end + 3)
        && cx.word(end + 3).chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// "Electronic cigarette company Juul", "the union Balpa": one word right after a noun that only names a firm or
/// a body is the firm even when it is also a given name; not after `group` or `band` ("the support group Sarah
/// joined").
fn firm_after_its_noun(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    end == first + 1 && first > 0 && !matches!(cx.word(first - 1), "group" | "band" | "label")
}

/// Participles that, after a hyphen, describe where a firm sits or who owns it.
const SEAT_OR_OWNER_PARTICIPLES: &[&str] = &["backed", "based", "controlled", "listed", "owned", "run"];

/// Whether the word at `at` is such a participle after a hyphen: a token of its own after a capitalised part
/// ("Oslo-based"), or the end of one lower-case word ("state-owned").
fn is_seat_or_owner_participle(cx: &Context<'_, '_>, at: usize) -> bool {
    let word = cx.word(at);
    let split_off = SEAT_OR_OWNER_PARTICIPLES.contains(&word) && at >= 1 && cx.seg.is_punct(at - 1, '-');
    let glued =
        word.rsplit_once('-').is_some_and(|(head, tail)| !head.is_empty() && SEAT_OR_OWNER_PARTICIPLES.contains(&tail));
    split_off || glued
}

/// An industry's noun capitalised because it opens a sentence, before a company's name ("Carmaker Zentrix",
/// "Lender Kelvara Bank"): no part of the name, as in lower case. Only nouns that begin no organisation's
/// name themselves ("Airline Pilots Association", "Bank Negara", "Carrier" are names).
pub(super) fn is_industry_opener(word: &str) -> bool {
    matches!(
        word,
        "Automaker"
            | "Bookmaker"
            | "Brewer"
            | "Broadcaster"
            | "Carmaker"
            | "Chipmaker"
            | "Conglomerate"
            | "Drugmaker"
            | "Insurer"
            | "Lender"
            | "Miner"
            | "Retailer"
            | "Start-up"
            | "Startup"
            | "Supermarket"
    )
}

/// Whether the name at `first` follows "band", "group" or "label": no person's name does, so a first name
/// opening it ("the band Velvet Harbour") is no evidence against it.
fn after_ensemble_noun(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    first > 0
        && seg.is_word(first - 1)
        && seg.tokens[first - 1].line == seg.tokens[first].line
        && matches!(cx.word(first - 1), "band" | "group" | "label")
}

/// Nouns for a kind of work, which a work's title follows ("the album Midnight Rivers") or which heads its
/// description ("Saudade, a drama that …"), and the participles that introduce a title ("a report titled …").
const WORK_NOUNS: &[&str] = &[
    "album",
    "biopic",
    "book",
    "comedy",
    "documentary",
    "drama",
    "entitled",
    "feature",
    "film",
    "journal",
    "memoir",
    "miniseries",
    "movie",
    "musical",
    "novel",
    "opera",
    "painting",
    "podcast",
    "poem",
    "series",
    "single",
    "sitcom",
    "song",
    "thriller",
    "titled",
];
/// The work nouns as numbers (`short_words`): `is_work_noun_phrase` asks for most words.
const WORK_NOUN_KEYS: [u128; WORK_NOUNS.len()] = crate::short_words::keys(WORK_NOUNS);

/// Words before a work noun that make it a noun phrase ("the film", "her 2019 memoir", "a new album"), not a
/// verb ("to play Harriet Tubman") nor a host after a show's name ("the “X” podcast Michael Morell").
const WORK_NOUN_LEADS: &[&str] =
    &["a", "an", "debut", "her", "his", "its", "latest", "my", "new", "our", "the", "their", "upcoming"];

/// Whether the name at `first` follows a noun of `WORK_NOUNS` on its line, with "The" of the title between.
pub(super) fn after_work_noun(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_before =
        |i: usize| i.checked_sub(1).filter(|&j| seg.is_word(j) && seg.tokens[j].line == line).map(|j| (j, cx.word(j)));
    let Some((noun_at, noun)) = (match word_before(first) {
        Some((at, "The")) => word_before(at),
        found => found,
    }) else {
        return false;
    };
    if matches!(noun, "titled" | "entitled") {
        return true;
    }
    // "a documentary called Rivers of Dust": the work's noun, then "called", "named" or "dubbed".
    if matches!(noun, "called" | "named" | "dubbed") {
        return word_before(noun_at).is_some_and(|(_, w)| WORK_NOUNS.binary_search(&w).is_ok());
    }
    is_work_noun_phrase(cx, noun_at)
}

/// Whether the word at `noun_at` is a noun of `WORK_NOUNS` after a word that makes it a noun phrase ("the
/// film", "her 2019 memoir", "a new album"), on one line.
pub(super) fn is_work_noun_phrase(cx: &Context<'_, '_>, noun_at: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[noun_at].line;
    let lead = noun_at.checked_sub(1).filter(|&j| seg.is_word(j) && seg.tokens[j].line == line).map(|j| cx.word(j));
    seg.is_word(noun_at)
        && crate::short_words::contains(&WORK_NOUN_KEYS, cx.word(noun_at))
        && lead.is_some_and(|w| {
            WORK_NOUN_LEADS.binary_search(&w.to_ascii_lowercase().as_str()).is_ok()
                || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether the name `first..end` is what someone `stars in`/`starred in`, `premiered at` or `directed` (then not a
/// name opening with a given name: an actor, nor one followed by `to`: an order), right before it on its line.
/// Looks at three tokens.
fn names_a_work_by_its_verb(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let before = first.checked_sub(1).and_then(word_at);
    let verb = first.checked_sub(2).and_then(word_at);
    match (verb, before) {
        (Some("stars" | "starred" | "starring"), Some("in")) => true,
        (Some("premiered" | "premieres" | "debuted"), Some("at")) => true,
        // "directed X to …" orders someone (an agency, an official): no film.
        (_, Some("directed")) => word_at(end) != Some("to") && !(end - first >= 2 && is_first_name(cx.word(first))),
        _ => false,
    }
}

/// Whether "published in" (and "The" of a title) stands right before the name at `first` on its line.
fn published_in(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let before = if first > 0 && word_at(first - 1) == Some("The") { first - 1 } else { first };
    before >= 2 && word_at(before - 1) == Some("in") && word_at(before - 2) == Some("published")
}

/// Whether "won a" or "won an" stands before the word at `at` and no word of its noun phrase follows it.
fn won_an_award(cx: &Context<'_, '_>, at: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[at].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    at >= 2
        && matches!(word_at(at - 1), Some("a" | "an"))
        && matches!(word_at(at - 2), Some("won" | "win" | "wins" | "winning"))
        && word_at(at + 1).is_none_or(|next| PREPOSITIONS.contains(&next) || next == "and")
}

/// A newspaper's title word ("The Times", "The Kelvara Herald").
fn is_newspaper_word(word: &str) -> bool {
    matches!(
        word,
        "Post"
            | "Times"
            | "Journal"
            | "Herald"
            | "Tribune"
            | "Gazette"
            | "Chronicle"
            | "Telegraph"
            | "News"
            | "Guardian"
    )
}

/// A live blog's or a headline's speaker: a name opening its line, a colon, and a quotation
/// ("Khumalo: “We have balanced the books”"). Organisations that speak so were typed by their lists before.
fn opens_quote_after_colon(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    first == seg.lines[line].tokens.0
        && seg.is_punct(end, ':')
        && seg
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.line == line && matches!(t.span.slice(seg.text), "“" | "\"" | "‘" | "'" | "«" | "„"))
}

/// Whether a name is an author of a byline: right after its "By", or after "and" joining authors
/// ("By ADAORA NWOSU and TEMBA KHUMALO"; but "Science & Astronomy" after the author is a section). What the gazetteers type (an agency after a comma) was typed before.
fn in_byline(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = &seg.lines[seg.tokens[first].line];
    first > line.tokens.0
        && matches!(seg.tokens[first - 1].span.slice(seg.text), "By" | "BY" | "by" | "and" | "AND")
        && is_byline(seg, line)
}

/// A credited name: two or three capitalised words, none an ordinary word of the document or a common
/// word ("Image credit: All About Space" credits a magazine), right after a credit.
pub(super) fn is_credited_name(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    // The credit is looked for first: it reads a few tokens, the word checks are lexicon look-ups.
    (2..=3).contains(&(end - first))
        && (after_credit(cx, first) || before_credited_agency(cx, end))
        && (first..end).all(|k| {
            let word = cx.word(k);
            word.starts_with(char::is_uppercase) && !is_common(word) && !cx.seen_lowercase(word)
        })
        && !is_org_keyword(cx.word(end - 1))
        && !is_misc_keyword(cx.word(end - 1))
}

/// "(ZURAB KHVEDELIDZE/AFP via Getty Images)", "Ines Fragoso/Reuters": a photo credit's name before a slash and
/// a known organisation (the agency) on its line, with no credit word before it.
fn before_credited_agency(cx: &Context<'_, '_>, end: usize) -> bool {
    let seg = cx.seg;
    seg.is_punct(end, '/')
        && seg.is_word(end + 1)
        && seg.tokens[end + 1].line == seg.tokens[end].line
        && is_org(cx.word(end + 1))
}

/// Words that open a credit before "by" or a colon, in any case.
const CREDIT_WORDS: &[&str] = &[
    "compiled",
    "credit",
    "directed",
    "edited",
    "editing",
    "graphic",
    "illustration",
    "image",
    "interview",
    "photo",
    "photograph",
    "photos",
    "posted",
    "produced",
    "reporting",
    "story",
    "video",
    "words",
    "writing",
    "written",
];

/// Whether the word opens a credit ("Photo", "Reporting"), in any case.
pub(super) fn is_credit_word(word: &str) -> bool {
    CREDIT_WORDS.iter().any(|credit| word.eq_ignore_ascii_case(credit))
}

/// Right after a credit: "Reporting by", "Written by", "Editing by", "Story by", "Posted by", "Directed by"
/// …, or "Photo:", "Photograph:", "Image:", "Illustration:", "Credit:" (and "Photo by"), on one line; also
/// the second name of "by X and Y".
fn after_credit(cx: &Context<'_, '_>, first: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let is_credit_word = |w: &str| CREDIT_WORDS.iter().any(|credit| w.eq_ignore_ascii_case(credit));
    let direct = |at: usize| {
        at >= 2
            && ((word_at(at - 1).is_some_and(|w| w == "by") && word_at(at - 2).is_some_and(is_credit_word))
                || (seg.is_punct(at - 1, ':') && word_at(at - 2).is_some_and(is_credit_word)))
    };
    if direct(first) {
        return true;
    }
    // "Image: © NASA/ESA/K. Retherford", "Photo: Xinhua/Liu Wei": a credit's names are separated by slashes
    // (walks back over at most eight tokens of names, slashes and a copyright sign).
    if first >= 2 && seg.is_punct(first - 1, '/') {
        let mut i = first - 1;
        while i > 0 && first - i < 8 {
            let before = i - 1;
            if direct(i) {
                return true;
            }
            let name_part = word_at(before).is_some_and(|w| w.starts_with(char::is_uppercase))
                || seg.is_punct(before, '/')
                || seg.is_punct(before, '©')
                || seg.is_punct(before, '.');
            if !name_part {
                return false;
            }
            i = before;
        }
        return false;
    }
    // "Reporting by Tadeo Quispaya and Jelena Markovic": walk back over "and" and the name before it (at most
    // four capitalised words).
    if first >= 2 && word_at(first - 1).is_some_and(|w| w == "and") {
        let mut i = first - 1;
        let mut capitals = 0;
        while i > 0 && capitals < 4 && word_at(i - 1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
            i -= 1;
            capitals += 1;
        }
        return capitals > 0 && direct(i);
    }
    false
}

/// Business grammar that only a company fits: "X's shares", "X's chief executive", "shares in X",
/// "chief executive of X", "analysts at X". People have no shares, headquarters or chief executives.
fn in_company_context(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let word_at = |i: usize| seg.is_word(i).then(|| cx.word(i));
    let owned = seg.is_possessive(end)
        && word_at(end + 1).is_some_and(|w| {
            matches!(
                w,
                "shares"
                    | "stock"
                    | "shareholders"
                    | "headquarters"
                    | "subsidiary"
                    | "subsidiaries"
                    | "CEO"
                    | "IPO"
                    | "listing"
                    | "revenue"
                    | "revenues"
                    | "profits"
                    | "earnings"
                    | "employees"
            )
        });
    if owned {
        return true;
    }
    // "Siemens Energy shares rose": a name before its shares' move, without the possessive.
    let shares_moved = word_at(end).is_some_and(|w| matches!(w, "shares" | "stock"))
        && word_at(end + 1).is_some_and(|w| {
            matches!(
                w,
                "rose"
                    | "fell"
                    | "jumped"
                    | "dropped"
                    | "climbed"
                    | "gained"
                    | "slid"
                    | "slumped"
                    | "surged"
                    | "soared"
                    | "tumbled"
                    | "plunged"
                    | "rallied"
                    | "sank"
                    | "slipped"
                    | "were"
                    | "have"
                    | "had"
            )
        });
    if shares_moved {
        return true;
    }
    let (Some(preposition), Some(noun)) =
        (first.checked_sub(1).and_then(word_at), first.checked_sub(2).and_then(word_at))
    else {
        return false;
    };
    // Most names follow no such preposition: ask before lower-casing anything.
    if !matches!(preposition, "in" | "of" | "at") || noun.len() > 16 {
        return false;
    }
    // The noun may open its sentence ("Analysts at X said").
    let noun = crate::case::lowercase(noun);
    let noun = if noun == "ceo" { "CEO" } else { noun.as_str() };
    match preposition {
        "in" => matches!(noun, "shares" | "stake" | "stakes" | "investment"),
        "of" => matches!(
            noun,
            "shares"
                | "CEO"
                | "shareholders"
                | "subsidiary"
                | "employees"
                | "co-founder"
                | "founder"
                | "chairman"
                | "chairwoman"
                | "executive"
        ),
        // "Executives at Quillon", "staff at Orvell": people who work at a place of business.
        "at" => matches!(
            noun,
            "analyst" | "analysts" | "economist" | "economists" | "employees" | "executives" | "staff" | "workers"
        ),
        _ => false,
    }
}

/// A romanised two-syllable given name: a capitalised syllable, a hyphen and a lower-case one ("Geun-hye",
/// "Ing-wen", "Jae-in"), each of one to five letters; also in capitals ("JAE-IN").
fn is_hyphenated_given_name(word: &str) -> bool {
    let Some((head, tail)) = word.split_once('-') else { return false };
    let syllable = |s: &str| (1..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic());
    syllable(head)
        && syllable(tail)
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && (tail.bytes().all(|b| b.is_ascii_lowercase()) || word.bytes().all(|b| !b.is_ascii_lowercase()))
        && (head[1..].bytes().all(|b| b.is_ascii_lowercase()) || word.bytes().all(|b| !b.is_ascii_lowercase()))
}

/// One to three initials, each a capital and a period: "J.", "J.J.", "J.R.R.".
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    (2..=6).contains(&bytes.len())
        && bytes.len().is_multiple_of(2)
        && bytes.chunks(2).all(|pair| pair[0].is_ascii_uppercase() && pair[1] == b'.')
}

/// An age between commas after a name ("Singh Jabarjung, 24, from Punjab"): only people are introduced
/// with their age. (A number in brackets is more often a count: "Events (56)" in a menu.)
/// Words after which a name is the object of a preposition ("the MP for Newcastle Central, who …" is the
/// MP's description, not the place's).
const PREPOSITIONS: &[&str] = &["at", "by", "for", "from", "in", "into", "of", "on", "to", "with"];

/// Tokens a role noun may sit after the comma of an appositive: "the party's deputy chairman" (the, party,
/// 's, deputy, chairman).
const APPOSITIVE_ROLE_REACH: usize = 6;

/// A role noun in apposition right after the name (`, a lawyer`, `, the party's chairman`), a relative `who`
/// after it, or a role noun and a comma right before it (`the coach, Rangi Tawhiri`), on one line.
fn described_as_a_person(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let same_line = |i: usize| i < seg.tokens.len() && seg.tokens[i].line == line;
    let after_preposition = first > 0 && seg.is_word(first - 1) && PREPOSITIONS.contains(&cx.word(first - 1));
    if after_preposition {
        return false;
    }
    if seg.is_punct(end, ',') && seg.is_word(end + 1) && same_line(end + 1) {
        let opener = cx.word(end + 1);
        if opener == "who" || (matches!(opener, "a" | "an" | "the") && role_heads_phrase(cx, end + 2, line)) {
            return true;
        }
    }
    // "Tadeo Quispaya is a senior writer for …": a copula and a role describe the name too.
    let copula = seg.is_word(end) && matches!(cx.word(end), "is" | "was") && seg.is_word(end + 1) && same_line(end + 1);
    if copula && matches!(cx.word(end + 1), "a" | "an" | "the") && role_heads_phrase(cx, end + 2, line) {
        return true;
    }
    if first < 2 || !seg.is_punct(first - 1, ',') || !seg.is_word(first - 2) || !same_line(first - 2) {
        return false;
    }
    // After a role's holder ("the minister of Finance, Budget and Planning") the comma may go on listing the
    // holder's names: only a name of a person's shape is the role's holder.
    is_role_word(cx.word(first - 2))
        || (role_of_a_name_before(cx, first - 2, line)
            && super::looks_like_personal_name(
                cx,
                &Candidate { first, end, after_title: false, in_title_line: false },
                false,
            ))
}

/// Capitalised words of the name a role is held in ("Oaxaca", "Kano State Police Command") after `of`/`for`/`at`/`to`.
const ROLE_HOLDER_REACH: usize = 5;

/// "The mayor of Oaxaca, Itzel Hernández Ruiz, said", "the chief executive of Zentrix Group, Ama Okoro,": a role
/// noun, `of`/`for`/`at`/`to` and a capitalised name ending at `last` (the word before the appositive's comma), on one
/// line: the name after the comma holds that role.
fn role_of_a_name_before(cx: &Context<'_, '_>, last: usize, line: usize) -> bool {
    let seg = cx.seg;
    let mut i = last;
    let mut words = 0;
    while seg.is_word(i) && seg.tokens[i].line == line && cx.word(i).starts_with(char::is_uppercase) {
        words += 1;
        if words > ROLE_HOLDER_REACH || i == 0 {
            return false;
        }
        i -= 1;
    }
    words > 0
        && i >= 1
        && seg.is_word(i)
        && matches!(cx.word(i), "of" | "for" | "at" | "to")
        && seg.is_word(i - 1)
        && seg.tokens[i - 1].line == line
        && is_role_word(cx.word(i - 1))
}

/// A lower-case role noun of `data/role_nouns.txt` ("lawyer", "chairman", "writer").
fn is_role_word(word: &str) -> bool {
    word.starts_with(char::is_lowercase) && {
        let lower = crate::case::lowercase(word);
        is_role_before_names(&lower) || is_referring_role(&lower)
    }
}

/// Whether the noun phrase from token `from` (after its article) has a role noun as its head within
/// `APPOSITIVE_ROLE_REACH` tokens on the line: "party's chairman,", "lawyer from the north", "senior writer
/// for". After the role comes punctuation, a preposition, "who" or "and", never a verb ("In Okonjo, the
/// minister said" is a clause of its own).
/// Nouns that head a description of an organisation ("a Lagos-based lender", "the country's largest
/// carmaker"); none is also a person's role ("publisher", "producer" and "maker" can be people).
const DESCRIBING_ORGANISATION_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "automaker",
    "bank",
    "broadcaster",
    "carmaker",
    "chain",
    "charity",
    "company",
    "conglomerate",
    "consultancy",
    "distributor",
    "firm",
    "giant",
    "insurer",
    "lender",
    "manufacturer",
    "militia",
    "newspaper",
    "nonprofit",
    "organisation",
    "organization",
    "regulator",
    "retailer",
    "start-up",
    "startup",
    "subsidiary",
    "watchdog",
];

/// "Zentrix, a Lagos-based lender," or "Zentrix is the country's largest retailer": the name followed by an
/// appositive or a copula whose phrase is headed by a noun of `DESCRIBING_ORGANISATION_NOUNS` (not "a
/// company director": the noun must end the phrase).
fn described_as_an_organisation(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    described_as(cx, first, end, DESCRIBING_ORGANISATION_NOUNS)
}

/// Whether the name's appositive or copula phrase is headed by a noun of `nouns` (sorted) that ends it:
/// "Zentrix, a Lagos-based lender,", "Saudade, a drama that …" (not "a company director", nor "the
/// company's chief", where a possessive follows the noun).
fn described_as(cx: &Context<'_, '_>, first: usize, end: usize, nouns: &[&str]) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let same_line = |i: usize| i < seg.tokens.len() && seg.tokens[i].line == line;
    let article_at = |i: usize| seg.is_word(i) && same_line(i) && matches!(cx.word(i), "a" | "an" | "the");
    let apposition = seg.is_punct(end, ',');
    let copula = seg.is_word(end) && matches!(cx.word(end), "is" | "was");
    // "Zentrix, Ghana's largest lender,": a place's possessive stands for the article.
    let place_possessive =
        seg.is_word(end + 1) && same_line(end + 1) && seg.is_possessive(end + 2) && is_place(cx.word(end + 1));
    if !(apposition || copula) || !(article_at(end + 1) || place_possessive) {
        return false;
    }
    let phrase_from = if place_possessive { end + 3 } else { end + 2 };
    for i in phrase_from..(phrase_from + APPOSITIVE_ROLE_REACH).min(seg.tokens.len()) {
        if !same_line(i) || (!seg.is_word(i) && !seg.is_possessive(i) && !seg.is_punct(i, '-')) {
            return false;
        }
        if seg.is_word(i) && nouns.binary_search(&cx.word(i)).is_ok() {
            let next = i + 1;
            return (!seg.is_word(next) && !seg.is_possessive(next))
                || !same_line(next)
                || matches!(cx.word(next), "that" | "which" | "and")
                // "a consultancy based in London", "a miner owned by the state": a participle of place or
                // ownership ends the phrase as a preposition does.
                || matches!(cx.word(next), "based" | "owned" | "backed" | "headquartered" | "listed")
                || PREPOSITIONS.contains(&cx.word(next));
        }
    }
    false
}

fn role_heads_phrase(cx: &Context<'_, '_>, from: usize, line: usize) -> bool {
    let seg = cx.seg;
    let same_line = |i: usize| i < seg.tokens.len() && seg.tokens[i].line == line;
    for i in from..(from + APPOSITIVE_ROLE_REACH).min(seg.tokens.len()) {
        if !same_line(i) || (!seg.is_word(i) && !seg.is_possessive(i) && !seg.is_punct(i, '-')) {
            return false;
        }
        if seg.is_word(i) && is_role_word(cx.word(i)) {
            let next = i + 1;
            return !seg.is_word(next)
                || !same_line(next)
                || matches!(cx.word(next), "who" | "and")
                || PREPOSITIONS.contains(&cx.word(next));
        }
    }
    false
}

/// Verbs that report a match's result between two named sides.
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeat",
    "defeated",
    "defeats",
    "downed",
    "edged",
    "edges",
    "eliminated",
    "ousted",
    "outlasted",
    "overcame",
    "overcomes",
    "stunned",
    "thrashed",
    "topped",
    "upset",
    "whitewashed",
];

/// Tokens after a result's second side in which its score must appear ("… Okonkwo 7-5, 6-2", "… Okonkwo in
/// straight sets, 6-3, 6-4").
const SCORE_REACH: usize = 8;

/// A score such as `7-5`, `6–4` or `7-6(4)`: digits, a dash, digits, as one word or three tokens.
fn is_score_at(cx: &Context<'_, '_>, i: usize) -> bool {
    let seg = cx.seg;
    if !seg.is_word(i) || !cx.word(i).starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let word = cx.word(i);
    let short_number = |w: &str| !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit());
    if let Some((a, b)) = word.split_once(['-', '–']) {
        let b = b.split('(').next().unwrap_or(b);
        return short_number(a) && short_number(b);
    }
    short_number(word)
        && (seg.is_punct(i + 1, '-') || seg.is_punct(i + 1, '–'))
        && seg.is_word(i + 2)
        && short_number(cx.word(i + 2).split('(').next().unwrap_or(""))
}

/// Whether the name is a side of a result verb ("X beat Y", "Y lost to X") whose sentence gives a score after
/// the second side: then the other side's tokens (empty when no capitalised word stands before the verb).
fn side_of_a_scored_result(cx: &Context<'_, '_>, first: usize, end: usize) -> Option<(usize, usize)> {
    let seg = cx.seg;
    let sentence = seg.tokens[first].sentence;
    let score_from = |from: usize| {
        (from..(from + SCORE_REACH).min(seg.tokens.len()))
            .take_while(|&i| seg.tokens[i].sentence == sentence)
            .any(|i| is_score_at(cx, i))
    };
    let is_result_verb = |i: usize| {
        seg.is_word(i)
            && seg.tokens[i].sentence == sentence
            && (RESULT_VERBS.contains(&cx.word(i))
                || (cx.word(i) == "to"
                    && i > 0
                    && seg.is_word(i - 1)
                    && matches!(cx.word(i - 1), "lost" | "loses" | "fell" | "falls")))
    };
    // A side stays in the result's sentence: "Email" ending a share line above is no part of it.
    let capitalised =
        |i: usize| seg.is_word(i) && seg.tokens[i].sentence == sentence && cx.word(i).starts_with(char::is_uppercase);
    // The first side: the verb (or "lost to") follows, then the other side's capitalised name, then the score.
    let lost_to =
        seg.is_word(end) && matches!(cx.word(end), "lost" | "loses" | "fell" | "falls") && is_result_verb(end + 1);
    if is_result_verb(end) || lost_to {
        let loser = if lost_to { end + 2 } else { end + 1 };
        // "… beat the New Zealand Warriors 26-20": a team's article is no part of its name.
        let loser = if seg.is_word(loser) && cx.word(loser) == "the" { loser + 1 } else { loser };
        let loser_end = (loser..(loser + 4).min(seg.tokens.len())).take_while(|&i| capitalised(i)).last()?;
        return score_from(loser_end + 1).then_some((loser, loser_end + 1));
    }
    // The second side: the verb precedes, the score follows; the first side is the capitalised words before the
    // verb (at most four).
    let verb = first.checked_sub(1)?;
    if !is_result_verb(verb) || !score_from(end) {
        return None;
    }
    let winner = (verb.saturating_sub(4)..verb).rev().take_while(|&i| capitalised(i)).last().unwrap_or(verb);
    Some((winner, verb))
}

/// Whether the sentence around `at` gives its scores one by one ("Estudiantes beat Palmeiras 2-1", "… drew 0-0,
/// and Flamengo beat Independiente 3-0"), as team games end: no score runs straight into another ("… 7-5, 6-2",
/// "… 6-4 6-3"), and no set, frame or leg is named ("won the first set 6-4"), as in tennis, snooker or darts.
fn scores_one_by_one(cx: &Context<'_, '_>, at: usize) -> bool {
    let seg = cx.seg;
    let sentence = seg.tokens[at].sentence;
    let mut from = at;
    while from > 0 && seg.tokens[from - 1].sentence == sentence {
        from -= 1;
    }
    let in_sentence = |i: usize| i < seg.tokens.len() && seg.tokens[i].sentence == sentence;
    // A score's last token: one word ("2-1") or three tokens ("2 - 1").
    let score_end = |i: usize| if cx.word(i).contains(['-', '–']) { i + 1 } else { i + 3 };
    let mut i = from;
    while in_sentence(i) {
        if seg.is_word(i) && matches!(cx.word(i), "set" | "sets" | "frame" | "frames" | "leg" | "legs" | "games") {
            return false;
        }
        if is_score_at(cx, i) {
            let mut next = score_end(i);
            // "7-6 (4), 6-4": a tie-break's points in brackets belong to the set's score.
            if seg.is_punct(next, '(') {
                next = (next + 1..(next + 6).min(seg.tokens.len()))
                    .find(|&k| seg.is_punct(k, ')'))
                    .map_or(next, |k| k + 1);
            }
            if seg.is_punct(next, ',') || seg.is_punct(next, ';') || (seg.is_word(next) && cx.word(next) == "and") {
                next += 1;
            }
            if in_sentence(next) && is_score_at(cx, next) {
                return false;
            }
            i = score_end(i);
            continue;
        }
        i += 1;
    }
    true
}

/// Whether the name `first..end` shows it is a person's: it has a person's shape (two or more words not opening
/// with a place: "Tomas Vrbanek", whose given name no list holds), it opens with a given name, or its last word
/// follows a capitalised word that is no place somewhere on the page ("Tomas Vrbanek" … "Vrbanek").
fn has_person_evidence(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    if first >= end {
        return false;
    }
    if end - first >= 2 && !is_place(cx.word(first)) {
        return true;
    }
    if is_first_name(cx.word(first)) || is_known_person(cx.surface(first, end)) {
        return true;
    }
    let last = cx.word(end - 1);
    let seg = cx.seg;
    // "Tomas Vrbanek" … "Vrbanek": after any capitalised word that is no place ("Melbourne Storm" is a team's).
    (1..seg.tokens.len()).any(|i| {
        seg.is_word(i)
            && seg.word(i) == last
            && seg.is_word(i - 1)
            && seg.tokens[i - 1].line == seg.tokens[i].line
            && seg.word(i - 1).starts_with(char::is_uppercase)
            && !is_place(seg.word(i - 1))
    })
}

/// Lower-case nouns for a kind of settlement or district, written after its name ("Sunamganj town", "Kisumu
/// county"), sorted for binary search.
const DISTRICT_NOUNS: &[&str] = &[
    "counties",
    "county",
    "district",
    "districts",
    "municipality",
    "prefecture",
    "province",
    "provinces",
    "suburb",
    "suburbs",
    "town",
    "township",
    "upazila",
    "upazilas",
    "village",
    "villages",
];

/// Whether a district's noun follows the name ending before `end` on its line, or follows "and" and one more
/// capitalised name ("Chhatak and Tahirpur upazilas"). Not a building's compound: "town hall", "village green".
fn before_a_district_noun(cx: &Context<'_, '_>, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[end.saturating_sub(1)].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let is_district = |i: usize| {
        word_at(i).is_some_and(|w| DISTRICT_NOUNS.binary_search(&w).is_ok())
            && !word_at(i + 1).is_some_and(|w| matches!(w, "hall" | "halls" | "green" | "square" | "council"))
    };
    if is_district(end) {
        return true;
    }
    // "X and Y districts": the plural after the second name covers both.
    word_at(end) == Some("and")
        && word_at(end + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
        && is_district(end + 2)
        && word_at(end + 2).is_some_and(|w| w.ends_with('s'))
}

/// Whether the token `i` opens its line.
fn seg_line_start(cx: &Context<'_, '_>, i: usize) -> bool {
    cx.seg.lines[cx.seg.tokens[i].line].tokens.0 == i
}

/// Whether the place `first..end` names a team: before a sports role noun, possessive or followed by its
/// holder's name ("Lyon's coach", "Wigan manager Tobias Renwick"), or signing or sacking a player or a coach
/// ("Marseille have signed the midfielder …"). Not "captain": national sides of individual sports have captains
/// ("Spain captain X" of a tennis tie, where the country stays a place). Looks at three tokens and
/// `HIRED_ROLE_REACH`.
fn names_a_team(cx: &Context<'_, '_>, first: usize, end: usize) -> bool {
    let seg = cx.seg;
    let line = seg.tokens[first].line;
    let word_at = |i: usize| (seg.is_word(i) && seg.tokens[i].line == line).then(|| cx.word(i));
    let possessive = seg.is_possessive(end);
    let role_at = if possessive { end + 1 } else { end };
    let sports_role = word_at(role_at).is_some_and(|w| {
        matches!(w, "coach" | "manager" | "striker" | "midfielder" | "goalkeeper" | "defender" | "winger")
    });
    if sports_role && (possessive || word_at(role_at + 1).is_some_and(|w| w.starts_with(char::is_uppercase))) {
        return true;
    }
    // "Marseille have signed the midfielder …": a club that signs or sacks a player or a coach.
    let verb_at = if word_at(end).is_some_and(|w| matches!(w, "have" | "has")) { end + 1 } else { end };
    hires_a_player(cx, verb_at)
}

/// Tokens either side of a result's side searched for a league's name.
const LEAGUE_REACH: usize = 30;

/// Whether the sentence around `at` names a league ("the Premier League", "Serie A", "La Liga"): team
/// sports. Not a cup's: individual players meet in cups (tennis, golf).
fn sentence_names_a_league(cx: &Context<'_, '_>, at: usize) -> bool {
    let seg = cx.seg;
    let sentence = seg.tokens[at].sentence;
    (at.saturating_sub(LEAGUE_REACH)..(at + LEAGUE_REACH).min(seg.tokens.len())).any(|i| {
        seg.tokens[i].sentence == sentence
            && seg.is_word(i)
            && matches!(cx.word(i), "League" | "Liga" | "Serie" | "Bundesliga" | "Ligue" | "Premiership" | "Eredivisie")
    })
}

/// Tokens after a hiring verb searched for a player's, a coach's or a journalist's noun ("signed the
/// 24-year-old Nigerian striker").
const HIRED_ROLE_REACH: usize = 5;

/// Whether a verb of hiring or firing follows the name at `end` and a sports role noun comes within
/// `HIRED_ROLE_REACH` words after it, in the sentence.
fn hires_a_player(cx: &Context<'_, '_>, end: usize) -> bool {
    let seg = cx.seg;
    if !seg.is_word(end)
        || !matches!(cx.word(end), "signed" | "sacked" | "appointed" | "hired" | "fired" | "released" | "loaned")
    {
        return false;
    }
    let sentence = seg.tokens[end].sentence;
    (end + 1..(end + 1 + HIRED_ROLE_REACH).min(seg.tokens.len()))
        .take_while(|&i| seg.tokens[i].sentence == sentence && seg.is_word(i))
        .any(|i| matches!(cx.word(i), "coach" | "manager") || WORKS_FOR_NOUNS.contains(&cx.word(i)))
}
