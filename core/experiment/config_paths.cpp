#include "experiment/config_paths.h"

namespace mtrec::experiment {

TrainingConfig mapConfigPaths(TrainingConfig config,
                              const std::function<std::string(const std::string&)>& map) {
    const auto apply = [&map](std::string& path) {
        if (!path.empty()) path = map(path);
    };
    DataConfig& data = config.data;
    apply(data.parallelQaFolder);
    for (auto& [lang, file] : data.parallelQaFiles) apply(file);
    for (std::string& file : data.jsonlFiles) apply(file);
    for (data::ParallelTextFiles& files : data.parallelSentences) {
        apply(files.queryFile);
        apply(files.passageFile);
    }
    apply(config.tokenizer.path);
    apply(config.model.hfFolder);
    for (EvaluationSuiteConfig& suite : config.evaluation) apply(suite.data);
    return config;
}

TrainingConfig withAbsolutePaths(TrainingConfig config, const std::filesystem::path& base) {
    return mapConfigPaths(std::move(config), [&base](const std::string& path) {
        const std::filesystem::path given(path);
        return (given.is_absolute() ? given : base / given).lexically_normal().string();
    });
}

}  // namespace mtrec::experiment
