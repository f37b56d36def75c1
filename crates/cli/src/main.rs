//! `sidenote`: the command-line tool over Sidenote's core.
//!
//! ```text
//! sidenote extract --out DIR FILE_OR_DIR...   # NAME.pred.json per article, for ../shared/eval/score.py
//! ```
//!
//! Offsets in every file this tool writes are Unicode code points, as the scorer and W3C expect.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{extract, Span};

const USAGE: &str = "usage:\n  sidenote extract --out DIR FILE_OR_DIR...\n";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => cmd_extract(&args[1..]),
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
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", file.display()))?;
        let found = extract(&text);
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
