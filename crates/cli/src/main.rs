//! `sidenote`: the command-line tool over Sidenote's core.
//!
//! ```text
//! sidenote extract --out DIR FILE_OR_DIR...            # NAME.pred.json per article, for ../shared/eval/score.py
//! sidenote extract --jsonl [--threads N] < IN > OUT     # one result line per {"id", "text"|"html"} line
//! sidenote export --out FILE.json [--notes W3C.json] ARTICLE.txt   # W3C file of suggestions (+ notes)
//! sidenote export --format brat|doccano|conll|csv --out FILE --notes W3C.json ARTICLE.txt  # reviewed entities / notes
//! sidenote export --jsonl [--threads N] < IN > OUT      # one W3C collection per line
//! sidenote anchor NOTES.json ARTICLE.txt                # one JSON line per annotation: status and position
//! ```
//!
//! Offsets in every file this tool writes are Unicode code points, as the scorer and W3C expect.

mod jsonl;
mod prediction;
mod stream;
mod train;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::typer::Typer;
use sidenote_extract::{extract_with_hints, extract_with_typer, html_to_text, LineHint};

use crate::jsonl::Mode;
use crate::prediction::{char_span, Prediction};

const USAGE: &str = "usage:
  sidenote extract --out DIR FILE_OR_DIR...
  sidenote extract --jsonl [--threads N] < IN.jsonl > OUT.jsonl
  sidenote export --out FILE.json [--notes W3C.json] ARTICLE.txt
  sidenote export --format brat|doccano|conll|csv --out FILE --notes W3C.json ARTICLE.txt
  sidenote export --jsonl [--threads N] < IN.jsonl > OUT.jsonl
  sidenote anchor NOTES.json ARTICLE.txt
  sidenote extract --typer FILE|off --out DIR FILE_OR_DIR...
  sidenote train-typer --corpus DIR --pages NAME,NAME,... --out FILE [--epochs N] [--bits N] [--margin N]
      [--allow FROM>TO,...|all] [--lopo]

--jsonl reads lines {\"id\": ..., \"text\": ...} or {\"id\": ..., \"html\": ..., \"url\": ...} on stdin and writes one
line per input line, in input order, on --threads workers (default: every core). A bad line gives
{\"id\": ..., \"error\": ...} and the stream goes on; the exit code is 1 if any line failed.
extract --out goes on past a file it cannot read (named on stderr); the exit code is 1 if any failed.
--typer runs the extractor with a typer weights file (or with the rules alone: off) instead of the shipped
one; train-typer (a development command) learns one from the gold of corpus pages NAME.txt + NAME.gold.json.
--format brat (FILE.txt + FILE.ann), doccano (JSONL), conll (BIO tokens) write the reviewed entities of
--notes (accepted, retagged, added; code-point offsets); csv writes the notes (RFC 4180, UTF-8 with BOM).
";

/// The outcome of a command: success, or a message for stderr.
type CommandResult = Result<(), String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => cmd_extract(&args[1..]),
        Some("export") => cmd_export(&args[1..]),
        Some("anchor") => cmd_anchor(&args[1..]),
        Some("train-typer") => train::cmd_train_typer(&args[1..]),
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
        } else if arg.starts_with("--") {
            // Such as `--threads` without `--jsonl`: better refused than looked for as a file.
            return Err(format!("unknown option {arg:?}\n{USAGE}"));
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

/// `--jsonl [--threads N]` when present in a command's arguments, which then must have no others.
fn jsonl_threads(args: &[String]) -> Result<Option<usize>, String> {
    if !args.iter().any(|a| a == "--jsonl") {
        return Ok(None);
    }
    let mut threads = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--jsonl" => {}
            "--threads" => {
                let value = iter.next().ok_or("--threads needs a number")?;
                match value.parse::<usize>() {
                    Ok(n) if n > 0 => threads = Some(n),
                    _ => return Err(format!("--threads needs a whole number above 0, not {value:?}")),
                }
            }
            other => return Err(format!("--jsonl reads stdin and writes stdout; unexpected argument {other:?}")),
        }
    }
    Ok(Some(threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))))
}

/// Runs a `--jsonl` stream from stdin to stdout.
fn cmd_jsonl(mode: Mode, threads: usize) -> CommandResult {
    if cfg!(panic = "abort") {
        // Built with the Wasm's release profile: a panic on one article would end the whole stream.
        eprintln!("sidenote: warning: built with panic = \"abort\"; build with `--profile native` so that a failing article cannot end the stream");
    }
    let mut output = std::io::stdout();
    let limits = stream::StreamLimits::for_threads(threads);
    let summary = stream::run(std::io::stdin().lock(), &mut output, limits, |line| jsonl::process_line(mode, line))
        .map_err(|e| format!("stream stopped: {e}"))?;
    if summary.failed > 0 {
        return Err(format!("{} of {} lines failed (each has an \"error\" line)", summary.failed, summary.lines));
    }
    Ok(())
}

fn cmd_extract(args: &[String]) -> CommandResult {
    if let Some(threads) = jsonl_threads(args)? {
        return cmd_jsonl(Mode::Extract, threads);
    }
    let (typer, args) = typer_option(args)?;
    let (out, inputs) = out_and_inputs(&args)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let files = article_files(&inputs)?;
    // One bad file (unreadable, binary, too large) or an extractor failure costs that file only: the batch
    // goes on, names it on stderr, and ends with an error that counts them, as `--jsonl` does per line.
    let mut failed = 0;
    for file in &files {
        let extract_one = || -> CommandResult {
            let (text, hints) = read_article(file)?;
            let found = match &typer {
                None => extract_with_hints(&text, &hints),
                Some(choice) => extract_with_typer(&text, &hints, choice.as_ref()),
            };
            let target = out.join(format!("{}.pred.json", stem(file)));
            let json = serde_json::to_string_pretty(&Prediction::new(&text, &found)).map_err(|e| e.to_string())?;
            std::fs::write(&target, json).map_err(|e| format!("{}: {e}", target.display()))
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(extract_one)).unwrap_or_else(|payload| {
            Err(format!("{}: internal error: {}", file.display(), stream::panic_message(payload.as_ref())))
        });
        if let Err(message) = outcome {
            eprintln!("sidenote: {message}");
            failed += 1;
        }
    }
    match failed {
        0 => Ok(()),
        _ => Err(format!("{failed} of {} files failed (each named above); the others were written", files.len())),
    }
}

/// `--typer FILE|off` taken out of the arguments: `None` when absent (the shipped typer, if any), else the
/// typer to use (`Some(None)`: the rules alone).
#[allow(clippy::type_complexity)]
fn typer_option(args: &[String]) -> Result<(Option<Option<Typer>>, Vec<String>), String> {
    let Some(at) = args.iter().position(|a| a == "--typer") else { return Ok((None, args.to_vec())) };
    let value = args.get(at + 1).ok_or("--typer needs a weights file or off")?;
    let typer = if value == "off" {
        None
    } else {
        let bytes = std::fs::read(value).map_err(|e| format!("{value}: {e}"))?;
        Some(Typer::from_bytes(&bytes).map_err(|e| format!("{value}: {e}"))?)
    };
    let rest = args.iter().enumerate().filter(|(i, _)| *i != at && *i != at + 1).map(|(_, a)| a.clone()).collect();
    Ok((Some(typer), rest))
}

/// Reads an article file as the app would: UTF-8 text, not binary, of a sane size; an `.html` file is
/// turned into the text a reader sees, with structure hints for body detection.
fn read_article(path: &Path) -> Result<(String, Vec<LineHint>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let is_html = matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "htm"));
    let accept = if is_html { sidenote_annotate::accept_page_bytes } else { sidenote_annotate::accept_file_bytes };
    let (text, encoding) = accept(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(encoding) = encoding {
        eprintln!("{}: not UTF-8, read as {}", path.display(), encoding.name());
    }
    Ok(if is_html { html_to_text(&text) } else { (text, Vec::new()) })
}

fn read_to_string(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn cmd_export(args: &[String]) -> CommandResult {
    if let Some(threads) = jsonl_threads(args)? {
        return cmd_jsonl(Mode::Export, threads);
    }
    let mut out = None;
    let mut notes = None;
    let mut article = None;
    let mut format = ExportFormat::W3c;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(iter.next().ok_or("--out needs a file")?)),
            "--notes" => notes = Some(PathBuf::from(iter.next().ok_or("--notes needs a file")?)),
            "--format" => format = ExportFormat::parse(iter.next().ok_or("--format needs a name")?)?,
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
    let extraction = extract_with_hints(&doc.text, &hints);
    let write =
        |path: &Path, contents: String| std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()));
    use sidenote_annotate::formats;
    match format {
        ExportFormat::W3c => {
            let file = sidenote_annotate::w3c::export(&doc, &extraction, &annotations);
            write(&out, sidenote_annotate::w3c::file_text(&file))
        }
        // brat reads the text and the standoff file side by side, with the same stem.
        ExportFormat::Brat => {
            let (txt, ann) = formats::brat::export(&doc, &extraction, &annotations);
            write(&out.with_extension("txt"), txt)?;
            write(&out.with_extension("ann"), ann)
        }
        ExportFormat::Doccano => write(&out, formats::doccano::export(&doc, &extraction, &annotations)),
        ExportFormat::Conll => write(&out, formats::conll::export(&doc, &extraction, &annotations)),
        ExportFormat::Csv => write(&out, formats::csv::export(&doc, &annotations)),
    }
}

/// What `export --format` writes. Every format but W3C carries reviewed entities only (accepted, retagged and
/// added ones, from `--notes`), or notes (CSV): machine suggestions nobody reviewed are not training data.
#[derive(Debug, Clone, Copy)]
enum ExportFormat {
    W3c,
    Brat,
    Doccano,
    Conll,
    Csv,
}

impl ExportFormat {
    fn parse(name: &str) -> Result<Self, String> {
        Ok(match name {
            "w3c" => ExportFormat::W3c,
            "brat" => ExportFormat::Brat,
            "doccano" => ExportFormat::Doccano,
            "conll" => ExportFormat::Conll,
            "csv" => ExportFormat::Csv,
            other => return Err(format!("--format is one of w3c, brat, doccano, conll, csv; not {other:?}")),
        })
    }
}

fn cmd_anchor(args: &[String]) -> CommandResult {
    let [notes, article] = args else {
        return Err(format!("anchor takes NOTES.json ARTICLE.txt\n{USAGE}"));
    };
    let (text, _) = read_article(Path::new(article))?;
    // As the app's import anchors them (one anchorer for the whole file, and the file's own text, when it
    // carries one, saying where its positions stand now).
    let anchored = sidenote_annotate::w3c::anchor_targets(&read_to_string(Path::new(notes))?, &text)
        .map_err(|e| format!("{notes}: {e}"))?;
    let index = OffsetIndex::new(&text);
    let mut out = String::new();
    for (id, found) in &anchored {
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
