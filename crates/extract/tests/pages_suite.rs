//! A check of entity typing on whole made-up pages (issue 7, seventeenth round; DESIGN.md, "Core F1 on whole
//! made-up pages"): `pages_suite.txt` holds ten news pages in the shape a reader copies them, clutter included
//! (menus, bylines, captions, credits, teasers, share lines, footers), in genres and regions the corpus holds
//! least; `pages_after_suite.txt` holds three more, written after the round's rules as their check. Names are
//! marked inline as in `org_misc_suite.txt`; each page is extracted whole and scored like `score.py` (exact span
//! and kind; dates are not scored). `cargo test -p sidenote-extract --release --test pages_suite -- --nocapture`
//! prints the tables; `SIDENOTE_SUITE_ERRORS=1` also prints every miss and every extra.

use sidenote_extract::{extract, EntityKind};
use std::collections::BTreeSet;

mod scoring;
use scoring::Counts;

const PAGES: &str = include_str!("pages_suite.txt");
const PAGES_AFTER: &str = include_str!("pages_after_suite.txt");
const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Org, EntityKind::Place, EntityKind::Misc];
const PAGE_MARK: &str = "==== PAGE";

/// One page: its name, plain text and the gold names as (start byte, end byte, kind).
struct Page {
    name: String,
    text: String,
    gold: Vec<(usize, usize, EntityKind)>,
}

/// Splits a suite into pages at its `==== PAGE name` lines; the comment lines before the first page are no page.
fn pages(suite: &str) -> Vec<Page> {
    let mut found = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in suite.lines() {
        if let Some(name) = line.strip_prefix(PAGE_MARK) {
            found.extend(current.take().map(|(name, lines)| parse_page(name, &lines.join("\n"))));
            current = Some((name.trim().to_string(), Vec::new()));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    found.extend(current.map(|(name, lines)| parse_page(name, lines.join("\n").trim_end())));
    found
}

/// Reads `{KIND name}` marks out of a page; a malformed mark is a broken suite, so it panics.
fn parse_page(name: String, marked: &str) -> Page {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or_else(|| panic!("unclosed mark in page {name}"));
        let (label, surface) =
            after[..close].split_once(' ').unwrap_or_else(|| panic!("mark without a name in page {name}"));
        let kind = EntityKind::from_label(label).unwrap_or_else(|| panic!("unknown kind {label:?} in page {name}"));
        let start = text.len();
        text.push_str(surface);
        gold.push((start, text.len(), kind));
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    Page { name, text, gold }
}

/// Scores every page: counts per kind, and core (PERSON, ORG, PLACE).
fn score(suite: &str, show_errors: bool) -> (Vec<(EntityKind, Counts)>, Counts) {
    let mut per_kind: Vec<(EntityKind, Counts)> = KINDS.iter().map(|k| (*k, Counts::default())).collect();
    for page in pages(suite) {
        let predicted: BTreeSet<(usize, usize, EntityKind)> = extract(&page.text)
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Date)
            .map(|e| (e.span.start, e.span.end, e.kind))
            .collect();
        let gold: BTreeSet<(usize, usize, EntityKind)> = page.gold.iter().copied().collect();
        for (kind, counts) in per_kind.iter_mut() {
            let p: BTreeSet<_> = predicted.iter().filter(|e| e.2 == *kind).collect();
            let g: BTreeSet<_> = gold.iter().filter(|e| e.2 == *kind).collect();
            counts.add(Counts { true_positive: p.intersection(&g).count(), predicted: p.len(), gold: g.len() });
        }
        if show_errors {
            for e in gold.difference(&predicted) {
                println!(
                    "{:<26} miss  {:<6} {:?}   in {:?}",
                    page.name,
                    e.2.label(),
                    &page.text[e.0..e.1],
                    line_of(&page.text, e.0)
                );
            }
            for e in predicted.difference(&gold) {
                println!(
                    "{:<26} extra {:<6} {:?}   in {:?}",
                    page.name,
                    e.2.label(),
                    &page.text[e.0..e.1],
                    line_of(&page.text, e.0)
                );
            }
        }
    }
    let mut core = Counts::default();
    for (kind, counts) in &per_kind {
        if *kind != EntityKind::Misc {
            core.add(*counts);
        }
    }
    (per_kind, core)
}

/// The line a name stands on, cut to 70 characters, so an error shows its context.
fn line_of(text: &str, at: usize) -> String {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].chars().take(70).collect()
}

/// Prints a suite's table (and its errors when `SIDENOTE_SUITE_ERRORS` is set) and checks its floors.
fn check_floors(name: &str, suite: &str, floors: [(EntityKind, f64); 4], core_floor: f64) {
    let only = std::env::var("SIDENOTE_SUITE").ok();
    let shown = only.as_deref().is_none_or(|wanted| wanted == name);
    let (per_kind, core) = score(suite, shown && std::env::var_os("SIDENOTE_SUITE_ERRORS").is_some());
    if shown {
        println!("{name}: {} pages", pages(suite).len());
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
    }
    for (kind, floor) in floors {
        let f1 = per_kind.iter().find(|(k, _)| *k == kind).map(|(_, c)| c.f1()).unwrap_or(0.0);
        assert!(f1 >= floor, "{name}: {} F1 {f1:.3} fell under its floor {floor}", kind.label());
    }
    assert!(core.f1() >= core_floor, "{name}: core F1 {:.3} fell under its floor {core_floor}", core.f1());
}

#[test]
fn the_page_suites_are_well_formed() {
    for (suite, least_pages) in [(PAGES, 8), (PAGES_AFTER, 3)] {
        let pages = pages(suite);
        assert!(pages.len() >= least_pages, "{} pages, the brief asks for {least_pages}", pages.len());
        for page in &pages {
            let lines = page.text.lines().count();
            assert!((40..=120).contains(&lines), "page {} has {lines} lines, the brief asks for 40 to 120", page.name);
            for (start, end, _) in &page.gold {
                let surface = &page.text[*start..*end];
                assert!(!surface.starts_with("The ") && !surface.ends_with("'s"), "guideline: {surface:?}");
                assert_eq!(surface.trim(), surface, "a name with spaces at its edges: {surface:?}");
            }
        }
    }
}

#[test]
fn the_pages_suite_scores_at_least_its_floors() {
    // Set when the seventeenth round ended (its start, before any rule: PERSON 0.761, ORG 0.706, PLACE 0.799, MISC
    // 0.514, core 0.751; at the end 0.859, 0.802, 0.829, 0.535, core 0.822).
    let floors =
        [(EntityKind::Person, 0.85), (EntityKind::Org, 0.79), (EntityKind::Place, 0.82), (EntityKind::Misc, 0.52)];
    check_floors("pages", PAGES, floors, 0.81);
}

#[test]
fn the_pages_after_suite_scores_at_least_its_floors() {
    // Written after the seventeenth round's rules; the same figures with and without them: PERSON 0.939, ORG
    // 0.825, PLACE 0.857, MISC 0.250 on one gold name, core 0.858.
    let floors =
        [(EntityKind::Person, 0.93), (EntityKind::Org, 0.81), (EntityKind::Place, 0.85), (EntityKind::Misc, 0.2)];
    check_floors("pages_after", PAGES_AFTER, floors, 0.85);
}
