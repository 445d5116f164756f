#include "experiment/training_config.h"

#include "common/json_document.h"
#include "experiment/config_choices.h"
#include "experiment/training_config_sections.h"

namespace mtrec::experiment {
namespace {

using nlohmann::json;

void readQaSource(JsonReader qa, DataConfig& data) {
    qa.text("folder", data.parallelQaFolder);
    if (const json* files = qa.raw("files")) {
        if (!files->is_object()) {
            qa.problem("files", "expected an object {\"<lang>\": \"<file>\"}, found " +
                                    jsonTypeName(*files));
        } else {
            for (const auto& [lang, file] : files->items()) {
                if (file.is_string())
                    data.parallelQaFiles[lang] = file.get<std::string>();
                else
                    qa.problem("files." + lang, "expected a string, found " + jsonTypeName(file));
            }
        }
    }
    qa.finish();
}

void readData(JsonReader data, DataConfig& out) {
    readQaSource(data.object("parallel_qa"), out);
    data.texts("languages", out.languages);
    data.choice("answer_unit", out.answerUnit, answerUnitChoices());
    data.count("max_groups", out.maxGroups);
    data.texts("jsonl", out.jsonlFiles);
    const auto sentences = data.array("parallel_sentences");
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        JsonReader files = data.element("parallel_sentences", i, *sentences[i],
                                        "{query, passage[, query_lang, passage_lang]}");
        if (!files.present()) continue;
        data::ParallelTextFiles entry;
        files.text("query", entry.queryFile, true);
        files.text("passage", entry.passageFile, true);
        files.text("query_lang", entry.queryLang);
        files.text("passage_lang", entry.passageLang);
        files.finish();
        out.parallelSentences.push_back(std::move(entry));
    }
    JsonReader validation = data.object("validation");
    validation.number("fraction", out.validation.fraction);
    validation.texts("languages", out.validation.languages);
    validation.finish();
    data.finish();
}

void readTokenizer(JsonReader tokenizer, TokenizerConfig& out, std::uint64_t seed) {
    JsonReader train = tokenizer.object("train");
    if (train.present()) {
        text::SentencePieceTrainOptions options;
        options.seed = static_cast<unsigned>(seed);
        train.integer("vocab_size", options.vocabSize);
        train.choice("model_type", options.modelType, tokenizerModelTypeChoices());
        train.number("character_coverage", options.characterCoverage);
        train.count("max_sentences", options.maxSentences);
        train.flag("byte_fallback", options.byteFallback);
        train.text("normalization", options.normalization);
        out.train = options;
    }
    train.finish();
    tokenizer.text("path", out.path);
    tokenizer.count("max_length", out.encoding.maxLength);
    tokenizer.flag("prefixes", out.encoding.usePrefixes);
    tokenizer.text("query_prefix", out.encoding.queryPrefix);
    tokenizer.text("passage_prefix", out.encoding.passagePrefix);
    tokenizer.finish();
}

}  // namespace

ParsedTrainingConfig parseTrainingConfig(const json& document) {
    ParsedTrainingConfig parsed;
    TrainingConfig& config = parsed.config;
    std::vector<ConfigProblem>& problems = parsed.problems;
    JsonReader root = JsonReader::document(document, problems);
    if (!root.present()) return parsed;
    if (!root.integer("version", config.version) && !root.has("version"))
        root.problem("version", "missing (required; this program reads version " +
                                    std::to_string(kTrainingConfigVersion) + ")");
    else if (config.version != kTrainingConfigVersion)
        root.problem("version", "this program reads version " +
                                    std::to_string(kTrainingConfigVersion) + " configs, found " +
                                    std::to_string(config.version));
    root.text("name", config.name, true);
    root.unsignedInteger("seed", config.seed);
    root.count("threads", config.threads);
    root.choice("precision", config.precision, precisionChoices());
    readData(root.object("data", true), config.data);
    readTokenizer(root.object("tokenizer"), config.tokenizer, config.seed);
    readModel(root.object("model"), config.model);
    readStrategy(root.object("strategy", true), config.strategy);
    readOptimizer(root.object("optimizer"), config.optimizer);
    readEvaluation(root, config.evaluation);
    root.finish();
    return parsed;
}

Result<ParsedTrainingConfig> readTrainingConfig(const std::string& path) {
    Result<JsonDocument> document = JsonDocument::read(path);
    if (!document) return document.error();
    return parseTrainingConfig(document.value().root().json());
}

}  // namespace mtrec::experiment
