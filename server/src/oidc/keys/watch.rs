//! Learning of keys rotated through other replicas without being asked.

use std::sync::Arc;
use std::time::Duration;

use super::signing_keys::SigningKeys;
use crate::storage::DEFAULT_TENANT;

/// Reads the key list's revision every `interval` and reloads the keys when it changed, for
/// as long as the runtime runs. The revision is two numbers from one indexed table of a few
/// rows, so polling every second costs nothing measurable.
pub fn watch(keys: Arc<SigningKeys>, interval: Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen = None;
        let mut failing = false;
        loop {
            ticker.tick().await;
            let polled = keys.store.signing_key_revision(DEFAULT_TENANT).await;
            let result = match polled {
                Ok(revision) if seen == Some(revision) => Ok(()),
                Ok(revision) => {
                    // The first poll also reloads: a key may have been added between loading
                    // at start-up and this poll.
                    let reloaded = keys.reload().await;
                    if reloaded.is_ok() {
                        seen = Some(revision);
                    }
                    reloaded
                }
                Err(e) => Err(e.into()),
            };
            match result {
                Ok(()) if failing => {
                    tracing::info!("signing keys readable again");
                    failing = false;
                }
                Ok(()) => {}
                Err(e) if !failing => {
                    tracing::warn!(error = %e, "reading the signing keys failed; retrying");
                    failing = true;
                }
                Err(_) => {}
            }
        }
    });
}
