//! What this browser keeps across reloads and lost connections (the
//! outboxes' queues, drafts): JSON in `localStorage`. Browser only; a full
//! or disabled storage keeps the page working with what it holds in memory.

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

/// The value kept under `key`, if any and if it still reads as a `T`.
#[cfg(feature = "hydrate")]
pub fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

/// Keeps `value` under `key`.
#[cfg(feature = "hydrate")]
pub fn keep<T: serde::Serialize>(key: &str, value: &T) {
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(value)) {
        let _ = s.set_item(key, &json);
    }
}
