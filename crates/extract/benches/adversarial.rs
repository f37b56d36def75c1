//! Adversarial inputs at 1 MB and 4 MB: the extractor and the HTML reader must stay linear on input built to
//! defeat them (one giant line, a million quote marks, 100k capitalised words in a row, recursion bait,
//! unclosed markup). Prints the time per case and size, and the 4 MB / 1 MB ratio (≈ 4 when linear, ≈ 16
//! when quadratic). A benchmark, not a test: nothing here asserts a time.
//!
//! Run with `cargo bench -p sidenote-extract --bench adversarial` (opt-level 3, see the root Cargo.toml).
//! `SIDENOTE_ADVERSARIAL_SIZES=1,4` sets the sizes in MB; `SIDENOTE_ADVERSARIAL_ONLY=html` picks cases by name.

use std::hint::black_box;
use std::time::Instant;

/// One adversarial case: a name, the repeated unit, and whether it is fed to the HTML reader first.
struct Case {
    name: &'static str,
    unit: &'static str,
    html: bool,
}

const CASES: &[Case] = &[
    Case { name: "prose (the sample)", unit: "", html: false },
    Case { name: "`President Abcde ` (title recursion)", unit: "President Abcde ", html: false },
    Case { name: "`Abcde of ` (connector recursion)", unit: "Abcde of ", html: false },
    Case { name: "100k+ capitalised words in a row", unit: "Abcde Fghij Klmno ", html: false },
    Case { name: "one giant line of prose words", unit: "the cat sat on a mat and said nothing ", html: false },
    Case { name: "a million quote marks", unit: "\"", html: false },
    Case { name: "curly quotes and apostrophes", unit: "“a ’b’ ‘c” won’t ", html: false },
    Case { name: "many `said` before a quote", unit: "Ann Lee said he said she said ", html: false },
    Case { name: "short quotes on one line", unit: "“One two three,” Ann Lee said. ", html: false },
    Case { name: "quoted titles", unit: "read “Abcde Fghij” and ‘Klmno of Pqrst’ then ", html: false },
    Case { name: "people who share surnames", unit: "Ann Lee met Bob Lee, and Lee left. ", html: false },
    Case { name: "many quoted paragraphs", unit: "“One two three four,” said Ann Lee.\n\n", html: false },
    Case {
        name: "labels, roles, nationalities, nested quotes",
        unit: "Q: “One two three?”\nA: “Four ‘five six seven’ eight,” the Brazilian replied. Coach: ‘Nine ten eleven’\nBrazilian Ann Lee of Abcde Radio, captain Abcde Fghij, said: “One two three,” the coach said. ",
        html: false,
    },
    Case {
        name: "agencies, kin, `they`, apposition, roles",
        unit: "ABCDE (Abcde) - Abcde Board said it would. “One two three,” it said. The brothers Ann Lee and Yaw Lee \
               ran. “One two three,” Yaw said. According to the harbour master, Abcde Fghij, “one two three.” \
               Council member Abcde Fghij disagreed. His daughter, Abcde, runs it. “One two three,” she said. The \
               Abcde Union rejected it. “One two three,” they said. Its drummer, Ann Lee, and Bob Lee, whose father, \
               Cid Lee, won. “One two three,” the drummer says. “Four five six,” his father said.\n",
        html: false,
    },
    Case {
        name: "dialogues, sentences pointing back, roles named later",
        unit: "“Why one two?” asked Ann Lee.\n“Three four five,” replied Bob Lee.\n“And six seven?”\n“Eight nine \
               ten.”\n“One two three.” That was how the coach, Ann Lee, put it. “Four five six.” So said Bob Lee. \
               “One two three,” a spokeswoman for Abcde Air said. The spokeswoman, Ann Lee, added it. In the \
               words of the founder, Bob Lee, it was “one two three”.\n",
        html: false,
    },
    Case { name: "joiners and marks", unit: "a‐b’c-d/E/F’s e\u{301}\u{200d}x U.S.A. ", html: false },
    Case { name: "opening brackets before names", unit: "((((((((((((((((((((Abcde ", html: false },
    Case {
        name: "soft hyphens and name particles",
        unit: "Abu\u{AD}bakar al-Abcde ibn Abcde-led By ABC: “",
        html: false,
    },
    Case {
        name: "organisations joined by `and`, `&`, `of`",
        unit: "Abcde Party and Abcde & Abcde Media Inc. Bank of Abcde (BOA) Radio Abcde and ",
        html: false,
    },
    Case {
        name: "keyword `of` names, teams, products in a run",
        unit: "Chamber of Abcde and Grupo Abcde of the Summit of the Abcde Pillars iAbcde 16 ",
        html: false,
    },
    Case {
        name: "leagues, clubs, products, `on` names, `+` in a run",
        unit: "Abcde beat Chelsea 3-1 League Abcde signed striker Strait of Abcde Convention on Abcde Rights Abcde+ \
               Pixel 9 phone Abcde Energy shares rose published in The Abcde Secretary-General Abcde ",
        html: false,
    },
    Case {
        name: "made things, events, counts, places in a run",
        unit: "the browser Abcde a drone dubbed Abcde a film called Abcde of Abcde Abcde Parade 58 TIMES FIVE TIMES \
               NY at the White House KVTN Boston Abcde jets Kenya News (3) Mexico City Policy ",
        html: false,
    },
    Case {
        name: "titles, particles, firms, towns in a run",
        unit: "Secretary General Alhaji Abcde binti Abcde Okafor & Sons in Savannah, Georgia SEE ALL founder of Abcde \
               Chen Abcde Abcde Abcde. Abcde said. Abcde, known as “The Abcde” ",
        html: false,
    },
    Case {
        name: "storms, models, credits, `told`, URLs in a run",
        unit: "Hurricane Abcde Tropical Storm Abcde Boeing 777 Abcde Abcde jets (Image: © NASA/ESA/A. Abcde/SWRI) told \
               Abcde Women's Abcde League University of Nairobi and Abcde Hospital https://t.co/aBcDe1fGh ",
        html: false,
    },
    Case { name: "one web address with no space", unit: "/aBcDe//fGhIj?k=lMn", html: false },
    Case {
        name: "officers, indices, finals, titles with `in` in a run",
        unit: "Abcde chief executive Abcde Abcde Carmaker Abcde Abcde Composite Abcde Finals the novel, A Abcde in \
               the Abcde of Abcde, stars in Abcde Abcde directed Abcde Inner Abcde AGM ",
        html: false,
    },
    Case { name: "dates everywhere", unit: "on Monday, Jan. 5, 2020 at 6:30 PM EST 1990s ", html: false },
    Case { name: "html: `<a ` without `>`", unit: "<a x", html: true },
    Case { name: "html: `&` without `;`", unit: "a & b &amp c ", html: true },
    Case { name: "html: `<script></script>`", unit: "<script></script>", html: true },
    Case { name: "html: unclosed `<div>` lines", unit: "<div>Abcde fghij.<br>", html: true },
    Case { name: "html: stray closing tags", unit: "<div></b></i></span>x", html: true },
    Case { name: "html: `<!` and `<!--` without an end", unit: "<!x <!--y ", html: true },
    Case { name: "html: `<` without a name", unit: "< << <<< a", html: true },
    Case { name: "html: `>` inside quoted attributes", unit: "<a x=\">\" y='>'>t ", html: true },
    Case { name: "html: quotes opened after `=`, closed far", unit: "<a x=\"<b y='c ", html: true },
    Case { name: "html: `=\"` in text, a `>` after", unit: "p=\"q <r s=\"> ", html: true },
    Case { name: "html: references (legacy, C1, long)", unit: "&eacute &notit; &#150; &#999999999 &amp;x ", html: true },
    Case { name: "html: unclosed `<button>` and `<select>`", unit: "<button>a <select>b ", html: true },
    Case { name: "html: `<br>` runs", unit: "<br><br>x<br> <br>", html: true },
    // The reader's hidden content: nested hidden elements never closed, hiding styles, table cells.
    Case { name: "html: unclosed hidden elements", unit: "<div hidden>Ab <p style=\"display:none\">cd ", html: true },
    Case { name: "html: hidden text outweighing shown", unit: "<span hidden>Abcde fghij klmno</span>x ", html: true },
    Case { name: "html: long style and attribute runs", unit: "<a style=\"color:red;display :block\" b c=d e ", html: true },
    Case { name: "html: table cells", unit: "<tr><td>Ab</td><td></td><th>cd</th>", html: true },
];

fn build(unit: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + unit.len());
    while text.len() < bytes {
        text.push_str(unit);
    }
    text
}

fn seconds_for(case: &Case, sample: &str, bytes: usize) -> (f64, usize) {
    let text = build(if case.unit.is_empty() { sample } else { case.unit }, bytes);
    let start = Instant::now();
    let found = if case.html {
        let (plain, hints) = sidenote_extract::html_to_text(black_box(&text));
        sidenote_extract::extract_with_hints(&plain, &hints).entities.len()
    } else {
        sidenote_extract::extract(black_box(&text)).entities.len()
    };
    (start.elapsed().as_secs_f64(), found)
}

fn main() {
    let sample = include_str!("../../../assets/rferl-lavrov-inf.txt");
    let sizes: Vec<usize> = std::env::var("SIDENOTE_ADVERSARIAL_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 4]);
    println!("{:<42} {}", "case", sizes.iter().map(|mb| format!("{mb:>6} MB")).collect::<Vec<_>>().join(" "));
    // `SIDENOTE_ADVERSARIAL_ONLY=html` runs only the cases whose name holds that text.
    let only = std::env::var("SIDENOTE_ADVERSARIAL_ONLY").unwrap_or_default();
    for case in CASES.iter().filter(|case| case.name.contains(only.as_str())) {
        let mut row = Vec::new();
        for &mb in &sizes {
            let (secs, _) = seconds_for(case, sample, mb * 1_000_000);
            row.push(secs);
        }
        let cells: Vec<String> = row.iter().map(|s| format!("{:>7.3} s", s)).collect();
        let ratio = match (row.first(), row.last(), sizes.first(), sizes.last()) {
            (Some(a), Some(b), Some(&sa), Some(&sb)) if sb > sa && *a > 0.0 => {
                format!("   ×{:.1} for ×{}", b / a, sb / sa)
            }
            _ => String::new(),
        };
        println!("{:<42} {}{}", case.name, cells.join(" "), ratio);
    }
}
