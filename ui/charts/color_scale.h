#pragma once

#include <QColor>
#include <vector>

class QCPColorGradient;

namespace mtrec::ui {

/// One control point of a colour scale: a position in [0, 1] and the sRGB colour there.
struct ColorStop {
    double position = 0.0;
    QColor color;
};

/// A colour scale as control points, interpolated linearly in sRGB between neighbours. Immutable
/// value; positions are strictly increasing from 0 to 1.
class ColorScale {
public:
    /// Matplotlib's viridis (Smith & van der Walt, CC0), every 16th of its 256 published entries
    /// plus the last: sequential, perceptually uniform, colour-blind safe, readable in greyscale.
    static ColorScale viridis();
    /// ColorBrewer's 11-class RdBu (Brewer, colour-blind safe): red at 0, near-white #f7f7f7 at
    /// 0.5, blue at 1. Used centred on zero: negative values red, positive values blue.
    static ColorScale redBlue();

    explicit ColorScale(std::vector<ColorStop> stops);

    /// The colour at t, clamped to [0, 1]; NaN gives an invalid QColor.
    QColor colorAt(double t) const;
    /// The same scale run from 1 to 0 (for "lower is better").
    ColorScale reversed() const;
    const std::vector<ColorStop>& stops() const { return stops_; }
    /// A QCustomPlot gradient with the same stops (RGB interpolation, NaN transparent, `levels`
    /// steps).
    QCPColorGradient toGradient(int levels = 350) const;

private:
    std::vector<ColorStop> stops_;
};

/// WCAG 2 relative luminance of an sRGB colour (0 black .. 1 white).
double relativeLuminance(const QColor& color);
/// WCAG 2 contrast ratio between two colours (1 .. 21).
double contrastRatio(const QColor& a, const QColor& b);
/// Black or white, whichever has the higher WCAG contrast ratio against `background`.
QColor contrastTextColor(const QColor& background);

}  // namespace mtrec::ui
