//! `oauthapp-prerender`: renders the drop-in's first sign-in view to HTML at build time, with
//! Leptos' `ssr` renderer and the widget's own view code, for every
//! [`ShellVariant`](oauthapp_login::embed::ShellVariant). `scripts/bundle.sh` puts its
//! output into the loader, which shows that HTML (typed into, submitted) until the wasm
//! takes over.
//!
//! Prints one JSON object:
//! `{"views": {"<lang>|<tabs>|<guest>": "<html>", …}, "strings": {"<lang>": {…}}, "themes": {…}}`.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use oauthapp_login::embed::{first_view, shell_strings, theme_classes, ShellVariant};
use oauthapp_login::i18n::Lang;
use serde_json::{Map, Value};

fn main() {
    // Creating an effect needs an executor, though nothing runs at build time.
    if let Err(e) = any_spawner::Executor::init_futures_executor() {
        eprintln!("oauthapp-prerender: no executor: {e:?}");
        std::process::exit(1);
    }
    let mut views = Map::new();
    for variant in ShellVariant::all() {
        let html = Owner::new().with(|| first_view(&variant).to_html());
        views.insert(variant.key(), Value::String(without_comments(&html)));
    }
    let strings: Map<String, Value> = Lang::ALL
        .iter()
        .map(|lang| {
            let table = shell_strings(*lang)
                .into_iter()
                .map(|(k, v)| (k.to_owned(), Value::String(v)))
                .collect();
            (lang.tag().to_owned(), Value::Object(table))
        })
        .collect();
    let themes: Map<String, Value> = theme_classes()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
        .collect();
    let out = serde_json::json!({ "views": views, "strings": strings, "themes": themes });
    println!("{out}");
}

/// `html` without its comments: the renderer's `<!>` markers (for hydration, which the
/// drop-in does not do: the wasm renders afresh and takes what was typed over).
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|i| i + 3)
        } else {
            after.find('>').map(|i| i + 1)
        };
        match end {
            Some(end) => rest = &after[end..],
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comments_go_and_text_stays() {
        assert_eq!(
            without_comments("<p>a<!>b<!--<() />-->c</p><!>"),
            "<p>abc</p>"
        );
        assert_eq!(without_comments("<p>a < b</p>"), "<p>a < b</p>");
    }
}
