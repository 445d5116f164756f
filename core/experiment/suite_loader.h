#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "data/retrieval_suite.h"

namespace mtrec::experiment {

/// The benchmark suites `mtrec eval --suite` accepts.
inline const std::vector<std::string> kSuiteNames = {"xquad-r", "mlqa-r", "miracl", "mtrec"};

struct SuiteRequest {
    std::string suite;                   ///< One of kSuiteNames.
    std::string dataDir;                 ///< The suite's folder (see loadSuites).
    std::vector<std::string> languages;  ///< Empty: every language found.
};

struct LoadedSuites {
    std::vector<data::RetrievalSuite> suites;
    std::vector<std::string> notes;  ///< What was left out and why (e.g. MIRACL without passages).
};

/// Reads the suite(s) a request names. `dataDir` is the folder of the suite's files: for "xquad-r"
/// the folder of <lang>.json, for "mlqa-r" LAReQA's MLQA-R folder of <lang>.json (the papers'
/// sentences, readLareqaMlqaR) or else raw MLQA's folder of dev-context-XX-question-XX.json (split
/// with ICU, readMlqaR), for "miracl" the folder holding topics/, qrels/ and corpus/. A parent
/// folder laid out like the public download is accepted too (xquad-r/xquad-r, mlqa-r, else
/// mlqa/MLQA_V1/dev). "mtrec" reads XQuAD-R, MLQA-R (LAReQA's files when present) and, where its
/// passages are present, MIRACL from one folder laid out like ../shared/datasets; with "mtrec" a
/// requested language a suite lacks is simply not evaluated for that suite.
Result<LoadedSuites> loadSuites(const SuiteRequest& request);

/// The languages `suite` finds in `dataDir` (the folder loadSuites reads, same layouts), sorted,
/// for a form to offer: xquad-r's <lang>.json, mlqa-r's <lang>.json (LAReQA's layout) or else its
/// dev/test-context-XX-question-XX.json, miracl's topics files (with or without passages); "mtrec"
/// the union of XQuAD-R's, MLQA-R's and the MIRACL languages whose passages are present. Empty when
/// the folder holds none. Errors: an unknown suite, a folder that does not exist.
Result<std::vector<std::string>> suiteLanguages(const std::string& suite,
                                                const std::string& dataDir);

}  // namespace mtrec::experiment
