#include "charts/color_scale.h"

#include <qcustomplot.h>

#include <QMap>
#include <algorithm>
#include <cmath>
#include <utility>

namespace mtrec::ui {
namespace {

std::vector<ColorStop> stopsFromHex(const std::vector<std::pair<double, QRgb>>& points) {
    std::vector<ColorStop> stops;
    stops.reserve(points.size());
    for (const auto& [position, rgb] : points) stops.push_back({position, QColor::fromRgb(rgb)});
    return stops;
}

double linearChannel(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

ColorScale ColorScale::viridis() {
    // Entries 0, 16, ..., 240 and 255 of matplotlib's _viridis_data, rounded to 8 bits.
    return ColorScale(stopsFromHex({{0.0, 0x440154},
                                    {16.0 / 255, 0x48186a},
                                    {32.0 / 255, 0x472d7b},
                                    {48.0 / 255, 0x424086},
                                    {64.0 / 255, 0x3b528b},
                                    {80.0 / 255, 0x33638d},
                                    {96.0 / 255, 0x2c728e},
                                    {112.0 / 255, 0x26828e},
                                    {128.0 / 255, 0x21918c},
                                    {144.0 / 255, 0x1fa088},
                                    {160.0 / 255, 0x28ae80},
                                    {176.0 / 255, 0x3fbc73},
                                    {192.0 / 255, 0x5ec962},
                                    {208.0 / 255, 0x84d44b},
                                    {224.0 / 255, 0xaddc30},
                                    {240.0 / 255, 0xd8e219},
                                    {1.0, 0xfde725}}));
}

ColorScale ColorScale::redBlue() {
    return ColorScale(stopsFromHex({{0.0, 0x67001f},
                                    {0.1, 0xb2182b},
                                    {0.2, 0xd6604d},
                                    {0.3, 0xf4a582},
                                    {0.4, 0xfddbc7},
                                    {0.5, 0xf7f7f7},
                                    {0.6, 0xd1e5f0},
                                    {0.7, 0x92c5de},
                                    {0.8, 0x4393c3},
                                    {0.9, 0x2166ac},
                                    {1.0, 0x053061}}));
}

ColorScale::ColorScale(std::vector<ColorStop> stops) : stops_(std::move(stops)) {}

QColor ColorScale::colorAt(double t) const {
    if (std::isnan(t) || stops_.empty()) return {};
    t = std::clamp(t, 0.0, 1.0);
    const auto upper =
        std::lower_bound(stops_.begin(), stops_.end(), t,
                         [](const ColorStop& s, double v) { return s.position < v; });
    if (upper == stops_.begin()) return upper->color;
    if (upper == stops_.end()) return stops_.back().color;
    const ColorStop& lo = *(upper - 1);
    const ColorStop& hi = *upper;
    const double f = (t - lo.position) / (hi.position - lo.position);
    auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    return QColor(mix(lo.color.red(), hi.color.red()), mix(lo.color.green(), hi.color.green()),
                  mix(lo.color.blue(), hi.color.blue()));
}

ColorScale ColorScale::reversed() const {
    std::vector<ColorStop> stops;
    stops.reserve(stops_.size());
    for (auto it = stops_.rbegin(); it != stops_.rend(); ++it)
        stops.push_back({1.0 - it->position, it->color});
    return ColorScale(std::move(stops));
}

QCPColorGradient ColorScale::toGradient(int levels) const {
    QCPColorGradient gradient;
    QMap<double, QColor> stops;
    for (const ColorStop& stop : stops_) stops.insert(stop.position, stop.color);
    gradient.setColorStops(stops);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(levels);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

double relativeLuminance(const QColor& color) {
    const QColor rgb = color.toRgb();
    return 0.2126 * linearChannel(rgb.redF()) + 0.7152 * linearChannel(rgb.greenF()) +
           0.0722 * linearChannel(rgb.blueF());
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor contrastTextColor(const QColor& background) {
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

}  // namespace mtrec::ui
