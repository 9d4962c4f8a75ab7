//! Showing a view of a chunk: nothing until it is wanted, "Loading…" while its chunk is
//! fetched, the view once it is in, and a sentence with "Try again" if the fetch failed. After
//! "Try again" the keyboard focus follows: to "Loading…", then into the view (or back to the
//! button if the fetch failed again), never to the page's body.

use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::chunk::{Chunk, ChunkError};
use crate::i18n::{use_i18n, Key};
use crate::ui::{focus_first_within, focus_is_within_or_lost};

/// Where a view of a chunk is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Not wanted yet, and its chunk is not in.
    Idle,
    /// Its chunk is being fetched.
    Loading,
    /// The fetch failed; the person may try again.
    Failed,
    /// Its chunk is in: the view is shown.
    Ready,
}

/// The view that `build` makes from `chunk`, fetching the chunk the first time `wanted` is
/// true (at once when the chunk is already in, as in every build that is not split).
/// `build` calls a split point (`chunks/views.rs`); it is called untracked, in this
/// view's reactive owner, once the chunk is in.
///
/// Needs the widget's i18n context (for "Loading…", the failure sentence and "Try again").
pub fn on_demand<F, Fut>(chunk: &'static Chunk, wanted: Signal<bool>, build: F) -> AnyView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<AnyView, ChunkError>>,
{
    // Once the chunk is in, the split point's future is ready on its first poll.
    on_demand_boxed(chunk, wanted, Box::new(move || build().now_or_never()))
}

type Build = Box<dyn Fn() -> Option<Result<AnyView, ChunkError>>>;

fn on_demand_boxed(chunk: &'static Chunk, wanted: Signal<bool>, build: Build) -> AnyView {
    let i18n = use_i18n();
    // Views are built on the browser's one thread: keep the builder there.
    let build = StoredValue::new_local(build);
    let phase = RwSignal::new(if chunk.is_loaded() {
        Phase::Ready
    } else {
        Phase::Idle
    });
    // Set when "Try again" is pressed: the button goes away, and the focus must not go with it.
    let refocus = StoredValue::new(false);
    let slot = NodeRef::<leptos::html::Div>::new();
    let fetch = move || {
        if chunk.is_loaded() {
            phase.set(Phase::Ready);
            return;
        }
        phase.set(Phase::Loading);
        spawn_local(async move {
            let now = match chunk.load().await {
                Ok(()) => Phase::Ready,
                Err(_) => Phase::Failed,
            };
            // The view may be gone by now.
            phase.try_set(now);
        });
    };
    Effect::new(move || {
        if wanted.get() && phase.get_untracked() == Phase::Idle {
            fetch();
        }
    });
    // After "Try again", each new phase takes the focus, unless the person moved it elsewhere
    // meanwhile. In the next animation frame: the view of the new phase is in the page by then.
    Effect::new(move || {
        let now = phase.get();
        if !refocus.get_value() || now == Phase::Idle {
            return;
        }
        if now == Phase::Ready {
            refocus.set_value(false);
        }
        request_animation_frame(move || {
            let Some(slot) = slot.get_untracked() else {
                return;
            };
            if !focus_is_within_or_lost(&slot) {
                return;
            }
            let target = match now {
                Phase::Loading => slot.query_selector(".oa-on-demand--loading"),
                Phase::Failed => slot.query_selector(".oa-on-demand__retry"),
                Phase::Idle | Phase::Ready => {
                    focus_first_within(&slot);
                    return;
                }
            };
            let target = target.ok().flatten();
            if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    });
    let failed = move || {
        view! {
            <div class="oa-on-demand oa-on-demand--failed">
                <p class="oa-form__error" role="alert">{i18n.text(Key::ChunkFailed)}</p>
                <button
                    type="button"
                    class="oa-button oa-button--secondary oa-on-demand__retry"
                    on:click=move |_| {
                        refocus.set_value(true);
                        fetch();
                    }
                >
                    {i18n.text(Key::ChunkRetry)}
                </button>
            </div>
        }
        .into_any()
    };
    let view = move || match phase.get() {
        Phase::Idle => ().into_any(),
        Phase::Loading => view! {
            <p
                class="oa-on-demand oa-on-demand--loading"
                role="status"
                aria-live="polite"
                tabindex="-1"
            >
                {i18n.text(Key::ChunkLoading)}
            </p>
        }
        .into_any(),
        Phase::Failed => failed(),
        Phase::Ready => match untrack(|| build.with_value(|build| build())) {
            Some(Ok(view)) => view,
            // Not reached: the chunk is in, so the split point answers at once.
            Some(Err(_)) | None => failed(),
        },
    };
    // `display: contents`: a box for finding the view's elements, none for the layout.
    view! { <div class="oa-chunk" node_ref=slot>{view}</div> }.into_any()
}
