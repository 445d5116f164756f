#include "experiment/contamination_note.h"

#include <fstream>

namespace mtrec::experiment {

Status writeContaminationNote(const std::filesystem::path& folder, const std::string& suite,
                              const std::vector<store::SuiteContamination>& contaminated) {
    const store::SuiteContamination* record = store::findContamination(contaminated, suite);
    if (!record) return success();
    const std::filesystem::path path = folder / kContaminationNoteName;
    std::ofstream out(path, std::ios::binary);
    out << record->marker() << "\n\n"
        << "Not a zero-shot evaluation: " << record->description << "\n";
    out.close();
    if (!out) return Error{"cannot write " + path.string()};
    return success();
}

}  // namespace mtrec::experiment
