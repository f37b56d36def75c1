//! A note's thread: its replies, under its card.

use sidenote_annotate::model::Reply;
use yew::prelude::*;

/// Props of [`ReplyList`].
#[derive(Properties, PartialEq)]
pub struct ReplyListProps {
    /// The replies, in the order they were made.
    pub replies: Vec<Reply>,
}

/// The replies with their authors ("someone" when the file did not say); nothing when there are none.
#[component]
pub fn ReplyList(props: &ReplyListProps) -> Html {
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
