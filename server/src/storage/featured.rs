//! "The first few of each": the members shown beside each organization of a list, the holders
//! shown beside each role. One `LIMIT` per listed key, each read in order from an index that
//! starts with `(tenant_id, key, item)`, so a key with 100,000 rows costs no more than a few
//! (a window function over all rows of the listed keys took 400 ms for one such organization).

/// How many are shown beside each listed key.
pub(super) const FEATURED: usize = 3;

/// `SELECT h.{key} AS key_id, {select} FROM {from}` for each of `n` keys bound from `$2` on
/// (`$1` is the tenant), the first [`FEATURED`] by `h.{item}`; `from` names the relation `h`.
pub(super) fn first_per_key(select: &str, from: &str, key: &str, item: &str, n: usize) -> String {
    let parts = (0..n)
        .map(|i| {
            format!(
                "SELECT * FROM (SELECT h.{key} AS key_id, {select} FROM {from} \
                 WHERE h.tenant_id = $1 AND h.{key} = ${} ORDER BY h.{item} LIMIT {FEATURED}) f{i}",
                i + 2
            )
        })
        .collect::<Vec<_>>();
    format!("{} ORDER BY key_id, id", parts.join(" UNION ALL "))
}

/// A user shown beside a listed organization or role (`featuredUsers`).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct FeaturedUserRow {
    /// The organization or role it is shown beside.
    pub key_id: String,
    pub id: String,
    pub avatar: Option<String>,
    pub name: Option<String>,
}
