//! The word lists' two front codings. The binary stores each list front-coded entry after entry (a marker byte,
//! the length of the prefix shared with the entry before, at most `MAX_SHARED`, then the rest); lookups walk
//! it in blocks (`lexicon::List`), whose first entries are written whole so that a lookup can binary-search
//! them. `in_blocks` turns the first into the second once, at a list's first lookup: the repeated block heads
//! cost 1.2 KB of the gzipped Wasm when stored. `build.rs` writes the blocks' tables (the first names' sexes)
//! from the same layout and checks that `in_blocks` gives it.

/// Entries per block: a lookup walks one. 32 rather than 64: 64 made the Wasm extractor 5% slower.
pub(crate) const BLOCK: usize = 32;
/// Below every byte of an entry (`build.rs` checks), so that these bytes also mark where an entry begins.
pub(crate) const MAX_SHARED: usize = 31;

/// The entries of `stored` (front-coded entry after entry) in blocks: each other entry as stored, with its
/// exact shared length, but a block's first entry whole (marker 0). A block begins with each new first byte
/// (so a first byte's entries are whole blocks), after `BLOCK` entries of one first byte, and at an entry
/// sharing more than a marker can say.
pub(crate) fn in_blocks(stored: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(stored.len() + stored.len() / 8);
    let mut previous: Vec<u8> = Vec::new();
    let mut in_bucket = 0;
    let mut at = 0;
    while at < stored.len() {
        let shared = usize::from(stored[at]).min(previous.len());
        let rest_end = stored.get(at + 1..).and_then(|r| r.iter().position(|&b| usize::from(b) <= MAX_SHARED));
        let end = rest_end.map_or(stored.len(), |n| at + 1 + n);
        let rest = stored.get(at + 1..end).unwrap_or_default();
        // The shared length stored is exact below the cap; at the cap the entry may share more.
        let common = if shared < MAX_SHARED {
            shared
        } else {
            shared + rest.iter().zip(previous.get(shared..).unwrap_or_default()).take_while(|(a, b)| a == b).count()
        };
        let first = if shared > 0 { previous.first().copied() } else { rest.first().copied() };
        in_bucket = if previous.first().copied() == first { in_bucket + 1 } else { 0 };
        let written = if in_bucket % BLOCK == 0 || common > MAX_SHARED { 0 } else { common };
        if written == 0 {
            in_bucket = 0;
        }
        previous.truncate(shared);
        previous.extend_from_slice(rest);
        out.push(written as u8);
        out.extend_from_slice(previous.get(written..).unwrap_or_default());
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries front-coded one after the other, as `build.rs` stores them.
    fn stored(entries: &[String]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut previous = "";
        for entry in entries {
            let shared = entry.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count().min(MAX_SHARED);
            out.push(shared as u8);
            out.extend_from_slice(&entry.as_bytes()[shared..]);
            previous = entry;
        }
        out
    }

    /// The entries and markers of a blocked list.
    fn read(blocked: &[u8]) -> Vec<(u8, String)> {
        let mut out = Vec::new();
        let mut entry: Vec<u8> = Vec::new();
        let mut at = 0;
        while at < blocked.len() {
            let end = blocked[at + 1..].iter().position(|&b| b < 32).map_or(blocked.len(), |n| at + 1 + n);
            entry.truncate(usize::from(blocked[at]));
            entry.extend_from_slice(&blocked[at + 1..end]);
            out.push((blocked[at], String::from_utf8(entry.clone()).expect("UTF-8")));
            at = end;
        }
        out
    }

    #[test]
    fn blocks_begin_with_a_first_byte_every_block_entries_and_at_long_shared_prefixes() {
        let long = "L".repeat(40);
        let mut entries: Vec<String> = (0..40).map(|i| format!("Aa{i:03}")).collect();
        entries.extend([
            "Ba".to_string(),
            "Bb".to_string(),
            format!("{long}a"),
            format!("{long}b"),
            format!("{long}bc"),
        ]);
        let blocked = read(&in_blocks(&stored(&entries)));
        assert_eq!(blocked.iter().map(|(_, e)| e).collect::<Vec<_>>(), entries.iter().collect::<Vec<_>>());
        let starts: Vec<usize> = (0..blocked.len()).filter(|&i| blocked[i].0 == 0).collect();
        // "Aa000", "Aa032", "Ba", and each "L…" entry: "L…a" has a new first byte, the other two share more
        // bytes with the entry before than a marker can say.
        assert_eq!(starts, [0, 32, 40, 42, 43, 44]);
        // Other entries keep their exact shared length.
        assert_eq!(blocked[1], (4, "Aa001".to_string()));
        assert_eq!(blocked[41], (1, "Bb".to_string()));
        assert!(in_blocks(&[]).is_empty());
    }
}
