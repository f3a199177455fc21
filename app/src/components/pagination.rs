use leptos::prelude::*;

/// "1–20 of 134" with previous/next.
#[component]
pub fn Pagination(page: u32, page_size: u32, total: i64, on_page: Callback<u32>) -> impl IntoView {
    let size = i64::from(page_size.max(1));
    let first = (i64::from(page) - 1) * size + 1;
    let last = (first + size - 1).min(total);
    let pages = ((total + size - 1) / size).max(1);
    let has_prev = page > 1;
    let has_next = i64::from(page) < pages;
    view! {
        <nav class="pagination" aria-label="Pagination">
            <span class="muted">
                {if total == 0 { "0 results".to_string() } else { format!("{first}–{last} of {total}") }}
            </span>
            <button type="button" class="btn" disabled=!has_prev on:click=move |_| on_page.run(page - 1)>
                "Previous"
            </button>
            <button type="button" class="btn" disabled=!has_next on:click=move |_| on_page.run(page + 1)>
                "Next"
            </button>
        </nav>
    }
}
