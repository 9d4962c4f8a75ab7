//! The recharge form.

use leptos::prelude::*;

use crate::api::RechargeRequest;
use crate::i18n::{use_i18n, Key, Message};
use crate::pages::Access;
use crate::ui::FormError;
use crate::ui::SubmitButton;
use crate::ui::{focus_first_invalid, guarded_submit, Field, FieldState};
use crate::validate::points::{check_price, check_remark};

/// Adds points (a whole amount ≥ 1 and an optional remark); `on_done` gets the amount.
#[component]
pub fn RechargeForm(
    /// Called with the amount after the server took it.
    on_done: Callback<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let access = Access::from_context();
    let price = FieldState::new();
    let remark = FieldState::new();
    let error = RwSignal::new(None::<Message>);

    let submit = Action::new_local(move |req: &RechargeRequest| {
        let req = req.clone();
        let client = access.client();
        async move {
            match client.recharge_points(&req).await {
                Ok(true) => {
                    price.value.try_set(String::new());
                    remark.value.try_set(String::new());
                    on_done.run(req.price);
                }
                Ok(false) => {
                    error.try_set(Some(Message::Key(Key::ErrorRefused)));
                }
                Err(e) => {
                    error.try_set(Some(access.fail(&e)));
                }
            }
        }
    });
    let busy = submit.pending();

    let on_submit = guarded_submit(busy, error, move || {
        let p = price.read(check_price);
        let r = remark.check(check_remark);
        match (p, r) {
            (Some(price), Some(remark)) => {
                submit.dispatch_local(RechargeRequest {
                    price,
                    remark: (!remark.is_empty()).then_some(remark),
                });
            }
            _ => {
                focus_first_invalid(&[price, remark]);
            }
        }
    });

    view! {
        <form class="oa-form oa-points__recharge" novalidate on:submit=on_submit>
            <h3 class="oa-page__subtitle">{i18n.text(Key::PointsRechargeTitle)}</h3>
            <Field state=price name="price" label=Key::PointsPrice inputmode="numeric" disabled=busy />
            <Field state=remark name="remark" label=Key::PointsRemarkField disabled=busy />
            <FormError error=error />
            <SubmitButton label=Signal::derive(move || if busy.get() { Key::PointsRecharging } else { Key::PointsRecharge }) busy=busy class="oa-points__submit" />
        </form>
    }
}
