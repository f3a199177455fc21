//! The browser half of Tessera's console and sign-in pages: hydrates the server-rendered HTML.

// The console's view types nest deeply; a non-incremental build needs more than the default.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
