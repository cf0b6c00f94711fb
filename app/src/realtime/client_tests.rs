use super::*;

fn counts(live: &Live) -> (u64, u64) {
    (live.watch("clock"))()
}

#[test]
fn changes_move_their_topic_only_and_count_once() {
    let owner = Owner::new();
    owner.with(|| {
        let live = Live::new();
        live.hello(r#"{"latest":7,"resumed":true}"#);
        live.change(r#"{"id":8,"topic":"clock"}"#);
        live.change(r#"{"id":12,"topic":"people"}"#);
        assert_eq!(counts(&live), (1, 0), "numbers may jump: the server sends only what the page watches");
        live.change(r#"{"id":8,"topic":"clock"}"#);
        assert_eq!(counts(&live), (1, 0), "a number seen twice counts once");
    });
}

#[test]
fn a_greeting_that_could_not_resume_refetches_unless_nothing_happened() {
    let owner = Owner::new();
    owner.with(|| {
        let live = Live::new();
        live.last_id.set_value(Some(5));
        live.hello(r#"{"latest":5,"resumed":false}"#);
        assert_eq!(counts(&live).1, 0, "nothing happened in between");
        live.hello(r#"{"latest":9,"resumed":true}"#);
        assert_eq!(counts(&live).1, 0, "what was missed was replayed");
        live.hello(r#"{"latest":12,"resumed":false}"#);
        assert_eq!(counts(&live).1, 1, "changes happened and the log could not replay them");
        assert_eq!(live.last_id.get_value(), Some(12));
    });
}

#[test]
fn reopening_for_a_new_identity_refetches_everything() {
    let owner = Owner::new();
    owner.with(|| {
        let live = Live::new();
        live.hello(r#"{"latest":7,"resumed":true}"#);
        live.reconnect();
        live.hello(r#"{"latest":7,"resumed":true}"#);
        assert_eq!(counts(&live).1, 1, "what it may see changed with who it is");
        live.hello(r#"{"latest":7,"resumed":true}"#);
        assert_eq!(counts(&live).1, 1, "only once");
    });
}

#[test]
fn a_keep_alive_moves_the_resume_point_forward_only() {
    let owner = Owner::new();
    owner.with(|| {
        let live = Live::new();
        live.hello(r#"{"latest":7,"resumed":true}"#);
        live.ping(r#"{"heard":30}"#);
        assert_eq!(live.last_id.get_value(), Some(30));
        live.ping(r#"{"heard":20}"#);
        live.ping(r#"{"heard":null}"#);
        assert_eq!(live.last_id.get_value(), Some(30));
        live.change(r#"{"id":25,"topic":"clock"}"#);
        assert_eq!(counts(&live).0, 0, "already accounted for");
    });
}

#[test]
fn the_connection_asks_for_what_the_screens_watch_and_resumes_where_it_was() {
    let owner = Owner::new();
    owner.with(|| {
        let live = Live::new();
        let _ = live.watch("clock");
        let _ = live.watch_prefix("group:ö x:");
        let _ = live.watch_suffix(":delivery");
        assert_eq!(live.url(), "/api/v1/events?watch=*:delivery,clock,group:%C3%B6%20x:*");
        live.hello(r#"{"latest":41,"resumed":false}"#);
        assert!(live.url().ends_with("&after=41"), "{}", live.url());
    });
}
