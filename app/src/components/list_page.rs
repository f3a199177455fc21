//! The table of a console list: a skeleton while it loads, an error with Retry, an empty state,
//! else the table (and, for a paged list, its pagination). One component, so every list shows
//! these states the same way and a page only says what is particular to it.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{EmptyState, ErrorState, Pagination, TableSkeleton};
use crate::error::AppError;
use crate::model::Paged;

/// A paged list from a resource, with "1–20 of 134" and previous/next under the table.
///
/// `columns` are the header cells in order; an empty name leaves its cell empty (a column of
/// row buttons that needs no heading). `actions` adds a trailing "Actions" column. The empty
/// text is read when an empty page arrives, so it can depend on the search.
#[component]
pub fn PagedTable<T, R, V>(
    list: Resource<Result<Paged<T>, AppError>>,
    columns: &'static [&'static str],
    #[prop(optional)] actions: bool,
    row: R,
    #[prop(into)] empty_title: TextProp,
    #[prop(into)] empty_text: TextProp,
    on_page: Callback<u32>,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let content = Content {
        columns,
        actions,
        row,
        empty_title,
        empty_text,
    };
    render_list(
        list,
        move |page: Paged<T>| {
            let pager = view! {
                <Pagination page=page.page page_size=page.page_size total=page.total on_page=on_page/>
            };
            (page.items, Some(pager))
        },
        content,
    )
}

/// An unpaged list from a resource: the same states and table, without pagination.
#[component]
pub fn ListTable<T, R, V>(
    list: Resource<Result<Vec<T>, AppError>>,
    columns: &'static [&'static str],
    #[prop(optional)] actions: bool,
    row: R,
    #[prop(into)] empty_title: TextProp,
    #[prop(into)] empty_text: TextProp,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let content = Content {
        columns,
        actions,
        row,
        empty_title,
        empty_text,
    };
    render_list(list, |items: Vec<T>| (items, None::<()>), content)
}

/// What both kinds of list render the same way.
struct Content<R> {
    columns: &'static [&'static str],
    actions: bool,
    row: R,
    empty_title: TextProp,
    empty_text: TextProp,
}

/// The loading, error, empty and filled states of `list`; `split` takes a loaded value apart
/// into its rows and what goes under the table.
fn render_list<L, T, R, V, P>(
    list: Resource<Result<L, AppError>>,
    split: impl Fn(L) -> (Vec<T>, Option<P>) + Clone + Send + Sync + 'static,
    content: Content<R>,
) -> impl IntoView
where
    // Serde: Retry refetches, which the resource's codec requires.
    L: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    T: Send + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    P: IntoView + 'static,
{
    let Content {
        columns,
        actions,
        row,
        empty_title,
        empty_text,
    } = content;
    view! {
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || {
                let (split, row) = (split.clone(), row.clone());
                let (empty_title, empty_text) = (empty_title.clone(), empty_text.clone());
                Suspend::new(async move {
                    let (items, under) = match list.await {
                        // A list of something that does not exist: the page's own `LoadError`
                        // says so once.
                        Err(AppError::NotFound(_)) => return ().into_any(),
                        Err(e) => return view! {
                            <ErrorState message=e.to_string() on_retry=Callback::new(move |_| list.refetch())/>
                        }.into_any(),
                        Ok(value) => split(value),
                    };
                    if items.is_empty() {
                        // Untracked: the list's resource already follows the search, so a new
                        // search re-renders this once its rows arrive.
                        let (title, text) = untrack(|| (empty_title.get(), empty_text.get()));
                        return view! { <EmptyState title=title.to_string() text=text.to_string()/> }.into_any();
                    }
                    view! {
                        <div class="table-scroll">
                            <table class="table">
                                <thead><tr>
                                    {columns.iter().map(|name| view! { <th>{(!name.is_empty()).then_some(*name)}</th> }).collect_view()}
                                    {actions.then(|| view! { <th class="actions">"Actions"</th> })}
                                </tr></thead>
                                <tbody>{items.into_iter().map(row).collect_view()}</tbody>
                            </table>
                        </div>
                        {under}
                    }.into_any()
                })
            }}
        </Transition>
    }
}
