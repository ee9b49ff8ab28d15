//! Hit-testing: which mark a point on a drawn chart falls on, by the geometry it was drawn with,
//! with a minimum target size.

use super::layout::{unit_bounds, unit_side, Layout, TRAIL_REACH};
use super::scene::{Grow, Scene};
use crate::data::figures::Bound;

/// The smallest target a finger or pointer must hit, in CSS pixels (WCAG 2.2's minimum target size).
pub const TARGET: f64 = 24.0;

/// The length of (`dx`, `dy`): `f64::hypot` without its guard against overflow, which
/// distances on a canvas never need, and which the Wasm would carry for this alone.
fn distance(dx: f64, dy: f64) -> f64 {
    (dx * dx + dy * dy).sqrt()
}

/// The mark drawn at `point` (device pixels) on a `width` × `height` surface drawn by [`draw`](super::render::draw)
/// at `scale`: the key of the nearest bar or dot within reach, among those `wanted` accepts.
///
/// It works on the geometry `draw` used, not on pixels: a thin bar or a small dot is reachable
/// across a [`TARGET`]-sized box around it, and a hedged bar's open end counts as part of it.
/// Marks faded out (mid-transition) are not hit.
pub fn hit<'a>(
    scene: &'a Scene,
    (width, height, scale): (f64, f64, f64),
    (x, y): (f64, f64),
    wanted: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    let layout = Layout::for_scene(scene, width, height, scale);
    let reach = TARGET / 2.0 * layout.scale;
    // Among the marks whose target holds the point, the one whose drawn shape is nearest.
    let mut best: Option<(f64, &str)> = None;
    let mut consider = |distance: f64, key: &'a str| {
        if wanted(key) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, key));
        }
    };
    for bar in scene.bars.iter().filter(|b| b.colour.a > 0.5) {
        let mut r = layout.rect(bar.rect);
        if bar.bound == Bound::Lower {
            // The trailing strips beyond the end (see `render::draw_bar`).
            match bar.grow {
                Grow::Right => r.x1 += TRAIL_REACH * layout.scale,
                Grow::Up => r.y0 -= TRAIL_REACH * layout.scale,
                Grow::Left => r.x0 -= TRAIL_REACH * layout.scale,
            }
        }
        let (x0, x1) = (r.x0.min(r.x1), r.x0.max(r.x1));
        let (y0, y1) = (r.y0.min(r.y1), r.y0.max(r.y1));
        // How far the point lies outside the box along each axis (0 within its span).
        let (dx, dy) = ((x0 - x).max(x - x1).max(0.0), (y0 - y).max(y - y1).max(0.0));
        // The target: the box, grown around its centre to at least TARGET along each axis.
        let short = |lo: f64, hi: f64| (reach - (hi - lo) / 2.0).max(0.0);
        if dx <= short(x0, x1) && dy <= short(y0, y1) {
            consider(distance(dx, dy), &bar.key);
        }
    }
    let side = unit_side(scene, &layout);
    for units in scene
        .units
        .iter()
        .filter(|u| u.colour.a > 0.5 && u.count >= 1.0)
    {
        let b = unit_bounds(units, side, &layout);
        let (dx, dy) = (
            (b.x0 - x).max(x - b.x1).max(0.0),
            (b.y0 - y).max(y - b.y1).max(0.0),
        );
        if dx <= reach / 2.0 && dy <= reach / 2.0 {
            consider(distance(dx, dy), &units.key);
        }
    }
    for dot in scene.dots.iter().filter(|d| d.colour.a > 0.5) {
        let (cx, cy) = layout.point(dot.at.0, dot.at.1);
        let (centre, radius) = (distance(x - cx, y - cy), dot.radius * layout.scale);
        if centre <= radius.max(reach) {
            consider((centre - radius).max(0.0), &dot.key);
        }
    }
    best.map(|(_, key)| key)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::ChartId;
    use crate::draw::scene::Bar;
    use crate::draw::theme::LIGHT;
    use crate::text::locale::Locale;

    #[test]
    fn a_point_inside_a_bar_finds_it_and_a_point_far_outside_finds_nothing() {
        let scene = ChartId::Funding.scene(&LIGHT, &Locale::default());
        let size = (600.0, 480.0, 1.0);
        let layout = Layout::for_scene(&scene, size.0, size.1, size.2);
        let bar = layout.rect(
            scene
                .bar("raised")
                .expect("the funding chart has a raised bar")
                .rect,
        );
        let inside = ((bar.x0 + bar.x1) / 2.0, (bar.y0 + bar.y1) / 2.0);
        assert_eq!(hit(&scene, size, inside, |_| true), Some("raised"));
        let ipo = layout.rect(scene.bar("ipo").expect("and an ipo bar").rect);
        assert_eq!(
            hit(&scene, size, (ipo.x0 + 2.0, ipo.y1 - 2.0), |_| true),
            Some("ipo")
        );
        // Far below the last bar, in the note; and in the title.
        assert_eq!(hit(&scene, size, (inside.0, 470.0), |_| true), None);
        assert_eq!(hit(&scene, size, (20.0, 10.0), |_| true), None);
        // A key the caller does not want is never returned.
        assert_eq!(hit(&scene, size, inside, |k| k != "raised"), None);
    }

    #[test]
    fn thin_marks_are_reachable_across_a_target_sized_box_and_scale_with_the_screen() {
        use crate::draw::scene::Rect as R;
        let funding = ChartId::Funding.scene(&LIGHT, &Locale::default());
        let template = funding
            .bar("ipo")
            .expect("the funding chart has an ipo bar");
        // A bar 0.01 of the plot high: a few pixels, much thinner than a finger.
        let thin = Bar {
            key: "thin".into(),
            rect: R {
                x0: 0.0,
                y0: 0.5,
                x1: 0.4,
                y1: 0.51,
            },
            bound: Bound::Exact,
            ..template.clone()
        };
        let scene = Scene {
            bars: vec![thin],
            ..Scene::default()
        };
        for scale in [1.0, 3.0] {
            let size = (390.0 * scale, 420.0 * scale, scale);
            let layout = Layout::new(size.0, size.1, scale);
            let bar = layout.rect(scene.bars[0].rect);
            let mid_y = (bar.y0 + bar.y1) / 2.0;
            assert!(bar.y1 - bar.y0 < 5.0 * scale);
            // Above the bar but within half a target of its centre line: still the bar.
            let near = mid_y - (TARGET / 2.0 - 1.0) * scale;
            assert_eq!(
                hit(&scene, size, (bar.x0 + 5.0, near), |_| true),
                Some("thin"),
                "scale {scale}"
            );
            // Beyond half a target: nothing; likewise past its end.
            let far = mid_y - (TARGET / 2.0 + 1.0) * scale;
            assert_eq!(
                hit(&scene, size, (bar.x0 + 5.0, far), |_| true),
                None,
                "scale {scale}"
            );
            assert_eq!(
                hit(&scene, size, (bar.x1 + 13.0 * scale, mid_y), |_| true),
                None,
                "scale {scale}"
            );
        }
    }

    #[test]
    fn dots_are_hit_around_their_centre() {
        let scene = ChartId::Timeline.scene(&LIGHT, &Locale::default());
        let size = (600.0, 480.0, 1.0);
        let layout = Layout::new(size.0, size.1, size.2);
        let dot = &scene.dots[0];
        let (cx, cy) = layout.point(dot.at.0, dot.at.1);
        assert_eq!(
            hit(&scene, size, (cx + 3.0, cy - 3.0), |_| true),
            Some(dot.key.as_str())
        );
        assert_eq!(hit(&scene, size, (cx, cy + 200.0), |k| k == dot.key), None);
    }
}
