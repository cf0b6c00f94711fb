//! The one realtime mechanism: the server announces "change N: topic" after
//! each committed write (Server-Sent Events at `/api/v1/events`); browsers
//! refetch what they show. `hub` is the server side, `client` the browser's.

pub mod client;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod presence;

/// The server sends a `ping` event this often on an idle connection; a
/// browser that hears nothing for two intervals treats the link as dead.
pub const KEEPALIVE_SECONDS: u64 = 15;
