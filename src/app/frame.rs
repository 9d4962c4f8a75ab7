//! The widget's frame for the views shown without `LoginWidget` around them (consent,
//! third-party app): the i18n context, the design tokens' root class and the theme.

use leptos::prelude::*;

use crate::components::Theme;
use crate::i18n::{provide_i18n, Key, Lang, Overrides};

/// Provides the language and wraps `children` in the widget's root element.
#[component]
pub fn Framed(lang: Lang, theme: Option<Theme>, children: Children) -> impl IntoView {
    let i18n = provide_i18n(Some(lang), Overrides::new());
    let class = Theme::root_class(theme);
    view! {
        <section class=class lang=lang.tag() aria-label=i18n.text(Key::WidgetLabel)>
            {children()}
        </section>
    }
}
