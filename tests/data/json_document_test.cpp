#include "common/json_document.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "expect_error.h"
#include "test_support.h"

namespace mtrec::data {
namespace {

using test::expectError;
using test::TempDir;

TEST(JsonDocument, ReadsAFile) {
    TempDir dir;
    const auto path = dir.write("ok.json", "{\"data\": [{\"title\": \"Ünïcode\"}]}");
    Result<JsonDocument> doc = JsonDocument::read(path.string());
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ(doc.value().root().json()["data"][0]["title"],
              "\xC3\x9Cn\xC3\xAF"
              "code");
    EXPECT_EQ(doc.value().name(), path.string());
}

TEST(JsonDocument, MissingAndEmptyFiles) {
    TempDir dir;
    const std::string missing = (dir.path() / "nope.json").string();
    expectError(JsonDocument::read(missing), {missing + ": file not found"});
    const auto empty = dir.write("empty.json", "");
    expectError(JsonDocument::read(empty.string()), {empty.string() + ": file is empty"});
    const auto blank = dir.write("blank.json", " \n\t\n");
    expectError(JsonDocument::read(blank.string()), {blank.string() + ": file is empty"});
}

TEST(JsonDocument, SyntaxErrorsGiveLineAndCharacterColumn) {
    TempDir dir;
    // Truncated: the input ends after line 3 "  ]" (column 4 is just past it).
    const auto truncated = dir.write("cut.json", "{\n  \"data\": [\n  ]");
    expectError(JsonDocument::read(truncated.string()), {truncated.string() + ":3:4: invalid JSON",
                                                         "unexpected end of input", "truncated"});
    // In `"t": "中", x}` "中" is 3 bytes but one column: the stray 'x' is at line 2, column 11.
    const auto syntax = dir.write("bad.json", "{\n\"t\": \"\xE4\xB8\xAD\", x}");
    expectError(JsonDocument::read(syntax.string()), {syntax.string() + ":2:11: invalid JSON"});
}

TEST(JsonDocument, IllFormedUtf8IsNamedAsSuch) {
    TempDir dir;
    const auto path = dir.write("bytes.json", "{\"a\": 1,\n \"b\": \"\xC3\x9C\xC3(\"}");
    // Line 2 is ` "b": "Ü` then the bad byte: column 9.
    expectError(JsonDocument::read(path.string()),
                {path.string() + ":2:9: invalid UTF-8 (byte 0xC3)"});
}

TEST(JsonDocument, ParseNamesTheLineOfAJsonlRecord) {
    expectError(JsonDocument::parseLine("{\"docid\": }", "c.jsonl", 7),
                {"c.jsonl:7:11: invalid JSON"});
    expectError(
        JsonDocument::parseLine("{\"docid\": \"x\"}", "c.jsonl", 8).value().root().stringAt("text"),
        {"c.jsonl:8: $: missing key 'text'"});
    expectError(JsonDocument::parseLine(" ", "c.jsonl", 9), {"c.jsonl:9: empty line"});
}

// Found by fuzz/passages_jsonl_fuzzer.cpp: a number beyond double's range made nlohmann throw
// out_of_range (not parse_error), which escaped every reader and ended the program.
TEST(JsonDocument, NumbersBeyondDoubleAreAnErrorWithTheirPlace) {
    expectError(JsonDocument::parse("{\"a\": [1,\n  1e400]}", "big.json"),
                {"big.json:2:3: invalid JSON: number overflow parsing '1e400'"});
    expectError(JsonDocument::parseLine("401e3087370955161036854776\"teU.\"}", "c.jsonl", 4),
                {"c.jsonl:4:1: invalid JSON: number overflow parsing "
                 "'401e3087370955161036854776'"});
}

TEST(JsonValue, TypedAccessWithJsonPaths) {
    const auto doc = JsonDocument::parse(
        R"({"data": [{"qas": [{"id": "q1", "answers": [{"answer_start": "12"}, {"answer_start": 3.0}]}],
                     "odd key": 1}]})",
        "f.json");
    ASSERT_TRUE(doc.ok());
    const JsonValue root = doc.value().root();
    const auto qa = root.arrayAt("data").value()[0].arrayAt("qas").value()[0];
    EXPECT_EQ(qa.path(), "$.data[0].qas[0]");
    EXPECT_EQ(qa.stringAt("id").value(), "q1");
    const auto answers = qa.arrayAt("answers").value();
    expectError(
        answers[0].integerAt("answer_start"),
        {"f.json: $.data[0].qas[0].answers[0].answer_start: expected an integer, found a string"});
    expectError(answers[1].integerAt("answer_start"),
                {"f.json: $.data[0].qas[0].answers[1].answer_start: expected an integer, found a "
                 "non-integer"});
    expectError(qa.stringAt("question"), {"f.json: $.data[0].qas[0]: missing key 'question'"});
    expectError(qa.arrayAt("id"),
                {"f.json: $.data[0].qas[0].id: expected an array, found a string"});
    expectError(root.arrayAt("data").value()[0].stringAt("odd key"),
                {"f.json: $.data[0]['odd key']: expected a string, found a number"});
    expectError(answers[0].member("answer_start").value().member("x"),
                {"expected an object, found a string"});
    EXPECT_TRUE(qa.has("id"));
    EXPECT_FALSE(qa.has("question"));
}

}  // namespace
}  // namespace mtrec::data
