#pragma once

#include <QComboBox>
#include <string>
#include <vector>

namespace mtrec::ui {

/// Fills a suite picker with a run's suites, keeping the current choice when it is still there.
void fillSuitePicker(QComboBox& picker, const std::vector<std::string>& suites);
/// A picker of the store's measures (trec_eval metrics, then the bias measures), mAP first;
/// itemData holds the measure's index in store::kAllMeasures.
void fillMeasurePicker(QComboBox& picker);

}  // namespace mtrec::ui
