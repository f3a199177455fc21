use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::browser::encode;

/// "1–20 of 134" with previous/next: links to the list's address with its page, followed in
/// place once the page is interactive (and as plain links without JavaScript).
#[component]
pub fn Pagination(page: u32, page_size: u32, total: i64, on_page: Callback<u32>) -> impl IntoView {
    let size = i64::from(page_size.max(1));
    let first = (i64::from(page) - 1) * size + 1;
    let last = (first + size - 1).min(total);
    let pages = ((total + size - 1) / size).max(1);
    let has_prev = page > 1;
    let has_next = i64::from(page) < pages;
    let location = use_location();
    let href = move |to: u32| {
        let mut params: Vec<String> = location.query.with_untracked(|q| {
            q.into_iter()
                .filter(|(k, _)| **k != "page")
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect()
        });
        if to > 1 {
            params.push(format!("page={to}"));
        }
        let path = location.pathname.get_untracked();
        if params.is_empty() {
            path
        } else {
            format!("{path}?{}", params.join("&"))
        }
    };
    let link = move |to: u32, enabled: bool, label: &'static str| {
        if enabled {
            view! {
                <a class="btn" href=href(to) on:click=move |ev| {
                    ev.prevent_default();
                    on_page.run(to);
                }>{label}</a>
            }
            .into_any()
        } else {
            view! { <span class="btn" aria-disabled="true">{label}</span> }.into_any()
        }
    };
    view! {
        <nav class="pagination" aria-label="Pagination">
            <span class="muted">
                {if total == 0 { "0 results".to_string() } else { format!("{first}–{last} of {total}") }}
            </span>
            {link(page.saturating_sub(1), has_prev, "Previous")}
            {link(page + 1, has_next, "Next")}
        </nav>
    }
}
