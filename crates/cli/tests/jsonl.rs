//! `sidenote extract --jsonl` and `sidenote export --jsonl` as a pipeline runs them: bytes in on stdin, one
//! line out per line in, in order, whatever the threads and whatever is wrong with some lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../../assets/rferl-lavrov-inf.txt");

struct Run {
    success: bool,
    lines: Vec<Value>,
    stderr: String,
}

fn sidenote_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sidenote binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Written from another thread: the output pipe must be drained while the input is still going in.
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().expect("the sidenote binary runs");
    feeder.join().expect("the feeder does not panic").expect("stdin takes the input");
    let stdout = String::from_utf8(out.stdout).expect("the output is UTF-8");
    assert!(stdout.is_empty() || stdout.ends_with('\n'), "the last line is terminated");
    Run {
        success: out.status.success(),
        lines: stdout.lines().map(|l| serde_json::from_str(l).expect("every output line is JSON")).collect(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Articles that differ from each other: the sample cut at different places, with a varying head line.
fn articles(count: usize) -> Vec<String> {
    let paragraphs: Vec<&str> = SAMPLE.split("\n\n").collect();
    (0..count)
        .map(|n| {
            let keep = 1 + n % paragraphs.len();
            format!("Report {n} from Kazan 🙂\n\n{}", paragraphs[..keep].join("\n\n"))
        })
        .collect()
}

fn jsonl(records: &[Value]) -> Vec<u8> {
    records.iter().map(|r| format!("{r}\n")).collect::<String>().into_bytes()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sidenote-jsonl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn without_id(mut line: Value) -> Value {
    if let Some(fields) = line.as_object_mut() {
        fields.remove("id");
    }
    line
}

#[test]
fn order_is_kept_on_many_threads_and_results_match_one_thread() {
    let records: Vec<Value> =
        articles(300).iter().enumerate().map(|(n, text)| json!({"id": format!("a{n}"), "text": text})).collect();
    let input = jsonl(&records);
    let many = sidenote_with_stdin(&["extract", "--jsonl", "--threads", "8"], &input);
    assert!(many.success, "{}", many.stderr);
    let ids: Vec<&Value> = many.lines.iter().map(|l| &l["id"]).collect();
    let expected: Vec<&Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids, expected);
    let one = sidenote_with_stdin(&["extract", "--jsonl", "--threads", "1"], &input);
    assert!(one.success, "{}", one.stderr);
    assert_eq!(one.lines, many.lines);
    assert!(many.lines.iter().all(|l| l["entities"].as_array().is_some_and(|e| !e.is_empty())));
}

#[test]
fn lines_equal_what_the_per_file_command_writes() {
    let dir = temp_dir("extract");
    let html = "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Lavrov speaks</h1>\
        <p>Sergei Lavrov said on Friday that “nothing has changed,” in Moscow.</p></article></body></html>";
    let mut records = Vec::new();
    for (n, text) in articles(6).iter().enumerate() {
        std::fs::write(dir.join(format!("t{n}.txt")), text).expect("write article");
        records.push(json!({"id": format!("t{n}"), "text": text}));
    }
    std::fs::write(dir.join("h.html"), html).expect("write article");
    records.push(json!({"id": "h", "html": html, "url": "https://example.org/h"}));
    let out = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
        .args(["extract", "--out", out.to_str().expect("utf-8 path"), dir.to_str().expect("utf-8 path")])
        .status()
        .expect("the sidenote binary runs");
    assert!(status.success());
    let run = sidenote_with_stdin(&["extract", "--jsonl", "--threads", "3"], &jsonl(&records));
    assert!(run.success, "{}", run.stderr);
    assert_eq!(run.lines.len(), records.len());
    for (line, record) in run.lines.into_iter().zip(&records) {
        let id = record["id"].as_str().expect("string ids");
        assert_eq!(line["id"], id);
        let file = std::fs::read_to_string(out.join(format!("{id}.pred.json"))).expect("a pred.json per article");
        let file: Value = serde_json::from_str(&file).expect("pred.json is JSON");
        assert_eq!(without_id(line), file, "{id}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn export_lines_equal_the_per_file_export_and_import_back() {
    let dir = temp_dir("export");
    let texts = articles(3);
    let records: Vec<Value> =
        texts.iter().enumerate().map(|(n, text)| json!({"id": format!("e{n}"), "text": text})).collect();
    let run = sidenote_with_stdin(&["export", "--jsonl"], &jsonl(&records));
    assert!(run.success, "{}", run.stderr);
    assert_eq!(run.lines.len(), 3);
    for (n, (line, text)) in run.lines.into_iter().zip(&texts).enumerate() {
        assert_eq!(line["id"], format!("e{n}"));
        let article = dir.join(format!("e{n}.txt"));
        std::fs::write(&article, text).expect("write article");
        let file = dir.join(format!("e{n}.json"));
        let status = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(["export", "--out", file.to_str().expect("utf-8 path"), article.to_str().expect("utf-8 path")])
            .status()
            .expect("the sidenote binary runs");
        assert!(status.success());
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
        let line = without_id(line);
        assert_eq!(line, file, "e{n}");
        // What the app's import reads: the same text and every suggestion.
        let imported = sidenote_annotate::w3c::parse(&line.to_string()).expect("a line imports");
        assert_eq!(imported.text.as_deref(), Some(text.as_str()));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_lines_give_error_lines_the_stream_goes_on_and_the_exit_code_says_so() {
    let good = |id: &str| json!({"id": id, "text": "Sergei Lavrov spoke in Moscow on Friday."}).to_string();
    let mut input = Vec::new();
    for line in [
        good("first"),
        "this is not JSON".to_string(),
        json!({"id": "no-text"}).to_string(),
        json!({"id": 42, "text": ""}).to_string(),
        good("middle"),
    ] {
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
    }
    // Invalid UTF-8 inside the text of a line that is otherwise a record.
    input.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"Caf\xe9 in Moscow\"}\n");
    input.extend_from_slice(good("last").as_bytes());
    for command in ["extract", "export"] {
        let run = sidenote_with_stdin(&[command, "--jsonl", "--threads", "2"], &input);
        assert!(!run.success, "{command}: a failed line must fail the exit code");
        let ids: Vec<Value> = run.lines.iter().map(|l| l["id"].clone()).collect();
        let expected =
            [json!("first"), json!(null), json!("no-text"), json!(42), json!("middle"), json!("latin1"), json!("last")];
        assert_eq!(ids, expected, "{command}");
        let failed: Vec<bool> = run.lines.iter().map(|l| l.get("error").is_some()).collect();
        assert_eq!(failed, [false, true, true, true, false, true, false], "{command}");
        assert!(run.lines[5]["error"].as_str().is_some_and(|e| e.contains("invalid UTF-8")), "{command}");
        assert!(run.stderr.contains("4 of 7 lines failed"), "{command}: {}", run.stderr);
        assert!(run.stderr.contains("line 2:"), "stderr names the failing line: {}", run.stderr);
    }
}

#[test]
fn empty_input_gives_empty_output_and_success() {
    for command in ["extract", "export"] {
        let run = sidenote_with_stdin(&[command, "--jsonl"], b"");
        assert!(run.success && run.lines.is_empty(), "{command}: {}", run.stderr);
    }
}

#[test]
fn the_last_line_needs_no_newline_and_crlf_line_ends_are_read() {
    let input = b"{\"id\": 1, \"text\": \"Sergei Lavrov spoke.\"}\r\n{\"id\": 2, \"text\": \"Lavrov spoke again.\"}";
    let run = sidenote_with_stdin(&["extract", "--jsonl"], input);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(run.lines.iter().map(|l| l["id"].clone()).collect::<Vec<_>>(), [json!(1), json!(2)]);
}

#[test]
fn wrong_arguments_are_refused_with_a_message() {
    for args in [
        &["extract", "--jsonl", "--threads", "0"][..],
        &["extract", "--jsonl", "--threads"],
        &["extract", "--jsonl", "some.txt"],
        &["export", "--jsonl", "--out", "x.json"],
        &["extract", "--threads", "2", "--out", "/tmp/never-written", "a.txt"],
    ] {
        let run = sidenote_with_stdin(args, b"");
        assert!(!run.success && run.stderr.contains("sidenote:"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn stderr_names_the_first_ten_failures_then_only_counts() {
    let input = "not json\n".repeat(25);
    let run = sidenote_with_stdin(&["extract", "--jsonl", "--threads", "2"], input.as_bytes());
    assert!(!run.success && run.lines.len() == 25);
    let named: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("sidenote: line ")).collect();
    assert_eq!(named.len(), 10, "{}", run.stderr);
    assert!(named[0].starts_with("sidenote: line 1:") && named[9].starts_with("sidenote: line 10:"), "{named:?}");
    assert!(run.stderr.contains("25 of 25 lines failed"), "{}", run.stderr);
}

#[test]
fn each_answer_comes_out_before_the_next_line_goes_in() {
    use std::io::{BufRead, BufReader};
    // A program that uses sidenote as a co-process: one line in, wait for its answer, the next line in.
    // If answers waited in a buffer for more input, this would block; the channel turns that into a failure.
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sidenote"))
            .args(["extract", "--jsonl", "--threads", "2"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the sidenote binary starts");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut ids = Vec::new();
        for n in 0..5 {
            writeln!(stdin, "{}", json!({"id": n, "text": "Sergei Lavrov spoke in Moscow."})).expect("write a line");
            stdin.flush().expect("flush");
            let mut answer = String::new();
            stdout.read_line(&mut answer).expect("read an answer");
            let answer: Value = serde_json::from_str(&answer).expect("an answer is JSON");
            ids.push(answer["id"].clone());
        }
        drop(stdin);
        let status = child.wait().expect("sidenote ends when its input does");
        let _ = done_tx.send((ids, status.success()));
    });
    let (ids, success) =
        done_rx.recv_timeout(std::time::Duration::from_secs(120)).expect("an answer waited for later input");
    assert_eq!(ids, (0..5).map(|n| json!(n)).collect::<Vec<_>>());
    assert!(success);
}
