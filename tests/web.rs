//! Browser tests: mount the real app in headless Chromium and check what a user sees first.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container for one test, so tests do not see each other's DOM.
fn container() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div can be created");
    gloo::utils::body().append_child(&root).expect("the div can be attached");
    root
}

/// Polls until `check` holds or the time runs out; rendering is asynchronous.
async fn wait_for(check: impl Fn() -> bool, what: &str) {
    for _ in 0..100 {
        if check() {
            return;
        }
        gloo::timers::future::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The sample is extracted at once on the page (every other document goes to the extractor's worker, which
/// this test server does not serve: the end-to-end tests cover it on the built app).
#[wasm_bindgen_test]
async fn the_app_opens_on_the_sample_with_highlights() {
    let root = container();
    yew::Renderer::<sidenote_app::app::App>::with_root(root.clone()).render();
    wait_for(|| root.query_selector("mark[data-kind=PERSON]").ok().flatten().is_some(), "a person highlight").await;
    let marks = root.query_selector_all("mark[data-testid=hl]").expect("a valid selector");
    let mut person_names = Vec::new();
    for i in 0..marks.length() {
        let mark = marks.item(i).expect("an item in range");
        let element: &web_sys::Element = wasm_bindgen::JsCast::unchecked_ref(&mark);
        if element.get_attribute("data-kind").as_deref() == Some("PERSON") {
            person_names.push(mark.text_content().unwrap_or_default());
        }
    }
    assert!(person_names.iter().any(|n| n == "Sergei Lavrov"), "{person_names:?}");
    // The rendered article is exactly the sample text, so DOM offsets map back to the core's offsets.
    let article = root.query_selector("[data-testid=article]").expect("selector").expect("the article");
    assert_eq!(article.text_content().unwrap_or_default(), sidenote_app::sample::SAMPLE_TEXT);
}

#[wasm_bindgen_test]
async fn non_bmp_text_keeps_highlights_on_the_right_characters() {
    let text = "👩‍🔬🙂 Angela Merkel met Emmanuel Macron in Paris on Monday.";
    let extraction = sidenote_extract::extract(text);
    let index = sidenote_extract::offsets::OffsetIndex::new(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for entity in &extraction.entities {
        let start = index.byte_to_utf16(entity.span.start).expect("a boundary");
        let end = index.byte_to_utf16(entity.span.end).expect("a boundary");
        // Slicing the JS string (UTF-16) at the converted offsets gives the same words as Rust's slice.
        let js = js_sys::JsString::from(text).slice(start as u32, end as u32);
        assert_eq!(String::from(js), entity.span.slice(text));
        assert_eq!(String::from_utf16_lossy(&utf16[start..end]), entity.span.slice(text));
    }
    assert!(extraction.entities.len() >= 4);
}

/// The IndexedDB binding: batches land in the order they were made (the second overwrites and deletes what
/// the first wrote), read back exactly, and the keys list what is there.
#[wasm_bindgen_test]
async fn indexeddb_batches_land_in_order_and_read_back() {
    use sidenote_app::services::idb::{self, Change};
    let database = idb::open().await.expect("IndexedDB opens");
    let text = "a text with “quotes”, émoji 🙂 and\na line break".to_string();
    let first =
        database.write(&[Change::Put("test.a".into(), "one".into()), Change::Put("test.b".into(), text.clone())], None);
    let second = database.write(&[Change::Put("test.a".into(), "two".into()), Change::Delete("test.c".into())], None);
    // Both are under way before either is awaited: the order is the order they were made in.
    second.await.expect("the second batch is written");
    first.await.expect("the first batch is written");
    let keys = ["test.a", "test.b", "test.c"].map(String::from);
    let read = database.read(&keys).await.expect("the records read back");
    assert_eq!(
        read,
        vec![
            ("test.a".to_string(), Some("two".to_string())),
            ("test.b".to_string(), Some(text)),
            ("test.c".to_string(), None)
        ]
    );
    database.write(&[Change::Delete("test.b".into())], None).await.expect("a deletion is written");
    let listed = database.keys().await.expect("the keys are listed");
    assert!(listed.contains(&"test.a".to_string()) && !listed.contains(&"test.b".to_string()), "{listed:?}");
}

/// A guarded batch keeps aside, in its own transaction, an unreadable record that another tab wrote under its key
/// since this one read it, and leaves alone one that is what this tab expected or that can be read.
#[wasm_bindgen_test]
async fn indexeddb_a_guarded_batch_keeps_an_unexpected_unreadable_record_aside() {
    use sidenote_app::services::idb::{self, Change, Guard};
    let database = idb::open().await.expect("IndexedDB opens");
    let guard = |expected: Option<&str>| Guard {
        key: "guard.key".into(),
        expected: expected.map(String::from),
        aside: "guard.aside".into(),
        unreadable: |_, stored| stored.starts_with('!'),
        kept: Default::default(),
    };
    let put = |value: &str| [Change::Put("guard.key".into(), value.into())];
    let keys = ["guard.key", "guard.aside"].map(String::from);
    let read = |key: &str, value: Option<&str>| (key.to_string(), value.map(String::from));
    database
        .write(&[Change::Put("guard.key".into(), "!another tab's".into()), Change::Delete("guard.aside".into())], None)
        .await
        .expect("written");
    let first = guard(Some("what I read"));
    let kept = first.kept.clone();
    database.write(&put("mine"), Some(first)).await.expect("written");
    assert_eq!(kept.borrow().as_deref(), Some("!another tab's"), "the caller is told what was kept");
    assert_eq!(
        database.read(&keys).await.expect("read"),
        vec![read("guard.key", Some("mine")), read("guard.aside", Some("!another tab's"))]
    );
    // What this tab expected there, or a record that can be read, is written over as before.
    database.write(&put("!mine, unreadable"), None).await.expect("written");
    database.write(&[Change::Delete("guard.aside".into())], None).await.expect("written");
    database.write(&put("again"), Some(guard(Some("!mine, unreadable")))).await.expect("written");
    database.write(&put("readable"), Some(guard(Some("something else")))).await.expect("written");
    assert_eq!(
        database.read(&keys).await.expect("read"),
        vec![read("guard.key", Some("readable")), read("guard.aside", None)]
    );
}

/// An update reads and writes in one transaction: a batch made before it lands before its read, and one made
/// while it reads lands after its write, never between (where the update's write, made from what it read,
/// would overwrite it: the loss a journal recovery racing another tab's save would cause).
#[wasm_bindgen_test]
async fn indexeddb_update_lets_nothing_land_between_its_read_and_its_write() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use sidenote_app::services::idb::{self, Change};
    let database = Rc::new(idb::open().await.expect("IndexedDB opens"));
    let key = "test.update".to_string();
    database.write(&[Change::Put(key.clone(), "first".into())], None).await.expect("the first value is written");
    let before = database.write(&[Change::Put(key.clone(), "made before".into())], None);
    // What the update read, and how it ended.
    let seen: Rc<RefCell<Option<Option<String>>>> = Rc::default();
    let ended: Rc<RefCell<Option<Result<(), String>>>> = Rc::default();
    wasm_bindgen_futures::spawn_local({
        let (database, key, seen, ended) = (database.clone(), key.clone(), seen.clone(), ended.clone());
        async move {
            let updated = database
                .update(std::slice::from_ref(&key), |read| {
                    let value = read.into_iter().next().and_then(|(_, value)| value);
                    let merged = format!("{} + update", value.clone().unwrap_or_default());
                    *seen.borrow_mut() = Some(value);
                    Ok(vec![Change::Put(key.clone(), merged)])
                })
                .await;
            *ended.borrow_mut() = Some(updated);
        }
    });
    // Let the update start (its transaction and reads are made when it is first polled), then make a batch
    // while its reads are under way.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .expect("a resolved promise resolves");
    assert!(seen.borrow().is_none(), "the update has not read before the next batch is made");
    let after = database.write(&[Change::Put(key.clone(), "made during".into())], None);
    before.await.expect("the batch made before is written");
    after.await.expect("the batch made during the update is written");
    wait_for(|| ended.borrow().is_some(), "the update to end").await;
    assert_eq!(ended.borrow_mut().take(), Some(Ok(())), "the update was written");
    assert_eq!(
        seen.borrow_mut().take(),
        Some(Some("made before".to_string())),
        "the update read what was made before it"
    );
    let read = database.read(std::slice::from_ref(&key)).await.expect("the record reads back");
    assert_eq!(read, vec![(key, Some("made during".to_string()))], "the batch made during the update came after it");
}

/// Another tab's message is read in this version's form (an array of the URN and the record, or of the URN
/// alone for a deletion, as a `BroadcastChannel` delivers it: a structured clone) and in the form of the
/// version before (one JSON text); anything else is no message.
#[wasm_bindgen_test]
fn a_tab_message_is_read_in_both_forms() {
    use sidenote_app::services::tabs::{read_message, Message};
    use wasm_bindgen::JsValue;
    let text = |s: &str| JsValue::from_str(s);
    let now = js_sys::Array::of2(&text("urn:a"), &text("{\"format\":2}"));
    // What a BroadcastChannel delivers is a structured clone of what was posted.
    let json: String = js_sys::JSON::stringify(&now).expect("an array stringifies").into();
    let delivered = js_sys::JSON::parse(&json).expect("and parses back");
    for message in [now.into(), delivered] {
        let saved = Message::Saved { urn: "urn:a".into(), record: "{\"format\":2}".into() };
        assert_eq!(read_message(&message), Some(saved));
    }
    let before = text(r#"{"urn": "urn:b", "record": "{}"}"#);
    assert_eq!(read_message(&before), Some(Message::Saved { urn: "urn:b".into(), record: "{}".into() }));
    let deleted = js_sys::Array::of1(&text("urn:c"));
    assert_eq!(read_message(&deleted.into()), Some(Message::Deleted { urn: "urn:c".into() }));
    let three = js_sys::Array::of3(&text("urn:a"), &text("{}"), &text("more"));
    let numbers = js_sys::Array::of2(&JsValue::from_f64(1.0), &text("{}"));
    let empty = js_sys::Array::new();
    for bad in [three.into(), numbers.into(), empty.into(), JsValue::from_f64(7.0), JsValue::NULL, text("[")] {
        assert_eq!(read_message(&bad), None, "{bad:?}");
    }
}
