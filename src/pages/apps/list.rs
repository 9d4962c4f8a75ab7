//! The list of authorized apps with optimistic revocation.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::order::newest_first;
use super::row::{consent_host, ConsentRow};
use crate::api::Consent;
use crate::i18n::{use_i18n, Key, Message};
use crate::pages::{Access, Load, LoadFailed, Loader, Loading, Notice};
use crate::ui::unique_id;
use crate::ui::FormError;

/// The authorized apps (Consents), newest first. Revoke asks in place; once confirmed the row
/// leaves at once and comes back, with a message, if the server refuses. Needs the widget's
/// context and session (inside `LoginWidget`); a 401 signs out.
#[component]
pub fn AuthorizedApps() -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    let loader = Loader::new(
        access,
        |client| async move {
            let mut items = client.consents().await?;
            newest_first(&mut items);
            Ok(items)
        },
        |_: &Vec<Consent>| true,
    );
    let list = loader.state;
    let confirming = RwSignal::new(None::<i64>);
    let busy = RwSignal::new(false);
    let notice = RwSignal::new(None::<Message>);
    let error = RwSignal::new(None::<Message>);
    let container = NodeRef::<Div>::new();
    let title_id = unique_id("apps-title");

    let load = move || loader.reload();

    let revoke = move |id: i64| {
        let Load::Ready(items) = list.get_untracked() else {
            return;
        };
        let Some(index) = items.iter().position(|c| c.id == id) else {
            return;
        };
        let removed = items[index].clone();
        let host = consent_host(i18n, &removed);
        confirming.set(None);
        notice.set(None);
        error.set(None);
        busy.set(true);
        list.update(|l| {
            if let Load::Ready(items) = l {
                items.retain(|c| c.id != id);
            }
        });
        if let Some(el) = container.get_untracked() {
            let _ = el.focus();
        }
        let client = access.client();
        spawn_local(async move {
            let result = client.delete_consent(id).await;
            busy.try_set(false);
            match result {
                Ok(true) => {
                    notice.try_set(Some(Message::With(Key::AppsRevoked, vec![("host", host)])));
                }
                other => {
                    let reason = match other {
                        Err(e) => access.fail(&e),
                        Ok(_) => Message::Key(Key::ErrorRefused),
                    };
                    let reason = i18n.render(&reason);
                    list.try_update(|l| {
                        if let Load::Ready(items) = l {
                            let at = index.min(items.len());
                            items.insert(at, removed);
                        }
                    });
                    error.try_set(Some(Message::With(
                        Key::AppsRevokeFailed,
                        vec![("host", host), ("reason", reason)],
                    )));
                }
            }
        });
    };

    let body = move || match list.get() {
        Load::Loading => view! { <Loading /> }.into_any(),
        Load::Failed(m) => {
            view! { <LoadFailed message=m on_retry=Callback::new(move |()| load()) /> }.into_any()
        }
        Load::Ready(items) if items.is_empty() => view! {
            <p class="oa-page__empty">{i18n.text(Key::AppsEmpty)}</p>
        }
        .into_any(),
        Load::Ready(items) => view! {
            <ul class="oa-apps__list">
                {items
                    .into_iter()
                    .map(|consent| {
                        let id = consent.id;
                        view! {
                            <ConsentRow
                                consent=consent
                                confirming=Signal::derive(move || confirming.get() == Some(id))
                                busy=busy
                                on_ask=Callback::new(move |ask: bool| {
                                    confirming.set(ask.then_some(id));
                                })
                                on_revoke=Callback::new(move |()| revoke(id))
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };

    let labelled = title_id.clone();
    view! {
        <section class="oa-page oa-apps" aria-labelledby=labelled>
            <h2 class="oa-page__title" id=title_id>{i18n.text(Key::AccountApps)}</h2>
            <Notice message=notice />
            <FormError error=error />
            <div class="oa-apps__body" node_ref=container tabindex="-1">
                {body}
            </div>
        </section>
    }
}
