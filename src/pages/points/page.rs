//! The points page: filter, table, pages, recharge.

use leptos::prelude::*;

use super::pager::Pager;
use super::recharge::RechargeForm;
use crate::api::{PointEntry, PointKind, PointLogPage, PointLogQuery};
use crate::i18n::{use_i18n, Key, Message};
use crate::pages::{Access, Load, LoadFailed, Loader, Loading, Notice};
use crate::ui::{unique_id, ChoiceGroup};

/// The filter's choices.
const KINDS: [(PointKind, &str, Key); 3] = [
    (PointKind::All, "all", Key::PointsAll),
    (PointKind::Recharge, "recharge", Key::PointsRecharges),
    (PointKind::Spend, "spend", Key::PointsSpends),
];

/// An amount with its sign (`+10`, `-5`), or nothing when unknown.
fn signed(used: Option<i64>) -> String {
    match used {
        Some(n) if n > 0 => format!("+{n}"),
        Some(n) => n.to_string(),
        None => String::new(),
    }
}

/// The points log (newest first) with the filter all / recharge / spend, pages of
/// `page_size` entries with the total, and the recharge form; a recharge refreshes the log
/// from its first page. Needs the widget's context and session (inside `LoginWidget`); a
/// 401 signs out.
#[component]
pub fn PointsPage(
    /// Entries per page (10 unless said).
    #[prop(default = 10)]
    page_size: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    let take = page_size.max(1);
    let kind = RwSignal::new(PointKind::All);
    let page = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<Message>);
    let title_id = unique_id("points-title");

    // Reads the page whenever the filter or the page changes, or after a recharge; only the
    // newest answer counts. A page past the end (entries went away) is not shown: the last
    // page is read instead.
    let loader = Loader::new(
        access,
        move |client| {
            let query = PointLogQuery {
                kind: kind.get(),
                skip: Pager::new(page.get(), take, 0).skip(),
                take,
            };
            async move { client.point_log(&query).await }
        },
        move |p: &PointLogPage| {
            let total = u64::try_from(p.total.unwrap_or(0)).unwrap_or(0);
            match Pager::new(page.get_untracked(), take, total).clamped() {
                Some(last) if !p.data.is_empty() || total > 0 => {
                    page.try_set(last);
                    false
                }
                _ => true,
            }
        },
    );
    let log = loader.state;

    let row = move |e: PointEntry| {
        let used = e.used.unwrap_or(0);
        let class = if used < 0 {
            "oa-points__amount oa-points__amount--spend"
        } else {
            "oa-points__amount"
        };
        view! {
            <tr class="oa-points__row">
                <td class="oa-points__date">{e.create_date.unwrap_or_default()}</td>
                <td class=class>{signed(e.used)}</td>
                <td class="oa-points__remark">{e.remark.unwrap_or_default()}</td>
            </tr>
        }
    };

    let table = move || match log.get() {
        Load::Loading => view! { <Loading /> }.into_any(),
        Load::Failed(m) => view! {
            <LoadFailed message=m on_retry=Callback::new(move |()| loader.reload()) />
        }
        .into_any(),
        Load::Ready(p) => {
            let rows = p.data;
            if rows.is_empty() {
                view! { <p class="oa-page__empty">{i18n.text(Key::PointsEmpty)}</p> }.into_any()
            } else {
                view! {
                    <div class="oa-points__scroll">
                        <table class="oa-points__table">
                            <caption class="oa-visually-hidden">{i18n.text(Key::PointsTitle)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.text(Key::PointsDate)}</th>
                                    <th scope="col" class="oa-points__amount">{i18n.text(Key::PointsAmount)}</th>
                                    <th scope="col">{i18n.text(Key::PointsRemark)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        }
    };

    // The pager stays in place while the next page loads (the total is the last one read, with
    // the filter it was read for), so that the focus stays on "Next" and "Page n of m" is read
    // out where it is. Its buttons are aria-disabled, not disabled: a disabled button drops the
    // focus to the page's body. Another filter has another total: the pager goes until it comes.
    let counted = Memo::new(
        move |last: Option<&Option<(PointKind, u64)>>| match &*log.read() {
            Load::Ready(p) => Some((
                kind.get_untracked(),
                u64::try_from(p.total.unwrap_or(0)).unwrap_or(0),
            )),
            Load::Loading => last
                .copied()
                .flatten()
                .filter(|(read_for, _)| *read_for == kind.get()),
            Load::Failed(_) => None,
        },
    );
    let total = move || counted.get().map(|(_, total)| total);
    let pager = move || Pager::new(page.get(), take, total().unwrap_or(0));
    // The page `forward` (or back) leads to, if there is one. A click while a page loads is
    // taken: the loader shows only the newest answer.
    let target = move |forward: bool| {
        let pager = pager();
        if forward {
            pager.has_next().then(|| pager.page.saturating_add(1))
        } else {
            pager.has_prev().then(|| pager.page.saturating_sub(1))
        }
    };
    let step = move |forward: bool| {
        let (class, label) = if forward {
            (
                "oa-button oa-button--secondary oa-points__next",
                Key::PointsNext,
            )
        } else {
            (
                "oa-button oa-button--secondary oa-points__prev",
                Key::PointsPrev,
            )
        };
        view! {
            <button
                type="button"
                class=class
                aria-disabled=move || target(forward).is_none().then_some("true")
                on:click=move |_| {
                    if let Some(to) = target(forward) {
                        page.set(to);
                    }
                }
            >
                {i18n.text(label)}
            </button>
        }
    };
    let pager_view = move || {
        view! {
            <nav class="oa-points__pager" aria-label=i18n.text(Key::PointsPager)>
                <p class="oa-points__total">
                    {move || i18n.render(&Message::with_n(Key::PointsTotal, total().unwrap_or(0)))}
                </p>
                <div class="oa-points__pages">
                    {step(false)}
                    <span class="oa-points__page" role="status">
                        {move || {
                            let pager = pager();
                            i18n.render(&Message::With(
                                Key::PointsPage,
                                vec![
                                    ("page", (pager.page + 1).to_string()),
                                    ("pages", pager.pages().to_string()),
                                ],
                            ))
                        }}
                    </span>
                    {step(true)}
                </div>
            </nav>
        }
    };

    let on_done = Callback::new(move |n: u64| {
        notice.try_set(Some(Message::with_n(Key::PointsRecharged, n)));
        page.try_set(0);
        loader.reload();
    });

    let labelled = title_id.clone();
    view! {
        <section class="oa-page oa-points" aria-labelledby=labelled>
            <h2 class="oa-page__title" id=title_id>{i18n.text(Key::PointsTitle)}</h2>
            <Notice message=notice />
            <ChoiceGroup
                legend=Key::PointsFilter
                choices=KINDS.to_vec()
                selected=kind
                on_change=Callback::new(move |_| page.set(0))
                class="oa-points__filter"
            />
            {table}
            <Show when=move || total().is_some()>{pager_view}</Show>
            <RechargeForm on_done=on_done />
        </section>
    }
}
