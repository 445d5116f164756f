#include "experiment/question_overlap.h"

#include <algorithm>
#include <set>
#include <string>

#include "common/json_document.h"
#include "data/squad_paragraphs.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

Status addQuestionIds(const std::vector<fs::path>& files, std::set<std::string>& ids) {
    for (const fs::path& file : files) {
        Result<JsonDocument> document = JsonDocument::read(file.string());
        if (!document) return document.error();
        Result<std::vector<data::SquadParagraph>> paragraphs =
            data::readSquadParagraphs(document.value());
        if (!paragraphs) return paragraphs.error();
        for (const data::SquadParagraph& paragraph : paragraphs.value())
            for (const data::SquadQuestion& question : paragraph.questions) ids.insert(question.id);
    }
    return success();
}

}  // namespace

Result<QuestionOverlap> questionOverlap(const std::vector<fs::path>& trainingFiles,
                                        const std::vector<fs::path>& evaluationFiles) {
    std::set<std::string> training;
    std::set<std::string> evaluation;
    if (Status read = addQuestionIds(trainingFiles, training); !read) return read.error();
    if (Status read = addQuestionIds(evaluationFiles, evaluation); !read) return read.error();
    QuestionOverlap overlap;
    overlap.evaluationQuestions = evaluation.size();
    overlap.shared = static_cast<std::size_t>(
        std::count_if(evaluation.begin(), evaluation.end(),
                      [&training](const std::string& id) { return training.count(id) > 0; }));
    return overlap;
}

std::vector<fs::path> jsonFilesIn(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file(ec) && entry.path().extension() == ".json")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace mtrec::experiment
