//! What a shared link, a search engine or a CMS reads from our pages' heads: Open Graph and
//! Twitter card tags, the canonical address, the oEmbed discovery link and, on the story, JSON-LD
//! (a `NewsArticle` and a `Dataset`). Injected into the built pages by `cargo xtask dist`, so the
//! pages in `www/` stay as their editors write them.
//!
//! Most of these must be absolute URLs, and only the deployer knows where `dist/` will live:
//! `cargo xtask dist --base-url <url>`. Without it those tags are left out, with a warning.

use crate::prose::escape;
use sensetime_explainer::chart::ChartId;
use sensetime_explainer::lang::Lang;

/// Who publishes the explainer, as oEmbed's `provider_name`, Open Graph's `og:site_name` and
/// JSON-LD's `publisher` name it.
pub const PUBLISHER: &str = "The SenseTime explainer";

/// The article the story is based on, for JSON-LD's `isBasedOn`.
pub const BASED_ON: (&str, &str, u16) = (
    "Can SenseTime become a Chinese AI champion?",
    "Financial Times",
    2021,
);

/// Where `dist/` is published, if the deployer said (`--base-url`): always ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Base(Option<String>);

impl Base {
    /// Reads `--base-url`'s value: an `http://` or `https://` address.
    pub fn parse(url: &str) -> Result<Base, String> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .filter(|r| !r.is_empty() && !r.starts_with('/'))
            .ok_or_else(|| {
                format!("--base-url {url}: give the absolute address dist/ will be published at, such as https://graphics.example/sensetime/")
            })?;
        if rest.contains(['?', '#', ' ', '"', '<', '>']) {
            return Err(format!(
                "--base-url {url}: an address with no query, fragment, spaces or quotes"
            ));
        }
        let slash = if url.ends_with('/') { "" } else { "/" };
        Ok(Base(Some(format!("{url}{slash}"))))
    }

    /// No address given.
    pub fn none() -> Base {
        Base(None)
    }

    /// `path` (relative to `dist/`) as an absolute URL, if the address is known.
    pub fn url(&self, path: &str) -> Option<String> {
        self.0.as_ref().map(|base| format!("{base}{path}"))
    }

    /// The warning for a build without an address, or none.
    pub fn warning(&self) -> Option<&'static str> {
        self.0.is_none().then_some(
            "warning: no --base-url given, so the pages leave out what must be an absolute URL: \
             og:image, og:url and Twitter images, canonical links, oEmbed discovery and its JSON, \
             and the URLs in the story's JSON-LD. Set it to where dist/ will be published: \
             `cargo xtask dist --base-url https://graphics.example/sensetime/`",
        )
    }
}

/// What the head of one page says about it.
pub struct Head<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub description: &'a str,
    /// `article` for the story, `website` for a chart's page.
    pub kind: &'a str,
    /// The page's own address under `dist/` (`""`, `zh/`, `embed/funding.html`), and whether to
    /// declare it canonical (frame pages point at their edition instead).
    pub path: &'a str,
    pub canonical: bool,
    /// The social card under `dist/` and what it shows.
    pub card: &'a str,
    pub card_alt: &'a str,
    pub card_size: (u32, u32),
    /// The oEmbed JSON under `dist/`.
    pub oembed: &'a str,
}

/// The tags of `head`, one a line; those that need absolute URLs only if `base` has one.
pub fn tags(head: &Head, base: &Base) -> String {
    let mut out = String::new();
    let mut meta = |attr: &str, name: &str, content: &str| {
        out.push_str(&format!(
            "<meta {attr}=\"{name}\" content=\"{}\">\n",
            escape(content)
        ));
    };
    let locale = head.lang.pick("en_GB", "zh_CN");
    let other = head.lang.pick("zh_CN", "en_GB");
    meta("property", "og:type", head.kind);
    meta("property", "og:site_name", PUBLISHER);
    meta("property", "og:title", head.title);
    meta("property", "og:description", head.description);
    meta("property", "og:locale", locale);
    meta("property", "og:locale:alternate", other);
    meta("name", "twitter:card", "summary_large_image");
    meta("name", "twitter:title", head.title);
    meta("name", "twitter:description", head.description);
    if let (Some(page), Some(card)) = (base.url(head.path), base.url(head.card)) {
        meta("property", "og:url", &page);
        meta("property", "og:image", &card);
        meta("property", "og:image:type", "image/png");
        meta("property", "og:image:width", &head.card_size.0.to_string());
        meta("property", "og:image:height", &head.card_size.1.to_string());
        meta("property", "og:image:alt", head.card_alt);
        meta("name", "twitter:image", &card);
        meta("name", "twitter:image:alt", head.card_alt);
        if head.canonical {
            out.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}\">\n",
                escape(&page)
            ));
        }
    }
    if let Some(oembed) = base.url(head.oembed) {
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
            escape(&oembed),
            escape(head.title)
        ));
    }
    out
}

/// `html` with `tags` at the end of its head.
pub fn into_head(html: &str, tags: &str) -> Result<String, String> {
    match html.matches("</head>").count() {
        1 => Ok(html.replacen("</head>", &format!("{tags}</head>"), 1)),
        n => Err(format!("expected one </head>, found {n}")),
    }
}

/// A `<script type="application/ld+json">` holding `value`, safe inside HTML.
pub fn json_ld(value: &serde_json::Value) -> String {
    let json = serde_json::to_string_pretty(value).expect("JSON serializes");
    format!(
        "<script type=\"application/ld+json\">\n{}\n</script>\n",
        json.replace("</", "<\\/")
    )
}

/// What the story's page says of itself, read from the built page.
pub struct Story {
    pub lang: Lang,
    pub headline: String,
    pub description: String,
    /// The first sentence of the credit line under the headline, naming the FT's article.
    pub credit: String,
    /// The chart of the first step, which the story's card shows.
    pub first_chart: ChartId,
}

impl Story {
    pub fn read(html: &str, lang: Lang) -> Result<Story, String> {
        let headline = element_text(html, "<h1")?;
        let credit = first_sentence(&element_text(html, "<p class=\"credit\"")?);
        let description = attribute_after(html, "<meta name=\"description\"", "content")?;
        let id = attribute_after(html, " data-chart=", "data-chart")?;
        let first_chart =
            ChartId::from_id(&id).ok_or_else(|| format!("a step names the unknown chart {id}"))?;
        Ok(Story {
            lang,
            headline,
            description,
            credit,
            first_chart,
        })
    }

    /// The JSON-LD of the story: the article and the dataset of its figures. `path` is the
    /// edition's address under `dist/`, `card` its social card's.
    pub fn json_ld(&self, base: &Base, path: &str, card: &str) -> serde_json::Value {
        let (title, publisher, year) = BASED_ON;
        let publisher_org = |name: &str, url: Option<String>| {
            let mut org = serde_json::json!({"@type": "Organization", "name": name});
            if let Some(url) = url {
                org["url"] = url.into();
            }
            org
        };
        let mut article = serde_json::json!({
            "@type": "NewsArticle",
            "headline": self.headline,
            "description": self.description,
            "inLanguage": self.lang.code(),
            "isBasedOn": {
                "@type": "NewsArticle",
                "headline": title,
                "datePublished": year.to_string(),
                "publisher": publisher_org(publisher, None),
            },
            "publisher": publisher_org(PUBLISHER, base.url("")),
        });
        let (name, about) = self.lang.pick(
            (
                "SenseTime explainer: every figure",
                "Every figure the explainer of SenseTime's 2021 IPO and its business with the Chinese state draws or cites, from the Financial Times' reporting and SenseTime's IPO filing, with its hedge (\"more than\", \"almost\"), unit, year and source.",
            ),
            (
                "商汤科技图解：全部数据",
                "商汤科技2021年香港上市及其与中国政府业务图解中绘制或引用的每一个数字，取自英国《金融时报》的报道和商汤科技的招股书，并注明其限定语（“超过”“近”）、单位、年份和来源。",
            ),
        );
        let mut dataset = serde_json::json!({
            "@type": "Dataset",
            "name": name,
            "description": about,
            "inLanguage": self.lang.code(),
            "creator": publisher_org(PUBLISHER, base.url("")),
            "isBasedOn": article["isBasedOn"].clone(),
        });
        if let (Some(page), Some(card)) = (base.url(path), base.url(card)) {
            article["url"] = page.clone().into();
            article["mainEntityOfPage"] = page.clone().into();
            article["image"] = card.into();
            dataset["url"] = page.into();
            dataset["distribution"] = serde_json::Value::Array(
                [
                    ("text/csv", "data/figures.csv"),
                    ("application/json", "data/figures.json"),
                ]
                .iter()
                .filter_map(|(kind, file)| {
                    Some(serde_json::json!({
                        "@type": "DataDownload",
                        "encodingFormat": kind,
                        "contentUrl": base.url(file)?,
                    }))
                })
                .collect(),
            );
        }
        serde_json::json!({"@context": "https://schema.org", "@graph": [article, dataset]})
    }
}

/// The text inside the first element opening with `open` (such as `<h1`), its tags dropped, its
/// character references read and its white space collapsed.
pub fn element_text(html: &str, open: &str) -> Result<String, String> {
    let at = html
        .find(open)
        .ok_or_else(|| format!("the page has no {open}…>"))?;
    let name: String = open[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let start = at + html[at..].find('>').ok_or("an unclosed tag")? + 1;
    let end = start
        + html[start..]
            .find(&format!("</{name}>"))
            .ok_or_else(|| format!("{open}…> is not closed"))?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Ok(unescape(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
    ))
}

/// `text` up to the end of its first sentence ("… noted." or "…撰写，…。").
fn first_sentence(text: &str) -> String {
    let end = [". ", "。"]
        .iter()
        .filter_map(|stop| text.find(stop).map(|at| at + stop.trim_end().len()))
        .min();
    end.map_or(text, |end| &text[..end]).to_string()
}

/// The value of `attribute` in the first tag that holds `marker`.
fn attribute_after(html: &str, marker: &str, attribute: &str) -> Result<String, String> {
    let at = html
        .find(marker)
        .ok_or_else(|| format!("the page has no {marker}"))?;
    let tag_end = at + html[at..].find('>').ok_or("an unclosed tag")?;
    let tag = &html[at..tag_end];
    let key = format!("{attribute}=\"");
    let start = tag
        .find(&key)
        .ok_or_else(|| format!("{marker} has no {attribute}"))?
        + key.len();
    let len = tag[start..].find('"').ok_or("an unclosed attribute")?;
    Ok(unescape(&tag[start..start + len]))
}

/// Text with the character references `escape` writes read back.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head() -> Head<'static> {
        Head {
            lang: Lang::EN,
            title: "A \"title\"",
            description: "What it is",
            kind: "article",
            path: "",
            canonical: true,
            card: "cards/story.png",
            card_alt: "A card",
            card_size: (1200, 630),
            oembed: "oembed/story.json",
        }
    }

    #[test]
    fn a_base_url_must_be_absolute_and_gets_its_slash() {
        let base = Base::parse("https://graphics.example/sensetime").unwrap();
        assert_eq!(
            base.url("cards/story.png").unwrap(),
            "https://graphics.example/sensetime/cards/story.png"
        );
        assert_eq!(
            Base::parse("http://127.0.0.1:8000/")
                .unwrap()
                .url("")
                .unwrap(),
            "http://127.0.0.1:8000/"
        );
        for bad in [
            "graphics.example/x",
            "/sensetime/",
            "https://",
            "ftp://x/",
            "https://x/?a",
        ] {
            let err = Base::parse(bad).unwrap_err();
            assert!(err.contains("--base-url"), "{bad}: {err}");
        }
        assert!(Base::none()
            .warning()
            .unwrap()
            .contains("--base-url https://"));
        assert!(base.warning().is_none());
    }

    #[test]
    fn without_a_base_url_only_the_relative_tags_are_written() {
        let none = tags(&head(), &Base::none());
        assert!(none.contains("<meta property=\"og:title\" content=\"A &quot;title&quot;\">"));
        assert!(none.contains("twitter:card"));
        for absolute in ["og:image", "og:url", "canonical", "oembed", "twitter:image"] {
            assert!(!none.contains(absolute), "{absolute}: {none}");
        }
        let base = Base::parse("https://g.example/s/").unwrap();
        let all = tags(&head(), &base);
        assert!(all.contains(
            "<meta property=\"og:image\" content=\"https://g.example/s/cards/story.png\">"
        ));
        assert!(all.contains("<link rel=\"canonical\" href=\"https://g.example/s/\">"));
        assert!(all.contains(
            "type=\"application/json+oembed\" href=\"https://g.example/s/oembed/story.json\""
        ));
        let frame = tags(
            &Head {
                canonical: false,
                ..head()
            },
            &base,
        );
        assert!(!frame.contains("canonical") && frame.contains("og:url"));
    }

    #[test]
    fn the_story_is_read_from_its_page() {
        let html = "<html><head><meta name=\"description\" content=\"About &amp; more\"></head>\
            <h1>SenseTime's <em>customer</em></h1><p class=\"credit\">Based on\n the FT</p>\
            <div class=\"step\" data-chart=\"revenue-mix\"></div>";
        let story = Story::read(html, Lang::EN).unwrap();
        assert_eq!(story.headline, "SenseTime's customer");
        assert_eq!(story.description, "About & more");
        assert_eq!(story.credit, "Based on the FT");
        assert_eq!(
            first_sentence("One “Why?” (2021). Two."),
            "One “Why?” (2021)."
        );
        assert_eq!(
            first_sentence("本文依据《文章》撰写。每张图表。"),
            "本文依据《文章》撰写。"
        );
        assert_eq!(story.first_chart, ChartId::RevenueMix);
        let err = Story::read("<p>nothing</p>", Lang::EN).err().unwrap();
        assert!(err.contains("<h1"), "{err}");
    }

    #[test]
    fn json_ld_is_kept_inside_its_script() {
        let script = json_ld(&serde_json::json!({"a": "</script><b>"}));
        assert_eq!(script.matches("</script>").count(), 1, "{script}");
        let inner = script
            .trim_start_matches("<script type=\"application/ld+json\">\n")
            .trim_end_matches("\n</script>\n");
        let value: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(value["a"], "</script><b>");
    }
}
