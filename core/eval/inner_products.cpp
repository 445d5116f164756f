#include "eval/inner_products.h"

#include <algorithm>
#include <cstring>

#include "common/cpu_clones.h"
#include "eval/parallel_for.h"

namespace mtrec::eval {

namespace {

// 16 floats: one AVX-512 register, two AVX2 ones. A tile is kTileRows rows x one 32-column panel.
using Lane = float __attribute__((vector_size(64)));
constexpr std::size_t kLaneWidth = 16;
constexpr std::size_t kTileRows = 6;
static_assert(PackedColumns::kPanelColumns == 2 * kLaneWidth);

// Rows packed for the kernel: tiles of kTileRows rows, dimension-major ([k][row of tile]), the last
// tile zero-padded.
std::vector<float> packRows(const float* rows, std::size_t rowCount, std::size_t dimension) {
    const std::size_t tiles = (rowCount + kTileRows - 1) / kTileRows;
    std::vector<float> packed(tiles * kTileRows * dimension, 0.0f);
    for (std::size_t r = 0; r < rowCount; ++r) {
        float* tile = packed.data() + (r / kTileRows) * kTileRows * dimension;
        for (std::size_t k = 0; k < dimension; ++k)
            tile[k * kTileRows + r % kTileRows] = rows[r * dimension + k];
    }
    return packed;
}

// The one place a score is computed. Each accumulator lane runs acc += a[k] * b[k] for k ascending
// (compiled with -ffp-contract=fast: one FMA per step on FMA targets; see sources.cmake).
inline __attribute__((always_inline)) void tileProducts(const float* tileRows, const float* panel,
                                                        std::size_t dimension, float* out,
                                                        std::size_t outStride, std::size_t rows,
                                                        std::size_t columns) {
    Lane sum[kTileRows][2] = {};
    for (std::size_t k = 0; k < dimension; ++k) {
        Lane low, high;
        std::memcpy(&low, panel + k * 2 * kLaneWidth, sizeof low);
        std::memcpy(&high, panel + k * 2 * kLaneWidth + kLaneWidth, sizeof high);
        const float* a = tileRows + k * kTileRows;
        for (std::size_t r = 0; r < kTileRows; ++r) {
            sum[r][0] += a[r] * low;
            sum[r][1] += a[r] * high;
        }
    }
    for (std::size_t r = 0; r < rows; ++r) {
        float lanes[2 * kLaneWidth];
        std::memcpy(lanes, &sum[r][0], sizeof(Lane));
        std::memcpy(lanes + kLaneWidth, &sum[r][1], sizeof(Lane));
        std::memcpy(out + r * outStride, lanes, columns * sizeof(float));
    }
}

MTREC_CPU_CLONES void panelsTimesRows(const float* packedRows, std::size_t rowCount,
                                      const PackedColumns& columns, std::size_t firstPanel,
                                      std::size_t endPanel, float* out, std::size_t outStride) {
    const std::size_t dimension = columns.dimension();
    constexpr std::size_t width = PackedColumns::kPanelColumns;
    for (std::size_t p = firstPanel; p < endPanel; ++p) {
        const std::size_t validColumns = std::min(width, columns.count() - p * width);
        for (std::size_t first = 0; first < rowCount; first += kTileRows) {
            tileProducts(packedRows + first * dimension, columns.panel(p), dimension,
                         out + first * outStride + p * width, outStride,
                         std::min(kTileRows, rowCount - first), validColumns);
        }
    }
}

}  // namespace

void PackedColumns::pack(std::size_t count, std::size_t dimension,
                         const std::function<const float*(std::size_t)>& vectorAt) {
    count_ = count;
    dimension_ = dimension;
    values_.assign(panels() * kPanelColumns * dimension, 0.0f);
    for (std::size_t c = 0; c < count; ++c) {
        const float* vector = vectorAt(c);
        float* panel = values_.data() + (c / kPanelColumns) * kPanelColumns * dimension;
        for (std::size_t k = 0; k < dimension; ++k)
            panel[k * kPanelColumns + c % kPanelColumns] = vector[k];
    }
}

void innerProducts(const float* rows, std::size_t rowCount, const PackedColumns& columns,
                   float* out, std::size_t outStride, int threads) {
    if (rowCount == 0 || columns.count() == 0) return;
    const std::vector<float> packedRows = packRows(rows, rowCount, columns.dimension());
    constexpr std::size_t kPanelGrain = 4;
    parallelFor(columns.panels(), threads, kPanelGrain, [&](std::size_t begin, std::size_t end) {
        panelsTimesRows(packedRows.data(), rowCount, columns, begin, end, out, outStride);
    });
}

float innerProduct(const float* row, const float* column, std::size_t dimension) {
    PackedColumns packed;
    packed.pack(1, dimension, [column](std::size_t) { return column; });
    float value = 0.0f;
    innerProducts(row, 1, packed, &value, 1, 1);
    return value;
}

}  // namespace mtrec::eval
