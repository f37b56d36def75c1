//! One component per file. Components render state and dispatch actions; they hold no state of their own
//! beyond what is purely visual (an open panel).

pub mod article_block;
pub mod article_text;
pub mod article_view;
pub mod capture_link;
pub mod document_notes;
pub mod earlier_banner;
pub mod entities_panel;
pub mod extraction_progress;
pub mod import_confirm;
pub mod legend;
pub mod library_panel;
pub mod note_card_editor;
pub mod note_editor;
pub mod notes_panel;
pub mod notice_bar;
pub mod paste_panel;
pub mod print_notes;
pub mod quotes_panel;
pub mod reply_list;
pub mod search_box;
pub mod selection_bar;
pub mod share_panel;
pub mod shared_banner;
pub mod side_panel;
pub mod speaker_editor;
pub mod toolbar;

use sidenote_extract::EntityKind;
use yew::prelude::*;

/// A key handler for a panel or question that Escape closes (WAI-ARIA's dialog pattern): `close` is called,
/// and the key goes no further, so the same Escape does not also clear the article's selection.
pub fn close_on_escape(close: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
            close.emit(());
        }
    })
}

/// `callback.reform(map)` for a map that captures nothing, passed as a function pointer. Yew's `reform` is
/// generic over the map: each closure type is a copy of its wrapper, vtable and drop code in the Wasm, while
/// every map of one input and output type shares one copy here (ARCHITECTURE.md, size table).
pub fn reform_fn<IN: 'static, OUT: 'static>(callback: &Callback<OUT>, map: fn(IN) -> OUT) -> Callback<IN> {
    callback.reform(map)
}

/// A `class` attribute: the names given, in order, separated by spaces, or no attribute when there are none.
/// What Yew's `classes!` writes, without its set of names (an `IndexSet` and its hashing) in the Wasm.
pub fn class_list(names: &[Option<&str>]) -> Option<AttrValue> {
    let mut list = String::new();
    for name in names.iter().flatten() {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(name);
    }
    (!list.is_empty()).then(|| AttrValue::from(list))
}

/// The CSS class suffix and legend label of an entity kind.
pub fn kind_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Place => "place",
        EntityKind::Date => "date",
        EntityKind::Misc => "misc",
    }
}

/// The human name of an entity kind.
pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Org => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Date => "Date",
        EntityKind::Misc => "Other name",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_list_joins_the_names_present_in_order_and_is_absent_when_empty() {
        assert_eq!(class_list(&[None, None]), None);
        assert_eq!(class_list(&[]), None);
        assert_eq!(class_list(&[Some("tab"), None]), Some(AttrValue::from("tab")));
        let names = [None, Some("hl"), Some("hl-person"), None, Some("hl-note"), Some("active")];
        assert_eq!(class_list(&names), Some(AttrValue::from("hl hl-person hl-note active")));
    }
}
