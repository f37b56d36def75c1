//! The user's annotations on one document: notes, decisions about the extractor's suggestions, and
//! entities the user added. Machine output (the `Extraction`) is never changed; human decisions are kept
//! beside it and applied on top, so re-extraction keeps every decision.

use serde::{Deserialize, Serialize};
use sidenote_extract::offsets::OffsetIndex;
use sidenote_extract::{EntityKind, Extraction, Span};

use crate::anchor::{AnchorStatus, TextTarget};

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
}

/// What the user decided about a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "decision", content = "kind")]
pub enum Decision {
    /// The suggestion is right.
    Accept,
    /// The suggestion is wrong: hide it, also after re-extraction.
    Reject,
    /// The words are an entity of another kind.
    Retag(EntityKind),
}

/// Which suggestions a decision covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scope")]
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
    /// The next number for an identifier; only grows.
    pub next_id: u64,
}

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

fn tidy_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.into_iter().map(|t| t.trim().trim_start_matches('#').to_string()).filter(|t| !t.is_empty()) {
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

impl Annotations {
    fn fresh_id(&mut self, what: &str) -> String {
        self.next_id += 1;
        format!("{what}-{}", self.next_id)
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
        });
        id
    }

    /// Changes a note's text and tags; false if there is no such note.
    pub fn edit_note(&mut self, id: &str, body: String, tags: Vec<String>) -> bool {
        match self.notes.iter_mut().find(|n| n.id == id) {
            Some(note) => {
                note.text = body;
                note.tags = tidy_tags(tags);
                true
            }
            None => false,
        }
    }

    /// Removes a note; false if there is no such note.
    pub fn delete_note(&mut self, id: &str) -> bool {
        let before = self.notes.len();
        self.notes.retain(|n| n.id != id);
        self.notes.len() != before
    }

    /// Attaches an orphaned (or any) note to new words.
    pub fn reattach_note(&mut self, text: &str, id: &str, span: Span) -> bool {
        let target = TextTarget::of(text, &OffsetIndex::new(text), span);
        match self.notes.iter_mut().find(|n| n.id == id) {
            Some(note) => {
                note.span = Some(span);
                note.target = target;
                note.status = AnchorStatus::Exact;
                true
            }
            None => false,
        }
    }

    /// Records a decision, replacing an earlier one on the same scope.
    pub fn review(&mut self, scope: ReviewScope, decision: Decision) {
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

    /// The decision on a quotation, if any.
    pub fn quote_decision(&self, span: Span) -> Option<Decision> {
        self.reviews.iter().rev().find(|r| r.scope == ReviewScope::Quote { span }).map(|r| r.decision)
    }

    /// The entities to show: suggestions with decisions applied (rejected ones left out) and added ones.
    pub fn shown_entities(&self, extraction: &Extraction) -> Vec<ShownEntity> {
        let mut out = Vec::new();
        for (index, mention) in extraction.entities.iter().enumerate() {
            let name = &extraction.groups[mention.group].name;
            if self.added.iter().any(|a| a.span.is_some_and(|s| s.overlaps(mention.span))) {
                continue; // the user's own entity on these words wins
            }
            let (kind, provenance) = match self.decision_for(mention.span, mention.kind, name) {
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
        for added in &self.added {
            if let Some(span) = added.span {
                out.push(ShownEntity {
                    span,
                    kind: added.kind,
                    machine_kind: None,
                    name: added.target.exact.clone(),
                    provenance: Provenance::Added,
                    mention: None,
                });
            }
        }
        out.sort_by_key(|e| e.span);
        out
    }

    /// Notes sorted in reading order, orphans last.
    pub fn notes_in_reading_order(&self) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.notes.iter().collect();
        notes.sort_by_key(|n| (n.span.is_none(), n.span.map_or(0, |s| s.start), n.span.map_or(0, |s| s.end)));
        notes
    }
}

#[cfg(test)]
mod tests {
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
}
