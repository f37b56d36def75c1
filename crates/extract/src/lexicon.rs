//! Word lists compiled into the binary (see `build.rs` and `data/SOURCES.md`) and the lookups over them.
//!
//! Every list is one sorted byte string of front-coded entries in blocks (rather than a `&[&str]`, which was
//! half the download: see `build.rs`), so a lookup is a binary search over the blocks and a scan of one, after
//! a pass over the list's bytes at its first lookup (`Index`).

include!(concat!(env!("OUT_DIR"), "/lexicon_data.rs"));

/// A list as `build.rs` generates it.
pub(crate) struct List {
    /// The entries in byte order, front-coded one after the other as `crate::blocks` stores them (a lookup
    /// walks them in blocks: `Index::data`).
    stored: std::ops::Range<usize>,
    /// The longest entry's length in bytes.
    max_len: usize,
    /// What a lookup searches by, read off `data` at the list's first lookup.
    index: std::sync::OnceLock<Index>,
}

/// Every list's stored bytes, decoded at the first lookup: the binary holds them Huffman-coded
/// (`crate::packing`), about 4 KB less gzipped Wasm for about 1.5 ms once (see DESIGN.md, "Data").
fn unpacked() -> &'static [u8] {
    static UNPACKED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    UNPACKED.get_or_init(|| crate::packing::unpack(PACKING_TABLE, PACKED, UNPACKED_LEN))
}

/// Where a list's blocks begin and which first bytes and lengths it holds. Read off the data once (one pass
/// over 100 KB for all lists: with `crate::blocks::in_blocks`, 1.2 ms of the Wasm extractor's first extraction,
/// see DESIGN.md, "Data")
/// rather than written by `build.rs` as static tables: those were 30 KB of mostly zeros and offsets, 4.2 KB of
/// the gzipped Wasm.
struct Index {
    /// The entries in byte order. Each begins with a marker byte below 32: 0 for a block's first entry,
    /// written whole, otherwise the length of the prefix it shares with the entry before, whose bytes are
    /// left out (`build.rs` checks that no entry holds such a byte).
    data: Vec<u8>,
    /// Where each block begins in `data`, then the data's length.
    blocks: Vec<u32>,
    /// Each first byte's first block in `blocks`; `buckets[256]` is the number of blocks.
    buckets: [u16; 257],
    /// For each first byte, a bit per entry length present (31 = "31 or longer"): most words looked up are
    /// not in the list, and most of those are rejected by this bit alone.
    lengths: [u32; 256],
    /// A bit per (first, second and last byte, length) of an entry, hashed (`shape_bit`; about ten bits per
    /// entry): most words that pass `lengths` are still not in the list, and walking their block was a fifth
    /// of all extraction time.
    shapes: Vec<u64>,
}

/// Where the shape of a word (its first, second and last byte and its length) sets its bit in a table of
/// `bits` bits (a power of two): a multiplicative hash, whose high bits mix every input byte.
fn shape_bit(first: u8, second: u8, last: u8, length: usize, bits: usize) -> usize {
    let key = u64::from(first) | u64::from(second) << 8 | u64::from(last) << 16 | (length as u64) << 24;
    let mixed = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - bits.trailing_zeros())) as usize
}

/// The shape of a word as `shape_bit` takes it; `None` for the empty word.
fn word_shape(word: &[u8]) -> Option<(u8, u8, u8, usize)> {
    let (&first, &last) = (word.first()?, word.last()?);
    Some((first, word.get(1).copied().unwrap_or(0), last, word.len()))
}

impl Index {
    fn of(stored: &[u8]) -> Index {
        let data = crate::blocks::in_blocks(stored);
        let mut blocks = Vec::new();
        let mut blocks_per_first_byte = [0u16; 256];
        let mut lengths = [0u32; 256];
        // About ten bits per entry (an entry takes about five bytes): a word not in the list passes for
        // about one in ten.
        let shape_bits = (data.len() * 2).next_power_of_two().max(64);
        let mut shapes = vec![0u64; shape_bits / 64];
        // One plain loop over the bytes: it runs once per list as the extractor starts, in the Wasm engine's
        // unoptimised first code, where iterator adaptors and calls per entry cost several times more.
        // An entry's bytes are the `length` bytes it shares with the one before, then those it adds.
        let (mut first, mut second, mut last, mut length, mut block_begins) = (0, 0u8, 0u8, 0, false);
        for (at, &byte) in data.iter().enumerate() {
            if byte < MARKER_END {
                if at > 0 {
                    lengths[first] |= 1u32 << length.min(31);
                    let bit = shape_bit(first as u8, second, last, length, shape_bits);
                    shapes[bit / 64] |= 1 << (bit % 64);
                }
                length = usize::from(byte);
                // Sharing two bytes or more, an entry has the second byte of the one before.
                if length < 2 {
                    second = 0;
                }
                block_begins = byte == BLOCK_START;
                if block_begins {
                    blocks.push(at as u32);
                }
            } else {
                // An entry sharing a prefix shares its first byte with the block's first entry.
                if block_begins {
                    first = usize::from(byte);
                    blocks_per_first_byte[first] = blocks_per_first_byte[first].saturating_add(1);
                    block_begins = false;
                }
                if length == 1 {
                    second = byte;
                }
                last = byte;
                length += 1;
            }
        }
        if !data.is_empty() {
            lengths[first] |= 1u32 << length.min(31);
            let bit = shape_bit(first as u8, second, last, length, shape_bits);
            shapes[bit / 64] |= 1 << (bit % 64);
        }
        blocks.push(data.len() as u32);
        // Blocks are in byte order and a new first byte begins a block (`build.rs`), so each first byte's
        // blocks follow those of all smaller bytes.
        let mut buckets = [0u16; 257];
        for byte in 0..256 {
            buckets[byte + 1] = buckets[byte].saturating_add(blocks_per_first_byte[byte]);
        }
        Index { data, blocks, buckets, lengths, shapes }
    }
}

/// The marker of a block's first entry.
const BLOCK_START: u8 = 0;
/// Marker bytes are below this; entry bytes are not.
const MARKER_END: u8 = 32;

impl List {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::of(unpacked().get(self.stored.clone()).unwrap_or_default()))
    }

    /// The entries in order (for tests).
    #[cfg(test)]
    fn entries(&self) -> Vec<String> {
        let mut entries = Vec::new();
        let mut entry: Vec<u8> = Vec::new();
        let mut at = 0;
        let data = &self.index().data;
        while at < data.len() {
            let end = entry_end(data, at);
            entry.truncate(usize::from(data[at]));
            entry.extend_from_slice(&data[at + 1..end]);
            entries.push(String::from_utf8(entry.clone()).expect("entries are UTF-8"));
            at = end;
        }
        entries
    }
}

fn contains(list: &List, word: &str) -> bool {
    find(list, word).is_some()
}

/// Where `word` is in the list: its block (an index into `Index::blocks`) and its place in that block, for
/// tables that `build.rs` writes per block (`FIRST_NAMES_SEXES`).
fn find(list: &List, word: &str) -> Option<(usize, usize)> {
    // Every lookup is bounded by the longest entry, not by the word: a soft hyphen (2 bytes) per letter
    // makes a word at most three times longer than its entry.
    if word.len() > 3 * list.max_len {
        return None;
    }
    // Soft hyphens ("Vladi\u{AD}mir") are invisible line-break hints, not part of the word.
    if !word.is_ascii() && word.contains('\u{AD}') {
        return find(list, &word.replace('\u{AD}', ""));
    }
    // An accented entry whose folded form is listed too was left out by `build.rs` ("Bogotá" beside
    // "Bogota"): it is found through that form. An ASCII word is never folded, so "Bush" stays out of the
    // places although "Būsh" is one.
    find_as_written(list, word).or_else(|| {
        if word.is_ascii() {
            return None;
        }
        folded(word).and_then(|f| find_as_written(list, &f))
    })
}

/// The word with each accented letter of `FOLDS` replaced by its folded letter, and without the combining
/// accents of decomposed text (`Zoe` + U+0308, as some PDFs and Macs write `Zoë`), whose letters are then
/// found as the precomposed ones are; `None` when it has neither.
fn folded(word: &str) -> Option<String> {
    let mut changed = false;
    let mut folded = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '\u{0300}'..='\u{036F}') {
            changed = true;
            continue;
        }
        match FOLDS.binary_search_by_key(&c, |&(accented, _)| accented) {
            Ok(at) => {
                changed = true;
                folded.push(FOLDS.get(at).map_or(c, |&(_, plain)| plain));
            }
            Err(_) => folded.push(c),
        }
    }
    changed.then_some(folded)
}

/// Where the list holds exactly `word` (no folding): its block and its place in the block.
fn find_as_written(list: &List, word: &str) -> Option<(usize, usize)> {
    if word.len() > list.max_len {
        return None;
    }
    let &first = word.as_bytes().first()?;
    let index = list.index();
    if index.lengths[first as usize] & (1u32 << word.len().min(31)) == 0 {
        return None;
    }
    let (_, second, last, length) = word_shape(word.as_bytes())?;
    let bit = shape_bit(first, second, last, length, index.shapes.len() * 64);
    if index.shapes.get(bit / 64).is_none_or(|word_of_bits| word_of_bits & (1 << (bit % 64)) == 0) {
        return None;
    }
    recall(list, word.as_bytes(), || walk(index, first, word))
}

/// The binary search over a first byte's blocks and the walk of one: what `find_as_written` does for a word
/// that its filters let through.
fn walk(index: &Index, first: u8, word: &str) -> Option<(usize, usize)> {
    let (first_block, end_block) =
        (usize::from(index.buckets[first as usize]), usize::from(index.buckets[first as usize + 1]));
    let heads = index.blocks.get(first_block..end_block)?;
    // The block that may hold `word`: the last whose first entry is not after it.
    let after = heads.partition_point(|&head| first_entry_is_not_after(&index.data, head as usize, word.as_bytes()));
    let block = first_block + after.checked_sub(1)?;
    let (start, end) = (*index.blocks.get(block)? as usize, *index.blocks.get(block + 1)? as usize);
    let place = block_position(index.data.get(start..end)?, word.as_bytes())?;
    Some((block, place))
}

/// How many recent lookups `recall` keeps (a power of two), and the longest word it keeps them for.
const MEMO_SLOTS: usize = 2048;
const MEMO_WORD: usize = 32;

/// A lookup that `recall` keeps: the list (its address), the word and where the list holds it.
#[derive(Clone, Copy)]
struct Memo {
    list: usize,
    len: u8,
    word: [u8; MEMO_WORD],
    found: Option<(u32, u32)>,
}

std::thread_local! {
    /// The recent lookups, one per slot (a word's slot is its hash's): filled as lookups come, never cleared
    /// (a result never changes), a fixed size whatever the text.
    static MEMOS: std::cell::RefCell<Vec<Option<Memo>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `lookup()` for `word` in `list`, remembered: the same words are looked up in the same lists again and
/// again (each stage asks whether a name is a place, a first name, an organisation), and walking a block
/// for a word that passes the filters costs some 1,500 instructions, a quarter of all extraction time.
/// A remembered result costs a hash and a comparison; words longer than `MEMO_WORD` are not kept.
fn recall(list: &List, word: &[u8], lookup: impl FnOnce() -> Option<(usize, usize)>) -> Option<(usize, usize)> {
    if word.len() > MEMO_WORD {
        return lookup();
    }
    let list_at = std::ptr::from_ref(list) as usize;
    let slot = memo_slot(list_at, word);
    let remembered = MEMOS.with(|memos| {
        let memos = memos.try_borrow().ok()?;
        let memo = (*memos.get(slot)?)?;
        (memo.list == list_at && memo.word.get(..usize::from(memo.len)) == Some(word))
            .then(|| memo.found.map(|(block, place)| (block as usize, place as usize)))
    });
    if let Some(found) = remembered {
        return found;
    }
    let found = lookup();
    let mut memo = Memo { list: list_at, len: word.len() as u8, word: [0; MEMO_WORD], found: None };
    memo.word[..word.len()].copy_from_slice(word);
    // Block numbers are 16 bits and places below a block's size: they fit.
    memo.found = found.map(|(block, place)| (block as u32, place as u32));
    MEMOS.with(|memos| {
        if let Ok(mut memos) = memos.try_borrow_mut() {
            if memos.is_empty() {
                memos.resize(MEMO_SLOTS, None);
            }
            if let Some(kept) = memos.get_mut(slot) {
                *kept = Some(memo);
            }
        }
    });
    found
}

/// A word's slot among `MEMO_SLOTS`: a multiplicative hash of the list's address and the word's bytes, eight
/// at a time.
fn memo_slot(list_at: usize, word: &[u8]) -> usize {
    let mut hash = (list_at as u64) ^ (word.len() as u64) << 56;
    for chunk in word.chunks(8) {
        let mut bytes = [0u8; 8];
        bytes[..chunk.len()].copy_from_slice(chunk);
        hash = (hash.rotate_left(23) ^ u64::from_le_bytes(bytes)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    (hash >> (64 - MEMO_SLOTS.trailing_zeros())) as usize
}

/// Where the entry whose marker is at `at` ends: at the next marker or the end of the data.
fn entry_end(data: &[u8], at: usize) -> usize {
    data.get(at + 1..).and_then(|rest| rest.iter().position(|&b| b < MARKER_END)).map_or(data.len(), |n| at + 1 + n)
}

/// Whether the entry written whole after the block start at `at` sorts before `word` or is `word`. One pass
/// over both, stopping at the first difference: finding the entry's end first was a tenth of all extraction
/// time (lookups are a third of it).
fn first_entry_is_not_after(data: &[u8], at: usize, word: &[u8]) -> bool {
    let entry = data.get(at + 1..).unwrap_or_default();
    for (i, &w) in word.iter().enumerate() {
        match entry.get(i) {
            // The entry ends first: it is a prefix of `word`, so it sorts before it.
            None => return true,
            Some(&e) if e < MARKER_END => return true,
            Some(&e) if e != w => return e < w,
            Some(_) => {}
        }
    }
    // `word` is a prefix of the entry: not after it only if the entry ends there too.
    entry.get(word.len()).is_none_or(|&e| e < MARKER_END)
}

/// Where one front-coded block (as `List::data` describes it) holds `word` (its place among the block's
/// entries), walked without decoding it:
/// `matched` is how many leading bytes the entry before shares with `word` while it sorts before it. An
/// entry sharing more with that one also sorts before `word`; one sharing less sorts after it; only one
/// sharing exactly `matched` bytes is compared, and only by the bytes it adds (`build.rs` writes exact
/// shared lengths).
fn block_position(block: &[u8], word: &[u8]) -> Option<usize> {
    let mut matched = 0;
    let mut at = 0;
    let mut place = 0;
    while at < block.len() {
        let shared = usize::from(block[at]);
        let end = entry_end(block, at);
        if at > 0 {
            if shared == usize::from(BLOCK_START) || shared < matched {
                return None;
            }
            if shared > matched {
                at = end;
                place += 1;
                continue;
            }
        }
        let (added, rest) = (&block[at + 1..end], word.get(matched..).unwrap_or_default());
        let common = added.iter().zip(rest).take_while(|(a, b)| a == b).count();
        match (added.get(common), rest.get(common)) {
            (None, None) => return Some(place),
            // The entry goes on where `word` ends, or has a greater byte: it and all after it sort after `word`.
            (Some(_), None) => return None,
            (Some(a), Some(b)) if a > b => return None,
            _ => matched += common,
        }
        at = end;
        place += 1;
    }
    None
}

/// Looks a word up case-insensitively in a list that `build.rs` lower-cased. Short ASCII words are
/// lower-cased on the stack: this runs for every capitalised word of the text.
fn contains_lower(list: &List, word: &str) -> bool {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        return contains(list, word);
    }
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| contains(list, w));
    }
    contains(list, &crate::case::lowercase(word))
}

/// A name written in capitals ("NEW DELHI", "UNITED NATIONS") as running text writes it ("New Delhi",
/// "United Nations"), for datelines, bylines and shouted headlines; `None` when it is not all capitals.
fn title_cased(name: &str, max_len: usize) -> Option<String> {
    const SMALL: &[&str] = &["and", "de", "del", "of", "on", "the"];
    // The length first: counting letters of a 100 KB "name" on every lookup would make clean-up quadratic.
    // Then a lower-case letter, which most names have by their second character.
    if name.len() > 3 * max_len
        || name.chars().any(char::is_lowercase)
        || name.chars().filter(|c| c.is_alphabetic()).count() < 3
    {
        return None;
    }
    let mut out = String::with_capacity(name.len());
    let mut at_word_start = true;
    for (i, part) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = crate::case::lowercase(part);
        if i > 0 && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        for c in part.chars() {
            if at_word_start {
                out.push(c);
            } else {
                crate::case::push_lowercase(c, &mut out);
            }
            // "WINSTON-SALEM" → "Winston-Salem", "ST. LOUIS" → "St. Louis".
            at_word_start = matches!(c, '-' | '.' | '/');
        }
        at_word_start = true;
    }
    Some(out)
}

/// Looks a name up as written, then, when it is written in capitals, as running text writes it.
fn contains_any_case(list: &List, name: &str) -> bool {
    contains(list, name) || title_cased(name, list.max_len).is_some_and(|t| contains(list, &t))
}

/// A country, US state, large city, region or well-known place name, written as in running text or in
/// capitals.
pub(crate) fn is_place(name: &str) -> bool {
    contains_any_case(&PLACES, name)
}

/// A well-known organisation name, written as in running text or in capitals.
pub(crate) fn is_org(name: &str) -> bool {
    contains_any_case(&ORGS, name)
}

/// A person a news reader knows by name alone (heads of state and government, see `data/people.txt`).
pub(crate) fn is_known_person(name: &str) -> bool {
    contains_any_case(&PEOPLE, name)
}

/// A well-known organisation whose name is one capitalised word, written here all in lower case
/// ("facebook" for "Facebook", "youtube" for "YouTube").
pub(crate) fn is_org_in_lower_case(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if word.len() > ORGS.max_len || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    // ASCII (checked above), so the ASCII upper case is the Unicode one, without Unicode's upper-case table
    // (5 KB of the gzipped Wasm).
    let capitalised: String = std::iter::once(first.to_ascii_uppercase()).chain(chars).collect();
    if contains(&ORGS, &capitalised) {
        return true;
    }
    // A brand with a second capital ("YouTube", "WhatsApp", "LinkedIn"): each inner letter tried as the capital,
    // a bounded number of look-ups (the word is no longer than the longest entry).
    let mut camel = capitalised.into_bytes();
    (2..camel.len().saturating_sub(1)).any(|at| {
        camel[at] = camel[at].to_ascii_uppercase();
        let found = std::str::from_utf8(&camel).is_ok_and(|w| contains(&ORGS, w));
        camel[at] = camel[at].to_ascii_lowercase();
        found
    })
}

/// A first name from the US census lists; upper-case tokens ("JIM") are looked up as "Jim".
pub(crate) fn is_first_name(word: &str) -> bool {
    if contains(&FIRST_NAMES, word) || contains(&FIRST_NAMES_INTL, word) {
        return true;
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first)
            if word.len() > 1 && word.len() <= 3 * FIRST_NAMES_MAX_LEN && word.chars().all(char::is_uppercase) =>
        {
            let mut capitalised = String::from(first);
            for c in chars {
                crate::case::push_lowercase(c, &mut capitalised);
            }
            contains(&FIRST_NAMES, &capitalised) || contains(&FIRST_NAMES_INTL, &capitalised)
        }
        _ => false,
    }
}

/// The sex a first name mostly belongs to, for pronoun agreement: `Some(true)` for a woman's name ("Kelly",
/// "Priya"), `Some(false)` for a man's ("Tom", "Arjun"), `None` when the name is shared ("Jessie", "Andrea") or
/// not in the lists. Census names by their shares (`gendered_first_names.txt`), the international lists by
/// Faker's locales (`gendered_first_names_intl.txt`: listed for one sex only).
pub(crate) fn first_name_is_female(word: &str) -> Option<bool> {
    let (block, place, sexes) = match find(&FIRST_NAMES, word) {
        Some((block, place)) => (block, place, &FIRST_NAMES_SEXES[..]),
        None => {
            let (block, place) = find(&FIRST_NAMES_INTL, word)?;
            (block, place, &FIRST_NAMES_INTL_SEXES[..])
        }
    };
    let bits = sexes.get(block)? >> (2 * place);
    match bits & 0b11 {
        SEX_FEMALE => Some(true),
        SEX_MALE => Some(false),
        _ => None,
    }
}

/// A frequent Korean or Chinese family name that English-language news writes before a hyphenated given
/// name ("Moon Jae-in", "Tsai Ing-wen"); upper-case tokens ("PARK") are looked up as "Park".
pub(crate) fn is_east_asian_surname(word: &str) -> bool {
    contains_any_case(&EAST_ASIAN_SURNAMES, word)
}

/// A well-known treaty, law, programme, product or event.
pub(crate) fn is_misc_name(name: &str) -> bool {
    contains(&MISC_NAMES, name)
}

pub(crate) fn is_org_keyword(word: &str) -> bool {
    contains(&ORG_KEYWORDS, word)
}

pub(crate) fn is_misc_keyword(word: &str) -> bool {
    contains(&MISC_KEYWORDS, word)
}

/// A title or role word that precedes a name but is not part of it ("President", "Sen."), also a compound of
/// titles joined by hyphens ("Secretary-General", "Director-General", "Vice-President"): no list needs them.
pub(crate) fn is_title(word: &str) -> bool {
    contains(&TITLES, word)
        || (word.len() <= MAX_COMPOUND_TITLE_BYTES
            && word.contains('-')
            && word.split('-').all(|part| !part.is_empty() && contains(&TITLES, part)))
}

/// The longest hyphenated compound of titles looked at ("Deputy-Secretary-General" and then some): a word
/// longer than this is no title, so a 100 KB "word" costs nothing.
const MAX_COMPOUND_TITLE_BYTES: usize = 40;

pub(crate) fn is_demonym(word: &str) -> bool {
    contains(&DEMONYMS, word)
}

pub(crate) fn is_speech_verb(word: &str) -> bool {
    contains_lower(&SPEECH_VERBS, word)
}

/// A speech verb that is never a noun, so a capitalised name right before it is its subject ("Lavrov told";
/// not "Give states the option"). Exact case: "Said" opening a headline is no cue.
pub(crate) fn is_subject_speech_verb(word: &str) -> bool {
    contains(&SUBJECT_SPEECH_VERBS, word)
}

/// A speech verb that may come before its subject ("said Martin Indyk").
pub(crate) fn is_inverted_speech_verb(word: &str) -> bool {
    contains(&INVERTED_SPEECH_VERBS, word)
}

/// A lower-case noun of a role or trade that stands before a name like a title ("cleric Fazlur Rehman").
pub(crate) fn is_role_before_names(word: &str) -> bool {
    contains(&ROLE_NOUNS_BEFORE_NAMES, word)
}

/// The same, whatever its case ("Singer" opening a sentence): lower-cased in a stack buffer, no allocation.
pub(crate) fn is_role_before_names_any_case(word: &str) -> bool {
    contains_lower(&ROLE_NOUNS_BEFORE_NAMES, word)
}

/// A lower-case role noun that refers back to a person after "the" ("the minister said").
pub(crate) fn is_referring_role(word: &str) -> bool {
    contains(&REFERRING_ROLE_NOUNS, word)
}

/// The same, whatever its case ("Minister" opening a sentence): lower-cased in a stack buffer, no allocation.
pub(crate) fn is_referring_role_any_case(word: &str) -> bool {
    contains_lower(&REFERRING_ROLE_NOUNS, word)
}

pub(crate) fn is_common_word(word: &str) -> bool {
    contains_lower(&COMMON_WORDS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [&PLACES, &FIRST_NAMES, &ORGS, &PEOPLE, &TITLES, &DEMONYMS, &SPEECH_VERBS, &COMMON_WORDS] {
            let entries = list.entries();
            assert!(entries.len() > 10 && entries.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn every_entry_of_every_list_is_found() {
        let lists = [
            &PLACES,
            &FIRST_NAMES,
            &FIRST_NAMES_INTL,
            &EAST_ASIAN_SURNAMES,
            &ORGS,
            &PEOPLE,
            &MISC_NAMES,
            &ORG_KEYWORDS,
            &MISC_KEYWORDS,
            &TITLES,
            &ROLE_NOUNS_BEFORE_NAMES,
            &REFERRING_ROLE_NOUNS,
            &DEMONYMS,
            &SPEECH_VERBS,
            &SUBJECT_SPEECH_VERBS,
            &INVERTED_SPEECH_VERBS,
            &COMMON_WORDS,
        ];
        for list in lists {
            let entries = list.entries();
            let all: std::collections::HashSet<&str> = entries.iter().map(String::as_str).collect();
            for entry in &entries {
                assert!(contains(list, entry), "{entry:?} not found");
                // One character more or less is another word, found only if the list holds it (or, for a
                // word with accented letters, its folded form: "Séverin" is found as "Severin").
                let held = |word: &str| all.contains(word) || folded(word).is_some_and(|f| all.contains(f.as_str()));
                let longer = format!("{entry}~");
                assert_eq!(contains(list, &longer), held(&longer), "{longer:?}");
                let shorter = &entry[..entry.char_indices().last().map_or(0, |(at, _)| at)];
                assert_eq!(contains(list, shorter), held(shorter), "{shorter:?}");
            }
        }
    }

    /// The entries of data files as `build.rs` reads them (flags after two spaces dropped).
    fn source_entries(files: &[&'static str]) -> Vec<&'static str> {
        let lines = files.iter().flat_map(|text| text.lines()).map(str::trim);
        lines
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split("  ").next().unwrap_or(l).trim())
            .collect()
    }

    #[test]
    fn every_entry_of_the_data_files_is_found_accented_ones_left_out_included() {
        let places = source_entries(&[
            include_str!("../data/cities.txt"),
            include_str!("../data/subdivisions.txt"),
            include_str!("../data/countries.txt"),
            include_str!("../data/us_states.txt"),
            include_str!("../data/places_extra.txt"),
        ]);
        let cases = [
            (&PLACES, places),
            (&FIRST_NAMES, source_entries(&[include_str!("../data/first_names.txt")])),
            (
                &FIRST_NAMES_INTL,
                source_entries(&[
                    include_str!("../data/first_names_intl.txt"),
                    include_str!("../data/first_names_world.txt"),
                ]),
            ),
            (&ORGS, source_entries(&[include_str!("../data/orgs.txt"), include_str!("../data/orgs_world.txt")])),
            (&PEOPLE, source_entries(&[include_str!("../data/people.txt")])),
            (&MISC_NAMES, source_entries(&[include_str!("../data/misc.txt")])),
            (&DEMONYMS, source_entries(&[include_str!("../data/demonyms.txt")])),
        ];
        let mut left_out = 0;
        for (list, sources) in cases {
            let stored = list.entries();
            for entry in sources {
                assert!(contains(list, entry), "{entry:?} not found");
                left_out += usize::from(!stored.iter().any(|s| s == entry));
            }
        }
        // Most accented places have their folded twin: the saving is real, not an empty table.
        assert!(left_out > 1_500, "only {left_out} accented entries left out");
    }

    #[test]
    fn every_first_name_has_the_sex_its_data_file_gives_it() {
        let gendered = include_str!("../data/gendered_first_names.txt");
        let mut sexed = std::collections::HashMap::new();
        for line in gendered.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (name, sex) = line.split_once("  ").expect("a name and its sex");
            sexed.insert(name.trim(), sex.trim() == "female");
        }
        let names = source_entries(&[include_str!("../data/first_names.txt")]);
        assert!(sexed.len() > 4_000 && names.len() > sexed.len());
        for name in names {
            assert_eq!(first_name_is_female(name), sexed.get(name).copied(), "{name:?}");
        }
        // Soft hyphens, and words that are no first name.
        assert_eq!(first_name_is_female("Mar\u{AD}garet"), Some(true));
        assert_eq!(first_name_is_female("Moscow"), None);
        assert_eq!(first_name_is_female(""), None);
    }

    #[test]
    fn a_word_is_folded_only_when_it_has_an_accented_letter() {
        // "Būsh" is a city whose folded form is a frequent surname: it stays listed, and "Bush" is no place.
        assert!(is_place("Būsh") && !is_place("Bush"));
        // Both spellings of a place whose folded form is listed, and an accented spelling GeoNames lacks.
        assert!(is_place("Bogotá") && is_place("Bogota") && is_place("BOGOTÁ") && is_place("Bógota"));
        assert!(is_place("Bogo\u{AD}tá") && !is_place("Bogotáx") && !is_place("Bogot"));
        assert_eq!(folded("Mahārāshtra").as_deref(), Some("Maharashtra"));
        // A letter without a folded form (a stroke is no accent) stays as it is.
        assert_eq!(folded("Łódź").as_deref(), Some("Łodz"));
        assert_eq!(folded("Moscow"), None);
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0) && FOLDS.iter().all(|(a, f)| !a.is_ascii() && a != f));
    }

    #[test]
    fn the_index_is_read_off_the_data() {
        // "Ab", "Ac" in one block, "Bcd", "Bx" in the next.
        let index = Index::of(b"\0Ab\x01c\0Bcd\x01x");
        assert_eq!(index.blocks, [0, 5, 11]);
        assert!(index.buckets[..=usize::from(b'A')].iter().all(|&b| b == 0));
        assert_eq!((index.buckets[usize::from(b'B')], index.buckets[usize::from(b'C')], index.buckets[256]), (1, 2, 2));
        assert_eq!((index.lengths[usize::from(b'A')], index.lengths[usize::from(b'B')]), (1 << 2, 1 << 2 | 1 << 3));
        assert_eq!(index.lengths.iter().filter(|&&l| l != 0).count(), 2);
        // Every list: each first byte's lengths are its entries', and its blocks are those whose first entry
        // begins with it.
        for list in [&PLACES, &FIRST_NAMES, &FIRST_NAMES_INTL, &ORGS, &COMMON_WORDS, &INVERTED_SPEECH_VERBS] {
            let (entries, index) = (list.entries(), list.index());
            let mut lengths = [0u32; 256];
            for entry in &entries {
                lengths[usize::from(entry.as_bytes()[0])] |= 1 << entry.len().min(31);
            }
            assert_eq!(index.lengths, lengths);
            for byte in 0..256 {
                let bucket = &index.blocks[usize::from(index.buckets[byte])..usize::from(index.buckets[byte + 1])];
                assert!(bucket.iter().all(|&head| usize::from(index.data[head as usize + 1]) == byte));
            }
            assert_eq!(usize::from(index.buckets[256]) + 1, index.blocks.len());
        }
    }

    #[test]
    fn a_remembered_lookup_gives_what_a_fresh_walk_gives() {
        // Entries, their neighbours one byte off and the same words in other lists, looked up twice in an order
        // that mixes lists: more words than `MEMO_SLOTS`, so slots are taken over, and every second lookup of a
        // kept word is remembered.
        let lists = [&PLACES, &FIRST_NAMES, &ORGS, &COMMON_WORDS, &TITLES];
        let mut words: Vec<String> = Vec::new();
        for list in lists {
            for entry in list.entries().iter().step_by(3) {
                words.push(entry.clone());
                words.push(format!("{entry}a"));
                words.push(entry[..entry.char_indices().last().map_or(0, |(at, _)| at)].to_string());
            }
        }
        assert!(words.len() > 4 * MEMO_SLOTS);
        for _ in 0..2 {
            for (n, word) in words.iter().enumerate() {
                let list = lists[n % lists.len()];
                let Some(&first) = word.as_bytes().first() else { continue };
                let fresh = if word.len() > list.max_len { None } else { walk(list.index(), first, word) };
                assert_eq!(find_as_written(list, word), fresh, "{word:?}");
            }
        }
    }

    #[test]
    fn a_blocks_first_entry_compares_as_its_bytes_do() {
        let words = ["", "A", "Ab", "Abc", "Abd", "Abcd", "Abb", "B", "a", "Ab~"];
        for entry in ["A", "Ab", "Abc", "Abcd", "B", "Ab~"] {
            for ending in [&b""[..], b"\x01x", b"\0Zz"] {
                let data = [&b"\0"[..], entry.as_bytes(), ending].concat();
                for word in words {
                    let expected = entry.as_bytes() <= word.as_bytes();
                    assert_eq!(first_entry_is_not_after(&data, 0, word.as_bytes()), expected, "{entry:?} {word:?}");
                }
            }
        }
    }

    #[test]
    fn a_block_walk_finds_exactly_its_entries() {
        let block = b"\0Aa\x01bc\x02d\x01e";
        for (word, found) in [
            ("Aa", Some(0)),
            ("Abc", Some(1)),
            ("Abd", Some(2)),
            ("Ae", Some(3)),
            ("", None),
            ("A", None),
            ("Ab", None),
            ("Abcd", None),
            ("Abe", None),
            ("Aab", None),
            ("Ac", None),
            ("Abca", None),
            ("Af", None),
            ("B", None),
            ("\0", None),
            ("bc", None),
        ] {
            assert_eq!(block_position(block, word.as_bytes()), found, "{word:?}");
        }
        assert_eq!(block_position(b"", b"A"), None);
    }

    #[test]
    fn lookups_know_basic_facts() {
        assert!(is_place("Moscow") && is_place("Russia") && is_place("Texas") && is_place("U.S."));
        assert!(is_org("TASS") && is_org("Interfax") && is_org("RFE/RL"));
        assert!(
            is_first_name("Sergei") || is_first_name("Vladimir") || is_first_name("Barack") || is_first_name("James")
        );
        assert!(is_first_name("JIM"));
        assert!(is_speech_verb("Said") && is_common_word("However") && !is_common_word("Lavrov"));
        assert!(is_title("President") && is_demonym("Russian"));
        assert!(is_place("NEW DELHI") && is_place("WASHINGTON") && is_place("UNITED STATES") && is_place("Kerala"));
        assert!(is_org("UNITED NATIONS") || is_place("UNITED NATIONS"));
        assert!(!is_place("THE") && !is_place("US-") && !is_org("SAID"));
    }

    #[test]
    fn a_one_word_org_is_found_in_lower_case_exactly_when_its_unicode_capitalisation_is_listed() {
        // … or the capitalisation with one more capital inside ("youtube" for "YouTube").
        let entries = ORGS.entries();
        let mut found = 0;
        let lowered =
            entries.iter().map(|e| e.to_lowercase()).chain(["reuter", "", "éxon", "fACEBOOK"].map(String::from));
        for word in lowered {
            let mut chars = word.chars();
            let unicode_capitalised: Option<String> = chars
                .next()
                .filter(|_| word.chars().all(|c| c.is_ascii_lowercase()) && word.len() <= ORGS.max_len)
                .map(|first| first.to_uppercase().chain(chars).collect());
            let expected = unicode_capitalised.is_some_and(|c| {
                let camel_listed = (2..c.len().saturating_sub(1)).any(|at| {
                    let camel: String =
                        c.char_indices().map(|(i, ch)| if i == at { ch.to_ascii_uppercase() } else { ch }).collect();
                    entries.contains(&camel)
                });
                entries.contains(&c) || camel_listed
            });
            assert_eq!(is_org_in_lower_case(&word), expected, "{word:?}");
            found += usize::from(expected);
        }
        assert!(found > 10, "only {found} one-word orgs found in lower case");
    }
}
