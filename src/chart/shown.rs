//! A chart as the story shows it, and every chart of one language packed into bytes ahead of time.
//!
//! The story's Wasm needs of a chart only what it draws (the scene), what the canvas says (the
//! text alternative), whether the currency control applies, and what each mark's tooltip says:
//! a [`Shown`]. `cargo xtask build` packs the `Shown` of every chart of the build's language, in
//! every currency and both themes, with the same code that builds them here ([`pack`]), and the
//! story's Wasm reads them back ([`unpack`]) instead of carrying the chart builders, the
//! figures' words and the number formatting (`web/story/charts.rs`).
//!
//! The bytes: a table of the distinct strings, one of the distinct numbers, one of colours in
//! pairs (light, dark: the two themes' scenes differ in nothing else), then each chart's entries
//! in the order of [`ChartId::ALL`] × [`Currency::ALL`], found through a table of offsets. Every
//! number is kept exactly, so a packed chart draws exactly as a built one.

use super::{Chart, ChartId};
use crate::data::figures::Bound;
use crate::draw::scene::{Anchor, Bar, Dot, Grow, Label, Line, Rect, Scene, Size, Slot, Units};
use crate::draw::theme::Rgba;
use crate::text::money::Currency;

/// What the story needs of a chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shown {
    pub scene: Scene,
    /// The text alternative (`Chart::description`).
    pub description: String,
    /// Whether it shows money, which the currency control changes (`Chart::shows_money`).
    pub money: bool,
    /// Each mark with a figure, by key, and what its tooltip says (`Chart::tooltip`).
    pub tips: Vec<(String, String)>,
}

impl Shown {
    /// What the tooltip on the mark `key` says, if the mark shows a figure.
    pub fn tooltip(&self, key: &str) -> Option<&str> {
        self.tips
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.as_str())
    }
}

impl Chart {
    /// What the story needs of this chart.
    pub fn shown(&self) -> Shown {
        Shown {
            scene: self.scene.clone(),
            description: self.description(),
            money: self.shows_money(),
            tips: self
                .marks
                .iter()
                .filter_map(|(key, _)| Some((key.clone(), self.tooltip(key)?)))
                .collect(),
        }
    }
}

/// Every chart in `lang`, in every currency and both themes, as bytes for [`unpack`]. Panics if
/// a chart's dark scene differs from its light one in anything but colour.
#[cfg(not(target_arch = "wasm32"))]
pub fn pack(lang: crate::lang::Lang) -> Vec<u8> {
    use crate::draw::theme::{DARK, LIGHT};
    use crate::text::locale::Locale;
    let mut tables = Tables::default();
    let mut entries: Vec<Vec<u8>> = Vec::new();
    for chart in ChartId::ALL {
        for currency in Currency::ALL {
            let locale = Locale { lang, currency };
            let light = chart.build(&LIGHT, &locale).shown();
            let dark = chart.build(&DARK, &locale).shown();
            let mut colours = (Vec::new(), Vec::new());
            let structure = |shown: &Shown, tables: &mut Tables, out: &mut Vec<Rgba>| {
                let mut w = Writer::new(tables, |c| {
                    out.push(c);
                    0
                });
                w.shown(shown);
                w.bytes
            };
            let a = structure(&light, &mut tables, &mut colours.0);
            let b = structure(&dark, &mut tables, &mut colours.1);
            assert!(
                a == b && colours.0.len() == colours.1.len(),
                "{}: the dark scene should differ from the light one in colour only",
                chart.id()
            );
            // The light scene again, each colour now the index of its pair, in the same order.
            let pairs: Vec<usize> = (colours.0.into_iter().zip(colours.1))
                .map(|pair| tables.pair(pair))
                .collect();
            let mut next = pairs.into_iter();
            let mut w = Writer::new(&mut tables, move |_| {
                next.next().expect("as many colours as the first pass")
            });
            w.shown(&light);
            entries.push(w.bytes);
        }
    }
    let mut out = Vec::new();
    put_index(&mut out, tables.strings.len());
    for s in &tables.strings {
        put_index(&mut out, s.len());
        out.extend_from_slice(s.as_bytes());
    }
    put_index(&mut out, tables.numbers.len());
    for n in &tables.numbers {
        out.extend_from_slice(&n.to_le_bytes());
    }
    put_index(&mut out, tables.pairs.len());
    for (light, dark) in &tables.pairs {
        for c in [light, dark] {
            out.extend_from_slice(&[c.r, c.g, c.b]);
            out.extend_from_slice(&c.a.to_le_bytes());
        }
    }
    let mut at = 0;
    for entry in &entries {
        out.extend_from_slice(&(at as u32).to_le_bytes());
        at += entry.len();
    }
    for entry in entries {
        out.extend_from_slice(&entry);
    }
    out
}

/// The chart `chart` in `currency`, in the dark theme if `dark`, from bytes [`pack`] wrote.
/// Panics on bytes it did not write: they are compiled into the Wasm that reads them.
pub fn unpack(bytes: &[u8], chart: ChartId, currency: Currency, dark: bool) -> Shown {
    let mut r = Reader { bytes, at: 0 };
    // Borrowed from the bytes: an entry copies out only the strings it uses.
    let strings = r.table(|r| {
        let len = r.index();
        r.at += len;
        std::str::from_utf8(&bytes[r.at - len..r.at]).unwrap_or_default()
    });
    let numbers = r.table(|r| r.f64());
    let pairs = r.table(|r| {
        let mut colour = || {
            let [red, green, blue] = [r.u8(), r.u8(), r.u8()];
            Rgba {
                r: red,
                g: green,
                b: blue,
                a: r.f64(),
            }
        };
        (colour(), colour())
    });
    let entry = position(ChartId::ALL.iter(), chart) * Currency::ALL.len()
        + position(Currency::ALL.iter(), currency);
    let offsets = r.at;
    let count = ChartId::ALL.len() * Currency::ALL.len();
    r.at = offsets + 4 * entry;
    let start = r.u32();
    r.at = offsets + 4 * count + start;
    let mut e = Entry {
        r,
        strings: &strings,
        numbers: &numbers,
        pairs: &pairs,
        dark,
    };
    e.shown()
}

fn position<T: PartialEq + Copy + 'static>(
    mut all: impl Iterator<Item = &'static T>,
    x: T,
) -> usize {
    all.position(|&y| y == x).expect("every id is in its ALL")
}

/// A count, a length or an index, in as few bytes as it needs: 7 bits a byte, low bits first,
/// every byte but the last with its top bit set (`Reader::index` reads it).
#[cfg(not(target_arch = "wasm32"))]
fn put_index(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The distinct strings, numbers and colour pairs the entries point into.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Tables {
    strings: Vec<String>,
    numbers: Vec<f64>,
    pairs: Vec<(Rgba, Rgba)>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Tables {
    fn string(&mut self, s: &str) -> usize {
        index_in(&mut self.strings, |t| t == s, || s.to_string())
    }

    /// Numbers are the same by their bits: the table keeps every one exactly.
    fn number(&mut self, n: f64) -> usize {
        index_in(&mut self.numbers, |m| m.to_bits() == n.to_bits(), || n)
    }

    fn pair(&mut self, pair: (Rgba, Rgba)) -> usize {
        index_in(&mut self.pairs, |p| *p == pair, || pair)
    }
}

/// The index in `table` of the first item that is `same`, adding `new()` at its end if none is.
#[cfg(not(target_arch = "wasm32"))]
fn index_in<T>(table: &mut Vec<T>, same: impl Fn(&T) -> bool, new: impl FnOnce() -> T) -> usize {
    table.iter().position(same).unwrap_or_else(|| {
        table.push(new());
        table.len() - 1
    })
}

/// Writes one entry; colours go through `colour`, which gives the index to write.
#[cfg(not(target_arch = "wasm32"))]
struct Writer<'a> {
    tables: &'a mut Tables,
    colour: Box<dyn FnMut(Rgba) -> usize + 'a>,
    bytes: Vec<u8>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'a> Writer<'a> {
    fn new(tables: &'a mut Tables, colour: impl FnMut(Rgba) -> usize + 'a) -> Self {
        Writer {
            tables,
            colour: Box::new(colour),
            bytes: Vec::new(),
        }
    }

    fn u8(&mut self, n: u8) {
        self.bytes.push(n);
    }

    fn index(&mut self, i: usize) {
        put_index(&mut self.bytes, i);
    }

    fn str(&mut self, s: &str) {
        let i = self.tables.string(s);
        self.index(i);
    }

    fn num(&mut self, n: f64) {
        let i = self.tables.number(n);
        self.index(i);
    }

    fn rect(&mut self, r: &Rect) {
        for n in [r.x0, r.y0, r.x1, r.y1] {
            self.num(n);
        }
    }

    fn point(&mut self, (x, y): (f64, f64)) {
        self.num(x);
        self.num(y);
    }

    fn colour(&mut self, c: Rgba) {
        let i = (self.colour)(c);
        self.index(i);
    }

    fn flag(&mut self, b: bool) {
        self.u8(u8::from(b));
    }

    /// `items`' count, then each as `one` writes it: as `Entry::many` reads them.
    fn many<T>(&mut self, items: &[T], mut one: impl FnMut(&mut Self, &T)) {
        self.index(items.len());
        for item in items {
            one(self, item);
        }
    }

    fn shown(&mut self, s: &Shown) {
        self.str(&s.description);
        self.flag(s.money);
        self.many(&s.tips, |w, (key, text)| {
            w.str(key);
            w.str(text);
        });
        let scene = &s.scene;
        self.many(&scene.bars, |w, b| {
            w.str(&b.key);
            w.rect(&b.rect);
            w.colour(b.colour);
            w.u8(b.grow as u8);
            w.u8(b.bound as u8);
        });
        self.many(&scene.lines, |w, l| {
            w.str(&l.key);
            w.point(l.from);
            w.point(l.to);
            w.colour(l.colour);
            w.num(l.width);
            w.flag(l.dashed);
            w.flag(l.over);
        });
        self.many(&scene.dots, |w, d| {
            w.str(&d.key);
            w.point(d.at);
            w.num(d.radius);
            w.colour(d.colour);
        });
        self.many(&scene.units, |w, u| {
            w.str(&u.key);
            w.rect(&u.area);
            w.num(u.count);
            w.colour(u.colour);
            w.flag(u.open);
        });
        self.many(&scene.labels, |w, l| {
            w.str(&l.key);
            w.str(&l.text);
            match l.slot {
                Slot::Title => w.u8(0),
                Slot::Subtitle => w.u8(1),
                Slot::Source => w.u8(2),
                Slot::Footnote => w.u8(3),
                Slot::Key => w.u8(4),
                Slot::Plot(x, y) => {
                    w.u8(5);
                    w.point((x, y));
                }
            }
            w.u8(l.anchor as u8);
            w.u8(l.size as u8);
            w.flag(l.bold);
            w.colour(l.colour);
            w.num(l.nudge);
            w.num(l.room);
            w.str(&l.short);
        });
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> u8 {
        self.at += 1;
        self.bytes[self.at - 1]
    }

    /// A count, a length or an index as `put_index` writes it.
    fn index(&mut self) -> usize {
        let (mut n, mut shift) = (0, 0);
        loop {
            let b = self.u8();
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
    }

    fn u32(&mut self) -> usize {
        let b = [self.u8(), self.u8(), self.u8(), self.u8()];
        u32::from_le_bytes(b) as usize
    }

    fn f64(&mut self) -> f64 {
        let mut b = [0; 8];
        for byte in &mut b {
            *byte = self.u8();
        }
        f64::from_le_bytes(b)
    }

    /// A table: its length, then that many of what `one` reads.
    fn table<T>(&mut self, mut one: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.index();
        (0..n).map(|_| one(self)).collect()
    }
}

/// One entry being read, with the tables its indices point into.
struct Entry<'a> {
    r: Reader<'a>,
    strings: &'a [&'a str],
    numbers: &'a [f64],
    pairs: &'a [(Rgba, Rgba)],
    dark: bool,
}

impl Entry<'_> {
    fn count(&mut self) -> usize {
        self.r.index()
    }

    fn str(&mut self) -> String {
        let i = self.r.index();
        self.strings[i].to_string()
    }

    fn num(&mut self) -> f64 {
        let i = self.r.index();
        self.numbers[i]
    }

    fn point(&mut self) -> (f64, f64) {
        (self.num(), self.num())
    }

    fn rect(&mut self) -> Rect {
        Rect {
            x0: self.num(),
            y0: self.num(),
            x1: self.num(),
            y1: self.num(),
        }
    }

    fn colour(&mut self) -> Rgba {
        let (light, dark) = self.pairs[self.r.index()];
        if self.dark {
            dark
        } else {
            light
        }
    }

    fn flag(&mut self) -> bool {
        self.r.u8() != 0
    }

    fn many<T>(&mut self, mut one: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.count();
        (0..n).map(|_| one(self)).collect()
    }

    fn shown(&mut self) -> Shown {
        let description = self.str();
        let money = self.flag();
        let tips = self.many(|e| (e.str(), e.str()));
        let bars = self.many(|e| Bar {
            key: e.str(),
            rect: e.rect(),
            colour: e.colour(),
            grow: [Grow::Right, Grow::Up, Grow::Left][usize::from(e.r.u8())],
            bound: [Bound::Exact, Bound::Lower, Bound::Upper, Bound::Approximate]
                [usize::from(e.r.u8())],
        });
        let lines = self.many(|e| Line {
            key: e.str(),
            from: e.point(),
            to: e.point(),
            colour: e.colour(),
            width: e.num(),
            dashed: e.flag(),
            over: e.flag(),
        });
        let dots = self.many(|e| Dot {
            key: e.str(),
            at: e.point(),
            radius: e.num(),
            colour: e.colour(),
        });
        let units = self.many(|e| Units {
            key: e.str(),
            area: e.rect(),
            count: e.num(),
            colour: e.colour(),
            open: e.flag(),
        });
        let labels = self.many(|e| Label {
            key: e.str(),
            text: e.str(),
            slot: match e.r.u8() {
                0 => Slot::Title,
                1 => Slot::Subtitle,
                2 => Slot::Source,
                3 => Slot::Footnote,
                4 => Slot::Key,
                _ => {
                    let (x, y) = e.point();
                    Slot::Plot(x, y)
                }
            },
            anchor: [Anchor::Start, Anchor::Middle, Anchor::End][usize::from(e.r.u8())],
            size: [Size::Small, Size::Body, Size::Large, Size::Huge][usize::from(e.r.u8())],
            bold: e.flag(),
            colour: e.colour(),
            nudge: e.num(),
            room: e.num(),
            short: e.str(),
        });
        Shown {
            scene: Scene {
                bars,
                lines,
                dots,
                units,
                labels,
            },
            description,
            money,
            tips,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_chart_unpacks_exactly_as_it_builds_in_every_language_currency_and_theme() {
        use crate::draw::theme::{DARK, LIGHT};
        use crate::lang::Lang;
        use crate::text::locale::Locale;
        for lang in Lang::ALL {
            let bytes = pack(lang);
            for chart in ChartId::ALL {
                for currency in Currency::ALL {
                    let locale = Locale { lang, currency };
                    for (theme, dark) in [(&LIGHT, false), (&DARK, true)] {
                        let built = chart.build(theme, &locale).shown();
                        assert!(!built.scene.labels.is_empty() && !built.tips.is_empty());
                        assert_eq!(
                            unpack(&bytes, chart, currency, dark),
                            built,
                            "{} {lang:?} {currency:?} dark={dark}",
                            chart.id()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_enums_are_packed_by_their_order_of_declaration() {
        // unpack reads them from lists in this order.
        assert_eq!(
            (Grow::Right as u8, Grow::Up as u8, Grow::Left as u8),
            (0, 1, 2)
        );
        assert_eq!(
            [Bound::Exact, Bound::Lower, Bound::Upper, Bound::Approximate].map(|b| b as u8),
            [0, 1, 2, 3]
        );
        assert_eq!(
            [Anchor::Start, Anchor::Middle, Anchor::End].map(|a| a as u8),
            [0, 1, 2]
        );
        assert_eq!(
            [Size::Small, Size::Body, Size::Large, Size::Huge].map(|s| s as u8),
            [0, 1, 2, 3]
        );
    }
}
