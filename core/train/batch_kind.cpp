#include "train/batch_kind.h"

namespace mtrec::train {

std::string BatchKind::label() const {
    std::string text = task.empty() ? branch : branch + "/" + task;
    return text + " " + queryLang + "-" + candidateLang;
}

}  // namespace mtrec::train
