#include "store/suite_contamination.h"

namespace mtrec::store {
namespace {

std::string counted(std::int64_t count, const std::string& noun) {
    return std::to_string(count) + " shared " + noun + (count == 1 ? "" : "s");
}

}  // namespace

std::string SuiteContamination::sharedText() const {
    std::string text;
    if (sharedQuestions > 0) text = counted(sharedQuestions, "question");
    if (sharedPassages > 0) text += (text.empty() ? "" : ", ") + counted(sharedPassages, "passage");
    return text.empty() ? "overlap recorded" : text;
}

const SuiteContamination* findContamination(const std::vector<SuiteContamination>& contaminated,
                                            const std::string& suite) {
    for (const SuiteContamination& record : contaminated)
        if (record.suite == suite) return &record;
    return nullptr;
}

}  // namespace mtrec::store
