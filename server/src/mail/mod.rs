//! Outgoing mail: messages rendered from built-in templates (`templates.rs`) are handed to a
//! bounded queue and sent by one background task per server through the configured transport
//! (`transport.rs`: an outbox folder, SMTP, or none), with retries. Callers enqueue after their
//! transaction has committed and never wait on delivery.

mod message;
mod templates;
mod transport;

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Semaphore, mpsc};

pub use message::Mail;
pub use templates::{TemplateType, render};
use transport::Transport;

use crate::config::EmailSettings;

/// Messages waiting to be sent; beyond this, new ones are refused (the caller answers 503)
/// rather than piling up in memory.
const QUEUE: usize = 1024;
/// Messages being delivered at once.
const CONCURRENT: usize = 16;
/// Waits before the retries of a failed send (next-features.md §2.5).
const RETRIES: [Duration; 3] = [
    Duration::from_secs(1),
    Duration::from_secs(5),
    Duration::from_secs(25),
];

/// The sending side, cloned into the server's state.
#[derive(Clone)]
pub struct Mailer {
    queue: Option<mpsc::Sender<Mail>>,
    /// What the console shows: where mail goes.
    pub description: Arc<str>,
}

/// Why a message was not accepted.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// No transport is configured (`disabled`).
    NoTransport,
    /// The queue is full.
    Busy,
}

impl Mailer {
    /// Starts the sending task for `settings`; settings that cannot send are refused here, at
    /// start-up, naming the setting.
    pub fn start(settings: &EmailSettings) -> anyhow::Result<Mailer> {
        let transport = Transport::from_settings(settings)?;
        let description: Arc<str> = transport.describe().into();
        let Some(transport) = transport.into_sender() else {
            return Ok(Mailer {
                queue: None,
                description,
            });
        };
        let (tx, mut rx) = mpsc::channel::<Mail>(QUEUE);
        let transport = Arc::new(transport);
        let sending = Arc::new(Semaphore::new(CONCURRENT));
        tokio::spawn(async move {
            while let Some(mail) = rx.recv().await {
                // At most CONCURRENT deliveries (connections, retry waits) at once: beyond
                // them the queue fills and new messages are refused, memory stays bounded.
                let Ok(permit) = Arc::clone(&sending).acquire_owned().await else {
                    return;
                };
                let transport = Arc::clone(&transport);
                // Each message on its own task: one slow retry does not hold the others.
                tokio::spawn(async move {
                    deliver(&transport, &mail).await;
                    drop(permit);
                });
            }
        });
        Ok(Mailer {
            queue: Some(tx),
            description,
        })
    }

    /// Where mail goes, for the console (e.g. "outbox folder data/outbox").
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Whether mail can be sent at all.
    pub fn enabled(&self) -> bool {
        self.queue.is_some()
    }

    /// Queues a message; never waits.
    pub fn send(&self, mail: Mail) -> Result<(), Refused> {
        let queue = self.queue.as_ref().ok_or(Refused::NoTransport)?;
        queue.try_send(mail).map_err(|_| Refused::Busy)
    }
}

async fn deliver(transport: &transport::Sender, mail: &Mail) {
    for (attempt, wait) in std::iter::once(None)
        .chain(RETRIES.iter().map(Some))
        .enumerate()
    {
        if let Some(wait) = wait {
            tokio::time::sleep(*wait).await;
        }
        match transport.send(mail).await {
            Ok(()) => return,
            Err(e) if e.permanent => {
                tracing::error!(error = %e.message, mail = %mail.id, "mail refused");
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e.message, mail = %mail.id, attempt, "mail not sent yet");
            }
        }
    }
    tracing::error!(mail = %mail.id, "mail not sent after retries");
}
