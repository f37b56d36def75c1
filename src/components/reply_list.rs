//! A note's thread: its replies, under its card.

use sidenote_annotate::model::Reply;
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
