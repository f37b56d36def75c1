//! The command-line tool as a batch user runs it: export a W3C file, edit the article, re-anchor.

use std::process::Command;

fn sidenote(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sidenote")).args(args).output().expect("the sidenote binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn export_then_anchor_on_an_edited_copy_reports_each_annotation() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let article = dir.join("a.txt");
    let text = "🙂 Sergei Lavrov spoke in Moscow on November 8. Lavrov said “we are ready to talk,” officials said.";
    std::fs::write(&article, text).expect("write article");
    let file = dir.join("a.json");
    let (ok, _, err) =
        sidenote(&["export", "--out", file.to_str().expect("utf-8 path"), article.to_str().expect("utf-8 path")]);
    assert!(ok, "{err}");

    // The colleague's copy: a line added on top, "Moscow" changed.
    let edited = dir.join("b.txt");
    std::fs::write(&edited, format!("Updated.\n{}", text.replace("Moscow", "Kazan"))).expect("write copy");
    let (ok, out, err) =
        sidenote(&["anchor", file.to_str().expect("utf-8 path"), edited.to_str().expect("utf-8 path")]);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert!(lines.len() >= 5, "{out}");
    let chars: Vec<char> = std::fs::read_to_string(&edited).expect("read copy").chars().collect();
    for line in &lines {
        match line["status"].as_str() {
            Some("moved" | "exact" | "fuzzy") => {
                let (s, e) =
                    (line["start"].as_u64().expect("start") as usize, line["end"].as_u64().expect("end") as usize);
                assert!(s < e && e <= chars.len(), "{line}");
            }
            Some("orphan") => assert!(line["start"].is_null(), "{line}"),
            other => panic!("unexpected status {other:?}"),
        }
    }
    // "Moscow" is gone from the copy: its annotation is an orphan; "Sergei Lavrov" moved by one line.
    assert!(lines.iter().any(|l| l["status"] == "orphan"), "{out}");
    let moved: Vec<String> = lines
        .iter()
        .filter(|l| l["status"] == "moved")
        .map(|l| {
            let (s, e) = (l["start"].as_u64().expect("start") as usize, l["end"].as_u64().expect("end") as usize);
            chars[s..e].iter().collect()
        })
        .collect();
    assert!(moved.iter().any(|w| w == "Sergei Lavrov") && moved.iter().any(|w| w == "November 8"), "{moved:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// An annotation with two targets is anchored on both, the second under the id the app's import gives it (the
/// command read only the first target), a fragment id's too (it said `#note-2-target-2` for the app's
/// `note-2-target-2`).
#[test]
fn anchor_places_every_target_of_an_annotation() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-targets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (article, file) = (dir.join("a.txt"), dir.join("a.json"));
    std::fs::write(&article, "Ada Vance went to Oslo, then home.").expect("write article");
    let annotation = r##"[{"type": "Annotation", "id": "urn:x:1", "body": "both", "target": [
        {"selector": {"type": "TextQuoteSelector", "exact": "Oslo"}},
        {"selector": {"type": "TextQuoteSelector", "exact": "home"}}]},
        {"type": "Annotation", "id": "#note-2", "body": "who", "target": [
        {"selector": {"type": "TextQuoteSelector", "exact": "Ada"}},
        {"selector": {"type": "TextQuoteSelector", "exact": "Vance"}}]}]"##;
    std::fs::write(&file, annotation).expect("write file");
    let (ok, out, err) =
        sidenote(&["anchor", file.to_str().expect("utf-8 path"), article.to_str().expect("utf-8 path")]);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let found: Vec<(&str, u64, u64)> = lines
        .iter()
        .map(|l| (l["id"].as_str().unwrap_or(""), l["start"].as_u64().unwrap_or(0), l["end"].as_u64().unwrap_or(0)))
        .collect();
    assert_eq!(
        found,
        [("urn:x:1", 18, 22), ("urn:x:1-target-2", 29, 33), ("note-2", 0, 3), ("note-2-target-2", 4, 9)],
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_gets_a_clear_message() {
    let (ok, _, err) = sidenote(&["anchor", "/nonexistent.json", "/nonexistent.txt"]);
    assert!(!ok && err.contains("nonexistent"), "{err}");
    let (ok, _, err) = sidenote(&["frobnicate"]);
    assert!(!ok && err.contains("unknown command"), "{err}");
}

/// A batch goes on past a file it cannot read: the others are written, the bad one is named, the exit code
/// says that something failed and how much.
#[test]
fn a_batch_goes_on_past_a_bad_file() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-batch-{}", std::process::id()));
    let (articles, out) = (dir.join("in"), dir.join("out"));
    std::fs::create_dir_all(&articles).expect("temp dir");
    std::fs::write(articles.join("a-first.txt"), "Sergei Lavrov spoke in Moscow on Monday.").expect("write");
    // Not text: a PNG's signature and bytes that are not UTF-8.
    std::fs::write(articles.join("b-binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").expect("write");
    std::fs::write(articles.join("c-last.html"), "<p>Amara Okafor visited Lagos.</p>").expect("write");
    let (ok, _, err) =
        sidenote(&["extract", "--out", out.to_str().expect("utf-8 path"), articles.to_str().expect("utf-8 path")]);
    assert!(!ok, "a failed file fails the batch: {err}");
    assert!(err.contains("b-binary.txt") && err.contains("1 of 3 files failed"), "{err}");
    for written in ["a-first.pred.json", "c-last.pred.json"] {
        let json = std::fs::read_to_string(out.join(written)).expect("the good files are written");
        let prediction: serde_json::Value = serde_json::from_str(&json).expect("a prediction");
        assert!(prediction["entities"].as_array().is_some_and(|found| !found.is_empty()), "{written}: {json}");
    }
    assert!(!out.join("b-binary.pred.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Files in other encodings, as a batch meets them: Windows-1252 and UTF-16 are read and named as such on
/// stderr; 8-bit Cyrillic text and a page naming an encoding the tool does not read fail with a message,
/// never as wrong letters, and the batch goes on.
#[test]
fn files_in_other_encodings_are_read_or_refused_by_name() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-encodings-{}", std::process::id()));
    let (articles, out) = (dir.join("in"), dir.join("out"));
    std::fs::create_dir_all(&articles).expect("temp dir");
    std::fs::write(articles.join("a-latin.txt"), b"Fran\xe7ois Hollande visited S\xe3o Paulo on Monday.")
        .expect("write");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Angela Merkel spoke in Z\u{fc}rich.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(articles.join("b-utf16.txt"), utf16).expect("write");
    std::fs::write(articles.join("c-cyrillic.txt"), b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0").expect("write");
    std::fs::write(articles.join("d-koi8.html"), b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>")
        .expect("write");
    let (ok, _, err) =
        sidenote(&["extract", "--out", out.to_str().expect("utf-8 path"), articles.to_str().expect("utf-8 path")]);
    assert!(!ok, "{err}");
    assert!(err.contains("a-latin.txt: not UTF-8, read as Windows-1252"), "{err}");
    assert!(err.contains("b-utf16.txt: not UTF-8, read as UTF-16"), "{err}");
    assert!(err.contains("c-cyrillic.txt") && err.contains("d-koi8.html") && err.contains("koi8-r"), "{err}");
    assert!(err.contains("2 of 4 files failed"), "{err}");
    let latin = std::fs::read_to_string(out.join("a-latin.pred.json")).expect("written");
    assert!(latin.contains("François Hollande") && latin.contains("São Paulo"), "{latin}");
    assert!(out.join("b-utf16.pred.json").exists() && !out.join("c-cyrillic.pred.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `export --format` writes the formats NLP tools read: brat's two files side by side, and the notes as CSV.
#[test]
fn export_formats_write_brat_pairs_and_note_tables() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let article = dir.join("a.txt");
    let text = "Sergei Lavrov spoke in Moscow on November 8.";
    std::fs::write(&article, text).expect("write article");
    let notes = dir.join("notes.json");
    let note = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationCollectionPage", "items": [{
            "type": "Annotation",
            "motivation": "commenting",
            "body": {"type": "TextualBody", "value": "Check \"this\", please", "purpose": "commenting"},
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Sergei Lavrov"}}
        }]}
    });
    std::fs::write(&notes, note.to_string()).expect("write notes");
    let path = |p: &std::path::Path| p.to_str().expect("utf-8 path").to_string();

    let csv = dir.join("notes.csv");
    let (ok, _, err) =
        sidenote(&["export", "--format", "csv", "--notes", &path(&notes), "--out", &path(&csv), &path(&article)]);
    assert!(ok, "{err}");
    let table = std::fs::read_to_string(&csv).expect("csv written");
    assert!(table.starts_with('\u{feff}'), "UTF-8 with BOM");
    assert!(table.contains("\"Check \"\"this\"\", please\""), "RFC 4180 quoting: {table}");
    assert!(table.contains("\r\n"), "CRLF line ends");

    let brat = dir.join("a-brat.ann");
    let (ok, _, err) =
        sidenote(&["export", "--format", "brat", "--notes", &path(&notes), "--out", &path(&brat), &path(&article)]);
    assert!(ok, "{err}");
    assert_eq!(std::fs::read_to_string(dir.join("a-brat.txt")).expect("brat text written"), text);
    assert!(dir.join("a-brat.ann").is_file());

    let (ok, _, err) = sidenote(&["export", "--format", "xml", "--out", &path(&brat), &path(&article)]);
    assert!(!ok && err.contains("--format is one of"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `train-typer` learns from a page's gold and `extract --typer` applies what it learned; `--typer off` is the
/// rules alone; a damaged weights file is refused with a reason.
#[test]
fn train_typer_then_extract_with_it() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-typer-{}", std::process::id()));
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("temp dir");
    let text = "Sergei Lavrov spoke in Paris on Monday. Later Lavrov flew to Paris again, and Paris waited.";
    std::fs::write(corpus.join("made-up.txt"), text).expect("write page");
    // The made-up gold calls only the person a name: the typer is to learn that "Paris" is none here.
    let gold = r#"{"entities": [{"start": 0, "end": 13, "type": "PERSON", "text": "Sergei Lavrov"},
        {"start": 46, "end": 52, "type": "PERSON", "text": "Lavrov"}]}"#;
    std::fs::write(corpus.join("made-up.gold.json"), gold).expect("write gold");
    let path = |p: &std::path::Path| p.to_str().expect("utf-8 path").to_string();
    let weights = dir.join("typer.bin");
    let (ok, _, err) = sidenote(&[
        "train-typer",
        "--corpus",
        &path(&corpus),
        "--pages",
        "made-up",
        "--epochs",
        "20",
        "--out",
        &path(&weights),
    ]);
    assert!(ok, "{err}");
    assert!(err.contains("2 of 2 gold names"), "{err}");
    let places = |typer: &str| {
        let out = dir.join(format!("out-{typer}"));
        let (ok, _, err) = sidenote(&["extract", "--typer", typer, "--out", &path(&out), &path(&corpus)]);
        assert!(ok, "{err}");
        let pred: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("made-up.pred.json")).expect("a prediction file"))
                .expect("JSON");
        pred["entities"].as_array().expect("entities").iter().filter(|e| e["type"] == "PLACE").count()
    };
    assert_eq!(places("off"), 3);
    assert_eq!(places(&path(&weights)), 0);
    let damaged = dir.join("damaged.bin");
    std::fs::write(&damaged, b"SNTY\x02\x0c\x00\x00\x00\x00\x00\x00short").expect("write damaged");
    let (ok, _, err) = sidenote(&["extract", "--typer", &path(&damaged), "--out", &path(&dir), &path(&corpus)]);
    assert!(!ok && err.contains("expected"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `sidenote anchor` anchors a file as the app's import does: a file carrying its own text (`sidenote:text`)
/// says where its positions stand in an edited copy. A note on the second of two copies of a chorus, after a
/// paragraph added above, was reported on the first copy, where the app does not put it.
#[test]
fn anchor_follows_the_file_text_as_the_import_does() {
    let dir = std::env::temp_dir().join(format!("sidenote-cli-mapped-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (article, file) = (dir.join("a.txt"), dir.join("a.json"));
    let chorus = "And the lanterns swing above the quay, swinging while the boats come in.";
    let old = format!(
        "First verse: the nets were mended before dawn.\n\n{chorus}\n\n\
         Second verse: the harbour master counted every hull.\n\n{chorus}\n\n\
         Third verse: by night the quay was empty again."
    );
    let words = "swing above the quay";
    let second = old.rfind(words).expect("second copy");
    let (start, end) = (old[..second].chars().count(), old[..second].chars().count() + words.chars().count());
    let annotation = serde_json::json!({
        "type": "AnnotationCollection", "sidenote:text": old,
        "first": {"items": [{"type": "Annotation", "id": "n1", "body": "softer", "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": words, "prefix": &old[second - 18..second],
             "suffix": &old[second + words.len()..second + words.len() + 18]},
            {"type": "TextPositionSelector", "start": start, "end": end}]}}]}
    });
    let edited = format!("{}\n\n{old}", "A long introduction the editors added above the song. ".repeat(20));
    std::fs::write(&article, &edited).expect("write article");
    std::fs::write(&file, annotation.to_string()).expect("write file");
    let (ok, out, err) =
        sidenote(&["anchor", file.to_str().expect("utf-8 path"), article.to_str().expect("utf-8 path")]);
    assert!(ok, "{err}");
    let line: serde_json::Value = serde_json::from_str(out.lines().next().unwrap_or("")).expect("a JSON line");
    let expected = edited[..edited.rfind(words).expect("second copy")].chars().count();
    assert_eq!(line["start"].as_u64(), Some(expected as u64), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
