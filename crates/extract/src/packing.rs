//! The word lists' bytes as the binary stores them: arithmetic-coded with one adaptive context per byte, and
//! decoded once, at the first lookup (`lexicon`; `build.rs` encodes them with this same model).
//!
//! Gzip leaves the front-coded lists at 4.6 bits per byte, because what predicts a letter of a name is too
//! short for its repeated strings. Here a byte is predicted from one context: after a marker byte (where an
//! entry begins after the prefix it shares with the one before), the byte of the entry before at that place,
//! which the new byte sorts after; elsewhere, the byte before. That codes the lists in about 4.0 bits per byte.
//!
//! Decoding is what the first extraction waits for, and it runs in the Wasm engine's quickly compiled,
//! unoptimised code (a long loop is never swapped for optimised code while it runs), so it is kept to few
//! steps: a byte is not coded as its 8 bits but as the path to it in a Huffman tree of the lists' bytes (5
//! binary decisions on average), and each decision is one table look-up, one multiplication and one update.
//! A context-mixing model of six contexts (branch `h6-size5`) coded the lists 1.6 KB shorter but took 30 ms
//! more at start-up; see ARCHITECTURE.md, "Download size", for this one's figures.
//!
//! Everything is integer arithmetic, so the encoder in `build.rs` and the decoder here agree on every bit on
//! every target.

/// Bytes below this are markers (`lexicon::List`): a marker begins an entry and says how many bytes it
/// shares with the entry before.
const MARKER_END: u8 = 32;
/// How many times a prediction is updated before it adapts at its slowest (1/`LIMIT` of each error).
const LIMIT: u32 = 30;
/// Contexts: the byte before (32..256), or 256 + the byte of the entry before at this place after a marker.
const CONTEXTS: usize = 512;
/// A prediction of even odds, not yet updated (as `Model::table` holds it, before the exclusive-or).
const EVEN: u32 = 1 << 31;
/// In a tree's child, marks a byte (a leaf) rather than an inner node.
const LEAF: u16 = 0x100;

/// Predicts each binary decision of the tree from the byte's context. The encoder and the decoder each run
/// one, and tell it every decision after coding it.
struct Model {
    /// 1/(n + 1.5) in 16-bit fixed point: how far a prediction updated n times moves toward each bit.
    rates: [u32; LIMIT as usize + 1],
    /// Per context and inner node of the tree: the probability of a 1 in the high 22 bits, how often it was
    /// updated in the low 10, stored exclusive-or `EVEN` so that a new table (even odds, no updates) is all
    /// zeros: fresh memory, not 512 KB written one entry at a time before decoding begins.
    table: Vec<u32>,
    /// Where the current byte's context begins in `table`.
    context: usize,
    /// The entry being read, as far as it goes; until the next entry's marker has cut it to the prefix they
    /// share, it is the entry before.
    entry: Vec<u8>,
}

impl Model {
    fn new() -> Self {
        let mut rates = [0; LIMIT as usize + 1];
        for (n, rate) in (0u32..).zip(rates.iter_mut()) {
            *rate = (2 << 16) / (2 * n + 3);
        }
        // The stream begins as if after a marker, with no entry before.
        Model { rates, table: vec![0; CONTEXTS << 8], context: 256 << 8, entry: Vec::new() }
    }

    /// The probability (1..4095 out of 4096) that the decision at inner node `node` is a 1.
    #[inline(always)]
    fn p(&self, node: usize) -> u32 {
        ((self.table.get(self.context | node).copied().unwrap_or(0) ^ EVEN) >> 20).clamp(1, 4095)
    }

    /// Learns the decision just coded at `node`.
    #[inline(always)]
    fn update(&mut self, node: usize, bit: u32) {
        if let Some(stored) = self.table.get_mut(self.context | node) {
            // The prediction moves toward the bit by 1/(n + 1.5) of its error, n its updates so far.
            let value = *stored ^ EVEN;
            let count = value & 1023;
            let p = (value >> 10) as i32;
            let target = if bit == 1 { (1 << 22) - 1 } else { 0 };
            let rate = self.rates.get(count as usize).copied().unwrap_or(1) as i32;
            let moved = p + (((i64::from(target - p) * i64::from(rate)) >> 16) as i32);
            *stored = (((moved as u32) << 10) | (count + u32::from(count < LIMIT))) ^ EVEN;
        }
    }

    /// Learns the byte just coded: the context of the next.
    fn next(&mut self, byte: u8) {
        self.context = if byte < MARKER_END {
            // The entry before is still in `entry`: its byte where the new entry's own bytes begin.
            let shared = usize::from(byte);
            let above = self.entry.get(shared).copied().unwrap_or(0);
            self.entry.truncate(shared);
            (256 + usize::from(above)) << 8
        } else {
            self.entry.push(byte);
            usize::from(byte) << 8
        };
    }
}

/// A Huffman tree of the bytes of `data` (at least two leaves): for each inner node (the root is 0), its two
/// children, each an inner node or `LEAF` | a byte.
// Only `build.rs` and the tests encode: the library decodes.
#[cfg_attr(not(test), allow(dead_code))]
fn tree_of(data: &[u8]) -> Vec<u16> {
    let mut counts = [0u64; 256];
    for &byte in data {
        counts[usize::from(byte)] += 1;
    }
    // (weight, node as a child value), the lightest two joined until one is left; ties go by node value,
    // so the tree is the same on every machine.
    let mut pending: Vec<(u64, u16)> =
        (0..256u16).filter(|&b| counts[usize::from(b)] > 0).map(|b| (counts[usize::from(b)], LEAF | b)).collect();
    for filler in 0..2u16 {
        if pending.len() < 2 && !pending.iter().any(|&(_, n)| n == LEAF | filler) {
            pending.push((0, LEAF | filler));
        }
    }
    // Inner nodes are made bottom-up and numbered from the root down afterwards.
    let mut made: Vec<[u16; 2]> = Vec::new();
    while pending.len() > 1 {
        pending.sort_unstable_by(|a, b| b.cmp(a));
        let (Some((wa, a)), Some((wb, b))) = (pending.pop(), pending.pop()) else { break };
        made.push([a, b]);
        pending.push((wa + wb, 0x200 | (made.len() as u16 - 1)));
    }
    let inner = made.len();
    let number = |child: u16| if child & 0x200 != 0 { (inner - 1 - usize::from(child & 0x1ff)) as u16 } else { child };
    let mut tree = vec![0u16; 2 * inner];
    for (i, [a, b]) in made.iter().enumerate() {
        let at = inner - 1 - i;
        tree[2 * at] = number(*a);
        tree[2 * at + 1] = number(*b);
    }
    tree
}

/// Arithmetic-codes `data` decision by decision with the predictions of `Model` (a carry-less binary coder:
/// the interval's top bytes are written as soon as they agree). Returns the tree and the code.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn pack(data: &[u8]) -> (Vec<u16>, Vec<u8>) {
    let tree = tree_of(data);
    // Each byte's path from the root: the inner nodes passed and the decision at each.
    let mut paths: Vec<Vec<(usize, u32)>> = vec![Vec::new(); 256];
    let mut stack = vec![(0usize, Vec::new())];
    while let Some((node, path)) = stack.pop() {
        for bit in 0..2 {
            let mut longer: Vec<(usize, u32)> = path.clone();
            longer.push((node, bit));
            match tree[2 * node + bit as usize] {
                child if child & LEAF != 0 => paths[usize::from(child & 0xff)] = longer,
                child => stack.push((usize::from(child), longer)),
            }
        }
    }
    let mut model = Model::new();
    let mut out = Vec::new();
    let (mut low, mut high) = (0u32, u32::MAX);
    for &byte in data {
        for &(node, bit) in &paths[usize::from(byte)] {
            let mid = low + ((high - low) >> 12) * model.p(node);
            if bit == 1 {
                high = mid;
            } else {
                low = mid + 1;
            }
            while (low ^ high) & 0xff00_0000 == 0 {
                out.push((high >> 24) as u8);
                low <<= 8;
                high = (high << 8) | 255;
            }
            model.update(node, bit);
        }
        model.next(byte);
    }
    // Enough of the final interval to fall inside it whatever bytes a reader supposes after the end.
    out.extend_from_slice(&low.to_be_bytes());
    (tree, out)
}

/// Decodes `len` bytes that `pack` coded (in `build.rs`) with `tree`.
///
/// In many short calls of `Unpacking::step`, not one long loop: a Wasm engine first runs each function as
/// quickly compiled, unoptimised code and swaps in optimised code only when the function is next called (V8
/// compiles a function again, in the background, once it has run for a while, but has no way into the new code
/// in the middle of a running loop). Two call sites keep wasm-opt from inlining the step back into this loop (it
/// inlines a function with a single caller whatever its size).
pub(crate) fn unpack(tree: &[u16], packed: &[u8], len: usize) -> Vec<u8> {
    let mut unpacking = Unpacking::new(tree, packed, len);
    if unpacking.step() {
        while unpacking.step() {}
    }
    unpacking.out
}

/// Bytes decoded per `Unpacking::step`: a few hundred microseconds of unoptimised code, so that optimised code
/// takes over soon after it is ready, while a call costs nothing next to the work it does.
const STEP: usize = 512;

/// A decoding under way: the model, the coder's interval and where it is in the code.
struct Unpacking<'a> {
    model: Model,
    tree: &'a [u16],
    packed: &'a [u8],
    /// The next byte of `packed` to read.
    at: usize,
    low: u32,
    high: u32,
    /// The code's bits where the interval is.
    x: u32,
    out: Vec<u8>,
    len: usize,
}

impl<'a> Unpacking<'a> {
    fn new(tree: &'a [u16], packed: &'a [u8], len: usize) -> Self {
        let mut x = 0u32;
        for at in 0..4 {
            x = (x << 8) | u32::from(packed.get(at).copied().unwrap_or(0));
        }
        Unpacking {
            model: Model::new(),
            tree,
            packed,
            at: 4,
            low: 0,
            high: u32::MAX,
            x,
            out: Vec::with_capacity(len),
            len,
        }
    }

    /// Decodes up to `STEP` bytes more; whether any are left.
    #[inline(never)]
    fn step(&mut self) -> bool {
        let (mut low, mut high, mut x, mut at) = (self.low, self.high, self.x, self.at);
        let end = self.len.min(self.out.len() + STEP);
        while self.out.len() < end {
            let mut node = 0;
            let byte = loop {
                let mid = low + ((high - low) >> 12) * self.model.p(node);
                let bit = u32::from(x <= mid);
                if bit == 1 {
                    high = mid;
                } else {
                    low = mid + 1;
                }
                while (low ^ high) & 0xff00_0000 == 0 {
                    low <<= 8;
                    high = (high << 8) | 255;
                    x = (x << 8) | u32::from(self.packed.get(at).copied().unwrap_or(0));
                    at += 1;
                }
                self.model.update(node, bit);
                // A malformed tree (none is: `build.rs` checks the decoding) ends the byte as 0.
                match self.tree.get(2 * node + bit as usize).copied().unwrap_or(LEAF) {
                    child if child & LEAF != 0 => break (child & 0xff) as u8,
                    child => node = usize::from(child),
                }
            };
            self.model.next(byte);
            self.out.push(byte);
        }
        (self.low, self.high, self.x, self.at) = (low, high, x, at);
        self.out.len() < self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round_trip(bytes: &[u8]) -> Vec<u8> {
        let (tree, packed) = pack(bytes);
        unpack(&tree, &packed, bytes.len())
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
    fn the_tree_has_a_leaf_per_byte_and_frequent_bytes_nearer_the_root() {
        let data = b"aaaaaaaabbbbccd";
        let tree = tree_of(data);
        let leaves: Vec<u16> = tree.iter().copied().filter(|c| c & LEAF != 0).collect();
        assert_eq!((tree.len(), leaves.len()), (6, 4));
        // 'a' (8 of 15) is a child of the root.
        assert!(tree[..2].contains(&(LEAF | u16::from(b'a'))));
    }

    #[test]
    fn front_coded_names_pack_smaller_than_a_byte_per_byte() {
        // Not a size goal (that is measured on the Wasm): a model that predicted nothing would code 8 bits a byte.
        let text = "\0Aberdeen\x01bidjan\x02uja\0Accra\x01ddis Ababa\x01delaide\x07n".repeat(50);
        let (_, packed) = pack(text.as_bytes());
        assert!(packed.len() < text.len() / 4, "{} of {}", packed.len(), text.len());
        assert_eq!(round_trip(text.as_bytes()), text.as_bytes());
    }
}
