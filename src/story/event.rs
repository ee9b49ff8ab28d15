//! The step event: what host pages hear when the reader reaches a step.

use super::scroll::Direction;
use super::steps::{Change, STEPS};

/// What host pages hear on every step change (the `sensetime:step` event's `detail`, and the
/// message a framed story posts to its host): for analytics, or to sync their own page.
/// JavaScript sees it as `{type, index, id, direction, chart}`, `type` being [`StepEvent::NAME`].
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

/// `{type, index, id, direction, chart}`, as a map of plain values (see [`Figure`]'s for why).
///
/// [`Figure`]: crate::data::figures::Figure
impl serde::Serialize for StepEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("type", Self::NAME)?;
        map.serialize_entry("index", &self.index)?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("direction", &self.direction.map(Direction::name))?;
        map.serialize_entry("chart", self.chart)?;
        map.end()
    }
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

// serde_json is a native-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::story::steps::StoryState;

    #[test]
    fn step_events_say_where_the_reader_went() {
        let json = |event: &StepEvent| serde_json::to_value(event).unwrap();
        let mut story = StoryState::default();
        let first = StepEvent::new(story.go_to(0).expect("a change"));
        assert_eq!(
            json(&first),
            serde_json::json!({
                "type": "sensetime:step",
                "index": 0,
                "id": "the-bet",
                "direction": null,
                "chart": "revenue-mix",
            })
        );
        let down = StepEvent::new(story.go_to(3).expect("a change"));
        assert_eq!(
            (down.index, down.id, down.direction),
            (3, "big-buyers", Some(Direction::Down))
        );
        let up = StepEvent::new(story.go_to(1).expect("a change"));
        assert_eq!(json(&up)["direction"], "up");
        assert_eq!(up.chart, STEPS[1].chart.id());
    }
}
