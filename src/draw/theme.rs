//! The chart palette: one place for every colour the charts use.

/// A colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    /// Opacity, 0 to 1.
    pub a: f64,
}

impl Rgba {
    pub const fn hex(rgb: u32) -> Rgba {
        Rgba {
            r: (rgb >> 16) as u8,
            g: (rgb >> 8) as u8,
            b: rgb as u8,
            a: 1.0,
        }
    }

    /// The same colour at `a` times its opacity.
    pub fn fade(self, a: f64) -> Rgba {
        Rgba {
            a: (self.a * a).clamp(0.0, 1.0),
            ..self
        }
    }

    /// `#rrggbb`, for CSS and SVG.
    pub fn css_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The colours of one theme. Meanings, not hues: Smart City always wears `city`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: Rgba,
    pub ink: Rgba,
    pub muted: Rgba,
    pub rule: Rgba,
    /// Smart City and the state as customer: the story's main thread.
    pub city: Rgba,
    /// Smart Business and other commercial work.
    pub business: Rgba,
    /// Smart Auto and the driving pivot.
    pub auto: Rgba,
    /// Money raised and other neutral comparisons.
    pub neutral: Rgba,
}

/// The light theme. The page wears its background, text, rules and `city` too: `cargo xtask dist`
/// writes them into `style.css` (xtask/src/style.rs).
pub const LIGHT: Theme = Theme {
    background: Rgba::hex(0xfdfbf7),
    ink: Rgba::hex(0x1b1b1b),
    muted: Rgba::hex(0x595959),
    rule: Rgba::hex(0xc9c2b8),
    city: Rgba::hex(0xb3261e),
    business: Rgba::hex(0x2b6a99),
    auto: Rgba::hex(0x9a6700),
    neutral: Rgba::hex(0x5b5f66),
};

/// The dark theme, for `prefers-color-scheme: dark`, written into `style.css` as the light one.
pub const DARK: Theme = Theme {
    background: Rgba::hex(0x17191d),
    ink: Rgba::hex(0xeeeeee),
    muted: Rgba::hex(0xb0b0b0),
    rule: Rgba::hex(0x4c5058),
    city: Rgba::hex(0xff7a6b),
    business: Rgba::hex(0x6cb2e8),
    auto: Rgba::hex(0xe0a83a),
    neutral: Rgba::hex(0xa3a9b3),
};

impl Theme {
    /// The theme for a reader who prefers dark pages, or not.
    pub fn for_dark_mode(dark: bool) -> &'static Theme {
        if dark {
            &DARK
        } else {
            &LIGHT
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance.
    fn luminance(c: Rgba) -> f64 {
        let ch = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)
    }

    fn contrast(a: Rgba, b: Rgba) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_and_marks_meet_wcag_aa_on_the_background_in_both_themes() {
        for (theme, t) in [("light", LIGHT), ("dark", DARK)] {
            let colours = [
                ("ink", t.ink),
                ("muted", t.muted),
                ("city", t.city),
                ("business", t.business),
                ("auto", t.auto),
                ("neutral", t.neutral),
            ];
            // Marks need 3:1 (WCAG 1.4.11); ours meet the 4.5:1 of text, since labels may take their colour.
            for (name, c) in colours {
                let ratio = contrast(c, t.background);
                assert!(ratio >= 4.5, "{theme} {name}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn the_theme_follows_the_readers_preference() {
        assert_eq!(Theme::for_dark_mode(true), &DARK);
        assert_eq!(Theme::for_dark_mode(false), &LIGHT);
    }

    #[test]
    fn hex_and_fade() {
        let c = Rgba::hex(0xb3261e);
        assert_eq!((c.r, c.g, c.b), (0xb3, 0x26, 0x1e));
        assert_eq!(c.css_hex(), "#b3261e");
        assert_eq!(c.fade(0.5).a, 0.5);
        assert_eq!(c.fade(3.0).a, 1.0);
    }
}
