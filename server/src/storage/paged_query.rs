//! The list query with its count that most list endpoints run: one page of rows in a fixed
//! order, and how many rows match the filter in all.

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;

use super::db::{Db, dispatch};
use super::error::StorageError;
use super::pagination::{Page, Paged};

/// What a paged list reads: `SELECT {columns} FROM {from} ORDER BY {order_by}`.
///
/// `from` holds the tables and the `WHERE` clause, so the count reads exactly the rows the list
/// does. Its placeholders are `$1…$n` for the `n` filter values; the page's `LIMIT` and `OFFSET`
/// take the two after them.
pub(crate) struct ListQuery<'a> {
    pub columns: &'a str,
    pub from: &'a str,
    pub order_by: &'a str,
}

/// Runs `list` with the filter values `args` (bound in order, the same to both statements) and
/// returns one page with the total count, or every row when no page is asked.
///
/// The filter values are text because every list filter is (ids, names, search patterns); each
/// is nullable so that a `$n IS NULL OR …` condition can switch its filter off.
pub(crate) async fn fetch_paged<T>(
    db: &Db,
    list: ListQuery<'_>,
    args: &[Option<&str>],
    page: Option<Page>,
) -> Result<Paged<T>, StorageError>
where
    T: for<'r> sqlx::FromRow<'r, SqliteRow> + for<'r> sqlx::FromRow<'r, PgRow> + Send + Unpin,
{
    let ListQuery {
        columns,
        from,
        order_by,
    } = list;
    let limit = match page {
        Some(_) => format!(" LIMIT ${} OFFSET ${}", args.len() + 1, args.len() + 2),
        None => String::new(),
    };
    let list_sql = format!("SELECT {columns} FROM {from} ORDER BY {order_by}{limit}");
    let items = dispatch!(db, p => {
        let mut q = sqlx::query_as::<_, T>(&list_sql);
        for arg in args {
            q = q.bind(*arg);
        }
        if let Some(page) = page {
            q = q.bind(page.limit()).bind(page.offset());
        }
        q.fetch_all(p)
    })?;
    // Without a page every matching row is here: counting them again would only cost a query.
    if page.is_none() {
        return Ok(Paged::all(items));
    }
    let count_sql = format!("SELECT COUNT(*) FROM {from}");
    let total: i64 = dispatch!(db, p => {
        let mut q = sqlx::query_scalar(&count_sql);
        for arg in args {
            q = q.bind(*arg);
        }
        q.fetch_one(p)
    })?;
    Ok(Paged { items, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, sqlx::FromRow)]
    struct Row {
        id: String,
    }

    async fn db() -> Db {
        // One connection: each connection to `sqlite::memory:` opens a database of its own.
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .unwrap();
        sqlx::raw_sql(
            "CREATE TABLE t (id TEXT, kind TEXT); \
             INSERT INTO t VALUES ('a', 'x'), ('b', 'y'), ('c', 'x'), ('d', 'x');",
        )
        .execute(&pool)
        .await
        .unwrap();
        Db::Sqlite(pool)
    }

    fn ids(paged: &Paged<Row>) -> Vec<&str> {
        paged.items.iter().map(|r| r.id.as_str()).collect()
    }

    const LIST: ListQuery<'static> = ListQuery {
        columns: "id",
        from: "t WHERE ($1 IS NULL OR kind = $1)",
        order_by: "id",
    };

    #[tokio::test]
    async fn a_page_comes_with_the_count_of_every_matching_row() {
        let db = db().await;
        let page = Some(Page {
            page: 2,
            page_size: 2,
        });
        let found: Paged<Row> = fetch_paged(&db, LIST, &[Some("x")], page).await.unwrap();
        assert_eq!((ids(&found), found.total), (vec!["d"], 3));
    }

    #[tokio::test]
    async fn without_a_page_every_row_is_read_and_counted() {
        let db = db().await;
        let found: Paged<Row> = fetch_paged(&db, LIST, &[None], None).await.unwrap();
        assert_eq!((ids(&found), found.total), (vec!["a", "b", "c", "d"], 4));
    }
}
