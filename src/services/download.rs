//! Saving a file to the user's disk through a temporary object URL.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `filename`. Returns a message when the browser refuses.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    download_blob(filename, &blob(mime, contents)?)
}

/// `contents` as a file's bytes (UTF-8), of type `mime`. Also made in the extractor's worker, which hands
/// export files to the page this way: a `Blob` is passed by reference, where a string would be copied.
pub fn blob(mime: &str, contents: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "could not create the file".into())
}

/// Offers a file's bytes as a download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "could not create a download link")?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "could not create a link")?.dyn_into().map_err(|_| "not a link")?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The click has already handed the blob to the browser's download manager.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
