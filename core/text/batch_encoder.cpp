#include "text/batch_encoder.h"

#include <algorithm>
#include <stdexcept>

namespace mtrec::text {

std::size_t EncodedBatch::length(std::size_t row) const {
    if (row >= rows) throw std::out_of_range("EncodedBatch: row " + std::to_string(row));
    const auto begin = mask.begin() + static_cast<std::ptrdiff_t>(row * cols);
    return static_cast<std::size_t>(
        std::count(begin, begin + static_cast<std::ptrdiff_t>(cols), 1));
}

std::vector<int64_t> EncodedBatch::row(std::size_t row) const {
    const auto begin = ids.begin() + static_cast<std::ptrdiff_t>(row * cols);
    return {begin, begin + static_cast<std::ptrdiff_t>(length(row))};
}

BatchEncoder::BatchEncoder(const Tokenizer& tokenizer, BatchEncodingOptions options)
    : tokenizer_(tokenizer), options_(std::move(options)) {
    if (options_.maxLength <= specialCount())
        throw std::invalid_argument(
            "BatchEncoder: max length " + std::to_string(options_.maxLength) +
            " leaves no room for text after " + std::to_string(specialCount()) + " special tokens");
}

std::size_t BatchEncoder::specialCount() const {
    if (!options_.addSpecialTokens) return 0;
    const SpecialTokens& special = tokenizer_.specialTokens();
    return (special.begin ? 1 : 0) + (special.end ? 1 : 0);
}

std::vector<int64_t> BatchEncoder::encodeOne(std::string_view text, TextRole role) const {
    std::string prefixed;
    if (options_.usePrefixes && role == TextRole::Query) prefixed = options_.queryPrefix;
    if (options_.usePrefixes && role == TextRole::Passage) prefixed = options_.passagePrefix;
    prefixed += text;

    std::vector<int64_t> content = tokenizer_.encode(prefixed);
    const std::size_t room = options_.maxLength - specialCount();
    if (content.size() > room) content.resize(room);

    const SpecialTokens& special = tokenizer_.specialTokens();
    std::vector<int64_t> ids;
    ids.reserve(content.size() + 2);
    if (options_.addSpecialTokens && special.begin) ids.push_back(*special.begin);
    ids.insert(ids.end(), content.begin(), content.end());
    if (options_.addSpecialTokens && special.end) ids.push_back(*special.end);
    return ids;
}

EncodedBatch BatchEncoder::encode(const std::vector<std::string>& texts, TextRole role) const {
    std::vector<std::vector<int64_t>> rows;
    rows.reserve(texts.size());
    std::size_t longest = 0;
    for (const std::string& text : texts) {
        rows.push_back(encodeOne(text, role));
        longest = std::max(longest, rows.back().size());
    }

    EncodedBatch batch;
    batch.rows = rows.size();
    batch.cols = options_.padding == Padding::MaxLength ? options_.maxLength : longest;
    batch.ids.assign(batch.rows * batch.cols, tokenizer_.specialTokens().pad);
    batch.mask.assign(batch.rows * batch.cols, 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto offset = static_cast<std::ptrdiff_t>(r * batch.cols);
        std::copy(rows[r].begin(), rows[r].end(), batch.ids.begin() + offset);
        std::fill_n(batch.mask.begin() + offset, rows[r].size(), 1);
    }
    return batch;
}

}  // namespace mtrec::text
