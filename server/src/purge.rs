//! Deletes what has expired, so that the tables anonymous callers write to do not grow for
//! ever: codes, QR keys and OAuth codes, some time after their expiry.

use std::time::Duration;

use crate::{db::Tx, error::ApiError, params, state::AppState, time::now_i64};

/// The tables with an `expires_at` column (unix seconds) whose rows mean nothing after it.
const EXPIRING: [&str; 3] = ["codes", "qr_keys", "oauth_codes"];

/// Deletes the rows of [`EXPIRING`] that expired before `before` (unix seconds); returns how
/// many went.
pub fn purge_expired(tx: &Tx<'_>, before: i64) -> Result<u64, ApiError> {
    let mut gone = 0;
    for table in EXPIRING {
        gone += tx.execute(
            &format!("DELETE FROM {table} WHERE expires_at < ?1"),
            params![before],
        )?;
    }
    Ok(gone)
}

/// Every `every`, deletes what expired more than `after` ago, for as long as the task runs
/// (the server aborts it when it stops). A failure is told on stderr and tried again later.
pub async fn run(state: AppState, every: Duration, after: Duration) {
    let after = i64::try_from(after.as_secs()).unwrap_or(i64::MAX);
    let mut ticks = tokio::time::interval(every.max(Duration::from_secs(1)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let state = state.clone();
        let before = now_i64().saturating_sub(after);
        let done =
            tokio::task::spawn_blocking(move || state.db.tx(|tx| purge_expired(tx, before))).await;
        match done {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => eprintln!("purge of expired rows failed: {e:?}"),
            Err(e) => eprintln!("purge of expired rows failed: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EXPIRING;
    use crate::db::Db;

    /// Each table's purge finds its expired rows through an index, not by reading the table.
    #[test]
    fn the_purge_reads_an_index_of_expiry() {
        let db = Db::open(":memory:").expect("an in-memory store opens");
        for table in EXPIRING {
            let plan = db
                .tx(|tx| {
                    let sql =
                        format!("EXPLAIN QUERY PLAN DELETE FROM {table} WHERE expires_at < 1");
                    Ok(tx.query_all(&sql, &[], |r| r.get::<String>(3))?)
                })
                .expect("the plan is read");
            let plan = plan.join("; ");
            assert!(
                plan.contains(&format!("USING INDEX {table}_expiry"))
                    || plan.contains(&format!("USING COVERING INDEX {table}_expiry")),
                "{table}: {plan}"
            );
        }
    }
}
