//! Moving the keyboard focus into a part of the page that was just replaced, so that it does
//! not fall to the page's body (WAI-ARIA: focus goes somewhere that makes sense), and only
//! when the person has not moved it elsewhere meanwhile.

use wasm_bindgen::{JsCast, JsValue};

/// What can take the focus from the keyboard (hidden ones are left out by
/// [`focus_first_within`]).
const FOCUSABLE: &str = "input:not([type=hidden]):not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// Focuses the first element in `within` that the keyboard can reach and that is shown; else
/// `within`'s nearest ancestor in the tab order (a tab panel). Whether one of them was there.
pub fn focus_first_within(within: &web_sys::Element) -> bool {
    let shown = |el: &web_sys::Element| el.get_client_rects().length() > 0;
    let first = within.query_selector_all(FOCUSABLE).ok().and_then(|list| {
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .find(shown)
    });
    let target = first.or_else(|| {
        within
            .parent_element()
            .and_then(|parent| {
                parent
                    .closest("[tabindex]:not([tabindex='-1'])")
                    .ok()
                    .flatten()
            })
            .filter(shown)
    });
    match target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Whether the focus is inside `part`, or nowhere (on the page's body, as after the element
/// that had it was removed): then moving it into `part` takes nothing from the person. Works
/// inside a shadow root, whose focused element the document does not tell.
pub fn focus_is_within_or_lost(part: &web_sys::Element) -> bool {
    let Some(document) = part.owner_document() else {
        return false;
    };
    let lost = match document.active_element() {
        None => true,
        Some(active) => document.body().is_some_and(|body| *body == active),
    };
    // `activeElement` of the part's root: the document, or the shadow root it is in.
    let active = js_sys::Reflect::get(&part.get_root_node(), &JsValue::from_str("activeElement"))
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::Node>().ok());
    lost || active.is_some_and(|node| part.contains(Some(&node)))
}
