#include "report/seen_unseen.h"

#include <algorithm>
#include <set>

namespace mtrec::report {
namespace {

/// Sums first, divides once: the mean of every value added.
struct Accumulator {
    double sum = 0.0;
    std::size_t cells = 0;

    void add(double value) {
        sum += value;
        ++cells;
    }
    SetMean mean() const {
        return cells == 0 ? SetMean{} : SetMean{sum / static_cast<double>(cells), cells};
    }
};

struct ScoreSums {
    Accumulator mo, cr, mul, rankDistance;

    LanguageSetScores means() const {
        return {mo.mean(), cr.mean(), mul.mean(), rankDistance.mean()};
    }
};

/// Which set a cell belongs to, by its query and candidate language.
enum class Side { Seen, Unseen, Mixed };

class LanguageSplit {
public:
    explicit LanguageSplit(const std::vector<std::string>& training)
        : training_(training.begin(), training.end()) {}

    bool known() const { return !training_.empty(); }
    bool seen(const std::string& language) const { return training_.count(language) > 0; }
    Side of(const std::string& query, const std::string& candidate) const {
        if (seen(query) != seen(candidate)) return Side::Mixed;
        return seen(query) ? Side::Seen : Side::Unseen;
    }

private:
    std::set<std::string> training_;
};

/// The cell's accumulator in `sums`, or nullptr when the cell is none of Mo, Cr, Mul, rank
/// distance (of `metric`) or is a setting summary.
Accumulator* slotOf(ScoreSums& sums, const store::EvalCell& cell, eval::Metric metric) {
    if (cell.key.queryLang == store::kAllLanguages) return nullptr;
    const bool mulCell =
        cell.key.setting == eval::Setting::Mul && cell.key.candLang == store::kAllLanguages;
    if (cell.metric == store::BiasMeasure::RankDistance)
        return mulCell ? &sums.rankDistance : nullptr;
    if (cell.metric != metric) return nullptr;
    switch (cell.key.setting) {
        case eval::Setting::Mo:
            return &sums.mo;
        case eval::Setting::Cr:
            return &sums.cr;
        case eval::Setting::Mul:
            return mulCell ? &sums.mul : nullptr;
    }
    return nullptr;
}

}  // namespace

SeenUnseenSummary seenUnseenSummary(const std::vector<store::EvalCell>& cells,
                                    const std::string& suite,
                                    const std::vector<std::string>& trainingLanguages,
                                    eval::Metric metric) {
    const LanguageSplit split(trainingLanguages);
    ScoreSums overall, seen, unseen;
    Accumulator mixedCr;
    std::set<std::string> languages, seenLanguages, unseenLanguages;
    for (const store::EvalCell& cell : cells) {
        if (cell.key.suite != suite) continue;
        Accumulator* slot = slotOf(overall, cell, metric);
        if (!slot) continue;
        slot->add(cell.value);
        const std::string& query = cell.key.queryLang;
        languages.insert(query);
        if (!split.known()) continue;
        (split.seen(query) ? seenLanguages : unseenLanguages).insert(query);
        // A Mul cell or rank distance has one language; only Cr pairs can mix.
        const std::string& other =
            cell.key.candLang == store::kAllLanguages ? query : cell.key.candLang;
        switch (split.of(query, other)) {
            case Side::Seen:
                slotOf(seen, cell, metric)->add(cell.value);
                break;
            case Side::Unseen:
                slotOf(unseen, cell, metric)->add(cell.value);
                break;
            case Side::Mixed:
                mixedCr.add(cell.value);
                break;
        }
    }
    SeenUnseenSummary summary;
    summary.suite = suite;
    summary.metric = metric;
    summary.hasTrainingLanguages = split.known();
    summary.languages.assign(languages.begin(), languages.end());
    summary.seen.assign(seenLanguages.begin(), seenLanguages.end());
    summary.unseen.assign(unseenLanguages.begin(), unseenLanguages.end());
    summary.overall = overall.means();
    summary.seenScores = seen.means();
    summary.unseenScores = unseen.means();
    summary.mixedCr = mixedCr.mean();
    return summary;
}

Result<SeenUnseenSummary> readSeenUnseenSummary(store::ResultRepository& results,
                                                std::int64_t runId, const std::string& suite,
                                                const std::vector<std::string>& trainingLanguages,
                                                eval::Metric metric) {
    Result<std::vector<store::EvalCell>> cells = results.matrix(runId, suite);
    if (!cells) return cells.error();
    return seenUnseenSummary(cells.value(), suite, trainingLanguages, metric);
}

}  // namespace mtrec::report
