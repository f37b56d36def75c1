//! Text written decomposed (a letter then its combining accent, as some PDFs and Macs copy it) gives the same
//! names as the same text precomposed: the word lists are looked up without the combining accents.

use sidenote_extract::extract;

/// The entities' kinds, each with its surface without combining accents (so both forms compare).
fn kinds_and_names(text: &str) -> Vec<(String, String)> {
    let found = extract(text);
    found
        .entities
        .iter()
        .map(|e| {
            let bare: String = e.span.slice(text).chars().filter(|c| !matches!(c, '\u{300}'..='\u{36F}')).collect();
            (format!("{:?}", e.kind), bare)
        })
        .collect()
}

#[test]
fn decomposed_text_gives_the_names_precomposed_text_gives() {
    let cases = [
        (
            "Zoë Sánchez met José García in Bogotá on Monday.",
            "Zoe\u{308} Sa\u{301}nchez met Jose\u{301} Garci\u{301}a in Bogota\u{301} on Monday.",
        ),
        (
            "Ana Muñoz met François Hollande in Málaga on Friday.",
            "Ana Mun\u{303}oz met Franc\u{327}ois Hollande in Ma\u{301}laga on Friday.",
        ),
    ];
    for (composed, decomposed) in cases {
        let expected: Vec<(String, String)> = kinds_and_names(composed)
            .into_iter()
            .map(|(kind, name)| {
                let folded = name
                    .replace('ë', "e")
                    .replace('á', "a")
                    .replace('é', "e")
                    .replace('í', "i")
                    .replace('ñ', "n")
                    .replace('ç', "c");
                (kind, folded)
            })
            .collect();
        assert!(expected.len() >= 3, "{expected:?}");
        assert_eq!(kinds_and_names(decomposed), expected, "{decomposed}");
    }
}
