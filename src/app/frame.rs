//! The widget's frame for the views shown without `LoginWidget` around them (consent,
//! third-party app): the i18n context, the design tokens' root class and the theme.

use leptos::prelude::*;

use crate::flows::Theme;
use crate::i18n::{provide_i18n, Key, Lang, Overrides};

/// Provides the language and wraps `children` in the widget's root element; both follow their
/// signals in place (nothing typed is lost).
#[component]
pub fn Framed(
    /// The language shown.
    #[prop(into)]
    lang: Signal<Lang>,
    /// The forced theme, if any.
    #[prop(into)]
    theme: Signal<Option<Theme>>,
    children: Children,
) -> impl IntoView {
    let i18n = provide_i18n(Some(lang.get_untracked()), Overrides::new());
    i18n.follow(lang.into());
    let class = move || Theme::root_class(theme.get());
    view! {
        <section class=class lang=move || i18n.lang().tag() aria-label=i18n.text(Key::WidgetLabel)>
            {children()}
        </section>
    }
}
