"""Which BLAS this Python process runs torch on, for the benchmarks' logs: torch's build setting,
the library threadpoolctl finds loaded (python3-threadpoolctl), and the file mapped into the
process (what LD_LIBRARY_PATH chose)."""
import torch

try:
    import threadpoolctl
except ImportError:  # the benchmarks' set-up installs it; say so rather than fail
    threadpoolctl = None


def mapped_blas():
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.rsplit("/", 1)[-1]}
    return " ".join(sorted(paths)) or "none mapped"


def blas_in_use():
    settings = torch.__config__.show().replace(",", " ").split()
    lines = ["torch.__config__: " + " ".join(s for s in settings if s.startswith("BLAS_INFO=")),
             "mapped: " + mapped_blas()]
    if threadpoolctl is not None:
        for pool in threadpoolctl.threadpool_info():
            if pool.get("user_api") == "blas":
                lines.append("threadpoolctl: %s %s (%s, %s threads)" % (
                    pool.get("internal_api"), pool.get("version"), pool.get("filepath"),
                    pool.get("num_threads")))
    else:
        lines.append("threadpoolctl: not installed (apt-get install python3-threadpoolctl)")
    return lines
