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
    ] {
        assert!(has(text, town, EntityKind::Place), "{town}: {:?}", entities(text));
    }
    let menu = "Menu\nMore in Gadgetry\nMore Gadgetry\n";
    assert!(!has(menu, "Gadgetry", EntityKind::Place), "{:?}", entities(menu));
    let surname = "Chinedu Okafor spoke first. Few had confidence in Okafor.";
    assert!(!has(surname, "Okafor", EntityKind::Place), "{:?}", entities(surname));
}
