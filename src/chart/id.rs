//! The chart ids: one per picture, in story order, with the id HTML and embeds use, and the
//! dispatch to each chart's own file.

use super::builder::Chart;
use super::{
    cities, customers, detection, funding, grants, helmets, megvii, mentions, peers, revenue_mix,
    revenue_trend, ties, timeline,
};
use crate::draw::scene::Scene;
use crate::draw::theme::{Theme, LIGHT};
use crate::text::locale::Locale;

/// Which chart: one picture the sticky graphic can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    Funding,
    Peers,
    RevenueTrend,
    RevenueMix,
    Customers,
    Cities,
    Detection,
    Helmets,
    Megvii,
    Timeline,
    Mentions,
    Grants,
    Ties,
}

impl ChartId {
    /// Every chart, in story order.
    pub const ALL: [ChartId; 13] = [
        ChartId::Funding,
        ChartId::Peers,
        ChartId::RevenueTrend,
        ChartId::RevenueMix,
        ChartId::Customers,
        ChartId::Cities,
        ChartId::Detection,
        ChartId::Helmets,
        ChartId::Megvii,
        ChartId::Timeline,
        ChartId::Mentions,
        ChartId::Grants,
        ChartId::Ties,
    ];

    /// The id used in HTML (`data-chart`) and embeds.
    pub fn id(self) -> &'static str {
        match self {
            ChartId::Funding => "funding",
            ChartId::Peers => "peers",
            ChartId::RevenueTrend => "revenue-trend",
            ChartId::RevenueMix => "revenue-mix",
            ChartId::Customers => "customers",
            ChartId::Cities => "cities",
            ChartId::Detection => "detection",
            ChartId::Helmets => "helmets",
            ChartId::Megvii => "megvii",
            ChartId::Timeline => "timeline",
            ChartId::Mentions => "mentions",
            ChartId::Grants => "grants",
            ChartId::Ties => "ties",
        }
    }

    pub fn from_id(id: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The scene for this chart in `theme` and `locale`.
    pub fn scene(self, theme: &Theme, locale: &Locale) -> Scene {
        self.build(theme, locale).scene
    }

    /// The scene, the ids of the figures it shows, and its words, in `locale`.
    pub fn build(self, theme: &Theme, locale: &Locale) -> Chart {
        let mut c = Chart::new(*theme, *locale);
        match self {
            ChartId::Funding => funding::build(&mut c),
            ChartId::Peers => peers::build(&mut c),
            ChartId::RevenueTrend => revenue_trend::build(&mut c),
            ChartId::RevenueMix => revenue_mix::build(&mut c),
            ChartId::Customers => customers::build(&mut c),
            ChartId::Cities => cities::build(&mut c),
            ChartId::Detection => detection::build(&mut c),
            ChartId::Helmets => helmets::build(&mut c),
            ChartId::Megvii => megvii::build(&mut c),
            ChartId::Timeline => timeline::build(&mut c),
            ChartId::Mentions => mentions::build(&mut c),
            ChartId::Grants => grants::build(&mut c),
            ChartId::Ties => ties::build(&mut c),
        }
        c.finish()
    }
}

/// Every figure id any chart uses.
pub fn used_figures() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = ChartId::ALL
        .iter()
        .flat_map(|s| s.build(&LIGHT, &Locale::default()).used)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
