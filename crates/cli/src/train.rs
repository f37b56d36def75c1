//! `sidenote train-typer`: a dev-time command that trains the extractor's typer (`sidenote_extract::typer`) on
//! the gold of chosen corpus pages and writes the weights file. Nothing of the corpus goes into the file but
//! the averaged, quantised weights of hashed features.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::typer::{train, Example, TrainSettings};
use sidenote_extract::{typer_candidates, EntityKind};

use crate::prediction::char_span;
use crate::CommandResult;

/// What the command line asked for.
struct TrainArgs {
    corpus: PathBuf,
    pages: Vec<String>,
    out: PathBuf,
    settings: TrainSettings,
}

fn parse(args: &[String]) -> Result<TrainArgs, String> {
    let mut corpus = None;
    let mut pages = Vec::new();
    let mut out = None;
    let mut settings = TrainSettings::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(value()?)),
            "--pages" => pages = value()?.split(',').filter(|p| !p.is_empty()).map(str::to_string).collect(),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--epochs" => settings.epochs = number(arg, value()?)?,
            "--bits" => settings.bits = number(arg, value()?)?,
            "--margin" => settings.margin = number(arg, value()?)?,
            other => return Err(format!("train-typer: unexpected argument {other:?}")),
        }
    }
    let corpus = corpus.ok_or("train-typer needs --corpus DIR")?;
    let out = out.ok_or("train-typer needs --out FILE")?;
    if pages.is_empty() {
        return Err("train-typer needs --pages NAME,NAME,... (the pages whose gold it learns from)".into());
    }
    Ok(TrainArgs { corpus, pages, out, settings })
}

fn number<T: std::str::FromStr>(option: &str, value: &str) -> Result<T, String> {
    value.parse().map_err(|_| format!("{option} needs a number, not {value:?}"))
}

/// The gold entities of a page as (start, end) in code points → kind.
fn read_gold(path: &Path) -> Result<HashMap<(usize, usize), EntityKind>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let entities = json.get("entities").and_then(|e| e.as_array()).ok_or(format!("{}: no entities", path.display()))?;
    let mut gold = HashMap::new();
    for entity in entities {
        let field = |name: &str| entity.get(name).and_then(serde_json::Value::as_u64).map(|v| v as usize);
        let kind = entity.get("type").and_then(|t| t.as_str()).and_then(EntityKind::from_label);
        if let (Some(start), Some(end), Some(kind)) = (field("start"), field("end"), kind) {
            gold.insert((start, end), kind);
        }
    }
    Ok(gold)
}

/// The examples of one page: every candidate, labelled with the gold kind of the entity it spans exactly.
fn page_examples(corpus: &Path, page: &str) -> Result<Vec<Example>, String> {
    let text_path = corpus.join(format!("{page}.txt"));
    let text = std::fs::read_to_string(&text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
    let gold = read_gold(&corpus.join(format!("{page}.gold.json")))?;
    let index = OffsetIndex::new(&text);
    Ok(typer_candidates(&text, &[])
        .into_iter()
        .map(|(span, rule, features)| {
            let gold = gold.get(&char_span(&index, span)).copied().filter(|k| *k != EntityKind::Date);
            Example { features, rule, gold }
        })
        .collect())
}

pub fn cmd_train_typer(args: &[String]) -> CommandResult {
    let args = parse(args)?;
    let mut examples = Vec::new();
    for page in &args.pages {
        examples.extend(page_examples(&args.corpus, page)?);
    }
    let typer = train(&examples, args.settings);
    let agree = examples.iter().filter(|e| e.rule == e.gold).count();
    let model_agree = examples.iter().filter(|e| typer.decide(&e.features, e.rule) == e.gold).count();
    eprintln!(
        "train-typer: {} pages, {} candidates; on them the rules' kind is right for {agree}, with the typer {model_agree}",
        args.pages.len(),
        examples.len()
    );
    std::fs::write(&args.out, typer.to_bytes()).map_err(|e| format!("{}: {e}", args.out.display()))
}
