//! Every screen is a lazy route, and screens are bundled by audience. Built
//! with `cargo leptos build --split`, each audience's screens (their views,
//! their server calls' decoding) become wasm chunks fetched when one of them is
//! first shown: a participant's phone loads the participant screens, not the
//! committee's, the coordinator's or the projector's. Without `--split` these
//! are ordinary routes in one bundle.
//!
//! One split point per audience, not per screen: wasm-split makes a chunk for
//! every distinct set of split points sharing code, so 20 split points gave
//! ~370 chunk files (hundreds of requests on venue Wi-Fi); five give a few
//! dozen. `data()` is empty because every page starts its own resources, and
//! on the first load those arrive with the server's HTML anyway.

use super::pages::*;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A route whose view is one screen of an audience's lazy bundle.
macro_rules! screen_route {
    ($(#[$doc:meta])* $route:ident => $bundle:ident($screen:expr), $preload:ident) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            async fn view(_this: Self) -> AnyView {
                $bundle($screen).await
            }
            async fn preload() {
                // The chunk loader exists only in the browser build.
                #[cfg(target_arch = "wasm32")]
                $preload().await;
            }
        }
    };
}

/// What everyone reads: the agenda, the sessions and the reference material.
#[derive(Clone, Copy)]
pub enum Reading {
    Agenda,
    Session,
    ReferenceIndex,
    MatrixTemplate,
    ReferencePart,
}

#[leptos::lazy]
fn reading_screen(screen: Reading) -> AnyView {
    match screen {
        Reading::Agenda => view! { <AgendaPage /> }.into_any(),
        Reading::Session => view! { <SessionPage /> }.into_any(),
        Reading::ReferenceIndex => view! { <ReferenceIndexPage /> }.into_any(),
        Reading::MatrixTemplate => view! { <MatrixTemplatePage /> }.into_any(),
        Reading::ReferencePart => view! { <ReferencePartPage /> }.into_any(),
    }
}

screen_route!(
    /// `/`
    AgendaRoute => reading_screen(Reading::Agenda), __preload_reading_screen
);
screen_route!(
    /// `/sessions/:number`
    SessionRoute => reading_screen(Reading::Session), __preload_reading_screen
);
screen_route!(
    /// `/reference`
    ReferenceIndexRoute => reading_screen(Reading::ReferenceIndex), __preload_reading_screen
);
screen_route!(
    /// `/reference/matrix`
    MatrixTemplateRoute => reading_screen(Reading::MatrixTemplate), __preload_reading_screen
);
screen_route!(
    /// `/reference/:id`: one part of the reference material, by its seed id.
    ReferencePartRoute => reading_screen(Reading::ReferencePart), __preload_reading_screen
);

/// A participant's phone: joining, answering, who am I.
#[derive(Clone, Copy)]
pub enum Participant {
    Join,
    Answer,
    Me,
}

#[leptos::lazy]
fn participant_screen(screen: Participant) -> AnyView {
    match screen {
        Participant::Join => view! { <JoinPage /> }.into_any(),
        Participant::Answer => view! { <AnswerPage /> }.into_any(),
        Participant::Me => view! { <MePage /> }.into_any(),
    }
}

screen_route!(
    /// `/join`
    JoinRoute => participant_screen(Participant::Join), __preload_participant_screen
);
screen_route!(
    /// `/answer`
    AnswerRoute => participant_screen(Participant::Answer), __preload_participant_screen
);
screen_route!(
    /// `/me`
    MeRoute => participant_screen(Participant::Me), __preload_participant_screen
);

/// A group's coordinator: the matrix, the group's answers, the sign-in link.
#[derive(Clone, Copy)]
pub enum Coordinator {
    Matrix,
    GroupAnswers,
    Coordinate,
}

#[leptos::lazy]
fn coordinator_screen(screen: Coordinator) -> AnyView {
    match screen {
        Coordinator::Matrix => view! { <MatrixPage /> }.into_any(),
        Coordinator::GroupAnswers => view! { <GroupAnswersPage /> }.into_any(),
        Coordinator::Coordinate => view! { <CoordinatePage /> }.into_any(),
    }
}

screen_route!(
    /// `/groups/:group/matrix`
    MatrixRoute => coordinator_screen(Coordinator::Matrix), __preload_coordinator_screen
);
screen_route!(
    /// `/groups/:group/answers`
    GroupAnswersRoute => coordinator_screen(Coordinator::GroupAnswers), __preload_coordinator_screen
);
screen_route!(
    /// `/coordinate/:token`
    CoordinateRoute => coordinator_screen(Coordinator::Coordinate), __preload_coordinator_screen
);

/// The organizing committee's desk: groups, clock, projector remote.
#[derive(Clone, Copy)]
pub enum Committee {
    Committee,
    PlenaryControl,
}

#[leptos::lazy]
fn committee_screen(screen: Committee) -> AnyView {
    match screen {
        Committee::Committee => view! { <CommitteePage /> }.into_any(),
        Committee::PlenaryControl => view! { <PlenaryControlPage /> }.into_any(),
    }
}

screen_route!(
    /// `/committee`
    CommitteeRoute => committee_screen(Committee::Committee), __preload_committee_screen
);
screen_route!(
    /// `/plenary/control`
    PlenaryControlRoute => committee_screen(Committee::PlenaryControl), __preload_committee_screen
);

/// What the room sees: the plenary, the plan, the big clock.
#[derive(Clone, Copy)]
pub enum Projector {
    Plenary,
    Plan,
    Clock,
}

#[leptos::lazy]
fn projector_screen(screen: Projector) -> AnyView {
    match screen {
        Projector::Plenary => view! { <PlenaryPage /> }.into_any(),
        Projector::Plan => view! { <PlanPage /> }.into_any(),
        Projector::Clock => view! { <ClockPage /> }.into_any(),
    }
}

screen_route!(
    /// `/plenary`
    PlenaryRoute => projector_screen(Projector::Plenary), __preload_projector_screen
);
screen_route!(
    /// `/plan`
    PlanRoute => projector_screen(Projector::Plan), __preload_projector_screen
);
screen_route!(
    /// `/clock`
    ClockRoute => projector_screen(Projector::Clock), __preload_projector_screen
);
