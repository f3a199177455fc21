//! The console's one way to say that a write succeeded: a toast in a live region at the corner
//! of the screen (screen readers announce it), gone after a few seconds or when dismissed.
//! Failures stay next to what failed (field and form errors), where the admin fixes them.

use leptos::prelude::*;

/// How long a toast stays, in milliseconds.
const TOAST_MS: u64 = 4000;

/// The toasts on screen; provided once by the console layout.
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<(u64, String)>>,
    next: StoredValue<u64>,
}

impl Toasts {
    /// Shows `message` ("Organization created.") for a few seconds.
    pub fn show(&self, message: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.shown.update(|s| s.push((id, message.into())));
        let shown = self.shown;
        set_timeout(
            move || shown.update(|s| s.retain(|(i, _)| *i != id)),
            std::time::Duration::from_millis(TOAST_MS),
        );
    }

    fn dismiss(&self, id: u64) {
        self.shown.update(|s| s.retain(|(i, _)| *i != id));
    }
}

/// Makes [`Toasts`] available to every page below.
pub fn provide_toasts() -> Toasts {
    let toasts = Toasts {
        shown: RwSignal::new(Vec::new()),
        next: StoredValue::new(0),
    };
    provide_context(toasts);
    toasts
}

/// The console's toasts (pages outside the console get a set nobody shows).
pub fn use_toasts() -> Toasts {
    use_context::<Toasts>().unwrap_or_else(provide_toasts)
}

/// Where toasts appear: always in the page, so screen readers know the live region before
/// its first message.
#[component]
pub fn ToastRegion(toasts: Toasts) -> impl IntoView {
    view! {
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            <For each=move || toasts.shown.get() key=|(id, _)| *id let:toast>
                <p class="toast">
                    <span>{toast.1.clone()}</span>
                    <button type="button" class="btn-icon" aria-label="Dismiss"
                        on:click=move |_| toasts.dismiss(toast.0)>"×"</button>
                </p>
            </For>
        </div>
    }
}
