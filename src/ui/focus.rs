//! Moving the keyboard focus into a part of the page that was just replaced, so that it does
//! not fall to the page's body (WAI-ARIA: focus goes somewhere that makes sense).

/// What can take the focus from the keyboard.
const FOCUSABLE: &str = "input:not([type=hidden]):not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// Focuses the first element in `within` that the keyboard can reach; else `within`'s
/// nearest ancestor that can take the focus (a tab panel). Whether it found one.
pub fn focus_first_within(within: &web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;

    let target = within.query_selector(FOCUSABLE).ok().flatten().or_else(|| {
        within
            .parent_element()
            .and_then(|parent| parent.closest("[tabindex]").ok().flatten())
    });
    match target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}
