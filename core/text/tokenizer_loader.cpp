#include "text/tokenizer_loader.h"

#include <system_error>

#include "text/sentencepiece_tokenizer.h"
#include "text/wordpiece_tokenizer.h"
#include "text/xlmr_tokenizer.h"

namespace mtrec::text {

namespace {

template <typename Concrete>
Result<std::unique_ptr<Tokenizer>> boxed(Result<Concrete> loaded) {
    if (!loaded) return loaded.error();
    return std::unique_ptr<Tokenizer>(std::make_unique<Concrete>(std::move(loaded).value()));
}

}  // namespace

Result<std::unique_ptr<Tokenizer>> loadTokenizer(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec))
        return boxed(SentencePieceTokenizer::load(path));
    if (!std::filesystem::is_directory(path, ec))
        return Error{path.string() + ": tokenizer file or folder does not exist"};
    if (std::filesystem::exists(path / "sentencepiece.bpe.model", ec))
        return boxed(XlmRobertaTokenizer::loadFolder(path));
    if (std::filesystem::exists(path / "vocab.txt", ec))
        return boxed(WordPieceTokenizer::loadFolder(path));
    return Error{
        path.string() +
        ": no tokenizer in this folder (looked for sentencepiece.bpe.model and vocab.txt)"};
}

}  // namespace mtrec::text
