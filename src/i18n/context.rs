//! The reactive i18n context: provided once by the widget, read by every component.

use leptos::prelude::*;

use super::{Key, Lang, Message, Overrides, Translator};
use crate::api::Client;

/// The widget's strings, reactive: reading a text inside a view re-renders it when the
/// language or the overrides change. Cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    translator: RwSignal<Translator>,
}

impl I18n {
    /// A context for `lang` (or the browser's language when `None`) with the host's overrides.
    pub fn new(lang: Option<Lang>, overrides: Overrides) -> Self {
        let lang = lang.unwrap_or_else(Lang::detect);
        I18n {
            translator: RwSignal::new(Translator::new(lang, overrides)),
        }
    }

    /// The text of `key` (reactive).
    pub fn t(&self, key: Key) -> String {
        self.translator.with(|t| t.text(key))
    }

    /// The text of `key` as a signal, for a view: every text of the widget then renders
    /// through one `Signal<String>` type, not one closure type each (smaller wasm).
    pub fn text(self, key: Key) -> Signal<String> {
        Signal::derive(move || self.t(key))
    }

    /// The text of a message, placeholders filled (reactive).
    pub fn render(&self, message: &Message) -> String {
        self.translator.with(|t| t.render(message))
    }

    /// The language shown (reactive).
    pub fn lang(&self) -> Lang {
        self.translator.with(|t| t.lang)
    }

    /// The language shown, without subscribing the caller to changes.
    pub fn lang_untracked(&self) -> Lang {
        self.translator.with_untracked(|t| t.lang)
    }

    /// Switches the language.
    pub fn set_lang(&self, lang: Lang) {
        self.translator.update(|t| t.lang = lang);
    }

    /// `client` asking the server for the language shown now (`Accept-Language`), so that
    /// the server's own sentences come in it, even after an in-place switch.
    pub fn localize(&self, client: &Client) -> Client {
        client.with_language(self.lang_untracked().tag())
    }

    /// Switches to each language `lang` takes from now on (a `None` keeps the one shown).
    /// Nothing is rebuilt: the texts re-render, and forms keep their values.
    pub fn follow(self, lang: MaybeProp<Lang>) {
        Effect::new(move |_| {
            if let Some(lang) = lang.get() {
                if lang != self.lang_untracked() {
                    self.set_lang(lang);
                }
            }
        });
    }

    /// Replaces the host's overrides.
    pub fn set_overrides(&self, overrides: Overrides) {
        self.translator.update(|t| t.overrides = overrides);
    }
}

/// Creates the i18n context for this part of the tree and returns it.
pub fn provide_i18n(lang: Option<Lang>, overrides: Overrides) -> I18n {
    let i18n = I18n::new(lang, overrides);
    provide_context(i18n);
    i18n
}

/// The i18n context above this component; a component used alone, without a provider, gets
/// one in the browser's language (and provides it to its children).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| provide_i18n(None, Overrides::new()))
}
