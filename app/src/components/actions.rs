use leptos::prelude::*;

use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use super::browser::encode;
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

/// A list's search text and page, read from and written to the address (`?q=…&page=…`,
/// replacing the history entry: typing is not navigation), so a reload or a shared link shows
/// the same list; a new search goes back to the first page.
pub fn search_and_page() -> (RwSignal<String>, RwSignal<u32>) {
    let query = use_query_map();
    let (initial_q, initial_page) = query.with_untracked(|m| {
        let page = m.get("page").and_then(|p| p.parse().ok()).unwrap_or(1u32);
        (m.get("q").unwrap_or_default(), page.max(1))
    });
    let q = RwSignal::new(initial_q);
    let page = RwSignal::new(initial_page);
    Effect::watch(move || q.get(), move |_, _, _| page.set(1), false);
    let navigate = use_navigate();
    let location = use_location();
    Effect::watch(
        move || (q.get(), page.get()),
        move |(q, page), _, _| {
            let mut params = Vec::new();
            if !q.is_empty() {
                params.push(format!("q={}", encode(q)));
            }
            if *page > 1 {
                params.push(format!("page={page}"));
            }
            let path = location.pathname.get_untracked();
            let url = if params.is_empty() {
                path
            } else {
                format!("{path}?{}", params.join("&"))
            };
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..NavigateOptions::default()
            };
            navigate(&url, options);
        },
        false,
    );
    (q, page)
}
