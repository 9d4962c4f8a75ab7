//! The language of human-readable error messages, chosen from `Accept-Language`.

use axum::{extract::Request, http::header::ACCEPT_LANGUAGE, middleware::Next, response::Response};

/// A language the server can write its `err` sentences in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English (the default).
    En,
    /// Simplified Chinese.
    Zh,
}

tokio::task_local! {
    static CURRENT: Lang;
}

impl Lang {
    /// Picks the preferred of English and Chinese from an `Accept-Language` value.
    ///
    /// The entry with the highest `q` among `zh*` and `en*` wins; ties go to the one listed
    /// first; with neither listed the answer is English.
    pub fn from_header(value: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in value.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.trim().parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            let lang = if tag.starts_with("zh") {
                Lang::Zh
            } else if tag.starts_with("en") {
                Lang::En
            } else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or(Lang::En)
    }

    /// The language of the request being handled (English outside a request).
    pub fn current() -> Lang {
        CURRENT.try_with(|l| *l).unwrap_or(Lang::En)
    }
}

/// Middleware: runs the rest of the request with its language set, so errors render in it.
pub async fn middleware(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_header)
        .unwrap_or(Lang::En);
    CURRENT.scope(lang, next.run(req)).await
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn picks_by_quality() {
        assert_eq!(Lang::from_header("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(Lang::from_header("en-US,zh;q=0.5"), Lang::En);
        assert_eq!(Lang::from_header("fr, zh;q=0.3, en;q=0.2"), Lang::Zh);
        assert_eq!(Lang::from_header("de"), Lang::En);
        assert_eq!(Lang::from_header(""), Lang::En);
        assert_eq!(Lang::from_header("zh;q=0, en"), Lang::En);
    }
}
