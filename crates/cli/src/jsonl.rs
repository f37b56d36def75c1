//! `extract --jsonl` and `export --jsonl`: one JSON record per input line, one result line per record.
//!
//! Input lines are `{"id": …, "text": …}` or `{"id": …, "html": …, "url": …}` (`url` is optional; `export`
//! writes it as the annotations' source). Each output line carries the input's `id` (any JSON value, `null`
//! when absent) and either the result or `"error"`. Texts go through the same checks and conversions as
//! the per-file commands ([`sidenote_annotate::accept_text`], [`html_to_text`]), so that a line's result
//! equals what the per-file command writes for the same article.

use serde::Deserialize;
use serde_json::Value;
use sidenote_annotate::model::Annotations;
use sidenote_annotate::{accept_text, Document};
use sidenote_extract::{extract_with_hints, html_to_text, Extraction, LineHint};

use crate::prediction::Prediction;
use crate::stream::{error_line, LineOutcome, RawLine};

/// Which result each line gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The fields of `NAME.pred.json`.
    Extract,
    /// A W3C `AnnotationCollection` of the suggestions, as `sidenote export` writes it.
    Export,
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Value,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
}

/// Only the id, to name the line in its error when the rest of the record is wrong.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Value,
}

/// An input line that could not become an article: its id when it could be read, and why.
struct LineError {
    id: Value,
    message: String,
}

/// One article read from a line: what to extract from, and what identifies it.
struct Article {
    id: Value,
    text: String,
    hints: Vec<LineHint>,
    url: Option<String>,
}

/// Processes one input line in `mode`; never fails, a bad line gives an error line.
pub fn process_line(mode: Mode, line: RawLine) -> LineOutcome {
    let bytes = match line {
        RawLine::Bytes(bytes) => bytes,
        RawLine::TooLong => return failure(LineError { id: Value::Null, message: "line too long".into() }),
    };
    let article = match read_article(&bytes) {
        Ok(article) => article,
        Err(error) => return failure(error),
    };
    let found = extract_with_hints(&article.text, &article.hints);
    let id = article.id.clone();
    let written = match mode {
        Mode::Extract => extract_line(&article, &found),
        Mode::Export => export_line(article, &found),
    };
    match written {
        Ok(output) => LineOutcome { output, error: None },
        Err(message) => failure(LineError { id, message }),
    }
}

fn failure(error: LineError) -> LineOutcome {
    LineOutcome { output: error_line(&error.id, &error.message), error: Some(error.message) }
}

fn read_article(bytes: &[u8]) -> Result<Article, LineError> {
    let record: Record = serde_json::from_slice(bytes).map_err(|e| explain_bad_record(bytes, &e))?;
    let fail = |message: String| LineError { id: record.id.clone(), message };
    let (text, hints) = match (&record.text, &record.html) {
        (Some(text), None) => (accept_text(text.as_bytes()).map_err(|e| fail(e.to_string()))?, Vec::new()),
        (None, Some(html)) => html_to_text(&accept_text(html.as_bytes()).map_err(|e| fail(e.to_string()))?),
        (Some(_), Some(_)) => return Err(fail("a line has \"text\" or \"html\", not both".into())),
        (None, None) => return Err(fail("a line needs \"text\" or \"html\"".into())),
    };
    Ok(Article { id: record.id, text, hints, url: record.url })
}

/// Says why a line is not a record, naming its id when the line is readable enough to have one.
fn explain_bad_record(bytes: &[u8], error: &serde_json::Error) -> LineError {
    if let Err(utf8) = std::str::from_utf8(bytes) {
        let lossy = String::from_utf8_lossy(bytes);
        let id = serde_json::from_str::<IdOnly>(&lossy).map(|r| r.id).unwrap_or(Value::Null);
        return LineError { id, message: format!("invalid UTF-8 at byte {}", utf8.valid_up_to()) };
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return LineError { id: Value::Null, message: "empty line".into() };
    }
    let id = serde_json::from_slice::<IdOnly>(bytes).map(|r| r.id).unwrap_or(Value::Null);
    LineError { id, message: format!("not a JSON record: {error}") }
}

fn extract_line(article: &Article, found: &Extraction) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct ExtractLine<'a> {
        id: &'a Value,
        #[serde(flatten)]
        prediction: Prediction<'a>,
    }
    let line = ExtractLine { id: &article.id, prediction: Prediction::new(&article.text, found) };
    serde_json::to_string(&line).map_err(|e| e.to_string())
}

fn export_line(article: Article, found: &Extraction) -> Result<String, String> {
    let title = match &article.id {
        Value::String(id) => id.clone(),
        Value::Null => Document::title_from_text(&article.text),
        other => other.to_string(),
    };
    let mut doc = Document::new(title, article.text);
    doc.source_url = article.url;
    let mut collection = sidenote_annotate::w3c::export(&doc, found, &Annotations::default());
    match collection.as_object_mut() {
        Some(fields) => {
            fields.insert("id".into(), article.id);
        }
        None => return Err("the export is not a JSON object".into()),
    }
    serde_json::to_string(&collection).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(line: &[u8]) -> (Value, Option<String>) {
        let outcome = process_line(Mode::Extract, RawLine::Bytes(line.to_vec()));
        (serde_json::from_str(&outcome.output).expect("every output line is JSON"), outcome.error)
    }

    #[test]
    fn table_of_bad_lines_names_the_id_when_it_can() {
        let cases: &[(&[u8], Value, &str)] = &[
            (b"not json", Value::Null, "not a JSON record"),
            (b"", Value::Null, "empty line"),
            (b"  \r", Value::Null, "empty line"),
            (br#"{"id": 7}"#, Value::from(7), "needs \"text\" or \"html\""),
            (br#"{"id": "a", "text": "x", "html": "<p>x</p>"}"#, Value::from("a"), "not both"),
            (br#"{"id": "b", "text": 12}"#, Value::from("b"), "not a JSON record"),
            (br#"{"id": "c", "text": "   "}"#, Value::from("c"), "no text"),
            (b"{\"id\": \"d\", \"text\": \"caf\xe9\"}", Value::from("d"), "invalid UTF-8 at byte 24"),
            (b"{\"id\": \"e\", \"te\xffxt\": 1", Value::Null, "invalid UTF-8"),
            (br#"[1, 2]"#, Value::Null, "not a JSON record"),
        ];
        for (line, id, message) in cases {
            let (out, error) = run(line);
            let line = String::from_utf8_lossy(line);
            assert_eq!(&out["id"], id, "{line}");
            let shown = out["error"].as_str().unwrap_or_default();
            assert!(shown.contains(message), "{line}: {shown}");
            assert_eq!(error.as_deref(), Some(shown), "{line}");
            assert_eq!(out.as_object().map(|o| o.len()), Some(2), "only id and error: {out}");
        }
    }

    #[test]
    fn a_good_line_has_its_id_and_code_point_offsets() {
        let (out, error) = run(r#"{"id": "x", "text": "🙂 Sergei Lavrov visited Moscow."}"#.as_bytes());
        assert_eq!(error, None);
        assert_eq!(out["id"], "x");
        let lavrov = out["entities"].as_array().and_then(|e| e.iter().find(|e| e["text"] == "Sergei Lavrov"));
        let lavrov = lavrov.expect("Sergei Lavrov is found");
        // One code point for the emoji and one for the space, though the emoji is four bytes.
        assert_eq!((lavrov["start"].as_u64(), lavrov["end"].as_u64()), (Some(2), Some(15)));
        assert!(out["quotes"].is_array() && out["body"].is_array());
    }

    #[test]
    fn export_lines_carry_the_id_the_url_and_the_text() {
        let line = r#"{"id": "y", "html": "<p>Sergei Lavrov visited Moscow.</p>", "url": "https://example.org/a"}"#;
        let outcome = process_line(Mode::Export, RawLine::Bytes(line.as_bytes().to_vec()));
        assert_eq!(outcome.error, None);
        let out: Value = serde_json::from_str(&outcome.output).expect("JSON");
        assert_eq!(
            (&out["id"], &out["label"], &out["type"]),
            (&Value::from("y"), &Value::from("y"), &Value::from("AnnotationCollection"))
        );
        assert_eq!(out["sidenote:source"], "https://example.org/a");
        assert!(out["sidenote:text"].as_str().is_some_and(|t| t.contains("Sergei Lavrov visited Moscow.")));
    }
}
