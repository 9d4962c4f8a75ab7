//! Open connections per client address, so that one client cannot hold every connection the
//! server allows (`max_connections`) by keeping them busy with a slow request now and then.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

/// The open connections of each client address (an entry only while one is open).
pub struct PeerSlots {
    cap: usize,
    open: Mutex<HashMap<String, usize>>,
}

/// One open connection of a client address; dropping it frees the slot.
pub struct PeerSlot {
    slots: Arc<PeerSlots>,
    key: String,
}

impl PeerSlots {
    /// At most `cap` open connections per address; 0: no limit.
    pub fn new(cap: usize) -> Arc<PeerSlots> {
        Arc::new(PeerSlots {
            cap,
            open: Mutex::new(HashMap::new()),
        })
    }

    /// A slot for a new connection of `key`, or `None` when the address has `cap` open.
    pub fn take(self: &Arc<Self>, key: String) -> Option<PeerSlot> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let n = open.entry(key.clone()).or_insert(0);
        if self.cap > 0 && *n >= self.cap {
            return None;
        }
        *n += 1;
        Some(PeerSlot {
            slots: self.clone(),
            key,
        })
    }
}

impl Drop for PeerSlot {
    fn drop(&mut self) {
        let mut open = self.slots.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = open.get_mut(&self.key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_cap_and_a_closed_connection_frees_a_slot() {
        let slots = PeerSlots::new(2);
        let a1 = slots.take("a".into());
        let a2 = slots.take("a".into());
        assert!(a1.is_some() && a2.is_some());
        assert!(slots.take("a".into()).is_none());
        assert!(slots.take("b".into()).is_some());
        drop(a1);
        assert!(slots.take("a".into()).is_some());
        drop(a2);
        let unlimited = PeerSlots::new(0);
        let held: Vec<_> = (0..100).map(|_| unlimited.take("a".into())).collect();
        assert!(held.iter().all(Option::is_some));
    }
}
