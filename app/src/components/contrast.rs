//! Readable colours for any brand colour (WCAG 2.x contrast): the text on a branded button
//! and the colour of links on the card, for the hosted pages and the console's preview.

/// The sRGB channels of a `#rgb`, `#rrggbb` or `#rrggbbaa` colour (alpha ignored).
pub fn rgb(color: &str) -> Option<[f64; 3]> {
    let hex = color
        .strip_prefix('#')
        .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))?;
    let channel = |s: &str| u8::from_str_radix(s, 16).ok().map(f64::from);
    match hex.len() {
        3 => {
            let d: Vec<f64> = hex
                .chars()
                .map(|c| channel(&format!("{c}{c}")))
                .collect::<Option<_>>()?;
            Some([d[0], d[1], d[2]])
        }
        6 | 8 => Some([
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ]),
        _ => None,
    }
}

/// Relative luminance (WCAG 2.x).
pub fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const WHITE: [f64; 3] = [255.0, 255.0, 255.0];
const BLACK: [f64; 3] = [0.0, 0.0, 0.0];

/// The text colour for a button filled with `brand`: white or black, whichever reads better
/// (one of them always reaches at least √21 ≈ 4.58:1, so any brand colour gets 4.5:1).
pub fn text_on(brand: &str) -> &'static str {
    match rgb(brand) {
        Some(c) if contrast(c, WHITE) >= contrast(c, BLACK) => "#ffffff",
        Some(_) => "#000000",
        None => "#ffffff",
    }
}

/// The brand colour for links on a card of colour `card`, when it is readable there (4.5:1);
/// else the page's text colour, so links stay readable (and underlined) whatever the brand.
pub fn link_on(brand: &str, card: [f64; 3]) -> String {
    match rgb(brand) {
        Some(c) if contrast(c, card) >= 4.5 => brand.to_string(),
        _ => "var(--text)".to_string(),
    }
}

/// The card's colour in light and dark mode (`--surface` in style/main.css).
pub const LIGHT_CARD: [f64; 3] = [255.0, 255.0, 255.0];
pub const DARK_CARD: [f64; 3] = [27.0, 28.0, 38.0];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_brand_colour_gets_readable_button_text_and_links() {
        for brand in [
            "#ffeb3b",
            "#4f46e5",
            "#000",
            "#00ff00",
            "#777777",
            "#e11d48ff",
            "#fff",
        ] {
            let c = rgb(brand).unwrap();
            let text = rgb(text_on(brand)).unwrap();
            assert!(contrast(c, text) >= 4.5, "{brand}: {}", contrast(c, text));
            for card in [LIGHT_CARD, DARK_CARD] {
                let link = link_on(brand, card);
                if let Some(link) = rgb(&link) {
                    assert!(contrast(link, card) >= 4.5, "{brand} link");
                }
            }
        }
        assert_eq!(text_on("#ffeb3b"), "#000000");
        assert_eq!(text_on("#4f46e5"), "#ffffff");
        assert_eq!(link_on("#ffeb3b", LIGHT_CARD), "var(--text)");
    }
}
