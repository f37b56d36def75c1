//! An ordered, parallel, bounded line pipeline: one reader, N workers, one writer.
//!
//! ```text
//! input ─► reader ──batches──► worker × N ──results──► writer (reorders by batch number) ─► output
//!            ▲                                              │
//!            └────────── in-flight budget (batches, bytes) ◄┘  released as each batch is written
//! ```
//!
//! Memory stays bounded however long the stream is: the reader may only run ahead of the writer by
//! [`StreamLimits::window_batches`] batches and [`StreamLimits::window_bytes`] bytes of input, a batch holds
//! at most [`StreamLimits::batch_lines`] lines, and one line may not exceed [`StreamLimits::max_line_bytes`].
//! The budget, not the channels, is what bounds the reorder buffer: without it one slow article would let
//! every other worker fill the writer's buffer unboundedly.
//!
//! Lines travel in batches so that the hand-offs between threads (a channel send, a wake-up) cost once per
//! batch rather than once per line. A batch only ever takes lines already read into the input buffer, and the
//! writer flushes whenever it has nothing more to write, so a line's answer never waits for later input:
//! a program can feed `sidenote --jsonl` one line at a time and read each answer before sending the next.
//!
//! Lines are raw bytes, never `String`: invalid UTF-8 on one line is that line's error, not the stream's.
//! A panic while processing a line is caught and becomes that line's error; the stream goes on.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError};
use std::sync::{Condvar, Mutex, PoisonError};

/// Consecutive lines handed to one worker: the batch's number (from 0), its lines, the budget it holds.
type Job = (u64, Vec<RawLine>, usize);
/// A processed batch: its number, one outcome per line, and the budget to release once it is written.
type Done = (u64, Vec<LineOutcome>, usize);

/// What processing one line produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOutcome {
    /// The output line, without its newline.
    pub output: String,
    /// Why the line failed, for the error report on stderr; `None` when it succeeded.
    pub error: Option<String>,
}

/// What became of one input line before any processing: its bytes, or the reason there are none.
#[derive(Debug)]
pub enum RawLine {
    Bytes(Vec<u8>),
    /// Longer than [`StreamLimits::max_line_bytes`]; its bytes were skipped, not kept.
    TooLong,
}

/// How far the pipeline may run ahead, in what portions, and how many workers it uses.
#[derive(Debug, Clone, Copy)]
pub struct StreamLimits {
    pub threads: usize,
    pub batch_lines: usize,
    pub batch_bytes: usize,
    pub window_batches: usize,
    pub window_bytes: usize,
    pub max_line_bytes: usize,
}

impl StreamLimits {
    /// Room for every worker to stay busy behind one slow batch, and still a few megabytes at most.
    pub fn for_threads(threads: usize) -> Self {
        let threads = threads.max(1);
        StreamLimits {
            threads,
            batch_lines: 64,
            batch_bytes: 256 << 10,
            window_batches: 4 * threads + 4,
            window_bytes: 64 << 20,
            // An article is at most 5 MB of text (sidenote_annotate::MAX_TEXT_BYTES); JSON escaping can make
            // its line longer, so the cap sits well above it.
            max_line_bytes: 32 << 20,
        }
    }
}

/// Lines read and lines that failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    pub lines: u64,
    pub failed: u64,
}

/// How many failed lines are described on stderr before only counting them, so that a stream of
/// millions of bad lines cannot flood the terminal.
const REPORTED_ERRORS: u64 = 10;

/// Reads `input` line by line, processes lines on `limits.threads` workers and writes one output line per
/// input line to `output`, in input order. `process` runs once per line and must not fail: a bad line gets
/// an error line.
pub fn run<R, W, P>(input: R, output: &mut W, limits: StreamLimits, process: P) -> io::Result<StreamSummary>
where
    R: Read,
    W: Write + Send,
    P: Fn(RawLine) -> LineOutcome + Sync,
{
    let budget = Budget::new(limits.window_batches, limits.window_bytes);
    let (job_tx, job_rx) = sync_channel::<Job>(limits.threads);
    let (result_tx, result_rx) = sync_channel::<Done>(limits.window_batches);
    // In an Option so that a worker which finds the writer gone can drop it, which unblocks a reader
    // waiting to send into a full channel.
    let job_rx = Mutex::new(Some(job_rx));
    std::thread::scope(|scope| {
        for _ in 0..limits.threads {
            let result_tx = result_tx.clone();
            let (job_rx, process) = (&job_rx, &process);
            scope.spawn(move || work(job_rx, result_tx, process));
        }
        drop(result_tx);
        let writer = scope.spawn(|| {
            let written = write_in_order(result_rx, output, &budget);
            // Whatever happened, the reader must not wait for room that will never be released.
            budget.close();
            written
        });
        let read = read_batches(BufReader::with_capacity(1 << 20, input), &limits, &budget, job_tx);
        let written = writer.join().unwrap_or_else(|_| Err(io::Error::other("the output thread panicked")));
        // A write error (a closed pipe) is why reading stopped, so it is the one to report.
        let summary = written?;
        read?;
        Ok(summary)
    })
}

/// Splits the input into lines, groups them in batches and hands those out; returns when the input ends
/// or the writer gave up.
fn read_batches<R: Read>(
    mut input: BufReader<R>,
    limits: &StreamLimits,
    budget: &Budget,
    jobs: SyncSender<Job>,
) -> io::Result<()> {
    let mut seq = 0u64;
    let mut batch = Vec::with_capacity(limits.batch_lines);
    let mut batch_bytes = 0;
    let mut send = |batch: &mut Vec<RawLine>, batch_bytes: &mut usize| {
        let lines = std::mem::replace(batch, Vec::with_capacity(limits.batch_lines));
        let bytes = std::mem::take(batch_bytes);
        let sent = budget.acquire(bytes) && jobs.send((seq, lines, bytes)).is_ok();
        seq += 1;
        sent
    };
    loop {
        // Reading on would wait for more input: hand out what is here first, so that its answers can go out.
        if !batch.is_empty() && input.buffer().is_empty() && !send(&mut batch, &mut batch_bytes) {
            return Ok(());
        }
        let Some(line) = read_line(&mut input, limits.max_line_bytes)? else { break };
        if let RawLine::Bytes(bytes) = &line {
            batch_bytes += bytes.len();
        }
        batch.push(line);
        let full = batch.len() >= limits.batch_lines || batch_bytes >= limits.batch_bytes;
        if full && !send(&mut batch, &mut batch_bytes) {
            return Ok(());
        }
    }
    if !batch.is_empty() {
        send(&mut batch, &mut batch_bytes);
    }
    Ok(())
}

/// The next line without its `\n`, or `None` at the end of the input.
fn read_line<R: Read>(input: &mut BufReader<R>, max_line_bytes: usize) -> io::Result<Option<RawLine>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(max_line_bytes).unwrap_or(u64::MAX).saturating_add(1);
    if Read::take(&mut *input, cap).read_until(b'\n', &mut bytes)? == 0 {
        return Ok(None);
    }
    if bytes.last() != Some(&b'\n') && bytes.len() > max_line_bytes {
        // Skip the rest of the line without keeping it: bounded memory even for a line of gigabytes.
        input.skip_until(b'\n')?;
        return Ok(Some(RawLine::TooLong));
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
    }
    Ok(Some(RawLine::Bytes(bytes)))
}

/// One worker: takes batches until the reader is done, processes each line with panics caught.
fn work<P>(jobs: &Mutex<Option<Receiver<Job>>>, results: SyncSender<Done>, process: &P)
where
    P: Fn(RawLine) -> LineOutcome + Sync,
{
    loop {
        // The lock is held only while waiting for the next batch, never while processing it.
        let job = match jobs.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
            Some(receiver) => receiver.recv(),
            None => return,
        };
        let Ok((seq, lines, bytes)) = job else { return };
        let outcomes = lines.into_iter().map(|line| process_caught(process, line)).collect();
        if results.send((seq, outcomes, bytes)).is_err() {
            // The writer has stopped: stop the reader too.
            jobs.lock().unwrap_or_else(PoisonError::into_inner).take();
            return;
        }
    }
}

fn process_caught<P: Fn(RawLine) -> LineOutcome>(process: &P, line: RawLine) -> LineOutcome {
    catch_unwind(AssertUnwindSafe(|| process(line))).unwrap_or_else(|payload| {
        let message = format!("internal error: {}", panic_message(payload.as_ref()));
        LineOutcome { output: error_line(&serde_json::Value::Null, &message), error: Some(message) }
    })
}

/// Writes outcomes in line order, holding early batches back; releases each batch's budget once written,
/// and flushes whenever nothing more is ready, so that answers do not wait in a buffer for later lines.
fn write_in_order<W: Write>(results: Receiver<Done>, output: &mut W, budget: &Budget) -> io::Result<StreamSummary> {
    let mut output = io::BufWriter::with_capacity(1 << 20, output);
    let mut waiting: BTreeMap<u64, (Vec<LineOutcome>, usize)> = BTreeMap::new();
    let mut next_batch = 0u64;
    let mut summary = StreamSummary::default();
    loop {
        let (seq, outcomes, bytes) = match results.try_recv() {
            Ok(done) => done,
            Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {
                output.flush()?;
                match results.recv() {
                    Ok(done) => done,
                    Err(_) => break,
                }
            }
        };
        waiting.insert(seq, (outcomes, bytes));
        while let Some((outcomes, bytes)) = waiting.remove(&next_batch) {
            for outcome in outcomes {
                output.write_all(outcome.output.as_bytes())?;
                output.write_all(b"\n")?;
                summary.lines += 1;
                if let Some(error) = outcome.error {
                    summary.failed += 1;
                    if summary.failed <= REPORTED_ERRORS {
                        eprintln!("sidenote: line {}: {error}", summary.lines);
                    }
                }
            }
            next_batch += 1;
            budget.release(bytes);
        }
    }
    output.flush()?;
    Ok(summary)
}

/// The error line for an input line: its id when known (else `null`) and the message.
pub fn error_line(id: &serde_json::Value, message: &str) -> String {
    serde_json::json!({"id": id, "error": message}).to_string()
}

pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// Batches and bytes read but not yet written, with a ceiling on each.
struct Budget {
    state: Mutex<BudgetState>,
    room: Condvar,
    max_batches: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct BudgetState {
    batches: usize,
    bytes: usize,
    closed: bool,
}

impl Budget {
    fn new(max_batches: usize, max_bytes: usize) -> Self {
        Budget { state: Mutex::new(BudgetState::default()), room: Condvar::new(), max_batches, max_bytes }
    }

    /// Waits until a batch of `bytes` fits; `false` once the writer has stopped. A batch larger than the
    /// byte window still goes through when nothing else is in flight, so that no line waits forever.
    fn acquire(&self, bytes: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if state.closed {
                return false;
            }
            let fits = state.batches < self.max_batches && state.bytes + bytes <= self.max_bytes;
            if fits || state.batches == 0 {
                state.batches += 1;
                state.bytes += bytes;
                return true;
            }
            state = self.room.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn release(&self, bytes: usize) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.batches = state.batches.saturating_sub(1);
        state.bytes = state.bytes.saturating_sub(bytes);
        // Only the reader ever waits.
        self.room.notify_one();
    }

    fn close(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).closed = true;
        self.room.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn echo(line: RawLine) -> LineOutcome {
        match line {
            RawLine::Bytes(bytes) if bytes == b"boom" => panic!("boom on purpose"),
            RawLine::Bytes(bytes) => LineOutcome { output: String::from_utf8_lossy(&bytes).into_owned(), error: None },
            RawLine::TooLong => LineOutcome { output: "too long".into(), error: Some("too long".into()) },
        }
    }

    fn run_on(input: &[u8], limits: StreamLimits) -> (String, StreamSummary) {
        let mut out = Vec::new();
        let summary = run(input, &mut out, limits, echo).expect("in-memory streams do not fail");
        (String::from_utf8(out).expect("echoed UTF-8"), summary)
    }

    #[test]
    fn order_is_kept_when_later_lines_finish_first() {
        // Early lines sleep longest, so with eight workers they finish last.
        let input: String = (0..200).map(|n| format!("{n}\n")).collect();
        let slow_first = |line: RawLine| {
            let RawLine::Bytes(bytes) = line else { unreachable!("short lines") };
            let n: u64 = String::from_utf8_lossy(&bytes).parse().unwrap_or(0);
            std::thread::sleep(std::time::Duration::from_micros(200u64.saturating_sub(n) * 20));
            LineOutcome { output: String::from_utf8_lossy(&bytes).into_owned(), error: None }
        };
        let mut out = Vec::new();
        let limits = StreamLimits { batch_lines: 3, ..StreamLimits::for_threads(8) };
        let summary = run(input.as_bytes(), &mut out, limits, slow_first).expect("runs");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), input);
        assert_eq!(summary, StreamSummary { lines: 200, failed: 0 });
    }

    #[test]
    fn a_panic_becomes_an_error_line_and_the_stream_goes_on() {
        let (out, summary) = run_on(b"a\nboom\nc", StreamLimits::for_threads(2));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert_eq!((lines[0], lines[2]), ("a", "c"));
        let error: serde_json::Value = serde_json::from_str(lines[1]).expect("an error line is JSON");
        assert!(error["id"].is_null() && error["error"].as_str().is_some_and(|e| e.contains("boom on purpose")));
        assert_eq!(summary, StreamSummary { lines: 3, failed: 1 });
    }

    #[test]
    fn an_overlong_line_is_skipped_without_being_kept_and_the_next_one_is_read() {
        let limits = StreamLimits { max_line_bytes: 8, ..StreamLimits::for_threads(1) };
        let (out, summary) = run_on(b"short\n0123456789abcdef\nnext\nlast-is-long-too", limits);
        assert_eq!(out, "short\ntoo long\nnext\ntoo long\n");
        assert_eq!(summary, StreamSummary { lines: 4, failed: 2 });
    }

    #[test]
    fn empty_input_gives_empty_output_and_crlf_and_unterminated_lines_count_once() {
        assert_eq!(run_on(b"", StreamLimits::for_threads(2)), (String::new(), StreamSummary::default()));
        let (out, summary) = run_on(b"x\ny", StreamLimits::for_threads(2));
        assert_eq!((out.as_str(), summary.lines), ("x\ny\n", 2));
    }

    #[test]
    fn the_reader_never_runs_further_ahead_of_the_writer_than_the_window() {
        // The first line is slow and nothing can be written before it, so every line started meanwhile was
        // let in by the window alone: 3 batches of 4 lines.
        let started = AtomicUsize::new(0);
        let started_behind_the_slow_line = AtomicUsize::new(0);
        let limits = StreamLimits { window_batches: 3, batch_lines: 4, ..StreamLimits::for_threads(4) };
        let input: String = (0..500).map(|n| format!("{n}\n")).collect();
        let process = |line: RawLine| {
            started.fetch_add(1, Ordering::SeqCst);
            let RawLine::Bytes(bytes) = line else { unreachable!("short lines") };
            if bytes == b"0" {
                std::thread::sleep(std::time::Duration::from_millis(100));
                started_behind_the_slow_line.store(started.load(Ordering::SeqCst), Ordering::SeqCst);
            }
            LineOutcome { output: String::from_utf8_lossy(&bytes).into_owned(), error: None }
        };
        let mut out = Vec::new();
        let summary = run(input.as_bytes(), &mut out, limits, process).expect("runs");
        assert_eq!((summary.lines, String::from_utf8(out).expect("UTF-8")), (500, input));
        let behind = started_behind_the_slow_line.load(Ordering::SeqCst);
        assert!((2..=12).contains(&behind), "{behind} lines started while line 1 was unwritten; window 12");
    }

    #[test]
    fn the_budget_blocks_the_reader_until_a_line_is_written() {
        let budget = Budget::new(2, 100);
        assert!(budget.acquire(10) && budget.acquire(10));
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| budget.acquire(10));
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert!(!waiter.is_finished(), "a third line got in past a window of two");
            budget.release(10);
            assert!(waiter.join().expect("no panic"));
        });
        // Bytes too: a line that would overflow the byte window waits unless nothing is in flight.
        let budget = Budget::new(10, 100);
        assert!(budget.acquire(1000), "a lone oversize line must still pass");
        budget.release(1000);
        assert!(budget.acquire(60));
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| budget.acquire(60));
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert!(!waiter.is_finished(), "120 bytes in flight past a window of 100");
            budget.close();
            assert!(!waiter.join().expect("no panic"), "a closed budget releases waiters with false");
        });
    }

    #[test]
    fn a_failing_output_stops_the_stream_with_its_error() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        // Endless input: only the writer's failure can end this run. Long output lines fill the writer's
        // buffer after a few lines, so the failure comes quickly.
        let endless = io::repeat(b'\n');
        let long_lines = |_: RawLine| LineOutcome { output: "x".repeat(100_000), error: None };
        let error = run(endless, &mut Closed, StreamLimits::for_threads(2), long_lines).expect_err("output failed");
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    }
}
