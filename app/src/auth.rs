//! Browser sessions over HTTP (server only): the cookie, and resolving it to
//! a `Caller` once per request. The server's middleware stores the result in
//! the request's extensions, where server functions and pages read it.

use crate::db::browser_sessions::{self, SessionId};
use crate::domain::roles::Caller;
use crate::state::AppState;
use http::HeaderMap;

pub const SESSION_COOKIE: &str = "plenaria_session";

/// Who sent the request: the browser session (if any) and what it may do.
#[derive(Clone, Debug, Default)]
pub struct RequestAuth {
    pub session: Option<SessionId>,
    pub caller: Caller,
    /// The client's address as this server sees it (empty when unknown), for
    /// per-address allowances (`crate::attempts`). Behind a reverse proxy it
    /// is the proxy's.
    pub client: String,
}

/// The values of every cookie named `name` the request carries, in order.
pub fn cookie_values<'a>(headers: &'a HeaderMap, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(move |(n, _)| *n == name)
        .map(|(_, value)| value)
}

pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    cookie_values(headers, SESSION_COOKIE).next().map(str::to_string).filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub async fn resolve(state: &AppState, headers: &HeaderMap) -> Result<RequestAuth, sqlx::Error> {
    let Some(token) = token_from_headers(headers) else { return Ok(RequestAuth::default()) };
    let Some(session) = browser_sessions::find(&state.pool, state.meeting, &token).await? else {
        return Ok(RequestAuth::default());
    };
    let caller = browser_sessions::caller(&state.pool, session).await?;
    Ok(RequestAuth { session: Some(session), caller, ..RequestAuth::default() })
}

/// The Set-Cookie value for a session token: HttpOnly, SameSite=Lax, Secure
/// when the site is served over TLS; lasts the meeting (two weeks).
pub fn session_cookie(token: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600{secure}")
}

pub fn clear_session_cookie(secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_token_is_read_among_other_cookies() {
        let token = "ab".repeat(32);
        let mut headers = HeaderMap::new();
        headers.insert(http::header::COOKIE, format!("a=1; {SESSION_COOKIE}={token}; b=2").parse().unwrap());
        assert_eq!(token_from_headers(&headers), Some(token));
    }

    #[test]
    fn malformed_tokens_are_ignored() {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::COOKIE, format!("{SESSION_COOKIE}=../../etc").parse().unwrap());
        assert_eq!(token_from_headers(&headers), None);
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let c = session_cookie("t", false);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
        assert!(session_cookie("t", true).ends_with("; Secure"));
    }
}
