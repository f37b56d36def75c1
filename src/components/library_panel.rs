//! The documents saved in this browser: open or delete one; and the stored records that could not be read,
//! to export as they are or delete.

use yew::prelude::*;

use super::reform_fn;
use crate::state::{LibraryEntry, StorageUsage, UnreadableRecord};

/// What [`library_panel`] shows and whom it calls.
pub struct LibraryPanelProps {
    /// Saved documents, most recent first.
    pub entries: Vec<LibraryEntry>,
    /// The open document's identity.
    pub current: AttrValue,
    /// Opens a saved document.
    pub onopen: Callback<String>,
    /// Deletes a saved document.
    pub ondelete: Callback<String>,
    /// Stored records that could not be read (kept aside, never overwritten).
    pub unreadable: Vec<UnreadableRecord>,
    /// Downloads such a record as it is stored (by key).
    pub onexportraw: Callback<String>,
    /// Deletes such a record (by key).
    pub ondeleteraw: Callback<String>,
    /// How much storage is used, where, and whether it is persistent.
    pub usage: Option<StorageUsage>,
    /// The library is still being read.
    pub loading: bool,
    /// The document whose deletion waits for a second click (deleting cannot be undone), if any.
    pub confirming: Option<String>,
    /// Asks to confirm a deletion (`Some(urn)`), or no longer (`None`: "Keep it" or Escape).
    pub onconfirming: Callback<Option<String>>,
}

/// A size in bytes as people read it.
fn size(bytes: f64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes >= 1024.0 * MB {
        format!("{} GB", one_decimal(bytes / (1024.0 * MB)))
    } else if bytes >= MB {
        format!("{} MB", one_decimal(bytes / MB))
    } else {
        format!("{} KB", (bytes / 1024.0).ceil() as u64)
    }
}

/// `x` (not negative) with one decimal, as `format!("{x:.1}")` writes it (halves to even), but without the float
/// formatter, which would add about 11 KB to the Wasm. A byte count over a power of two times 10 is exact,
/// so the rounding is the formatter's.
fn one_decimal(x: f64) -> String {
    let tenths = (x * 10.0).round_ties_even() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// One line on where work is saved, how much space it takes, and whether the browser keeps it.
fn usage_line(usage: &StorageUsage) -> String {
    let used = match (usage.used, usage.quota) {
        (Some(used), Some(quota)) if quota > 0.0 => format!("{} used of {} available", size(used), size(quota)),
        (Some(used), _) => format!("{} used", size(used)),
        _ => "space used unknown".to_string(),
    };
    let kept = match usage.persistent {
        Some(true) => "persistent: the browser keeps it until you delete it",
        Some(false) => "not persistent: the browser may clear it when space runs low, so export what matters",
        None => "the browser does not say whether it keeps it",
    };
    format!("Saved in {} · {used} · {kept}.", usage.backend)
}

/// Title, date and note count per saved document; then what could not be read, with why.
/// A plain function, not a Yew component: a component costs ~600 bytes of gzipped Wasm of its own
/// (mounting, props comparison), and this one holds no hooks and renders again cheaply with its parent.
pub fn library_panel(props: &LibraryPanelProps) -> Html {
    let confirming = &props.confirming;
    let saved = if props.loading {
        html! { <p class="hint" data-testid="library-loading">{ "Reading your library…" }</p> }
    } else if props.entries.is_empty() {
        html! { <p class="hint">{ "Nothing saved in this browser yet. Every change is saved as you work." }</p> }
    } else {
        html! {
            <ul class="library" aria-label="Saved documents">
                { for props.entries.iter().map(|entry| {
                    let urn = entry.urn.clone();
                    let current = props.current.as_str() == entry.urn;
                    let saved = if entry.saved.is_empty() { "saved earlier" } else { entry.saved.as_str() };
                    html! {
                        <li class={super::class_list(&[Some("library-entry"), current.then_some("current")])} data-testid="library-entry">
                            <button class="library-open" onclick={{ let urn = urn.clone(); props.onopen.reform(move |_: MouseEvent| urn.clone()) }}>
                                <strong>{ &entry.title }</strong>
                                <span class="muted">{ format!("{saved} · {} note{}", entry.notes, if entry.notes == 1 { "" } else { "s" }) }</span>
                            </button>
                            if confirming.as_deref() == Some(urn.as_str()) {
                                // Escape is "Keep it"; the App focuses "Keep it" when the question appears.
                                <span class="library-confirm" role="alert" data-testid="library-confirm"
                                      onkeydown={super::close_on_escape(reform_fn(&props.onconfirming, |_| None))}>
                                    { format!("Delete “{}” and its {} note{} from this browser? This cannot be undone.",
                                              entry.title, entry.notes, if entry.notes == 1 { "" } else { "s" }) }
                                    <button class="danger" data-testid="library-delete-confirm"
                                            onclick={{
                                                let (ondelete, onconfirming) = (props.ondelete.clone(), props.onconfirming.clone());
                                                // Deleting first: it moves the focus off this button before the
                                                // question goes away with it.
                                                Callback::from(move |_: MouseEvent| { ondelete.emit(urn.clone()); onconfirming.emit(None) })
                                            }}>{ "Delete for good" }</button>
                                    <button data-testid="library-delete-cancel"
                                            onclick={reform_fn(&props.onconfirming, |_: MouseEvent| None)}>{ "Keep it" }</button>
                                </span>
                            } else {
                                <button class="danger" data-testid="library-delete" data-urn={urn.clone()} aria-label={format!("Delete “{}” from this browser", entry.title)}
                                        title="Delete from this browser"
                                        onclick={props.onconfirming.reform(move |_: MouseEvent| Some(urn.clone()))}>{ "Delete" }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
        }
    };
    html! {
        <>
            if let Some(usage) = props.usage.as_ref() {
                <p class="hint" data-testid="storage-usage">{ usage_line(usage) }</p>
            }
            { saved }
            if !props.unreadable.is_empty() {
                <h3 class="library-heading">{ "Could not be read" }</h3>
                <ul class="library" aria-label="Saved records that could not be read">
                    { for props.unreadable.iter().map(|record| {
                        let key = record.key.clone();
                        html! {
                            <li class="library-entry unreadable" data-testid="unreadable-entry" data-key={key.clone()}>
                                <span class="library-open">
                                    <strong>{ &record.what }</strong>
                                    <span class="muted">{ format!("could not be read — {}", record.why) }</span>
                                </span>
                                <button data-testid="unreadable-export" aria-label={format!("Export raw: {}", record.what)}
                                        onclick={{ let key = key.clone(); props.onexportraw.reform(move |_: MouseEvent| key.clone()) }}>{ "Export raw" }</button>
                                <button class="danger" data-testid="unreadable-delete" aria-label={format!("Delete: {}", record.what)}
                                        onclick={props.ondeleteraw.reform(move |_: MouseEvent| key.clone())}>{ "Delete" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `size` wrote with the float formatter.
    fn formatted(bytes: f64) -> String {
        const MB: f64 = 1024.0 * 1024.0;
        if bytes >= 1024.0 * MB {
            format!("{:.1} GB", bytes / (1024.0 * MB))
        } else if bytes >= MB {
            format!("{:.1} MB", bytes / MB)
        } else {
            format!("{:.0} KB", (bytes / 1024.0).ceil())
        }
    }

    /// Every multiple of 1/16 MB up to 3 GB and the byte on each side (1.25 MB, 2.75 GB... are ties, rounded to
    /// even), and the kilobyte range byte by byte every 7 bytes: the same text as the float formatter's.
    #[test]
    fn sizes_read_as_the_float_formatter_writes_them() {
        for step in 0..(3u64 << 14) {
            let bytes = step << 16;
            for near in [bytes.saturating_sub(1), bytes, bytes + 1] {
                assert_eq!(size(near as f64), formatted(near as f64), "{near} bytes");
            }
        }
        for bytes in (0..2u64 << 20).step_by(7) {
            assert_eq!(size(bytes as f64), formatted(bytes as f64), "{bytes} bytes");
        }
    }
}
