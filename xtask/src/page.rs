//! Build-time page assembly: each step gets its chart as a static SVG (light and dark, drawn by the
//! same Rust chart code as the canvas) with a text alternative and a data table, for readers
//! without JavaScript or Wasm, screen readers, crawlers and print.

use std::path::{Path, PathBuf};

use crate::assets::Pkg;
use crate::builds::{Build, Role};
use crate::files;
use crate::picture;
use crate::prose::{self, escape};
use crate::server::STYLE_SHEET;
use crate::svg::{chart_svg, standalone_svg};
use sensetime_explainer::chart::ChartId;
use sensetime_explainer::draw::theme::{DARK, LIGHT};
use sensetime_explainer::host::embed;
use sensetime_explainer::lang::Lang;
use sensetime_explainer::text::locale::Locale;

/// The static charts' size in CSS pixels; they scale down with the column.
pub const SIZE: (u32, u32) = (640, 520);

/// One edition of the page: its language, and where `dist/` is from its directory.
#[derive(Debug, Clone, Copy)]
pub struct Edition {
    pub lang: Lang,
    /// The page's path under `dist/`.
    pub page: &'static str,
    /// `dist/`'s root, relative to the page.
    pub root: &'static str,
}

impl Edition {
    /// The Wasm build the page loads (`framed`: its frame page).
    pub fn build(self, framed: bool) -> &'static Build {
        Build::of(Role::Story {
            lang: self.lang,
            framed,
        })
    }
}

/// The English page and the Simplified Chinese one.
pub const EDITIONS: [Edition; 2] = [
    Edition {
        lang: Lang::EN,
        page: embed::STORY_PAGE,
        root: "",
    },
    Edition {
        lang: Lang::ZH,
        page: embed::STORY_PAGE_ZH,
        root: "../",
    },
];

/// The file name of a static chart as the story shows it: `funding.svg`, `funding-dark.zh.svg`.
pub fn svg_name(state: ChartId, dark: bool, lang: Lang) -> String {
    svg_file(state.id(), dark, lang)
}

/// The file name of a static chart as it stands alone (`ChartId::build_alone`: titled with its
/// subject, its calculations credited by name), for the embeds' pages and the newsroom kit:
/// `funding-alone.svg`, `funding-alone-dark.zh.svg`.
pub fn alone_svg_name(state: ChartId, dark: bool, lang: Lang) -> String {
    svg_file(&format!("{}-alone", state.id()), dark, lang)
}

fn svg_file(stem: &str, dark: bool, lang: Lang) -> String {
    let theme = if dark { "-dark" } else { "" };
    let lang = lang.pick("", ".zh");
    format!("{stem}{theme}{lang}.svg")
}

/// The static chart, its text alternative and its data table, for one chart, as
/// `edition` shows it (money as reported: the static page has no currency control).
///
/// The picture comes inside `<noscript>`: a browser running scripts keeps that as text and never
/// builds the twelve pictures the interactive story hides. `main.js` builds them where they stand
/// if they are wanted after all (the Wasm failed, or the page is printed). The data table is
/// outside it: every reader can open it.
pub fn chart_markup(state: ChartId, edition: Edition) -> String {
    let lang = edition.lang;
    let built = state.build(
        &LIGHT,
        &Locale {
            lang,
            ..Locale::default()
        },
    );
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
    let root = edition.root;
    let (summary, figure, value, year, source) = lang.pick(
        ("Data for this chart", "Figure", "Value", "Year", "Source"),
        ("本图数据", "项目", "数值", "年份", "来源"),
    );
    format!(
        "\n        <figure class=\"static-chart\">\
         <noscript><picture><source srcset=\"{root}charts/{dark}\" media=\"screen and (prefers-color-scheme: dark)\">\
         <img src=\"{root}charts/{light}\" width=\"{w}\" height=\"{h}\" loading=\"lazy\" alt=\"{alt}\"></picture></noscript>\
         <details class=\"chart-data\"><summary>{summary}</summary>\
         <table><caption>{title}</caption>\
         <thead><tr><th scope=\"col\">{figure}</th><th scope=\"col\">{value}</th><th scope=\"col\">{year}</th><th scope=\"col\">{source}</th></tr></thead>\
         <tbody>{rows}</tbody></table></details></figure>",
        dark = svg_name(state, true, lang),
        light = svg_name(state, false, lang),
        alt = escape(&built.description()),
    )
}

/// `html` with each step's static chart placed at the end of the step, after its text.
///
/// A step is `<div class="step" … data-chart="…">` holding paragraphs only, so it ends at the
/// first `</div>` after its opening tag.
pub fn inject(html: &str, edition: Edition) -> Result<String, String> {
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
        let state = ChartId::from_id(id)
            .ok_or_else(|| format!("a step names the unknown chart \"{id}\""))?;
        let end = value_start
            + rest[value_start..]
                .find(END)
                .ok_or_else(|| format!("the step showing \"{id}\" is not closed"))?;
        out.push_str(&rest[..end]);
        out.push_str(&chart_markup(state, edition));
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

/// `html` with the preloads of its Wasm build (`framed`: its frame page's) before its script, so
/// the glue and the Wasm download while `main.js` does; the files named as `pkg` says.
pub fn with_preloads(
    html: &str,
    edition: Edition,
    framed: bool,
    pkg: &Pkg,
) -> Result<String, String> {
    let root = edition.root;
    let script = format!("<script type=\"module\" src=\"{root}main.js\"></script>");
    let build = edition.build(framed);
    let (Some(glue), Some(wasm)) = (pkg.glue(build), pkg.wasm(build)) else {
        // Not built yet (`cargo xtask serve` serves the English story first).
        return in_page(replace_once(html, &script, &script), edition);
    };
    // At low priority: the first paint needs the page and its style sheet, not the Wasm (the
    // opening chart is a picture in the page), so on a slow connection they go first.
    let preloads = format!(
        "<link rel=\"modulepreload\" href=\"{root}pkg/{glue}\" fetchpriority=\"low\">\n\
         <link rel=\"preload\" href=\"{root}pkg/{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin fetchpriority=\"low\">\n"
    );
    in_page(
        replace_once(html, &script, &format!("{preloads}{script}")),
        edition,
    )
}

/// `text` with `from`, which it must hold exactly once, replaced by `to`.
pub fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("expected `{from}` once, found it {n} times")),
    }
}

/// `result`, its error naming the edition's page.
fn in_page(result: Result<String, String>, edition: Edition) -> Result<String, String> {
    result.map_err(|e| format!("{}: {e}", edition.page))
}

/// Writes every edition's page under `dist` with its figures filled in (and no number that is not
/// a figure's), its static charts and its preloads, and its
/// `frame.html` beside it (see [`frame_page`]).
pub fn write_editions(dist: &Path, pkg: &Pkg) -> Result<(), String> {
    for edition in EDITIONS {
        let path = dist.join(edition.page);
        let filled = prose::fill(&files::read(&path)?, edition.lang)
            .map_err(|e| format!("{}: {e}", edition.page))?;
        // The prose as written; the charts' tables added next are drawn from the figures.
        let stray = prose::stray_numbers(&filled, edition.lang);
        if !stray.is_empty() {
            return Err(format!(
                "{}: numbers that no figure gives; name the figure as {{{{id}}}} instead:\n{}",
                edition.page,
                stray.join("\n")
            ));
        }
        let html = inject(&filled, edition).map_err(|e| format!("{}: {e}", edition.page))?;
        let html = with_first_picture(&html, edition)?;
        files::write(&path, with_preloads(&html, edition, false, pkg)?)?;
        let frame = frame_page(&with_preloads(&html, edition, true, pkg)?, edition)?;
        files::write(&frame_path(&path), frame)?;
    }
    Ok(())
}

/// Writes the site's `style.css` (minified by then) into each edition's page and frame page, in
/// place of their link to it: a first paint that waits for no second request, one round trip
/// sooner on a phone's connection. The site's policy allows exactly this sheet by its hash
/// (`server::csp`), and `main.js` links the file instead where a host's older policy blocks it.
/// `publish.html` keeps its link.
pub fn inline_style(dist: &Path) -> Result<(), String> {
    let css = files::read(&dist.join(STYLE_SHEET))?;
    for edition in EDITIONS {
        let page = dist.join(edition.page);
        for path in [frame_path(&page), page] {
            let html = with_style(&files::read(&path)?, &css, edition.root)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            files::write(&path, html)?;
        }
    }
    Ok(())
}

/// Where an edition's frame page (see [`frame_page`]) is written: beside the edition's page.
fn frame_path(page: &Path) -> PathBuf {
    page.with_file_name("frame.html")
}

/// `html` with `css` inline where it links the style sheet at `root`.
pub fn with_style(html: &str, css: &str, root: &str) -> Result<String, String> {
    if css.to_ascii_lowercase().contains("</style") {
        return Err(format!(
            "{STYLE_SHEET} holds `</style`, which would end it inline"
        ));
    }
    let link = format!("<link rel=\"stylesheet\" href=\"{root}{STYLE_SHEET}\">");
    replace_once(html, &link, &format!("<style>{css}</style>"))
}

/// `html` with the opening chart's pictures in place of [`picture::MARK`] (see `picture`).
pub fn with_first_picture(html: &str, edition: Edition) -> Result<String, String> {
    let pictures = picture::markup(edition.lang);
    in_page(replace_once(html, picture::MARK, &pictures), edition)
}

/// The page for a host page's frame (`frame.html` beside the edition's page), from the edition's
/// finished page preloading the frame build (so a framed reader downloads one Wasm, not two):
/// the same article, marked `data-frame` so `main.js` loads the frame build, which follows the
/// host page; its link to the other edition going to that edition's frame page; and kept out of
/// search results in favour of the edition's own page.
pub fn frame_page(html: &str, edition: Edition) -> Result<String, String> {
    let once = |html: &str, from: &str, to: &str| in_page(replace_once(html, from, to), edition);
    let html = once(html, "<html ", "<html data-frame ")?;
    let html = once(
        &html,
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"./\">",
    )?;
    // The other edition's address is its directory (`zh/`, `../`).
    const SWITCH: &str = "class=\"lang-switch\" href=\"";
    let at = html
        .find(SWITCH)
        .ok_or_else(|| format!("{}: no link to the other edition", edition.page))?
        + SWITCH.len();
    let end = at
        + html[at..]
            .find('"')
            .ok_or("the lang-switch href is not closed")?;
    if !html[at..end].ends_with('/') {
        return Err(format!(
            "{}: the other edition's link should be its directory, not `{}`",
            edition.page,
            &html[at..end]
        ));
    }
    Ok(format!("{}frame.html{}", &html[..end], &html[end..]))
}

/// Writes every chart as SVG under `dist/charts/`, in both themes and both languages, as the
/// story shows it and as it stands alone.
pub fn write_static_charts(dist: &Path) -> Result<(), String> {
    let dir = dist.join("charts");
    files::create_dir(&dir)?;
    for state in ChartId::ALL {
        for lang in Lang::ALL {
            for (dark, theme) in [(false, &LIGHT), (true, &DARK)] {
                let story = chart_svg(state, theme, lang, SIZE);
                files::write(&dir.join(svg_name(state, dark, lang)), story)?;
                let alone = standalone_svg(state, theme, lang, SIZE);
                files::write(&dir.join(alone_svg_name(state, dark, lang)), alone)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page as written in `www/`.
    fn www(path: &str) -> String {
        files::read(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../www")
                .join(path),
        )
        .unwrap()
    }

    #[test]
    fn a_chart_comes_with_its_description_and_its_table() {
        let html = chart_markup(ChartId::Helmets, EDITIONS[0]);
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
        let out = inject(&page, EDITIONS[0]).unwrap();
        let steps = page.matches(" data-chart=\"").count();
        assert!(steps >= 10);
        assert_eq!(
            out.matches("<figure class=\"static-chart\">").count(),
            steps
        );
        for state in ChartId::ALL {
            assert!(
                out.contains(&format!("charts/{}.svg", state.id())),
                "{}",
                state.id()
            );
        }
    }

    #[test]
    fn the_chinese_edition_has_the_english_pages_steps_and_figures() {
        // Each step's opening tag, in order: the web layer and `inject` match on them.
        let steps = |page: &str| -> Vec<String> {
            page.match_indices("<div class=\"step\"")
                .map(|(at, _)| page[at..at + page[at..].find('>').unwrap()].to_string())
                .collect()
        };
        let (english, chinese) = (www("index.html"), www("zh/index.html"));
        assert!(steps(&english).len() >= 10);
        assert_eq!(steps(&chinese), steps(&english));
        assert_eq!(
            chinese.matches("<strong>").count(),
            english.matches("<strong>").count(),
            "every highlighted figure is translated, none added"
        );
    }

    #[test]
    fn each_page_preloads_its_own_build_and_no_other() {
        let pkg = Pkg::unfingerprinted();
        for edition in EDITIONS {
            let page = www(edition.page);
            for framed in [false, true] {
                let out = with_preloads(&page, edition, framed, &pkg).unwrap();
                let root = edition.root;
                let (glue, wasm) = (edition.build(framed).glue(), edition.build(framed).wasm());
                assert!(out.contains(&format!(
                    "<link rel=\"modulepreload\" href=\"{root}pkg/{glue}\" fetchpriority=\"low\">\n\
                     <link rel=\"preload\" href=\"{root}pkg/{wasm}\" as=\"fetch\" \
                     type=\"application/wasm\" crossorigin fetchpriority=\"low\">\n\
                     <script type=\"module\" src=\"{root}main.js\"></script>"
                )));
                assert_eq!(out.matches("pkg/").count(), 2, "{}", edition.page);
            }
        }
    }

    #[test]
    fn a_marker_is_replaced_only_where_it_stands_exactly_once() {
        assert_eq!(
            replace_once("a <!-- x --> b", "<!-- x -->", "y").unwrap(),
            "a y b"
        );
        let twice = replace_once("<!-- x --><!-- x -->", "<!-- x -->", "y").unwrap_err();
        assert_eq!(twice, "expected `<!-- x -->` once, found it 2 times");
        assert!(replace_once("", "<!-- x -->", "y")
            .unwrap_err()
            .contains("found it 0 times"));
    }

    #[test]
    fn the_style_sheet_goes_inline_where_the_page_links_it_once() {
        let page = "<head><link rel=\"stylesheet\" href=\"../style.css\"></head>";
        assert_eq!(
            with_style(page, "p{color:red}", "../").unwrap(),
            "<head><style>p{color:red}</style></head>"
        );
        // Each edition's own page links it as `with_style` looks for it.
        for edition in EDITIONS {
            let html = www(edition.page);
            assert!(
                with_style(&html, "p{}", edition.root).is_ok(),
                "{}",
                edition.page
            );
        }
        let err = with_style(page, "p{}", "").unwrap_err();
        assert!(err.contains("href=\"style.css\""), "{err}");
        let err = with_style(page, "p{content:\"</STYLE>\"}", "../").unwrap_err();
        assert!(err.contains("</style"), "{err}");
    }

    #[test]
    fn each_edition_has_a_frame_page() {
        for edition in EDITIONS {
            let page = www(edition.page);
            let frame = frame_page(&page, edition).unwrap();
            assert!(frame.contains("<html data-frame lang="), "{}", edition.page);
            assert!(frame.contains("<meta name=\"robots\" content=\"noindex\">"));
            let other = if edition.lang == Lang::EN {
                "href=\"zh/frame.html\""
            } else {
                "href=\"../frame.html\""
            };
            assert!(frame.contains(other), "{}", edition.page);
            // Everything else is the article as it is.
            let undone = frame
                .replacen("<html data-frame ", "<html ", 1)
                .replacen(
                    "\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"./\">",
                    "",
                    1,
                )
                .replacen("frame.html\"", "\"", 1);
            assert!(undone == page, "{}: only those changes", edition.page);
        }
    }

    #[test]
    fn a_page_the_frame_page_cannot_be_made_from_is_refused() {
        let edition = EDITIONS[0];
        let err = frame_page("<html lang=\"en\"><p>No head.</p>", edition).unwrap_err();
        assert!(
            err.contains("index.html") && err.contains("<meta charset"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_chart_fails_the_build_naming_it() {
        let err = inject(
            r#"<div class="step" id="x" data-chart="pie"><p>x</p></div>"#,
            EDITIONS[0],
        )
        .unwrap_err();
        assert!(err.contains("\"pie\""), "{err}");
        assert!(inject("<p>no steps</p>", EDITIONS[0]).is_err());
        assert!(inject(
            r#"<div class="step" id="x" data-chart="grants"><p>x</p>"#,
            EDITIONS[0]
        )
        .is_err());
    }

    #[test]
    fn the_picture_waits_in_noscript_and_the_data_table_does_not() {
        let out = chart_markup(ChartId::Funding, EDITIONS[0]);
        let (open, close) = (
            out.find("<noscript>").unwrap(),
            out.find("</noscript>").unwrap(),
        );
        let (picture, picture_end) = (
            out.find("<picture>").unwrap(),
            out.find("</picture>").unwrap(),
        );
        assert!(open < picture && picture_end < close, "{out}");
        assert_eq!(out.matches("<noscript>").count(), 1, "{out}");
        let table = out.find("<details class=\"chart-data\">").unwrap();
        assert!(close < table, "the data table is for every reader: {out}");
    }

    #[test]
    fn the_chart_follows_the_steps_text() {
        let out = inject(
            r#"<div class="step" id="x" data-chart="grants"><p>Text.</p></div><p>After.</p>"#,
            EDITIONS[0],
        )
        .unwrap();
        let text = out.find("Text.").unwrap();
        let chart = out.find("static-chart").unwrap();
        let close = out.find("</div><p>After.").unwrap();
        assert!(text < chart && chart < close, "{out}");
    }

    #[test]
    fn svgs_are_written_for_both_themes_and_languages() {
        let dir = std::env::temp_dir().join(format!("xtask-charts-{}", std::process::id()));
        write_static_charts(&dir).unwrap();
        let read = |state, dark, lang| {
            std::fs::read_to_string(dir.join("charts").join(svg_name(state, dark, lang))).unwrap()
        };
        for state in ChartId::ALL {
            let (light, dark) = (read(state, false, Lang::EN), read(state, true, Lang::EN));
            let zh = read(state, false, Lang::ZH);
            assert!(
                light.starts_with("<svg") && dark.starts_with("<svg") && zh.starts_with("<svg")
            );
            assert_ne!(light, dark);
            assert_ne!(light, zh);
            assert!(read(state, true, Lang::ZH).starts_with("<svg"));
        }
        assert_eq!(
            svg_name(ChartId::Grants, true, Lang::ZH),
            "grants-dark.zh.svg"
        );
        // Standing alone, a chart is titled with its subject: the embeds' pages show that one.
        for lang in Lang::ALL {
            let alone = std::fs::read_to_string(dir.join("charts").join(alone_svg_name(
                ChartId::Grants,
                false,
                lang,
            )))
            .unwrap();
            assert!(alone.contains(ChartId::Grants.subject(lang)), "{alone}");
            assert!(!read(ChartId::Grants, false, lang).contains(ChartId::Grants.subject(lang)));
        }
        assert_eq!(
            alone_svg_name(ChartId::Grants, true, Lang::ZH),
            "grants-alone-dark.zh.svg"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_chinese_page_gets_chinese_charts_from_the_site_root() {
        let page =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../www/zh/index.html"))
                .unwrap();
        let out = inject(&page, EDITIONS[1]).unwrap();
        assert!(
            out.contains(r#"src="../charts/helmets.zh.svg""#),
            "relative to /zh/"
        );
        assert!(out.contains(r#"srcset="../charts/helmets-dark.zh.svg""#));
        assert!(out.contains("<summary>本图数据</summary>"));
        assert!(out.contains("英国《金融时报》"), "Chinese source credits");
        assert!(!out.contains("Data for this chart"));
    }
    #[test]
    fn every_number_in_both_editions_comes_from_the_figures() {
        for edition in EDITIONS {
            let page = www(edition.page);
            let built = prose::fill(&page, edition.lang).unwrap();
            assert!(!built.contains("{{"), "{}", edition.page);
            let stray = prose::stray_numbers(&built, edition.lang);
            assert!(
                stray.is_empty(),
                "{}: numbers in the prose that no figure gives; name the figure as {{{{id}}}} instead:\n{}",
                edition.page,
                stray.join("\n")
            );
        }
    }

    #[test]
    fn the_prose_names_its_figures_rather_than_writing_them() {
        // Each edition fills its numbers from the figures: a page that writes them out by hand
        // passes the check above while drifting from the data, so count the placeholders.
        for edition in EDITIONS {
            let page = www(edition.page);
            let strong = page.matches("<strong>").count();
            let named = page.matches("<strong>{{").count();
            assert!(strong >= 20, "{}: {strong}", edition.page);
            assert_eq!(
                named, strong,
                "{}: every highlighted number names its figure",
                edition.page
            );
        }
    }
}
