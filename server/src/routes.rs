//! The HTTP surface: Leptos pages and server functions, the health check, the
//! no-JavaScript language switch, and static files (precompressed when built so).

use crate::config::Config;
use crate::middleware;
use app::i18n::locale_cookie;
use app::state::AppState;
use app::{shell, App};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serde::Deserialize;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;

/// Largest request body accepted (413 above it). Forms and server-function
/// arguments are far smaller; the only upload, a backup to restore, has
/// its own limit (`app::export::MAX_BACKUP`).
pub const MAX_BODY: usize = 64 * 1024;

pub fn leptos_options(config: &Config) -> LeptosOptions {
    let mut options = LeptosOptions::builder()
        .output_name("plenaria")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .env(leptos::config::Env::PROD)
        .build();
    options.hash_files = beside_binary(&options.hash_file);
    options
}

/// Whether `cargo leptos build` wrote the list of the site's content hashes
/// (Leptos' `hash_file`) next to this binary, where Leptos reads it. Without
/// it the pages link the unhashed names, as a plain `cargo build` gives.
fn beside_binary(file: &str) -> bool {
    std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.join(file).exists())).unwrap_or(false)
}

pub fn router(state: AppState, config: &Config) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let provide_state = move || provide_context(context_state.clone());
    // Server functions are registered by `leptos_routes_with_context`, with the
    // same context as pages. `cargo leptos build -P` writes .br/.gz next to each asset; serve them
    // to browsers that accept them.
    let pkg = tower::ServiceBuilder::new()
        .layer(from_fn(middleware::pkg_cache_control))
        .service(ServeDir::new(config.site_root.join("pkg")).precompressed_br().precompressed_gzip());
    let restore = app::export::restore_routes().layer(RequestBodyLimitLayer::new(app::export::MAX_BACKUP));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/lang", post(set_language))
        .route("/api/v1/events", get(crate::events::events))
        .route("/api/v1/clock", get(crate::events::clock))
        .nest_service("/pkg", pkg)
        .leptos_routes_with_context(&state, routes, provide_state, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .merge(app::export::routes())
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Innermost first: no server-function answer without a role check,
        // server-function bodies read (413/422 for the
        // caller's mistakes), statuses of server-function errors, the body
        // limit (a backup being restored has its own), the caller, the log
        // of slow requests, the same-origin check, then headers on everything.
        .layer(from_fn(middleware::role_checked))
        .layer(from_fn(middleware::readable_body))
        .layer(from_fn(middleware::status_from_app_error))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .merge(restore)
        .layer(from_fn_with_state(state.clone(), middleware::resolve_auth))
        .layer(from_fn(middleware::run_to_completion))
        .layer(from_fn(middleware::log_slow))
        .layer(from_fn(middleware::check_origin))
        .layer(from_fn(middleware::security_headers))
        .layer(compression())
        .with_state(state)
}

/// Pages and server-function answers compressed for browsers that accept
/// it, at the fastest level (they are made per request). Not compressed:
/// the realtime stream (it must flush each change), files that already are
/// (the precompressed `/pkg` assets, XLSX and DOCX, which are zip files).
fn compression() -> CompressionLayer<impl Predicate> {
    let predicate = DefaultPredicate::new().and(NotForContentType::const_new("application/vnd.openxmlformats-officedocument"));
    CompressionLayer::new().quality(CompressionLevel::Fastest).compress_when(predicate)
}

/// Liveness and database reachability, for load balancers and scripts.
async fn healthz(State(state): State<AppState>) -> Response {
    match sqlx::query_scalar::<_, i64>("SELECT 1").fetch_one(&state.pool).await {
        Ok(_) => Json(serde_json::json!({ "status": "ok" })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({ "status": "unavailable" }))).into_response()
        }
    }
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
    #[serde(default)]
    redirect: String,
}

/// The language switch without JavaScript: remember the choice in the same
/// cookie leptos_i18n reads, then go back where the reader was.
async fn set_language(Form(form): Form<LanguageForm>) -> Response {
    let Some(lang) = app::i18n::locale_of(&form.lang).map(app::i18n::lang_code) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "unknown language").into_response();
    };
    let target = local_path(&form.redirect);
    let cookie = locale_cookie(lang);
    let mut response = Redirect::to(target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Only same-site paths: never redirect to another host ("//evil",
/// "https://…"). Browsers drop tabs and line breaks from a location
/// ("/\t/evil" is "//evil"), and a header cannot carry them at all: a path
/// with any control character, space or non-ASCII byte goes home instead.
fn local_path(candidate: &str) -> &str {
    let ok = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.contains('\\')
        && candidate.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        candidate
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(local_path("/sessions/2"), "/sessions/2");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path(""), "/");
        assert_eq!(local_path("/\\evil"), "/");
        assert_eq!(local_path("/\t/evil.example"), "/");
        assert_eq!(local_path("/\r\nSet-Cookie: x=1"), "/");
        assert_eq!(local_path("/\n/evil.example"), "/");
        assert_eq!(local_path("/sessions/2?x=1#y"), "/sessions/2?x=1#y");
    }
}
