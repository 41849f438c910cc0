//! Colour themes for projection: dark, light (bright rooms) and high contrast.
//! Colour is never the only carrier of meaning: every status also has a
//! symbol and a word.
//!
//! A theme paints every cell: the screen starts from `base` (foreground and
//! background), and a box drawn over it is cleared to `base` too
//! ([`crate::tui::widgets::popup::clear`]), never to the terminal's own
//! default colours, so `light` on a dark terminal is light everywhere.
//! Every colour is RGB, so its contrast is known: [`Theme::contrast_misses`]
//! (tested for each theme) holds the text styles to WCAG 2's 7:1, dimmed text
//! and borders to 4.5:1. [`cells_on_terminal_default`] finds the cells of a
//! drawn buffer that would show the terminal's default colours.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::session::{Stance, Status};
use crate::vote::{Choice, Outcome};

const WHITE: Color = Color::Rgb(255, 255, 255);
const BLACK: Color = Color::Rgb(0, 0, 0);
const YELLOW: Color = Color::Rgb(255, 255, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeKind {
    #[default]
    Dark,
    Light,
    Contrast,
}

impl ThemeKind {
    pub fn next(self) -> ThemeKind {
        match self {
            ThemeKind::Dark => ThemeKind::Light,
            ThemeKind::Light => ThemeKind::Contrast,
            ThemeKind::Contrast => ThemeKind::Dark,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ThemeKind::Dark => "dark",
            ThemeKind::Light => "light",
            ThemeKind::Contrast => "contrast",
        }
    }

    /// The theme's name in the interface's language ("donker", "licht", …).
    pub fn word(self, lang: crate::i18n::Lang) -> &'static str {
        let s = lang.strings();
        match self {
            ThemeKind::Dark => s.theme_dark,
            ThemeKind::Light => s.theme_light,
            ThemeKind::Contrast => s.theme_contrast,
        }
    }

    pub fn theme(self) -> Theme {
        match self {
            ThemeKind::Dark => Theme {
                base: Style::new()
                    .fg(Color::Rgb(230, 230, 230))
                    .bg(Color::Rgb(20, 22, 28)),
                dim: Style::new().fg(Color::Rgb(160, 165, 175)),
                title: Style::new()
                    .fg(Color::Rgb(120, 200, 255))
                    .add_modifier(Modifier::BOLD),
                point: Style::new()
                    .fg(Color::Rgb(255, 255, 255))
                    .add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::Rgb(125, 135, 155)),
                focus: Style::new().fg(Color::Rgb(255, 210, 90)),
                // a bar the projector shows: 3:1 and more against the page
                selected: Style::new()
                    .fg(Color::Rgb(20, 22, 28))
                    .bg(Color::Rgb(150, 205, 255))
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::Rgb(110, 220, 130))
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::Rgb(255, 130, 130))
                    .add_modifier(Modifier::BOLD),
                warn: Style::new()
                    .fg(Color::Rgb(255, 190, 70))
                    .add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::Rgb(160, 170, 210)),
                header: Style::new()
                    .fg(Color::Rgb(20, 22, 28))
                    .bg(Color::Rgb(120, 200, 255))
                    .add_modifier(Modifier::BOLD),
            },
            ThemeKind::Light => Theme {
                base: Style::new()
                    .fg(Color::Rgb(15, 15, 20))
                    .bg(Color::Rgb(250, 250, 247)),
                dim: Style::new().fg(Color::Rgb(80, 85, 95)),
                title: Style::new()
                    .fg(Color::Rgb(0, 70, 140))
                    .add_modifier(Modifier::BOLD),
                point: Style::new()
                    .fg(Color::Rgb(0, 0, 0))
                    .add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::Rgb(100, 105, 115)),
                focus: Style::new().fg(Color::Rgb(130, 60, 0)),
                selected: Style::new()
                    .fg(Color::Rgb(255, 255, 255))
                    .bg(Color::Rgb(20, 80, 160))
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::Rgb(0, 95, 35))
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::Rgb(160, 0, 0))
                    .add_modifier(Modifier::BOLD),
                warn: Style::new()
                    .fg(Color::Rgb(125, 65, 0))
                    .add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::Rgb(60, 70, 130)),
                header: Style::new()
                    .fg(Color::Rgb(255, 255, 255))
                    .bg(Color::Rgb(0, 70, 140))
                    .add_modifier(Modifier::BOLD),
            },
            // RGB, not the named ANSI colours: their real colour depends on
            // the terminal's palette, so their contrast could not be known
            ThemeKind::Contrast => Theme {
                base: Style::new().fg(WHITE).bg(BLACK),
                dim: Style::new().fg(Color::Rgb(220, 220, 220)),
                title: Style::new().fg(YELLOW).add_modifier(Modifier::BOLD),
                point: Style::new().fg(WHITE).add_modifier(Modifier::BOLD),
                border: Style::new().fg(WHITE),
                focus: Style::new().fg(YELLOW).add_modifier(Modifier::BOLD),
                selected: Style::new()
                    .fg(BLACK)
                    .bg(YELLOW)
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::Rgb(120, 255, 120))
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::Rgb(255, 120, 120))
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                warn: Style::new().fg(YELLOW).add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::Rgb(120, 255, 255)),
                header: Style::new()
                    .fg(BLACK)
                    .bg(WHITE)
                    .add_modifier(Modifier::BOLD),
            },
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub point: Style,
    pub border: Style,
    pub focus: Style,
    pub selected: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub muted: Style,
    pub header: Style,
}

impl Theme {
    pub fn status(&self, s: Status) -> Style {
        match s {
            Status::Open => self.dim,
            Status::Consensus => self.good,
            Status::Dissent => self.bad,
            Status::Skipped => self.muted,
        }
    }

    pub fn stance(&self, s: Stance) -> Style {
        match s {
            Stance::NotStated => self.dim,
            Stance::Agree => self.good,
            Stance::Reservations => self.warn,
            Stance::Disagree => self.bad,
        }
    }

    pub fn choice(&self, c: Option<Choice>) -> Style {
        match c {
            None => self.dim,
            Some(Choice::Go) => self.good,
            Some(Choice::NoGo) => self.bad,
            Some(Choice::Abstain) => self.warn,
        }
    }

    pub fn outcome(&self, o: Outcome) -> Style {
        match o {
            Outcome::Go => self.good,
            Outcome::NoGo => self.bad,
            Outcome::Deferred => self.warn,
        }
    }
}

/// The least contrast of text (WCAG 2, level AAA for normal text).
pub const MIN_TEXT_CONTRAST: f64 = 7.0;
/// The least contrast of dimmed text and borders (WCAG 2, level AA).
pub const MIN_DIM_CONTRAST: f64 = 4.5;
/// The least contrast of the selection bar against the page (WCAG 2's
/// non-text contrast): a projector that washes colours out still shows it.
pub const MIN_BAR_CONTRAST: f64 = 3.0;

impl Theme {
    /// Every style that draws something, with the colour it is drawn in, the
    /// background it is drawn on and the contrast it must reach. A style
    /// without a foreground of its own is drawn in `base`'s; `header` and
    /// `selected` are drawn on their own background, the others on `base`'s.
    pub fn contrast_pairs(&self) -> Vec<(&'static str, Option<Color>, Option<Color>, f64)> {
        let base_fg = self.base.fg;
        let base_bg = self.base.bg;
        let on_base = |name, st: Style, min| (name, st.fg.or(base_fg), base_bg, min);
        vec![
            on_base("base", self.base, MIN_TEXT_CONTRAST),
            on_base("title", self.title, MIN_TEXT_CONTRAST),
            on_base("point", self.point, MIN_TEXT_CONTRAST),
            on_base("focus", self.focus, MIN_TEXT_CONTRAST),
            on_base("good", self.good, MIN_TEXT_CONTRAST),
            on_base("bad", self.bad, MIN_TEXT_CONTRAST),
            on_base("warn", self.warn, MIN_TEXT_CONTRAST),
            on_base("muted", self.muted, MIN_TEXT_CONTRAST),
            on_base("dim", self.dim, MIN_DIM_CONTRAST),
            on_base("border", self.border, MIN_DIM_CONTRAST),
            (
                "header",
                self.header.fg.or(base_fg),
                self.header.bg.or(base_bg),
                MIN_TEXT_CONTRAST,
            ),
            (
                "selected",
                self.selected.fg.or(base_fg),
                self.selected.bg.or(base_bg),
                MIN_TEXT_CONTRAST,
            ),
            (
                "selection bar",
                self.selected.bg.or(base_bg),
                base_bg,
                MIN_BAR_CONTRAST,
            ),
        ]
    }

    /// The styles that miss their contrast, or whose colours are not RGB
    /// (a named or indexed colour looks as the terminal's palette says, so
    /// its contrast cannot be known): one line each; empty when all hold.
    pub fn contrast_misses(&self) -> Vec<String> {
        self.contrast_pairs()
            .into_iter()
            .filter_map(|(name, fg, bg, min)| {
                let (Some(fg), Some(bg)) = (fg, bg) else {
                    return Some(format!("{name}: no colour of its own ({fg:?} on {bg:?})"));
                };
                match contrast_ratio(fg, bg) {
                    None => Some(format!("{name}: {fg:?} on {bg:?} is not RGB")),
                    Some(r) if r < min => Some(format!(
                        "{name}: {fg:?} on {bg:?} is {r:.2}:1, below {min}:1"
                    )),
                    Some(_) => None,
                }
            })
            .collect()
    }
}

/// The channels of an RGB colour; `None` for the terminal's default, named
/// and indexed colours (their real colour depends on the terminal).
pub fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    match c {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        _ => None,
    }
}

/// WCAG 2 relative luminance of an sRGB colour (0 black … 1 white).
pub fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio of two colours (1 … 21), whichever is lighter;
/// `None` when either is not RGB.
pub fn contrast_ratio(a: Color, b: Color) -> Option<f64> {
    let la = relative_luminance(rgb(a)?);
    let lb = relative_luminance(rgb(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

/// Underline glyphs only: a blank cell loses an underline its style gave
/// it (the contrast theme underlines what is bad; the spaces in block
/// letters and the padding after a label would make a striped grid).
pub fn underline_glyphs_only(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.modifier.contains(Modifier::UNDERLINED) && cell.symbol().trim().is_empty() {
            cell.modifier.remove(Modifier::UNDERLINED);
        }
    }
}

/// The cells (x, y) of a drawn buffer that would show the terminal's own
/// colours: a background of `Color::Reset`, or a visible symbol in a
/// foreground of `Color::Reset`. Cells hidden under a wide character
/// before them are not drawn by a terminal and not counted.
pub fn cells_on_terminal_default(buf: &Buffer) -> Vec<(u16, u16)> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        let mut hidden = 0usize;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let sym = cell.symbol();
            hidden = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            let visible = !sym.trim().is_empty();
            if cell.bg == Color::Reset || (visible && cell.fg == Color::Reset) {
                out.push((x, y));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    const ALL: [ThemeKind; 3] = [ThemeKind::Dark, ThemeKind::Light, ThemeKind::Contrast];

    #[test]
    fn contrast_ratio_follows_wcag() {
        let black = Color::Rgb(0, 0, 0);
        let white = Color::Rgb(255, 255, 255);
        assert!((contrast_ratio(black, white).unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, black).unwrap() - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white).unwrap() - 1.0).abs() < 1e-9);
        // WCAG's own example values: #777 on white is about 4.48:1
        let grey = Color::Rgb(0x77, 0x77, 0x77);
        let r = contrast_ratio(grey, white).unwrap();
        assert!((4.47..4.49).contains(&r), "{r}");
        assert_eq!(contrast_ratio(Color::White, black), None);
        assert_eq!(contrast_ratio(black, Color::Reset), None);
        assert_eq!(contrast_ratio(Color::Indexed(15), black), None);
    }

    #[test]
    fn every_theme_reaches_its_contrast_with_rgb_colours_only() {
        for kind in ALL {
            let misses = kind.theme().contrast_misses();
            assert!(misses.is_empty(), "{}: {misses:#?}", kind.name());
        }
    }

    #[test]
    fn a_named_colour_or_a_low_contrast_is_a_miss() {
        let mut th = ThemeKind::Dark.theme();
        th.title = th.title.fg(Color::Yellow);
        th.dim = th.dim.fg(Color::Rgb(60, 60, 60));
        let misses = th.contrast_misses();
        assert_eq!(misses.len(), 2, "{misses:#?}");
        assert!(misses[0].starts_with("title:") && misses[0].contains("not RGB"));
        assert!(misses[1].starts_with("dim:") && misses[1].contains("below 4.5"));
    }

    #[test]
    fn the_themes_keep_their_character() {
        let lum = |c: Option<Color>| relative_luminance(rgb(c.unwrap()).unwrap());
        let dark = ThemeKind::Dark.theme();
        let light = ThemeKind::Light.theme();
        let contrast = ThemeKind::Contrast.theme();
        assert!(lum(dark.base.bg) < 0.05 && lum(light.base.bg) > 0.9);
        assert_eq!(lum(contrast.base.bg), 0.0);
        assert_eq!(lum(contrast.base.fg), 1.0);
    }

    #[test]
    fn cells_on_the_terminal_default_are_found() {
        let area = Rect::new(2, 1, 4, 2);
        let mut buf = Buffer::empty(area);
        // all default: every cell
        assert_eq!(cells_on_terminal_default(&buf).len(), 8);
        let th = ThemeKind::Light.theme();
        buf.set_style(area, th.base);
        assert!(cells_on_terminal_default(&buf).is_empty());
        // text whose foreground is the terminal's, on a painted background
        buf[(3, 2)].set_symbol("x").set_fg(Color::Reset);
        // a blank in the terminal's foreground is fine, its background is not
        buf[(4, 1)].set_symbol(" ").set_fg(Color::Reset);
        buf[(5, 1)].set_bg(Color::Reset);
        assert_eq!(cells_on_terminal_default(&buf), vec![(5, 1), (3, 2)]);
        // the cell under a wide character is not drawn by a terminal
        let mut wide = Buffer::empty(Rect::new(0, 0, 3, 1));
        wide.set_style(wide.area, th.base);
        wide.set_string(0, 0, "界", th.base);
        assert_eq!(wide[(1, 0)].bg, Color::Reset);
        assert!(cells_on_terminal_default(&wide).is_empty());
    }
}
