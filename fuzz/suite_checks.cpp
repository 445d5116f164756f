#include "suite_checks.h"

#include <set>
#include <string>

#include "fuzz_support.h"

namespace mtrec::fuzz {

void checkSuite(const data::RetrievalSuite& suite) {
    std::set<std::string> docnos;
    for (const data::LanguageData& language : suite.languages) {
        if (language.judgments.size() != language.queries.size())
            propertyFailed(language.code + ": judgments and queries differ in number");
        for (const auto& judgments : language.judgments)
            for (const data::Judgment& judgment : judgments) {
                if (judgment.language >= suite.languages.size())
                    propertyFailed(language.code + ": judgment of a language out of range");
                if (judgment.candidate >= suite.languages[judgment.language].candidates.size())
                    propertyFailed(language.code + ": judgment of a candidate out of range");
            }
        for (const data::Candidate& candidate : language.candidates)
            if (!docnos.insert(candidate.docno).second)
                propertyFailed("docno '" + candidate.docno + "' used twice");
    }
}

}  // namespace mtrec::fuzz
