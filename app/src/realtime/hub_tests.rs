use super::*;
use crate::domain::change::{group_topic, CLOCK, MATRIX};

fn change(id: i64, topic: &str) -> Change {
    Change { id, topic: topic.to_string() }
}

fn reader() -> Scope {
    Scope { interest: Interest::parse(Some("clock")), ..Scope::default() }
}

fn coordinator(group: &str) -> Scope {
    let caller = Caller { coordinates: vec![group.to_string()], ..Caller::default() };
    Scope { caller, interest: Interest::All, rechecks_roles: true }
}

/// What is queued right now, without waiting.
fn queued(s: &mut Subscription) -> Vec<i64> {
    let mut ids = Vec::new();
    while let Ok(c) = s.changes.try_recv() {
        ids.push(c.id);
    }
    ids
}

#[test]
fn a_change_is_queued_only_where_it_is_visible_and_watched() {
    let hub = Hub::default();
    let mut programme = hub.subscribe(reader());
    let mut andina = hub.subscribe(coordinator("andina"));
    let mut committee = hub.subscribe(Scope { caller: Caller { committee: true, ..Caller::default() }, ..Scope::default() });
    hub.publish(change(1, CLOCK));
    hub.publish(change(2, &group_topic("andina", MATRIX)));
    hub.publish(change(3, &group_topic("caribe", MATRIX)));
    hub.publish(change(4, PEOPLE));
    assert_eq!(queued(&mut programme), vec![1]);
    assert_eq!(queued(&mut andina), vec![1, 2, 4], "people changes reach it to re-read its roles");
    assert_eq!(queued(&mut committee), vec![1, 2, 3, 4]);
}

#[test]
fn a_connection_knows_how_far_it_has_heard_once_its_queue_is_empty() {
    let hub = Hub::default();
    let mut programme = hub.subscribe(reader());
    assert_eq!(programme.heard_up_to(), None, "nothing passed over yet");
    hub.publish(change(1, CLOCK));
    hub.publish(change(2, &group_topic("andina", MATRIX)));
    assert_eq!(programme.heard_up_to(), None, "change 1 is still queued");
    assert_eq!(queued(&mut programme), vec![1]);
    assert_eq!(programme.heard_up_to(), Some(2));
}

#[test]
fn a_full_queue_marks_the_connection_lagged_and_spares_the_others() {
    let hub = Hub::default();
    let mut slow = hub.subscribe(reader());
    let mut other = hub.subscribe(reader());
    for id in 1..=(CAPACITY as i64 + 5) {
        hub.publish(change(id, CLOCK));
        if id % 100 == 0 {
            queued(&mut other);
        }
    }
    assert!(slow.take_lagged());
    assert!(!slow.take_lagged(), "told once");
    assert_eq!(queued(&mut slow).len(), CAPACITY);
    assert!(!other.take_lagged());
    assert_eq!(queued(&mut other).last(), Some(&(CAPACITY as i64 + 5)));
}

#[test]
fn a_rescoped_connection_stops_hearing_a_group_and_a_dropped_one_is_forgotten() {
    let hub = Hub::default();
    let mut laptop = hub.subscribe(coordinator("andina"));
    laptop.rescope(Scope { caller: Caller::default(), interest: Interest::All, rechecks_roles: true });
    hub.publish(change(1, &group_topic("andina", MATRIX)));
    assert!(queued(&mut laptop).is_empty());
    assert_eq!(hub.connections(), 1);
    drop(laptop);
    assert_eq!(hub.connections(), 0);
}

#[tokio::test]
async fn a_writer_announces_only_in_its_turn() {
    // Writers commit and publish under one lock, so that no connection ever
    // sees a higher number before a lower one (its resume point would skip it).
    let (pool, _dir) = crate::db::test_support::temp_db().await;
    let hub = Hub::default();
    let mut all = hub.subscribe(Scope::default());
    let turn = hub.inner.order.lock().await; // another writer between commit and publish
    let writer = {
        let (pool, hub) = (pool.clone(), hub.clone());
        tokio::spawn(async move {
            let mut tx = crate::db::begin_write(&pool).await.unwrap();
            let c = crate::db::changes::record(&mut tx, CLOCK, 0).await.unwrap();
            hub.commit(tx, vec![c]).await.unwrap();
        })
    };
    let early = tokio::time::timeout(std::time::Duration::from_millis(300), all.next()).await;
    assert!(early.is_err(), "announced out of turn: {early:?}");
    drop(turn);
    let change = tokio::time::timeout(std::time::Duration::from_secs(10), all.next()).await;
    assert_eq!(change.ok().flatten().map(|c| c.id), Some(1));
    writer.await.unwrap();
}
