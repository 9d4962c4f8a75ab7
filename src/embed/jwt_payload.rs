//! The whole claims object of a JWT, for the host (the drop-in's `signin` event and
//! `session`): every claim the server put there, not only the ones the widget shows.
//! Decoded without verifying the signature, like everything the browser reads of a token.

use serde_json::Value;

/// The JSON object of the JWT's payload, or `None` when it is not a readable JWT.
pub fn jwt_payload(jwt: &str) -> Option<Value> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64url_decode(payload)?;
    let value: Value = serde_json::from_slice(&bytes).ok()?;
    value.is_object().then_some(value)
}

/// Base64url without padding (padding and standard-alphabet characters tolerated).
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_claim_including_non_ascii() {
        // {"nameid":"7","unique_name":"张三","email":"a@b.c","exp":1700000000}
        let payload = "eyJuYW1laWQiOiI3IiwidW5pcXVlX25hbWUiOiLlvKDkuIkiLCJlbWFpbCI6ImFAYi5jIiwiZXhwIjoxNzAwMDAwMDAwfQ";
        let jwt = format!("eyJhbGciOiJIUzI1NiJ9.{payload}.sig");
        let v = jwt_payload(&jwt).unwrap_or_default();
        assert_eq!(v["nameid"], "7");
        assert_eq!(v["unique_name"], "张三");
        assert_eq!(v["email"], "a@b.c");
        assert_eq!(v["exp"], 1_700_000_000);
    }

    #[test]
    fn refuses_what_is_not_a_jwt() {
        assert_eq!(jwt_payload("nodots"), None);
        assert_eq!(jwt_payload("a.!!!.c"), None);
        // "[1]" is JSON but not an object
        assert_eq!(jwt_payload("a.WzFd.c"), None);
    }
}
