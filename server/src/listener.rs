//! The accept loop, in place of `axum::serve`, for what it cannot do: a
//! deadline on request headers (a client that sends part of a header and
//! stalls, or leaves a keep-alive connection idle, is closed), at most
//! `per_address` open connections per client address, and at most `total`
//! overall so the server never runs out of file descriptors (past the cap,
//! new connections wait in the kernel's queue until one closes).

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Time a client has to send a request's headers; it also closes a
    /// keep-alive connection that stays idle that long.
    pub header_timeout: Duration,
    /// Open connections allowed from one client address (a venue's phones
    /// may all come from one address behind its router: keep it venue-sized).
    pub per_address: usize,
    /// Open connections allowed in all.
    pub total: usize,
}

/// How long in-flight requests may take to finish once shutdown begins.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then lets the
/// requests in flight finish (up to `SHUTDOWN_GRACE`).
pub async fn serve(listener: TcpListener, router: Router, limits: ConnectionLimits, shutdown: impl Future<Output = ()>) {
    let open = Arc::new(Semaphore::new(limits.total.max(1)));
    let addresses = Addresses::default();
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors or a connection reset before accept:
                    // wait a moment instead of spinning, then go on.
                    tracing::warn!("accept error: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = addresses.take(remote.ip(), limits.per_address) else {
            tracing::debug!(address = %remote.ip(), "connection refused: too many from this address");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        // Each request knows its client's address (per-address allowances).
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(remote));
            router.clone().oneshot(request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop((slot, permit));
        });
    }
    drop(listener);
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still open after {SHUTDOWN_GRACE:?}: closing them");
    }
}

/// Open connections per client address.
#[derive(Clone, Default)]
struct Addresses(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One open connection of `address`; counted until dropped.
struct Slot {
    addresses: Addresses,
    address: IpAddr,
}

impl Addresses {
    fn take(&self, address: IpAddr, cap: usize) -> Option<Slot> {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(address).or_default();
        if *count >= cap {
            return None;
        }
        *count += 1;
        Some(Slot { addresses: self.clone(), address })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.addresses.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

/// Raises this process's open-file limit to its hard limit (the common soft
/// default of 1,024 would refuse connections past about a thousand) and
/// returns the limit now in force.
#[cfg(unix)]
pub fn raise_open_file_limit() -> std::io::Result<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    if limit.rlim_cur < limit.rlim_max {
        let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        limit = raised;
    }
    // `rlim_t` is u64 here but not on every platform libc builds for.
    #[allow(clippy::unnecessary_cast)]
    Ok(limit.rlim_cur as u64)
}

#[cfg(not(unix))]
pub fn raise_open_file_limit() -> std::io::Result<u64> {
    Ok(u64::MAX)
}

/// Descriptors kept free of connections: the database, its journal, the
/// site's files being sent, the log.
pub const RESERVED_DESCRIPTORS: u64 = 256;

/// The connection cap that fits `open_files` (the flag's value if lower).
pub fn total_cap(open_files: u64, configured: Option<usize>) -> usize {
    let fits = open_files.saturating_sub(RESERVED_DESCRIPTORS).max(16);
    let fits = usize::try_from(fits).unwrap_or(usize::MAX);
    configured.map_or(fits, |c| c.min(fits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_cap_and_a_slot_back_when_a_connection_closes() {
        let addresses = Addresses::default();
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let first = addresses.take(a, 2).unwrap();
        let _second = addresses.take(a, 2).unwrap();
        assert!(addresses.take(a, 2).is_none(), "a third connection from a is over the cap");
        assert!(addresses.take(b, 2).is_some(), "another address is not affected");
        drop(first);
        assert!(addresses.take(a, 2).is_some(), "a closed connection frees its slot");
    }

    #[test]
    fn the_total_cap_leaves_descriptors_for_the_database() {
        assert_eq!(total_cap(1024, None), 768);
        assert_eq!(total_cap(1_048_576, Some(10_000)), 10_000);
        assert_eq!(total_cap(300, Some(10_000)), 44);
        assert_eq!(total_cap(10, None), 16);
    }
}
