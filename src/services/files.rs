//! Reading a file the user chose or dropped, and handing its bytes to the reducer.

use sidenote_annotate::{annotation_file_too_large, file_kind, FileKind, InputError, MAX_TEXT_BYTES};
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::state::{Action, EntityFormat, Notice};

/// Reads `file` in the background and dispatches [`Action::OpenBytes`] (or a refusal) when done. An
/// annotation file (`.json`, `.jsonl`, `.ann`: what Sidenote and the tools it speaks with export) opened or
/// dropped like an article is imported onto the open article instead: opened, its JSON would become an
/// article of its own.
pub fn open_file(file: web_sys::File, dispatch: Callback<Action>) {
    if is_annotation_file(&file.name()) {
        import_file(file, dispatch);
        return;
    }
    let size = file.size() as usize;
    if size > MAX_TEXT_BYTES {
        // Refuse before reading: a 50 MB file should not have to be loaded into memory to be refused.
        dispatch.emit(Action::RefuseInput(InputError::TooLarge { bytes: size }));
        return;
    }
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match read_bytes(&file).await {
            Ok(bytes) => dispatch.emit(match file_kind(&name, &bytes) {
                Ok(FileKind::Html) => Action::OpenHtml { title: name, bytes },
                Ok(FileKind::Text) => Action::OpenBytes { title: name, bytes },
                Err(refused) => Action::RefuseInput(refused),
            }),
            Err(error) => dispatch.emit(Action::Notify(Notice::error(format!(
                "Could not read {name}: {error}. The article you had open is unchanged."
            )))),
        }
    });
}

/// Whether a file is an annotation file by its name: W3C or Hypothesis `.json` / `.jsonld`, doccano `.jsonl`,
/// brat `.ann`.
fn is_annotation_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".json") || lower.ends_with(".jsonld") || entity_format(&lower).is_some()
}

/// What an annotation file is, by its extension: brat `.ann` and doccano `.jsonl` carry entities; anything
/// else is read as W3C (or Hypothesis) JSON, whose parser says clearly when it is not.
fn entity_format(name: &str) -> Option<EntityFormat> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".ann") {
        Some(EntityFormat::Brat)
    } else if lower.ends_with(".jsonl") {
        Some(EntityFormat::Doccano)
    } else {
        None
    }
}

/// Reads an annotation file and dispatches [`Action::Import`] (or [`Action::ImportEntities`]) with its text.
pub fn import_file(file: web_sys::File, dispatch: Callback<Action>) {
    let name = file.name();
    let size = file.size() as usize;
    if let Some(message) = annotation_file_too_large(&name, size) {
        dispatch.emit(Action::Notify(Notice::error(message)));
        return;
    }
    let format = entity_format(&name);
    wasm_bindgen_futures::spawn_local(async move {
        // A W3C or Hypothesis file starts as JSON does: anything else (a long text chosen by mistake) is refused
        // on its first kilobyte, before the whole file is read, copied and sent to the worker.
        if format.is_none() {
            if let Ok(head) = file.slice_with_f64_and_f64(0.0, 1024.0) {
                if let Ok(head) = read_bytes(&head).await {
                    if let Some(refused) = sidenote_annotate::w3c::refused_before_json(&head) {
                        let message = format!("Import failed: {refused}. Nothing was changed.");
                        return dispatch.emit(Action::Notify(Notice::error(message)));
                    }
                }
            }
        }
        match read_bytes(&file).await {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => dispatch.emit(match format {
                    Some(format) => Action::ImportEntities { format, contents: text },
                    None => Action::Import(text),
                }),
                Err(_) => dispatch.emit(Action::Notify(Notice::error(format!(
                    "Import failed: {name} is not a text file (not UTF-8). Nothing was changed."
                )))),
            },
            Err(error) => dispatch.emit(Action::Notify(Notice::error(format!("Could not read {name}: {error}.")))),
        }
    });
}

/// A file's bytes, read by the browser (`Blob.arrayBuffer()`), or why it could not read them. Not gloo's
/// `FileReader` wrapper, whose callbacks and channel were 1.2 KB more gzipped Wasm.
async fn read_bytes(file: &web_sys::Blob) -> Result<Vec<u8>, String> {
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(error) => Err(match error.dyn_ref::<web_sys::DomException>() {
            Some(exception) => exception.message(),
            None => "the browser could not read it".to_string(),
        }),
    }
}

/// The first file of a file list (from an `<input type=file>` or a drop), if any.
pub fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|files| files.get(0))
}
