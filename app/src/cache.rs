//! Server work done once, not per request (ssr only).
//!
//! - `Seeds`: the meeting's seed, parsed once per reader language. It changes
//!   only when the server starts (the seed file is stored then) or a backup
//!   is restored (`forget`), so every request used to re-read and re-parse
//!   the same 57 KB of JSON.
//! - `Views`: read models many screens share (the plenary's groups and
//!   their common areas, the plan), computed once per change that concerns
//!   them and served from memory to every projector and reader asking.
//!   A view is stored with the newest change number of its topics when its
//!   computation began (`Hub::version`): data committed meanwhile may already
//!   be in it, and its own announcement raises the number, so the next
//!   request computes again — a cached view is never older than its number.

use crate::db::meeting::MeetingId;
use crate::db::Pool;
use crate::domain::Seed;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct Seeds {
    by_lang: Mutex<HashMap<String, Arc<Seed>>>,
}

impl Seeds {
    /// The seed with its texts in `lang` (and Spanish); `None` for every language.
    pub async fn get(&self, pool: &Pool, meeting: MeetingId, lang: Option<&str>) -> Result<Arc<Seed>, sqlx::Error> {
        let key = lang.unwrap_or("*").to_string();
        if let Some(seed) = self.by_lang.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(seed.clone());
        }
        let seed = Arc::new(match lang {
            Some(lang) => crate::db::meeting::load_seed_for(pool, meeting, lang).await?,
            None => crate::db::meeting::load_seed(pool, meeting).await?,
        });
        self.by_lang.lock().unwrap_or_else(|p| p.into_inner()).insert(key, seed.clone());
        Ok(seed)
    }

    /// After a restore: the stored seed may differ.
    pub fn forget(&self) {
        self.by_lang.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

type Entry = (i64, Arc<dyn Any + Send + Sync>);

#[derive(Default)]
pub struct Views {
    entries: Mutex<HashMap<String, Entry>>,
    /// One computation at a time: a change followed by a hundred projectors
    /// asking at once computes once, not a hundred times.
    computing: tokio::sync::Mutex<()>,
}

impl Views {
    /// The view `key` as of change `version`, computed by `compute` when the
    /// stored one is older (or missing).
    pub async fn get<T, E, F, Fut>(&self, key: &str, version: i64, compute: F) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if let Some(view) = self.current(key, version) {
            return Ok(view);
        }
        let _turn = self.computing.lock().await;
        if let Some(view) = self.current(key, version) {
            return Ok(view);
        }
        let view = Arc::new(compute().await?);
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).insert(key.to_string(), (version, view.clone()));
        Ok(view)
    }

    fn current<T: Send + Sync + 'static>(&self, key: &str, version: i64) -> Option<Arc<T>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (at, view) = entries.get(key)?;
        if *at < version {
            return None;
        }
        view.clone().downcast::<T>().ok()
    }

    /// After a restore: every view may differ.
    pub fn forget(&self) {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_view_is_computed_once_per_version() {
        let views = Views::default();
        let runs = std::cell::Cell::new(0);
        let run = |value: i32| {
            runs.set(runs.get() + 1);
            async move { Ok::<_, ()>(value) }
        };
        let a: Arc<i32> = views.get("plenary:es", 3, || run(10)).await.unwrap();
        let b: Arc<i32> = views.get("plenary:es", 3, || run(20)).await.unwrap();
        assert_eq!((*a, *b, runs.get()), (10, 10, 1), "same version: served from memory");
        let c: Arc<i32> = views.get("plenary:es", 4, || run(30)).await.unwrap();
        assert_eq!((*c, runs.get()), (30, 2), "a newer change computes again");
        let d: Arc<i32> = views.get("plenary:en", 4, || run(40)).await.unwrap();
        assert_eq!((*d, runs.get()), (40, 3), "each key apart");
        let e: Result<Arc<i32>, &str> = views.get("plan:es", 4, || async { Err("db") }).await;
        assert!(e.is_err(), "a failed computation is not stored");
        views.forget();
        let f: Arc<i32> = views.get("plenary:es", 4, || run(50)).await.unwrap();
        assert_eq!((*f, runs.get()), (50, 4));
    }
}
