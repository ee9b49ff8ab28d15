//! The web layer in a real browser (headless Chromium through wasm-bindgen-test): canvas sizing, pixels, exports.
#![cfg(target_arch = "wasm32")]

use sensetime_explainer::chart::ChartId;
use sensetime_explainer::draw::theme::LIGHT;
use sensetime_explainer::web::{draw_chart, draw_chart_at, figures};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A canvas in the document with the given CSS size.
fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window()
        .expect("a window")
        .document()
        .expect("a document");
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("a canvas element");
    canvas
        .set_attribute(
            "style",
            &format!("width:{width}px;height:{height}px;display:block"),
        )
        .expect("style");
    document
        .body()
        .expect("a body")
        .append_child(&canvas)
        .expect("appended");
    canvas
}

/// The canvas's pixels as RGBA bytes.
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("2d")
        .expect("a 2d context")
        .dyn_into()
        .expect("a 2d context");
    context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("pixels")
        .data()
        .0
}

fn count_colour(px: &[u8], rgb: (u8, u8, u8)) -> usize {
    px.chunks_exact(4)
        .filter(|p| (p[0], p[1], p[2]) == rgb && p[3] == 255)
        .count()
}

#[wasm_bindgen_test]
fn the_backing_store_is_css_size_times_pixel_ratio() {
    let c = canvas(320, 240);
    draw_chart(c.clone(), "funding", false, None, None).expect("funding draws");
    let ratio = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    assert_eq!(c.width(), (320.0 * ratio).round() as u32);
    assert_eq!(c.height(), (240.0 * ratio).round() as u32);
}

#[wasm_bindgen_test]
fn a_chart_paints_its_background_and_its_bars() {
    let c = canvas(480, 400);
    draw_chart(c.clone(), "revenue-mix", false, None, None).expect("revenue mix draws");
    let px = pixels(&c);
    let total = px.len() / 4;
    let bg = LIGHT.background;
    let background = count_colour(&px, (bg.r, bg.g, bg.b));
    assert!(
        background > total / 2,
        "mostly background: {background} of {total}"
    );
    let city = LIGHT.city;
    let red = count_colour(&px, (city.r, city.g, city.b));
    // The Smart City bar: 40% of 70% of the plot width, 9% of its height; well over a thousand pixels.
    assert!(
        red > 1_000,
        "the Smart City bar should be drawn in its colour: {red} pixels"
    );
}

#[wasm_bindgen_test]
fn different_charts_draw_different_pictures() {
    let a = canvas(400, 300);
    let b = canvas(400, 300);
    draw_chart(a.clone(), "funding", false, None, None).unwrap();
    draw_chart(b.clone(), "grants", false, None, None).unwrap();
    assert_ne!(pixels(&a), pixels(&b));
}

#[wasm_bindgen_test]
fn every_chart_draws_without_error() {
    for chart in ChartId::ALL {
        let c = canvas(360, 420);
        draw_chart(c.clone(), chart.id(), false, None, None)
            .unwrap_or_else(|e| panic!("{}: {e:?}", chart.id()));
        let px = pixels(&c);
        let bg = LIGHT.background;
        let ink = px
            .chunks_exact(4)
            .filter(|p| (p[0], p[1], p[2]) != (bg.r, bg.g, bg.b))
            .count();
        assert!(
            ink > 500,
            "{} looks blank: {ink} non-background pixels",
            chart.id()
        );
    }
}

#[wasm_bindgen_test]
fn the_dark_theme_paints_a_dark_background() {
    let c = canvas(300, 200);
    draw_chart(c.clone(), "cities", true, None, None).unwrap();
    let px = pixels(&c);
    let bg = sensetime_explainer::draw::theme::DARK.background;
    assert!(
        count_colour(&px, (bg.r, bg.g, bg.b)) > px.len() / 8,
        "mostly dark background"
    );
}

#[wasm_bindgen_test]
fn a_chart_saved_as_an_image_is_drawn_at_the_asked_size_and_scale_off_screen() {
    let document = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    draw_chart_at(c.clone(), "revenue-mix", 480, 400, 2, false, None, None)
        .expect("draws off screen");
    assert_eq!((c.width(), c.height()), (960, 800));
    // The same picture as on a 480 x 400 screen at twice the density: the bar is four times the pixels.
    let px = pixels(&c);
    let city = LIGHT.city;
    let red = count_colour(&px, (city.r, city.g, city.b));
    assert!(red > 4_000, "the Smart City bar at scale 2: {red} pixels");
    assert!(draw_chart_at(c, "pie", 10, 10, 2, false, None, None).is_err());
}

#[wasm_bindgen_test]
fn an_unknown_chart_is_refused_with_the_known_ids() {
    let c = canvas(100, 100);
    let err = draw_chart(c, "pie", false, None, None).expect_err("there is no pie chart");
    let message = err.as_string().expect("a string message");
    assert!(
        message.contains("unknown chart \"pie\"") && message.contains("revenue-mix"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn figures_reach_javascript_as_plain_objects() {
    let value = figures().expect("figures serialize");
    let array: js_sys::Array = value.dyn_into().expect("an array");
    assert_eq!(
        array.length() as usize,
        sensetime_explainer::data::figures::all().len()
    );
    let first = array.get(0);
    let get = |key: &str| js_sys::Reflect::get(&first, &key.into()).expect("a property");
    assert_eq!(get("id").as_string().as_deref(), Some("ipo_target"));
    assert_eq!(get("unit").as_string().as_deref(), Some("USD"));
    assert_eq!(get("value").as_f64(), Some(2e9));
    assert!(
        get("hedge").is_null(),
        "a missing hedge is null, not undefined"
    );
    let raised = array.get(1);
    let hedge = js_sys::Reflect::get(&raised, &"hedge".into()).unwrap();
    assert_eq!(hedge.as_string().as_deref(), Some("more than"));
}

/// Our patched plotters-canvas (vendor/plotters-canvas) writes alpha and font sizes with integer
/// arithmetic; the browser must read the same colour and size as before.
#[wasm_bindgen_test]
fn the_patched_canvas_backend_writes_alpha_and_font_sizes_the_browser_reads() {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let canvas = canvas(200, 100);
    let area = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .expect("a backend")
        .into_drawing_area();
    let quarter = RGBColor(10, 20, 30).mix(0.25);
    let style = TextStyle::from(("serif", 12.5).into_font())
        .color(&quarter)
        .pos(Pos::new(HPos::Left, VPos::Top));
    area.draw(&Text::new("x", (5, 5), style)).expect("drawn");
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("context")
        .expect("2d")
        .dyn_into()
        .expect("a 2d context");
    assert_eq!(context.font(), "12.5px serif");
    assert_eq!(
        context.fill_style().as_string().as_deref(),
        Some("rgba(10, 20, 30, 0.25)")
    );
}

/// Our patched plotters-canvas (vendor/plotters-canvas) skips setting a style the context already
/// has. A run of elements that keep changing colour, width, font and alignment (and a rotated text,
/// whose save/restore puts styles back) must come out exactly as when each element is drawn by a
/// fresh backend, which knows nothing of what the one before it set.
#[wasm_bindgen_test]
fn the_patched_canvas_backend_sets_every_style_that_changes() {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    use plotters::style::FontTransform;
    type Area = DrawingArea<plotters_canvas::CanvasBackend, plotters::coord::Shift>;
    type Step<'a> = Box<dyn Fn(&Area) + 'a>;
    let red = RGBColor(200, 30, 30);
    let blue = RGBColor(20, 40, 210).mix(0.75);
    let text = |size: f64, color: &dyn Color, h: HPos| {
        let mut style =
            TextStyle::from(("sans-serif", size).into_font()).pos(Pos::new(h, VPos::Center));
        style.color = color.to_backend_color();
        style
    };
    let steps: Vec<Step<'_>> = vec![
        Box::new(|a| {
            a.draw(&Rectangle::new([(0, 0), (60, 30)], red.filled()))
                .unwrap()
        }),
        Box::new(move |a| {
            a.draw(&Text::new(
                "Rmb3.4bn",
                (70, 15),
                text(14.0, &blue, HPos::Left),
            ))
            .unwrap()
        }),
        Box::new(|a| {
            a.draw(&Rectangle::new([(0, 40), (60, 70)], red.filled()))
                .unwrap()
        }),
        Box::new(move |a| {
            a.draw(&Text::new(
                "40%",
                (100, 55),
                text(20.0, &blue, HPos::Center),
            ))
            .unwrap()
        }),
        Box::new(move |a| {
            let style = text(14.0, &red, HPos::Left).transform(FontTransform::Rotate90);
            a.draw(&Text::new("2019", (180, 10), style)).unwrap()
        }),
        Box::new(move |a| {
            a.draw(&Text::new(
                "Rmb3.4bn",
                (70, 85),
                text(14.0, &blue, HPos::Left),
            ))
            .unwrap()
        }),
        Box::new(|a| {
            a.draw(&PathElement::new(
                vec![(0, 95), (150, 95)],
                red.stroke_width(3),
            ))
            .unwrap()
        }),
        Box::new(|a| {
            a.draw(&PathElement::new(
                vec![(0, 105), (150, 105)],
                blue.stroke_width(1),
            ))
            .unwrap()
        }),
        Box::new(|a| {
            a.draw(&Polygon::new(
                vec![(10, 110), (50, 110), (30, 130)],
                blue.filled(),
            ))
            .unwrap()
        }),
        Box::new(|a| {
            a.draw(&Circle::new((100, 120), 8, red.stroke_width(2)))
                .unwrap()
        }),
        Box::new(move |a| {
            a.draw(&Text::new("17m", (190, 120), text(12.0, &red, HPos::Right)))
                .unwrap()
        }),
    ];
    let backend = |c: &HtmlCanvasElement| {
        plotters_canvas::CanvasBackend::with_canvas_object(c.clone())
            .expect("a backend")
            .into_drawing_area()
    };
    let sized = || {
        let c = canvas(200, 140);
        c.set_width(200);
        c.set_height(140);
        c
    };
    let one = sized();
    let shared = backend(&one);
    for step in &steps {
        step(&shared);
    }
    let fresh = sized();
    for step in &steps {
        step(&backend(&fresh));
    }
    let (a, b) = (pixels(&one), pixels(&fresh));
    let inked = a.chunks_exact(4).filter(|p| p[3] != 0).count();
    assert!(inked > 2_000, "the elements were drawn: {inked} pixels");
    let differ = a
        .chunks_exact(4)
        .zip(b.chunks_exact(4))
        .filter(|(x, y)| x != y)
        .count();
    assert_eq!(
        differ, 0,
        "pixels that differ from drawing each element afresh"
    );
}

/// A script embed's `data-options` reach the Wasm through serde-wasm-bindgen: good ones draw the
/// chart, a bad value gives a notice that names the option and what it found.
#[wasm_bindgen_test]
fn script_embed_options_cross_through_serde() {
    use sensetime_explainer::web::mount_chart;
    let document = web_sys::window()
        .expect("a window")
        .document()
        .expect("a document");
    let mount = |json: &str| {
        let host: web_sys::HtmlElement = document
            .create_element("div")
            .expect("div")
            .dyn_into()
            .expect("an element");
        host.set_attribute("style", "width:480px").expect("style");
        document
            .body()
            .expect("a body")
            .append_child(&host)
            .expect("append");
        let options = js_sys::JSON::parse(json).expect("test options are JSON");
        mount_chart(
            host.clone(),
            "revenue-mix",
            options,
            None,
            "https://example.org/",
        );
        let root = host.shadow_root().expect("an open shadow root");
        let notice = root
            .query_selector("[role=note]")
            .expect("a selector")
            .map(|n| n.text_content().unwrap_or_default());
        let canvas = root.query_selector("canvas").expect("a selector").is_some();
        host.remove();
        (notice, canvas)
    };
    let (notice, canvas) = mount(r#"{"theme": "dark", "height": 400, "lang": "en"}"#);
    assert_eq!((notice, canvas), (None, true));
    let (notice, canvas) = mount(r#"{"height": "tall"}"#);
    let notice = notice.expect("a notice for a height that is not a number");
    assert!(
        notice.contains("`height` should be a whole number of pixels, not the string"),
        "{notice}"
    );
    assert!(notice.contains("tall"), "{notice}");
    assert!(!canvas, "no chart under a notice");
    let (notice, _) = mount(r#"{"height": 400.5}"#);
    assert!(notice.expect("a notice").contains("not a number"));
    let (notice, _) = mount(r#"{"colour": "red"}"#);
    assert!(notice.expect("a notice").contains("unknown field `colour`"));
    let (notice, _) = mount(r#"{"lang": ["zh"]}"#);
    assert!(notice.expect("a notice").contains("not a list"));
}
