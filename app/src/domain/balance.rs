//! Mixed groups balanced across the groups people came from and their
//! sectors: people are dealt out stratum by stratum (each group's
//! governments, NGOs, business), each to the group with the fewest of their stratum and,
//! among those, the fewest people. Existing assignments are kept, so
//! latecomers can be added without moving anyone.

use std::collections::HashMap;

/// One person to place: id and stratum (e.g. "government:<group>", "ngo").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub stratum: String,
    /// Index of the mixed group already assigned, if any.
    pub group: Option<usize>,
}

/// The stratum of a participant: governments by their own group,
/// other sectors by sector.
pub fn stratum(sector: &str, group: &str) -> String {
    match sector {
        "government" => format!("government:{group}"),
        other => other.to_string(),
    }
}

/// Places everyone without a group into one of `groups` groups; returns
/// (person id, group index) for the people it placed, in input order.
pub fn assign(people: &[Person], groups: usize) -> Vec<(i64, usize)> {
    if groups == 0 {
        return Vec::new();
    }
    let mut totals = vec![0usize; groups];
    let mut per_stratum: HashMap<&str, Vec<usize>> = HashMap::new();
    for p in people {
        if let Some(g) = p.group.filter(|g| *g < groups) {
            totals[g] += 1;
            per_stratum.entry(&p.stratum).or_insert_with(|| vec![0; groups])[g] += 1;
        }
    }
    // Larger strata first: they are the hardest to spread evenly.
    let mut strata: Vec<&str> = people.iter().filter(|p| p.group.is_none()).map(|p| p.stratum.as_str()).collect();
    strata.sort();
    strata.dedup();
    let size = |s: &str| people.iter().filter(|p| p.stratum == s).count();
    strata.sort_by(|a, b| size(b).cmp(&size(a)).then(a.cmp(b)));
    let mut placed = Vec::new();
    for s in strata {
        for p in people.iter().filter(|p| p.group.is_none() && p.stratum == s) {
            let counts = per_stratum.entry(s).or_insert_with(|| vec![0; groups]);
            let g = (0..groups).min_by_key(|g| (counts[*g], totals[*g], *g)).unwrap_or(0);
            counts[g] += 1;
            totals[g] += 1;
            placed.push((p.id, g));
        }
    }
    placed.sort_by_key(|(id, _)| people.iter().position(|p| p.id == *id));
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn person(id: i64, stratum: &str) -> Person {
        Person { id, stratum: stratum.into(), group: None }
    }

    fn spread(people: &[Person], placed: &[(i64, usize)], groups: usize, stratum: Option<&str>) -> usize {
        let mut counts = vec![0usize; groups];
        for p in people.iter().filter(|p| stratum.is_none_or(|s| p.stratum == s)) {
            let g = p.group.or_else(|| placed.iter().find(|(id, _)| *id == p.id).map(|(_, g)| *g)).unwrap();
            counts[g] += 1;
        }
        counts.iter().max().unwrap() - counts.iter().min().unwrap()
    }

    #[test]
    fn each_subregion_and_sector_is_spread_over_the_four_groups() {
        let mut people = Vec::new();
        for (i, s) in ["government:caribe", "government:andina", "ngo", "business"].iter().enumerate() {
            for j in 0..4 {
                people.push(person((i * 10 + j) as i64, s));
            }
        }
        let placed = assign(&people, 4);
        assert_eq!(placed.len(), 16);
        for s in ["government:caribe", "government:andina", "ngo", "business"] {
            assert_eq!(spread(&people, &placed, 4, Some(s)), 0, "{s}: one per group");
        }
    }

    #[test]
    fn latecomers_fill_the_gaps_without_moving_anyone() {
        let mut people =
            vec![Person { id: 1, stratum: "ngo".into(), group: Some(0) }, Person { id: 2, stratum: "ngo".into(), group: Some(1) }];
        people.push(person(3, "ngo"));
        people.push(person(4, "business"));
        let placed = assign(&people, 4);
        assert_eq!(placed, vec![(3, 2), (4, 3)]);
    }

    #[test]
    fn strata_name_subregions_for_governments_only() {
        assert_eq!(stratum("government", "andina"), "government:andina");
        assert_eq!(stratum("ngo", "ongs"), "ngo");
    }

    proptest! {
        /// Every stratum and the group sizes differ by at most one between groups.
        #[test]
        fn assignments_are_balanced(strata in proptest::collection::vec(0usize..6, 0..80), groups in 1usize..6) {
            let names = ["government:caribe", "government:mesoamerica", "government:andina", "government:cono-sur", "ngo", "business"];
            let people: Vec<Person> = strata.iter().enumerate().map(|(i, s)| person(i as i64, names[*s])).collect();
            let placed = assign(&people, groups);
            prop_assert_eq!(placed.len(), people.len());
            if !people.is_empty() {
                prop_assert!(spread(&people, &placed, groups, None) <= 1);
                for s in names {
                    if people.iter().any(|p| p.stratum == s) {
                        prop_assert!(spread(&people, &placed, groups, Some(s)) <= 1, "{}", s);
                    }
                }
            }
        }
    }
}
