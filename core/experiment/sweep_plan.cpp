#include "experiment/sweep_plan.h"

#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "experiment/config_paths.h"
#include "experiment/sweep_grid.h"
#include "experiment/training_run.h"

namespace mtrec::experiment {
namespace {

namespace fs = std::filesystem;

std::string numbered(std::size_t index, std::size_t count) {
    std::string text = std::to_string(index);
    const std::size_t width = std::max<std::size_t>(3, std::to_string(count - 1).size());
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

/// Every problem of one expanded config, as "<grid path>: config <file>: <config path>: ...".
void checkExpanded(const ExpandedConfig& expanded, const std::string& file, const SweepGrid& grid,
                   const fs::path& baseDir, std::vector<std::string>& problems,
                   std::string& configText) {
    ParsedTrainingConfig parsed = parseTrainingConfig(expanded.config);
    std::vector<ConfigProblem> found = parsed.problems;
    if (found.empty()) {
        TrainingRunCheck check = checkTrainingConfigValue(parsed.config, file, baseDir);
        found = check.problems;
        if (found.empty() && !check.ok()) found.push_back({"$.data", "no data was read"});
    }
    for (const ConfigProblem& problem : found) {
        const std::string where = gridPathOf(expanded, problem.path);
        problems.push_back((where.empty() ? "$.base (" + grid.baseFile.string() + ")" : where) +
                           ": config " + file + ": " + problem.text());
    }
    if (found.empty())
        configText = toJson(withAbsolutePaths(std::move(parsed.config), baseDir)).dump(2) + "\n";
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Writes the configs, or finds them already there (the same grid planned again).
Status writeConfigs(const fs::path& folder, const std::map<std::string, std::string>& configs) {
    std::error_code ec;
    std::set<std::string> present;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec))
        present.insert(entry.path().filename().string());
    for (const std::string& name : present)
        if (!configs.count(name) || readText(folder / name) != configs.at(name))
            return Error{folder.string() + " already holds configs of another sweep (" + name +
                         " differs); give another --out or remove them"};
    for (const auto& [name, text] : configs) {
        if (present.count(name)) continue;
        std::ofstream out(folder / name, std::ios::binary);
        out << text;
        if (!out.flush()) return Error{"cannot write " + (folder / name).string()};
    }
    return success();
}

std::string shellQuoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

Result<SweepPlan> planSweep(const fs::path& gridFile, const fs::path& folder,
                            const fs::path& baseDir) {
    const fs::path base = baseDir.empty() ? fs::current_path() : fs::absolute(baseDir);
    Result<SweepGrid> grid = readSweepGrid(gridFile);
    if (!grid) return grid.error();
    Result<std::vector<ExpandedConfig>> expanded = expandGrid(grid.value());
    if (!expanded) return expanded.error();
    SweepPlan plan{(folder.is_absolute() ? folder : base / folder).lexically_normal(),
                   grid.value().name, {}};
    std::vector<std::string> problems;
    std::map<std::string, std::string> configs;  // file name -> text
    for (const ExpandedConfig& config : expanded.value()) {
        const std::string number = numbered(config.index, expanded.value().size());
        const std::string file = number + "-" + config.label + ".json";
        checkExpanded(config, file, grid.value(), base, problems, configs[file]);
        plan.tasks.push_back({config.index, config.label, plan.folder / "configs" / file,
                              plan.folder / "db" / (number + ".db"),
                              plan.folder / "runs" / number});
    }
    if (!problems.empty()) {
        std::string message = gridFile.string() + ": the sweep was refused, nothing was written:";
        for (const std::string& problem : problems) message += "\n  " + problem;
        return Error{message};
    }
    // db/ too: `mtrec train` makes a missing database, never a missing folder.
    for (const char* sub : {"configs", "db"}) {
        std::error_code ec;
        fs::create_directories(plan.folder / sub, ec);
        if (ec) return Error{"cannot make " + (plan.folder / sub).string() + ": " + ec.message()};
    }
    if (Status written = writeConfigs(plan.folder / "configs", configs); !written)
        return written.error();
    return plan;
}

namespace {

/// The sweep's name as a Slurm job name: #SBATCH lines split at white space, so every character
/// but letters, digits, '.', '_' and '-' becomes '_'.
std::string slurmJobName(const std::string& name) {
    std::string job = name;
    for (char& c : job)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            c = '_';
    return job;
}

}  // namespace

std::string slurmScript(const SweepPlan& plan, const std::string& mtrec) {
    std::ostringstream script;
    script << "#!/bin/bash\n"
           << "# mtrec sweep " << plan.name << ": " << plan.tasks.size()
           << " training runs, one per array task, each with its own database under db/.\n"
           << "# Submit with: sbatch " << shellQuoted((plan.folder / "sweep.slurm").string())
           << "\n# When the tasks are done: " << mergeCommand(plan, mtrec) << "\n"
           << "#SBATCH --job-name=" << slurmJobName(plan.name) << "\n"
           << "#SBATCH --array=0-" << plan.tasks.size() - 1 << "\n"
           << "#SBATCH --output=" << (plan.folder / "logs" / "%A_%a.log").string() << "\n"
           << "set -euo pipefail\n"
           << "export OMP_WAIT_POLICY=PASSIVE\n"
           << "case \"$SLURM_ARRAY_TASK_ID\" in\n";
    for (const SweepTask& task : plan.tasks)
        script << "  " << task.index << ") exec " << shellQuoted(mtrec) << " train --config "
               << shellQuoted(task.config.string()) << " --db "
               << shellQuoted(task.database.string()) << " --out "
               << shellQuoted(task.output.string()) << " ;;\n";
    script << "  *) echo \"no task $SLURM_ARRAY_TASK_ID in this sweep\" >&2; exit 1 ;;\n"
           << "esac\n";
    return script.str();
}

Result<fs::path> writeSlurmScript(const SweepPlan& plan, const std::string& mtrec) {
    const fs::path path = plan.folder / "sweep.slurm";
    std::error_code ec;
    fs::create_directories(plan.folder / "logs", ec);  // Slurm does not make the log folder
    std::ofstream out(path, std::ios::binary);
    out << slurmScript(plan, mtrec);
    if (!out.flush()) return Error{"cannot write " + path.string()};
    out.close();
    fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add,
                    ec);
    return path;
}

std::string mergeCommand(const SweepPlan& plan, const std::string& mtrec) {
    return mtrec + " runs merge " + shellQuoted((plan.folder / "db").string()) +
           "/*.db --into experiments.db";
}

}  // namespace mtrec::experiment
