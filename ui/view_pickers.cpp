#include "view_pickers.h"

#include <QSignalBlocker>

#include "grid_heatmaps.h"

namespace mtrec::ui {

void fillSuitePicker(QComboBox& picker, const std::vector<std::string>& suites) {
    const QString current = picker.currentData().toString();
    const QSignalBlocker blocker(picker);
    picker.clear();
    for (const std::string& suite : suites) {
        const QString name = QString::fromStdString(suite);
        picker.addItem(suiteTitle(name), name);
    }
    const int keep = picker.findData(current);
    picker.setCurrentIndex(keep >= 0 ? keep : 0);
}

void fillMeasurePicker(QComboBox& picker) {
    const QSignalBlocker blocker(picker);
    picker.clear();
    for (std::size_t i = 0; i < store::kAllMeasures.size(); ++i)
        picker.addItem(measureTitle(store::kAllMeasures[i]), int(i));
}

}  // namespace mtrec::ui
