//! The languages of the widget and how one is chosen.

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
    /// English (`en`), also the fallback for missing strings.
    #[default]
    En,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::ZhCn];

    /// The BCP 47 tag, used for `lang` attributes and `Accept-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language of a BCP 47 tag such as `zh-CN`, `zh-Hans`, `en-GB` (case-insensitive).
    ///
    /// Every `zh` tag maps to Simplified Chinese, the only Chinese the widget has.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::ZhCn)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first supported language of a preference list (as `navigator.languages`), else English.
    pub fn pick<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred
            .iter()
            .find_map(|tag| Lang::parse(tag.as_ref()))
            .unwrap_or_default()
    }

    /// The language the browser prefers (`navigator.languages`, then `navigator.language`);
    /// English outside a browser or when none is supported.
    pub fn detect() -> Lang {
        #[cfg(target_arch = "wasm32")]
        {
            let Some(nav) = crate::browser::window().map(|w| w.navigator()) else {
                return Lang::En;
            };
            let mut tags: Vec<String> = nav
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            if let Some(one) = nav.language() {
                tags.push(one);
            }
            Lang::pick(&tags)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn parses_tags() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("ZH"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse(" en_US "), Some(Lang::En));
        assert_eq!(Lang::parse("fr-FR"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn picks_first_supported() {
        assert_eq!(Lang::pick(&["fr", "zh-TW", "en"]), Lang::ZhCn);
        assert_eq!(Lang::pick(&["de", "en-US", "zh"]), Lang::En);
        assert_eq!(Lang::pick(&["de", "fr"]), Lang::En);
        assert_eq!(Lang::pick::<&str>(&[]), Lang::En);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(*lang));
        }
    }
}
