//! The Plenaria server binary: parse flags, prepare the state, serve.

use clap::Parser;
use server::config::{Command, Config};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    if let Some(Command::CheckSeed { path }) = &config.command {
        return match server::check_seed(path) {
            Ok(summary) => {
                print!("{summary}");
                ExitCode::SUCCESS
            }
            Err(problems) => {
                eprintln!("{problems}");
                ExitCode::FAILURE
            }
        };
    }
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::new(&config.log)).init();
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("plenaria: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), String> {
    let state = server::prepare(&config).await?;
    let hub = state.hub.clone();
    let router = server::routes::router(state, &config);
    let open_files = server::listener::raise_open_file_limit().map_err(|e| format!("cannot read the open-file limit: {e}"))?;
    let limits = server::listener::ConnectionLimits {
        header_timeout: std::time::Duration::from_millis(config.header_timeout_ms.max(1)),
        per_address: config.max_connections_per_address.max(1),
        total: server::listener::total_cap(open_files, config.max_connections),
    };
    let listener = tokio::net::TcpListener::bind(config.addr).await.map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    tracing::info!(open_files, connections = limits.total, per_address = limits.per_address, "serving at http://{}", config.addr);
    server::listener::serve(listener, router, limits, async move {
        shutdown_signal().await;
        // Realtime streams never end by themselves: close them so the
        // server can finish the requests in flight and exit.
        hub.close();
    })
    .await;
    Ok(())
}

/// Ctrl-C or SIGTERM: finish in-flight requests, then exit.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
