#include "eval/display_names.h"

namespace mtrec::eval {

std::string_view displayName(Metric metric) {
    switch (metric) {
        case Metric::Map:
            return "mAP";
        case Metric::RecipRank:
            return "MRR";
        case Metric::Recall1:
            return "R@1";
        case Metric::Recall10:
            return "R@10";
        case Metric::Recall100:
            return "R@100";
        case Metric::P1:
            return "P@1";
        case Metric::NdcgCut10:
            return "nDCG@10";
    }
    return "?";
}

std::string_view displayName(Setting setting) {
    switch (setting) {
        case Setting::Mo:
            return "Monolingual (Mo)";
        case Setting::Cr:
            return "Cross-lingual (Cr)";
        case Setting::Mul:
            return "Multilingual pool (Mul)";
    }
    return "?";
}

}  // namespace mtrec::eval
