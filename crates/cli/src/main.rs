//! `sidenote`: the command-line tool over Sidenote's core.
//!
//! ```text
//! sidenote extract --out DIR FILE_OR_DIR...            # NAME.pred.json per article, for ../shared/eval/score.py
//! sidenote export --out FILE.json [--notes W3C.json] ARTICLE.txt   # W3C file of suggestions (+ notes)
//! sidenote anchor NOTES.json ARTICLE.txt                # one JSON line per annotation: status and position
//! ```
//!
//! Offsets in every file this tool writes are Unicode code points, as the scorer and W3C expect.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{extract_with_hints, html_to_text, LineHint, Span};

const USAGE: &str = "usage:\n  sidenote extract --out DIR FILE_OR_DIR...\n  sidenote export --out FILE.json [--notes W3C.json] ARTICLE.txt\n  sidenote anchor NOTES.json ARTICLE.txt\n";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => cmd_extract(&args[1..]),
        Some("export") => cmd_export(&args[1..]),
        Some("anchor") => cmd_anchor(&args[1..]),
        Some("-h" | "--help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sidenote: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Splits `--out DIR` from the positional arguments.
fn out_and_inputs(args: &[String]) -> Result<(PathBuf, Vec<PathBuf>), String> {
    let mut out = None;
    let mut inputs = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--out" {
            out = Some(PathBuf::from(iter.next().ok_or("--out needs a directory")?));
        } else {
            inputs.push(PathBuf::from(arg));
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if inputs.is_empty() {
        return Err("no input files".into());
    }
    Ok((out, inputs))
}

/// Expands folders to the `.txt` and `.html` files directly inside them, sorted.
fn article_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .map_err(|e| format!("{}: {e}", input.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html" | "htm")))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string()
}

fn char_span(index: &OffsetIndex, span: Span) -> (usize, usize) {
    // Spans from the extractor always lie on char boundaries of the text they came from.
    (index.byte_to_char(span.start).unwrap_or(0), index.byte_to_char(span.end).unwrap_or(0))
}

fn cmd_extract(args: &[String]) -> Result<(), String> {
    let (out, inputs) = out_and_inputs(args)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for file in article_files(&inputs)? {
        let (text, hints) = read_article(&file)?;
        let found = extract_with_hints(&text, &hints);
        let index = OffsetIndex::new(&text);
        let entities: Vec<serde_json::Value> = found
            .entities
            .iter()
            .map(|e| {
                let (start, end) = char_span(&index, e.span);
                serde_json::json!({"start": start, "end": end, "type": e.kind.label(), "text": e.span.slice(&text)})
            })
            .collect();
        let quotes: Vec<serde_json::Value> = found
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = char_span(&index, q.span);
                serde_json::json!({"start": start, "end": end, "speaker": q.speaker, "text": q.span.slice(&text)})
            })
            .collect();
        let body: Vec<[usize; 2]> = found.body.iter().map(|s| char_span(&index, *s)).map(|(a, b)| [a, b]).collect();
        let pred = serde_json::json!({"entities": entities, "quotes": quotes, "body": body});
        let target = out.join(format!("{}.pred.json", stem(&file)));
        let json = serde_json::to_string_pretty(&pred).map_err(|e| e.to_string())?;
        std::fs::write(&target, json).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

/// Reads an article file as the app would: UTF-8 text, not binary, of a sane size; an `.html` file is
/// turned into the text a reader sees, with structure hints for body detection.
fn read_article(path: &Path) -> Result<(String, Vec<LineHint>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = sidenote_annotate::accept_text(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let is_html = matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "htm"));
    Ok(if is_html { html_to_text(&text) } else { (text, Vec::new()) })
}

fn read_to_string(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn cmd_export(args: &[String]) -> Result<(), String> {
    let mut out = None;
    let mut notes = None;
    let mut article = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(iter.next().ok_or("--out needs a file")?)),
            "--notes" => notes = Some(PathBuf::from(iter.next().ok_or("--notes needs a file")?)),
            _ => article = Some(PathBuf::from(arg)),
        }
    }
    let (out, article) = (out.ok_or("--out FILE.json is required")?, article.ok_or("no article given")?);
    let (text, hints) = read_article(&article)?;
    let mut annotations = sidenote_annotate::model::Annotations::default();
    if let Some(notes) = notes {
        let imported =
            sidenote_annotate::w3c::parse(&read_to_string(&notes)?).map_err(|e| format!("{}: {e}", notes.display()))?;
        let report = sidenote_annotate::w3c::merge(&mut annotations, imported, &text);
        eprintln!("{}", report.summary());
    }
    let doc = sidenote_annotate::Document::new(stem(&article), text);
    let file = sidenote_annotate::w3c::export(&doc, &extract_with_hints(&doc.text, &hints), &annotations);
    let json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
    std::fs::write(&out, json).map_err(|e| format!("{}: {e}", out.display()))
}

fn cmd_anchor(args: &[String]) -> Result<(), String> {
    let [notes, article] = args else {
        return Err(format!("anchor takes NOTES.json ARTICLE.txt\n{USAGE}"));
    };
    let (text, _) = read_article(Path::new(article))?;
    let targets =
        sidenote_annotate::w3c::targets(&read_to_string(Path::new(notes))?).map_err(|e| format!("{notes}: {e}"))?;
    let index = OffsetIndex::new(&text);
    let mut out = String::new();
    for (id, target) in &targets {
        let found = sidenote_annotate::anchor::anchor(&text, &index, target);
        let (start, end) = match found.span {
            Some(span) => {
                let (s, e) = char_span(&index, span);
                (serde_json::json!(s), serde_json::json!(e))
            }
            None => (serde_json::Value::Null, serde_json::Value::Null),
        };
        let line = serde_json::json!({"id": id, "status": found.status.label(), "start": start, "end": end});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    print!("{out}");
    Ok(())
}
