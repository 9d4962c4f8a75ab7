//! Demo entry point, built by `trunk serve` / `trunk build`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(oauthapp_login::app::DemoApp);
}
