//! The user's annotations on one document: notes (on words or on the whole article, with replies),
//! decisions about the extractor's suggestions (entities, quotations, speakers), and entities the user
//! added. Machine output (the `Extraction`) is never changed; human decisions are kept beside it and
//! applied on top, so re-extraction keeps every decision.
//!
//! New fields are `#[serde(default)]`, so annotations saved by earlier versions keep loading
//! (`tests/saved_format.rs` loads a fixture of the first saved format).

use serde::{Deserialize, Serialize};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use crate::anchor::{AnchorStatus, TextTarget};
use crate::merge::Revisions;

/// A note on some words: free text and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Stable identifier ("note-7"), never reused within a document.
    pub id: String,
    /// Where the words are now (bytes), unless the note is an orphan.
    pub span: Option<Span>,
    /// The words and their context, for re-anchoring.
    pub target: TextTarget,
    /// How the note was last anchored.
    pub status: AnchorStatus,
    /// The note's text.
    #[serde(default)]
    pub text: String,
    /// Tags, without duplicates, in the order given.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Replies, in the order they were made (a thread under the note).
    #[serde(default)]
    pub replies: Vec<Reply>,
    /// Who wrote the note's text when it came from a file (its `creator`, a Hypothesis user); `None` for
    /// the user's own, and once the user edits it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The versions this note replaced: see [`Versions`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// A note on the whole article rather than on some words (a W3C annotation whose target is the page, a
/// Hypothesis page note). It has nothing to anchor, so it is never an orphan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentNote {
    /// Stable identifier, from the same sequence as notes on words.
    pub id: String,
    /// The note's text.
    pub text: String,
    /// Tags, without duplicates, in the order given.
    pub tags: Vec<String>,
    /// Replies, in the order they were made.
    #[serde(default)]
    pub replies: Vec<Reply>,
    /// The versions this note replaced: see [`Versions`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// One reply in a note's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// Stable identifier.
    pub id: String,
    /// Who wrote it, when the file says (a Hypothesis user, a W3C creator's name).
    pub author: Option<String>,
    /// What they wrote.
    pub text: String,
}

/// A person's correction of a quotation's speaker. Kept apart from the extractor's attribution, which
/// re-extraction recomputes; the correction still applies afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerCorrection {
    /// The quotation's bytes.
    pub quote: Span,
    /// The right speaker (a person in the document or a typed name); `None`: the speaker is unknown.
    pub speaker: Option<String>,
}

/// A quotation as the user sees it: not rejected, with the speaker after correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownQuote {
    /// Where it is.
    pub span: Span,
    /// Its speaker after correction.
    pub speaker: Option<String>,
    /// The speaker the extractor gave it.
    pub machine_speaker: Option<String>,
    /// True when a person corrected the speaker.
    pub speaker_corrected: bool,
    /// True when a person accepted the quotation.
    pub accepted: bool,
    /// Index into `Extraction::quotes`.
    pub quote: usize,
}

/// What the user decided about a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "decision", content = "kind", try_from = "DecisionFields")]
pub enum Decision {
    /// The suggestion is right.
    Accept,
    /// The suggestion is wrong: hide it, also after re-extraction.
    Reject,
    /// The words are an entity of another kind.
    Retag(EntityKind),
}

impl Decision {
    /// The decision as it acts on `scope`: a change of kind to the kind the extractor gave is an acceptance.
    /// Stored, exported and compared so, a round trip with a colleague does not read as another decision.
    pub fn as_given_to(self, scope: &ReviewScope) -> Decision {
        match (scope, self) {
            (ReviewScope::Mention { kind, .. } | ReviewScope::Entity { kind, .. }, Decision::Retag(to))
                if *kind == to =>
            {
                Decision::Accept
            }
            (_, decision) => decision,
        }
    }
}

/// Which suggestions a decision covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scope", try_from = "ScopeFields")]
pub enum ReviewScope {
    /// One mention, by its words' position and the kind the extractor gave it.
    Mention {
        /// The mention's bytes.
        span: Span,
        /// The extractor's kind for it.
        kind: EntityKind,
    },
    /// Every mention of one entity (its fullest name and the extractor's kind).
    Entity {
        /// The entity's name.
        name: String,
        /// The extractor's kind for it.
        kind: EntityKind,
    },
    /// One quotation, by its position.
    Quote {
        /// The quotation's bytes.
        span: Span,
    },
}

// `Decision` and `ReviewScope` are written as tagged enums but read through flat structs: serde reads a tagged
// enum by buffering the object in its generic `Content` tree first, about 10 KB of Wasm for these two. The same
// JSON is accepted, with the same messages for a missing field or an unknown tag.

/// A stored `Decision`'s fields.
#[derive(Deserialize)]
struct DecisionFields {
    decision: DecisionTag,
    kind: Option<EntityKind>,
}

/// A stored `Decision`'s tag.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum DecisionTag {
    Accept,
    Reject,
    Retag,
}

impl TryFrom<DecisionFields> for Decision {
    type Error = String;

    fn try_from(fields: DecisionFields) -> Result<Self, String> {
        Ok(match fields.decision {
            DecisionTag::Accept => Decision::Accept,
            DecisionTag::Reject => Decision::Reject,
            DecisionTag::Retag => Decision::Retag(required(fields.kind, "kind")?),
        })
    }
}

/// A stored `ReviewScope`'s fields.
#[derive(Deserialize)]
struct ScopeFields {
    scope: ScopeTag,
    span: Option<Span>,
    kind: Option<EntityKind>,
    name: Option<String>,
}

/// A stored `ReviewScope`'s tag.
#[derive(Deserialize)]
enum ScopeTag {
    Mention,
    Entity,
    Quote,
}

impl TryFrom<ScopeFields> for ReviewScope {
    type Error = String;

    fn try_from(fields: ScopeFields) -> Result<Self, String> {
        let ScopeFields { scope, span, kind, name } = fields;
        Ok(match scope {
            ScopeTag::Mention => ReviewScope::Mention { span: required(span, "span")?, kind: required(kind, "kind")? },
            ScopeTag::Entity => ReviewScope::Entity { name: required(name, "name")?, kind: required(kind, "kind")? },
            ScopeTag::Quote => ReviewScope::Quote { span: required(span, "span")? },
        })
    }
}

/// A field's value, or serde's message for a missing field.
fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

/// A human decision about machine suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// What it covers.
    pub scope: ReviewScope,
    /// What was decided.
    pub decision: Decision,
}

/// An entity the extractor missed, added by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedEntity {
    /// Stable identifier ("entity-3").
    pub id: String,
    /// Where the words are now, unless orphaned.
    pub span: Option<Span>,
    /// The words and their context.
    pub target: TextTarget,
    /// How it was last anchored.
    pub status: AnchorStatus,
    /// Its kind.
    pub kind: EntityKind,
}

/// Something anchored by its words: a note or an added entity. Re-anchoring and import treat both alike.
pub trait Anchorable {
    /// Its words and their context.
    fn target(&self) -> &TextTarget;
    /// Records where (and how) it was found.
    fn place(&mut self, found: crate::anchor::Anchored);
    /// Its identifier, to keep unique on import.
    fn id_mut(&mut self) -> &mut String;
}

/// Notes and added entities anchor the same way: through their `target`, `span`, `status` and `id`.
macro_rules! impl_anchorable {
    ($($kind:ty),*) => {$(
        impl Anchorable for $kind {
            fn target(&self) -> &TextTarget {
                &self.target
            }

            fn place(&mut self, found: crate::anchor::Anchored) {
                self.span = found.span;
                self.status = found.status;
            }

            fn id_mut(&mut self) -> &mut String {
                &mut self.id
            }
        }
    )*};
}

impl_anchorable!(Note, AddedEntity);

/// Everything the user made on one document. Cheap to clone: undo keeps whole snapshots.
/// Every field has a default, so saved annotations stay readable when fields are added.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotations {
    /// Notes, in the order they were made.
    pub notes: Vec<Note>,
    /// Decisions; a later decision on the same scope replaces the earlier one.
    pub reviews: Vec<Review>,
    /// Entities the user added.
    pub added: Vec<AddedEntity>,
    /// Notes on the whole article, in the order they were made.
    #[serde(default)]
    pub document_notes: Vec<DocumentNote>,
    /// Corrected speakers of quotations; a later correction of the same quotation replaces the earlier one.
    #[serde(default)]
    pub speakers: Vec<SpeakerCorrection>,
    /// The next number for an identifier; only grows.
    pub next_id: u64,
    /// The revision of every item changed since revisions exist, by the item's key (`crate::merge`); an item
    /// without one (saved before) is at revision zero.
    #[serde(skip_serializing_if = "Revisions::is_empty")]
    pub revisions: Revisions,
    /// Deleted items, by key: the revision each deletion saw. A version newer than that (an edit made at the
    /// same time in another tab) survives the deletion when the two are merged.
    #[serde(skip_serializing_if = "Revisions::is_empty")]
    pub deleted: Revisions,
    /// The versions of the notes deleted here, so that a file exported before a deletion does not bring the
    /// note back ([`DeletedVersions`]).
    #[serde(skip_serializing_if = "DeletedVersions::is_empty")]
    pub deleted_versions: DeletedVersions,
    /// Who is editing (the tab): put into new identifiers and revisions. Not saved.
    #[serde(skip)]
    pub replica: Replica,
}

/// Every version a deleted note had (the last, and those it replaced) and each of its replies, as the note's
/// identifier and the version's fingerprint ([`Versions::fingerprint`]), sorted, each once. `deleted` says which
/// item went; only this says which version went, which an import needs: a colleague's file sent before the
/// deletion holds that note (its identifier, or the IRI an export gave it) at that version and does not bring
/// it back, while a version edited since, a reply written since, or another person's note that happens to say
/// the same (another identifier) is news and comes. A set: merging two tabs' is their union.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeletedVersions(#[serde(deserialize_with = "sorted_set")] Vec<String>);

/// A list read as the set it is (any order, repeats once), as `DeletedVersions::of_list` makes it.
fn sorted_set<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<Vec<String>, D::Error> {
    Ok(DeletedVersions::of_list(Vec::deserialize(reader)?).0)
}

impl DeletedVersions {
    /// The set of `fingerprints` (in any order, repeats once).
    pub fn of_list(fingerprints: Vec<String>) -> Self {
        let mut set = Self::default();
        for fingerprint in fingerprints {
            set.insert(fingerprint);
        }
        set
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `fingerprint` is one of them.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.0.binary_search_by(|f| f.as_str().cmp(fingerprint)).is_ok()
    }

    /// Adds `fingerprint` (once).
    pub fn insert(&mut self, fingerprint: String) {
        if let Err(at) = self.0.binary_search(&fingerprint) {
            self.0.insert(at, fingerprint);
        }
    }

    /// Adds every one of `other`'s: one pass over both sorted lists (two tabs' thousands cost no more).
    pub fn join(&mut self, other: &DeletedVersions) {
        if other.0.iter().all(|f| self.contains(f)) {
            return;
        }
        let mut joined = Vec::with_capacity(self.0.len() + other.0.len());
        let mut ours = std::mem::take(&mut self.0).into_iter().peekable();
        let mut theirs = other.0.iter().peekable();
        loop {
            let next = match (ours.peek(), theirs.peek()) {
                (Some(a), Some(b)) if a == *b => {
                    theirs.next();
                    ours.next()
                }
                (Some(a), Some(b)) if a < *b => ours.next(),
                (_, Some(_)) => theirs.next().cloned(),
                (Some(_), None) => ours.next(),
                (None, None) => break,
            };
            joined.extend(next);
        }
        self.0 = joined;
    }

    /// The fingerprints, in order.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.iter()
    }

    /// The entry of version `fingerprint` of the note `id`.
    pub fn entry(id: &str, fingerprint: &str) -> String {
        format!("{id}\u{1}{fingerprint}")
    }

    /// A reply's fingerprint: its words, as an import tells replies apart within a thread (a reply is never
    /// edited, and its identifier in a file may be another's).
    pub fn of_reply(reply: &Reply) -> String {
        Versions::fingerprint("\u{1}reply", &reply.text, &[])
    }

    /// The identifiers of the deleted notes, each once.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> =
            self.0.iter().filter_map(|entry| entry.split_once('\u{1}')).map(|(id, _)| id).collect();
        ids.dedup();
        ids
    }

    /// Records the deleted note `id`: its version, the versions it replaced and its replies.
    pub fn record(&mut self, id: &str, version: &str, replaced: &[String], replies: &[Reply]) {
        self.insert(Self::entry(id, version));
        for fingerprint in replaced {
            self.insert(Self::entry(id, fingerprint));
        }
        for reply in replies {
            self.insert(Self::entry(id, &Self::of_reply(reply)));
        }
    }
}

/// The tag of one editing replica (a browser tab), given by the app (the core has no randomness): it goes into
/// new identifiers (`"note-8-k2x9q"`) so that two tabs never make the same identifier for different notes, and
/// into revisions to order two tabs' edits of one item. Empty (the CLI, tests): identifiers as before
/// (`"note-8"`).
///
/// It says who is editing, not what the annotations are, so it never makes two states differ: it compares
/// equal to any other tag.
#[derive(Debug, Clone, Default)]
pub struct Replica(String);

impl Replica {
    /// A tag from any string, keeping only ASCII letters and digits (lower-cased), so identifiers stay plain
    /// words that fit in attributes and IRIs.
    pub fn new(tag: &str) -> Self {
        Replica(tag.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect())
    }

    /// The tag (empty for none).
    pub fn tag(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Replica {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Replica {}

/// Who made an entity the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// The extractor suggested it and nobody has reviewed it.
    Suggested,
    /// The extractor suggested it and the user accepted it (possibly with another kind).
    Accepted,
    /// The user added it.
    Added,
}

/// An entity mention as the user sees it: the extractor's suggestion with human decisions applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownEntity {
    /// Where it is.
    pub span: Span,
    /// Its kind after review.
    pub kind: EntityKind,
    /// The kind the extractor gave it (equal to `kind` unless retagged or added).
    pub machine_kind: Option<EntityKind>,
    /// Its entity's name (for grouping).
    pub name: String,
    /// Who made it.
    pub provenance: Provenance,
    /// Index into `Extraction::entities`, for suggestions.
    pub mention: Option<usize>,
}

/// The number in an identifier the model made (`"note-12"`, `"note-12-k2x9q"`), if it is one.
pub(crate) fn id_number(id: &str) -> Option<u64> {
    let (what, rest) = id.split_once('-')?;
    let (number, tag) = rest.split_once('-').unwrap_or((rest, ""));
    let plain_tag = tag.chars().all(|c| c.is_ascii_alphanumeric());
    (!what.is_empty() && plain_tag).then(|| number.parse().ok()).flatten()
}

/// What tells the versions of a note apart when colleagues send files back and forth: a fingerprint of its
/// words, text and tags, and the fingerprints of the versions each edit or move replaced (`replaces`, oldest
/// first, at most [`Versions::KEPT`]). An import compares them: a file's version that this note replaced is an
/// older one (this one is kept), a file's version that replaced this one is newer (it is taken), and only
/// versions made apart from each other are kept side by side. Without them every exchange of an edited note
/// added one more copy beside it, and an old version came back with each file. The words are part of a
/// version, so a note moved to other words is a newer version, and two people's unrelated notes that happen
/// to share an id (`note-1` of two copies made without a tab's tag) never pass for versions of each other.
pub struct Versions;

impl Versions {
    /// How many replaced versions a note remembers: enough for a long exchange, bounded for the files.
    pub const KEPT: usize = 16;

    /// A version as 16 hex digits: 64-bit FNV-1a of the words, the text and each tag, kept apart by 0xFF and
    /// 0xFE, which UTF-8 never has (the words are empty for a note on the whole article).
    pub fn fingerprint(words: &str, text: &str, tags: &[String]) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &byte in bytes {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        eat(words.as_bytes());
        eat(&[0xFF]);
        eat(text.as_bytes());
        eat(&[0xFF]);
        for tag in tags {
            eat(tag.as_bytes());
            eat(&[0xFE]);
        }
        format!("{hash:016x}")
    }

    /// How a file's version of a note stands to the one here, each given as (fingerprint, replaced versions).
    pub fn compare(here: (&str, &[String]), file: (&str, &[String])) -> VersionOrder {
        let file_is_older = here.1.iter().any(|f| f == file.0);
        let file_is_newer = file.1.iter().any(|f| f == here.0);
        match (here.0 == file.0, file_is_older, file_is_newer) {
            (true, _, _) => VersionOrder::Same,
            // Each replaced the other (one side edited back to an earlier text): which came last, neither says.
            (false, true, true) | (false, false, false) => VersionOrder::Apart,
            (false, true, false) => VersionOrder::Older,
            (false, false, true) => VersionOrder::Newer,
        }
    }

    /// Records that the version `old` was replaced by `new` (fingerprints).
    fn record(replaces: &mut Vec<String>, old: String, new: &str) {
        if old == new {
            return;
        }
        // A version edited back to is the current one, not a replaced one.
        replaces.retain(|f| *f != old && f != new);
        replaces.push(old);
        let over = replaces.len().saturating_sub(Self::KEPT);
        replaces.drain(..over);
    }
}

impl Note {
    /// This version's fingerprint ([`Versions`]).
    pub fn version(&self) -> String {
        Versions::fingerprint(&self.target.exact, &self.text, &self.tags)
    }
}

impl DocumentNote {
    /// This version's fingerprint ([`Versions`]).
    pub fn version(&self) -> String {
        Versions::fingerprint("", &self.text, &self.tags)
    }
}

/// How a file's version of a note stands to the note of the same id here ([`Versions::compare`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionOrder {
    /// The same text and tags.
    Same,
    /// A version the note here replaced.
    Older,
    /// A version that replaced the note here.
    Newer,
    /// Versions made apart from each other (both edited since they were one).
    Apart,
}

/// Tags trimmed (of white space and of the invisible format characters a paste brings: soft hyphens, zero-width
/// spaces and joiners, word joiners, byte-order marks, direction marks — a tag of nothing but those showed as an empty
/// `#`), without a leading `#`, white space inside as one space, each once whatever its case.
fn tidy_tags(tags: Vec<String>) -> Vec<String> {
    let invisible = |c: char| {
        c.is_whitespace()
            || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    let mut out: Vec<String> = Vec::new();
    for tag in tags.into_iter().map(|t| {
        // White space inside a tag once (`arms  race` is `arms race`: two filter entries that look alike).
        let inner = t.trim_matches(invisible).trim_start_matches('#').trim_matches(invisible);
        inner.split_whitespace().collect::<Vec<_>>().join(" ")
    }) {
        // The same tag in another case is the same tag (`Policy, policy`): the first spelling stays.
        // Through the extractor's tables: the standard library's lower-casing would link its own (5 KB).
        let folded = sidenote_extract::case::lowercase(&tag);
        if !tag.is_empty() && !out.iter().any(|t| sidenote_extract::case::lowercase(t) == folded) {
            out.push(tag);
        }
    }
    out
}

impl Annotations {
    /// A new identifier (`"{what}-{n}"`, with the replica's tag `"{what}-{n}-{tag}"`), never used before in
    /// this document, nor by another tab: every identifier the model and an import make comes from here.
    pub fn fresh_id(&mut self, what: &str) -> String {
        self.next_id += 1;
        match self.replica.tag() {
            "" => format!("{what}-{}", self.next_id),
            tag => format!("{what}-{}-{tag}", self.next_id),
        }
    }

    /// Keeps the sequence above an identifier made elsewhere (an import of `"note-12"` or `"note-12-k2x9q"`),
    /// so that fresh identifiers never collide with it.
    pub fn reserve_id(&mut self, id: &str) {
        if let Some(n) = id_number(id) {
            self.next_id = self.next_id.max(n);
        }
    }

    /// Whether an identifier is used by a note, a note on the article, a reply or an added entity.
    pub fn id_taken(&self, id: &str) -> bool {
        let replies =
            self.notes.iter().flat_map(|n| &n.replies).chain(self.document_notes.iter().flat_map(|n| &n.replies));
        self.notes.iter().any(|n| n.id == id)
            || self.document_notes.iter().any(|n| n.id == id)
            || self.added.iter().any(|a| a.id == id)
            || replies.into_iter().any(|r| r.id == id)
    }

    /// How many notes there are: on words and on the whole article (what the Notes tab and the Library count).
    pub fn note_count(&self) -> usize {
        self.notes.len() + self.document_notes.len()
    }

    /// Gives a fresh identifier to every note (on words or on the article) and added entity whose identifier an
    /// item after it also has (a save edited by hand or written by a bug), and returns how many changed.
    /// Everything that keys items by identifier (the merge of two tabs, the save that merges with what is
    /// stored) would keep only one of them. The LAST of each stays as it is because that is the one the merge
    /// keeps of the stored record: the save then finds that item unchanged and the others new, so none is lost.
    pub fn separate_shared_ids(&mut self) -> usize {
        let keys: Vec<String> = self
            .notes
            .iter()
            .map(|n| format!("note:{}", n.id))
            .chain(self.document_notes.iter().map(|n| format!("note:{}", n.id)))
            .chain(self.added.iter().map(|e| format!("entity:{}", e.id)))
            .collect();
        let last = crate::last_by_key::LastByKey::of(keys.iter().enumerate().map(|(at, key)| (key.as_str(), at)));
        let shadowed: Vec<usize> = (0..keys.len()).filter(|at| last.get(keys[*at].as_str()) != Some(at)).collect();
        drop(last);
        let (notes, document_notes) = (self.notes.len(), self.document_notes.len());
        for &at in &shadowed {
            let what = if at < notes + document_notes { "note" } else { "entity" };
            let id = self.fresh_id(what);
            let slot = if at < notes {
                self.notes.get_mut(at).map(|n| &mut n.id)
            } else if at < notes + document_notes {
                self.document_notes.get_mut(at - notes).map(|n| &mut n.id)
            } else {
                self.added.get_mut(at - notes - document_notes).map(|e| &mut e.id)
            };
            if let Some(slot) = slot {
                *slot = id;
            }
        }
        shadowed.len()
    }

    /// Adds a note on the whole article; returns its id.
    pub fn add_document_note(&mut self, body: String, tags: Vec<String>) -> String {
        let id = self.fresh_id("note");
        self.document_notes.push(DocumentNote {
            id: id.clone(),
            text: body,
            tags: tidy_tags(tags),
            replies: Vec::new(),
            replaces: Vec::new(),
        });
        id
    }

    /// Adds a reply to a note (on words or on the article); returns its id, or `None` if there is no such note.
    pub fn add_reply(&mut self, note_id: &str, author: Option<String>, body: String) -> Option<String> {
        if !self.notes.iter().any(|n| n.id == note_id) && !self.document_notes.iter().any(|n| n.id == note_id) {
            return None;
        }
        let id = self.fresh_id("reply");
        let reply = Reply { id: id.clone(), author, text: body };
        match self.notes.iter_mut().find(|n| n.id == note_id) {
            Some(note) => note.replies.push(reply),
            None => {
                self.document_notes.iter_mut().filter(|n| n.id == note_id).for_each(|n| n.replies.push(reply.clone()))
            }
        }
        Some(id)
    }

    /// Adds a note on `span` of `text`; returns its id.
    pub fn add_note(&mut self, text: &str, span: Span, body: String, tags: Vec<String>) -> String {
        let id = self.fresh_id("note");
        let target = TextTarget::of(text, &OffsetIndex::new(text), span);
        self.notes.push(Note {
            id: id.clone(),
            span: Some(span),
            target,
            status: AnchorStatus::Exact,
            text: body,
            tags: tidy_tags(tags),
            replies: Vec::new(),
            author: None,
            replaces: Vec::new(),
        });
        id
    }

    /// Changes a note's (on words or on the article) text and tags; false if there is no such note.
    pub fn edit_note(&mut self, id: &str, body: String, tags: Vec<String>) -> bool {
        if let Some(note) = self.notes.iter_mut().find(|n| n.id == id) {
            // An edited note's text is the user's own from now on, whoever wrote it first.
            if note.text != body {
                note.author = None;
            }
            let old = note.version();
            note.text = body;
            note.tags = tidy_tags(tags);
            let new = note.version();
            Versions::record(&mut note.replaces, old, &new);
            return true;
        }
        match self.document_notes.iter_mut().find(|n| n.id == id) {
            Some(note) => {
                let old = note.version();
                note.text = body;
                note.tags = tidy_tags(tags);
                let new = note.version();
                Versions::record(&mut note.replaces, old, &new);
                true
            }
            None => false,
        }
    }

    /// Removes a note (on words or on the article) with its replies; false if there is no such note.
    pub fn delete_note(&mut self, id: &str) -> bool {
        let before = self.notes.len() + self.document_notes.len();
        // Remembered so that a colleague's file holding this version does not bring it back
        // (`DeletedVersions`); only a deletion the user makes, not an undo, which may take back an import.
        let mut gone = std::mem::take(&mut self.deleted_versions);
        for note in self.notes.iter().filter(|n| n.id == id) {
            gone.record(id, &note.version(), &note.replaces, &note.replies);
        }
        for note in self.document_notes.iter().filter(|n| n.id == id) {
            gone.record(id, &note.version(), &note.replaces, &note.replies);
        }
        self.deleted_versions = gone;
        self.notes.retain(|n| n.id != id);
        self.document_notes.retain(|n| n.id != id);
        self.notes.len() + self.document_notes.len() != before
    }

    /// Attaches an orphaned (or any) note to new words.
    pub fn reattach_note(&mut self, text: &str, id: &str, span: Span) -> bool {
        let target = TextTarget::of(text, &OffsetIndex::new(text), span);
        match self.notes.iter_mut().find(|n| n.id == id) {
            Some(note) => {
                let old = note.version();
                note.span = Some(span);
                note.target = target;
                note.status = AnchorStatus::Exact;
                // Moved to other words: a newer version, for a colleague's copy to follow.
                let new = note.version();
                Versions::record(&mut note.replaces, old, &new);
                true
            }
            None => false,
        }
    }

    /// Records a decision, replacing an earlier one on the same scope.
    pub fn review(&mut self, scope: ReviewScope, decision: Decision) {
        let decision = decision.as_given_to(&scope);
        self.reviews.retain(|r| r.scope != scope);
        self.reviews.push(Review { scope, decision });
    }

    /// Adds an entity the extractor missed; returns its id.
    pub fn add_entity(&mut self, text: &str, span: Span, kind: EntityKind) -> String {
        let id = self.fresh_id("entity");
        let target = TextTarget::of(text, &OffsetIndex::new(text), span);
        self.added.retain(|a| a.span != Some(span));
        self.added.push(AddedEntity { id: id.clone(), span: Some(span), target, status: AnchorStatus::Exact, kind });
        id
    }

    /// Adds many entities at once (an imported file), indexing the text once; returns their ids.
    pub fn add_entities(&mut self, text: &str, entities: &[(Span, EntityKind)]) -> Vec<String> {
        let index = OffsetIndex::new(text);
        let mut ids = Vec::with_capacity(entities.len());
        for &(span, kind) in entities {
            let id = self.fresh_id("entity");
            let target = TextTarget::of(text, &index, span);
            self.added.retain(|a| a.span != Some(span));
            self.added.push(AddedEntity {
                id: id.clone(),
                span: Some(span),
                target,
                status: AnchorStatus::Exact,
                kind,
            });
            ids.push(id);
        }
        ids
    }

    /// Removes an added entity.
    pub fn remove_added_entity(&mut self, id: &str) -> bool {
        let before = self.added.len();
        self.added.retain(|a| a.id != id);
        self.added.len() != before
    }

    /// The decision that applies to one mention: its own, else its entity's.
    pub fn decision_for(&self, span: Span, kind: EntityKind, name: &str) -> Option<Decision> {
        let own = self.reviews.iter().rev().find(|r| r.scope == ReviewScope::Mention { span, kind });
        let entity =
            || self.reviews.iter().rev().find(|r| r.scope == ReviewScope::Entity { name: name.to_string(), kind });
        own.or_else(entity).map(|r| r.decision)
    }

    /// Corrects a quotation's speaker (`None`: the speaker is unknown), replacing an earlier correction.
    pub fn correct_speaker(&mut self, quote: Span, speaker: Option<String>) {
        let speaker = speaker.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        self.speakers.retain(|c| c.quote != quote);
        self.speakers.push(SpeakerCorrection { quote, speaker });
    }

    /// Withdraws a speaker correction, so the extractor's speaker shows again; false if there was none.
    pub fn clear_speaker_correction(&mut self, quote: Span) -> bool {
        let before = self.speakers.len();
        self.speakers.retain(|c| c.quote != quote);
        self.speakers.len() != before
    }

    /// The correction of a quotation's speaker, if any.
    pub fn speaker_correction(&self, quote: Span) -> Option<&SpeakerCorrection> {
        self.speakers.iter().rev().find(|c| c.quote == quote)
    }

    /// The people a speaker can be corrected to: the names of the persons shown in the document, each once,
    /// in reading order (the user may also type any other name).
    pub fn speaker_choices(&self, extraction: &Extraction) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for entity in self.shown_entities(extraction).into_iter().filter(|e| e.kind == EntityKind::Person) {
            if !names.contains(&entity.name) {
                names.push(entity.name);
            }
        }
        names
    }

    /// The quotations to show, in reading order: rejected ones left out, speakers as corrected. The
    /// article, the legend and the Quotes tab all count these, so they agree.
    pub fn shown_quotes(&self, extraction: &Extraction) -> Vec<ShownQuote> {
        let mut out = Vec::new();
        let decisions = DecisionIndex::new(&self.reviews);
        let corrections = speaker_corrections(self);
        for (index, quote) in extraction.quotes.iter().enumerate() {
            let decision = decisions.quote_decision(quote.span);
            if decision == Some(Decision::Reject) {
                continue;
            }
            let correction = looked_up(&corrections, &quote.span).copied();
            out.push(ShownQuote {
                span: quote.span,
                speaker: correction.map_or_else(|| quote.speaker.clone(), |c| c.speaker.clone()),
                machine_speaker: quote.speaker.clone(),
                speaker_corrected: correction.is_some(),
                accepted: decision.is_some(),
                quote: index,
            });
        }
        sidenote_extract::sort_stable_by_key(&mut out, |q| q.span);
        out
    }

    /// The decision on a quotation, if any.
    pub fn quote_decision(&self, span: Span) -> Option<Decision> {
        self.reviews.iter().rev().find(|r| r.scope == ReviewScope::Quote { span }).map(|r| r.decision)
    }

    /// The entities to show: suggestions with decisions applied (rejected ones left out) and added ones.
    ///
    /// Linear in the mentions, the added entities and the reviews (up to sorting): it runs on every change
    /// of a long document, whose mentions may be tens of thousands.
    pub fn shown_entities(&self, extraction: &Extraction) -> Vec<ShownEntity> {
        let mut out = Vec::new();
        let covered = CoveredSpans::new(self.added.iter().filter_map(|a| a.span));
        let decisions = DecisionIndex::new(&self.reviews);
        for (index, mention) in extraction.entities.iter().enumerate() {
            let name = &extraction.groups[mention.group].name;
            if covered.overlaps(mention.span) {
                continue; // the user's own entity on these words wins
            }
            let (kind, provenance) = match decisions.decision_for(mention.span, mention.kind, name) {
                Some(Decision::Reject) => continue,
                Some(Decision::Accept) => (mention.kind, Provenance::Accepted),
                Some(Decision::Retag(kind)) => (kind, Provenance::Accepted),
                None => (mention.kind, Provenance::Suggested),
            };
            out.push(ShownEntity {
                span: mention.span,
                kind,
                machine_kind: Some(mention.kind),
                name: name.clone(),
                provenance,
                mention: Some(index),
            });
        }
        // One added entity per span: two tabs that add one on the same words at the same time both keep theirs
        // (a merge is a union), and one shows, the same in every tab (the greatest id; the other stays stored).
        let mut by_id: Vec<(Span, &AddedEntity)> =
            self.added.iter().filter_map(|added| added.span.map(|span| (span, added))).collect();
        sidenote_extract::sort_stable_by(&mut by_id, |a, b| a.1.id.cmp(&b.1.id));
        for (span, added) in last_by_key(by_id) {
            out.push(ShownEntity {
                span,
                kind: added.kind,
                machine_kind: None,
                name: added.target.exact.clone(),
                provenance: Provenance::Added,
                mention: None,
            });
        }
        sidenote_extract::sort_stable_by_key(&mut out, |e| e.span);
        out
    }

    /// Notes sorted in reading order, orphans last.
    pub fn notes_in_reading_order(&self) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.notes.iter().collect();
        sidenote_extract::sort_stable_by_key(&mut notes, |n| {
            (n.span.is_none(), n.span.map_or(0, |s| s.start), n.span.map_or(0, |s| s.end))
        });
        notes
    }
}

/// The last decision for each mention and each entity, as [`Annotations::decision_for`] finds them, read once.
/// Also the decision on each quotation, as [`Annotations::quote_decision`] finds it. Sorted vectors searched by
/// halves, not hash maps: each map type would be its own copy of the hashing code in the Wasm.
pub(crate) struct DecisionIndex<'a> {
    mentions: Vec<((Span, EntityKind), Decision)>,
    entities: Vec<((&'a str, EntityKind), Decision)>,
    quotes: Vec<(Span, Decision)>,
}

impl<'a> DecisionIndex<'a> {
    pub(crate) fn new(reviews: &'a [Review]) -> Self {
        let (mut mentions, mut entities, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
        for review in reviews {
            match &review.scope {
                ReviewScope::Mention { span, kind } => mentions.push(((*span, *kind), review.decision)),
                ReviewScope::Entity { name, kind } => entities.push(((name.as_str(), *kind), review.decision)),
                ReviewScope::Quote { span } => quotes.push((*span, review.decision)),
            }
        }
        // In order, so that a later decision replaces an earlier one, as the newest-first search finds it.
        DecisionIndex { mentions: last_by_key(mentions), entities: last_by_key(entities), quotes: last_by_key(quotes) }
    }

    pub(crate) fn decision_for(&self, span: Span, kind: EntityKind, name: &str) -> Option<Decision> {
        looked_up(&self.mentions, &(span, kind)).or_else(|| looked_up(&self.entities, &(name, kind))).copied()
    }

    pub(crate) fn quote_decision(&self, span: Span) -> Option<Decision> {
        looked_up(&self.quotes, &span).copied()
    }
}

/// The last speaker correction of each quotation, as [`Annotations::speaker_correction`] finds it, sorted by
/// quotation for [`looked_up`].
pub(crate) fn speaker_corrections(annotations: &Annotations) -> Vec<(Span, &SpeakerCorrection)> {
    last_by_key(annotations.speakers.iter().map(|correction| (correction.quote, correction)).collect())
}

/// `items` sorted by key, keeping the last of the items that share a key.
pub(crate) fn last_by_key<K: Ord, V>(mut items: Vec<(K, V)>) -> Vec<(K, V)> {
    sidenote_extract::sort_stable_by(&mut items, |a, b| a.0.cmp(&b.0));
    let mut kept: Vec<(K, V)> = Vec::with_capacity(items.len());
    for item in items {
        if kept.last().is_some_and(|last| last.0 == item.0) {
            kept.pop();
        }
        kept.push(item);
    }
    kept
}

/// The value under `key` in items sorted by [`last_by_key`].
pub(crate) fn looked_up<'v, K: Ord, V>(items: &'v [(K, V)], key: &K) -> Option<&'v V> {
    items.binary_search_by(|(k, _)| k.cmp(key)).ok().map(|at| &items[at].1)
}

/// Spans to test others against for overlap in logarithmic time: sorted by start, with the largest end
/// among each prefix.
struct CoveredSpans {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl CoveredSpans {
    fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.collect();
        sidenote_extract::sort_stable_by(&mut spans, Span::cmp);
        let mut max_end = Vec::with_capacity(spans.len());
        let mut largest = 0;
        for span in &spans {
            largest = largest.max(span.end);
            max_end.push(largest);
        }
        CoveredSpans { starts: spans.iter().map(|s| s.start).collect(), max_end }
    }

    /// Whether some span overlaps `span` as [`Span::overlaps`] says: one that starts before `span` ends
    /// and ends after it starts.
    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&start| start < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn covered_spans_and_the_decision_index_agree_with_their_definitions() {
        // Every span over 0..6, empty ones included, against every set of up to three of them.
        let all: Vec<Span> = (0..6).flat_map(|s| (s..6).map(move |e| Span::new(s, e))).collect();
        for a in &all {
            for b in &all {
                for c in all.iter().step_by(3) {
                    let set = [*a, *b, *c];
                    let covered = CoveredSpans::new(set.iter().copied());
                    for probe in &all {
                        assert_eq!(
                            covered.overlaps(*probe),
                            set.iter().any(|s| s.overlaps(*probe)),
                            "{set:?} {probe:?}"
                        );
                    }
                }
            }
        }
        assert!(!CoveredSpans::new(std::iter::empty()).overlaps(Span::new(0, 3)));
        let mut corrected = Annotations::default();
        for (quote, speaker) in [(0, "A"), (5, "B"), (0, "C")] {
            corrected
                .speakers
                .push(SpeakerCorrection { quote: Span::new(quote, quote + 3), speaker: Some(speaker.into()) });
        }
        let index = speaker_corrections(&corrected);
        for quote in [0, 5, 9].map(|at| Span::new(at, at + 3)) {
            assert_eq!(looked_up(&index, &quote).copied(), corrected.speaker_correction(quote));
        }
        let mut annotations = Annotations::default();
        let (here, there) = (Span::new(0, 5), Span::new(10, 15));
        let person = EntityKind::Person;
        let reviews = [
            (ReviewScope::Entity { name: "Ann".into(), kind: person }, Decision::Reject),
            (ReviewScope::Mention { span: here, kind: person }, Decision::Accept),
            (ReviewScope::Entity { name: "Ann".into(), kind: person }, Decision::Retag(EntityKind::Org)),
            (ReviewScope::Quote { span: there }, Decision::Reject),
        ];
        for (scope, decision) in reviews {
            annotations.reviews.push(Review { scope, decision });
            let index = DecisionIndex::new(&annotations.reviews);
            for (span, kind, name) in
                [(here, person, "Ann"), (there, person, "Ann"), (there, person, "Bo"), (here, EntityKind::Org, "Ann")]
            {
                assert_eq!(index.decision_for(span, kind, name), annotations.decision_for(span, kind, name));
                assert_eq!(index.quote_decision(span), annotations.quote_decision(span));
            }
        }
    }

    /// The derives `Decision` and `ReviewScope` had before they were read through flat structs.
    mod derived {
        use serde::Deserialize;
        use sidenote_extract::{EntityKind, Span};

        #[derive(Debug, PartialEq, Deserialize)]
        #[serde(rename_all = "lowercase", tag = "decision", content = "kind")]
        pub enum Decision {
            Accept,
            Reject,
            Retag(EntityKind),
        }

        #[derive(Debug, PartialEq, Deserialize)]
        #[serde(tag = "scope")]
        pub enum ReviewScope {
            Mention { span: Span, kind: EntityKind },
            Entity { name: String, kind: EntityKind },
            Quote { span: Span },
        }
    }

    /// Stored decisions and scopes, good and bad, read as the derived tagged enums read them: the same values,
    /// and for bad ones the same message (the written form is still the derived one, checked by the round trip).
    #[test]
    fn decisions_and_scopes_read_as_the_tagged_enums_did() {
        let decisions = [
            r#"{"decision":"accept"}"#,
            r#"{"decision":"reject","extra":1}"#,
            r#"{"decision":"retag","kind":"Person"}"#,
            r#"{"kind":"Place","decision":"retag"}"#,
            r#"{"decision":"retag"}"#,
            r#"{"decision":"maybe"}"#,
            r#"{"kind":"Person"}"#,
            r#"{"decision":"retag","kind":"Nothing"}"#,
            r#"[]"#,
        ];
        for json in decisions {
            let ours = serde_json::from_str::<Decision>(json);
            let theirs = serde_json::from_str::<derived::Decision>(json);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{json}: {ours:?} / {theirs:?}");
            if let (Ok(ours), Ok(theirs)) = (&ours, &theirs) {
                assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{json}");
                let again = serde_json::to_string(ours).expect("a decision is written");
                assert_eq!(serde_json::from_str::<Decision>(&again).expect("and read back"), *ours);
            }
        }
        let scopes = [
            r#"{"scope":"Mention","span":{"start":1,"end":4},"kind":"Org"}"#,
            r#"{"span":{"start":1,"end":4},"kind":"Org","scope":"Mention","other":[1]}"#,
            r#"{"scope":"Entity","name":"Ada","kind":"Person"}"#,
            r#"{"scope":"Quote","span":{"start":0,"end":9}}"#,
            r#"{"scope":"Quote"}"#,
            r#"{"scope":"Mention","span":{"start":1,"end":4}}"#,
            r#"{"scope":"Entity","kind":"Person"}"#,
            r#"{"scope":"Everything"}"#,
            r#"{"span":{"start":0,"end":9}}"#,
        ];
        for json in scopes {
            let ours = serde_json::from_str::<ReviewScope>(json);
            let theirs = serde_json::from_str::<derived::ReviewScope>(json);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{json}: {ours:?} / {theirs:?}");
            match (&ours, &theirs) {
                (Ok(ours), Ok(theirs)) => {
                    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{json}");
                    let again = serde_json::to_string(ours).expect("a scope is written");
                    assert_eq!(serde_json::from_str::<ReviewScope>(&again).expect("and read back"), *ours);
                }
                (Err(ours), Err(theirs)) => {
                    let message =
                        |e: &serde_json::Error| e.to_string().split(" at line").next().unwrap_or("").to_string();
                    assert_eq!(message(ours), message(theirs), "{json}");
                }
                _ => unreachable!(),
            }
        }
    }
    use super::*;

    #[test]
    fn notes_have_stable_ids_and_tidy_tags() {
        let text = "Sergei Lavrov spoke in Moscow.";
        let mut set = Annotations::default();
        let a = set.add_note(text, Span::new(0, 13), "who".into(), vec!["#russia".into(), "russia".into(), " ".into()]);
        assert!(set.delete_note(&a));
        let b = set.add_note(text, Span::new(23, 29), "where".into(), vec![]);
        assert_ne!(a, b, "ids are never reused");
        assert_eq!(set.notes[0].tags, Vec::<String>::new());
        assert!(set.edit_note(&b, "the capital".into(), vec!["place".into()]));
        assert_eq!(set.notes[0].text, "the capital");
        // Invisible characters alone are no tag; around a word they go.
        let invisible = ["\u{200B}", "\u{200D}\u{FEFF}", "#\u{2060}", "\u{202E}", "\u{AD}", "\u{200B}#city\u{200B}"];
        assert!(set.edit_note(&b, "t".into(), invisible.iter().map(|t| t.to_string()).collect()));
        assert_eq!(set.notes[0].tags, ["city"]);
        assert!(set.edit_note(&b, "t".into(), vec!["👩\u{200D}💻 dev".into()]));
        assert_eq!(set.notes[0].tags, ["👩\u{200D}💻 dev"], "a joiner inside an emoji stays");
        // One tag whatever its case and however many spaces it holds; the first spelling stays.
        let alike = ["Policy", "policy", "POLICY", "arms  race", "arms\trace", " Arms Race "];
        assert!(set.edit_note(&b, "t".into(), alike.iter().map(|t| t.to_string()).collect()));
        assert_eq!(set.notes[0].tags, ["Policy", "arms race"]);
    }

    #[test]
    fn reviews_apply_to_mentions_and_entities() {
        let text = "Sergei Lavrov spoke. Lavrov left Moscow for Paris.";
        let extraction = sidenote_extract::extract(text);
        let mut set = Annotations::default();
        set.review(ReviewScope::Entity { name: "Sergei Lavrov".into(), kind: EntityKind::Person }, Decision::Accept);
        let moscow = extraction.entities.iter().find(|e| e.span.slice(text) == "Moscow").expect("Moscow found");
        set.review(ReviewScope::Mention { span: moscow.span, kind: moscow.kind }, Decision::Reject);
        let paris = extraction.entities.iter().find(|e| e.span.slice(text) == "Paris").expect("Paris found");
        set.review(ReviewScope::Mention { span: paris.span, kind: paris.kind }, Decision::Retag(EntityKind::Org));
        let shown = set.shown_entities(&extraction);
        let describe: Vec<(&str, EntityKind, Provenance)> =
            shown.iter().map(|e| (e.span.slice(text), e.kind, e.provenance)).collect();
        assert_eq!(
            describe,
            [
                ("Sergei Lavrov", EntityKind::Person, Provenance::Accepted),
                ("Lavrov", EntityKind::Person, Provenance::Accepted),
                ("Paris", EntityKind::Org, Provenance::Accepted),
            ]
        );
    }

    #[test]
    fn added_entities_replace_overlapping_suggestions() {
        let text = "The New START treaty expires.";
        let extraction = sidenote_extract::extract(text);
        let mut set = Annotations::default();
        set.add_entity(text, Span::new(4, 13), EntityKind::Misc);
        let shown = set.shown_entities(&extraction);
        assert!(shown.iter().any(|e| e.span.slice(text) == "New START" && e.provenance == Provenance::Added));
        assert!(!shown.iter().any(|e| e.span.slice(text) == "START"));
    }

    #[test]
    fn speakers_are_corrected_apart_from_the_extractor_and_rejected_quotes_are_not_shown() {
        let text = "“We are ready to talk,” Sergei Lavrov said.\n\n“We will see about that later,” said Maria Zakharova.\n\n“There is nothing more to add today,” he added.";
        let extraction = sidenote_extract::extract(text);
        assert_eq!(extraction.quotes.len(), 3, "{:?}", extraction.quotes);
        let [first, second, third] = [0, 1, 2].map(|n| extraction.quotes[n].span);
        let mut set = Annotations::default();
        set.review(ReviewScope::Quote { span: second }, Decision::Reject);
        set.correct_speaker(first, Some("  Maria Zakharova ".into()));
        set.correct_speaker(third, Some("   ".into()));
        let shown = set.shown_quotes(&extraction);
        let describe: Vec<(Span, Option<&str>, bool)> =
            shown.iter().map(|q| (q.span, q.speaker.as_deref(), q.speaker_corrected)).collect();
        assert_eq!(describe, [(first, Some("Maria Zakharova"), true), (third, None, true)]);
        assert_eq!(shown[0].machine_speaker, extraction.quotes[0].speaker, "the machine's speaker is kept apart");
        assert_eq!(extraction, sidenote_extract::extract(text), "machine output is never edited");
        assert!(set.clear_speaker_correction(first));
        assert!(!set.clear_speaker_correction(first));
        assert_eq!(set.shown_quotes(&extraction)[0].speaker, extraction.quotes[0].speaker);
        let choices = set.speaker_choices(&extraction);
        assert!(choices.contains(&"Sergei Lavrov".to_string()) && choices.contains(&"Maria Zakharova".to_string()));
        assert_eq!(choices.iter().filter(|c| c.as_str() == "Sergei Lavrov").count(), 1, "{choices:?}");
    }

    #[test]
    fn notes_on_the_article_have_replies_and_ids_from_one_sequence() {
        let text = "Sergei Lavrov spoke.";
        let mut set = Annotations::default();
        let on_words = set.add_note(text, Span::new(0, 13), "who".into(), vec![]);
        let overall = set.add_document_note("overall".into(), vec!["#summary".into()]);
        let reply = set.add_reply(&overall, Some("Bea".into()), "yes".into()).expect("the note exists");
        assert!(set.add_reply("note-99", None, "lost".into()).is_none());
        set.add_reply(&on_words, None, "and?".into()).expect("the note exists");
        let ids = [&on_words, &overall, &reply];
        assert_eq!(ids, ["note-1", "note-2", "reply-3"]);
        assert!(ids.iter().all(|id| set.id_taken(id)));
        assert_eq!(set.document_notes[0].tags, ["summary"]);
        assert_eq!(set.notes[0].replies[0].text, "and?");
        assert!(set.edit_note(&overall, "whole".into(), vec![]));
        assert_eq!(set.document_notes[0].text, "whole");
        assert!(set.delete_note(&overall));
        assert!(set.document_notes.is_empty() && !set.id_taken(&reply));
        set.reserve_id("note-41");
        set.reserve_id("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assert_eq!(set.fresh_id("note"), "note-42", "fresh ids stay above imported ones");
    }
}
