#include "trained_pairs_heatmap.h"

#include <QObject>
#include <set>
#include <string>

namespace mtrec::ui {

HeatmapData heatmapOfTrainedPairs(const std::vector<store::TrainedPairCount>& counts) {
    std::set<std::string> languages;
    for (const store::TrainedPairCount& count : counts) {
        languages.insert(count.queryLang);
        languages.insert(count.passageLang);
    }
    HeatmapData data;
    data.title = QObject::tr("Pairs trained per language pair");
    data.colorBarLabel = QObject::tr("pairs");
    data.valueName = QObject::tr("pairs");
    data.columnAxisLabel = QObject::tr("passage language");
    for (const std::string& language : languages)
        data.rowLabels.append(QString::fromStdString(language));
    data.columnLabels = data.rowLabels;
    data.scale = HeatmapScale::SequentialFit;
    data.decimals = 0;
    data.resetCells();
    for (const store::TrainedPairCount& count : counts) {
        const int row = int(data.rowLabels.indexOf(QString::fromStdString(count.queryLang)));
        const int column = int(data.columnLabels.indexOf(QString::fromStdString(count.passageLang)));
        data.cell(row, column).value = double(count.pairs);
    }
    return data;
}

}  // namespace mtrec::ui
