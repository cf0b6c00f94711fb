//! Serves the minimal page (and its precompressed assets) for measuring.

use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use minimal_page::{shell, Counter};

#[tokio::main]
async fn main() {
    let conf = get_configuration(None).expect("cargo-leptos sets the configuration");
    let options = conf.leptos_options;
    let addr = options.site_addr;
    let routes = generate_route_list(Counter);
    let app = Router::new()
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("free port");
    axum::serve(listener, app.into_make_service()).await.expect("server runs");
}
