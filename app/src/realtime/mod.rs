//! The one realtime mechanism: the server announces "change N: topic" after
//! each committed write (Server-Sent Events at `/api/v1/events`); browsers
//! refetch what they show. `hub` is the server side, `client` the browser's.

#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod presence;
pub mod client;
