use leptos::prelude::*;

use crate::error::AppError;

/// Runs `on_ok` or `on_err` each time `action` finishes: what every form and dialog does with
/// its server function's answer.
pub fn when_done<I, O>(
    action: Action<I, Result<O, AppError>>,
    mut on_ok: impl FnMut(O) + 'static,
    mut on_err: impl FnMut(AppError) + 'static,
) where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| match action.value().get() {
        Some(Ok(value)) => on_ok(value),
        Some(Err(e)) => on_err(e),
        None => {}
    });
}

/// A list's search text and page; a new search goes back to the first page.
pub fn search_and_page() -> (RwSignal<String>, RwSignal<u32>) {
    let q = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    Effect::watch(move || q.get(), move |_, _, _| page.set(1), false);
    (q, page)
}
