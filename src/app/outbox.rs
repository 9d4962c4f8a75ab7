//! The demo's view of the reference server's outbox: the codes it would have sent by SMS or
//! e-mail (`GET /dev/outbox`), refreshed when asked.

use leptos::prelude::*;
use serde::Deserialize;

/// One message the server "sent".
#[derive(Clone, Debug, Deserialize, PartialEq)]
struct OutboxEntry {
    #[serde(default)]
    to: String,
    #[serde(default)]
    channel: String,
    #[serde(default, rename = "type")]
    purpose: String,
    #[serde(default)]
    code: String,
    #[serde(default, rename = "createDate")]
    create_date: String,
}

#[derive(Deserialize)]
struct OutboxEnvelope {
    #[serde(default)]
    data: Vec<OutboxEntry>,
}

/// Reads the outbox from the page's origin; a sentence on failure.
async fn fetch_outbox() -> Result<Vec<OutboxEntry>, String> {
    let resp = gloo_net::http::Request::get("/dev/outbox")
        .send()
        .await
        .map_err(|e| format!("outbox unreachable: {e}"))?;
    let text = resp.text().await.map_err(|e| e.to_string())?;
    serde_json::from_slice::<OutboxEnvelope>(text.as_bytes())
        .map(|env| env.data)
        .map_err(|_| {
            format!(
                "outbox answered HTTP {} (is the server run with --outbox?)",
                resp.status()
            )
        })
}

/// The outbox panel with a refresh button (no polling: an idle demo makes no requests).
#[component]
pub fn OutboxPanel() -> impl IntoView {
    let entries = RwSignal::new(Ok::<Vec<OutboxEntry>, String>(Vec::new()));
    let refresh = Action::new_local(|_: &()| fetch_outbox());
    Effect::new(move |_| {
        if let Some(result) = refresh.value().get() {
            entries.set(result);
        }
    });
    view! {
        <aside class="oa-demo__outbox" aria-labelledby="oa-demo-outbox-title">
            <h2 id="oa-demo-outbox-title">"Outbox · 发件箱"</h2>
            <p class="oa-demo__hint">
                "Codes the reference server would have sent by SMS or e-mail. · 服务器本应通过短信或邮件发送的验证码。"
            </p>
            <button
                type="button"
                class="oa-demo__refresh"
                on:click=move |_| {
                    refresh.dispatch(());
                }
                disabled=move || refresh.pending().get()
            >
                "Refresh · 刷新"
            </button>
            <div aria-live="polite">
                {move || match entries.get() {
                    Err(e) => view! { <p class="oa-demo__error">{e}</p> }.into_any(),
                    Ok(list) if list.is_empty() => {
                        view! { <p>"Nothing sent yet. · 暂无。"</p> }.into_any()
                    }
                    Ok(list) => {
                        view! {
                            <table class="oa-demo__table">
                                <thead>
                                    <tr>
                                        <th scope="col">"To"</th>
                                        <th scope="col">"Channel"</th>
                                        <th scope="col">"Purpose"</th>
                                        <th scope="col">"Code"</th>
                                        <th scope="col">"Sent"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <tr>
                                                    <td>{e.to}</td>
                                                    <td>{e.channel}</td>
                                                    <td>{e.purpose}</td>
                                                    <td class="oa-demo__code">{e.code}</td>
                                                    <td>{e.create_date}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                }}
            </div>
        </aside>
    }
}
