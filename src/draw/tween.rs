//! Transitions between scenes: easing, and blending two scenes mark by mark.

use crate::draw::scene::{Bar, Dot, Label, Line, Rect, Scene, Slot, Units};
use crate::draw::theme::Rgba;

/// How long a transition takes, in milliseconds.
pub const DURATION_MS: f64 = 450.0;

/// Slow in, slow out; `t` is clamped to 0..=1.
pub fn ease_in_out_cubic(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

fn lerp_point(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (lerp(a.0, b.0, t), lerp(a.1, b.1, t))
}

fn lerp_colour(a: Rgba, b: Rgba, t: f64) -> Rgba {
    let ch = |x: u8, y: u8| lerp(f64::from(x), f64::from(y), t).round() as u8;
    Rgba {
        r: ch(a.r, b.r),
        g: ch(a.g, b.g),
        b: ch(a.b, b.b),
        a: lerp(a.a, b.a, t),
    }
}

fn lerp_rect(a: Rect, b: Rect, t: f64) -> Rect {
    Rect {
        x0: lerp(a.x0, b.x0, t),
        y0: lerp(a.y0, b.y0, t),
        x1: lerp(a.x1, b.x1, t),
        y1: lerp(a.y1, b.y1, t),
    }
}

/// Opacity of what leaves: gone by the middle of the transition.
fn fade_out(t: f64) -> f64 {
    (1.0 - 2.0 * t).max(0.0)
}

/// Opacity of what arrives: from the middle of the transition on.
fn fade_in(t: f64) -> f64 {
    (2.0 * t - 1.0).max(0.0)
}

fn blend_bar(a: &Bar, b: &Bar, t: f64) -> Bar {
    Bar {
        rect: lerp_rect(a.rect, b.rect, t),
        colour: lerp_colour(a.colour, b.colour, t),
        // The hedge style belongs to the value being approached.
        bound: if t < 0.5 { a.bound } else { b.bound },
        ..b.clone()
    }
}

fn blend_line(a: &Line, b: &Line, t: f64) -> Line {
    Line {
        from: lerp_point(a.from, b.from, t),
        to: lerp_point(a.to, b.to, t),
        colour: lerp_colour(a.colour, b.colour, t),
        width: lerp(a.width, b.width, t),
        ..b.clone()
    }
}

fn blend_dot(a: &Dot, b: &Dot, t: f64) -> Dot {
    Dot {
        at: lerp_point(a.at, b.at, t),
        radius: lerp(a.radius, b.radius, t),
        colour: lerp_colour(a.colour, b.colour, t),
        ..b.clone()
    }
}

/// A count in transition counts up or down, its area and colour moving with it.
fn blend_units(a: &Units, b: &Units, t: f64) -> Units {
    Units {
        area: lerp_rect(a.area, b.area, t),
        count: lerp(a.count, b.count, t),
        colour: lerp_colour(a.colour, b.colour, t),
        open: if t < 0.5 { a.open } else { b.open },
        ..b.clone()
    }
}

fn with_alpha(label: &Label, alpha: f64) -> Label {
    Label {
        colour: label.colour.fade(alpha),
        ..label.clone()
    }
}

fn blend_label(a: &Label, b: &Label, t: f64, out: &mut Vec<Label>) {
    match (a.slot, b.slot) {
        (Slot::Plot(ax, ay), Slot::Plot(bx, by)) if a.text == b.text => {
            let (x, y) = lerp_point((ax, ay), (bx, by), t);
            out.push(Label {
                slot: Slot::Plot(x, y),
                colour: lerp_colour(a.colour, b.colour, t),
                ..b.clone()
            });
        }
        _ if a.text == b.text && a.slot == b.slot => out.push(Label {
            colour: lerp_colour(a.colour, b.colour, t),
            ..b.clone()
        }),
        // Different words: the old fade out, then the new fade in, each where it belongs.
        _ => {
            out.push(with_alpha(a, fade_out(t)));
            out.push(with_alpha(b, fade_in(t)));
        }
    }
}

/// Pairs the items of two lists by key: matched pairs in `to`'s order, then those leaving.
fn pair<'a, T>(
    from: &'a [T],
    to: &'a [T],
    key: impl Fn(&T) -> &str,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut pairs: Vec<_> = to
        .iter()
        .map(|b| (from.iter().find(|a| key(a) == key(b)), Some(b)))
        .collect();
    pairs.extend(
        from.iter()
            .filter(|a| !to.iter().any(|b| key(b) == key(a)))
            .map(|a| (Some(a), None)),
    );
    pairs
}

/// Whether two scenes have a mark in common (a bar or a count with the same key): the same
/// quantity drawn in both, which a transition can move. Rules, gridlines and the header's words
/// do not count: every chart has them; nor do dots, which mark events and table cells that no
/// two charts share.
pub fn share_marks(a: &Scene, b: &Scene) -> bool {
    a.bars.iter().any(|m| b.bar(&m.key).is_some())
        || a.units
            .iter()
            .any(|m| b.units.iter().any(|n| n.key == m.key))
}

/// The scene `t` of the way (already eased) from `from` to `to`.
///
/// Scenes that share marks morph: what the two have in common moves while what leaves shrinks
/// and fades and what arrives grows. Scenes that share none (two unrelated charts) go through the
/// background instead: the old marks leave in the first half and the new ones arrive in the
/// second, as their words do, so that no frame shows the two pictures over each other.
pub fn blend(from: &Scene, to: &Scene, t: f64) -> Scene {
    let t = t.clamp(0.0, 1.0);
    // How far what leaves has gone, and what arrives has come.
    let (gone, come) = if share_marks(from, to) {
        (t, t)
    } else {
        (1.0 - fade_out(t), fade_in(t))
    };
    let mut out = Scene::default();
    for pair in pair(&from.bars, &to.bars, |b| &b.key) {
        out.bars.push(match pair {
            (Some(a), Some(b)) => blend_bar(a, b, t),
            (None, Some(b)) => blend_bar(&b.collapsed(), b, come),
            (Some(a), None) => blend_bar(a, &a.collapsed(), gone),
            (None, None) => unreachable!("pair yields at least one side"),
        });
    }
    for pair in pair(&from.lines, &to.lines, |l| &l.key) {
        out.lines.push(match pair {
            (Some(a), Some(b)) => blend_line(a, b, t),
            (None, Some(b)) => blend_line(
                &Line {
                    colour: b.colour.fade(0.0),
                    ..b.clone()
                },
                b,
                come,
            ),
            (Some(a), None) => blend_line(
                a,
                &Line {
                    colour: a.colour.fade(0.0),
                    ..a.clone()
                },
                gone,
            ),
            (None, None) => unreachable!("pair yields at least one side"),
        });
    }
    for pair in pair(&from.dots, &to.dots, |d| &d.key) {
        out.dots.push(match pair {
            (Some(a), Some(b)) => blend_dot(a, b, t),
            (None, Some(b)) => blend_dot(
                &Dot {
                    radius: 0.0,
                    colour: b.colour.fade(0.0),
                    ..b.clone()
                },
                b,
                come,
            ),
            (Some(a), None) => blend_dot(
                a,
                &Dot {
                    radius: 0.0,
                    colour: a.colour.fade(0.0),
                    ..a.clone()
                },
                gone,
            ),
            (None, None) => unreachable!("pair yields at least one side"),
        });
    }
    for pair in pair(&from.units, &to.units, |u| &u.key) {
        let none = |u: &Units| Units {
            count: 0.0,
            ..u.clone()
        };
        out.units.push(match pair {
            (Some(a), Some(b)) => blend_units(a, b, t),
            (None, Some(b)) => blend_units(&none(b), b, come),
            (Some(a), None) => blend_units(a, &none(a), gone),
            (None, None) => unreachable!("pair yields at least one side"),
        });
    }
    for pair in pair(&from.labels, &to.labels, |l| &l.key) {
        match pair {
            (Some(a), Some(b)) => blend_label(a, b, t, &mut out.labels),
            (None, Some(b)) => out.labels.push(with_alpha(b, fade_in(t))),
            (Some(a), None) => out.labels.push(with_alpha(a, fade_out(t))),
            (None, None) => unreachable!("pair yields at least one side"),
        }
    }
    out.labels.retain(|l| l.colour.a > 0.0);
    out
}

/// A transition under way: where it started, where it goes, and when.
#[derive(Debug, Clone)]
pub struct Transition {
    pub from: Scene,
    pub to: Scene,
    pub start_ms: f64,
    pub duration_ms: f64,
}

impl Transition {
    /// The eased progress at `now_ms`, 0 to 1.
    pub fn progress(&self, now_ms: f64) -> f64 {
        if self.duration_ms <= 0.0 {
            return 1.0;
        }
        ease_in_out_cubic((now_ms - self.start_ms) / self.duration_ms)
    }

    pub fn done(&self, now_ms: f64) -> bool {
        now_ms - self.start_ms >= self.duration_ms
    }

    /// The scene to draw at `now_ms`.
    pub fn at(&self, now_ms: f64) -> Scene {
        if self.done(now_ms) {
            return self.to.clone();
        }
        blend(&self.from, &self.to, self.progress(now_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figures::Bound;
    use crate::draw::scene::{Anchor, Grow, Size};

    fn bar(key: &str, x1: f64) -> Bar {
        Bar {
            key: key.into(),
            rect: Rect {
                x0: 0.0,
                y0: 0.2,
                x1,
                y1: 0.4,
            },
            colour: Rgba::hex(0x000000),
            grow: Grow::Right,
            bound: Bound::Exact,
        }
    }

    fn with_bars(bars: Vec<Bar>) -> Scene {
        Scene {
            bars,
            ..Scene::default()
        }
    }

    fn label(key: &str, text: &str, x: f64) -> Label {
        Label {
            key: key.into(),
            text: text.into(),
            slot: Slot::Plot(x, 0.5),
            anchor: Anchor::Start,
            size: Size::Body,
            bold: false,
            colour: Rgba::hex(0x000000),
            nudge: 0.0,
            room: 0.0,
            short: String::new(),
        }
    }

    #[test]
    fn easing_is_anchored_symmetric_and_monotonic() {
        assert_eq!(ease_in_out_cubic(0.0), 0.0);
        assert_eq!(ease_in_out_cubic(1.0), 1.0);
        assert_eq!(ease_in_out_cubic(0.5), 0.5);
        assert_eq!(ease_in_out_cubic(-1.0), 0.0);
        assert_eq!(ease_in_out_cubic(2.0), 1.0);
        let mut last = 0.0;
        for i in 1..=100 {
            let v = ease_in_out_cubic(f64::from(i) / 100.0);
            assert!(v >= last);
            last = v;
        }
        assert!((ease_in_out_cubic(0.25) + ease_in_out_cubic(0.75) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn matched_bars_move_between_their_positions() {
        let a = with_bars(vec![bar("x", 0.2)]);
        let b = with_bars(vec![bar("x", 0.6)]);
        let mid = blend(&a, &b, 0.5);
        assert_eq!(mid.bars.len(), 1);
        assert!((mid.bars[0].rect.x1 - 0.4).abs() < 1e-12);
        assert_eq!(blend(&a, &b, 0.0), a);
        assert_eq!(blend(&a, &b, 1.0), b);
    }

    #[test]
    fn bars_enter_from_their_base_and_leave_to_it() {
        // The two scenes share a mark, so they morph.
        let a = with_bars(vec![bar("same", 0.3), bar("old", 0.5)]);
        let b = with_bars(vec![bar("same", 0.4), bar("new", 0.8)]);
        let start = blend(&a, &b, 0.0);
        let new = start.bar("new").unwrap();
        assert_eq!(
            new.rect.x1, new.rect.x0,
            "an entering bar starts with no length"
        );
        let end = blend(&a, &b, 1.0);
        let old = end.bar("old").unwrap();
        assert_eq!(
            old.rect.x1, old.rect.x0,
            "a leaving bar ends with no length"
        );
        assert_eq!(old.colour.a, 0.0);
    }

    #[test]
    fn changed_text_crossfades_and_unchanged_text_moves() {
        let a = Scene {
            labels: vec![label("v", "40%", 0.2), label("k", "same", 0.1)],
            ..with_bars(vec![bar("x", 0.2)])
        };
        let b = Scene {
            labels: vec![label("v", "64%", 0.6), label("k", "same", 0.3)],
            ..with_bars(vec![bar("x", 0.6)])
        };
        let early = blend(&a, &b, 0.25);
        assert_eq!(
            early.labels.iter().filter(|l| l.key == "v").count(),
            1,
            "the new text is invisible early: {early:?}"
        );
        assert_eq!(early.text("v"), Some("40%"));
        let late = blend(&a, &b, 0.75);
        assert_eq!(late.text("v"), Some("64%"));
        let moved = late.labels.iter().find(|l| l.key == "k").unwrap();
        assert_eq!(moved.slot, Slot::Plot(0.25, 0.5));
    }

    #[test]
    fn scenes_that_share_no_mark_fade_through_the_background_one_after_the_other() {
        let a = Scene {
            labels: vec![label("title", "Old", 0.0)],
            ..with_bars(vec![bar("old", 0.5)])
        };
        let b = Scene {
            labels: vec![label("title", "New", 0.0)],
            ..with_bars(vec![bar("new", 0.8)])
        };
        assert!(!share_marks(&a, &b));
        let visible = |s: &Scene, key: &str| {
            s.bar(key)
                .is_some_and(|m| m.colour.a > 0.0 && m.rect.x1 > m.rect.x0)
        };
        for i in 1..100 {
            let t = f64::from(i) / 100.0;
            let mid = blend(&a, &b, t);
            let (old, new) = (visible(&mid, "old"), visible(&mid, "new"));
            assert!(!(old && new), "both pictures at once at {t}: {mid:?}");
            let texts: Vec<&str> = mid
                .labels
                .iter()
                .filter(|l| l.colour.a > 0.0)
                .map(|l| l.text.as_str())
                .collect();
            assert!(texts.len() <= 1, "two titles at {t}: {texts:?}");
        }
        // At the ends, one picture each, whole.
        let (start, end) = (blend(&a, &b, 0.0), blend(&a, &b, 1.0));
        assert!(!visible(&start, "new") && start.bar("old") == a.bar("old"));
        assert!(!visible(&end, "old") && end.bar("new") == b.bar("new"));
        assert_eq!(
            (start.text("title"), end.text("title")),
            (Some("Old"), Some("New"))
        );
        // The old goes first, shrinking to its base; the new comes after, growing from its own.
        let (early, late) = (blend(&a, &b, 0.25), blend(&a, &b, 0.75));
        assert!(visible(&early, "old") && !visible(&early, "new"));
        assert!(visible(&late, "new") && !visible(&late, "old"));
        assert!((early.bar("old").unwrap().rect.x1 - 0.25).abs() < 1e-9);
        assert!((late.bar("new").unwrap().rect.x1 - 0.4).abs() < 1e-9);
    }

    #[test]
    fn a_transition_ends_exactly_on_its_target() {
        let a = with_bars(vec![bar("x", 0.2)]);
        let b = with_bars(vec![bar("x", 0.6)]);
        let tr = Transition {
            from: a.clone(),
            to: b.clone(),
            start_ms: 1000.0,
            duration_ms: DURATION_MS,
        };
        assert_eq!(tr.at(1000.0), a);
        assert!(!tr.done(1000.0 + DURATION_MS - 1.0));
        assert_eq!(tr.at(1000.0 + DURATION_MS), b);
        let instant = Transition {
            duration_ms: 0.0,
            ..tr
        };
        assert!(instant.done(1000.0));
        assert_eq!(instant.progress(0.0), 1.0);
    }
}
