//! Reading typed values out of a parsed `serde_json::Value` by hand, with serde's rules for derived readers:
//! a required field must be there, a `#[serde(default)]` field takes its default when missing (null is not
//! missing), an `Option` field is `None` when missing or null, unknown fields are ignored.
//!
//! Why by hand: serde's derived readers are one monomorphic copy per type and per list of that type, while
//! every stored record and share link is parsed as a `Value` anyway (for migrations and checks). The app's
//! records (`stored_records` in the app) and the share links' structure hints are read with these; their
//! tests check them against the derived readers.

use serde_json::{Map, Value};
use sidenote_extract::LineHint;

/// An object's fields.
pub type Fields = Map<String, Value>;

/// `json` with every lone surrogate escape (`"\ud83c"` not followed by its low half, or a low half alone)
/// written as `\ufffd`, the replacement character. Valid JSON grammar, written by JavaScript tools that slice
/// strings in UTF-16 units (a prefix cut inside an emoji), but serde_json refuses the whole file for it; so
/// one damaged string no longer sinks every annotation of the file. Linear; an escaped backslash (`\\ud83c`)
/// is no escape. Unchanged (and not copied) when there is none.
pub fn lone_surrogates_replaced(json: &str) -> std::borrow::Cow<'_, str> {
    let bytes = json.as_bytes();
    // The code unit of the `\uXXXX` escape starting at `at`, if it is one of a surrogate.
    let surrogate_at = |at: usize| -> Option<u16> {
        let escape = bytes.get(at..at + 6)?;
        let hex = escape.get(2..)?;
        if !escape.starts_with(b"\\u") || !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let unit = u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        (0xD800..=0xDFFF).contains(&unit).then_some(unit)
    };
    let mut replaced = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'\\')) {
        let escape = at + offset;
        at = escape + 2;
        let Some(unit) = surrogate_at(escape) else { continue };
        let high = unit < 0xDC00;
        if high && surrogate_at(escape + 6).is_some_and(|low| low >= 0xDC00) {
            at = escape + 12;
            continue;
        }
        // Both ends are ASCII (`\` and a hex digit), so on char boundaries.
        replaced.push_str(json.get(copied..escape).unwrap_or_default());
        replaced.push_str("\\ufffd");
        copied = escape + 6;
        at = copied;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(json);
    }
    replaced.push_str(json.get(copied..).unwrap_or_default());
    std::borrow::Cow::Owned(replaced)
}

/// `value` as compact JSON text, as its `Display` writes it. Every `Value` the program writes goes through
/// here, on the one compact serializer the records use: a `Value`'s `Display` is two more copies of
/// serde_json's `Value` serializer in the Wasm (compact and indented, `{:#}`).
pub fn compact(value: &Value) -> String {
    // A `Value` always serialises: its map keys are strings.
    serde_json::to_string(value).unwrap_or_default()
}

/// An object of these fields, as `json!({...})` builds one, but not generic: `json!` turns each field through
/// `to_value(&field).unwrap()`, a copy of serde's value serializer and a panic path per field type, inlined
/// at each use. Inserted one by one: collecting into the map would sort them (`BTreeMap::from_iter`).
pub fn json_object(fields: Vec<(&str, Value)>) -> Value {
    let mut object = Fields::new();
    for (name, value) in fields {
        object.insert(name.to_string(), value);
    }
    Value::Object(object)
}

/// A value's fields, or serde's message when it is not an object.
pub fn object<'v>(value: &'v Value, what: &str) -> Result<&'v Fields, String> {
    value.as_object().ok_or_else(|| format!("invalid type: {}, expected {what}", kind_of(value)))
}

/// Serde's words for what a value is, for the messages.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a map",
    }
}

/// A field that must be there.
pub fn required<T>(fields: &Fields, name: &str, read: fn(&Value) -> Result<T, String>) -> Result<T, String> {
    read(fields.get(name).ok_or_else(|| format!("missing field `{name}`"))?)
}

/// A field that takes its default when missing (`#[serde(default)]`); null is not missing.
pub fn defaulted<T: Default>(fields: &Fields, name: &str, read: fn(&Value) -> Result<T, String>) -> Result<T, String> {
    fields.get(name).map_or_else(|| Ok(T::default()), read)
}

/// An `Option` field: missing and null are both `None`.
pub fn optional<T>(fields: &Fields, name: &str, read: fn(&Value) -> Result<T, String>) -> Result<Option<T>, String> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => read(value).map(Some),
    }
}

/// A list, each item read by `read`.
pub fn list<T>(value: &Value, read: fn(&Value) -> Result<T, String>) -> Result<Vec<T>, String> {
    let items = value.as_array().ok_or_else(|| format!("invalid type: {}, expected a sequence", kind_of(value)))?;
    items.iter().map(read).collect()
}

/// A string.
pub fn text(value: &Value) -> Result<String, String> {
    value.as_str().map(String::from).ok_or_else(|| format!("invalid type: {}, expected a string", kind_of(value)))
}

/// A list of strings.
pub fn texts(value: &Value) -> Result<Vec<String>, String> {
    list(value, text)
}

/// A `u64`: a non-negative integer (serde refuses `1.0` too).
pub fn number(value: &Value) -> Result<u64, String> {
    value.as_u64().ok_or_else(|| format!("invalid value: {}, expected u64", compact(value)))
}

/// A `usize`.
pub fn size(value: &Value) -> Result<usize, String> {
    number(value).and_then(|n| usize::try_from(n).map_err(|_| format!("invalid value: {n}, expected usize")))
}

/// A boolean.
pub fn flag(value: &Value) -> Result<bool, String> {
    value.as_bool().ok_or_else(|| format!("invalid type: {}, expected a boolean", kind_of(value)))
}

/// An `f32` as serde reads one: any JSON number, converted with `as` from the integer or float it was read as.
pub fn float32(value: &Value) -> Result<f32, String> {
    let Value::Number(n) = value else { return Err(format!("invalid type: {}, expected f32", kind_of(value))) };
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let float = match (n.as_u64(), n.as_i64()) {
        (Some(u), _) => u as f32,
        (None, Some(i)) => i as f32,
        _ => n.as_f64().unwrap_or_default() as f32,
    };
    Ok(float)
}

/// One of `names`, as a string: its index.
pub fn variant(value: &Value, names: &[&str]) -> Result<usize, String> {
    let name = value.as_str().ok_or_else(|| format!("invalid type: {}, expected a variant", kind_of(value)))?;
    names.iter().position(|n| *n == name).ok_or_else(|| format!("unknown variant `{name}`"))
}

/// A line's structure hint (every field required but `set_aside`, which hints written before it lack).
pub fn line_hint(value: &Value) -> Result<LineHint, String> {
    let fields = object(value, "struct LineHint")?;
    Ok(LineHint {
        tag: required(fields, "tag", text)?,
        link_density: required(fields, "link_density", float32)?,
        in_chrome: required(fields, "in_chrome", flag)?,
        set_aside: defaulted(fields, "set_aside", flag)?,
    })
}

/// A text's structure hints.
pub fn line_hints(value: &Value) -> Result<Vec<LineHint>, String> {
    list(value, line_hint)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lone_surrogate_escapes_become_replacement_characters_and_nothing_else_changes() {
        let cases: &[(&str, &str)] = &[
            (r#"{"prefix": "\ud83c rest"}"#, r#"{"prefix": "\ufffd rest"}"#),
            (r#"["\uDC00", "a\ud83c"]"#, r#"["\ufffd", "a\ufffd"]"#),
            // A whole pair, an escaped backslash before `ud83c`, other escapes: unchanged.
            (
                r#"["\ud83c\udf89", "\\ud83c", "\n\u00e9\"", "\\\ud83c"]"#,
                r#"["\ud83c\udf89", "\\ud83c", "\n\u00e9\"", "\\\ufffd"]"#,
            ),
            // A high half followed by another high half: the first is alone, the second too (nothing after).
            (r#""\ud83c\ud83c""#, r#""\ufffd\ufffd""#),
            (r#""\ud83c\ud83c\udf89 é""#, r#""\ufffd\ud83c\udf89 é""#),
            (r#""\ud83""#, r#""\ud83""#),
        ];
        for &(json, expected) in cases {
            assert_eq!(lone_surrogates_replaced(json), expected, "{json}");
        }
        let read: Value = serde_json::from_str(&lone_surrogates_replaced(cases[0].0)).expect("valid now");
        assert_eq!(read["prefix"], "\u{fffd} rest");
    }

    use super::*;

    #[test]
    fn compact_text_is_what_display_writes() {
        let value: Value = serde_json::from_str(
            r#"{"a": [1, -2, 0.25, 1e300, null, true, {"b": "x\n\"y\"\u0001é🙂"}], "": {}, "c": []}"#,
        )
        .expect("JSON");
        for value in [value.clone(), value["a"].clone(), Value::from("\\"), Value::from(0.1f32)] {
            assert_eq!(compact(&value), value.to_string());
        }
    }

    /// Both readers agree: the same hints, or both refuse.
    fn agree(value: &Value) {
        let ours = line_hints(value);
        let derived = serde_json::from_str::<Vec<LineHint>>(&value.to_string()).map_err(|e| e.to_string());
        match (&ours, &derived) {
            (Ok(a), Ok(b)) => {
                let bits = |h: &Vec<LineHint>| h.iter().map(|h| h.link_density.to_bits()).collect::<Vec<_>>();
                assert_eq!((a, bits(a)), (b, bits(b)), "{value}");
            }
            (Err(_), Err(_)) => {}
            _ => panic!("{value}: ours {ours:?}, serde's {derived:?}"),
        }
    }

    #[test]
    fn hints_are_read_as_serde_reads_them() {
        let hints = serde_json::json!([
            {"tag": "p", "link_density": 0.25, "in_chrome": false},
            {"tag": "nav", "link_density": 0.333_333_34, "in_chrome": true, "extra": 1},
            {"tag": "li", "link_density": 1, "in_chrome": false},
            {"tag": "h1", "link_density": -2, "in_chrome": false},
            {"tag": "td", "link_density": 1e-7, "in_chrome": false, "set_aside": true},
            {"tag": "td", "link_density": 12345678901234567890u64, "in_chrome": false}
        ]);
        assert_eq!(line_hints(&hints).map(|h| h.len()), Ok(6));
        agree(&hints);
        let replacements = [Value::Null, Value::from("x"), Value::from(-1), Value::from(1.5), Value::from(true)];
        let Value::Array(items) = &hints else { unreachable!() };
        for (i, item) in items.iter().enumerate() {
            let Value::Object(fields) = item else { unreachable!() };
            for key in fields.keys() {
                let mut without = fields.clone();
                without.remove(key);
                let mut changed = items.clone();
                changed[i] = Value::Object(without);
                agree(&Value::Array(changed));
                for replacement in &replacements {
                    let mut spoilt = fields.clone();
                    spoilt.insert(key.clone(), replacement.clone());
                    let mut changed = items.clone();
                    changed[i] = Value::Object(spoilt);
                    agree(&Value::Array(changed));
                }
            }
            for replacement in &replacements {
                let mut changed = items.clone();
                changed[i] = replacement.clone();
                agree(&Value::Array(changed));
            }
        }
        for not_a_list in [Value::Null, Value::from(3), Value::Object(Map::new())] {
            agree(&not_a_list);
        }
    }
}
