//! `sidenote train-typer`: a dev-time command that trains the extractor's typer (`sidenote_extract::typer`) on
//! the gold of chosen corpus pages and writes the weights file. Nothing of the corpus goes into the file but
//! the averaged, quantised weights of hashed features.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::typer::{train_pages, Changes, Example, TrainSettings};
use sidenote_extract::{typer_candidates, EntityKind};

use crate::prediction::char_span;
use crate::CommandResult;

/// What the command line asked for.
struct TrainArgs {
    corpus: PathBuf,
    pages: Vec<String>,
    out: Option<PathBuf>,
    settings: TrainSettings,
    /// Report leave-one-page-out changes per candidate instead of writing a file.
    lopo: bool,
}

fn parse(args: &[String]) -> Result<TrainArgs, String> {
    let mut corpus = None;
    let mut pages = Vec::new();
    let mut out = None;
    let mut settings = TrainSettings::default();
    let mut lopo = false;
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
            "--allow" => settings.allowed = Changes::parse(value()?)?,
            "--min-pages" => settings.min_pages = number(arg, value()?)?,
            "--lopo" => lopo = true,
            other => return Err(format!("train-typer: unexpected argument {other:?}")),
        }
    }
    let corpus = corpus.ok_or("train-typer needs --corpus DIR")?;
    if out.is_none() && !lopo {
        return Err("train-typer needs --out FILE (or --lopo)".into());
    }
    if pages.is_empty() {
        return Err("train-typer needs --pages NAME,NAME,... (the pages whose gold it learns from)".into());
    }
    Ok(TrainArgs { corpus, pages, out, settings, lopo })
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
fn page_examples(corpus: &Path, page: &str) -> Result<(Vec<Example>, usize), String> {
    let text_path = corpus.join(format!("{page}.txt"));
    let text = std::fs::read_to_string(&text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
    let gold = read_gold(&corpus.join(format!("{page}.gold.json")))?;
    let index = OffsetIndex::new(&text);
    let names = gold.values().filter(|k| **k != EntityKind::Date).count();
    let examples = typer_candidates(&text, &[])
        .into_iter()
        .map(|(span, rule, features)| {
            let gold = gold.get(&char_span(&index, span)).copied().filter(|k| *k != EntityKind::Date);
            Example { features, rule, gold }
        })
        .collect();
    Ok((examples, names))
}

/// Leave-one-page-out at the level of candidates: for each page, a typer trained on the others decides its
/// candidates; prints, for each change of kind the typer makes (rules' kind → typer's kind), how many
/// changes made a wrong candidate right and how many made a right one wrong. (The scorer's figures, after
/// linking, come from `scripts/lopo.sh`.)
fn report_lopo(pages: &[Vec<Example>], settings: TrainSettings) {
    let mut changes: std::collections::BTreeMap<(String, String), (usize, usize, usize)> = Default::default();
    for (held, page) in pages.iter().enumerate() {
        let others: Vec<Vec<Example>> =
            pages.iter().enumerate().filter(|(i, _)| *i != held).map(|(_, p)| p.clone()).collect();
        let typer = train_pages(&others, settings);
        for example in page {
            let decided = typer.decide(&example.features, example.rule);
            if decided != example.rule {
                let name = |k: Option<EntityKind>| k.map_or("none", EntityKind::label).to_string();
                let entry = changes.entry((name(example.rule), name(decided))).or_default();
                if decided == example.gold {
                    entry.0 += 1;
                } else if example.rule == example.gold {
                    entry.1 += 1;
                } else {
                    entry.2 += 1;
                }
            }
        }
    }
    println!("{:>8} -> {:8} {:>6} {:>6} {:>12}", "rules", "typer", "fixed", "broke", "still wrong");
    for ((from, to), (fixed, broke, wrong)) in changes {
        println!("{from:>8} -> {to:8} {fixed:>6} {broke:>6} {wrong:>12}");
    }
}

pub fn cmd_train_typer(args: &[String]) -> CommandResult {
    let args = parse(args)?;
    let read = args.pages.iter().map(|page| page_examples(&args.corpus, page)).collect::<Result<Vec<_>, _>>()?;
    let gold_names: usize = read.iter().map(|(_, names)| names).sum();
    let pages: Vec<Vec<Example>> = read.into_iter().map(|(examples, _)| examples).collect();
    let spanned = pages.iter().flatten().filter(|e| e.gold.is_some()).count();
    eprintln!("train-typer: {spanned} of {gold_names} gold names (dates aside) are exactly the span of a candidate");
    if args.lopo {
        report_lopo(&pages, args.settings);
        return Ok(());
    }
    let typer = train_pages(&pages, args.settings);
    let examples: Vec<Example> = pages.into_iter().flatten().collect();
    let agree = examples.iter().filter(|e| e.rule == e.gold).count();
    let model_agree = examples.iter().filter(|e| typer.decide(&e.features, e.rule) == e.gold).count();
    eprintln!(
        "train-typer: {} pages, {} candidates; on them the rules' kind is right for {agree}, with the typer {model_agree}",
        args.pages.len(),
        examples.len()
    );
    let out = args.out.ok_or("train-typer needs --out FILE")?;
    std::fs::write(&out, typer.to_bytes()).map_err(|e| format!("{}: {e}", out.display()))
}
