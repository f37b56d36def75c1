//! A note's thread: its replies, under its card, and the box that adds one.

use sidenote_annotate::model::Reply;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What [`reply_list`] shows and whom it calls.
pub struct ReplyListProps {
    /// The replies, in the order they were made.
    pub replies: Vec<Reply>,
}

/// The replies with their authors ("someone" when the file did not say); nothing when there are none.
///
/// A plain function, not a Yew component: a component costs ~1.5 KB of Wasm of its own (mounting, props
/// comparison), and this one holds no hooks and is cheap to render again with its parent.
pub fn reply_list(props: &ReplyListProps) -> Html {
    if props.replies.is_empty() {
        return Html::default();
    }
    html! {
        <ol class="reply-list" aria-label="Replies">
            { for props.replies.iter().map(|reply| html! {
                <li class="reply" data-testid="reply" data-reply-id={reply.id.clone()}>
                    <span class="reply-author" data-testid="reply-author">{ reply.author.clone().unwrap_or_else(|| "someone".into()) }</span>
                    { ": " }
                    <span class="reply-text" data-testid="reply-text">{ &reply.text }</span>
                </li>
            }) }
        </ol>
    }
}

/// A text area and "Reply" under an open note: the reply is added to the note's thread (Ctrl+Enter too), and
/// the box is emptied for the next one; Escape closes the note, as in its editor (`onclose`), keeping what was
/// typed as the box's draft (`ondraft`, also when the box loses the focus), which it starts from (`draft`).
/// A plain function, as [`reply_list`].
pub fn reply_box(
    note: &str,
    draft: &str,
    onreply: &Callback<(String, String)>,
    onclose: &Callback<()>,
    ondraft: &Callback<String>,
) -> Html {
    let text_ref = NodeRef::default();
    let typed = {
        let text_ref = text_ref.clone();
        move || text_ref.cast::<HtmlTextAreaElement>().map(|area| area.value()).unwrap_or_default()
    };
    let send = {
        let text_ref = text_ref.clone();
        let note = note.to_string();
        let onreply = onreply.clone();
        move || {
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                if !area.value().trim().is_empty() {
                    onreply.emit((note.clone(), area.value()));
                    area.set_value("");
                }
            }
        }
    };
    let onclick = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send())
    };
    let onchange = {
        let (typed, ondraft) = (typed.clone(), ondraft.clone());
        Callback::from(move |_: Event| ondraft.emit(typed()))
    };
    let (onclose, ondraft) = (onclose.clone(), ondraft.clone());
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            send();
        } else if event.key() == "Escape" {
            ondraft.emit(typed());
            onclose.emit(());
        }
    });
    html! {
        <div class="reply-box">
            <textarea ref={text_ref} data-testid="reply-input" rows="2" placeholder="Reply to this note"
                      aria-label="Reply to this note" defaultvalue={draft.to_string()} {onkeydown} {onchange} />
            <button data-testid="reply-send" {onclick}>{ "Reply" }</button>
        </div>
    }
}
