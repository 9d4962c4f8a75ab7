//! The pure lookup: a language plus the host's overrides, falling back to English.

use std::collections::HashMap;

use super::{en, fill, zh_cn, Key, Lang, Message};

/// The host's replacements for the widget's strings.
///
/// A map key is a message name (`"signin.submit"`), which replaces the string in every
/// language, or a language tag, a colon and a name (`"zh-CN:signin.submit"`), which replaces
/// it in that language only and wins over the plain name.
pub type Overrides = HashMap<String, String>;

/// The built-in text of `key` in `lang`, if that language has it.
pub fn builtin(lang: Lang, key: Key) -> Option<&'static str> {
    let table = match lang {
        Lang::ZhCn => zh_cn::TABLE,
        Lang::En => en::TABLE,
    };
    table
        .iter()
        .find(|(k, text)| *k == key && !text.is_empty())
        .map(|(_, text)| *text)
}

/// Looks up strings for one language with the host's overrides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Translator {
    /// The language shown.
    pub lang: Lang,
    /// The host's replacements (see [`Overrides`]).
    pub overrides: Overrides,
}

impl Translator {
    /// A translator for `lang` with the host's overrides.
    pub fn new(lang: Lang, overrides: Overrides) -> Self {
        Translator { lang, overrides }
    }

    /// The template of `key`: the host's override, else the language's text, else English,
    /// else the key's name (so a gap is visible, never a blank).
    pub fn template(&self, key: Key) -> &str {
        let qualified = format!("{}:{}", self.lang.tag(), key.name());
        if let Some(text) = self.overrides.get(&qualified) {
            return text;
        }
        if let Some(text) = self.overrides.get(key.name()) {
            return text;
        }
        builtin(self.lang, key)
            .or_else(|| builtin(Lang::En, key))
            .unwrap_or(key.name())
    }

    /// The text of a key without placeholders.
    pub fn text(&self, key: Key) -> String {
        self.template(key).to_owned()
    }

    /// The text of a message, placeholders filled.
    pub fn render(&self, message: &Message) -> String {
        match message {
            Message::Key(key) => self.text(*key),
            Message::With(key, args) => fill(self.template(*key), args),
            Message::Text(text) => text.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language() {
        let en = Translator::new(Lang::En, Overrides::new());
        let zh = Translator::new(Lang::ZhCn, Overrides::new());
        assert_eq!(en.text(Key::SigninSubmit), "Sign in");
        assert_eq!(zh.text(Key::SigninSubmit), "登录");
    }

    #[test]
    fn overrides_win_and_qualified_beats_plain() {
        let mut o = Overrides::new();
        o.insert("signin.submit".into(), "Log in".into());
        o.insert("zh-CN:signin.submit".into(), "进入".into());
        assert_eq!(
            Translator::new(Lang::En, o.clone()).text(Key::SigninSubmit),
            "Log in"
        );
        assert_eq!(
            Translator::new(Lang::ZhCn, o).text(Key::SigninSubmit),
            "进入"
        );
    }

    #[test]
    fn renders_messages() {
        let zh = Translator::new(Lang::ZhCn, Overrides::new());
        assert_eq!(
            zh.render(&Message::with_n(Key::CodeResendIn, 9)),
            "9 秒后重发"
        );
        assert_eq!(zh.render(&Message::Text("原样".into())), "原样");
    }
}
