//! A small base64 decoder for JWT segments: the URL-safe alphabet (and the standard one), with
//! or without padding. Rejects anything else instead of guessing.

/// The value of one base64 digit, in either alphabet.
fn digit(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Decodes `text`, or `None` if it is not base64: a bad character, padding anywhere but at
/// the end, or a length no encoder gives (a lone trailing digit).
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.trim_end_matches('=').as_bytes();
    if text.len() - bytes.len() > 2 || bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut acc: u32 = 0;
        for &b in chunk {
            acc = (acc << 6) | digit(b)?;
        }
        // A chunk of n digits carries n * 6 bits, of which the first (n - 1) bytes are data.
        let bits = chunk.len() * 6;
        let acc = acc << (24 - bits);
        let [_, b0, b1, b2] = acc.to_be_bytes();
        out.extend_from_slice(&[b0, b1, b2][..chunk.len() - 1]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_rfc_4648_vectors_with_and_without_padding() {
        let cases = [
            ("", ""),
            ("Zg", "f"),
            ("Zg==", "f"),
            ("Zm8", "fo"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg", "foob"),
            ("Zm9vYmE", "fooba"),
            ("Zm9vYmFy", "foobar"),
        ];
        for (encoded, plain) in cases {
            assert_eq!(
                decode(encoded).as_deref(),
                Some(plain.as_bytes()),
                "{encoded}"
            );
        }
    }

    #[test]
    fn accepts_both_alphabets() {
        // 0xfb 0xff 0xbf encodes to "-_-_" (URL-safe) or "+/+/" (standard).
        assert_eq!(decode("-_-_"), Some(vec![0xfb, 0xff, 0xbf]));
        assert_eq!(decode("+/+/"), Some(vec![0xfb, 0xff, 0xbf]));
    }

    #[test]
    fn rejects_what_is_not_base64() {
        for bad in ["a", "Zm9vY", "Zm 9", "Zm9v!", "Zg===", "Z=g=", "é"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
