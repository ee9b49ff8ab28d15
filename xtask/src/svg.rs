//! A chart as SVG, drawn by the same Rust code as the canvas: what the static charts, the first
//! picture, the PNGs and the social cards are made from.

use sensetime_explainer::chart::ChartId;
use sensetime_explainer::draw::render::to_svg;
use sensetime_explainer::draw::theme::Theme;
use sensetime_explainer::lang::Lang;
use sensetime_explainer::text::locale::Locale;

/// A chart as SVG in `theme` and `lang` (money as reported), laid out for `size` CSS pixels: the
/// static charts, and the PNGs and social cards drawn from them.
pub fn chart_svg(chart: ChartId, theme: &Theme, lang: Lang, size: (u32, u32)) -> String {
    let locale = Locale {
        lang,
        ..Locale::default()
    };
    to_svg(&chart.scene(theme, &locale), theme, size)
}

/// [`chart_svg`] as the chart stands alone, titled with its subject and its calculations
/// credited by name (`ChartId::build_alone`): the PNGs and social cards, which travel without
/// the story.
pub fn standalone_svg(chart: ChartId, theme: &Theme, lang: Lang, size: (u32, u32)) -> String {
    let locale = Locale {
        lang,
        ..Locale::default()
    };
    to_svg(&chart.build_alone(theme, &locale).scene, theme, size)
}
