//! The benchmark's reference page (`scripts/bench.sh`): a bare Leptos page with the widget's
//! stack — one labelled input, the width of a QR code, and a form that sends its value as JSON
//! with gloo-net. Built exactly as the drop-in is (release profile, wasm-bindgen `--target
//! web`, the same wasm-opt flags), so its size and time to first input are the floor a Leptos
//! widget with these crates starts from.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// What the form sends and reads back.
#[derive(serde::Serialize, serde::Deserialize)]
struct Greeting {
    name: String,
}

/// Mounts the page into `<body>` when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    let modules = qrcode::QrCode::new(b"https://www.oauthapp.com/")
        .map(|code| code.width())
        .unwrap_or(0);
    leptos::mount::mount_to_body(move || {
        let name = RwSignal::new(String::new());
        let answer = RwSignal::new(String::new());
        let send = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let greeting = Greeting {
                name: name.get_untracked(),
            };
            let body = serde_json::to_string(&greeting).unwrap_or_default();
            leptos::task::spawn_local(async move {
                let request = gloo_net::http::Request::post("/echo")
                    .header("Content-Type", "application/json")
                    .body(body);
                let text = match request {
                    Ok(request) => match request.send().await {
                        Ok(response) => match response.json::<Greeting>().await {
                            Ok(back) => back.name,
                            Err(e) => e.to_string(),
                        },
                        Err(e) => e.to_string(),
                    },
                    Err(e) => e.to_string(),
                };
                answer.set(text);
            });
        };
        view! {
            <form on:submit=send>
                <label>
                    "Name "
                    <input
                        name="name"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit">"Send"</button>
                <p>{format!("QR modules: {modules}")}</p>
                <p>{move || answer.get()}</p>
            </form>
        }
    });
}
