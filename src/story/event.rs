//! The step event: what host pages hear when the reader reaches a step.

use super::scroll::Direction;
use super::steps::{Change, STEPS};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::steps::StoryState;

    #[test]
    fn step_events_say_where_the_reader_went() {
        use crate::story::record::Value::{Null, Number, Text};
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
