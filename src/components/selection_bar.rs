//! What can be done with the selected words: a note, or an entity of a chosen kind.

use sidenote_annotate::model::{Decision, ReviewScope};
use sidenote_extract::{EntityKind, Span};
use yew::prelude::*;

use super::kind_name;
use super::note_editor::{note_editor, NoteEditorProps};
use super::reform_fn;

/// What [`selection_bar`] shows and whom it calls.
pub struct SelectionBarProps {
    /// The selected words' span and text.
    pub span: Span,
    /// The selected words.
    pub words: AttrValue,
    /// Whether the note editor is open.
    pub writing: bool,
    /// What was typed for a note on these words before, unsaved (text, tags), which the editor starts from.
    pub draft: Option<(AttrValue, AttrValue)>,
    /// Keeps (or, `None`, throws away) the editor's draft.
    pub ondraft: Callback<Option<(String, String)>>,
    /// An orphaned note waiting to be re-attached, if one is active: (id, its words).
    pub orphan: Option<(String, String)>,
    /// Opens the note editor.
    pub onwrite: Callback<()>,
    /// Saves a new note: (text, tags).
    pub onnote: Callback<(String, Vec<String>)>,
    /// Closes the editor or clears the selection.
    pub oncancel: Callback<()>,
    /// Adds an entity of a kind on the words.
    pub onentity: Callback<EntityKind>,
    /// Re-attaches the active orphan here.
    pub onreattach: Callback<String>,
    /// The extractor's suggestion on exactly these words, if any: a mention (with its kind) or a quotation.
    pub suggestion: Option<ReviewScope>,
    /// Records a decision on that suggestion.
    pub onreview: Callback<(ReviewScope, Decision)>,
}

/// The keyboard key for adding an entity of each kind: an ASCII letter, shown with `to_ascii_uppercase` (Unicode
/// `to_uppercase` would add its case table, 7 KB gzipped, to the app's Wasm).
pub fn kind_key(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "p",
        EntityKind::Org => "o",
        EntityKind::Place => "l",
        EntityKind::Date => "d",
        EntityKind::Misc => "m",
    }
}

/// Shows the selection with "Add note (N)" and one button per entity kind (P, O, L, D, M).
/// A plain function, not a Yew component: a component costs ~600 bytes of gzipped Wasm of its own
/// (mounting, props comparison), and this one holds no hooks and renders again cheaply with its parent.
pub fn selection_bar(props: &SelectionBarProps) -> Html {
    let excerpt: String = props.words.chars().take(120).collect();
    let draft = props.draft.clone().unwrap_or_default();
    html! {
        <section class="selection-bar" data-testid="selection-bar" aria-label="Selected words">
            <blockquote data-testid="selection-words">{ excerpt }</blockquote>
            if props.writing {
                { note_editor(&NoteEditorProps { text: draft.0, tags: draft.1, label: "Save note",
                    onsave: props.onnote.clone(), oncancel: props.oncancel.clone(), ondraft: props.ondraft.clone() }) }
            } else {
                <div class="selection-actions">
                    <button class="primary" data-testid="add-note" onclick={reform_fn(&props.onwrite, |_: MouseEvent| ())}>
                        { if props.draft.is_some() { "Resume note" } else { "Add note" } }<kbd>{ "N" }</kbd>
                    </button>
                    if let Some(scope) = props.suggestion.clone() {
                        <button data-testid="mention-accept" title="Accept this suggestion (A)" aria-label="Accept this suggestion" aria-keyshortcuts="A"
                                onclick={{ let scope = scope.clone(); props.onreview.reform(move |_: MouseEvent| (scope.clone(), Decision::Accept)) }}>
                            { "✓ Accept" }
                        </button>
                        <button data-testid="mention-reject" title="Reject this suggestion (R)" aria-label="Reject this suggestion" aria-keyshortcuts="R"
                                onclick={props.onreview.reform(move |_: MouseEvent| (scope.clone(), Decision::Reject))}>
                            { "✕ Reject" }
                        </button>
                    }
                    { for EntityKind::ALL.into_iter().map(|kind| html! {
                        <button data-testid={format!("add-entity-{}", kind.label().to_ascii_lowercase())}
                                onclick={props.onentity.reform(move |_: MouseEvent| kind)}>
                            { kind_name(kind) }<kbd>{ kind_key(kind).to_ascii_uppercase() }</kbd>
                        </button>
                    }) }
                    if let Some((id, words)) = props.orphan.clone() {
                        <button data-testid="reattach" title={format!("Re-attach the note on “{words}” here")}
                                onclick={props.onreattach.reform(move |_: MouseEvent| id.clone())}>{ "Re-attach note here" }</button>
                    }
                    <button onclick={reform_fn(&props.oncancel, |_: MouseEvent| ())}>{ "Clear" }</button>
                </div>
            }
        </section>
    }
}
