#include "train/strategy_spec.h"

#include <stdexcept>

namespace mtrec::train {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::string& text, const std::pair<Enum, const char*> (&names)[N]) {
    for (const auto& [value, name] : names)
        if (text == name) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
const char* textOf(Enum value, const std::pair<Enum, const char*> (&names)[N]) {
    for (const auto& [candidate, name] : names)
        if (candidate == value) return name;
    throw std::logic_error("strategy_spec: enum value without a name");
}

const std::pair<StrategyName, const char*> kStrategies[] = {{StrategyName::Mono, "mono"},
                                                            {StrategyName::Cross, "cross"},
                                                            {StrategyName::Hybrid, "hybrid"},
                                                            {StrategyName::Multitask, "multitask"},
                                                            {StrategyName::Mixed, "mixed"}};
const std::pair<TaskKind, const char*> kTaskKinds[] = {{TaskKind::MonoQa, "mono_qa"},
                                                       {TaskKind::CrossQa, "cross_qa"},
                                                       {TaskKind::Translation, "translation"}};
const std::pair<TaskSchedule, const char*> kSchedules[] = {
    {TaskSchedule::RoundRobin, "round_robin"},
    {TaskSchedule::Proportional, "proportional"},
    {TaskSchedule::Temperature, "temperature"}};
const std::pair<LanguageWeighting, const char*> kWeightings[] = {
    {LanguageWeighting::Uniform, "uniform"}, {LanguageWeighting::Size, "size"}};

}  // namespace

const char* strategyNameText(StrategyName name) {
    return textOf(name, kStrategies);
}
std::optional<StrategyName> parseStrategyName(const std::string& text) {
    return parse(text, kStrategies);
}
const char* taskKindText(TaskKind kind) {
    return textOf(kind, kTaskKinds);
}
std::optional<TaskKind> parseTaskKind(const std::string& text) {
    return parse(text, kTaskKinds);
}
const char* scheduleText(TaskSchedule schedule) {
    return textOf(schedule, kSchedules);
}
std::optional<TaskSchedule> parseSchedule(const std::string& text) {
    return parse(text, kSchedules);
}
const char* weightingText(LanguageWeighting weighting) {
    return textOf(weighting, kWeightings);
}
std::optional<LanguageWeighting> parseWeighting(const std::string& text) {
    return parse(text, kWeightings);
}

std::vector<TaskSpec> defaultTasks(bool withTranslation) {
    std::vector<TaskSpec> tasks = {{"mono_qa", TaskKind::MonoQa, 1.0},
                                   {"cross_qa", TaskKind::CrossQa, 1.0}};
    if (withTranslation) tasks.push_back({"translation", TaskKind::Translation, 1.0});
    return tasks;
}

}  // namespace mtrec::train
