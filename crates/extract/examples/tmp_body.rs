fn main() {
    for path in std::env::args().skip(1) {
        let html = std::fs::read_to_string(&path).unwrap();
        let (text, hints) = sidenote_extract::html_to_text(&html);
        let found = sidenote_extract::extract_with_hints(&text, &hints);
        println!("== {path}");
        let mut at = 0;
        for (line, hint) in text.split('\n').zip(hints.iter()) {
            let end = at + line.len();
            let body = found.body.iter().any(|s| s.start < end.max(at + 1) && s.end > at);
            println!("{} {:>4} {:?} {line}", if body { "B" } else { "." }, hint.tag, hint.in_chrome);
            at = end + 1;
        }
    }
}
