//! A quote told second-hand (`was told by X:`) is X's only when X follows `by` directly (a title or role
//! first): a name met further on is not the teller (the fourteenth round's reviewer: it took the quote).
fn speaker(text: &str) -> Option<String> {
    sidenote_extract::extract(text).quotes.first().and_then(|q| q.speaker.clone())
}
#[test]
fn a_name_mentioned_after_the_teller_is_not_the_speaker() {
    for text in [
        "Joe Biden said he was told by a woman who had met Angela Merkel: “We will not give in.”",
        "Joe Biden said he was told by a neighbour of Angela Merkel: “We will not give in.”",
        "Joe Biden said he was told by a friend in Berlin, not Angela Merkel: “We will not give in.”",
        "Joe Biden was told by reporters about Angela Merkel: “We will not give in.”",
        "Joe Biden was asked by a student about Angela Merkel: “Why did she stay?”",
    ] {
        assert_ne!(speaker(text).as_deref(), Some("Angela Merkel"), "{text}");
    }
}
