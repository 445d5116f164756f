#include "text/wordpiece_tokenizer.h"

#include <stdexcept>
#include <system_error>

#include "common/json_document.h"
#include "common/json_reader.h"
#include "common/line_reader.h"
#include "common/utf8.h"

namespace mtrec::text {

namespace {

const char* const kUnknownToken = "[UNK]";
const char* const kBeginToken = "[CLS]";
const char* const kEndToken = "[SEP]";
const char* const kPadToken = "[PAD]";
const char* const kMaskToken = "[MASK]";

/// Byte offsets of the code points of a valid UTF-8 word, plus its length at the end.
std::vector<std::size_t> codePointStarts(const std::string& word) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < word.size(); ++i)
        if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(word.size());
    return starts;
}

/// The options tokenizer_config.json sets (every key optional; null leaves an option unset); its
/// other keys are not ours to check.
Result<BertBasicOptions> readTokenizerConfig(const std::filesystem::path& configFile) {
    BertBasicOptions options;
    std::error_code ec;
    if (!std::filesystem::exists(configFile, ec)) return options;
    Result<JsonDocument> document = JsonDocument::read(configFile.string());
    if (!document) return document.error();
    std::vector<JsonProblem> problems;
    JsonReader config = JsonReader::document(document.value().root().json(), problems);
    config.flagOrNull("do_lower_case", options.lowerCase);
    config.flagOrNull("strip_accents", options.stripAccents);
    config.flagOrNull("tokenize_chinese_chars", options.splitCjk);
    if (!problems.empty()) return Error{describeProblems(configFile.string(), problems)};
    return options;
}

}  // namespace

Result<WordPieceTokenizer> WordPieceTokenizer::loadFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return Error{folder.string() + ": BERT model folder does not exist"};
    Result<BertBasicOptions> options = readTokenizerConfig(folder / "tokenizer_config.json");
    if (!options) return options.error();
    return loadVocab(folder / "vocab.txt", options.value());
}

Result<WordPieceTokenizer> WordPieceTokenizer::loadVocab(const std::filesystem::path& vocabFile,
                                                         BertBasicOptions options) {
    Result<LineReader> reader = LineReader::open(vocabFile.string());
    if (!reader) return reader.error();
    std::vector<std::string> tokens;
    std::string_view line;
    while (reader.value().next(line)) {
        if (const auto bad = findInvalidUtf8(line))
            return Error{reader.value().where() + ": invalid UTF-8 at byte " +
                         std::to_string(*bad + 1)};
        tokens.emplace_back(line);
    }
    return fromTokens(std::move(tokens), options, vocabFile.string());
}

Result<WordPieceTokenizer> WordPieceTokenizer::fromTokens(std::vector<std::string> tokens,
                                                          BertBasicOptions options,
                                                          const std::string& origin) {
    std::unordered_map<std::string, int64_t> ids;
    for (std::size_t i = 0; i < tokens.size(); ++i) ids[tokens[i]] = static_cast<int64_t>(i);

    std::string missing;
    const auto require = [&](const char* token) -> int64_t {
        const auto found = ids.find(token);
        if (found != ids.end()) return found->second;
        missing += std::string(missing.empty() ? "" : ", ") + token;
        return 0;
    };
    SpecialTokens special;
    special.unknown = require(kUnknownToken);
    special.begin = require(kBeginToken);
    special.end = require(kEndToken);
    special.pad = require(kPadToken);
    if (!missing.empty()) return Error{origin + ": WordPiece vocabulary lacks " + missing};

    std::set<std::string> keepWhole{kUnknownToken, kBeginToken, kEndToken, kPadToken};
    if (ids.count(kMaskToken) != 0) keepWhole.insert(kMaskToken);
    return WordPieceTokenizer(std::move(tokens), std::move(ids), special,
                              BertBasicTokenizer(options, std::move(keepWhole)));
}

WordPieceTokenizer::WordPieceTokenizer(std::vector<std::string> tokens,
                                       std::unordered_map<std::string, int64_t> ids,
                                       SpecialTokens special, BertBasicTokenizer basic)
    : tokens_(std::move(tokens)),
      ids_(std::move(ids)),
      special_(special),
      basic_(std::move(basic)) {
    mask_ = tokenId(kMaskToken);
}

std::vector<int64_t> WordPieceTokenizer::encode(std::string_view text) const {
    std::vector<int64_t> ids;
    for (const std::string& word : basic_.split(text)) encodeWord(word, ids);
    return ids;
}

void WordPieceTokenizer::encodeWord(const std::string& word, std::vector<int64_t>& ids) const {
    const std::vector<std::size_t> starts = codePointStarts(word);
    const std::size_t chars = starts.size() - 1;
    if (chars > kMaxWordChars) {
        ids.push_back(special_.unknown);
        return;
    }
    const std::size_t firstPiece = ids.size();
    std::string candidate;
    for (std::size_t begin = 0; begin < chars;) {
        std::size_t end = chars;
        std::optional<int64_t> match;
        for (; end > begin; --end) {
            candidate = begin > 0 ? "##" : "";
            candidate.append(word, starts[begin], starts[end] - starts[begin]);
            if ((match = tokenId(candidate))) break;
        }
        if (!match) {
            ids.resize(firstPiece);
            ids.push_back(special_.unknown);
            return;
        }
        ids.push_back(*match);
        begin = end;
    }
}

std::string WordPieceTokenizer::decode(const std::vector<int64_t>& ids) const {
    std::string text;
    for (int64_t id : ids) {
        checkId(id);
        if (isSpecial(id)) continue;
        const std::string& piece = tokens_[static_cast<std::size_t>(id)];
        if (piece.rfind("##", 0) == 0 && !text.empty()) {
            text.append(piece, 2, std::string::npos);
        } else {
            if (!text.empty()) text += ' ';
            text += piece;
        }
    }
    return text;
}

std::string WordPieceTokenizer::token(int64_t id) const {
    checkId(id);
    return tokens_[static_cast<std::size_t>(id)];
}

std::optional<int64_t> WordPieceTokenizer::tokenId(std::string_view token) const {
    const auto found = ids_.find(std::string(token));
    if (found == ids_.end()) return std::nullopt;
    return found->second;
}

bool WordPieceTokenizer::isSpecial(int64_t id) const {
    return id == special_.begin || id == special_.end || id == special_.pad || id == mask_;
}

void WordPieceTokenizer::checkId(int64_t id) const {
    if (id < 0 || id >= vocabSize())
        throw std::out_of_range("WordPiece id " + std::to_string(id) + " outside [0, " +
                                std::to_string(vocabSize()) + ")");
}

}  // namespace mtrec::text
