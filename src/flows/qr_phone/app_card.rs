//! The application card that `QRCodeScan` gives, as the phone shows it before confirming.

use leptos::prelude::*;

use crate::api::AppCard;
use crate::i18n::{use_i18n, Key, Message};
use crate::validate::url::is_http_url;

/// The scopes of a space-separated list, without empty ones.
pub fn scope_list(scopes: &str) -> Vec<String> {
    scopes.split_whitespace().map(str::to_owned).collect()
}

/// Shows who asks (name, and logo only from an `http(s)` URL, left out if it fails to load), its description, the scopes
/// asked for and the remark. Every value is shown as text.
#[component]
pub fn AppCardView(
    /// The card.
    card: AppCard,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = card
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .map(|n| n.trim().to_owned());
    let logo = card.logo.clone().filter(|l| is_http_url(l));
    // A logo that does not load is left out rather than shown as a broken image.
    let logo_failed = RwSignal::new(false);
    let description = card.description.clone().filter(|d| !d.trim().is_empty());
    let remark = card.remark.clone().filter(|r| !r.trim().is_empty());
    let scopes = scope_list(card.scopes.as_deref().unwrap_or(""));
    let asks = move || {
        let who = name
            .clone()
            .unwrap_or_else(|| i18n.t(Key::QrPhoneUnknownApp));
        i18n.render(&Message::with_name(Key::QrPhoneAsks, who))
    };
    view! {
        <div class="oa-qr-phone__card">
            <div class="oa-qr-phone__app">
                {logo.map(|src| view! {
                    <img
                        class="oa-qr-phone__logo"
                        src=src
                        alt=""
                        width="48"
                        height="48"
                        referrerpolicy="no-referrer"
                        hidden=move || logo_failed.get()
                        on:error=move |_| logo_failed.set(true)
                    />
                })}
                <p class="oa-qr-phone__asks">{asks}</p>
            </div>
            {description.map(|d| view! { <p class="oa-qr-phone__description">{d}</p> })}
            {(!scopes.is_empty()).then(|| view! {
                <div class="oa-qr-phone__scopes">
                    <p class="oa-qr-phone__term">{i18n.text(Key::QrPhoneScopes)}</p>
                    <ul class="oa-qr-phone__scope-list">
                        {scopes.into_iter().map(|s| view! { <li class="oa-qr-phone__scope">{s}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            {remark.map(|r| view! {
                <p class="oa-qr-phone__remark">
                    <span class="oa-qr-phone__term">{i18n.text(Key::QrPhoneRemark)}</span>
                    " "
                    {r}
                </p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_split_on_any_space() {
        assert_eq!(
            scope_list(" openid  profile\trole "),
            ["openid", "profile", "role"]
        );
        assert!(scope_list("   ").is_empty());
    }
}
