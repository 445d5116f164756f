// A training config (JSON) read by readTrainingConfig and, when it has no problem, validated
// against the fuzzer's folder and written back: parseTrainingConfig(toJson(c)) must give c again
// (the round trip the Setup form relies on).
#include <cstddef>
#include <cstdint>

#include "experiment/training_config.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mtrec;
    const auto& dir = fuzz::freshScratchDir();
    const auto path =
        fuzz::writeFile(dir, "config.json", {reinterpret_cast<const char*>(data), size});
    auto parsed = experiment::readTrainingConfig(path.string());
    if (!parsed || !parsed.value().problems.empty()) return 0;
    const experiment::TrainingConfig& config = parsed.value().config;
    (void)experiment::validate(config, dir);
    const experiment::ParsedTrainingConfig again =
        experiment::parseTrainingConfig(experiment::toJson(config));
    if (!again.problems.empty())
        fuzz::propertyFailed("toJson gave a config with problems: " + again.problems[0].text());
    if (again.config != config) fuzz::propertyFailed("toJson and parse changed the config");
    return 0;
}
