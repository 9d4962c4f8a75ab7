//! The demo's language and theme switches.

use leptos::prelude::*;

use crate::flows::Theme;
use crate::i18n::Lang;

/// The theme the demo asks of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoTheme {
    /// Follow `prefers-color-scheme`.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl DemoTheme {
    const ALL: [DemoTheme; 3] = [DemoTheme::System, DemoTheme::Light, DemoTheme::Dark];

    /// The theme forced on the widget, if any.
    pub fn forced(self) -> Option<Theme> {
        match self {
            DemoTheme::System => None,
            DemoTheme::Light => Some(Theme::Light),
            DemoTheme::Dark => Some(Theme::Dark),
        }
    }

    fn label(self) -> &'static str {
        match self {
            DemoTheme::System => "System · 跟随系统",
            DemoTheme::Light => "Light · 浅色",
            DemoTheme::Dark => "Dark · 深色",
        }
    }
}

/// Language and theme pickers (native `<select>`s: labelled, keyboard-usable).
#[component]
pub fn Toolbar(lang: RwSignal<Lang>, theme: RwSignal<DemoTheme>) -> impl IntoView {
    let lang_label = |l: Lang| match l {
        Lang::En => "English",
        Lang::ZhCn => "简体中文",
    };
    view! {
        <div class="oa-demo__toolbar">
            <label class="oa-demo__pick">
                "Language · 语言 "
                <select
                    name="demo-lang"
                    on:change=move |ev| {
                        if let Some(l) = Lang::parse(&event_target_value(&ev)) {
                            lang.set(l);
                        }
                    }
                >
                    {Lang::ALL
                        .iter()
                        .map(|&l| {
                            view! {
                                <option value=l.tag() selected=move || lang.get() == l>
                                    {lang_label(l)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="oa-demo__pick">
                "Theme · 主题 "
                <select
                    name="demo-theme"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(t) = DemoTheme::ALL.into_iter().find(|t| t.label() == v) {
                            theme.set(t);
                        }
                    }
                >
                    {DemoTheme::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <option value=t.label() selected=move || theme.get() == t>
                                    {t.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
