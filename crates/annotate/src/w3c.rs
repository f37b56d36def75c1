//! W3C Web Annotation export (JSON-LD, `http://www.w3.org/ns/anno.jsonld`).
//!
//! Each entity mention and quotation becomes an `Annotation` whose target carries both a
//! `TextQuoteSelector` (exact words, ~32 characters of prefix and suffix) and a `TextPositionSelector`
//! in Unicode code points, as the standard requires. The collection embeds the article text, so the file
//! alone is enough for a colleague to re-anchor everything.

use serde_json::{json, Value};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{Extraction, Span};

use crate::Document;

/// How many characters of context a `TextQuoteSelector` carries on each side.
pub const CONTEXT_CHARS: usize = 32;

/// The generator named in `generator` of machine-made annotations.
pub const GENERATOR: &str = "Sidenote extractor";

/// The `target` of an annotation on `span` of the document: quote and position selectors.
pub fn target(doc: &Document, index: &OffsetIndex, span: Span) -> Value {
    let text = &doc.text;
    let start = index.byte_to_char(span.start).unwrap_or(0);
    let end = index.byte_to_char(span.end).unwrap_or(start);
    let prefix_start = index.char_to_byte(start.saturating_sub(CONTEXT_CHARS)).unwrap_or(0);
    let suffix_end = index.char_to_byte((end + CONTEXT_CHARS).min(index.len_chars())).unwrap_or(text.len());
    json!({
        "source": doc.source(),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": span.slice(text),
                "prefix": Span::new(prefix_start, span.start).slice(text),
                "suffix": Span::new(span.end, suffix_end).slice(text),
            },
            {"type": "TextPositionSelector", "start": start, "end": end},
        ]
    })
}

/// Exports the extractor's suggestions for `doc` as an `AnnotationCollection`.
pub fn export(doc: &Document, extraction: &Extraction) -> Value {
    let index = OffsetIndex::new(&doc.text);
    let mut items = Vec::new();
    for (n, entity) in extraction.entities.iter().enumerate() {
        let group = &extraction.groups[entity.group];
        items.push(json!({
            "type": "Annotation",
            "id": format!("#entity-{n}"),
            "motivation": "classifying",
            "generator": {"type": "Software", "name": GENERATOR},
            "body": [
                {"type": "TextualBody", "purpose": "classifying", "value": entity.kind.label()},
                {"type": "TextualBody", "purpose": "identifying", "value": group.name},
            ],
            "target": target(doc, &index, entity.span),
        }));
    }
    for (n, quote) in extraction.quotes.iter().enumerate() {
        let mut body = vec![json!({"type": "TextualBody", "purpose": "classifying", "value": "QUOTE"})];
        if let Some(speaker) = &quote.speaker {
            body.push(
                json!({"type": "TextualBody", "purpose": "identifying", "value": speaker, "sidenote:role": "speaker"}),
            );
        }
        items.push(json!({
            "type": "Annotation",
            "id": format!("#quote-{n}"),
            "motivation": "classifying",
            "generator": {"type": "Software", "name": GENERATOR},
            "body": body,
            "target": target(doc, &index, quote.span),
        }));
    }
    json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"sidenote": "https://sidenote.invalid/ns#"}],
        "type": "AnnotationCollection",
        "label": doc.title,
        "total": items.len(),
        "sidenote:text": doc.text,
        "sidenote:source": doc.source(),
        "first": {"type": "AnnotationPage", "items": items},
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_selector_matches_the_text_with_non_bmp_characters() {
        let text = "🙂🙂 Sergei Lavrov said “we are ready to talk now” in Moscow 🇷🇺 on November 8.";
        let doc = Document::new("t", text);
        let file = export(&doc, &sidenote_extract::extract(text));
        let chars: Vec<char> = text.chars().collect();
        let items = file["first"]["items"].as_array().expect("items");
        assert!(items.len() >= 4);
        for item in items {
            let selectors = item["target"]["selector"].as_array().expect("selectors");
            let exact = selectors[0]["exact"].as_str().expect("exact");
            let start = selectors[1]["start"].as_u64().expect("start") as usize;
            let end = selectors[1]["end"].as_u64().expect("end") as usize;
            assert_eq!(chars[start..end].iter().collect::<String>(), exact);
            let prefix = selectors[0]["prefix"].as_str().expect("prefix");
            assert_eq!(chars[start - prefix.chars().count()..start].iter().collect::<String>(), prefix);
        }
    }
}
