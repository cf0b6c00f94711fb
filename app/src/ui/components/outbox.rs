//! Participants' answers on their way to the server. A press of *Add* or
//! *Save* never waits for the network: the write goes into this outbox
//! (kept in the browser's localStorage, so a reload or a closed tab loses
//! nothing), is sent in order with the operation id it was given when it was
//! made (the server stores a write it has already seen once), and is sent
//! again whenever the link comes back. A write the server refuses (answers
//! closed, too long…) leaves the outbox with its reason, and its text goes
//! back beside the field it came from.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AnswerWrite {
    Add { group: String, question: String, text: String, op: String },
    Edit { group: String, id: i64, text: String, op: String },
}

impl AnswerWrite {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn op(&self) -> &str {
        match self {
            AnswerWrite::Add { op, .. } | AnswerWrite::Edit { op, .. } => op,
        }
    }

    /// Where the write came from: a question's new-answer box or one answer.
    pub fn target(&self) -> Target {
        match self {
            AnswerWrite::Add { question, .. } => Target::Question(question.clone()),
            AnswerWrite::Edit { id, .. } => Target::Answer(*id),
        }
    }

    pub fn text(&self) -> &str {
        match self {
            AnswerWrite::Add { text, .. } | AnswerWrite::Edit { text, .. } => text,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Question(String),
    Answer(i64),
}

/// A write the server refused: shown beside its field, text given back.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub target: Target,
    pub error: AppError,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct AnswerOutbox {
    pub queued: RwSignal<Vec<AnswerWrite>>,
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    sending: RwSignal<bool>,
    /// Moves whenever writes reached the server: the sheet refetches.
    pub delivered: RwSignal<u64>,
    pub refused: RwSignal<Vec<Refused>>,
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const STORAGE_KEY: &str = "plenaria-pending-answers";

impl AnswerOutbox {
    pub fn provide() -> Self {
        let outbox = AnswerOutbox {
            queued: RwSignal::new(Vec::new()),
            sending: RwSignal::new(false),
            delivered: RwSignal::new(0),
            refused: RwSignal::new(Vec::new()),
        };
        provide_context(outbox);
        #[cfg(feature = "hydrate")]
        outbox.start();
        outbox
    }

    /// Keeps a write and sends it as soon as possible. A newer edit of the
    /// same answer replaces a queued one (setting a text twice is the same as
    /// setting it once, so the older one need not travel).
    pub fn push(self, write: AnswerWrite) {
        self.refused.update(|r| r.retain(|x| x.target != write.target()));
        self.queued.update(|q| {
            let same = |x: &AnswerWrite| matches!(x, AnswerWrite::Edit { .. }) && x.target() == write.target();
            match q.iter_mut().find(|x| same(x)) {
                Some(old) => *old = write,
                None => q.push(write),
            }
        });
        self.persist();
        self.flush();
    }

    /// How many writes are still waiting for the network.
    pub fn waiting(self) -> usize {
        self.queued.with(|q| q.len())
    }

    fn persist(self) {
        #[cfg(feature = "hydrate")]
        self.queued.with_untracked(|q| crate::ui::components::browser_store::keep(STORAGE_KEY, q));
    }

    #[cfg(feature = "hydrate")]
    fn start(self) {
        // After the page is hydrated (an effect runs then): the server's HTML
        // knows nothing of this browser's queue, and hydration must match it.
        Effect::new(move |_| {
            if let Some(saved) = crate::ui::components::browser_store::load::<Vec<AnswerWrite>>(STORAGE_KEY) {
                self.queued.set(saved);
            }
        });
        crate::ui::components::link_return::when_link_returns(move || self.flush());
    }

    /// Sends queued writes in order; stops at the first the network cannot
    /// carry (the link's return sends the rest).
    pub fn flush(self) {
        #[cfg(feature = "hydrate")]
        {
            if self.sending.get_untracked() || self.queued.with_untracked(|q| q.is_empty()) {
                return;
            }
            self.sending.set(true);
            leptos::task::spawn_local(async move {
                let mut arrived = false;
                while let Some(next) = self.queued.get_untracked().first().cloned() {
                    match send(&next).await {
                        // The network, or the server's own fault: try again later.
                        Err(AppError::Transport(_) | AppError::Internal) => break,
                        outcome => {
                            if let Err(error) = outcome {
                                let text = next.text().to_string();
                                self.refused.update(|r| r.push(Refused { target: next.target(), error, text }));
                            }
                            self.queued.update(|q| q.retain(|x| x.op() != next.op()));
                            self.persist();
                            arrived = true;
                        }
                    }
                }
                self.sending.set(false);
                if arrived {
                    self.delivered.update(|n| *n += 1);
                }
            });
        }
    }
}

#[cfg(feature = "hydrate")]
async fn send(write: &AnswerWrite) -> Result<(), AppError> {
    use crate::api::answers::{add_answer, edit_answer};
    use crate::ui::components::link_return::within;
    match write.clone() {
        AnswerWrite::Add { group, question, text, op } => within(add_answer(group, question, text, Some(op))).await.map(|_| ()),
        AnswerWrite::Edit { group, id, text, .. } => within(edit_answer(group, id, text)).await,
    }
}

pub fn use_answer_outbox() -> AnswerOutbox {
    use_context::<AnswerOutbox>().unwrap_or_else(AnswerOutbox::provide)
}

/// What a person typed in a box and has not sent yet, per box, kept in the
/// browser: it survives a reload, hydration and sending other boxes.
pub mod drafts {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    const STORAGE_KEY: &str = "plenaria-drafts";

    #[cfg(feature = "hydrate")]
    fn all() -> std::collections::BTreeMap<String, String> {
        crate::ui::components::browser_store::load(STORAGE_KEY).unwrap_or_default()
    }

    pub fn get(_key: &str) -> Option<String> {
        #[cfg(feature = "hydrate")]
        return all().remove(_key).filter(|t| !t.is_empty());
        #[cfg(not(feature = "hydrate"))]
        None
    }

    /// Keeps `text` as the draft of `key` (an empty text forgets it).
    pub fn set(_key: &str, _text: &str) {
        #[cfg(feature = "hydrate")]
        {
            let mut drafts = all();
            if _text.trim().is_empty() {
                drafts.remove(_key);
            } else {
                drafts.insert(_key.to_string(), _text.to_string());
            }
            crate::ui::components::browser_store::keep(STORAGE_KEY, &drafts);
        }
    }
}
