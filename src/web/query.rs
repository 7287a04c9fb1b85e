//! The page's address: the parameters of its query string, which each reader (the lab's start,
//! the layout, the replay) picks its own from.

/// The `key=value` parameters of a query string (with or without its `?`), in order; a
/// parameter without `=` has no value.
pub fn params(query: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(|p| match p.split_once('=') {
        Some((key, value)) => (key, Some(value)),
        None => (p, None),
    })
}
