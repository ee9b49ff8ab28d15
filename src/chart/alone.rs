//! A chart standing alone: embedded in another site's article, on its own page, as a PNG. There
//! the story's finding ("Smart City's big share") is a claim without the story that makes it,
//! and "our calculation" would be read as the host's. A chart standing alone is titled with its
//! subject, and its credits say whose calculation it is.

use super::builder::Chart;
use super::id::ChartId;
use crate::draw::theme::Theme;
use crate::lang::{Lang, Words};
use crate::text::locale::Locale;

/// What each chart shows, English beside Chinese: its subject, without a finding, and in other
/// words than its subtitle, which stands under it.
fn subject(chart: ChartId) -> Words {
    match chart {
        ChartId::Funding => ("SenseTime's funding and IPO plan", "商汤的融资与上市计划"),
        ChartId::Peers => ("China's four AI hopefuls", "中国四家人工智能新秀"),
        ChartId::RevenueTrend => ("SenseTime's revenue by year", "商汤历年营收"),
        ChartId::RevenueMix => ("SenseTime's sales by division", "商汤各业务销售额占比"),
        ChartId::Customers => ("SenseTime's biggest buyers", "商汤的大客户"),
        ChartId::Cities => ("Smart cities in China", "中国的智慧城市"),
        ChartId::Detection => ("SenseTime's claimed accuracy", "商汤宣称的识别准确率"),
        ChartId::Helmets => ("Helmet wearing in one city", "某城市的头盔佩戴率"),
        ChartId::Megvii => ("SenseTime and Megvii compared", "商汤与旷视对比"),
        ChartId::Timeline => ("SenseTime's timeline", "商汤时间线"),
        ChartId::Mentions => ("Words in SenseTime's IPO papers", "商汤招股书的用词"),
        ChartId::Grants => ("State support for SenseTime", "国家对商汤的资助"),
        ChartId::Ties => ("SenseTime's ties to the state", "商汤与政府的联系"),
    }
}

impl ChartId {
    /// What the chart shows, as the title of a chart standing alone: "SenseTime's sales by
    /// division", where the story says "Smart City's big share".
    pub fn subject(self, lang: Lang) -> &'static str {
        lang.say(subject(self))
    }

    /// The chart as it stands alone: titled with its subject, its calculations credited to
    /// the SenseTime explainer team, in its credit line and its tooltips.
    pub fn build_alone(self, theme: &Theme, locale: &Locale) -> Chart {
        let mut chart = self.build(theme, locale);
        chart.alone = true;
        let (subject, credit) = (self.subject(locale.lang), chart.sources());
        if let Some(title) = chart.label_mut("title") {
            title.text = subject.to_string();
        }
        if let Some(source) = chart.label_mut("source") {
            source.text = credit;
        }
        chart
    }
}

#[cfg(test)]
mod tests {
    use crate::chart::tests::everything;
    use crate::draw::theme::LIGHT;
    use crate::text::format;

    /// Words of `title` that `subtitle` repeats, if any: two words running in English ("Key
    /// dates"), four characters in Chinese (one word is often three: 销售额, "sales").
    fn echo(title: &str, subtitle: &str) -> Option<String> {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        if title.is_ascii() {
            let (t, s) = (words(title), words(subtitle));
            return t
                .windows(2)
                .find(|pair| s.windows(2).any(|other| other == *pair))
                .map(|pair| pair.join(" "));
        }
        let chars: Vec<char> = title.chars().collect();
        chars
            .windows(4)
            .map(|run| run.iter().collect::<String>())
            .find(|run| subtitle.contains(run.as_str()))
    }

    #[test]
    fn a_title_and_subtitle_that_say_the_same_words_are_found() {
        assert_eq!(
            echo("Key dates for SenseTime", "Key dates; long gaps cut short"),
            Some("key dates".into())
        );
        assert_eq!(
            echo("商汤销售额的客户构成", "2020年销售额的客户构成").as_deref(),
            Some("销售额的")
        );
        assert_eq!(
            echo("SenseTime's sales by division", "SenseTime's 2020 sales"),
            None
        );
        assert_eq!(echo("商汤各业务销售额占比", "商汤2020年销售额"), None);
    }

    #[test]
    fn a_chart_standing_alone_names_its_subject_and_whose_calculation_it_shows() {
        for (chart, locale, story) in everything() {
            let alone = chart.build_alone(&LIGHT, &locale);
            let lang = locale.lang;
            let title = alone.scene.text("title").unwrap();
            assert_eq!(title, chart.subject(lang));
            assert_ne!(Some(title), story.scene.text("title"), "{}", chart.id());
            assert!(
                format::width(title) <= 32,
                "{} {locale:?}: {title:?} fits a phone",
                chart.id()
            );
            assert!(alone.description().starts_with(title));
            let subtitle = alone.scene.text("subtitle").unwrap();
            assert_eq!(
                echo(title, subtitle),
                None,
                "{} {locale:?}: the title {title:?} says again what its subtitle {subtitle:?} says",
                chart.id()
            );
            // Everything else is the story's chart.
            assert_eq!(alone.scene.bars, story.scene.bars);
            assert_eq!(alone.scene.text("subtitle"), story.scene.text("subtitle"));
            // Nothing it says is "ours"; the calculation is the team's, where there is one.
            let source = alone.scene.text("source").unwrap();
            let tips = alone.marks.iter().filter_map(|(k, _)| alone.tooltip(k));
            for words in std::iter::once(source.to_string()).chain(tips) {
                assert!(
                    !words.contains("our calculation") && !words.contains("本项目"),
                    "{} {locale:?}: {words:?}",
                    chart.id()
                );
            }
            let calculated = story
                .scene
                .text("source")
                .unwrap()
                .contains(lang.pick("our calculation", "本项目计算"));
            assert_eq!(
                source.contains(lang.pick(
                    "calculation by the SenseTime explainer team",
                    "商汤解读项目组计算"
                )),
                calculated,
                "{} {locale:?}: {source:?}",
                chart.id()
            );
            for line in source.lines() {
                assert!(
                    format::width(line) <= 48,
                    "{} {locale:?}: {line:?} fits a phone",
                    chart.id()
                );
            }
        }
    }
}
