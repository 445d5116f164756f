# Sourced by the benchmarks that time Python PyTorch beside the C++ code. Debian installs each BLAS
# in a folder of its own behind the libblas.so.3 alternative, so a process picks one through
# LD_LIBRARY_PATH: `reference` (Netlib, what a fresh Debian has) or `openblas` (pthread build, the
# fastest Debian offers and what a Python user installs first). Torch's own oneDNN paths come on top
# of either (the Python scripts' --mkldnn/--linear conv variants).

# LAPACK too: OpenBLAS's liblapack.so.3 would load libopenblas beside the reference libblas.
BLAS_REFERENCE_DIRS=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack
BLAS_OPENBLAS_DIRS=/usr/lib/x86_64-linux-gnu/openblas-pthread

# Installs (as root) or asks for what the Python anchors need: Debian's torch, OpenBLAS, and
# threadpoolctl to say which BLAS a process really loaded.
require_bench_packages() {
    local needed=(python3-torch libopenblas0-pthread python3-threadpoolctl) missing=() pkg
    for pkg in "${needed[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$pkg")
    done
    (( ${#missing[@]} )) || return 0
    if [[ $(id -u) -eq 0 ]]; then
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "install ${missing[*]} first: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
}

# with_blas reference|openblas COMMAND...: runs COMMAND with that BLAS ahead of the system's choice.
with_blas() {
    local dir
    case "$1" in
        reference) dir=$BLAS_REFERENCE_DIRS ;;
        openblas) dir=$BLAS_OPENBLAS_DIRS ;;
        *) echo "with_blas: unknown BLAS '$1'" >&2; return 2 ;;
    esac
    shift
    LD_LIBRARY_PATH="$dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$@"
}
