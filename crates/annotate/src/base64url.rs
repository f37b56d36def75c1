//! base64url without padding (RFC 4648 §5), the alphabet of share links' fragments.
//!
//! Written here instead of the `base64` crate for the app's download size: 2.9 KB less gzipped Wasm (its engine
//! is generic and unrolled; ARCHITECTURE.md, size table). It reads exactly what `base64`'s `URL_SAFE_NO_PAD`
//! engine reads and refuses what it refuses (padding, any other character, a lone last character, bits left
//! over in the last character); the tests compare the two on arbitrary bytes and text.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as base64url, without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (at, byte)| group | u32::from(*byte) << (16 - 8 * at));
        // A chunk of n bytes is written as n + 1 characters of 6 bits.
        for at in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(group >> (18 - 6 * at)) as usize & 63]));
        }
    }
    out
}

/// The bytes `text` encodes as base64url without padding, or `None` when it is not that.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    // A last group of one character would carry 6 bits: not even one byte.
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut group = 0u32;
        for (at, character) in chunk.iter().enumerate() {
            group |= value(*character)? << (18 - 6 * at);
        }
        let bytes = chunk.len() - 1;
        // The last character's low bits beyond the last byte must be zero: otherwise two texts would decode to
        // the same bytes.
        if group & (0x00ff_ffff >> (8 * bytes)) != 0 {
            return None;
        }
        out.extend_from_slice(&group.to_be_bytes()[1..=bytes]);
    }
    Some(out)
}

/// The 6 bits a base64url character stands for.
fn value(character: u8) -> Option<u32> {
    let value = match character {
        b'A'..=b'Z' => character - b'A',
        b'a'..=b'z' => character - b'a' + 26,
        b'0'..=b'9' => character - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use proptest::prelude::*;

    #[test]
    fn the_rfcs_vectors_without_padding() {
        for (bytes, text) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(bytes.as_bytes()), text);
            assert_eq!(decode(text.as_bytes()).as_deref(), Some(bytes.as_bytes()));
        }
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn padding_other_alphabets_lone_characters_and_left_over_bits_are_refused() {
        for bad in ["Zg==", "Zm8=", "+/8", "Z", "Zm9vY", "Zh", "Zm9", "Zm 9v", "Zm9v\n"] {
            assert_eq!(decode(bad.as_bytes()), None, "{bad}");
            assert!(URL_SAFE_NO_PAD.decode(bad).is_err(), "base64 refuses {bad} too");
        }
    }

    proptest! {
        #[test]
        fn any_bytes_encode_as_base64_does_and_come_back(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = encode(&bytes);
            prop_assert_eq!(&text, &URL_SAFE_NO_PAD.encode(&bytes));
            prop_assert_eq!(decode(text.as_bytes()), Some(bytes));
        }

        #[test]
        fn any_text_is_read_or_refused_as_base64_reads_or_refuses_it(text in "[A-Za-z0-9_=+/ -]{0,24}") {
            prop_assert_eq!(decode(text.as_bytes()), URL_SAFE_NO_PAD.decode(text.as_bytes()).ok());
        }

        #[test]
        fn any_valid_text_with_one_character_changed_is_read_as_base64_reads_it(
            bytes in proptest::collection::vec(any::<u8>(), 1..60),
            at in any::<usize>(),
            character in any::<u8>(),
        ) {
            let mut text = URL_SAFE_NO_PAD.encode(&bytes).into_bytes();
            let at = at % text.len();
            text[at] = character;
            prop_assert_eq!(decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
        }
    }
}
