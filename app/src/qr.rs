//! QR codes as inline SVG (server only), for links people scan from a screen.

use qrcode::render::svg;
use qrcode::QrCode;

/// An SVG drawing of `text` as a QR code, or `None` if it is too long to encode.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(180, 180)
            .quiet_zone(true)
            .dark_color(svg::Color("#0a4034"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_becomes_an_svg() {
        let s = super::svg("http://127.0.0.1:3000/join?code=AB3K7M").unwrap();
        assert!(s.starts_with("<?xml") || s.starts_with("<svg"));
        assert!(s.contains("</svg>"));
    }
}
