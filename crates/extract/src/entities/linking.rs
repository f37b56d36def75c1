//! Stage 5 of entity finding (see `crates/extract/DESIGN.md`): one kind per surface, acronyms that take
//! the kind of the expansion they abbreviate, lone surnames joined to the full name that lent them, and
//! the mentions grouped into entities named by their fullest form.

use std::collections::{HashMap, HashSet};

use super::candidates::Candidate;
use super::shape::{abbreviates, is_acronym, is_generational_suffix};
use super::Context;
use crate::lexicon::{is_first_name, is_org, is_place};
use crate::{Entity, EntityGroup, EntityKind, Span};

/// An expansion is looked for in at most this many tokens before its "(ACRONYM)".
const MAX_EXPANSION_TOKENS: usize = 12;

/// The token of a person's name that is the surname: the last one, before a generational suffix
/// ("Patrick Carlineo Jr." → "Carlineo").
pub(super) fn surname_index(cx: &Context<'_, '_>, cand: &Candidate) -> usize {
    let last = cand.end - 1;
    let suffix = is_generational_suffix(cx.word(last));
    if suffix && last > cand.first {
        last - 1
    } else {
        last
    }
}

/// Makes the typed candidates consistent and groups them, with the dates, into mentions of entities.
/// Mentions come out in text order and never overlap.
pub(super) fn link(
    cx: &Context<'_, '_>,
    typed: &[(Candidate, Option<EntityKind>)],
    dates: &[Span],
    lone_names: &HashSet<&str>,
) -> (Vec<Entity>, Vec<EntityGroup>) {
    let seg = cx.seg;
    // Acronyms defined in parentheses right after their expansion take its kind.
    let mut acronym_kind: HashMap<String, EntityKind> = HashMap::new();
    for (cand, kind) in typed {
        if let Some(kind) = kind {
            // "(NATO)" right after the name, or "(INF)" inside it: both abbreviate it.
            for open in cand.first..=cand.end {
                if seg.is_punct(open, '(')
                    && seg.is_word(open + 1)
                    && is_acronym(cx.word(open + 1))
                    && seg.is_punct(open + 2, ')')
                    && open > cand.first
                    && abbreviates(
                        cx.word(open + 1),
                        cx.surface(cand.first.max(open.saturating_sub(MAX_EXPANSION_TOKENS)), open),
                    )
                {
                    acronym_kind.insert(cx.word(open + 1).to_string(), *kind);
                }
            }
        }
    }

    // Step 5: one kind per surface, the first confident decision winning; people's surnames join them.
    let mut surface_kind: HashMap<String, EntityKind> = HashMap::new();
    for (cand, kind) in typed {
        let surface = cx.surface(cand.first, cand.end);
        if let Some(kind) = acronym_kind.get(surface).copied().or(*kind) {
            surface_kind.entry(surface.to_string()).or_insert(kind);
        }
    }
    let mut surname_of: HashMap<String, String> = HashMap::new();
    for (cand, _) in typed {
        let surface = cx.surface(cand.first, cand.end);
        // Only names with real person evidence lend their surname to lone mentions.
        let evidence = cand.after_title
            || is_first_name(cx.word(cand.first))
            || lone_names.contains(cx.word(surname_index(cx, cand)));
        if surface_kind.get(surface) == Some(&EntityKind::Person) && cand.end - cand.first >= 2 && evidence {
            let last = cx.word(surname_index(cx, cand)).to_string();
            let entry = surname_of.entry(last).or_insert_with(|| surface.to_string());
            if surface.len() > entry.len() {
                *entry = surface.to_string();
            }
        }
    }

    let mut entities = Vec::new();
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut group_index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut mentions: Vec<(Span, EntityKind, String)> = Vec::new();
    for (cand, _) in typed {
        let surface = cx.surface(cand.first, cand.end);
        let single = cand.end - cand.first == 1;
        let kind = if single && surname_of.contains_key(surface) && !is_place(surface) && !is_org(surface) {
            Some(EntityKind::Person)
        } else {
            surface_kind.get(surface).copied()
        };
        let Some(kind) = kind else { continue };
        let key = match kind {
            EntityKind::Person if single => surname_of.get(surface).cloned().unwrap_or_else(|| surface.to_string()),
            _ => surface.to_string(),
        };
        let span = Span::new(seg.tokens[cand.first].span.start, seg.tokens[cand.end - 1].span.end);
        mentions.push((span, kind, key));
    }
    for &span in dates {
        mentions.push((span, EntityKind::Date, span.slice(seg.text).to_string()));
    }
    mentions.sort_by_key(|m| m.0);
    let mut last_end = 0;
    for (span, kind, key) in mentions {
        if span.start < last_end {
            continue;
        }
        last_end = span.end;
        let next_id = groups.len();
        let group = *group_index.entry((kind, key.clone())).or_insert(next_id);
        if group == next_id {
            groups.push(EntityGroup { name: key, kind, mentions: 0 });
        }
        groups[group].mentions += 1;
        entities.push(Entity { span, kind, group });
    }
    (entities, groups)
}
