//! Logto pagination (`packages/core/src/middleware/koa-pagination.ts`): `page` (1-based) and
//! `page_size` (≤ 100, default 20); `Total-Number` and RFC 8288 `Link` headers with
//! first/prev/next/last; and the search text lists take.

use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::domain::search;
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::state::AppState;
use crate::storage::{Page, Paged};

const DEFAULT_PAGE_SIZE: u32 = 20;
const MAX_PAGE_SIZE: u32 = 100;

fn positive(value: Option<&str>, default: u32) -> Result<u32, ApiError> {
    match value {
        None => Ok(default),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(ApiError::invalid_pagination),
    }
}

/// The search text of a list: the first of `keys` (`q`, Logto's `search`) that is present; any
/// of them too long for [`search::too_long`] is refused.
pub fn search<'a>(query: &'a QueryPairs, keys: &[&str]) -> Result<Option<&'a str>, ApiError> {
    let mut found = None;
    for key in keys {
        let Some(value) = query.get(key) else {
            continue;
        };
        if let Some(line) = search::too_long(key, value) {
            return Err(ApiError::invalid_input("query", &[line]));
        }
        found = found.or(Some(value));
    }
    Ok(found)
}

/// Mandatory pagination: defaults apply when the parameters are absent.
pub fn page(query: &QueryPairs) -> Result<Page, ApiError> {
    let page = positive(query.get("page"), 1)?;
    let page_size = positive(query.get("page_size"), DEFAULT_PAGE_SIZE)?;
    if page_size > MAX_PAGE_SIZE {
        return Err(ApiError::invalid_pagination());
    }
    Ok(Page { page, page_size })
}

/// Optional pagination: `None` (everything, no headers) when neither parameter is given.
pub fn optional_page(query: &QueryPairs) -> Result<Option<Page>, ApiError> {
    if query.get("page").is_none() && query.get("page_size").is_none() {
        return Ok(None);
    }
    page(query).map(Some)
}

/// The `Total-Number` and `Link` headers for a page of `total` rows.
pub fn headers(
    public_url: &str,
    uri: &Uri,
    query: &QueryPairs,
    page: Page,
    total: i64,
) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&total.to_string()) {
        headers.insert("total-number", v);
    }
    let size = i64::from(page.page_size);
    let last = ((total + size - 1) / size).max(1);
    let current = i64::from(page.page);
    let link = |n: i64, rel: &str| {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        let mut has_page = false;
        for (k, v) in &query.0 {
            if k == "page" {
                if !has_page {
                    serializer.append_pair("page", &n.to_string());
                    has_page = true;
                }
            } else {
                serializer.append_pair(k, v);
            }
        }
        if !has_page {
            serializer.append_pair("page", &n.to_string());
        }
        format!(
            "<{public_url}{}?{}>; rel=\"{rel}\"",
            uri.path(),
            serializer.finish()
        )
    };
    let mut links = vec![link(1, "first")];
    if current > 1 {
        links.push(link(current - 1, "prev"));
    }
    if current < last {
        links.push(link(current + 1, "next"));
    }
    links.push(link(last, "last"));
    for l in links {
        if let Ok(v) = HeaderValue::from_str(&l) {
            headers.append("link", v);
        }
    }
    headers
}

/// A list request: its query (filters, search text, page) and what its answer's `Link` header
/// is built from (the request's own URI under the public URL).
pub struct ListRequest {
    pub query: QueryPairs,
    uri: Uri,
    public_url: Arc<str>,
}

impl FromRequestParts<AppState> for ListRequest {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let query = QueryPairs::from_request_parts(parts, state).await?;
        // The URI as sent, not as seen by the nested `/api` router.
        let uri = match OriginalUri::from_request_parts(parts, state).await {
            Ok(OriginalUri(uri)) => uri,
            Err(never) => match never {},
        };
        Ok(ListRequest {
            query,
            uri,
            public_url: state.public_url.clone(),
        })
    }
}

impl ListRequest {
    /// Mandatory pagination ([`page`]).
    pub fn page(&self) -> Result<Page, ApiError> {
        page(&self.query)
    }

    /// Optional pagination ([`optional_page`]).
    pub fn optional_page(&self) -> Result<Option<Page>, ApiError> {
        optional_page(&self.query)
    }

    /// The search text under the first of `keys` present ([`search`]).
    pub fn search(&self, keys: &[&str]) -> Result<Option<&str>, ApiError> {
        search(&self.query, keys)
    }

    /// The answer: the rows, with `Total-Number`/`Link` when a page was asked for.
    pub fn respond<T: Serialize>(&self, page: Option<Page>, found: Paged<T>) -> Response {
        list_response(&self.public_url, &self.uri, &self.query, page, found)
    }
}

/// A list response: with a page, the rows plus `Total-Number`/`Link`; without, just the rows.
pub fn list_response<T: Serialize>(
    public_url: &str,
    uri: &Uri,
    query: &QueryPairs,
    page: Option<Page>,
    found: Paged<T>,
) -> Response {
    match page {
        Some(page) => (
            headers(public_url, uri, query, page, found.total),
            Json(found.items),
        )
            .into_response(),
        None => Json(found.items).into_response(),
    }
}
