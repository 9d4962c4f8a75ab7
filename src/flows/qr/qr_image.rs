//! The QR code drawn as an `<svg>` of one path, with a name for screen readers.

use leptos::prelude::*;

use super::svg::QrSvg;

/// Draws `code`: a white square (the quiet zone included) with black modules, crisp at any
/// size, `role="img"` named by `label` (and its `<title>`).
#[component]
pub fn QrImage(
    /// The code to draw.
    code: QrSvg,
    /// What a screen reader says for the image.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let size = code.size.to_string();
    let view_box = code.view_box();
    view! {
        <svg
            class="oa-qr__svg"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=view_box
            role="img"
            aria-label=move || label.get()
            shape-rendering="crispEdges"
            focusable="false"
        >
            <title>{move || label.get()}</title>
            <rect width=size.clone() height=size fill="#ffffff" />
            <path d=code.path fill="#000000" />
        </svg>
    }
}
