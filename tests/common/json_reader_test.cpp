// JsonReader: typed reads that record every problem at its JSON path, unknown keys with hints,
// and the Choice lists forms and the reader share.
#include <gtest/gtest.h>

#include <optional>

#include "common/choice.h"
#include "common/json_reader.h"

namespace mtrec {
namespace {

using nlohmann::json;

std::vector<std::string> texts(const std::vector<JsonProblem>& problems) {
    std::vector<std::string> lines;
    for (const JsonProblem& problem : problems) lines.push_back(problem.text());
    return lines;
}

TEST(JsonReader, ReadsTypedFieldsAndLeavesAbsentOnesAlone) {
    const json node = {{"name", "run"}, {"on", true},        {"rate", 0.5},      {"steps", 12},
                       {"depth", -3},   {"ids", {"a", "b"}}, {"big", 9000000000}};
    std::vector<JsonProblem> problems;
    JsonReader reader = JsonReader::document(node, problems);
    std::string name, absent = "kept";
    bool on = false;
    double rate = 0;
    std::size_t steps = 0;
    int depth = 0;
    std::int64_t big = 0;
    std::vector<std::string> ids;
    EXPECT_TRUE(reader.text("name", name));
    EXPECT_FALSE(reader.text("absent", absent));
    EXPECT_TRUE(reader.flag("on", on));
    EXPECT_TRUE(reader.number("rate", rate));
    EXPECT_TRUE(reader.count("steps", steps));
    EXPECT_TRUE(reader.integer("depth", depth));
    EXPECT_TRUE(reader.integer("big", big));
    EXPECT_TRUE(reader.texts("ids", ids));
    reader.finish();
    EXPECT_TRUE(problems.empty()) << describeProblems("f.json", problems);
    EXPECT_EQ(name, "run");
    EXPECT_EQ(absent, "kept");
    EXPECT_TRUE(on);
    EXPECT_EQ(rate, 0.5);
    EXPECT_EQ(steps, 12u);
    EXPECT_EQ(depth, -3);
    EXPECT_EQ(big, 9000000000);
    EXPECT_EQ(ids, (std::vector<std::string>{"a", "b"}));
}

TEST(JsonReader, RecordsEveryProblemAtItsPath) {
    const json node = {{"name", 3},          {"on", "yes"},          {"rate", "fast"},
                       {"steps", -1},        {"depth", 1.5},         {"ids", {"a", 2, "c"}},
                       {"huge", 3000000000}, {"sub", json::array()}, {"stpes", 4}};
    std::vector<JsonProblem> problems;
    JsonReader reader = JsonReader::document(node, problems, "$.section");
    std::string name = "before";
    bool on = false;
    double rate = 0;
    std::size_t steps = 7;
    int depth = 0, huge = 0;
    std::vector<std::string> ids = {"old"};
    reader.text("name", name);
    reader.text("required", name, true);
    reader.flag("on", on);
    reader.number("rate", rate);
    reader.count("steps", steps);
    reader.integer("depth", depth);
    reader.integer("huge", huge);
    reader.texts("ids", ids);
    EXPECT_FALSE(reader.object("sub").present());
    reader.finish();
    EXPECT_EQ(texts(problems),
              (std::vector<std::string>{"$.section.name: expected a string, found a number",
                                        "$.section.required: missing (required)",
                                        "$.section.on: expected true or false, found a string",
                                        "$.section.rate: expected a number, found a string",
                                        "$.section.steps: must not be negative",
                                        "$.section.depth: expected a whole number, found a number",
                                        "$.section.huge: out of range",
                                        "$.section.ids[1]: expected a string, found a number",
                                        "$.section.sub: expected an object, found an array",
                                        "$.section.stpes: unknown key (did you mean 'steps'?)"}));
    // Targets keep their values when the JSON's are wrong.
    EXPECT_EQ(name, "before");
    EXPECT_EQ(steps, 7u);
    EXPECT_EQ(ids, (std::vector<std::string>{"old"}));
}

TEST(JsonReader, DocumentsElementsAndNestedObjects) {
    std::vector<JsonProblem> problems;
    EXPECT_FALSE(JsonReader::document(json::array(), problems).present());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].text(), "$: expected a JSON object, found an array");

    problems.clear();
    const json node = {{"tasks", {{{"name", "a"}}, 5}}, {"inner", {{"x", 1}, {"y", 2}}}};
    JsonReader root = JsonReader::document(node, problems);
    const auto tasks = root.array("tasks");
    ASSERT_EQ(tasks.size(), 2u);
    JsonReader first = root.element("tasks", 0, *tasks[0], "{name}");
    std::string name;
    EXPECT_TRUE(first.text("name", name));
    EXPECT_EQ(first.path(), "$.tasks[0]");
    EXPECT_FALSE(root.element("tasks", 1, *tasks[1], "{name}").present());
    JsonReader inner = root.object("inner", true);
    std::int64_t x = 0;
    inner.integer("x", x);
    inner.finish("not used here");
    root.object("absent", true);
    root.finish();
    EXPECT_EQ(texts(problems), (std::vector<std::string>{"$.tasks[1]: expected an object {name}",
                                                         "$.inner.y: not used here",
                                                         "$.absent: missing (required)"}));
    EXPECT_EQ(x, 1);
    EXPECT_EQ(describeProblems("f.json", problems),
              "f.json: $.tasks[1]: expected an object {name}\nf.json: $.inner.y: not used "
              "here\nf.json: $.absent: missing (required)");
}

TEST(JsonReader, FlagsMayBeNull) {
    const json node = {{"a", nullptr}, {"b", false}, {"c", "yes"}};
    std::vector<JsonProblem> problems;
    JsonReader reader = JsonReader::document(node, problems);
    bool a = true;
    std::optional<bool> b, c;
    EXPECT_FALSE(reader.flagOrNull("a", a));
    EXPECT_TRUE(reader.flagOrNull("b", b));
    EXPECT_FALSE(reader.flagOrNull("c", c));
    EXPECT_TRUE(a);
    EXPECT_EQ(b, std::optional<bool>(false));
    EXPECT_FALSE(c);
    EXPECT_EQ(texts(problems),
              (std::vector<std::string>{"$.c: expected true, false or null, found a string"}));
}

enum class Colour { Red, Green, Blue };

const Choices<Colour> kColours = {
    {Colour::Red, "red", "Red"}, {Colour::Green, "green", "Green"}, {Colour::Blue, "blue", "Blue"}};

TEST(JsonReader, ChoicesParseListAndNameTheirValues) {
    EXPECT_EQ(keyList(kColours), "red, green or blue");
    EXPECT_EQ(parseChoice(kColours, "green"), std::optional<Colour>(Colour::Green));
    EXPECT_FALSE(parseChoice(kColours, "Green"));
    EXPECT_EQ(choiceOf(kColours, Colour::Blue).displayName, "Blue");
    EXPECT_THROW(choiceOf(kColours, static_cast<Colour>(9)), std::logic_error);

    const json node = {{"a", "blue"}, {"b", "pink"}};
    std::vector<JsonProblem> problems;
    JsonReader reader = JsonReader::document(node, problems);
    Colour a = Colour::Red, b = Colour::Red;
    const auto parse = [](const std::string& text) { return parseChoice(kColours, text); };
    EXPECT_TRUE(reader.choice("a", a, parse, keyList(kColours)));
    EXPECT_FALSE(reader.choice("b", b, parse, keyList(kColours)));
    EXPECT_EQ(a, Colour::Blue);
    EXPECT_EQ(b, Colour::Red);
    EXPECT_EQ(
        texts(problems),
        (std::vector<std::string>{"$.b: unknown value 'pink' (expected red, green or blue)"}));
}

}  // namespace
}  // namespace mtrec
