//! The story's steps, in order, each naming the chart it shows, and the reader's place in them.

use crate::chart::ChartId;
use crate::lang::Lang;
use crate::story::scroll::{direction, Direction};

/// One step of the scrolly text: its anchor id in the page and the chart beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub id: &'static str,
    pub chart: ChartId,
}

const fn step(id: &'static str, chart: ChartId) -> Step {
    Step { id, chart }
}

/// The steps, in reading order. `www/index.html` has one `.step` per entry, same id, same `data-chart`.
pub const STEPS: [Step; 15] = [
    // The bet.
    step("the-bet", ChartId::RevenueMix),
    step("backers", ChartId::Funding),
    step("growing-sales", ChartId::RevenueTrend),
    // The state as customer.
    step("big-buyers", ChartId::Customers),
    step("smart-cities", ChartId::Cities),
    step("cameras", ChartId::Detection),
    step("mopeds", ChartId::Helmets),
    // Peers and sanctions.
    step("four-hopefuls", ChartId::Peers),
    step("megvii", ChartId::Megvii),
    step("sanctions", ChartId::Timeline),
    // Beyond the state?
    step("abroad", ChartId::Timeline),
    step("at-home", ChartId::Customers),
    step("driving", ChartId::Mentions),
    // What it adds up to.
    step("state-support", ChartId::Grants),
    step("adding-up", ChartId::Ties),
];

/// What changed when the reader moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub from: Option<usize>,
    pub to: usize,
    pub direction: Option<Direction>,
    /// Whether the chart differs from the one shown before (consecutive steps may share one).
    pub chart_changed: bool,
}

/// What the story page says when its Wasm cannot start (`main.js`), above the static charts.
pub fn fallback_notice(lang: Lang) -> &'static str {
    lang.pick(
        "The interactive charts could not start in this browser, so each step shows its chart as a picture.",
        "交互式图表无法在此浏览器中启动，因此每一段均改以图片展示对应的图表。",
    )
}

/// Where the reader is in the story.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryState {
    active: Option<usize>,
}

impl StoryState {
    pub fn active(&self) -> Option<usize> {
        self.active
    }

    /// The chart for the active step; the first step's before the reader has reached any.
    pub fn chart(&self) -> ChartId {
        STEPS[self.active.unwrap_or(0)].chart
    }

    /// Moves to step `to` (clamped to the story), reporting the change, or `None` if already there.
    pub fn go_to(&mut self, to: usize) -> Option<Change> {
        let to = to.min(STEPS.len() - 1);
        if self.active == Some(to) {
            return None;
        }
        let from = self.active.replace(to);
        Some(Change {
            from,
            to,
            direction: from.and_then(|f| direction(f, to)),
            chart_changed: from.is_none_or(|f| STEPS[f].chart != STEPS[to].chart),
        })
    }
}

/// The index of the step with this anchor id.
pub fn index_of(id: &str) -> Option<usize> {
    STEPS.iter().position(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_at_least_ten_steps_with_unique_ids() {
        assert!(STEPS.len() >= 10);
        for (i, s) in STEPS.iter().enumerate() {
            assert_eq!(index_of(s.id), Some(i), "{} is not unique", s.id);
            assert!(
                s.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is not a clean anchor",
                s.id
            );
        }
    }

    #[test]
    fn every_step_names_an_existing_chart_and_every_chart_is_shown() {
        for s in STEPS {
            assert_eq!(ChartId::from_id(s.chart.id()), Some(s.chart));
        }
        for chart in ChartId::ALL {
            assert!(
                STEPS.iter().any(|s| s.chart == chart),
                "{} is never shown",
                chart.id()
            );
        }
    }

    #[test]
    fn moving_reports_direction_and_chart_changes() {
        let mut story = StoryState::default();
        assert_eq!(story.chart(), STEPS[0].chart);
        let first = story.go_to(0).unwrap();
        assert_eq!(
            (first.from, first.to, first.direction, first.chart_changed),
            (None, 0, None, true)
        );
        assert_eq!(story.go_to(0), None, "staying put is no change");
        let down = story.go_to(5).unwrap();
        assert_eq!(
            (down.from, down.direction),
            (Some(0), Some(Direction::Down))
        );
        let up = story.go_to(2).unwrap();
        assert_eq!(up.direction, Some(Direction::Up));
        assert_eq!(story.active(), Some(2));
        assert_eq!(story.chart(), STEPS[2].chart);
    }

    #[test]
    fn consecutive_charts_that_share_a_subject_morph_and_the_others_fade_through() {
        use crate::draw::theme::LIGHT;
        use crate::draw::tween::share_marks;
        use crate::text::locale::Locale;
        let shares = |a: ChartId, b: ChartId| {
            let locale = Locale::default();
            share_marks(&a.scene(&LIGHT, &locale), &b.scene(&LIGHT, &locale))
        };
        let morphs: Vec<(&str, &str)> = STEPS
            .windows(2)
            .filter(|w| w[0].chart != w[1].chart && shares(w[0].chart, w[1].chart))
            .map(|w| (w[0].id, w[1].id))
            .collect();
        // 2020 sales, from the revenue mix's whole to a row beside the money raised, the revenue
        // trend's 2020 column and the whole the customers split; SenseTime's Smart City share,
        // from the peers chart to Megvii's beside it; the grants, from their chart to the
        // closing one.
        assert_eq!(
            morphs,
            [
                ("the-bet", "backers"),
                ("backers", "growing-sales"),
                ("growing-sales", "big-buyers"),
                ("four-hopefuls", "megvii"),
                ("state-support", "adding-up"),
            ]
        );
        // A reader who jumps between the charts of 2020 sales sees SenseTime's marks move.
        assert!(shares(ChartId::RevenueMix, ChartId::Customers));
        assert!(shares(ChartId::Customers, ChartId::Megvii));
        assert!(shares(ChartId::RevenueMix, ChartId::Megvii));
        assert!(!shares(ChartId::Helmets, ChartId::Peers));
    }

    #[test]
    fn a_step_past_the_end_is_the_last() {
        let mut story = StoryState::default();
        assert_eq!(story.go_to(99).unwrap().to, STEPS.len() - 1);
    }

    #[test]
    fn the_page_has_exactly_these_steps_in_this_order() {
        let html = include_str!("../../www/index.html");
        let mut found = Vec::new();
        for chunk in html.split(" class=\"step\"").skip(1) {
            let tag = chunk.split('>').next().expect("the tag closes");
            let attr = |name: &str| {
                let chunk = tag;
                let start = chunk
                    .find(&format!("{name}=\""))
                    .unwrap_or_else(|| panic!("a step lacks {name}"))
                    + name.len()
                    + 2;
                chunk[start..]
                    .split('"')
                    .next()
                    .expect("attribute closes")
                    .to_string()
            };
            found.push((attr("id"), attr("data-chart")));
        }
        let expected: Vec<_> = STEPS
            .iter()
            .map(|s| (s.id.to_string(), s.chart.id().to_string()))
            .collect();
        assert_eq!(found, expected);
    }
}
