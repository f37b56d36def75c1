//! Stage 5 of entity finding (see `crates/extract/DESIGN.md`): one kind per surface, acronyms that take
//! the kind of the expansion they abbreviate, lone surnames joined to the full name that lent them, and
//! the mentions grouped into entities named by their fullest form.

use std::collections::{HashMap, HashSet};

use super::candidates::Candidate;
use super::shape::{abbreviates, is_acronym, is_generational_suffix};
use super::Context;
use crate::lexicon::{is_east_asian_surname, is_first_name, is_org, is_place};
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

/// The kind each candidate ends with once the kinds are consistent (`None`: no name), and the key of the
/// entity it names (the person's fullest name, else its surface): one entry per candidate of `typed`.
pub(super) fn link(
    cx: &Context<'_, '_>,
    typed: &[(Candidate, Option<EntityKind>)],
    lone_names: &HashSet<&str>,
) -> Vec<Option<(EntityKind, String)>> {
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
    let people = People::collect(cx, typed, &surface_kind, lone_names);

    typed
        .iter()
        .map(|(cand, _)| {
            let surface = cx.surface(cand.first, cand.end);
            let single = cand.end - cand.first == 1;
            // "Burisma and the Bidens": a family named by its plural after "the" is its members, people.
            let family = || {
                let after_the = cand.first > 0 && seg.is_word(cand.first - 1) && seg.word(cand.first - 1) == "the";
                let stem = surface.strip_suffix('s').filter(|stem| stem.len() >= 3 && after_the)?;
                people.by_surname.contains_key(stem).then(|| people.lone_mention(stem, cand.first)).flatten()
            };
            // "Rose-Lynn Harlan … Rose-Lynn dreams of Nashville": a given name no list holds, used alone as a
            // surname would be (mid-sentence, no ordinary word, place or organisation), is the one person it opens.
            let given_name = || lone_names.contains(surface).then(|| people.by_given_name(surface)).flatten();
            let lone_person =
                single.then(|| people.lone_mention(surface, cand.first).or_else(family).or_else(given_name)).flatten();
            // "Jhon Jáder Valencia scored … Valencia was booked": a surname that is also a place's name is the
            // person's when that person was named in full just before and no preposition of place stands before it.
            let recent_surname = || {
                let after_place_word = cand.first > 0
                    && seg.is_word(cand.first - 1)
                    && PLACE_PREPOSITIONS.contains(&seg.word(cand.first - 1));
                !after_place_word && !cand.in_title_line && people.named_in_full_just_before(surface, cand.first)
            };
            let kind = if lone_person.is_some() && !is_org(surface) && (!is_place(surface) || recent_surname()) {
                Some(EntityKind::Person)
            } else {
                surface_kind.get(surface).copied()
            }?;
            let key = match (kind, lone_person) {
                (EntityKind::Person, Some(name)) => name.to_string(),
                (EntityKind::Person, None) if !single => people.full_name(cand).unwrap_or(surface).to_string(),
                _ => surface.to_string(),
            };
            Some((kind, key))
        })
        .collect()
}

/// Groups the linked candidates (see [`link`]) and the dates into mentions of entities. Mentions come out
/// in text order and never overlap.
pub(super) fn group(
    cx: &Context<'_, '_>,
    typed: &[(Candidate, Option<EntityKind>)],
    linked: Vec<Option<(EntityKind, String)>>,
    dates: &[Span],
) -> (Vec<Entity>, Vec<EntityGroup>) {
    let seg = cx.seg;
    let mut entities = Vec::new();
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut group_index: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut mentions: Vec<(Span, EntityKind, String)> = Vec::new();
    for ((cand, _), linked) in typed.iter().zip(linked) {
        let Some((kind, key)) = linked else { continue };
        let span = Span::new(seg.tokens[cand.first].span.start, seg.tokens[cand.end - 1].span.end);
        mentions.push((span, kind, key));
    }
    for &span in dates {
        mentions.push((span, EntityKind::Date, span.slice(seg.text).to_string()));
    }
    crate::sort_stable_by_key(&mut mentions, |m| m.0);
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

/// Who is who: the people the document names in full, so that a lone "Lavrov" or "Sergei" joins the right one.
struct People<'t> {
    /// Full mentions in text order: (first token, identity index).
    mentions: Vec<(usize, usize)>,
    /// One name per identity (a first name and a surname): its fullest written form.
    names: Vec<&'t str>,
    /// For each surname, the first tokens of its full mentions in text order, with their identities.
    by_surname: HashMap<&'t str, Vec<(usize, usize)>>,
    /// For each first name, its identity, or `None` when two people share it.
    by_first_name: HashMap<&'t str, Option<usize>>,
    /// For each surname, the first tokens of its full mentions in prose (not on a Title Case line), in text order:
    /// a headline's guess ("Jupiter's Moon Europa") lends no surname over a place's name.
    prose_surnames: HashMap<&'t str, Vec<usize>>,
}

/// Words after which a name is a place's rather than a person's ("in Valencia", "from Jordan").
const PLACE_PREPOSITIONS: &[&str] =
    &["across", "around", "at", "from", "in", "into", "near", "of", "outside", "through", "to", "toward", "towards"];

/// How far (in tokens) a lone surname that is also a place's name may follow its person's full mention and
/// still be that person: about a short paragraph.
const SURNAME_OVER_PLACE_REACH: usize = 60;

/// How many identities with one surname are compared for short first names; past that ("Lee" in a list of
/// hundreds of names) only an exact first name joins, so the work per mention stays bounded.
const SHORT_FORM_CANDIDATES: usize = 16;

impl<'t> People<'t> {
    /// Collects the full names (two or more words) typed PERSON with real person evidence: a title before
    /// them, a known first name, or a surname the document also uses alone.
    fn collect(
        cx: &Context<'_, 't>,
        typed: &[(Candidate, Option<EntityKind>)],
        surface_kind: &HashMap<String, EntityKind>,
        lone_names: &HashSet<&str>,
    ) -> Self {
        // The identities of each surname, with their first names, in order of first mention.
        let mut identities: HashMap<&'t str, Vec<(&'t str, usize)>> = HashMap::new();
        let mut people = People {
            mentions: Vec::new(),
            names: Vec::new(),
            by_surname: HashMap::new(),
            by_first_name: HashMap::new(),
            prose_surnames: HashMap::new(),
        };
        for (cand, _) in typed {
            let surface = cx.surface(cand.first, cand.end);
            let surname = cx.word(surname_index(cx, cand));
            // "Chen Xiaoming … Chen expects": a Korean or Chinese family name used alone is evidence too.
            let family_name = cx.word(cand.first);
            let evidence = cand.after_title
                || is_first_name(family_name)
                || lone_names.contains(surname)
                || (is_east_asian_surname(family_name) && lone_names.contains(family_name));
            if surface_kind.get(surface) != Some(&EntityKind::Person) || cand.end - cand.first < 2 || !evidence {
                continue;
            }
            let first_name = cx.word(cand.first);
            // "Pat Carlineo" and "Patrick Carlineo Jr." are one person: a first name that begins another with
            // the same surname is its short form.
            let same_surname = identities.entry(surname).or_default();
            let compared = if same_surname.len() <= SHORT_FORM_CANDIDATES { same_surname.len() } else { 0 };
            let known = same_surname[..compared]
                .iter()
                .find(|(first, _)| first.starts_with(first_name) || first_name.starts_with(first))
                .or_else(|| same_surname.iter().find(|(first, _)| *first == first_name))
                .map(|&(_, identity)| identity);
            let identity = match known {
                Some(identity) => identity,
                None => {
                    let next = people.names.len();
                    same_surname.push((first_name, next));
                    people.names.push(surface);
                    next
                }
            };
            if surface.len() > people.names[identity].len() {
                people.names[identity] = surface;
            }
            people.mentions.push((cand.first, identity));
            people.by_surname.entry(surname).or_default().push((cand.first, identity));
            if !cand.in_title_line {
                people.prose_surnames.entry(surname).or_default().push(cand.first);
            }
            // "Park Geun-hye", "Zhang Yong": the family name comes first, and a lone "Park" is that person.
            if is_east_asian_surname(first_name) && first_name != surname {
                people.by_surname.entry(first_name).or_default().push((cand.first, identity));
            }
            let shared = people.by_first_name.entry(first_name).or_insert(Some(identity));
            if *shared != Some(identity) {
                *shared = None;
            }
        }
        people
    }

    /// The fullest form of the person a full mention names ("Sergei Lavrov" → "Sergei V. Lavrov").
    fn full_name(&self, cand: &Candidate) -> Option<&'t str> {
        let at = self.mentions.partition_point(|m| m.0 < cand.first);
        self.mentions.get(at).filter(|m| m.0 == cand.first).map(|m| self.names[m.1])
    }

    /// The person a lone given name that no list holds names: the only identity whose full mentions open with it
    /// (`by_first_name` holds every identity's first word; a listed given name goes through `lone_mention`).
    fn by_given_name(&self, word: &str) -> Option<&'t str> {
        self.by_first_name.get(word).copied().flatten().map(|identity| self.names[identity])
    }

    /// Whether a full mention in prose with the surname `word` comes at most `SURNAME_OVER_PLACE_REACH` tokens before
    /// token `at`.
    fn named_in_full_just_before(&self, word: &str, at: usize) -> bool {
        self.prose_surnames.get(word).is_some_and(|mentions| {
            let after = mentions.partition_point(|&first| first < at);
            after.checked_sub(1).is_some_and(|before| at - mentions[before] <= SURNAME_OVER_PLACE_REACH)
        })
    }

    /// The person a lone word at token `at` names: by surname, the nearest full mention before it (two
    /// people may share one; a mention refers back to the one just named), else the first after it; by first
    /// name, the only person with that first name.
    fn lone_mention(&self, word: &str, at: usize) -> Option<&'t str> {
        if let Some(mentions) = self.by_surname.get(word) {
            let after = mentions.partition_point(|m| m.0 < at);
            let nearest = after.checked_sub(1).map_or(mentions.get(after), |before| mentions.get(before));
            return nearest.map(|m| self.names[m.1]);
        }
        // Only a word known as a first name joins by first name: "Singh" may be one person's first name and
        // another's surname.
        if !is_first_name(word) {
            return None;
        }
        self.by_first_name.get(word).copied().flatten().map(|identity| self.names[identity])
    }
}
