//! The QR code as SVG data computed from the `qrcode` crate's module matrix: one path of
//! unit squares (horizontal runs merged) in a view box that includes the quiet zone, so it
//! stays crisp at any size. Only numbers go into the path; no text is ever parsed as markup.

use qrcode::{Color, QrCode};

/// The quiet zone around the code, in modules (the standard asks for 4).
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Modules per side, quiet zone included (the view box is `0 0 size size`).
    pub size: usize,
    /// The `d` of one path drawing every dark module.
    pub path: String,
}

impl QrSvg {
    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {0} {0}", self.size)
    }
}

/// The QR code of `text` (error correction level M), or `None` when it is too long to encode.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let dark = |x: usize, y: usize| {
        y.checked_mul(width)
            .and_then(|row| row.checked_add(x))
            .and_then(|i| colors.get(i))
            == Some(&Color::Dark)
    };
    Some(QrSvg {
        size: width + 2 * QUIET_ZONE,
        path: modules_path(width, dark),
    })
}

/// The path of the dark modules of a `width` × `width` matrix, shifted by the quiet zone:
/// each horizontal run of dark modules is one `M x y h n v 1 h -n z` rectangle.
pub fn modules_path(width: usize, dark: impl Fn(usize, usize) -> bool) -> String {
    let mut d = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark(x, y) {
                x += 1;
            }
            let run = x - start;
            d.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            ));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules a path draws, read back from its rectangles.
    fn drawn(path: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for rect in path.split('M').filter(|s| !s.is_empty()) {
            let (xy, rest) = rect.split_once('h').expect("h");
            let (x, y) = xy.split_once(' ').expect("x y");
            let run = rest.split_once('v').expect("v").0;
            let (x, y, run): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
            assert!(rect.ends_with(&format!("v1h-{run}z")));
            for i in 0..run {
                out.push((x + i - QUIET_ZONE, y - QUIET_ZONE));
            }
        }
        out
    }

    #[test]
    fn runs_are_merged_and_shifted_by_the_quiet_zone() {
        // Row 0: ##.#  Row 1: ....
        let m = [[true, true, false, true], [false, false, false, false]];
        let path = modules_path(2, |x, y| m[y][x]);
        assert_eq!(path, "M4 4h2v1h-2z");
        let path = modules_path(4, |x, y| y < 2 && m[y][x]);
        assert_eq!(path, "M4 4h2v1h-2zM7 4h1v1h-1z");
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_of_the_code() {
        let text = "http://127.0.0.1:8787/?view=phone&appId=2&signInKey=7281004213";
        let code = QrCode::new(text.as_bytes()).unwrap();
        let w = code.width();
        let svg = qr_svg(text).unwrap();
        assert_eq!(svg.size, w + 8);
        assert_eq!(svg.view_box(), format!("0 0 {0} {0}", w + 8));
        let mut want: Vec<(usize, usize)> = code
            .to_colors()
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == Color::Dark)
            .map(|(i, _)| (i % w, i / w))
            .collect();
        let mut got = drawn(&svg.path);
        want.sort();
        got.sort();
        assert_eq!(got, want);
        // The top-left finder pattern: a full 7-module top row, and its dark 3×3 centre.
        for x in 0..7 {
            assert!(got.binary_search(&(x, 0)).is_ok());
        }
        assert!(got.binary_search(&(3, 3)).is_ok());
        assert!(got.binary_search(&(1, 1)).is_err());
    }

    #[test]
    fn too_long_text_gives_none() {
        assert!(qr_svg(&"x".repeat(5_000)).is_none());
        assert!(qr_svg("").is_some());
    }
}
