//! Where mail goes: an outbox folder (development and tests: `outbox.jsonl` plus one JSON file
//! per message; no HTTP route exposes it), an SMTP server (lettre), or nowhere.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use tokio::io::AsyncWriteExt;

use super::message::Mail;
use crate::config::EmailSettings;

const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

pub enum Transport {
    Outbox(PathBuf),
    Smtp {
        from: Mailbox,
        smtp: Box<AsyncSmtpTransport<Tokio1Executor>>,
        /// The server's host, for the console (never the credentials).
        host: String,
    },
    Disabled,
}

/// A transport that sends.
pub enum Sender {
    Outbox(PathBuf),
    Smtp {
        from: Mailbox,
        smtp: Box<AsyncSmtpTransport<Tokio1Executor>>,
    },
}

pub struct SendError {
    pub message: String,
    /// Retrying cannot help (a 5xx answer, a bad address).
    pub permanent: bool,
}

impl Transport {
    pub fn from_settings(s: &EmailSettings) -> anyhow::Result<Transport> {
        match s.transport.as_str() {
            "disabled" => Ok(Transport::Disabled),
            "outbox" => Ok(Transport::Outbox(PathBuf::from(&s.outbox_dir))),
            "smtp" => {
                let from: Mailbox = s
                    .from
                    .parse()
                    .map_err(|e| anyhow::anyhow!("email.from is not an address: {e}"))?;
                let url = s
                    .smtp_url
                    .as_deref()
                    .ok_or_else(|| anyhow::anyhow!("email.smtp_url is required for smtp"))?;
                let host = url::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string))
                    .unwrap_or_default();
                if !encrypted_or_local(url) {
                    anyhow::bail!(
                        "email.smtp_url must use TLS (smtps://… or smtp://…?tls=required) unless the server is on this machine"
                    );
                }
                let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("email.smtp_url is not usable: {e}"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                Ok(Transport::Smtp {
                    from,
                    smtp: Box::new(smtp),
                    host,
                })
            }
            other => anyhow::bail!("email.transport must be outbox, smtp or disabled, not {other}"),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Outbox(dir) => format!("outbox folder {}", dir.display()),
            Transport::Smtp { host, .. } => format!("SMTP server {host}"),
            Transport::Disabled => "disabled".into(),
        }
    }

    pub fn into_sender(self) -> Option<Sender> {
        match self {
            Transport::Outbox(dir) => Some(Sender::Outbox(dir)),
            Transport::Smtp { from, smtp, .. } => Some(Sender::Smtp { from, smtp }),
            Transport::Disabled => None,
        }
    }
}

impl Sender {
    pub async fn send(&self, mail: &Mail) -> Result<(), SendError> {
        match self {
            Sender::Outbox(dir) => write_outbox(dir, mail).await.map_err(|e| SendError {
                message: e.to_string(),
                permanent: false,
            }),
            Sender::Smtp { from, smtp } => {
                let message = build(from, mail).map_err(|message| SendError {
                    message,
                    permanent: true,
                })?;
                smtp.send(message).await.map(|_| ()).map_err(|e| SendError {
                    permanent: e.is_permanent(),
                    message: e.to_string(),
                })
            }
        }
    }
}

/// Credentials and codes never cross a network in clear: TLS from the start (`smtps`) or
/// required STARTTLS; plain or opportunistic only to this machine.
fn encrypted_or_local(url: &str) -> bool {
    let Ok(u) = url::Url::parse(url) else {
        return false;
    };
    let required = u.query_pairs().any(|(k, v)| k == "tls" && v == "required");
    // `smtp:` is not a special scheme to the URL parser: its host comes back as text.
    let local = match u.host() {
        Some(url::Host::Domain(d)) => {
            d == "localhost"
                || d.trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    u.scheme() == "smtps" || required || local
}

fn build(from: &Mailbox, mail: &Mail) -> Result<Message, String> {
    let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&mail.subject)
        .multipart(MultiPart::alternative_plain_html(
            mail.text.clone(),
            mail.html.clone(),
        ))
        .map_err(|e| e.to_string())
}

/// One file per message and a line in `outbox.jsonl` (appended whole: lines never interleave).
async fn write_outbox(dir: &PathBuf, mail: &Mail) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let json = serde_json::to_string(mail)?;
    let file = dir.join(format!("{}-{}.json", mail.created_at, mail.id));
    // Readable by the server's user only: the messages hold live codes.
    let mut one = tokio::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&file)
        .await?;
    one.write_all(json.as_bytes()).await?;
    let mut log = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(dir.join("outbox.jsonl"))
        .await?;
    log.write_all(format!("{json}\n").as_bytes()).await?;
    log.flush().await
}

#[cfg(test)]
mod tests {
    #[test]
    fn smtp_in_clear_only_to_this_machine() {
        use super::encrypted_or_local as ok;
        assert!(ok("smtps://u:p@mail.example.com:465"));
        assert!(ok("smtp://u:p@mail.example.com:587?tls=required"));
        assert!(ok("smtp://127.0.0.1:2525"));
        assert!(ok("smtp://localhost:25"));
        assert!(ok("smtp://[::1]:25"));
        assert!(!ok("smtp://u:p@mail.example.com:587"));
        assert!(!ok("smtp://u:p@mail.example.com:587?tls=opportunistic"));
        assert!(!ok("smtp://10.0.0.5:25"));
    }
}
