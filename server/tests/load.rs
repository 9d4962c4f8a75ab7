//! The bounded load test: 32 loopback clients hammer sign-in and ResetPwd on the real
//! server binary for 20 s; its resident memory must stay under a ceiling and come back
//! down afterwards. (The benchmark with figures is `examples/load.rs`.)

#[path = "support/load.rs"]
mod load;

use std::time::Duration;

/// Hashing slots the server is given here (the default is one per core).
const SLOTS: u64 = 4;
/// Peak ceiling: about 40 MiB of process and buffers plus SLOTS × 19 MiB argon2 blocks,
/// with room; before the fix the same load reached gigabytes.
const PEAK_CEILING_MIB: u64 = 192;
/// After the burst the argon2 blocks must be back with the system.
const AFTER_CEILING_MIB: u64 = 96;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn memory_stays_bounded_under_32_clients_for_20_s() {
    if !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("no /proc: resident memory cannot be read here; skipped");
        return;
    }
    let server = load::Proc::start(
        env!("CARGO_BIN_EXE_oauthapp-server"),
        &[
            "--limit".into(),
            format!("hash_concurrency={SLOTS}"),
            // Every client is 127.0.0.1: the wrong ResetPwd codes would soon hold back its
            // sign-ins too (429), and the load would not be the load.
            "--limit".into(),
            "address_failures=1000000".into(),
        ],
    );
    let r = load::run(&server, 16, 16, 20, Duration::from_secs(2)).await;
    eprintln!("{r:?}");
    assert!(r.sign_ins > 0, "no sign-in succeeded: {r:?}");
    let server_errors: u64 = r
        .statuses
        .iter()
        .filter(|(s, _)| *s == 0 || (*s >= 500 && *s != 503))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(server_errors, 0, "{r:?}");
    assert!(
        r.rss_peak_kib < PEAK_CEILING_MIB * 1024,
        "peak {} KiB over {PEAK_CEILING_MIB} MiB",
        r.rss_peak_kib
    );
    assert!(
        r.rss_after_kib < AFTER_CEILING_MIB * 1024,
        "after {} KiB over {AFTER_CEILING_MIB} MiB",
        r.rss_after_kib
    );
}
