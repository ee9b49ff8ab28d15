//! Build-time page assembly: each step gets its chart as a static SVG (light and dark, drawn by the
//! same Rust chart code as the canvas) with a text alternative and a data table, for readers
//! without JavaScript or Wasm, screen readers, crawlers and print.

use std::path::Path;

use sensetime_explainer::charts::ChartState;
use sensetime_explainer::locale::Locale;
use sensetime_explainer::render::to_svg;
use sensetime_explainer::theme::{DARK, LIGHT};

/// The static charts' size in CSS pixels; they scale down with the column.
pub const SIZE: (u32, u32) = (640, 520);

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The static chart, its text alternative and its data table, for one chart state.
pub fn chart_markup(state: ChartState) -> String {
    let built = state.build(&LIGHT, &Locale::default());
    let id = state.id();
    let title = escape(built.scene.text("title").unwrap_or_default());
    let mut rows = String::new();
    for row in built.table() {
        let year = row.year.map_or(String::new(), |y| y.to_string());
        rows.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{year}</td><td>{}</td></tr>",
            escape(row.label),
            escape(&row.value),
            escape(row.source)
        ));
    }
    let (w, h) = SIZE;
    format!(
        "\n        <figure class=\"static-chart\">\
         <picture><source srcset=\"charts/{id}-dark.svg\" media=\"screen and (prefers-color-scheme: dark)\">\
         <img src=\"charts/{id}.svg\" width=\"{w}\" height=\"{h}\" loading=\"lazy\" alt=\"{alt}\"></picture>\
         <details class=\"chart-data\"><summary>Data for this chart</summary>\
         <table><caption>{title}</caption>\
         <thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th><th scope=\"col\">Year</th><th scope=\"col\">Source</th></tr></thead>\
         <tbody>{rows}</tbody></table></details></figure>",
        alt = escape(&built.description()),
    )
}

/// `html` with each step's static chart placed at the end of the step, after its text.
///
/// A step is `<div class="step" … data-chart="…">` holding paragraphs only, so it ends at the
/// first `</div>` after its opening tag.
pub fn inject(html: &str) -> Result<String, String> {
    const MARK: &str = " data-chart=\"";
    const END: &str = "</div>";
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    let mut placed = 0;
    while let Some(at) = rest.find(MARK) {
        let value_start = at + MARK.len();
        let value_len = rest[value_start..]
            .find('"')
            .ok_or("a data-chart attribute is not closed")?;
        let id = &rest[value_start..value_start + value_len];
        let state = ChartState::from_id(id)
            .ok_or_else(|| format!("a step names the unknown chart {id:?}"))?;
        let end = value_start
            + rest[value_start..]
                .find(END)
                .ok_or_else(|| format!("the step showing {id:?} is not closed"))?;
        out.push_str(&rest[..end]);
        out.push_str(&chart_markup(state));
        out.push_str("\n      ");
        rest = &rest[end..];
        placed += 1;
    }
    out.push_str(rest);
    if placed == 0 {
        return Err("the page has no steps with data-chart".into());
    }
    Ok(out)
}

/// Writes `charts/<state>.svg` and `charts/<state>-dark.svg` under `dist`.
pub fn write_static_charts(dist: &Path) -> Result<(), String> {
    let dir = dist.join("charts");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for state in ChartState::ALL {
        for (suffix, theme) in [("", &LIGHT), ("-dark", &DARK)] {
            let file = dir.join(format!("{}{suffix}.svg", state.id()));
            let svg = to_svg(&state.scene(theme, &Locale::default()), theme, SIZE);
            std::fs::write(&file, svg)
                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom's & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn a_chart_comes_with_its_description_and_its_table() {
        let html = chart_markup(ChartState::Helmets);
        assert!(
            html.contains(r#"src="charts/helmets.svg""#)
                && html.contains(r#"srcset="charts/helmets-dark.svg""#)
        );
        assert!(
            html.contains("Before: under 50%"),
            "the alt text carries the hedged numbers: {html}"
        );
        assert!(
            html.contains(
                "<th scope=\"row\">Riders wearing helmets, before</th><td>under 50%</td>"
            ),
            "{html}"
        );
        assert!(html.contains("Financial Times (2021)"));
    }

    #[test]
    fn every_step_of_the_real_page_gets_its_chart() {
        let page =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/index.html"))
                .unwrap();
        let out = inject(&page).unwrap();
        let steps = page.matches(" data-chart=\"").count();
        assert!(steps >= 10);
        assert_eq!(
            out.matches("<figure class=\"static-chart\">").count(),
            steps
        );
        for state in ChartState::ALL {
            assert!(
                out.contains(&format!("charts/{}.svg", state.id())),
                "{}",
                state.id()
            );
        }
    }

    #[test]
    fn the_chinese_edition_has_the_english_pages_steps_and_figures() {
        let read = |path: &str| {
            std::fs::read_to_string(format!("{}/../www/{path}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
        };
        // Each step's opening tag, in order: the web layer and `inject` match on them.
        let steps = |page: &str| -> Vec<String> {
            page.match_indices("<div class=\"step\"")
                .map(|(at, _)| page[at..at + page[at..].find('>').unwrap()].to_string())
                .collect()
        };
        let (english, chinese) = (read("index.html"), read("zh/index.html"));
        assert!(steps(&english).len() >= 10);
        assert_eq!(steps(&chinese), steps(&english));
        assert_eq!(
            chinese.matches("<strong>").count(),
            english.matches("<strong>").count(),
            "every highlighted figure is translated, none added"
        );
    }

    #[test]
    fn an_unknown_chart_fails_the_build_naming_it() {
        let err =
            inject(r#"<div class="step" id="x" data-chart="pie"><p>x</p></div>"#).unwrap_err();
        assert!(err.contains("\"pie\""), "{err}");
        assert!(inject("<p>no steps</p>").is_err());
        assert!(inject(r#"<div class="step" id="x" data-chart="grants"><p>x</p>"#).is_err());
    }

    #[test]
    fn the_chart_follows_the_steps_text() {
        let out = inject(
            r#"<div class="step" id="x" data-chart="grants"><p>Text.</p></div><p>After.</p>"#,
        )
        .unwrap();
        let text = out.find("Text.").unwrap();
        let chart = out.find("static-chart").unwrap();
        let close = out.find("</div><p>After.").unwrap();
        assert!(text < chart && chart < close, "{out}");
    }

    #[test]
    fn svgs_are_written_for_both_themes() {
        let dir = std::env::temp_dir().join(format!("xtask-charts-{}", std::process::id()));
        write_static_charts(&dir).unwrap();
        for state in ChartState::ALL {
            let light =
                std::fs::read_to_string(dir.join(format!("charts/{}.svg", state.id()))).unwrap();
            let dark = std::fs::read_to_string(dir.join(format!("charts/{}-dark.svg", state.id())))
                .unwrap();
            assert!(light.starts_with("<svg") && dark.starts_with("<svg"));
            assert_ne!(light, dark);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
