//! `--static DIR`: files, the index.html fallback, and the API still answering envelopes.

use crate::common::*;

#[tokio::test]
async fn serves_a_folder_with_index_fallback() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("index.html"), "<h1>widget</h1>").expect("write");
    std::fs::write(dir.path().join("app.js"), "console.log(1)").expect("write");
    let cfg = oauthapp_server::Config {
        static_dir: Some(dir.path().to_string_lossy().into_owned()),
        ..config()
    };
    let s = Srv::with(cfg).await;
    let client = reqwest::Client::new();
    let text = |p: &'static str| {
        let c = client.clone();
        let url = format!("{}{p}", s.base);
        async move {
            c.get(url)
                .send()
                .await
                .expect("get")
                .text()
                .await
                .expect("text")
        }
    };
    assert_eq!(text("/").await, "<h1>widget</h1>");
    assert_eq!(text("/app.js").await, "console.log(1)");
    assert_eq!(text("/some/client/route").await, "<h1>widget</h1>");
    s.get("/api/AppUsers/2/Nothing").await.refused(404);
    s.get("/dev/nothing").await.refused(404);
    s.account(APP, "static", "secret12").await;
}
