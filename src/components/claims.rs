//! The claims of a token, decoded for display only (never trusted for anything).
//!
//! Interim: the session module (issue 2) will own claims decoding; the widget switches to it
//! once it lands, keeping this shape.

use serde_json::Value;

/// What the widget shows about the signed-in person, read from the JWT's payload.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Claims {
    /// The user id (`nameid`).
    pub nameid: Option<String>,
    /// The user name (`unique_name`).
    pub unique_name: Option<String>,
    /// The third-party id (`unionid`).
    pub unionid: Option<String>,
    /// The platform of a third-party sign-in (`platform`).
    pub platform: Option<String>,
    /// How the token was obtained (`grant_type`).
    pub grant_type: Option<String>,
    /// Expiry, seconds since the Unix epoch (`exp`).
    pub exp: Option<i64>,
}

impl Claims {
    /// The name to show: `unique_name`, else `nameid`, else empty.
    pub fn display_name(&self) -> String {
        self.unique_name
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| self.nameid.clone())
            .unwrap_or_default()
    }
}

/// The claims of a JWT (`header.payload.signature`), or `None` when it cannot be read.
pub fn decode_claims(jwt: &str) -> Option<Claims> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64url_decode(payload)?;
    let value: Value = serde_json::from_slice(&bytes).ok()?;
    let obj = value.as_object()?;
    let text = |k: &str| match obj.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Some(Claims {
        nameid: text("nameid"),
        unique_name: text("unique_name"),
        unionid: text("unionid"),
        platform: text("platform"),
        grant_type: text("grant_type"),
        exp: obj.get("exp").and_then(|v| {
            v.as_i64()
                .or_else(|| v.as_f64().map(|f| f as i64))
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
        }),
    })
}

/// Decodes unpadded (or padded) base64url; `None` on any other character.
fn base64url_decode(input: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut buf = 0u32;
    let mut bits = 0u32;
    for c in input.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buf = (buf << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_payload() {
        // {"nameid":"7","unique_name":"alice","platform":"web","exp":1700000000}
        let payload = "eyJuYW1laWQiOiI3IiwidW5pcXVlX25hbWUiOiJhbGljZSIsInBsYXRmb3JtIjoid2ViIiwiZXhwIjoxNzAwMDAwMDAwfQ";
        let c = decode_claims(&format!("h.{payload}.s")).unwrap();
        assert_eq!(c.nameid.as_deref(), Some("7"));
        assert_eq!(c.display_name(), "alice");
        assert_eq!(c.platform.as_deref(), Some("web"));
        assert_eq!(c.exp, Some(1_700_000_000));
    }

    #[test]
    fn base64url() {
        assert_eq!(base64url_decode("aGk").unwrap(), b"hi");
        assert_eq!(base64url_decode("aGk=").unwrap(), b"hi");
        assert_eq!(base64url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(base64url_decode("a b"), None);
    }

    #[test]
    fn garbage_is_none_not_a_panic() {
        for bad in ["", "a", "a.b", "a.!!.c", "a.bm90IGpzb24.c", "a.WzFd.c"] {
            assert_eq!(decode_claims(bad), None, "{bad}");
        }
    }
}
