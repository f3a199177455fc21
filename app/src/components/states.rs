use leptos::prelude::*;

/// Placeholder rows while a table loads, sized like the real rows to avoid layout shift.
#[component]
pub fn TableSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-label="Loading">
            {(0..5).map(|_| view! { <div class="skeleton-row"></div> }).collect_view()}
        </div>
    }
}

#[component]
pub fn EmptyState(#[prop(into)] title: String, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <div class="empty">
            <h3>{title}</h3>
            <p class="muted">{text}</p>
        </div>
    }
}

#[component]
pub fn ErrorState(#[prop(into)] message: String, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error-state" role="alert">
            <p>{message}</p>
            <button type="button" class="btn" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}
