//! Table tests of the eleventh round's rules on the forms a name takes (DESIGN.md, "PERSON by the forms of a
//! name"): made-up sentences, never corpus text, each written before its rule and failing without it.

use sidenote_extract::{extract, EntityKind};

fn entities(text: &str) -> Vec<(String, EntityKind)> {
    extract(text).entities.iter().map(|e| (text[e.span.start..e.span.end].to_string(), e.kind)).collect()
}

fn has(text: &str, name: &str, kind: EntityKind) -> bool {
    entities(text).contains(&(name.to_string(), kind))
}

/// A name no list knows, after a lower-case word and "in"/"near" and closing its clause, is a town; a
/// menu's "More in X" is not, and a surname the document uses is still a person's.
#[test]
fn an_unknown_name_after_in_is_a_place() {
    for (text, town) in [
        ("Tamsin Ferreday, a councillor in Corrinbay, said the plan was rushed.", "Corrinbay"),
        ("The stars posed before the premiere in Valdorne on Friday.", "Valdorne"),
        ("He runs a hardware store near Oskeloo.", "Oskeloo"),
        ("The new patient from Quorvale in the north was isolated.", "Quorvale"),
    ] {
        assert!(has(text, town, EntityKind::Place), "{town}: {:?}", entities(text));
    }
    let menu = "Menu\nMore in Gadgetry\nMore Gadgetry\n";
    assert!(!has(menu, "Gadgetry", EntityKind::Place), "{:?}", entities(menu));
    let surname = "Chinedu Okafor spoke first. Few had confidence in Okafor.";
    assert!(!has(surname, "Okafor", EntityKind::Place), "{:?}", entities(surname));
}

/// A name of a person's shape in a list of people, joined by a comma to one of them, is a person's; a comma
/// before an appositive is no list.
#[test]
fn a_name_in_a_list_of_people_is_a_person() {
    let text = "The panel included Fiifi Oduro-Brafo, Carolina Bustamante and Dorota Zielińska.";
    assert!(has(text, "Fiifi Oduro-Brafo", EntityKind::Person), "{:?}", entities(text));
    let text = "The board appointed Tomasz Wrobelski, Fenwick Halloran, Ama Okoro and Ruth Ellis.";
    assert!(has(text, "Fenwick Halloran", EntityKind::Person), "{:?}", entities(text));
    let text = "Carolina Bustamante, Kelvara Brightworks founder, spoke.";
    assert!(!has(text, "Kelvara Brightworks", EntityKind::Person), "{:?}", entities(text));
}

/// A list's last item follows "and": a byline's role after a comma is no third author.
#[test]
fn a_role_after_a_bylines_authors_is_no_author() {
    let text = "By TAMSIN OKORO-LAKE and FENWICK ADEYEMI, Staff Writers\nThe council met on Monday.";
    assert!(!entities(text).iter().any(|(n, _)| n == "Staff Writers"), "{:?}", entities(text));
}

/// Lower-case particles before a person's surname belong to the name, and so does the given name before them.
#[test]
fn particles_before_a_surname_stay_in_the_name() {
    let text = "Quillan de Wortel, a lawyer in Utrecht, said his client would appeal.";
    assert!(has(text, "Quillan de Wortel", EntityKind::Person), "{:?}", entities(text));
    let text = "Sheikh Saif bin Rashid al-Qarawi met the delegation.";
    assert!(has(text, "Saif bin Rashid al-Qarawi", EntityKind::Person), "{:?}", entities(text));
    let text = "Pieter van der Wortelkamp farms near Leeuwarden. van der Wortelkamp said he had sold 40 cows.";
    assert!(has(text, "van der Wortelkamp", EntityKind::Person), "{:?}", entities(text));
}

/// Marks of a person's name that no list needs: a generational suffix, a caption's position, a double surname.
#[test]
fn a_suffix_a_captions_position_or_a_double_surname_makes_a_person() {
    for (text, name) in [
        ("Quorwen Ashby III bought the estate in 1998.", "Quorwen Ashby III"),
        ("Oyelaran Adebisi-Kuti, left, and Marguerite Lavallée pose before the premiere.", "Oyelaran Adebisi-Kuti"),
        (
            "NAIROBI, Kenya (AP) — Wanjiku Kamau-Ndegwa had sold vegetables at the same corner for 20 years.",
            "Wanjiku Kamau-Ndegwa",
        ),
        ("Quorwen Tallis, right, speaks to Ama Okoro at the launch.", "Quorwen Tallis"),
    ] {
        assert!(has(text, name, EntityKind::Person), "{name}: {:?}", entities(text));
    }
    for (text, name) in [
        ("The veterans of World War II met on Monday.", "World War II"),
        ("He bought a used Mercedes-Benz on credit.", "Mercedes-Benz"),
    ] {
        assert!(!has(text, name, EntityKind::Person), "{name}: {:?}", entities(text));
    }
}

/// A plural possessive before a given name ends the name before it: the person after it is a name of their own.
#[test]
fn a_plural_possessive_before_a_given_name_ends_the_name() {
    let text = "The Okavu Rangers’ Vernon Tallisford is expected to play on Sunday.";
    assert!(has(text, "Vernon Tallisford", EntityKind::Person), "{:?}", entities(text));
    let text = "The Okavu Employers’ Association said wages would rise.";
    assert!(has(text, "Okavu Employers’ Association", EntityKind::Org), "{:?}", entities(text));
}

/// A byline's "by" in lower case opening its line names the author.
#[test]
fn a_byline_in_lower_case_names_its_author() {
    let text = "Markets rally\nby Quorwen Tallisford @qtallis February 1, 2016: 12:41 PM ET\nShares rose on Monday.";
    assert!(has(text, "Quorwen Tallisford", EntityKind::Person), "{:?}", entities(text));
}

/// A photo credit's name before a slash and a known agency is a person's; a forward and a painter are roles
/// before a one-word name.
#[test]
fn a_credit_before_an_agency_and_roles_before_one_name() {
    let text = "Riot police stand guard. (QUORWEN TALLISFORD/AFP via Getty Images)";
    assert!(has(text, "QUORWEN TALLISFORD", EntityKind::Person), "{:?}", entities(text));
    let text = "The Brazilian forward Tallisinho scored twice on Sunday.";
    assert!(has(text, "Tallisinho", EntityKind::Person), "{:?}", entities(text));
    let text = "The painter Quorwenzinho opened his first show last month.";
    assert!(has(text, "Quorwenzinho", EntityKind::Person), "{:?}", entities(text));
}
