//! The word lists' bytes as the binary stores them: Huffman-coded with one static code per context, decoded
//! once, at the first lookup (`lexicon`; `build.rs` encodes them with this same module and checks the decoding).
//!
//! Gzip leaves the front-coded lists at 4.6 bits per byte, because what predicts a letter of a name is too
//! short for its repeated strings. Here a byte is coded in its context: after a marker byte (where an entry
//! begins after the prefix it shares with the one before), the byte of the entry before at that place, which the
//! new byte sorts after; elsewhere, the byte before. With a Huffman code of each context's own byte counts that is
//! 4.0 bits per byte, and the codes' lengths cost 2.9 KB of gzipped table (`pack` writes it, `Code::read` reads
//! it).
//!
//! Decoding is what the first extraction waits for, and it starts in the Wasm engine's quickly compiled,
//! unoptimised code, so it is kept to few steps: a byte is one look-up in its context's table of bit strings
//! (`Code`), in short calls that optimised code can take over (`unpack`). All lists decode in 1.1 to 1.3 ms more at the
//! Wasm extractor's first extraction, unoptimised or not (see ARCHITECTURE.md, "Download size"). An adaptive
//! arithmetic coder of the same contexts (branch `h7-size6-packed`) coded the lists 3 KB shorter, without a table,
//! but its five predictions, multiplications and updates per byte took 4.7 to 5.6 ms.

/// Bytes below this are markers (`lexicon::List`): a marker begins an entry and says how many bytes it
/// shares with the entry before.
const MARKER_END: u8 = 32;
/// Contexts: the byte before (32..256), or 256 + the byte of the entry before at this place after a marker.
const CONTEXTS: usize = 512;
/// In the table, a distance between contexts that says only to move on by one less than this.
const SKIP: u8 = 255;
/// The longest code: `pack` flattens a context's counts until its codes fit. Each context's decoding table has
/// `1 << ` its longest code's length entries: 74,000 for all, built in well under a millisecond, and a limit of 12
/// bits costs the lists 2 bytes.
const MAX_BITS: usize = 12;

/// Follows the entries being coded to give each byte its context.
struct Contexts {
    /// The entry being read, as far as it goes (its first `ENTRY` bytes); until the next entry's marker has cut
    /// it to the prefix they share, it is the entry before. An array rather than a `Vec`: this runs for every
    /// byte of the lists, at first in unoptimised code.
    entry: [u8; ENTRY],
    /// How many bytes of `entry` are the entry's.
    len: usize,
    /// The context of the next byte.
    context: usize,
}

/// The bytes of an entry that give contexts (every entry is shorter; a longer one's further bytes would be
/// coded in contexts as good, only not the same, in the encoder and the decoder alike).
const ENTRY: usize = 256;

impl Contexts {
    fn new() -> Self {
        // The stream begins as if after a marker, with no entry before.
        Contexts { entry: [0; ENTRY], len: 0, context: 256 }
    }

    /// Learns the byte just coded: the context of the next.
    #[inline(always)]
    fn next(&mut self, byte: u8) {
        self.context = if byte < MARKER_END {
            // The entry before is still in `entry`: its byte where the new entry's own bytes begin.
            let shared = usize::from(byte);
            let above = if shared < self.len { self.entry.get(shared).copied().unwrap_or(0) } else { 0 };
            self.len = self.len.min(shared);
            256 + usize::from(above)
        } else {
            if let Some(slot) = self.entry.get_mut(self.len) {
                *slot = byte;
                self.len += 1;
            }
            usize::from(byte)
        };
    }
}

/// The code lengths of a Huffman code of `counts` (bytes counted 0 get none), at most `MAX_BITS` long.
// Only `build.rs` and the tests encode: the library decodes.
#[cfg_attr(not(test), allow(dead_code))]
fn code_lengths(counts: &[u64; 256]) -> [u8; 256] {
    let mut weights = *counts;
    loop {
        let lengths = huffman_lengths(&weights);
        if lengths.iter().all(|&l| usize::from(l) <= MAX_BITS) {
            return lengths;
        }
        // Too deep: halving the counts (a present byte keeps at least 1) evens the tree out.
        for weight in weights.iter_mut().filter(|w| **w > 0) {
            *weight = (*weight / 2).max(1);
        }
    }
}

/// Huffman code lengths without a limit; a lone byte gets a 1-bit code.
#[cfg_attr(not(test), allow(dead_code))]
fn huffman_lengths(counts: &[u64; 256]) -> [u8; 256] {
    let mut lengths = [0u8; 256];
    // (weight, first made, the bytes below): the lightest two joined until one is left; ties go by which was made
    // first, so the code is the same on every machine.
    let mut pending: Vec<(u64, usize, Vec<u8>)> = (0..=255u8)
        .filter(|&b| counts[usize::from(b)] > 0)
        .map(|b| (counts[usize::from(b)], usize::from(b), vec![b]))
        .collect();
    if pending.len() == 1 {
        lengths[usize::from(pending[0].2[0])] = 1;
    }
    let mut made = 256;
    while pending.len() > 1 {
        pending.sort_unstable_by_key(|p| std::cmp::Reverse((p.0, p.1)));
        let (Some((wa, _, mut a)), Some((wb, _, b))) = (pending.pop(), pending.pop()) else { break };
        a.extend(b);
        for &byte in &a {
            lengths[usize::from(byte)] += 1;
        }
        pending.push((wa + wb, made, a));
        made += 1;
    }
    lengths
}

/// Huffman-codes `data`, one code per context: returns the table of the codes (for `Code::read`) and the
/// code, bits from the highest of each byte.
///
/// The table, per context that occurs, in order: the context's distance from the one before (from -1, one byte,
/// after a `SKIP` per 254 more),
/// its longest code's length, how many codes it has of each length from 1, then its bytes in canonical order
/// (by length, then value), each length's bytes as differences from the one before (from 0), since gzip then
/// finds more of them alike.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn pack(data: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let mut counts = vec![[0u64; 256]; CONTEXTS];
    let mut contexts = Contexts::new();
    for &byte in data {
        counts[contexts.context][usize::from(byte)] += 1;
        contexts.next(byte);
    }
    let mut table = Vec::new();
    // Per context, each byte's code and length.
    let mut codes = vec![[(0u32, 0u8); 256]; CONTEXTS];
    let mut previous: isize = -1;
    for (context, counts) in counts.iter().enumerate().filter(|(_, c)| c.iter().any(|&n| n > 0)) {
        let lengths = code_lengths(counts);
        let longest = lengths.iter().copied().max().unwrap_or(0);
        // A distance of `SKIP` or more is written as `SKIP`s first, each moving on by `SKIP - 1`, so that what is
        // left is never 0 (which ends the table): a distance of exactly 255 once made the decoder stop there.
        let mut distance = (context as isize - previous) as usize;
        previous = context as isize;
        while distance >= usize::from(SKIP) {
            table.push(SKIP);
            distance -= usize::from(SKIP) - 1;
        }
        table.push(distance as u8);
        table.push(longest);
        let by_length: Vec<Vec<u8>> =
            (1..=longest).map(|length| (0..=255u8).filter(|&b| lengths[usize::from(b)] == length).collect()).collect();
        for bytes in &by_length {
            assert!(bytes.len() < 256, "256 codes of one length");
            table.push(bytes.len() as u8);
        }
        let mut code = 0u32;
        for (bytes, length) in by_length.into_iter().zip(1..) {
            let mut before = 0;
            for byte in bytes {
                table.push(byte - before);
                before = byte;
                codes[context][usize::from(byte)] = (code, length);
                code += 1;
            }
            code <<= 1;
        }
    }
    let mut out = Vec::new();
    let (mut pending, mut pending_bits) = (0u64, 0u32);
    let mut contexts = Contexts::new();
    for &byte in data {
        let (code, length) = codes[contexts.context][usize::from(byte)];
        pending = (pending << length) | u64::from(code);
        pending_bits += u32::from(length);
        while pending_bits >= 8 {
            pending_bits -= 8;
            out.push((pending >> pending_bits) as u8);
        }
        contexts.next(byte);
    }
    if pending_bits > 0 {
        out.push((pending << (8 - pending_bits)) as u8);
    }
    (table, out)
}

/// The codes of `pack`'s table, as the decoder reads them: for each context, a table of every string of as many
/// bits as its longest code, giving the code that string begins with. A byte is then decoded with one look-up,
/// without a branch per bit: which way such a branch goes is as random as the bits, and a bit-by-bit decoder took
/// 1.9 ms against 1.1 for all lists, with optimised code.
struct Code {
    /// Per context, how many bits its table looks at (its longest code's length; 0 for a context that never
    /// occurs) and where the table begins in `prefixes`.
    peeks: Vec<(u8, u32)>,
    /// `length << 8 | byte` of the code each string of bits begins with; 0 for a string no code begins.
    prefixes: Vec<u16>,
}

impl Code {
    fn read(table: &[u8]) -> Code {
        let mut code = Code { peeks: vec![(0, 0); CONTEXTS], prefixes: Vec::new() };
        let mut at = 0;
        let mut context = usize::MAX;
        let mut next = || {
            at += 1;
            table.get(at - 1).copied().unwrap_or(0)
        };
        loop {
            let distance = next();
            if distance == SKIP {
                context = context.wrapping_add(usize::from(SKIP) - 1);
                continue;
            }
            context = context.wrapping_add(usize::from(distance));
            let longest = next().min(MAX_BITS as u8);
            let Some(peek) = code.peeks.get_mut(context).filter(|_| distance != 0) else { break };
            let mut counts = [0u8; MAX_BITS + 1];
            for count in counts.iter_mut().take(usize::from(longest) + 1).skip(1) {
                *count = next();
            }
            let start = code.prefixes.len();
            *peek = (longest, start as u32);
            code.prefixes.resize(start + (1 << longest), 0);
            // Canonical codes: each length's codes are consecutive numbers after the shorter ones', doubled once
            // per length; a code of `length` bits begins `1 << (longest - length)` strings of `longest` bits.
            let mut number = 0usize;
            for length in 1..=longest {
                let mut byte = 0u8;
                let spread = usize::from(longest - length);
                for _ in 0..counts[usize::from(length)] {
                    byte = byte.wrapping_add(next());
                    let first = start + (number << spread);
                    let entry = u16::from(length) << 8 | u16::from(byte);
                    if let Some(strings) = code.prefixes.get_mut(first..first + (1 << spread)) {
                        strings.fill(entry);
                    }
                    number += 1;
                }
                number <<= 1;
            }
        }
        code
    }
}

/// Decodes `len` bytes that `pack` coded (in `build.rs`) with `table`.
///
/// In short calls of `Unpacking::step`, not one long loop: a Wasm engine first runs each function as quickly
/// compiled, unoptimised code and swaps in optimised code only when the function is next called (V8 compiles a
/// function again, in the background, once it has run for a while, but has no way into the new code in the
/// middle of a running loop). Two call sites keep wasm-opt from inlining the step back into this loop (it
/// inlines a function with a single caller whatever its size).
pub(crate) fn unpack(table: &[u8], packed: &[u8], len: usize) -> Vec<u8> {
    let mut unpacking =
        Unpacking { code: Code::read(table), packed, at: 0, bits: 0, held: 0, out: Vec::with_capacity(len), len };
    let mut contexts = Contexts::new();
    if unpacking.step(&mut contexts) {
        while unpacking.step(&mut contexts) {}
    }
    unpacking.out
}

/// Bytes decoded per `Unpacking::step`: well under a millisecond of unoptimised code, so that optimised code
/// takes over soon after it is ready, while a call costs nothing next to the work it does.
const STEP: usize = 2048;

/// A decoding under way.
struct Unpacking<'a> {
    code: Code,
    packed: &'a [u8],
    /// The next byte of `packed` to read into `bits`.
    at: usize,
    /// The next bits of the code, from the highest.
    bits: u64,
    /// How many of `bits` are the code's.
    held: u32,
    out: Vec<u8>,
    len: usize,
}

impl Unpacking<'_> {
    /// Decodes up to `STEP` bytes more; whether any are left.
    #[inline(never)]
    fn step(&mut self, contexts: &mut Contexts) -> bool {
        let end = self.len.min(self.out.len() + STEP);
        let (mut at, mut bits, mut held) = (self.at, self.bits, self.held);
        while self.out.len() < end {
            // At least 57 bits, more than the longest code (past the end, zeros).
            while held <= 56 {
                bits |= u64::from(self.packed.get(at).copied().unwrap_or(0)) << (56 - held);
                held += 8;
                at += 1;
            }
            let (peek, table) = self.code.peeks.get(contexts.context).copied().unwrap_or((0, 0));
            // The top `peek` bits (none when it is 0: two shifts, since one of 64 would overflow).
            let prefix = (bits >> 1 >> (63 - u32::from(peek))) as usize;
            // A string no code begins (none is: `build.rs` checks the decoding) gives the byte 0.
            let entry = self.code.prefixes.get(table as usize + prefix).copied().unwrap_or(0);
            let (byte, length) = (entry as u8, u32::from(entry >> 8));
            bits <<= length;
            held -= length;
            contexts.next(byte);
            self.out.push(byte);
        }
        (self.at, self.bits, self.held) = (at, bits, held);
        self.out.len() < self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(bytes: &[u8]) -> Vec<u8> {
        let (table, packed) = pack(bytes);
        unpack(&table, &packed, bytes.len())
    }

    #[test]
    fn contexts_exactly_255_apart_are_read_back() {
        // Contexts 256 (the stream's start) and 511 (after a marker, below byte 255): 255 apart, written as one
        // `SKIP` and what is left; the remainder was once 0, which ends the table (found by the property below).
        for bytes in [&[32, 32, 255, 2, 0][..], &[0, 255, 1, 0], &[255, 0, 255, 3, 1, 0, 7]] {
            assert_eq!(round_trip(bytes), bytes);
        }
    }

    proptest! {
        #[test]
        fn what_is_packed_unpacks_to_itself(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
            prop_assert_eq!(round_trip(&bytes), bytes);
        }

        #[test]
        fn word_lists_unpack_to_themselves(words in proptest::collection::vec("[A-Z][a-z ]{0,12}", 1..300)) {
            // Front-coded as the lists are: a marker below 32, the shared length, then the rest.
            let mut bytes = Vec::new();
            let mut before = String::new();
            for word in words {
                let shared = word.bytes().zip(before.bytes()).take_while(|(a, b)| a == b).count().min(31);
                bytes.push(shared as u8);
                bytes.extend_from_slice(&word.as_bytes()[shared..]);
                before = word;
            }
            prop_assert_eq!(round_trip(&bytes), bytes);
        }
    }

    #[test]
    fn one_byte_repeated_and_nothing_unpack_too() {
        assert_eq!(round_trip(&[7; 100]), [7; 100]);
        assert_eq!(round_trip(&[0; 3]), [0; 3]);
        assert_eq!(round_trip(&[]), Vec::<u8>::new());
    }

    #[test]
    fn codes_are_limited_in_length_and_frequent_bytes_are_shorter() {
        // Counts doubling from byte to byte make a Huffman code as deep as there are bytes: 40 here.
        let mut counts = [0u64; 256];
        for (byte, count) in counts.iter_mut().enumerate().take(40) {
            *count = 1 << byte;
        }
        let lengths = code_lengths(&counts);
        assert!(lengths.iter().all(|&l| usize::from(l) <= MAX_BITS) && lengths[..40].iter().all(|&l| l > 0));
        assert!(lengths[39] <= lengths[0] && lengths[40..].iter().all(|&l| l == 0));
        // The lengths still make a complete code (Kraft's sum is exactly 1).
        let kraft: f64 = lengths.iter().filter(|&&l| l > 0).map(|&l| 0.5f64.powi(i32::from(l))).sum();
        assert!((kraft - 1.0).abs() < 1e-9, "{kraft}");
        let bytes: Vec<u8> = (0..40u8).flat_map(|b| std::iter::repeat_n(b, 1 << (b / 3))).collect();
        assert_eq!(round_trip(&bytes), bytes);
    }

    #[test]
    fn front_coded_names_pack_smaller_than_a_byte_per_byte() {
        // Not a size goal (that is measured on the Wasm): a code that used no context would need about 3 bits.
        let text = "\0Aberdeen\x01bidjan\x02uja\0Accra\x01ddis Ababa\x01delaide\x07n".repeat(50);
        let (_, packed) = pack(text.as_bytes());
        assert!(packed.len() < text.len() / 4, "{} of {}", packed.len(), text.len());
        assert_eq!(round_trip(text.as_bytes()), text.as_bytes());
    }
}
