//! The drop-in's options, read leniently from attributes (`app-id="2"`) or a JS object
//! (`{appId: 2}`), and mapped onto the components' props.

use std::time::Duration;

use crate::i18n::{Key, Lang, Overrides};
use crate::options::{LoginOptions, Theme};
use crate::ui::LoginTab;

/// A value given for an option, whatever JS handed over.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    /// `null`, `undefined` or a removed attribute: back to the default.
    Unset,
    /// Text, as every attribute is.
    Text(String),
    /// A JS number.
    Number(f64),
    /// A JS boolean.
    Bool(bool),
    /// A JS array of texts (for `tabs`).
    List(Vec<String>),
}

/// The page the drop-in shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EmbedView {
    /// The sign-in widget (default).
    #[default]
    SignIn,
    /// The OAuth consent page.
    Consent,
    /// The authorized apps (the signed-in person's consents).
    Apps,
    /// The profile.
    Profile,
    /// The points.
    Points,
}

impl EmbedView {
    /// The view of a name: `signin` (`sign-in`, `login`), `consent`, `apps`
    /// (`authorized-apps`), `profile`, `points`; case and `-`/`_` do not matter.
    pub fn parse(name: &str) -> Option<EmbedView> {
        match normalize(name).as_str() {
            "" | "signin" | "login" => Some(EmbedView::SignIn),
            "consent" | "oauth" => Some(EmbedView::Consent),
            "apps" | "authorizedapps" | "consents" => Some(EmbedView::Apps),
            "profile" => Some(EmbedView::Profile),
            "points" => Some(EmbedView::Points),
            _ => None,
        }
    }

    /// The canonical name.
    pub fn as_str(self) -> &'static str {
        match self {
            EmbedView::SignIn => "signin",
            EmbedView::Consent => "consent",
            EmbedView::Apps => "apps",
            EmbedView::Profile => "profile",
            EmbedView::Points => "points",
        }
    }
}

/// Every option of one drop-in widget: the page it shows and the widget's own options.
/// `Default` is what a bare `<oauthapp-login>` gets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    /// `view`: which page to show.
    pub view: EmbedView,
    /// The widget's options, read from the attributes below (see [`LoginOptions`] for each
    /// one's meaning and default).
    pub login: LoginOptions,
}

/// Every attribute of `<oauthapp-login>`, as the loader (`bundle/oauthapp-login.js`) observes
/// them; each is also a `mount()` option in camelCase (`appId`). A test keeps the loader's
/// list equal to this one.
pub const ATTRIBUTES: &[&str] = &[
    "app-id",
    "server-url",
    "lang",
    "view",
    "tabs",
    "initial-tab",
    "theme",
    "countdown",
    "min-pwd",
    "allow-international",
    "verify-phone",
    "verify-email",
    "guest",
    "guest-platform",
    "timeout",
    "qr-template",
    "qr-scopes",
    "strings",
];

/// Why a value was refused (the option then keeps its default).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("oauthapp-login: invalid value `{value}` for option `{name}`")]
pub struct OptionError {
    /// The option's name as given.
    pub name: String,
    /// The refused value, as text.
    pub value: String,
}

/// What [`EmbedOptions::set`] did with a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// A known option took the value.
    Known,
    /// Not an option (`class`, `id`, an `on…` callback…): nothing changed.
    Ignored,
}

impl EmbedOptions {
    /// These options without `lang` and `theme`, which the views follow in place.
    pub fn without_looks(&self) -> EmbedOptions {
        EmbedOptions {
            view: self.view,
            login: LoginOptions {
                lang: None,
                theme: None,
                ..self.login.clone()
            },
        }
    }

    /// Options from `(name, value)` pairs; invalid values keep their defaults and are returned.
    pub fn from_pairs<I>(pairs: I) -> (EmbedOptions, Vec<OptionError>)
    where
        I: IntoIterator<Item = (String, OptionValue)>,
    {
        let mut options = EmbedOptions::default();
        let errors = pairs
            .into_iter()
            .filter_map(|(name, value)| options.set(&name, value).err())
            .collect();
        (options, errors)
    }

    /// Sets the option `name` (camelCase, kebab-case or snake_case, any case) to `value`.
    /// An invalid value resets the option to its default and is reported.
    pub fn set(&mut self, name: &str, value: OptionValue) -> Result<Applied, OptionError> {
        let refuse = |value: &OptionValue| OptionError {
            name: name.to_owned(),
            value: value_text(value),
        };
        // Sets `self.<path>` to the parsed value, or back to its default (refusing the
        // value when it could not be parsed).
        macro_rules! apply {
            ($($field:ident).+, $parsed:expr) => {{
                let parsed = if value == OptionValue::Unset {
                    Some(EmbedOptions::default().$($field).+)
                } else {
                    $parsed
                };
                match parsed {
                    Some(v) => {
                        self.$($field).+ = v;
                        Ok(Applied::Known)
                    }
                    None => {
                        self.$($field).+ = EmbedOptions::default().$($field).+;
                        Err(refuse(&value))
                    }
                }
            }};
        }
        match normalize(name).as_str() {
            "appid" => apply!(login.app_id, whole(&value).map(Some)),
            "serverurl" => apply!(login.server_url, text(&value).map(|s| s.trim().to_owned())),
            "lang" | "language" => apply!(login.lang, parse_lang(&value)),
            "view" => apply!(view, text(&value).and_then(|s| EmbedView::parse(&s))),
            "tabs" => apply!(login.tabs, parse_tabs(&value).map(Some)),
            "initialtab" | "tab" => apply!(
                login.initial_tab,
                text(&value).and_then(|s| LoginTab::parse(&s.to_ascii_lowercase()).map(Some))
            ),
            "theme" => apply!(login.theme, parse_theme(&value)),
            "countdown" | "countdownsecs" => apply!(
                login.countdown_secs,
                whole(&value).and_then(|n| u32::try_from(n).ok())
            ),
            "minpwd" => apply!(
                login.min_pwd,
                whole(&value).and_then(|n| usize::try_from(n).ok())
            ),
            "allowinternational" => apply!(login.allow_international, flag(&value)),
            "verifyphone" => apply!(login.verify_phone, flag(&value)),
            "verifyemail" => apply!(login.verify_email, flag(&value)),
            "guest" | "showguest" => apply!(login.show_guest, flag(&value)),
            "guestplatform" => apply!(login.guest_platform, non_blank(&value)),
            "timeout" => apply!(
                login.timeout,
                number(&value)
                    .filter(|s| s.is_finite() && *s > 0.0 && *s <= 3600.0)
                    .map(Duration::from_secs_f64)
            ),
            "qrtemplate" => apply!(login.qr_template, non_blank(&value)),
            "qrscopes" => apply!(login.qr_scopes, non_blank(&value)),
            "strings" => apply!(login.strings, parse_strings(&value)),
            _ => Ok(Applied::Ignored),
        }
    }
}

/// `appId`, `app-id`, `app_id`, `APPID` all become `appid`.
fn normalize(name: &str) -> String {
    name.trim()
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The value as text, for error messages.
fn value_text(value: &OptionValue) -> String {
    match value {
        OptionValue::Unset => String::new(),
        OptionValue::Text(s) => s.clone(),
        OptionValue::Number(n) => number_text(*n),
        OptionValue::Bool(b) => b.to_string(),
        OptionValue::List(items) => items.join(","),
    }
}

/// Text from text, a number or a boolean.
fn text(value: &OptionValue) -> Option<String> {
    match value {
        OptionValue::Text(s) => Some(s.clone()),
        OptionValue::Number(n) => Some(number_text(*n)),
        OptionValue::Bool(b) => Some(b.to_string()),
        OptionValue::Unset | OptionValue::List(_) => None,
    }
}

/// A finite number from a number or numeric text.
fn number(value: &OptionValue) -> Option<f64> {
    match value {
        OptionValue::Number(n) => Some(*n),
        // serde_json's number reader, not `str::parse::<f64>`: the widget already carries the
        // former, and the latter would add core's float parser and its tables to the wasm.
        OptionValue::Text(s) => serde_json::from_slice::<serde_json::Value>(s.trim().as_bytes())
            .ok()?
            .as_f64(),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

/// A JS number as JS would write it for the usual cases: whole numbers without a fraction
/// (`2`, not `2.0`), others in JSON's shortest form. Not `f64`'s `Display`, which would pull
/// core's float formatting into the wasm.
fn number_text(n: f64) -> String {
    match serde_json::Number::from_f64(n) {
        _ if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 => (n as i64).to_string(),
        Some(finite) => finite.to_string(),
        None if n.is_nan() => "NaN".to_owned(),
        None if n > 0.0 => "Infinity".to_owned(),
        None => "-Infinity".to_owned(),
    }
}

/// Text with something besides white space in it, trimmed.
fn non_blank(value: &OptionValue) -> Option<String> {
    text(value)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// A non-negative whole number.
fn whole(value: &OptionValue) -> Option<u64> {
    let n = number(value)?;
    (n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0).then_some(n as u64)
}

/// A boolean attribute: present (`""`), `true`, `1`, `yes`, `on` or the name itself are true;
/// `false`, `0`, `no`, `off` are false.
fn flag(value: &OptionValue) -> Option<bool> {
    match value {
        OptionValue::Bool(b) => Some(*b),
        OptionValue::Number(n) => Some(*n != 0.0),
        OptionValue::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "false" | "0" | "no" | "off" => Some(false),
            _ => Some(true),
        },
        OptionValue::Unset | OptionValue::List(_) => None,
    }
}

/// `zh-CN`, `en`…; `auto` or empty: the browser's language.
fn parse_lang(value: &OptionValue) -> Option<Option<Lang>> {
    let tag = text(value)?;
    match tag.trim() {
        "" | "auto" => Some(None),
        tag => Lang::parse(tag).map(Some),
    }
}

/// `light`, `dark`; `auto`, `system` or empty: follow the system.
fn parse_theme(value: &OptionValue) -> Option<Option<Theme>> {
    match text(value)?.trim().to_ascii_lowercase().as_str() {
        "" | "auto" | "system" => Some(None),
        "light" => Some(Some(Theme::Light)),
        "dark" => Some(Some(Theme::Dark)),
        _ => None,
    }
}

/// The host's replacements for the widget's strings, as a JSON object of texts
/// (`{"signin.submit": "Log in", "zh-CN:signin.submit": "登 录"}`; a JS object arrives as its
/// JSON). A language before the colon is read as `lang` is (`zh-cn:`, `zh:` and `zh-Hans:` are
/// `zh-CN:`). Empty: none. Anything but an object whose values are all texts is refused. The
/// texts are shown as text, never as markup.
fn parse_strings(value: &OptionValue) -> Option<Overrides> {
    let json = text(value)?;
    if json.trim().is_empty() {
        return Some(Overrides::new());
    }
    // serde_json's Value, which the widget already reads answers with: no second decoder.
    match serde_json::from_str::<serde_json::Value>(&json).ok()? {
        serde_json::Value::Object(map) => map
            .into_iter()
            .map(|(name, text)| match text {
                serde_json::Value::String(text) => Some((canonical_name(name), text)),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// The names in `strings` that no text of the widget has (a typo, a language the widget does
/// not speak, a message of another version), sorted: their texts would show nowhere.
pub fn unknown_string_names(strings: &Overrides) -> Vec<&str> {
    let mut unknown: Vec<&str> = Vec::new();
    for name in strings.keys() {
        let key = match name.split_once(':') {
            Some((tag, key)) if Lang::parse(tag).is_some() => key,
            _ => name,
        };
        if Key::from_name(key).is_none() {
            // In order as they come: a few names, and no sort routine in the wasm (2 KB).
            let at = unknown.partition_point(|known| *known < name.as_str());
            unknown.insert(at, name);
        }
    }
    unknown
}

/// The report of [`unknown_string_names`], if there are any: their texts are kept (a host may
/// serve one set of texts to several versions), but the host hears of them.
pub fn unknown_strings_report(strings: &Overrides) -> Option<String> {
    let unknown = unknown_string_names(strings);
    (!unknown.is_empty()).then(|| {
        format!(
            "oauthapp-login: option `strings` names texts the widget does not have: `{}`",
            unknown.join("`, `")
        )
    })
}

/// `zh-cn:signin.submit` as the widget looks it up, `zh-CN:signin.submit`; a name without a
/// known language before a colon as it is.
fn canonical_name(name: String) -> String {
    match name.split_once(':') {
        Some((tag, key)) => match Lang::parse(tag) {
            Some(lang) => format!("{}:{}", lang.tag(), key.trim()),
            None => name,
        },
        None => name,
    }
}

/// `account,phone email` or `["account", "phone"]`: at least one known tab, none unknown.
fn parse_tabs(value: &OptionValue) -> Option<Vec<LoginTab>> {
    let names: Vec<String> = match value {
        OptionValue::List(items) => items.clone(),
        OptionValue::Text(s) => s
            .split([',', ' '])
            .filter(|p| !p.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        _ => return None,
    };
    let tabs = names
        .iter()
        .map(|n| LoginTab::parse(&n.to_ascii_lowercase()))
        .collect::<Option<Vec<_>>>()?;
    (!tabs.is_empty()).then_some(tabs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> OptionValue {
        OptionValue::Text(s.to_owned())
    }

    #[test]
    fn attribute_and_camel_case_names_are_the_same_option() {
        let mut o = EmbedOptions::default();
        assert_eq!(o.set("app-id", t("2")), Ok(Applied::Known));
        assert_eq!(o.login.app_id, Some(2));
        assert_eq!(o.set("appId", OptionValue::Number(7.0)), Ok(Applied::Known));
        assert_eq!(o.login.app_id, Some(7));
        o.set("server-url", t(" https://a.example ")).ok();
        assert_eq!(o.login.server_url, "https://a.example");
        o.set("serverUrl", t("http://b")).ok();
        assert_eq!(o.login.server_url, "http://b");
    }

    #[test]
    fn strings_are_a_json_object_of_texts() {
        let mut o = EmbedOptions::default();
        let json = r#"{"signin.submit": "Log in", "zh-CN:signin.submit": "登 录"}"#;
        assert_eq!(o.set("strings", t(json)), Ok(Applied::Known));
        assert_eq!(o.login.strings.len(), 2);
        assert_eq!(o.login.strings["signin.submit"], "Log in");
        assert_eq!(o.login.strings["zh-CN:signin.submit"], "登 录");
        // The language before the colon, however it is written.
        o.set(
            "strings",
            t(r#"{"zh-cn:signin.submit": "登 录", "en-GB: signin.busy": "…"}"#),
        )
        .ok();
        assert_eq!(o.login.strings["zh-CN:signin.submit"], "登 录");
        assert_eq!(o.login.strings["en:signin.busy"], "…");
        // Markup is kept as the text it is: it is never parsed.
        o.set("strings", t(r#"{"signin.submit": "<b>x</b>"}"#)).ok();
        assert_eq!(o.login.strings["signin.submit"], "<b>x</b>");
        // Empty, or removed: none.
        assert_eq!(o.set("strings", t(" ")), Ok(Applied::Known));
        assert!(o.login.strings.is_empty());
        o.set("strings", t(json)).ok();
        o.set("strings", OptionValue::Unset).ok();
        assert!(o.login.strings.is_empty());
    }

    #[test]
    fn string_names_that_match_no_text_are_reported() {
        let mut o = EmbedOptions::default();
        o.set(
            "strings",
            t(r#"{"signin.submit": "a", "zh-cn:signin.busy": "b", "en:tabs.phone": "c"}"#),
        )
        .ok();
        assert!(unknown_string_names(&o.login.strings).is_empty());
        assert_eq!(unknown_strings_report(&o.login.strings), None);
        o.set(
            "strings",
            t(r#"{"signin.sumbit": "a", "signin.submit": "b", "fr:signin.submit": "c", "zh:nope": "d"}"#),
        )
        .ok();
        // Kept, for a host that serves one set of texts to several versions…
        assert_eq!(o.login.strings.len(), 4);
        // …and named, sorted.
        assert_eq!(
            unknown_string_names(&o.login.strings),
            ["fr:signin.submit", "signin.sumbit", "zh-CN:nope"]
        );
        let report = unknown_strings_report(&o.login.strings).unwrap_or_default();
        assert!(
            report.contains("`fr:signin.submit`, `signin.sumbit`, `zh-CN:nope`"),
            "{report}"
        );
    }

    #[test]
    fn strings_that_are_not_an_object_of_texts_are_refused() {
        for bad in [
            "not json",
            r#"["signin.submit"]"#,
            r#"{"signin.submit": 1}"#,
            r#"{"signin.submit": null}"#,
            r#"{"signin.submit": "ok", "signin.busy": {"x": "y"}}"#,
            r#"{"signin.submit": "unterminated}"#,
        ] {
            let mut o = EmbedOptions::default();
            o.set("strings", t(r#"{"signin.submit": "Log in"}"#)).ok();
            let refused = o.set("strings", t(bad));
            assert_eq!(
                refused,
                Err(OptionError {
                    name: "strings".into(),
                    value: bad.into()
                }),
                "{bad}"
            );
            // Back to the built-in texts, not half of the host's.
            assert!(o.login.strings.is_empty(), "{bad}");
        }
    }

    #[test]
    fn unknown_names_are_ignored() {
        let mut o = EmbedOptions::default();
        assert_eq!(o.set("class", t("x")), Ok(Applied::Ignored));
        assert_eq!(o.set("onEvent", t("f")), Ok(Applied::Ignored));
        assert_eq!(o, EmbedOptions::default());
    }

    #[test]
    fn invalid_values_reset_and_are_reported() {
        let mut o = EmbedOptions::default();
        o.set("app-id", t("2")).ok();
        let err = o.set("app-id", t("two")).unwrap_err();
        assert_eq!(err.name, "app-id");
        assert_eq!(err.value, "two");
        assert_eq!(o.login.app_id, None);
        assert!(o.set("app-id", OptionValue::Number(-1.0)).is_err());
        assert!(o.set("app-id", OptionValue::Number(1.5)).is_err());
        assert_eq!(number_text(2.0), "2");
        assert_eq!(number_text(-1.5), "-1.5");
        assert_eq!(number_text(f64::INFINITY), "Infinity");
        assert_eq!(number_text(f64::NAN), "NaN");
        assert!(o.set("view", t("dashboard")).is_err());
        assert_eq!(o.view, EmbedView::SignIn);
        assert!(o.set("theme", t("purple")).is_err());
        assert!(o.set("tabs", t("account,fax")).is_err());
        assert_eq!(o.login.tabs, None);
        assert!(o.set("countdown", t("-3")).is_err());
        assert!(o.set("timeout", t("0")).is_err());
    }

    #[test]
    fn unset_restores_the_default() {
        let mut o = EmbedOptions::default();
        o.set("lang", t("zh-CN")).ok();
        o.set("theme", t("dark")).ok();
        o.set("guest", t("")).ok();
        assert_eq!(o.login.lang, Some(Lang::ZhCn));
        assert_eq!(o.login.theme, Some(Theme::Dark));
        assert!(o.login.show_guest);
        for name in ["lang", "theme", "guest"] {
            assert_eq!(o.set(name, OptionValue::Unset), Ok(Applied::Known));
        }
        assert_eq!(o, EmbedOptions::default());
    }

    #[test]
    fn languages_views_and_themes() {
        let mut o = EmbedOptions::default();
        o.set("lang", t("en-GB")).ok();
        assert_eq!(o.login.lang, Some(Lang::En));
        o.set("lang", t("auto")).ok();
        assert_eq!(o.login.lang, None);
        assert!(o.set("lang", t("fr")).is_err());
        for (name, view) in [
            ("sign-in", EmbedView::SignIn),
            ("CONSENT", EmbedView::Consent),
            ("authorized-apps", EmbedView::Apps),
            ("profile", EmbedView::Profile),
            ("points", EmbedView::Points),
        ] {
            o.set("view", t(name)).ok();
            assert_eq!(o.view, view);
            assert_eq!(EmbedView::parse(view.as_str()), Some(view));
        }
        o.set("theme", t("Light")).ok();
        assert_eq!(o.login.theme, Some(Theme::Light));
        o.set("theme", t("system")).ok();
        assert_eq!(o.login.theme, None);
    }

    #[test]
    fn boolean_attributes() {
        let mut o = EmbedOptions::default();
        o.set("verify-phone", t("")).ok();
        assert!(o.login.verify_phone);
        o.set("verify-phone", t("false")).ok();
        assert!(!o.login.verify_phone);
        o.set("verifyEmail", OptionValue::Bool(true)).ok();
        assert!(o.login.verify_email);
        o.set("allow-international", OptionValue::Number(0.0)).ok();
        assert!(!o.login.allow_international);
    }

    #[test]
    fn tabs_numbers_and_timeout() {
        let mut o = EmbedOptions::default();
        o.set("tabs", t("Phone, email")).ok();
        assert_eq!(o.login.tabs, Some(vec![LoginTab::Phone, LoginTab::Email]));
        let list = OptionValue::List(vec!["account".into()]);
        o.set("tabs", list).ok();
        assert_eq!(o.login.tabs, Some(vec![LoginTab::Account]));
        assert!(o.set("tabs", t(" , ")).is_err());
        o.set("initial-tab", t("email")).ok();
        assert_eq!(o.login.initial_tab, Some(LoginTab::Email));
        o.set("countdown", t("30")).ok();
        assert_eq!(o.login.countdown_secs, 30);
        o.set("min-pwd", OptionValue::Number(8.0)).ok();
        assert_eq!(o.login.min_pwd, 8);
        o.set("timeout", t("2.5")).ok();
        assert_eq!(o.login.timeout, Duration::from_millis(2500));
    }

    #[test]
    fn every_attribute_is_an_option_that_changes_the_widget() {
        for name in ATTRIBUTES {
            let sample = match *name {
                "app-id" | "countdown" | "min-pwd" | "timeout" => t("7"),
                "lang" => t("zh-CN"),
                "view" => t("consent"),
                "tabs" => t("phone"),
                "initial-tab" => t("email"),
                "theme" => t("dark"),
                "allow-international" | "verify-phone" | "verify-email" | "guest" => t(""),
                "strings" => t(r#"{"signin.submit": "custom"}"#),
                _ => t("custom"),
            };
            let mut o = EmbedOptions::default();
            assert_eq!(o.set(name, sample), Ok(Applied::Known), "{name}");
            assert_ne!(o, EmbedOptions::default(), "{name} changed nothing");
        }
    }

    #[test]
    fn the_loader_observes_every_attribute() {
        let loader = include_str!("../../bundle/oauthapp-login.js");
        let start = loader
            .find("const ATTRIBUTES = [")
            .expect("the loader lists its attributes");
        let list = &loader[start..];
        let list = &list[list.find('[').unwrap() + 1..list.find("];").unwrap()];
        let observed: Vec<&str> = list
            .split(',')
            .map(|s| s.trim().trim_matches('"'))
            .filter(|s| !s.is_empty())
            .collect();
        assert_eq!(observed, ATTRIBUTES);
    }

    #[test]
    fn guest_platform_and_qr_options() {
        let mut o = EmbedOptions::default();
        o.set("guest-platform", t(" kiosk ")).ok();
        assert_eq!(o.login.guest_platform, "kiosk");
        assert!(o.set("guest-platform", t("  ")).is_err());
        assert_eq!(o.login.guest_platform, "web");
        o.set("qrScopes", t("openid")).ok();
        assert_eq!(o.login.qr_scopes, "openid");
        o.set("qr-template", t("weixin://x?k={signInKey}")).ok();
        assert_eq!(o.login.qr_template, "weixin://x?k={signInKey}");
    }

    #[test]
    fn from_pairs_collects_errors() {
        let (o, errors) = EmbedOptions::from_pairs([
            ("app-id".to_owned(), t("2")),
            ("view".to_owned(), t("nope")),
            ("lang".to_owned(), t("zh-CN")),
        ]);
        assert_eq!(o.login.app_id, Some(2));
        assert_eq!(o.login.lang, Some(Lang::ZhCn));
        assert_eq!(errors.len(), 1);
    }
}
