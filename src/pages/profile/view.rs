//! The profile, read only.

use leptos::prelude::*;

use crate::api::Profile;
use crate::i18n::{use_i18n, Key};
use crate::validate::url::safe_image_url;

/// The avatar (only a URL that may be shown) or, failing that, the name's first letter.
#[component]
pub fn Avatar(
    /// The avatar URL as stored.
    #[prop(into)]
    url: Signal<String>,
    /// The name whose first letter stands in for a missing avatar.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match safe_image_url(&url.get()) {
        Some(src) => view! {
            <img class="oa-profile__avatar" src=src alt=i18n.text(Key::ProfileAvatarAlt) width="64" height="64" />
        }
        .into_any(),
        None => {
            let letter: String = name.get().trim().chars().take(1).collect();
            view! { <span class="oa-profile__avatar oa-profile__avatar--none" aria-hidden="true">{letter}</span> }
                .into_any()
        }
    }
    }
}

/// The profile's fields as a description list; empty values say "Not set".
#[component]
pub fn ProfileView(
    /// The profile.
    profile: Profile,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let row = move |key: Key, name: &'static str, value: Option<String>, verified: Option<bool>| {
        let set = value.is_some();
        view! {
            <div class="oa-profile__field" data-field=name>
                <dt>{move || i18n.t(key)}</dt>
                <dd>
                    <span class=if set { "oa-profile__value" } else { "oa-profile__value oa-profile__value--none" }>
                        {match value {
                            Some(v) => v.into_any(),
                            None => (i18n.text(Key::AccountNotSet)).into_any(),
                        }}
                    </span>
                    {(set && verified.is_some()).then(|| {
                        let ok = verified == Some(true);
                        view! {
                            " "
                            <span class=if ok { "oa-badge oa-badge--ok" } else { "oa-badge" }>
                                {if ok { "✓ " } else { "" }}
                                {move || i18n.t(if ok { Key::ProfileVerified } else { Key::ProfileUnverified })}
                            </span>
                        }
                    })}
                </dd>
            </div>
        }
    };
    view! {
        <dl class="oa-profile__details">
            {row(Key::ProfileNickname, "nickName", text(&profile.nick_name), None)}
            {row(Key::ProfileUserName, "userName", text(&profile.user_name), None)}
            {row(Key::ProfilePhone, "phone", text(&profile.phone), profile.phone_is_valid)}
            {row(Key::ProfileEmail, "email", text(&profile.email), profile.email_is_valid)}
            {row(Key::ProfilePlatform, "platform", text(&profile.platform), None)}
            {row(Key::ProfileRole, "role", text(&profile.role), None)}
            {row(Key::ProfileCreated, "createDate", text(&profile.create_date), None)}
            {row(Key::ProfileUpdated, "lastUpdate", text(&profile.last_update), None)}
        </dl>
        {text(&profile.data).map(|d| view! {
            <h3 class="oa-profile__data-title">{i18n.text(Key::ProfileData)}</h3>
            <pre class="oa-profile__data">{d}</pre>
        })}
    }
}
