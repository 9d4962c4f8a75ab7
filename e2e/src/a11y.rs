//! Finding things on the page as a person does: by ARIA role and accessible name, by label,
//! by text, never by the widget's CSS classes. The work is done in the page by `a11y.js`
//! (shared with the browser tests, `tests/shared/a11y.js`), which computes roles and names
//! (`label[for]`, `aria-labelledby`, `aria-label`, text content) and looks into open shadow
//! roots, so the drop-in's widget is found the same way.
//!
//! Only what is shown to a person is found (not what is `hidden`, `aria-hidden` or
//! `display: none`), except by [`Screen::count_anywhere`], for "is not there" checks.

use crate::browser::WAIT;
use crate::{Browser, HarnessResult};
use fantoccini::elements::{Element, ElementRef};
use serde_json::{json, Value};
use std::time::Duration;

/// `a11y.js` as a WebDriver script: `arguments[0]` the root element (or null for the
/// document), `arguments[1]` the query.
fn script() -> String {
    format!(
        "return (function (root, q) {{\n{}\n}})(arguments[0] || document, arguments[1]);",
        include_str!("../../tests/shared/a11y.js")
    )
}

/// A part of the page to look in: the whole document, or one element and what is under it
/// (its shadow root included).
#[derive(Clone)]
pub struct Screen<'a> {
    browser: &'a Browser,
    root: Option<Element>,
}

impl Browser {
    /// The whole page, to find things in as a person does.
    pub fn screen(&self) -> Screen<'_> {
        Screen {
            browser: self,
            root: None,
        }
    }

    /// The part of the page under the element matching `css` (waited for): for a page's own
    /// markup such as a drop-in's host element `#a`, never for the widget's classes.
    pub async fn within(&self, css: &str) -> HarnessResult<Screen<'_>> {
        let root = self.wait_css(css).await?;
        Ok(Screen {
            browser: self,
            root: Some(root),
        })
    }
}

impl<'a> Screen<'a> {
    /// The part of the page under `el`.
    pub fn within_element(&self, el: Element) -> Screen<'a> {
        Screen {
            browser: self.browser,
            root: Some(el),
        }
    }

    /// Runs `a11y.js` with the query `q`.
    async fn run(&self, q: Value) -> HarnessResult<Value> {
        let root = match &self.root {
            Some(el) => serde_json::to_value(el).map_err(|e| format!("element: {e}"))?,
            None => Value::Null,
        };
        self.browser.eval(&script(), vec![root, q]).await
    }

    /// The elements matching the query `q` (see `a11y.js`: `role`, `name`, `partial`, `text`,
    /// `hidden`, `op`), now.
    pub async fn query(&self, q: Value) -> HarnessResult<Vec<Element>> {
        let found = self.run(q).await?;
        let list = found.as_array().cloned().unwrap_or_default();
        list.iter()
            .map(|v| {
                v.as_object()
                    .and_then(|o| o.values().next())
                    .and_then(Value::as_str)
                    .map(|id| {
                        Element::from_element_id(
                            self.browser.client.clone(),
                            ElementRef::from(id.to_owned()),
                        )
                    })
                    .ok_or_else(|| format!("not an element: {v}"))
            })
            .collect()
    }

    /// What a person finds here now (`role "name"` of each shown element), for failures.
    pub async fn describe(&self) -> String {
        match self.run(json!({"op": "describe"})).await {
            Ok(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            Ok(other) => other.to_string(),
            Err(e) => e,
        }
    }

    /// Waits until exactly one element matches `q` and returns it; `what` names it in the
    /// failure message.
    pub async fn wait_one(&self, q: Value, what: &str) -> HarnessResult<Element> {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut last = 0;
        loop {
            if let Ok(mut found) = self.query(q.clone()).await {
                last = found.len();
                if let (1, Some(el)) = (found.len(), found.pop()) {
                    return Ok(el);
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "{what}: {last} found within {WAIT:?}, not one\n  shown: {}{}",
                    self.describe().await,
                    self.browser.describe_page().await
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until at least one element matches `q` and returns them all, in page order.
    pub async fn wait_some(&self, q: Value, what: &str) -> HarnessResult<Vec<Element>> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Ok(found) = self.query(q.clone()).await {
                if !found.is_empty() {
                    return Ok(found);
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "no {what} within {WAIT:?}\n  shown: {}{}",
                    self.describe().await,
                    self.browser.describe_page().await
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the term (`dt`) `term` of a description list is shown with a value (the
    /// `dd` after it) containing `needle`, and returns that value.
    pub async fn wait_definition(&self, term: &str, needle: &str) -> HarnessResult<String> {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            for dt in self
                .query(json!({"role": "term", "name": term}))
                .await
                .unwrap_or_default()
            {
                let dd = dt
                    .find(fantoccini::Locator::XPath("following-sibling::dd[1]"))
                    .await;
                if let Ok(dd) = dd {
                    last = dd.text().await.unwrap_or_default();
                    if last.contains(needle) {
                        return Ok(last);
                    }
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "{term:?} never showed {needle:?} within {WAIT:?} (last: {last:?})"
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for the one shown element with `role` named `name`.
    pub async fn role(&self, role: &str, name: &str) -> HarnessResult<Element> {
        self.wait_one(
            json!({"role": role, "name": name}),
            &format!("{role} named {name:?}"),
        )
        .await
    }

    /// Waits for the one shown element with `role` whose name contains `part`.
    pub async fn role_partial(&self, role: &str, part: &str) -> HarnessResult<Element> {
        self.wait_one(
            json!({"role": role, "name": part, "partial": true}),
            &format!("{role} named like {part:?}"),
        )
        .await
    }

    /// Waits for the button named `name`.
    pub async fn button(&self, name: &str) -> HarnessResult<Element> {
        self.role("button", name).await
    }

    /// Waits for the button named `name` and clicks it.
    pub async fn click_button(&self, name: &str) -> HarnessResult<()> {
        self.button(name)
            .await?
            .click()
            .await
            .map_err(|e| format!("click button {name:?}: {e}"))
    }

    /// Waits for the form control labelled `label` (its `<label>`, `aria-labelledby` or
    /// `aria-label`).
    pub async fn label(&self, label: &str) -> HarnessResult<Element> {
        self.wait_one(
            json!({"op": "label", "name": label}),
            &format!("control labelled {label:?}"),
        )
        .await
    }

    /// Waits for the control labelled `label`, clears it and types `text` into it.
    pub async fn fill(&self, label: &str, text: &str) -> HarnessResult<()> {
        let el = self.label(label).await?;
        el.clear()
            .await
            .map_err(|e| format!("clear {label:?}: {e}"))?;
        el.send_keys(text)
            .await
            .map_err(|e| format!("type into {label:?}: {e}"))
    }

    /// Waits for the control labelled `label` and types `text` into it (no clearing).
    pub async fn type_into(&self, label: &str, text: &str) -> HarnessResult<()> {
        self.label(label)
            .await?
            .send_keys(text)
            .await
            .map_err(|e| format!("type into {label:?}: {e}"))
    }

    /// The current value of the control labelled `label`.
    pub async fn value(&self, label: &str) -> HarnessResult<String> {
        Ok(self
            .label(label)
            .await?
            .prop("value")
            .await
            .map_err(|e| format!("value of {label:?}: {e}"))?
            .unwrap_or_default())
    }

    /// Waits until a shown element with `role` has a text containing `needle` and returns
    /// that text (for `alert`, `status`, a `heading`…).
    pub async fn wait_role_text(&self, role: &str, needle: &str) -> HarnessResult<String> {
        let el = self
            .wait_one(
                json!({"role": role, "text": needle}),
                &format!("{role} saying {needle:?}"),
            )
            .await?;
        el.text().await.map_err(|e| format!("text of {role}: {e}"))
    }

    /// Waits until an alert (`role=alert`) is shown with some text, and returns it trimmed.
    pub async fn wait_alert(&self) -> HarnessResult<String> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            for el in self
                .query(json!({"role": "alert"}))
                .await
                .unwrap_or_default()
            {
                if let Ok(text) = el.text().await {
                    if !text.trim().is_empty() {
                        return Ok(text.trim().to_owned());
                    }
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "no alert within {WAIT:?}\n  shown: {}{}",
                    self.describe().await,
                    self.browser.describe_page().await
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the innermost shown element whose text contains `needle` is found (one),
    /// and returns its text.
    pub async fn wait_text(&self, needle: &str) -> HarnessResult<String> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let found = self
                .query(json!({"op": "text", "text": needle}))
                .await
                .unwrap_or_default();
            if let Some(el) = found.first() {
                if let Ok(text) = el.text().await {
                    return Ok(text);
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "{needle:?} never shown within {WAIT:?}{}",
                    self.browser.describe_page().await
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// How many shown elements have `role` (and the name `name`, if given), now.
    pub async fn count(&self, role: &str, name: Option<&str>) -> HarnessResult<usize> {
        Ok(self.query(json!({"role": role, "name": name})).await?.len())
    }

    /// How many elements have `role` (and the name `name`, if given), shown or not, now.
    pub async fn count_anywhere(&self, role: &str, name: Option<&str>) -> HarnessResult<usize> {
        Ok(self
            .query(json!({"role": role, "name": name, "hidden": true}))
            .await?
            .len())
    }

    /// Waits until `role` named `name` is not shown any more (or never was).
    pub async fn wait_gone(&self, role: &str, name: &str) -> HarnessResult<()> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if self.count(role, Some(name)).await? == 0 {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!("{role} named {name:?} still shown after {WAIT:?}"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The accessible name of `el`.
    pub async fn name_of(&self, el: &Element) -> HarnessResult<String> {
        let el = serde_json::to_value(el).map_err(|e| format!("element: {e}"))?;
        let v = self
            .browser
            .eval(&script(), vec![el, json!({"op": "name"})])
            .await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// The tab named `name` is selected by a click, and shown selected.
    pub async fn select_tab(&self, name: &str) -> HarnessResult<()> {
        let tab = self.role("tab", name).await?;
        tab.click()
            .await
            .map_err(|e| format!("click tab {name:?}: {e}"))?;
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let selected = self.role("tab", name).await?.attr("aria-selected").await;
            if matches!(selected, Ok(Some(ref s)) if s == "true") {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!("tab {name:?} not selected after {WAIT:?}"));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
