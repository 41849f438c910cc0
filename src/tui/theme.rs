//! Colour themes for projection: dark, light (bright rooms) and high contrast.
//! Colour is never the only carrier of meaning: every status also has a
//! symbol and a word.

use ratatui::style::{Color, Modifier, Style};

use crate::session::{Stance, Status};
use crate::vote::{Choice, Outcome};

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
                border: Style::new().fg(Color::Rgb(90, 100, 120)),
                focus: Style::new().fg(Color::Rgb(255, 210, 90)),
                selected: Style::new()
                    .bg(Color::Rgb(50, 60, 85))
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::Rgb(110, 220, 130))
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::Rgb(255, 110, 110))
                    .add_modifier(Modifier::BOLD),
                warn: Style::new()
                    .fg(Color::Rgb(255, 190, 70))
                    .add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::Rgb(150, 160, 200)),
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
                border: Style::new().fg(Color::Rgb(120, 125, 135)),
                focus: Style::new().fg(Color::Rgb(150, 70, 0)),
                selected: Style::new()
                    .bg(Color::Rgb(210, 225, 245))
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::Rgb(0, 110, 40))
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::Rgb(180, 0, 0))
                    .add_modifier(Modifier::BOLD),
                warn: Style::new()
                    .fg(Color::Rgb(150, 80, 0))
                    .add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::Rgb(60, 70, 130)),
                header: Style::new()
                    .fg(Color::Rgb(255, 255, 255))
                    .bg(Color::Rgb(0, 70, 140))
                    .add_modifier(Modifier::BOLD),
            },
            ThemeKind::Contrast => Theme {
                base: Style::new().fg(Color::White).bg(Color::Black),
                dim: Style::new().fg(Color::White),
                title: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                point: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::White),
                focus: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::LightGreen)
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::LightRed)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                muted: Style::new().fg(Color::LightCyan),
                header: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
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
