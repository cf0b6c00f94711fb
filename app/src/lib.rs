#![recursion_limit = "256"]
//! Plenaria: the working-group sessions of an expert meeting, live.
//!
//! `domain` is pure; `api` holds the server functions, which check the
//! caller and call `service` (the server's logic); `service`, `db` and
//! `state` exist only on the server; `ui` renders the screens for both server and browser.

pub mod api;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod realtime;
pub mod ui;

/// No word of one particular meeting in code (see the file).
#[cfg(test)]
mod meeting_words_tests;

#[cfg(feature = "ssr")]
pub mod attempts;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod cache;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod secrets;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod state;

#[cfg(not(feature = "components-only"))]
pub use ui::{shell, App};
