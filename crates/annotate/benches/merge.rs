//! Merging figures (printed, never asserted): two tabs' states of one document with N notes each (half shared,
//! a quarter of the shared ones edited in one tab, some deleted in the other), timing `stamp` (run after every
//! change in the app), `merge` and `brings_news` (run on every message from another tab), and `changes_since`
//! for one edit (the write-ahead journal's entry, made at every save), median of 15 runs.
//!
//! `cargo bench -p sidenote-annotate --bench merge`

use std::time::Instant;

use sidenote_annotate::merge::{brings_news, changes_since, merge, stamp};
use sidenote_annotate::model::{Annotations, Replica};
use sidenote_extract::Span;

const TEXT: &str = "Sergei Lavrov spoke in Moscow on Monday about the treaty with Washington and Paris.";

fn edited(before: &Annotations, edit: impl FnOnce(&mut Annotations)) -> Annotations {
    let mut after = before.clone();
    edit(&mut after);
    stamp(before, &mut after);
    after
}

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    println!("{:>6} notes per tab | stamp (one edit) | merge    | brings_news | changes_since (one edit)", "N");
    for n in [100usize, 1_000, 5_000, 20_000] {
        let mut shared = Annotations { replica: Replica::new("base"), ..Annotations::default() };
        for i in 0..n / 2 {
            shared.add_note(TEXT, Span::new(0, 13), format!("shared {i}"), vec!["tag".into()]);
        }
        let mut a = shared.clone();
        a.replica = Replica::new("taba");
        let mut b = shared.clone();
        b.replica = Replica::new("tabb");
        let ids: Vec<String> = shared.notes.iter().map(|note| note.id.clone()).collect();
        a = edited(&a, |s| {
            for i in 0..n / 2 {
                s.add_note(TEXT, Span::new(23, 29), format!("a {i}"), vec![]);
            }
            for id in ids.iter().step_by(4) {
                s.edit_note(id, "edited in a".into(), vec![]);
            }
        });
        b = edited(&b, |s| {
            for i in 0..n / 2 {
                s.add_note(TEXT, Span::new(33, 39), format!("b {i}"), vec![]);
            }
            for id in ids.iter().skip(1).step_by(8) {
                s.delete_note(id);
            }
        });
        let first = ids[0].clone();
        let stamp_ms = median_ms(|| {
            let _ = edited(&a, |s| {
                s.edit_note(&first, "once more".into(), vec![]);
            });
        });
        let merge_ms = median_ms(|| {
            let _ = merge(&a, &b);
        });
        let news_ms = median_ms(|| {
            let _ = brings_news(&a, &b);
        });
        let once_more = edited(&a, |s| {
            s.edit_note(&first, "once more".into(), vec![]);
        });
        let changes_ms = median_ms(|| {
            let _ = changes_since(&a, &once_more);
        });
        println!(
            "{n:>6}                | {stamp_ms:>10.2} ms    | {merge_ms:>5.2} ms | {news_ms:>8.2} ms | {changes_ms:>8.2} ms"
        );
    }
}
