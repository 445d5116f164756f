// ResultRepository: the suites a run evaluated although they share data with its training data.

#include "store/result_repository.h"
#include "store/result_rows.h"
#include "store/sql_guard.h"

namespace mtrec::store {

Status ResultRepository::recordContamination(std::int64_t runId,
                                             const SuiteContamination& contamination) {
    if (contamination.suite.empty()) return Error{"a contaminated suite needs a name"};
    return guarded<Status>([&]() -> Status {
        // The write lock first: a read left open (the run check) could not become a write once
        // another process has committed, and SQLite would fail it at once as "database is locked".
        Transaction transaction(db_);
        Statement run = db_.prepare("SELECT 1 FROM runs WHERE id = ?1");
        if (!run.bind(1, runId).step())
            return Error{"no run with id " + std::to_string(runId) + " in " + db_.path()};
        db_.prepare(std::string("INSERT OR REPLACE INTO suite_contamination(run_id, ") +
                    rows::kContaminationColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind(1, runId)
            .bind(2, contamination.suite)
            .bind(3, contamination.questions)
            .bind(4, contamination.sharedQuestions)
            .bind(5, contamination.passages)
            .bind(6, contamination.sharedPassages)
            .bind(7, contamination.description)
            .run();
        run.reset();
        transaction.commit();
        return success();
    });
}

Result<std::vector<SuiteContamination>> ResultRepository::contamination(std::int64_t runId) {
    return guarded<Result<std::vector<SuiteContamination>>>(
        [&]() -> Result<std::vector<SuiteContamination>> {
            return rows::contaminationOf(db_, runId);
        });
}

}  // namespace mtrec::store
