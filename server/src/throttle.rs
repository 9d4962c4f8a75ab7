//! In-memory abuse limits: exponential back-off after consecutive failures, and counts per
//! fixed window. Keys are strings (an account, a client address, an app); each table is
//! bounded, forgetting its oldest entries first when full.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Most keys one table remembers (an attacker with many addresses cannot grow it further).
const MAX_KEYS: usize = 100_000;

/// The key of a client address: the address itself for IPv4, its /64 network for IPv6
/// (one subscriber usually holds a whole /64).
pub fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[derive(Clone, Copy)]
struct Failures {
    count: u32,
    until: Instant,
    last: Instant,
}

/// Exponential back-off: after `free` consecutive failures of a key, each further failure
/// locks it for `base`·2ⁿ (at most `max`); a success forgets the key. A key idle for `max`
/// after its lock ended starts again from zero, so nobody is locked out for good.
pub struct Backoff {
    free: u32,
    base: Duration,
    max: Duration,
    map: Mutex<HashMap<String, Failures>>,
}

impl Backoff {
    /// A back-off table.
    pub fn new(free: u32, base: Duration, max: Duration) -> Backoff {
        Backoff {
            free,
            base: base.max(Duration::from_millis(1)),
            max,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds the key is still locked for, if it is.
    pub fn locked(&self, key: &str) -> Option<u64> {
        let now = Instant::now();
        let map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        let f = map.get(key)?;
        (f.until > now).then(|| secs_ceil(f.until - now))
    }

    /// Records a failure.
    pub fn fail(&self, key: &str) {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_KEYS && !map.contains_key(key) {
            prune(
                &mut map,
                |f| f.until.max(f.last) + self.max < now,
                |f| f.last,
            );
        }
        let f = map.entry(key.to_string()).or_insert(Failures {
            count: 0,
            until: now,
            last: now,
        });
        if f.until.max(f.last) + self.max < now {
            f.count = 0;
        }
        f.count = f.count.saturating_add(1);
        f.last = now;
        if f.count > self.free {
            let doublings = (f.count - self.free - 1).min(30);
            let lock = self.base.saturating_mul(1 << doublings).min(self.max);
            f.until = now + lock;
        }
    }

    /// Forgets the key (after a success).
    pub fn succeed(&self, key: &str) {
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(key);
    }
}

#[derive(Clone, Copy)]
struct Window {
    start: Instant,
    count: u32,
}

/// At most `limit` events per key in each fixed window of `window`.
pub struct Counter {
    limit: u32,
    window: Duration,
    map: Mutex<HashMap<String, Window>>,
}

impl Counter {
    /// A counter table.
    pub fn new(limit: u32, window: Duration) -> Counter {
        Counter {
            limit,
            window,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds until the key may have another event, if it is at its limit now.
    pub fn full(&self, key: &str) -> Option<u64> {
        let now = Instant::now();
        let map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        let w = map.get(key)?;
        let end = w.start + self.window;
        (end > now && w.count >= self.limit).then(|| secs_ceil(end - now))
    }

    /// Counts an event; refuses it (seconds to wait) when the key is at its limit.
    pub fn take(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_KEYS && !map.contains_key(key) {
            prune(&mut map, |w| w.start + self.window <= now, |w| w.start);
        }
        let w = map.entry(key.to_string()).or_insert(Window {
            start: now,
            count: 0,
        });
        if w.start + self.window <= now {
            *w = Window {
                start: now,
                count: 0,
            };
        }
        if w.count >= self.limit {
            return Err(secs_ceil(w.start + self.window - now));
        }
        w.count += 1;
        Ok(())
    }

    /// Counts an event without refusing it (for failures counted after the fact).
    pub fn add(&self, key: &str) {
        let _ = self.take(key);
    }
}

/// Keys seen succeeding lately, each remembered for `ttl` after its last success: an account
/// and the address it was signed in from, so that the account-wide lock (which an attacker
/// can keep armed) does not shut out the owner's own address.
pub struct Remembered {
    ttl: Duration,
    map: Mutex<HashMap<String, Instant>>,
}

impl Remembered {
    /// An empty table.
    pub fn new(ttl: Duration) -> Remembered {
        Remembered {
            ttl,
            map: Mutex::new(HashMap::new()),
        }
    }

    /// Remembers the key from now.
    pub fn remember(&self, key: &str) {
        let now = Instant::now();
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_KEYS && !map.contains_key(key) {
            prune(&mut map, |seen| *seen + self.ttl <= now, |seen| *seen);
        }
        map.insert(key.to_string(), now);
    }

    /// Whether the key succeeded within the last `ttl`.
    pub fn knows(&self, key: &str) -> bool {
        let map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        map.get(key)
            .is_some_and(|seen| *seen + self.ttl > Instant::now())
    }
}

/// Drops the stale entries; if none is stale, the oldest tenth.
fn prune<V: Copy>(
    map: &mut HashMap<String, V>,
    stale: impl Fn(&V) -> bool,
    age: impl Fn(&V) -> Instant,
) {
    map.retain(|_, v| !stale(v));
    if map.len() >= MAX_KEYS {
        let mut ages: Vec<Instant> = map.values().map(&age).collect();
        ages.sort();
        let cut = ages[ages.len() / 10];
        map.retain(|_, v| age(v) > cut);
    }
}

fn secs_ceil(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_after_the_free_failures_and_doubles() {
        let b = Backoff::new(2, Duration::from_secs(1), Duration::from_secs(4));
        b.fail("a");
        b.fail("a");
        assert_eq!(b.locked("a"), None);
        b.fail("a");
        assert_eq!(b.locked("a"), Some(1));
        b.fail("a");
        assert_eq!(b.locked("a"), Some(2));
        for _ in 0..10 {
            b.fail("a");
        }
        assert_eq!(b.locked("a"), Some(4), "capped at max");
        assert_eq!(b.locked("b"), None);
        b.succeed("a");
        assert_eq!(b.locked("a"), None);
    }

    #[test]
    fn counter_refuses_past_the_limit_until_the_window_ends() {
        let c = Counter::new(2, Duration::from_millis(200));
        assert!(c.take("k").is_ok());
        assert!(c.take("k").is_ok());
        assert_eq!(c.take("k"), Err(1));
        assert!(c.full("k").is_some());
        assert!(c.take("other").is_ok());
        std::thread::sleep(Duration::from_millis(250));
        assert!(c.take("k").is_ok());
    }

    #[test]
    fn remembered_keys_are_forgotten_after_their_time() {
        let r = Remembered::new(Duration::from_millis(200));
        assert!(!r.knows("k"));
        r.remember("k");
        assert!(r.knows("k"));
        assert!(!r.knows("other"));
        std::thread::sleep(Duration::from_millis(250));
        assert!(!r.knows("k"));
    }

    #[test]
    fn ipv6_addresses_count_per_64() {
        let a: IpAddr = "2001:db8:1:2:3::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        let m: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(address_key(m), "10.0.0.1");
    }
}
