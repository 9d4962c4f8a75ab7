//! Unique element ids, so several widgets can share a page.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The next free number.
static NEXT: AtomicUsize = AtomicUsize::new(1);

/// A page-unique id starting with `oa-` and `prefix`, e.g. `oa-field-3`.
pub fn unique_id(prefix: &str) -> String {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("oa-{prefix}-{n}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_differ() {
        let a = super::unique_id("x");
        let b = super::unique_id("x");
        assert_ne!(a, b);
        assert!(a.starts_with("oa-x-"));
    }
}
