//! The story's steps, in order, each naming the chart state it shows, and the reader's place in them.

use crate::charts::ChartState;
use crate::scroll::{direction, Direction};

/// One step of the scrolly text: its anchor id in the page and the chart beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub id: &'static str,
    pub chart: ChartState,
}

const fn step(id: &'static str, chart: ChartState) -> Step {
    Step { id, chart }
}

/// The steps, in reading order. `www/index.html` has one `.step` per entry, same id, same `data-chart`.
pub const STEPS: [Step; 12] = [
    step("the-bet", ChartState::Funding),
    step("four-hopefuls", ChartState::Peers),
    step("growing-sales", ChartState::RevenueTrend),
    step("revenue-mix", ChartState::RevenueMix),
    step("big-buyers", ChartState::Customers),
    step("smart-cities", ChartState::Cities),
    step("cameras", ChartState::Detection),
    step("mopeds", ChartState::Helmets),
    step("megvii", ChartState::Megvii),
    step("abroad", ChartState::Timeline),
    step("driving", ChartState::Mentions),
    step("state-support", ChartState::Grants),
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

/// What host pages hear on every step change (the `sensetime:step` event's `detail`, and the
/// message a framed story posts to its host): for analytics, or to sync their own page.
/// JavaScript sees it as `{type, index, id, direction, chart}` ([`StepEvent::record`]), `type`
/// being [`StepEvent::NAME`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepEvent {
    /// 0-based position of the step in the story.
    pub index: usize,
    /// The step's anchor id.
    pub id: &'static str,
    /// `"down"` or `"up"`; `null` for the step the story starts on.
    pub direction: Option<Direction>,
    /// The id of the chart the step shows.
    pub chart: &'static str,
}

impl StepEvent {
    pub const NAME: &'static str = "sensetime:step";

    pub fn new(change: Change) -> StepEvent {
        let step = &STEPS[change.to];
        StepEvent {
            index: change.to,
            id: step.id,
            direction: change.direction,
            chart: step.chart.id(),
        }
    }
}

/// What the story page says when its Wasm cannot start (`main.js`), above the static charts.
pub fn fallback_notice(lang: crate::locale::Lang) -> &'static str {
    lang.t(
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
    pub fn chart(&self) -> ChartState {
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
    fn every_step_names_an_existing_chart_state_and_every_state_is_shown() {
        for s in STEPS {
            assert_eq!(ChartState::from_id(s.chart.id()), Some(s.chart));
        }
        for state in ChartState::ALL {
            assert!(
                STEPS.iter().any(|s| s.chart == state),
                "{} is never shown",
                state.id()
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
    fn a_step_past_the_end_is_the_last() {
        let mut story = StoryState::default();
        assert_eq!(story.go_to(99).unwrap().to, STEPS.len() - 1);
    }

    #[test]
    fn the_page_has_exactly_these_steps_in_this_order() {
        let html = include_str!("../www/index.html");
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

    #[test]
    fn step_events_say_where_the_reader_went() {
        use crate::record::Value::{Null, Number, Text};
        let mut story = StoryState::default();
        let first = StepEvent::new(story.go_to(0).expect("a change"));
        assert_eq!(
            first.record(),
            [
                ("type", Text("sensetime:step")),
                ("index", Number(0.0)),
                ("id", Text("the-bet")),
                ("direction", Null),
                ("chart", Text("funding")),
            ]
        );
        let down = StepEvent::new(story.go_to(3).expect("a change"));
        assert_eq!(
            (down.index, down.id, down.direction),
            (3, "revenue-mix", Some(Direction::Down))
        );
        let up = StepEvent::new(story.go_to(1).expect("a change"));
        assert_eq!(up.record()[3], ("direction", Text("up")));
        assert_eq!(up.chart, STEPS[1].chart.id());
    }
}
