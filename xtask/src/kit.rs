//! The newsroom kit in `dist/`: what an editor, a CMS or a social network needs besides the story
//! itself. Every chart as a PNG (`charts/`, listed with its alt text in `data/charts.json` and
//! `data/charts.csv`), a social card for each page (`cards/`), a page of its own for each chart
//! in each language (`embed/<id>.html`, `zh/embed/<id>.html`) that works without JavaScript,
//! oEmbed JSON for each (`oembed/`), and the head tags of every page (`social`).

use std::path::Path;

use crate::cards::{self, card_name, Card, CARD};
use crate::data::quote;
use crate::files;
use crate::page::{alone_svg_name, replace_once, EDITIONS, SIZE};
use crate::png::{self, png_name, Rasteriser, CHART_PNG};
use crate::prose::escape;
use crate::social::{into_head, json_ld, tags, Base, Head, Story, PUBLISHER};
use sensetime_explainer::chart::ChartId;
use sensetime_explainer::draw::theme::LIGHT;
use sensetime_explainer::host::embed::LINK_BAND;
use sensetime_explainer::host::embed::{chart_height, story_link, STORY_PAGE, STORY_PAGE_ZH};
use sensetime_explainer::lang::Lang;
use sensetime_explainer::story::steps::STEPS;
use sensetime_explainer::text::locale::Locale;

/// The width an embed code gives a chart's frame, in CSS pixels, and the height the chart's
/// page then takes: the chart as `embed.html` lays it out at that width, and its link band.
pub const EMBED_WIDTH: u32 = 640;
pub fn embed_height() -> u32 {
    (chart_height(f64::from(EMBED_WIDTH)) + LINK_BAND) as u32
}
/// The whole story's frame before `frames.js` sizes it to the story.
pub const STORY_FRAME: (u32, u32) = (640, 800);

/// One chart in one language, with everything said about it.
pub struct ChartInfo {
    pub chart: ChartId,
    pub lang: Lang,
    /// Its subject, as it stands alone ("SenseTime's sales by division").
    pub title: String,
    /// What the story finds in it ("Smart City's big share"): the headline of its social card,
    /// beside the chart titled with its subject.
    pub finding: String,
    /// Its credit line as it stands alone, on one line.
    pub source: String,
    pub alt: String,
    /// The story's step that shows it.
    pub step: &'static str,
}

impl ChartInfo {
    pub fn new(chart: ChartId, lang: Lang) -> ChartInfo {
        let locale = Locale {
            lang,
            ..Locale::default()
        };
        let built = chart.build_alone(&LIGHT, &locale);
        let text = |key| built.scene.text(key).unwrap_or_default().to_string();
        ChartInfo {
            chart,
            lang,
            title: text("title"),
            finding: chart
                .scene(&LIGHT, &locale)
                .text("title")
                .unwrap_or_default()
                .to_string(),
            source: text("source").replace('\n', " "),
            alt: built.description(),
            step: STEPS.iter().find(|s| s.chart == chart).map_or("", |s| s.id),
        }
    }

    /// Its page under `dist/`, and the way back from there to `dist/`.
    pub fn page(&self) -> (String, &'static str) {
        let page = format!(
            "{}embed/{}.html",
            self.lang.pick("", "zh/"),
            self.chart.id()
        );
        (page, self.lang.pick("../", "../../"))
    }

    /// Its oEmbed JSON under `dist/`.
    pub fn oembed(&self) -> String {
        format!(
            "oembed/{}{}.json",
            self.chart.id(),
            self.lang.pick("", ".zh")
        )
    }

    fn frame_title(&self) -> String {
        format!("{}{}", self.lang.pick("Chart: ", "图表："), self.title)
    }
}

/// Every chart in every language.
pub fn all_charts() -> Vec<ChartInfo> {
    ChartId::ALL
        .iter()
        .flat_map(|&c| Lang::ALL.map(|l| ChartInfo::new(c, l)))
        .collect()
}

/// The oEmbed answer for a frame at `src` (absolute), as JSON.
fn oembed_json(
    base: &Base,
    kind: &str,
    src: &str,
    title: &str,
    frame_title: &str,
    size: (u32, u32),
    thumbnail: (&str, (u32, u32)),
) -> Option<serde_json::Value> {
    let html = format!(
        "<iframe data-sensetime=\"{kind}\" src=\"{src}\" title=\"{}\" width=\"100%\" height=\"{}\"></iframe>\
         <script src=\"{}\" defer></script>",
        escape(frame_title),
        size.1,
        base.url("frames.js")?
    );
    Some(serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": PUBLISHER,
        "provider_url": base.url("")?,
        "title": title,
        "html": html,
        "width": size.0,
        "height": size.1,
        "thumbnail_url": base.url(thumbnail.0)?,
        "thumbnail_width": thumbnail.1 .0,
        "thumbnail_height": thumbnail.1 .1,
    }))
}

/// A chart's own page, from `embed.html` (`template`): the chart fixed by `data-query`, its
/// head tags, and its picture, text alternative and a link to the step of the story that shows
/// it: what readers without JavaScript get, and what every reader sees at first paint, in the
/// room the chart will take, until the Wasm's shadow root hides it.
pub fn chart_page(template: &str, info: &ChartInfo, base: &Base) -> Result<String, String> {
    let (path, root) = info.page();
    let lang = info.lang;
    let id = info.chart.id();
    let once = |html: &str, from: &str, to: &str| {
        replace_once(html, from, to).map_err(|e| format!("embed.html: {e}"))
    };
    let query = format!("chart={id}{}", lang.pick("", "&amp;lang=zh"));
    let mut html = once(
        template,
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\" data-query=\"{query}\">", lang.code()),
    )?;
    let start = html.find("<title>").ok_or("embed.html has no <title>")?;
    let end = html
        .find("</title>")
        .ok_or("embed.html's <title> is not closed")?;
    html.replace_range(
        start..end + "</title>".len(),
        &format!("<title>{}</title>", escape(&info.title)),
    );
    // Its own files from dist/'s root.
    for attr in ["href=\"", "src=\""] {
        html = html.replace(attr, &format!("{attr}{root}"));
    }
    let story = format!(
        "{root}{}#{}",
        lang.pick(STORY_PAGE, STORY_PAGE_ZH),
        info.step
    );
    // Inside the chart's own element, so the room it keeps for the chart holds the picture (with
    // JavaScript the chart's shadow root hides it).
    const MAIN: &str = "<main id=\"embed\"></main>";
    let start = html
        .find(MAIN)
        .ok_or_else(|| format!("embed.html has no {MAIN}"))?;
    let end = html
        .find("</noscript>")
        .ok_or("embed.html has no <noscript>")?;
    let (w, h) = SIZE;
    html.replace_range(
        start..end + "</noscript>".len(),
        &format!(
            "<main id=\"embed\"><figure class=\"embed-static\"><picture>\
             <source srcset=\"{root}charts/{dark}\" media=\"(prefers-color-scheme: dark)\">\
             <img src=\"{root}charts/{light}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\"></picture>\
             <figcaption><a href=\"{story}\" target=\"_blank\" rel=\"noopener\">{link}</a></figcaption>\
             </figure></main>",
            dark = alone_svg_name(info.chart, true, lang),
            light = alone_svg_name(info.chart, false, lang),
            alt = escape(&info.alt),
            link = escape(story_link(lang)),
        ),
    );
    let card = format!("{}/{}", cards::DIR, card_name(Some(info.chart), lang));
    let head = Head {
        lang,
        title: &info.title,
        description: &info.alt,
        kind: "website",
        path: &path,
        canonical: true,
        card: &card,
        card_alt: &info.alt,
        card_size: CARD,
        oembed: &info.oembed(),
    };
    let description = format!(
        "<meta name=\"description\" content=\"{}\">\n",
        escape(&info.alt)
    );
    into_head(&html, &format!("{description}{}", tags(&head, base)))
}

/// Writes the kit into `dist` (after the editions' pages, before minifying): see the module.
pub fn write(dist: &Path, base: &Base, rasteriser: &Rasteriser) -> Result<(), String> {
    if let Some(warning) = base.warning() {
        eprintln!("{warning}");
    }
    png::write_charts(dist, rasteriser)?;
    let charts = all_charts();
    let template = files::read(&dist.join("embed.html"))?;
    for info in &charts {
        let (page, _) = info.page();
        files::create_dir(dist.join(&page).parent().expect("a page in a directory"))?;
        files::write(&dist.join(&page), chart_page(&template, info, base)?)?;
        let card = Card {
            lang: info.lang,
            title: &info.finding,
            source: &info.source,
            chart: info.chart,
        };
        cards::write(
            dist,
            rasteriser,
            &card,
            &card_name(Some(info.chart), info.lang),
        )?;
        let json = base.url(&page).and_then(|src| {
            oembed_json(
                base,
                "chart",
                &src,
                &info.title,
                &info.frame_title(),
                (EMBED_WIDTH, embed_height()),
                (
                    &format!("charts/{}", png_name(info.chart, info.lang)),
                    CHART_PNG,
                ),
            )
        });
        write_oembed(dist, &info.oembed(), json)?;
    }
    let stories = write_stories(dist, base, rasteriser)?;
    write_listing(dist, &charts, base)?;
    let path = dist.join(PUBLISH);
    let page = publish_page(&files::read(&path)?, &stories, &charts)?;
    files::write(&path, page)
}

/// The publish page, under `dist/`.
pub const PUBLISH: &str = "publish.html";

/// The publish page with its choices written in: the whole story, then every chart, each with
/// what the page's script needs in both languages (titles, page, picture, frame height).
pub fn publish_page(html: &str, stories: &[Story], charts: &[ChartInfo]) -> Result<String, String> {
    const MARK: &str = "<!-- options:";
    let start = html
        .find(MARK)
        .ok_or_else(|| format!("{PUBLISH} has no `{MARK} …-->` for the choices"))?;
    let end = start + html[start..].find("-->").ok_or("an unclosed comment")? + "-->".len();
    let both =
        |name: &str, en: String, zh: String| [(name.to_string(), en), (format!("{name}-zh"), zh)];
    let mut options = String::new();
    let story = |lang: Lang| {
        stories
            .iter()
            .find(|s| s.lang == lang)
            .ok_or("no story in that language")
    };
    let (en, zh) = (story(Lang::EN)?, story(Lang::ZH)?);
    let mut pairs: Vec<(String, String)> = Vec::new();
    pairs.extend(both("title", en.headline.clone(), zh.headline.clone()));
    pairs.extend(both(
        "frame-title",
        en.headline.clone(),
        zh.headline.clone(),
    ));
    pairs.extend(both("page", "frame.html".into(), "zh/frame.html".into()));
    pairs.extend(both(
        "png",
        format!("{}/{}", cards::DIR, card_name(None, Lang::EN)),
        format!("{}/{}", cards::DIR, card_name(None, Lang::ZH)),
    ));
    pairs.push(("height".into(), STORY_FRAME.1.to_string()));
    let list = |pairs: &[(String, String)]| -> String {
        pairs
            .iter()
            .map(|(name, value)| format!(" data-{name}=\"{}\"", escape(value)))
            .collect()
    };
    options.push_str(&format!(
        "        <option value=\"story\"{}>The whole story</option>\n",
        list(&pairs)
    ));
    for (i, chart) in ChartId::ALL.iter().enumerate() {
        let of = |lang: Lang| {
            charts
                .iter()
                .find(|c| c.chart == *chart && c.lang == lang)
                .ok_or("a chart missing in one language")
        };
        let (en, zh) = (of(Lang::EN)?, of(Lang::ZH)?);
        let mut pairs: Vec<(String, String)> = Vec::new();
        pairs.extend(both("title", en.title.clone(), zh.title.clone()));
        pairs.extend(both("frame-title", en.frame_title(), zh.frame_title()));
        pairs.extend(both("page", en.page().0, zh.page().0));
        pairs.extend(both(
            "png",
            format!("charts/{}", png_name(*chart, Lang::EN)),
            format!("charts/{}", png_name(*chart, Lang::ZH)),
        ));
        pairs.push(("height".into(), embed_height().to_string()));
        options.push_str(&format!(
            "        <option value=\"{}\"{}{}>Chart: {}</option>\n",
            chart.id(),
            list(&pairs),
            if i == 0 { " selected" } else { "" },
            escape(&en.title)
        ));
    }
    Ok(format!(
        "{}{}{}",
        &html[..start],
        options.trim_start(),
        &html[end..]
    ))
}

fn write_oembed(dist: &Path, path: &str, json: Option<serde_json::Value>) -> Result<(), String> {
    if let Some(json) = json {
        files::create_dir(&dist.join("oembed"))?;
        let text = serde_json::to_string_pretty(&json).expect("JSON serializes");
        files::write(&dist.join(path), text + "\n")?;
    }
    Ok(())
}

/// Each edition's card, oEmbed JSON, head tags and JSON-LD, on its page and its frame page; returns
/// what each edition says of itself.
fn write_stories(dist: &Path, base: &Base, rasteriser: &Rasteriser) -> Result<Vec<Story>, String> {
    let mut stories = Vec::new();
    for edition in EDITIONS {
        let lang = edition.lang;
        let page_path = dist.join(edition.page);
        let html = files::read(&page_path)?;
        let story = Story::read(&html, lang).map_err(|e| format!("{}: {e}", edition.page))?;
        let card = format!("{}/{}", cards::DIR, card_name(None, lang));
        let card_words = Card {
            lang,
            title: &story.headline,
            source: &story.credit,
            chart: story.first_chart,
        };
        cards::write(dist, rasteriser, &card_words, &card_name(None, lang))?;
        let dir = edition.page.trim_end_matches("index.html");
        let oembed = format!("oembed/story{}.json", lang.pick("", ".zh"));
        let json = base.url(&format!("{dir}frame.html")).and_then(|src| {
            oembed_json(
                base,
                "story",
                &src,
                &story.headline,
                &story.headline,
                STORY_FRAME,
                (&card, CARD),
            )
        });
        write_oembed(dist, &oembed, json)?;
        let head = |canonical| Head {
            lang,
            title: &story.headline,
            description: &story.description,
            kind: "article",
            path: dir,
            canonical,
            card: &card,
            card_alt: &story.headline,
            card_size: CARD,
            oembed: &oembed,
        };
        let ld = json_ld(&story.json_ld(base, dir, &card));
        let page = into_head(&html, &format!("{}{ld}", tags(&head(true), base)))?;
        files::write(&page_path, page)?;
        let frame_path = page_path.with_file_name("frame.html");
        let frame = into_head(&files::read(&frame_path)?, &tags(&head(false), base))?;
        files::write(&frame_path, frame)?;
        stories.push(story);
    }
    Ok(stories)
}

/// `data/charts.json` and `data/charts.csv`: every chart's picture, with its size, title, alt
/// text and source, and its page, for an editor putting one in a newsletter (with the picture's
/// full address when `--base-url` gave one).
fn write_listing(dist: &Path, charts: &[ChartInfo], base: &Base) -> Result<(), String> {
    let rows: Vec<serde_json::Value> = charts
        .iter()
        .map(|info| {
            serde_json::json!({
                "id": info.chart.id(),
                "lang": info.lang.code(),
                "title": info.title,
                "alt": info.alt,
                "source": info.source,
                "png": format!("charts/{}", png_name(info.chart, info.lang)),
                "png_url": base.url(&format!("charts/{}", png_name(info.chart, info.lang))),
                "width": CHART_PNG.0,
                "height": CHART_PNG.1,
                "svg": format!("charts/{}", alone_svg_name(info.chart, false, info.lang)),
                "svg_dark": format!("charts/{}", alone_svg_name(info.chart, true, info.lang)),
                "card": format!("{}/{}", cards::DIR, card_name(Some(info.chart), info.lang)),
                "page": info.page().0,
                "step": info.step,
                "embed_height": embed_height(),
            })
        })
        .collect();
    let dir = dist.join("data");
    files::create_dir(&dir)?;
    let json = serde_json::to_string_pretty(&rows).expect("JSON serializes");
    files::write(&dir.join("charts.json"), json + "\n")?;
    let columns = [
        "id", "lang", "title", "png", "png_url", "width", "height", "alt", "source", "page",
    ];
    let mut csv = format!("\u{feff}{}\r\n", columns.join(","));
    for row in &rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| match &row[c] {
                serde_json::Value::String(s) => quote(s),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            })
            .collect();
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    }
    files::write(&dir.join("charts.csv"), csv)
}

#[cfg(test)]
#[path = "kit_tests.rs"]
mod tests;
