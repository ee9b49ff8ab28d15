//! Text that never clips: every chart, in every language and currency mode, at the widths it is
//! read at, from a 280 px phone to an 840 px article column, keeps each text inside the canvas
//! and off every other text. Widths are estimated from the characters (`layout::label_box`),
//! erring wide.

use super::id::ChartId;
use crate::draw::layout::{label_box, Layout};
use crate::draw::scene::Rect;
use crate::draw::theme::LIGHT;
use crate::text::locale::Locale;

/// Canvas sizes in CSS pixels, as the story gives them in Chromium: phones 280 × 653,
/// 320 × 568 and 390 × 844, a 600 px tablet and an 840 px column (measured with the page's
/// own CSS; the chart is the graphic panel less its one line of tools).
const SIZES: [(f64, f64); 5] = [
    (264.0, 311.0),
    (304.0, 264.0),
    (374.0, 416.0),
    (584.0, 480.0),
    (824.0, 502.0),
];

fn overlap(a: &Rect, b: &Rect) -> bool {
    // A pixel of slack: boxes that touch do not collide.
    a.x0 + 1.0 < b.x1 && b.x0 + 1.0 < a.x1 && a.y0 + 1.0 < b.y1 && b.y0 + 1.0 < a.y1
}

#[test]
fn every_text_fits_the_canvas_and_clears_the_others_at_every_width() {
    let mut problems = Vec::new();
    for chart in ChartId::ALL {
        for locale in Locale::all() {
            let scene = chart.scene(&LIGHT, &locale);
            for (w, h) in SIZES {
                let layout = Layout::for_scene(&scene, w, h, 1.0);
                let boxes: Vec<(&str, &str, Rect)> = scene
                    .labels
                    .iter()
                    .filter(|l| !l.text.is_empty())
                    .map(|l| (l.key.as_str(), l.text.as_str(), label_box(l, &layout)))
                    .collect();
                let at = format!("{} {locale:?} {w}x{h}", chart.id());
                for (key, text, b) in &boxes {
                    if b.x0 < 0.0 || b.y0 < 0.0 || b.x1 > w || b.y1 > h {
                        problems.push(format!(
                            "{at}: {key} {text:?} leaves the canvas ({:.0}..{:.0} of {w})",
                            b.x0, b.x1
                        ));
                    }
                }
                for bar in &scene.bars {
                    let r = layout.rect(bar.rect);
                    for (key, text, b) in &boxes {
                        if overlap(b, &r) {
                            problems
                                .push(format!("{at}: {key} {text:?} sits on the bar {}", bar.key));
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
