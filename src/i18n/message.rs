//! A sentence to show: a key (with values for its placeholders) or a text from elsewhere.

use super::Key;

/// Something to show a person: a translated key, optionally with placeholder values, or a
/// ready-made text (such as the server's `err`, already in the person's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// A key without placeholders.
    Key(Key),
    /// A key whose `{name}` placeholders are filled from the pairs.
    With(Key, Vec<(&'static str, String)>),
    /// A text shown as it is (always rendered as a text node, never as markup).
    Text(String),
}

impl Message {
    /// A key whose `{n}` placeholder gets a number.
    pub fn with_n(key: Key, n: u64) -> Message {
        Message::With(key, vec![("n", n.to_string())])
    }

    /// A key whose `{name}` placeholder gets a value.
    pub fn with_name(key: Key, name: impl Into<String>) -> Message {
        Message::With(key, vec![("name", name.into())])
    }

    /// The key of the message, if it has one.
    pub fn key(&self) -> Option<Key> {
        match self {
            Message::Key(k) | Message::With(k, _) => Some(*k),
            Message::Text(_) => None,
        }
    }
}

impl From<Key> for Message {
    fn from(key: Key) -> Self {
        Message::Key(key)
    }
}

/// Replaces each `{name}` of `template` with its value; unknown placeholders stay as they are.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("Resend in {n} s", &[("n", "42".into())]),
            "Resend in 42 s"
        );
        assert_eq!(
            fill("{name} and {name}, {other}", &[("name", "a".into())]),
            "a and a, {other}"
        );
    }

    #[test]
    fn values_are_not_reinterpreted() {
        // A value that itself looks like a placeholder is not filled again.
        let args = [("name", "{n}".to_string()), ("n", "1".to_string())];
        assert_eq!(fill("{name}", &args[..1]), "{n}");
    }

    #[test]
    fn message_keys() {
        assert_eq!(
            Message::with_n(Key::CodeResendIn, 3).key(),
            Some(Key::CodeResendIn)
        );
        assert_eq!(Message::Text("x".into()).key(), None);
    }
}
