#include "experiment/evaluation_run.h"

#include "store/experiment_store.h"
#include "store/suite_record.h"

namespace mtrec::experiment {

Result<std::int64_t> recordEvaluationRun(const EvaluationRunInfo& info,
                                         const std::vector<eval::SuiteEvaluation>& evaluations) {
    auto opened = store::ExperimentStore::open(info.databasePath);
    if (!opened) return opened.error();
    store::ExperimentStore& db = opened.value();

    store::NewRun newRun;
    newRun.name = info.name;
    newRun.configJson = info.configJson;
    newRun.strategy = info.scorer;
    auto runId = db.runs().create(newRun);
    if (!runId) return runId.error();
    const std::int64_t id = runId.value();
    if (Status started = db.runs().start(id); !started) return started.error();

    for (const store::SuiteContamination& contamination : info.contaminated)
        if (Status recorded = db.results().recordContamination(id, contamination); !recorded) {
            (void)db.runs().fail(id, recorded.error().message);
            return recorded.error();
        }
    for (const auto& evaluation : evaluations) {
        const store::SuiteRecord record = store::suiteRecord(evaluation);
        if (Status recorded = db.results().record(id, record.cells, record.perQuery); !recorded) {
            (void)db.runs().fail(id, recorded.error().message);
            return recorded.error();
        }
    }
    if (Status finished = db.runs().finish(id); !finished) return finished.error();
    return id;
}

}  // namespace mtrec::experiment
