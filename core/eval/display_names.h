#pragma once

#include <string_view>

#include "eval/suite_evaluation.h"

namespace mtrec::eval {

/// How a table header or a combo box names a metric: "mAP", "MRR", "R@1", "R@10", "R@100", "P@1",
/// "nDCG@10" (trecName gives trec_eval's names).
std::string_view displayName(Metric metric);

/// "Monolingual (Mo)", "Cross-lingual (Cr)", "Multilingual pool (Mul)" (settingName gives the
/// short names).
std::string_view displayName(Setting setting);

}  // namespace mtrec::eval
