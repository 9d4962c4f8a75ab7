//! The demo page's options from its URL query: `lang`, `countdown`, `view`, so that a link
//! (and the end-to-end tests) can open the demo in a given state.

use crate::i18n::Lang;

/// What the demo's URL asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DemoQuery {
    /// `lang=zh-CN` / `lang=en`.
    pub lang: Option<Lang>,
    /// `countdown=N`: seconds before a code may be asked for again.
    pub countdown: Option<u32>,
    /// `view=…`: which view of the demo to show.
    pub view: Option<String>,
}

impl DemoQuery {
    /// Parses a query string such as `?lang=en&countdown=3` (unknown or bad values ignored).
    pub fn parse(search: &str) -> Self {
        let mut q = DemoQuery::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "lang" => q.lang = Lang::parse(v),
                "countdown" => q.countdown = v.parse().ok().filter(|n| (1..=3600).contains(n)),
                "view" if !v.is_empty() => q.view = Some(v.to_owned()),
                _ => {}
            }
        }
        q
    }

    /// The page's own query.
    pub fn from_page() -> Self {
        let search = crate::browser::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Self::parse(&search)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_options_and_ignores_the_rest() {
        let q = DemoQuery::parse("?lang=zh-CN&countdown=3&view=phone&x=1");
        assert_eq!(q.lang, Some(Lang::ZhCn));
        assert_eq!(q.countdown, Some(3));
        assert_eq!(q.view.as_deref(), Some("phone"));
    }

    #[test]
    fn bad_values_are_ignored() {
        let q = DemoQuery::parse("lang=fr&countdown=-1&view=");
        assert_eq!(q, DemoQuery::default());
        assert_eq!(DemoQuery::parse("countdown=0").countdown, None);
        assert_eq!(DemoQuery::parse("").countdown, None);
    }
}
