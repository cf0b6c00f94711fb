//! Screens (`pages`, one per file) and shared widgets (`components`), plus the
//! HTML shell and the router (`root`).

pub mod components;
pub mod hydration;
pub mod pages;
#[cfg(not(feature = "components-only"))]
mod root;
#[cfg(not(feature = "components-only"))]
mod routes;

#[cfg(not(feature = "components-only"))]
pub use root::{shell, App};
