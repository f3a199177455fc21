//! Helpers that build SQL text and read rows the same way on both backends.

use super::db::Db;

/// A nullable patch field as SQL parameters: whether to set the column, and to what
/// (`CASE WHEN $set THEN $value ELSE column END`).
pub(crate) fn split_nullable(value: &Option<Option<String>>) -> (bool, Option<&str>) {
    match value {
        Some(inner) => (true, inner.as_deref()),
        None => (false, None),
    }
}

/// `column` in byte order on both backends (PostgreSQL would otherwise sort by the database
/// locale), for `ORDER BY`.
pub(crate) fn by_name(db: &Db, column: &str) -> String {
    match db {
        Db::Sqlite(_) => column.to_string(),
        Db::Postgres(_) => format!("{column} COLLATE \"C\""),
    }
}

/// `$first, $first+1, …` for an `IN (…)` list of `n` values.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `%q%` for a case-insensitive substring search with `LIKE … ESCAPE '\'` over a `lower(…)` column.
pub(crate) fn like_pattern(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 2);
    out.push('%');
    for c in q.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Runs a query, collects its rows, and only then decodes them into `T`.
///
/// Why not `query_as(…).fetch_all`: the SQLite driver hands rows over from its worker thread one
/// at a time, and decoding each row as it arrives keeps the reading task going back to sleep and
/// being woken per row. Collecting first nearly halved a 1,000-row list on a 2-core machine
/// (16 → 9 ms on SQLite, 7.9 → 6.8 ms on PostgreSQL); for short lists it makes no difference.
pub(crate) async fn fetch_decoded<'q, 'c, DB, A, E, T>(
    query: sqlx::query::Query<'q, DB, A>,
    executor: E,
) -> Result<Vec<T>, sqlx::Error>
where
    DB: sqlx::Database,
    A: 'q + sqlx::IntoArguments<'q, DB>,
    E: 'q + sqlx::Executor<'c, Database = DB>,
    'c: 'q,
    T: for<'r> sqlx::FromRow<'r, DB::Row>,
{
    let rows = query.fetch_all(executor).await?;
    rows.iter().map(T::from_row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern("A_b%"), "%a\\_b\\%%");
    }
}
