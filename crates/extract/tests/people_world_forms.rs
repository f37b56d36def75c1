//! Table tests of the sixteenth round's rules on people's names from anywhere (DESIGN.md, "PERSON recall on
//! pages never seen"): made-up sentences, never corpus text, each written before its rule and failing without
//! it, with names of the same shapes that must not become people.

use sidenote_extract::{extract, EntityKind};

fn entities(text: &str) -> Vec<(String, EntityKind)> {
    extract(text).entities.iter().map(|e| (text[e.span.start..e.span.end].to_string(), e.kind)).collect()
}

fn has(text: &str, name: &str, kind: EntityKind) -> bool {
    entities(text).contains(&(name.to_string(), kind))
}

fn any_person_in(text: &str, words: &str) -> bool {
    entities(text).iter().any(|(name, kind)| *kind == EntityKind::Person && name.contains(words))
}

/// A role noun opening a sentence stands before a name of a person's shape, listed given name or not; the role
/// is no part of the name. Not a role noun that also opens names of things, nor a rest that is no name.
#[test]
fn a_sentence_opening_role_noun_before_a_personal_name() {
    for (text, person) in [
        ("Striker Obafemi Adekunle-Wright scored twice on Sunday.", "Obafemi Adekunle-Wright"),
        ("Boxer Rolando Tumulak won the regional belt in Davao.", "Rolando Tumulak"),
        ("Sprinter Tsegaye Woldemichael, 22, finished third.", "Tsegaye Woldemichael"),
        ("Activist Gulnara Zhaksylykova was freed on Monday.", "Gulnara Zhaksylykova"),
    ] {
        assert!(has(text, person, EntityKind::Person), "{person}: {:?}", entities(text));
    }
    for (text, words) in [
        ("Champion Fleetwing Odyssey returns to cinemas next week.", "Fleetwing"),
        ("Activist Investors Rally Against The Merger\nThe fund wrote to the board.", "Investors"),
        ("Teacher Training College Admits Fewer Students\nThe numbers fell.", "Training"),
        ("Boxer Shorts sales rose by a fifth.", "Shorts"),
    ] {
        assert!(!any_person_in(text, words), "{words}: {:?}", entities(text));
    }
}

/// `leader`, `manager`, `adviser` stand before a person's name of two or three words of a person's shape, never
/// before a firm's ("market leader Quorvex Holdings", "asset manager Brightwell Capital").
#[test]
fn a_leader_or_an_adviser_before_a_personal_name() {
    for (text, person) in [
        ("The opposition leader Kizito Mbwambo was arrested on Friday.", "Kizito Mbwambo"),
        ("Security adviser Farzana Haque Mollick met the envoy.", "Farzana Haque Mollick"),
        ("The club sacked manager Dragoljub Pešić after the defeat.", "Dragoljub Pešić"),
    ] {
        assert!(has(text, person, EntityKind::Person), "{person}: {:?}", entities(text));
    }
    for (text, words) in [
        ("Shares of market leader Quorvex Holdings rose.", "Quorvex"),
        ("The asset manager Brightwell Capital bought the stake.", "Brightwell"),
        ("The team leader Board Meeting was cancelled.", "Board"),
    ] {
        assert!(!any_person_in(text, words), "{words}: {:?}", entities(text));
    }
}

/// A name in apposition after a role held in a named place or body ("the mayor of X, NAME,") holds that role;
/// not the next item of a list of names after a role's holder.
#[test]
fn a_name_after_a_role_of_a_named_holder_is_a_person() {
    for (text, person) in [
        ("The governor of Kwara Province, Abdulfatah Olayinka, signed the bill.", "Abdulfatah Olayinka"),
        ("The chief executive of Tarnwick Freight, Oyuna Batbayar, said profits fell.", "Oyuna Batbayar"),
        ("He met the ambassador to Zambia, Mwansa Chibwe Kalaba, in the morning.", "Mwansa Chibwe Kalaba"),
    ] {
        assert!(has(text, person, EntityKind::Person), "{person}: {:?}", entities(text));
    }
    for (text, words) in [
        ("The minister of Finance, Budget and Planning spoke.", "Budget"),
        ("The director of Sales, Marketing Services and Brand Partnerships resigned.", "Marketing"),
        ("The mayor of Corrinbay, Valdorne County, was re-elected.", "Valdorne"),
    ] {
        assert!(!any_person_in(text, words), "{words}: {:?}", entities(text));
    }
}

/// A given name that no list holds, used alone mid-sentence, is the one person whose full name it opens; two
/// people who share it leave it unlinked.
#[test]
fn a_lone_unlisted_given_name_joins_its_full_name() {
    let text = "The lawyer Anne-Sophie Brévaut took the case. Later that year Anne-Sophie won it.";
    assert!(has(text, "Anne-Sophie", EntityKind::Person), "{:?}", entities(text));
    let text = "Singer Oyelola Adetunji-Pryce opened the show. For years Oyelola sang in church.";
    assert!(has(text, "Oyelola", EntityKind::Person), "{:?}", entities(text));
    let shared = "Singer Oyelola Adetunji-Pryce and dancer Oyelola Bankole met. For years Oyelola sang in church.";
    assert!(!has(shared, "Oyelola", EntityKind::Person), "{:?}", entities(shared));
}

/// A surname that is also a place's name, alone right after its person's full name in prose and after no
/// preposition of place, is that person; after `to`/`in` it is the place, and so it is far from the person or
/// when only a headline's guess named them.
#[test]
fn a_surname_that_is_a_place_stays_the_persons_nearby() {
    let text = "Defender Wilmer Quintero Lima scored on Sunday. Lima said the goal was for his mother.";
    let found = entities(text);
    assert_eq!(found.iter().filter(|(n, k)| n == "Lima" && *k == EntityKind::Person).count(), 1, "{found:?}");
    let text = "Defender Wilmer Quintero Lima scored on Sunday. The team flies to Lima next week.";
    assert!(has(text, "Lima", EntityKind::Place), "{:?}", entities(text));
    let far = format!(
        "Defender Wilmer Quintero Lima scored on Sunday. {}Lima is cold in winter.",
        "The club has played well this season and the fans are happy. ".repeat(6)
    );
    assert!(has(&far, "Lima", EntityKind::Place), "{:?}", entities(&far));
}
