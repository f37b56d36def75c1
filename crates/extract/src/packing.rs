//! The word lists' bytes as the binary stores them: arithmetic-coded by a small context-mixing model, and
//! decoded once, at the first lookup (see `build.rs`, which encodes them with this same model, and DESIGN.md,
//! "Data"). Gzip leaves the front-coded lists at 4.6 bits per byte (58 KB), because what predicts a letter of a
//! name (the few letters before it, the entry before it at the same place) is too short for its repeated
//! strings; this model predicts each binary decision of a byte's prefix code from such contexts and codes
//! them in 3.8 bits per byte (48 KB). Decoding them takes some 40 ms of Wasm, once (`bench/wasm-node.mjs`'s
//! first extraction; the app's worker unpacks them as it starts).
//!
//! Everything is integer arithmetic, so the encoder in `build.rs` and the decoder here agree on every bit on
//! every target.

/// Bits of the index into the one table of predictions that every context shares (2 bytes a slot: 2 MB
/// while decoding, freed after; 2^19 slots code the lists 0.3 KB longer, 2^22 0.3 KB shorter).
const TABLE_BITS: u32 = 20;
/// How many times a prediction is updated before it adapts at its slowest (1/`LIMIT` of each error).
const LIMIT: u32 = 15;
/// Contexts that predict each decision, mixed: the byte before, the two before, the three before; the byte of
/// the entry before at the same place, with the byte before, and alone with whether this is the first byte
/// the entry adds after the prefix it shares (a byte that sorts after the one above it). Each costs some 11%
/// of the decoding time, and leaving one out codes the lists 0.2-0.9 KB longer; the lengths of this entry
/// and the one before, a sixth, saved only 50 bytes.
const INPUTS: usize = 5;
/// The mixer's inputs: each context's prediction and a constant.
const WEIGHTS: usize = INPUTS + 1;

/// The probability (out of 4096) of a logistic value `d` (−2047..2047, in 1/256ths), by interpolation.
fn squash(d: i32) -> i32 {
    const POINTS: [i32; 33] = [
        1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785, 3901,
        3975, 4024, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
    ];
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (POINTS[i] * (128 - w) + POINTS[i + 1] * w + 64) >> 7
}

/// Predicts the binary decisions that spell each byte from what came before. The encoder and the decoder
/// each run one, and tell it every decision after coding it. Written as plain loops over slices: the release
/// build is optimised for size, and leaves iterator adapters and `Vec` indexing as calls, twice the work here.
pub(crate) struct Model {
    /// The inverse of `squash`, for every probability.
    stretch: Box<[i16]>,
    /// 1/(n + 1.5) in 16-bit fixed point: how far a prediction updated n times moves toward each bit.
    rates: [i32; LIMIT as usize + 1],
    /// Per slot: the probability of a 1 in the high 12 bits, how often it was updated in the low 4.
    table: Box<[u16]>,
    /// Sets of mixing weights, chosen by the node of the code tree and the place in the entry (16.16 fixed
    /// point).
    weights: Box<[i32]>,
    /// The contexts' hashes for the current byte.
    contexts: [u32; INPUTS],
    /// The slots predicting the current decision, and their stretched predictions.
    slots: [usize; INPUTS],
    inputs: [i32; WEIGHTS],
    /// The weights of the current decision.
    set: usize,
    /// The mixed prediction of the current decision.
    mixed: i32,
    /// The last four bytes.
    history: u32,
    /// The entry being read and the entry before it: a byte below 32 begins an entry by saying how many
    /// leading bytes it shares with the one before (see `lexicon::List`).
    entry: Vec<u8>,
    previous: Vec<u8>,
}

impl Model {
    pub(crate) fn new() -> Self {
        let mut stretch = vec![2047i16; 4096].into_boxed_slice();
        let mut next = 0;
        let mut d = -2047;
        while d <= 2047 {
            let p = squash(d) as usize;
            while next <= p {
                stretch[next] = d as i16;
                next += 1;
            }
            d += 1;
        }
        let mut rates = [0; LIMIT as usize + 1];
        let mut n = 0;
        while n <= LIMIT as usize {
            rates[n] = (2 << 16) / (2 * n as i32 + 3);
            n += 1;
        }
        let mut model = Model {
            stretch,
            rates,
            table: vec![1 << 15; 1 << TABLE_BITS].into_boxed_slice(),
            weights: vec![1 << 14; 1024 * WEIGHTS].into_boxed_slice(),
            contexts: [0; INPUTS],
            slots: [0; INPUTS],
            inputs: [0; WEIGHTS],
            set: 0,
            mixed: 2048,
            history: 0,
            entry: Vec::new(),
            previous: Vec::new(),
        };
        model.next_byte();
        model
    }

    /// The probability (1..4095 out of 4096) that the decision at `node` of the code tree is a 1.
    pub(crate) fn p(&mut self, node: usize) -> u32 {
        // Weights per node, and per whether the entry before is longer and whether this byte is the first an
        // entry adds after its shared prefix (which sorts after the entry before's byte there): 1.0 KB less.
        let longer_before = usize::from(self.entry.len() < self.previous.len());
        let first_added = usize::from(self.history & 0xff < 32);
        self.set = ((node & 255) | longer_before << 8 | first_added << 9) * WEIGHTS;
        let mut dot = i64::from(self.weights[self.set + INPUTS]) * 256;
        self.inputs[INPUTS] = 256;
        let node_hash = (node as u32).wrapping_mul(0x2F0B_3A49);
        let mut i = 0;
        while i < INPUTS {
            let slot = ((self.contexts[i] ^ node_hash).wrapping_mul(0x85EB_CA6B) >> (32 - TABLE_BITS)) as usize;
            self.slots[i] = slot;
            let input = i32::from(self.stretch[usize::from(self.table[slot] >> 4)]);
            self.inputs[i] = input;
            dot += i64::from(self.weights[self.set + i]) * i64::from(input);
            i += 1;
        }
        self.mixed = squash((dot >> 16) as i32).clamp(1, 4095);
        self.mixed as u32
    }

    /// Learns the decision just coded.
    pub(crate) fn update(&mut self, bit: u32) {
        // The mixer: each weight moves by its input times the error.
        let error = ((bit as i32) << 12) - self.mixed;
        let mut i = 0;
        while i < WEIGHTS {
            self.weights[self.set + i] += (self.inputs[i] * error + 0x400) >> 11;
            i += 1;
        }
        // Each context's prediction moves toward the bit by 1/(n + 1.5) of its error, n its updates so far.
        let target = if bit == 1 { 4095 } else { 0 };
        let mut i = 0;
        while i < INPUTS {
            let slot = self.slots[i];
            let value = self.table[slot];
            let count = value & 15;
            let p = i32::from(value >> 4);
            let moved = p + (((target - p) * self.rates[usize::from(count)]) >> 16);
            self.table[slot] = (moved as u16) << 4 | (count + u16::from(count < LIMIT as u16));
            i += 1;
        }
    }

    /// Learns the byte just coded: the contexts of the next.
    pub(crate) fn end_byte(&mut self, byte: u8) {
        self.history = (self.history << 8) | u32::from(byte);
        if byte < 32 {
            std::mem::swap(&mut self.entry, &mut self.previous);
            self.entry.clear();
            let shared = usize::from(byte).min(self.previous.len());
            self.entry.extend_from_slice(&self.previous[..shared]);
        } else {
            self.entry.push(byte);
        }
        self.next_byte();
    }

    /// The contexts of the byte to come, hashed.
    fn next_byte(&mut self) {
        let h = self.history;
        let above = self.previous.get(self.entry.len()).copied().unwrap_or(1);
        self.contexts = [
            (h & 0xff) | 0x100,
            (h & 0xffff) | 0x2_0000,
            (h & 0xff_ffff) | 0x300_0000,
            ((h & 0xff) | (u32::from(above) << 8)) | 0x4_0000,
            0x500_0000 | u32::from(above) | u32::from(h & 0xff < 32) << 8,
        ];
        let mut i = 0;
        while i < INPUTS {
            self.contexts[i] = self.contexts[i].wrapping_mul(0x9E37_79B1).wrapping_add(i as u32);
            i += 1;
        }
    }
}

/// A prefix code of the bytes (a Huffman code of their counts, so a byte takes some 4.5 decisions rather
/// than 8), as a tree: node 0 is the root, each node's two children are nodes or, with `LEAF` set, bytes.
struct Tree {
    children: Vec<[u16; 2]>,
}

const LEAF: u16 = 0x8000;

impl Tree {
    /// The canonical code of these code lengths (one per byte, 0 for a byte never coded): bytes ordered by
    /// length then value take consecutive codes.
    fn canonical(lengths: &[u8]) -> (Tree, Vec<(u32, u8)>) {
        let mut codes = vec![(0u32, 0u8); 256];
        let mut tree = Tree { children: vec![[0, 0]] };
        let (mut code, mut length) = (0u32, 0u8);
        for wanted in 1..=32u8 {
            for byte in 0..lengths.len().min(256) {
                if lengths[byte] != wanted {
                    continue;
                }
                code <<= wanted - length;
                length = wanted;
                codes[byte] = (code, length);
                let mut node = 0;
                let mut depth = length;
                while depth > 1 {
                    depth -= 1;
                    let bit = ((code >> depth) & 1) as usize;
                    if tree.children[node][bit] == 0 {
                        tree.children.push([0, 0]);
                        tree.children[node][bit] = (tree.children.len() - 1) as u16;
                    }
                    node = usize::from(tree.children[node][bit]);
                }
                tree.children[node][(code & 1) as usize] = LEAF | byte as u16;
                code += 1;
            }
        }
        (tree, codes)
    }
}

/// Huffman code lengths of the bytes of `data` (at least two bytes get one, so every byte takes a decision).
#[cfg_attr(not(test), allow(dead_code))]
fn code_lengths(data: &[u8]) -> Vec<u8> {
    let mut counts = vec![0u64; 256];
    for &byte in data {
        counts[usize::from(byte)] += 1;
    }
    // (count, the bytes under this node); merged two lightest first, ties by the lowest byte.
    let mut nodes: Vec<(u64, Vec<u8>)> =
        (0..=255u8).filter(|&b| counts[usize::from(b)] > 0).map(|b| (counts[usize::from(b)], vec![b])).collect();
    for filler in 0..=255u8 {
        if nodes.len() >= 2 {
            break;
        }
        if counts[usize::from(filler)] == 0 {
            nodes.push((0, vec![filler]));
        }
    }
    let mut lengths = vec![0u8; 256];
    while nodes.len() > 1 {
        nodes.sort_by(|a, b| (a.0, a.1[0]).cmp(&(b.0, b.1[0])));
        let (count_a, bytes_a) = nodes.remove(0);
        let (count_b, bytes_b) = nodes.remove(0);
        let mut bytes = bytes_a;
        bytes.extend(bytes_b);
        for &byte in &bytes {
            lengths[usize::from(byte)] += 1;
        }
        bytes.sort_unstable();
        nodes.push((count_a + count_b, bytes));
    }
    lengths
}

/// Arithmetic-codes `data` decision by decision with the predictions of `Model` (a carry-less binary coder:
/// the interval's top bytes are written as soon as they agree), after the 256 code lengths of its bytes.
// Only `build.rs` and the tests encode: the library decodes.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn pack(data: &[u8]) -> Vec<u8> {
    let lengths = code_lengths(data);
    let (tree, codes) = Tree::canonical(&lengths);
    let mut model = Model::new();
    let mut out = lengths.clone();
    let (mut low, mut high) = (0u32, u32::MAX);
    for &byte in data {
        let (code, length) = codes[usize::from(byte)];
        let mut node = 0;
        for depth in (0..length).rev() {
            let bit = (code >> depth) & 1;
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
            model.update(bit);
            node = usize::from(tree.children[node][bit as usize] & !LEAF);
        }
        model.end_byte(byte);
    }
    // Enough of the final interval to fall inside it whatever bytes a reader supposes after the end.
    out.extend_from_slice(&low.to_be_bytes());
    out
}

/// Decodes `len` bytes that `pack` coded (in `build.rs`).
pub(crate) fn unpack(packed: &[u8], len: usize) -> Vec<u8> {
    let (lengths, packed) = packed.split_at(packed.len().min(256));
    let (tree, _) = Tree::canonical(lengths);
    let mut model = Model::new();
    let mut out = Vec::with_capacity(len);
    let (mut low, mut high) = (0u32, u32::MAX);
    let mut at = 0;
    let mut next_byte = || {
        let byte = packed.get(at).copied().unwrap_or(0);
        at += 1;
        u32::from(byte)
    };
    let mut x = 0u32;
    for _ in 0..4 {
        x = (x << 8) | next_byte();
    }
    let mut node = 0;
    while out.len() < len {
        let mid = low + ((high - low) >> 12) * model.p(node);
        let bit = u32::from(x <= mid);
        if bit == 1 {
            high = mid;
        } else {
            low = mid + 1;
        }
        while (low ^ high) & 0xff00_0000 == 0 {
            low <<= 8;
            high = (high << 8) | 255;
            x = (x << 8) | next_byte();
        }
        model.update(bit);
        // A malformed stream (never built) could name a missing child: it ends at the root, decoding garbage.
        let child = tree.children.get(node).map_or(LEAF, |children| children[bit as usize]);
        if child & LEAF != 0 {
            let byte = (child & 0xff) as u8;
            out.push(byte);
            model.end_byte(byte);
            node = 0;
        } else {
            node = usize::from(child);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn what_is_packed_unpacks_to_itself(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
            prop_assert_eq!(unpack(&pack(&bytes), bytes.len()), bytes);
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
            prop_assert_eq!(unpack(&pack(&bytes), bytes.len()), bytes);
        }
    }

    #[test]
    fn the_lists_pack_smaller_than_a_byte_per_byte() {
        // Not a size goal (that is measured on the Wasm): a model that predicted nothing would code 8 bits a byte.
        let text = "Aberdeen\0Abidjan\x02uja\0Accra\x01ddis Ababa\0Adelaide\x02n".repeat(50);
        let packed = pack(text.as_bytes());
        assert!(packed.len() < text.len() / 4, "{} of {}", packed.len(), text.len());
        assert_eq!(unpack(&packed, text.len()), text.as_bytes());
    }
}
