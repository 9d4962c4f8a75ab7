//! The order of consents and the date shown for each.

use crate::api::Consent;

/// The date shown for a consent: when it was last granted (`lastUpdate`), else when it was
/// first given (`createDate`).
pub fn consent_date(c: &Consent) -> Option<&str> {
    c.last_update
        .as_deref()
        .filter(|d| !d.trim().is_empty())
        .or(c.create_date.as_deref())
        .filter(|d| !d.trim().is_empty())
}

/// Sorts consents newest first by [`consent_date`] (`YYYY-MM-DD HH:MM:SS` sorts as text);
/// the server's order is kept among equal or missing dates, which go last.
pub fn newest_first(list: &mut [Consent]) {
    list.sort_by(|a, b| consent_date(b).cmp(&consent_date(a)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent(id: i64, created: Option<&str>, updated: Option<&str>) -> Consent {
        Consent {
            id,
            create_date: created.map(str::to_owned),
            last_update: updated.map(str::to_owned),
            grant_type: None,
            redirect_uri: None,
            remark: None,
            scopes: None,
        }
    }

    #[test]
    fn sorts_by_last_grant_newest_first() {
        let mut list = vec![
            consent(1, Some("2024-01-01 10:00:00"), None),
            consent(2, None, None),
            consent(3, Some("2023-01-01 00:00:00"), Some("2024-06-01 00:00:00")),
            consent(4, Some("2024-01-01 10:00:01"), Some("")),
        ];
        newest_first(&mut list);
        let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![3, 4, 1, 2]);
    }
}
