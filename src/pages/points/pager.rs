//! Page arithmetic over `skip`/`take` (D3: `skip` is the offset, `take` the page size).

/// Where one is in a paged list: the page (from 0), its size, and the total if known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pager {
    /// The page shown, from 0.
    pub page: u32,
    /// Entries per page (at least 1).
    pub take: u32,
    /// How many entries there are in all (0 when unknown).
    pub total: u64,
}

impl Pager {
    /// A pager on `page` of `take` entries each (a `take` of 0 counts as 1) over `total`.
    pub fn new(page: u32, take: u32, total: u64) -> Self {
        Pager {
            page,
            take: take.max(1),
            total,
        }
    }

    /// The `skip` (offset) of the page.
    pub fn skip(&self) -> u32 {
        self.page.saturating_mul(self.take)
    }

    /// How many pages there are (at least 1, so an empty list still has page 1 of 1).
    pub fn pages(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.take)).max(1);
        u32::try_from(pages).unwrap_or(u32::MAX)
    }

    /// Whether there is a page before this one.
    pub fn has_prev(&self) -> bool {
        self.page > 0
    }

    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.page.saturating_add(1) < self.pages()
    }

    /// The last page that exists, when this one is past the end (after entries went away);
    /// `None` when this page exists.
    pub fn clamped(&self) -> Option<u32> {
        let last = self.pages() - 1;
        (self.page > last).then_some(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_math() {
        let p = Pager::new(0, 10, 0);
        assert_eq!(
            (p.pages(), p.skip(), p.has_prev(), p.has_next()),
            (1, 0, false, false)
        );
        let p = Pager::new(0, 10, 10);
        assert_eq!((p.pages(), p.has_next()), (1, false));
        let p = Pager::new(0, 10, 11);
        assert_eq!((p.pages(), p.has_next()), (2, true));
        let p = Pager::new(1, 10, 11);
        assert_eq!((p.skip(), p.has_prev(), p.has_next()), (10, true, false));
        let p = Pager::new(2, 10, 25);
        assert_eq!((p.pages(), p.skip(), p.has_next()), (3, 20, false));
        assert_eq!(Pager::new(0, 0, 3).pages(), 3, "take 0 counts as 1");
        assert_eq!(Pager::new(5, 10, 25).clamped(), Some(2));
        assert_eq!(Pager::new(2, 10, 25).clamped(), None);
        assert_eq!(Pager::new(3, 10, 0).clamped(), Some(0));
        assert_eq!(Pager::new(u32::MAX, u32::MAX, u64::MAX).skip(), u32::MAX);
    }
}
