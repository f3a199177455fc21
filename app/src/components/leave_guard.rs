//! While a form holds unsaved changes, leaving the page asks first: the browser's own prompt
//! for closing or reloading the tab, and a confirmation for a link clicked inside the console
//! (the router would otherwise swap the page and lose the edits without a word).

use leptos::prelude::*;

/// What the confirmation says.
#[cfg(feature = "hydrate")]
const QUESTION: &str = "You have unsaved changes. Leave this page and discard them?";

/// Guards the page while it is mounted (a [`super::SaveBar`] mounts it while its form is dirty).
#[component]
pub fn LeaveGuard() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    guard_while_mounted();
}

#[cfg(feature = "hydrate")]
fn guard_while_mounted() {
    let listeners = send_wrapper::SendWrapper::new(listen());
    on_cleanup(move || {
        if let Some(listeners) = listeners.take() {
            listeners.remove();
        }
    });
}

#[cfg(feature = "hydrate")]
struct Listeners {
    window: web_sys::Window,
    before_unload: wasm_bindgen::closure::Closure<dyn Fn(web_sys::BeforeUnloadEvent)>,
    click: wasm_bindgen::closure::Closure<dyn Fn(web_sys::MouseEvent)>,
}

#[cfg(feature = "hydrate")]
fn listen() -> Option<Listeners> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window()?;
    let before_unload =
        Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|ev: web_sys::BeforeUnloadEvent| {
            ev.prevent_default();
            ev.set_return_value(QUESTION);
        });
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        if leaves_page(&ev)
            && let Some(window) = web_sys::window()
            && !window.confirm_with_message(QUESTION).unwrap_or(true)
        {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let _ = window
        .add_event_listener_with_callback("beforeunload", before_unload.as_ref().unchecked_ref());
    // Capture phase on the window: runs before the router's own click handling.
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        click.as_ref().unchecked_ref(),
        true,
    );
    Some(Listeners {
        window,
        before_unload,
        click,
    })
}

#[cfg(feature = "hydrate")]
impl Listeners {
    fn remove(self) {
        use wasm_bindgen::JsCast;
        let _ = self.window.remove_event_listener_with_callback(
            "beforeunload",
            self.before_unload.as_ref().unchecked_ref(),
        );
        let _ = self.window.remove_event_listener_with_callback_and_bool(
            "click",
            self.click.as_ref().unchecked_ref(),
            true,
        );
    }
}

/// A plain click on a link that replaces this page (not one opening a new tab, not a link to a
/// place on this same page).
#[cfg(feature = "hydrate")]
fn leaves_page(ev: &web_sys::MouseEvent) -> bool {
    use wasm_bindgen::JsCast;
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return false;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return false;
    };
    let new_tab = link.get_attribute("target").is_some_and(|t| t != "_self");
    let href = link.get_attribute("href").unwrap_or_default();
    !new_tab && !href.starts_with('#') && link.get_attribute("download").is_none()
}
