//! A second, independent check of entity typing, beside the corpus (issue 7): `org_misc_suite.txt` holds
//! made-up news sentences (never corpus text) from many outlets and regions, with the names the guideline
//! asks for written inline. Each case is extracted on its own and scored like `score.py` (exact span and
//! kind; dates are not scored). `cargo test -p sidenote-extract --test org_misc_suite -- --nocapture` prints
//! the table; `SIDENOTE_SUITE_ERRORS=1` also prints every miss and every extra.
//!
//! `genres_suite.txt` is a third check in the same format (DESIGN.md, "A third check"): genres and
//! constructions the first suite lacks (markets, tech, sport, entertainment, science, law, parties, media,
//! datelines), written before the extractor ran on it. `SIDENOTE_SUITE=genres` prints only that suite.
//!
//! `misc_recall_suite.txt` is a fourth check (DESIGN.md, "MISC recall and ORG precision by class"): the
//! classes behind most MISC misses and ORG false positives on the tuning pages. `SIDENOTE_SUITE=misc_recall`.
//!
//! `people_suite.txt` is a fifth check (DESIGN.md, "PERSON and ORG on names from anywhere"): people from many
//! regions, after titles, named like places or companies, and organisations named after people.
//! `SIDENOTE_SUITE=people`.
//!
//! `org_misc_world_suite.txt` is a sixth check (DESIGN.md, "ORG and MISC by class, tenth round"): clubs named
//! after their towns, outlets in credit lines, firms, banks, courts, parties' acronyms, universities; works,
//! events, awards, wars, storms, laws, products and aircraft types. `SIDENOTE_SUITE=world`.
//!
//! `org_precision_suite.txt` is a seventh check (DESIGN.md, "ORG precision and MISC by class, eleventh round"):
//! organisations before their officer's role noun, industry nouns opening a sentence, indices and events by
//! their final word, works with `in` or `A` in their titles; labels in capitals, initialisms of things and
//! demonyms that are no names. `SIDENOTE_SUITE=precision`.
//! `people_forms_suite.txt` is an eighth check (DESIGN.md, "PERSON by the forms of a name"): people in bylines,
//! credits, captions and teasers; initials, apostrophes, hyphens, particles and suffixes; people known by one
//! name or named like words and places; lists and possessives. `SIDENOTE_SUITE=forms`.
//!
//! `org_unseen_suite.txt` is a ninth check (DESIGN.md, "ORG on genres the tuning pages lack"): clubs named
//! after towns, lower-case and camel-case firms, bodies defined by an acronym, parties, broadcasters, foreign
//! parliaments and ministries, clutter lines. `SIDENOTE_SUITE=unseen`.
//!
//! `org_short_forms_suite.txt` is a tenth check (DESIGN.md, "ORG by its short forms"): one mechanism, not a
//! genre: an organisation named in full once and by a short form elsewhere in the same text. `SIDENOTE_SUITE=short`.
//! `hyphen_compounds_suite.txt` is an eleventh check (DESIGN.md, "Names inside hyphenated compounds"): names
//! joined by hyphens (`Brazil-Argentina`, `Paris-to-London`, `Ex-Nigeria`), and hyphenated names that are one
//! name. `SIDENOTE_SUITE=hyphens`.
//! `org_generic_suite.txt` is a twelfth check (DESIGN.md, "ORG by the context it stands in"): government bodies
//! named by their kind, the context an organisation stands in (`said in a statement`, `according to X`,
//! `X-listed`), one name typed once and met bare; mostly invented names. `SIDENOTE_SUITE=generic`.
//! `org_offices_suite.txt` is a thirteenth check (DESIGN.md, "ORG precision: offices, datelines and business
//! grammar"): an office named with `of` (`the Inspector General of Police`), the acronym of an office defined in
//! brackets, wire datelines whose town no list holds, a body's officer after its name, firms told by business
//! grammar, clubs named after towns. `SIDENOTE_SUITE=offices`.
//! `people_world_suite.txt` is a fourteenth check (DESIGN.md, "PERSON recall on pages never seen"): people from
//! every region in the slots a news page gives them (after a role noun, before `said`, with an age, after
//! `Mr`), named later by one word, and names of the same shapes that are no people. `SIDENOTE_SUITE=people_world`.
//!
//! The floors below sit a little under the figures measured when they were set (DESIGN.md, "A second check"
//! and "A third check"): a rule that makes a suite lose fails here, whatever it does to the corpus.

use sidenote_extract::{extract, EntityKind};
use std::collections::BTreeSet;

mod scoring;
use scoring::Counts;

const SUITE: &str = include_str!("org_misc_suite.txt");
const GENRES_SUITE: &str = include_str!("genres_suite.txt");
const MISC_RECALL_SUITE: &str = include_str!("misc_recall_suite.txt");
const PEOPLE_SUITE: &str = include_str!("people_suite.txt");
const WORLD_SUITE: &str = include_str!("org_misc_world_suite.txt");
const PRECISION_SUITE: &str = include_str!("org_precision_suite.txt");
const FORMS_SUITE: &str = include_str!("people_forms_suite.txt");
const UNSEEN_SUITE: &str = include_str!("org_unseen_suite.txt");
const SHORT_FORMS_SUITE: &str = include_str!("org_short_forms_suite.txt");
const HYPHENS_SUITE: &str = include_str!("hyphen_compounds_suite.txt");
const GENERIC_SUITE: &str = include_str!("org_generic_suite.txt");
const OFFICES_SUITE: &str = include_str!("org_offices_suite.txt");
const PEOPLE_WORLD_SUITE: &str = include_str!("people_world_suite.txt");
const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Org, EntityKind::Place, EntityKind::Misc];

/// One case: its plain text and the gold names as (start byte, end byte, kind).
struct Case {
    text: String,
    gold: Vec<(usize, usize, EntityKind)>,
}

/// Reads `{KIND name}` markup out of a case's lines; a malformed mark is a broken suite, so it panics.
fn parse_case(marked: &str) -> Case {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or_else(|| panic!("unclosed mark in {marked:?}"));
        let inner = &after[..close];
        let (label, name) = inner.split_once(' ').unwrap_or_else(|| panic!("mark without a name: {inner:?}"));
        let kind = EntityKind::from_label(label).unwrap_or_else(|| panic!("unknown kind {label:?}"));
        let start = text.len();
        text.push_str(name);
        gold.push((start, text.len(), kind));
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    Case { text, gold }
}

fn cases(suite: &str) -> Vec<Case> {
    let lines: Vec<&str> = suite.lines().filter(|line| !line.starts_with('#')).collect();
    lines
        .split(|line| line.trim().is_empty())
        .filter(|block| !block.is_empty())
        .map(|block| parse_case(&block.join("\n")))
        .collect()
}

/// Scores every case; per kind, then core (PERSON, ORG, PLACE) and all four.
fn score(suite: &str, show_errors: bool) -> (Vec<(EntityKind, Counts)>, Counts, Counts, usize) {
    let cases = cases(suite);
    let mut per_kind: Vec<(EntityKind, Counts)> = KINDS.iter().map(|k| (*k, Counts::default())).collect();
    for case in &cases {
        let found = extract(&case.text);
        let predicted: BTreeSet<(usize, usize, EntityKind)> = found
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Date)
            .map(|e| (e.span.start, e.span.end, e.kind))
            .collect();
        let gold: BTreeSet<(usize, usize, EntityKind)> = case.gold.iter().copied().collect();
        for (kind, counts) in per_kind.iter_mut() {
            let p: BTreeSet<_> = predicted.iter().filter(|e| e.2 == *kind).collect();
            let g: BTreeSet<_> = gold.iter().filter(|e| e.2 == *kind).collect();
            counts.add(Counts { true_positive: p.intersection(&g).count(), predicted: p.len(), gold: g.len() });
        }
        if show_errors {
            for e in gold.difference(&predicted) {
                println!("miss  {:<6} {:?}", e.2.label(), &case.text[e.0..e.1]);
            }
            for e in predicted.difference(&gold) {
                println!("extra {:<6} {:?}   in {:?}", e.2.label(), &case.text[e.0..e.1], first_words(&case.text));
            }
        }
    }
    let mut core = Counts::default();
    let mut all = Counts::default();
    for (kind, counts) in &per_kind {
        if *kind != EntityKind::Misc {
            core.add(*counts);
        }
        all.add(*counts);
    }
    (per_kind, core, all, cases.len())
}

fn first_words(text: &str) -> String {
    text.chars().take(60).collect()
}

#[test]
fn the_suites_are_well_formed_and_large_enough() {
    // An ORG and MISC suite first: those two kinds carry most names; people and places are there as the
    // neighbours they are confused with.
    let org_and_misc =
        [(EntityKind::Org, 100), (EntityKind::Misc, 30), (EntityKind::Person, 20), (EntityKind::Place, 20)];
    for suite in [SUITE, GENRES_SUITE] {
        check_well_formed(suite, 60, org_and_misc);
    }
    // The fourth check is about MISC recall, with ORG and PLACE names as the neighbours it is confused with.
    check_well_formed(MISC_RECALL_SUITE, 50, [(EntityKind::Misc, 50), (EntityKind::Place, 20), (EntityKind::Org, 10)]);
    // The fifth check is about people, with the places and organisations they are confused with.
    check_well_formed(PEOPLE_SUITE, 50, [(EntityKind::Person, 80), (EntityKind::Place, 40), (EntityKind::Org, 25)]);
    // The sixth check is about ORG and MISC on names from anywhere, with places and people as neighbours.
    check_well_formed(WORLD_SUITE, 50, [(EntityKind::Org, 80), (EntityKind::Misc, 25), (EntityKind::Place, 25)]);
    // The seventh check is about ORG precision and MISC recall by class, with places and people as neighbours.
    check_well_formed(PRECISION_SUITE, 50, [(EntityKind::Org, 30), (EntityKind::Misc, 25), (EntityKind::Place, 30)]);
    // The eighth check is about the forms a person's name takes, with places and organisations around them.
    check_well_formed(FORMS_SUITE, 50, [(EntityKind::Person, 75), (EntityKind::Place, 35), (EntityKind::Org, 10)]);
    // The ninth check is about organisations of genres the others lack, with places and people as neighbours.
    check_well_formed(UNSEEN_SUITE, 50, [(EntityKind::Org, 100), (EntityKind::Place, 25), (EntityKind::Person, 15)]);
    // The tenth check is about organisations' short forms, with the people and places that share their words.
    check_well_formed(SHORT_FORMS_SUITE, 40, [(EntityKind::Org, 90), (EntityKind::Place, 15), (EntityKind::Person, 8)]);
    // The eleventh check is about names inside hyphenated compounds, and hyphenated names that are one name.
    check_well_formed(HYPHENS_SUITE, 40, [(EntityKind::Place, 40), (EntityKind::Person, 15), (EntityKind::Org, 10)]);
    check_well_formed(GENERIC_SUITE, 45, [(EntityKind::Org, 45), (EntityKind::Place, 20), (EntityKind::Person, 12)]);
    // The thirteenth check is about ORG precision: offices, their acronyms and datelines, with the organisations
    // and places that stand beside them.
    check_well_formed(OFFICES_SUITE, 30, [(EntityKind::Org, 30), (EntityKind::Place, 12), (EntityKind::Person, 6)]);
    // The fourteenth check is about people from every region, with the places and non-people that share their shapes.
    check_well_formed(PEOPLE_WORLD_SUITE, 50, [(EntityKind::Person, 80), (EntityKind::Place, 30)]);
}

fn check_well_formed<const N: usize>(suite: &str, least_cases: usize, minimum: [(EntityKind, usize); N]) {
    let cases = cases(suite);
    assert!(
        cases.len() >= least_cases,
        "the suite has {} cases, the brief asks for {least_cases} or more",
        cases.len()
    );
    for case in &cases {
        for (start, end, _) in &case.gold {
            let name = &case.text[*start..*end];
            assert!(!name.starts_with("The ") && !name.ends_with("'s"), "guideline: {name:?}");
            assert_eq!(name.trim(), name, "a name with spaces at its edges: {name:?}");
        }
    }
    let gold_per_kind = |kind: EntityKind| cases.iter().flat_map(|c| &c.gold).filter(|g| g.2 == kind).count();
    for (kind, least) in minimum {
        assert!(gold_per_kind(kind) >= least, "{} has only {} gold names", kind.label(), gold_per_kind(kind));
    }
}

/// Prints a suite's table (and its errors when `SIDENOTE_SUITE_ERRORS` is set) and checks its floors.
fn check_floors(name: &str, suite: &str, floors: [(EntityKind, f64); 4]) {
    let only = std::env::var("SIDENOTE_SUITE").ok();
    let shown = only.as_deref().is_none_or(|wanted| wanted == name);
    let (per_kind, core, all, n) = score(suite, shown && std::env::var_os("SIDENOTE_SUITE_ERRORS").is_some());
    if shown {
        println!("{name}: {n} cases");
        for (kind, c) in &per_kind {
            println!(
                "{:<6}  P {:.3}  R {:.3}  F1 {:.3}  (gold {})",
                kind.label(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold
            );
        }
        println!("core    P {:.3}  R {:.3}  F1 {:.3}", core.precision(), core.recall(), core.f1());
        println!("all     P {:.3}  R {:.3}  F1 {:.3}", all.precision(), all.recall(), all.f1());
    }
    for (kind, floor) in floors {
        let f1 = per_kind.iter().find(|(k, _)| *k == kind).map(|(_, c)| c.f1()).unwrap_or(0.0);
        assert!(f1 >= floor, "{name}: {} F1 {f1:.3} fell under its floor {floor}", kind.label());
    }
}

#[test]
fn the_suite_scores_at_least_its_floors() {
    let floors =
        [(EntityKind::Person, 0.87), (EntityKind::Org, 0.90), (EntityKind::Place, 0.90), (EntityKind::Misc, 0.85)];
    check_floors("org_misc", SUITE, floors);
}

#[test]
fn the_genres_suite_scores_at_least_its_floors() {
    // Set when the seventh round ended (its start, before any rule: PERSON 0.765, ORG 0.827, PLACE 0.884,
    // MISC 0.523).
    let floors =
        [(EntityKind::Person, 0.85), (EntityKind::Org, 0.87), (EntityKind::Place, 0.89), (EntityKind::Misc, 0.74)];
    check_floors("genres", GENRES_SUITE, floors);
}

#[test]
fn the_misc_recall_suite_scores_at_least_its_floors() {
    // Set when the eighth round ended (its start, before any rule: PERSON 0.400, ORG 0.462, PLACE 0.828, MISC
    // 0.575; at the end 0.500, 0.632, 0.933, 0.787).
    let floors =
        [(EntityKind::Person, 0.45), (EntityKind::Org, 0.6), (EntityKind::Place, 0.92), (EntityKind::Misc, 0.77)];
    check_floors("misc_recall", MISC_RECALL_SUITE, floors);
}

#[test]
fn the_people_suite_scores_at_least_its_floors() {
    // Set when the ninth round ended (its start, before any rule: PERSON 0.872, ORG 0.828, PLACE 0.893, MISC
    // 0.333 on one gold name; at the end 0.953, 0.885, 0.913, 0.400).
    let floors =
        [(EntityKind::Person, 0.94), (EntityKind::Org, 0.87), (EntityKind::Place, 0.90), (EntityKind::Misc, 0.3)];
    check_floors("people", PEOPLE_SUITE, floors);
}

#[test]
fn the_world_suite_scores_at_least_its_floors() {
    // Set when the tenth round ended (its start, before any rule: PERSON 0.645, ORG 0.713, PLACE 0.827, MISC
    // 0.596; at the end 0.733, 0.775, 0.827, 0.712); PLACE and MISC raised after the eleventh (0.849, 0.754).
    let floors =
        [(EntityKind::Person, 0.72), (EntityKind::Org, 0.76), (EntityKind::Place, 0.83), (EntityKind::Misc, 0.74)];
    check_floors("world", WORLD_SUITE, floors);
}

#[test]
fn the_precision_suite_scores_at_least_its_floors() {
    // Set when the eleventh round ended (its start, before any rule: PERSON 0.818, ORG 0.594, PLACE 0.914, MISC
    // 0.368; at the end 0.947, 0.896, 0.950, 0.760).
    let floors =
        [(EntityKind::Person, 0.92), (EntityKind::Org, 0.88), (EntityKind::Place, 0.93), (EntityKind::Misc, 0.74)];
    check_floors("precision", PRECISION_SUITE, floors);
}

#[test]
fn the_forms_suite_scores_at_least_its_floors() {
    // Set when the eleventh round ended (its start, before any rule: PERSON 0.829, ORG 0.783, PLACE 0.866; at the
    // end 0.931, 0.783, 0.973). The suite marks no MISC name.
    let floors =
        [(EntityKind::Person, 0.92), (EntityKind::Org, 0.77), (EntityKind::Place, 0.96), (EntityKind::Misc, 0.0)];
    check_floors("forms", FORMS_SUITE, floors);
}

#[test]
fn the_unseen_suite_scores_at_least_its_floors() {
    // Set when the twelfth round ended (its start, before any rule: PERSON 0.857, ORG 0.834, PLACE 0.719, MISC
    // 0.286 on two gold names; at the end 0.889, 0.900, 0.787, 0.400).
    let floors =
        [(EntityKind::Person, 0.88), (EntityKind::Org, 0.89), (EntityKind::Place, 0.78), (EntityKind::Misc, 0.39)];
    check_floors("unseen", UNSEEN_SUITE, floors);
}

#[test]
fn the_short_forms_suite_scores_at_least_its_floors() {
    // Set when the thirteenth round ended (its start, before any rule: PERSON 0.483, ORG 0.775, PLACE 0.909; at the
    // end 0.737, 0.935, 0.909). The suite marks no MISC name.
    let floors =
        [(EntityKind::Person, 0.72), (EntityKind::Org, 0.92), (EntityKind::Place, 0.90), (EntityKind::Misc, 0.0)];
    check_floors("short", SHORT_FORMS_SUITE, floors);
}

#[test]
fn the_hyphens_suite_scores_at_least_its_floors() {
    // Set when the fourteenth round ended (the figures before and after: DESIGN.md, "Names inside hyphenated
    // compounds"; at the end PERSON 0.900, ORG 0.833, PLACE 0.992). The suite marks no MISC name.
    let floors =
        [(EntityKind::Person, 0.89), (EntityKind::Org, 0.82), (EntityKind::Place, 0.98), (EntityKind::Misc, 0.0)];
    check_floors("hyphens", HYPHENS_SUITE, floors);
}

#[test]
fn the_generic_suite_scores_at_least_its_floors() {
    // Set when the fifteenth round ended (its start, before any rule: PERSON 0.800, ORG 0.837, PLACE 0.833, MISC
    // 0.400 on one gold name; at the end 0.875, 0.946, 0.833, 1.000).
    let floors =
        [(EntityKind::Person, 0.86), (EntityKind::Org, 0.93), (EntityKind::Place, 0.82), (EntityKind::Misc, 0.6)];
    check_floors("generic", GENERIC_SUITE, floors);
}

#[test]
fn the_offices_suite_scores_at_least_its_floors() {
    // Set when the sixteenth round ended (main before its rules: PERSON 0.588, ORG 0.642, PLACE 0.667; at the end
    // 0.933, 0.944, 0.870). The suite has no MISC gold: its floor is none.
    let floors =
        [(EntityKind::Person, 0.9), (EntityKind::Org, 0.92), (EntityKind::Place, 0.84), (EntityKind::Misc, 0.0)];
    check_floors("offices", OFFICES_SUITE, floors);
}

#[test]
fn the_people_world_suite_scores_at_least_its_floors() {
    // Set when the sixteenth round ended (its start, before any rule: PERSON 0.876, ORG 0.750, PLACE 0.939, MISC
    // 0.250 on three gold names; at the end 0.963, 0.750, 0.954, 0.400).
    let floors =
        [(EntityKind::Person, 0.95), (EntityKind::Org, 0.74), (EntityKind::Place, 0.94), (EntityKind::Misc, 0.39)];
    check_floors("people_world", PEOPLE_WORLD_SUITE, floors);
}
