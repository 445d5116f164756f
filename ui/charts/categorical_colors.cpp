#include "charts/categorical_colors.h"

#include <array>

namespace mtrec::ui {

QColor categoricalColor(int index) {
    // Okabe & Ito, "Color Universal Design" (2008).
    static const std::array<QColor, 8> kOkabeIto = {
        QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
        QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
        QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    return kOkabeIto[std::size_t(index < 0 ? 0 : index) % kOkabeIto.size()];
}

}  // namespace mtrec::ui
