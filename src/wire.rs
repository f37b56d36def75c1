//! A compact encoding for the messages between the app and its extractor worker (`worker_protocol`).
//!
//! Not `serde_json`: its derived readers are one monomorphic copy per type and per list of that type (the
//! worker's answers alone took some 40 KB of the Wasm, 4% of the download), while both ends of this channel
//! are this very program, so the messages need no self-description. [`Wire`] is written once per type, by
//! [`wire_struct!`] for plain structs.
//!
//! The encoding is text, so that a message still crosses `postMessage` as one string: a number is its decimal
//! digits then `,`; a string is its length in bytes (a number) then its bytes; a list is its length then its
//! items; an `Option` is 0 (none) or 1 then the value; an enum is its variant's index then its fields; a
//! struct is its fields in order. A reader checks every number and length, so a damaged message is an error
//! ([`Malformed`]), never a panic.

use std::fmt;

/// Where a message is written.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// An empty message.
    pub fn new() -> Self {
        Writer::default()
    }

    /// A number: decimal digits, then `,`.
    pub fn number(&mut self, n: u64) {
        // By hand rather than `write!`: digits are all this needs of the formatting machinery.
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        for &digit in &digits[at..] {
            self.out.push(char::from(digit));
        }
        self.out.push(',');
    }

    /// A string: its length in bytes, then its bytes.
    pub fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.out.push_str(text);
    }

    /// The message written.
    pub fn finish(self) -> String {
        self.out
    }
}

/// A message that is not what the reader expects (cut short, a wrong number, bytes left over).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("malformed message")
    }
}

/// Reads a message written by [`Writer`], in the same order.
#[derive(Debug)]
pub struct Reader<'a> {
    input: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads `input` from its start.
    pub fn new(input: &'a str) -> Self {
        Reader { input, at: 0 }
    }

    /// A number written by [`Writer::number`].
    pub fn number(&mut self) -> Result<u64, Malformed> {
        let rest = self.input.as_bytes().get(self.at..).ok_or(Malformed)?;
        let digits = rest.iter().position(|&b| b == b',').ok_or(Malformed)?;
        if digits == 0 {
            return Err(Malformed);
        }
        let mut n: u64 = 0;
        for &byte in &rest[..digits] {
            if !byte.is_ascii_digit() {
                return Err(Malformed);
            }
            n = n.checked_mul(10).and_then(|n| n.checked_add(u64::from(byte - b'0'))).ok_or(Malformed)?;
        }
        self.at += digits + 1;
        Ok(n)
    }

    /// A number that is a size or an index.
    pub fn size(&mut self) -> Result<usize, Malformed> {
        usize::try_from(self.number()?).map_err(|_| Malformed)
    }

    /// A string written by [`Writer::text`], borrowed from the message.
    pub fn text(&mut self) -> Result<&'a str, Malformed> {
        let len = self.size()?;
        let end = self.at.checked_add(len).ok_or(Malformed)?;
        let text = self.input.get(self.at..end).ok_or(Malformed)?;
        self.at = end;
        Ok(text)
    }

    /// Bytes not read yet: a list cannot have more items than this (each takes at least one byte), so a
    /// damaged length cannot reserve a huge list.
    fn remaining(&self) -> usize {
        self.input.len().saturating_sub(self.at)
    }

    /// Checks that the whole message was read.
    pub fn finish(self) -> Result<(), Malformed> {
        if self.at == self.input.len() {
            Ok(())
        } else {
            Err(Malformed)
        }
    }
}

/// A value that can be written to and read from a message.
pub trait Wire: Sized {
    /// Writes the value.
    fn put(&self, out: &mut Writer);
    /// Reads a value written by [`Wire::put`].
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed>;
}

/// Reads a whole message holding one `T`.
pub fn decode<T: Wire>(message: &str) -> Result<T, Malformed> {
    let mut input = Reader::new(message);
    let value = T::take(&mut input)?;
    input.finish()?;
    Ok(value)
}

/// A message holding one value.
pub fn encode(value: &impl Wire) -> String {
    let mut out = Writer::new();
    value.put(&mut out);
    out.finish()
}

/// [`Wire`] for a struct: its fields in the order listed. The field list must name every field: `put`
/// destructures the struct and `take` builds it, so the compiler rejects a list that misses one.
#[macro_export]
macro_rules! wire_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl $crate::wire::Wire for $name {
            fn put(&self, out: &mut $crate::wire::Writer) {
                let $name { $($field),* } = self;
                $( $crate::wire::Wire::put($field, out); )*
            }
            fn take(input: &mut $crate::wire::Reader<'_>) -> Result<Self, $crate::wire::Malformed> {
                Ok($name { $($field: $crate::wire::Wire::take(input)?),* })
            }
        }
    };
}

impl Wire for u64 {
    fn put(&self, out: &mut Writer) {
        out.number(*self);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        input.number()
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Writer) {
        out.number(*self as u64);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        input.size()
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Writer) {
        out.number(u64::from(*self));
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        match input.number()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Malformed),
        }
    }
}

/// Its bits, so that the value read is exactly the value written.
impl Wire for f32 {
    fn put(&self, out: &mut Writer) {
        out.number(u64::from(self.to_bits()));
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        u32::try_from(input.number()?).map(f32::from_bits).map_err(|_| Malformed)
    }
}

impl Wire for String {
    fn put(&self, out: &mut Writer) {
        out.text(self);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        input.text().map(String::from)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Writer) {
        match self {
            None => out.number(0),
            Some(value) => {
                out.number(1);
                value.put(out);
            }
        }
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        match bool::take(input)? {
            false => Ok(None),
            true => T::take(input).map(Some),
        }
    }
}

/// Writes a list (also a borrowed one, which reads back as a `Vec`).
pub fn put_list<T: Wire>(items: &[T], out: &mut Writer) {
    out.number(items.len() as u64);
    for item in items {
        item.put(out);
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Writer) {
        put_list(self, out);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        let len = input.size()?;
        if len > input.remaining() {
            return Err(Malformed);
        }
        let mut items = Vec::with_capacity(len);
        for _ in 0..len {
            items.push(T::take(input)?);
        }
        Ok(items)
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Writer) {
        T::put(self, out);
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        T::take(input).map(Box::new)
    }
}

impl Wire for [usize; 4] {
    fn put(&self, out: &mut Writer) {
        for n in self {
            n.put(out);
        }
    }
    fn take(input: &mut Reader<'_>) -> Result<Self, Malformed> {
        Ok([input.size()?, input.size()?, input.size()?, input.size()?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        let numbers = vec![0u64, 7, 10, u64::MAX];
        assert_eq!(decode::<Vec<u64>>(&encode(&numbers)), Ok(numbers));
        let texts = vec![Some(String::new()), None, Some("a,b 1, «é» \u{1F600}\n".to_string())];
        assert_eq!(decode::<Vec<Option<String>>>(&encode(&texts)), Ok(texts));
        for float in [0.0f32, -0.0, 0.1, 1.0 / 3.0, f32::MAX, f32::MIN_POSITIVE] {
            assert_eq!(decode::<f32>(&encode(&float)).map(f32::to_bits), Ok(float.to_bits()));
        }
        let counts = [1usize, 0, 22, 333];
        assert_eq!(decode::<[usize; 4]>(&encode(&counts)), Ok(counts));
        assert_eq!(decode::<Box<bool>>(&encode(&Box::new(true))), Ok(Box::new(true)));
        assert_eq!(encode(&vec![12u64, 3]), "2,12,3,");
        assert_eq!(encode(&"héllo".to_string()), "6,héllo");
    }

    #[test]
    fn a_damaged_message_is_an_error_not_a_panic() {
        let message = encode(&vec![Some("words".to_string()), None]);
        for cut in 0..message.len() {
            assert_eq!(decode::<Vec<Option<String>>>(&message[..cut]), Err(Malformed), "cut at {cut}");
        }
        for bad in ["", ",", "x,", "1", "99999999999999999999999,", "2,1,", "1,2,", "2,ab", "1,5,"] {
            assert_eq!(decode::<Vec<bool>>(bad), Err(Malformed), "{bad:?}");
        }
        assert_eq!(decode::<String>("2,é"), Ok("é".to_string()));
        assert_eq!(decode::<String>("1,é"), Err(Malformed), "a length inside a character");
        assert_eq!(decode::<u64>("1,2,"), Err(Malformed), "bytes left over");
        assert_eq!(decode::<f32>("4294967296,"), Err(Malformed));
        assert_eq!(decode::<Vec<u64>>("18446744073709551615,"), Err(Malformed), "a length beyond the message");
    }
}
