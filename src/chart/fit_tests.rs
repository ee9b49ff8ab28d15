//! Text that never clips: every chart, in every language and currency mode, at the widths it is
//! read at, from a 280 px phone to an 840 px article column, keeps each text inside the canvas
//! and off every other text, every mark and every line (gridlines, ticks, rules, connectors: no
//! line runs through a label). Widths are estimated from the characters (`layout::label_box`),
//! erring wide.

use super::id::ChartId;
use crate::draw::layout::{label_box, unit_bounds, unit_side, Layout};
use crate::draw::scene::{Rect, Scene};
use crate::draw::theme::LIGHT;
use crate::text::locale::Locale;

/// Canvas sizes in CSS pixels, as the story gives them in Chromium: phones 280 × 653, 320 × 568
/// and 390 × 844, a 1280 × 800 desktop, a 600 px tablet and an 840 px column (measured with the
/// page's own CSS; the chart is the graphic panel less its one line of tools).
const SIZES: [(f64, f64); 6] = [
    (264.0, 311.0),
    (304.0, 264.0),
    (374.0, 416.0),
    (464.0, 480.0),
    (584.0, 480.0),
    (824.0, 502.0),
];

/// Whether the segment from `a` to `b`, `width` device pixels thick, crosses `r` (Liang–Barsky
/// clipping of the segment against the box grown by half the stroke).
fn crosses(a: (f64, f64), b: (f64, f64), width: f64, r: &Rect) -> bool {
    // As for two boxes, a pixel of slack: a line that grazes a text's box does not cross it.
    let grow = width / 2.0 - 1.0;
    let (x0, x1, y0, y1) = (r.x0 - grow, r.x1 + grow, r.y0 - grow, r.y1 + grow);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - x0),
        (dx, x1 - a.0),
        (-dy, a.1 - y0),
        (dy, y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    // A pixel of slack: boxes that touch do not collide.
    a.x0 + 1.0 < b.x1 && b.x0 + 1.0 < a.x1 && a.y0 + 1.0 < b.y1 && b.y0 + 1.0 < a.y1
}

/// What clips or collides in `scene` drawn on a `w` × `h` CSS pixel canvas, each problem
/// prefixed with `at`: a text leaving the canvas, or sitting on another text, a bar or a count's
/// marks, or crossed by a line; a count's marks leaving the plot. Also used for the charts as
/// embeds lay them out (`host::embed`'s tests).
pub(crate) fn problems(scene: &Scene, at: &str, (w, h): (f64, f64)) -> Vec<String> {
    let mut problems = Vec::new();
    let layout = Layout::for_scene(scene, w, h, 1.0);
    let boxes: Vec<(&str, &str, Rect)> = scene
        .labels
        .iter()
        .filter(|l| !l.text.is_empty())
        .map(|l| (l.key.as_str(), l.text.as_str(), label_box(l, &layout)))
        .collect();
    let at = format!("{at} {w}x{h}");
    for (key, text, b) in &boxes {
        if b.x0 < 0.0 || b.y0 < 0.0 || b.x1 > w || b.y1 > h {
            problems.push(format!(
                "{at}: {key} {text:?} leaves the canvas ({:.0}..{:.0} of {w})",
                b.x0, b.x1
            ));
        }
    }
    let side = unit_side(scene, &layout);
    for units in &scene.units {
        let r = unit_bounds(units, side, &layout);
        for (key, text, b) in &boxes {
            if overlap(b, &r) {
                problems.push(format!(
                    "{at}: {key} {text:?} sits on the marks {}",
                    units.key
                ));
            }
        }
        if r.y1 > layout.plot.y1 + 1.0 || r.x1 > layout.plot.x1 + 1.0 {
            problems.push(format!("{at}: the marks {} leave the plot", units.key));
        }
    }
    for bar in &scene.bars {
        let r = layout.rect(bar.rect);
        for (key, text, b) in &boxes {
            if overlap(b, &r) {
                problems.push(format!("{at}: {key} {text:?} sits on the bar {}", bar.key));
            }
        }
    }
    for line in &scene.lines {
        let (from, to) = (
            layout.point(line.from.0, line.from.1),
            layout.point(line.to.0, line.to.1),
        );
        for (key, text, b) in &boxes {
            if crosses(from, to, line.width * layout.scale, b) {
                problems.push(format!(
                    "{at}: the line {} runs through {key} {text:?}",
                    line.key
                ));
            }
        }
    }
    for (i, (key, text, b)) in boxes.iter().enumerate() {
        for (other, other_text, c) in &boxes[i + 1..] {
            if overlap(b, c) {
                problems.push(format!(
                    "{at}: {key} {text:?} overlaps {other} {other_text:?}"
                ));
            }
        }
    }
    problems
}

#[test]
fn every_text_fits_the_canvas_and_clears_the_others_at_every_width() {
    let mut problems = Vec::new();
    for chart in ChartId::ALL {
        for locale in Locale::all() {
            let scene = chart.scene(&LIGHT, &locale);
            for size in SIZES {
                problems.extend(self::problems(
                    &scene,
                    &format!("{} {locale:?}", chart.id()),
                    size,
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} texts clip or collide:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
