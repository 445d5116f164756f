#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace mtrec::eval {

/// Candidate vectors laid out for innerProducts: panels of kPanelColumns vectors, each panel stored
/// dimension-major (value k of the panel's 32 vectors together), the last panel zero-padded.
class PackedColumns {
public:
    static constexpr std::size_t kPanelColumns = 32;

    /// Packs `count` vectors of `dimension` floats; `vectorAt(i)` points at vector i's values.
    void pack(std::size_t count, std::size_t dimension,
              const std::function<const float*(std::size_t)>& vectorAt);

    std::size_t count() const { return count_; }
    std::size_t dimension() const { return dimension_; }
    std::size_t panels() const { return (count_ + kPanelColumns - 1) / kPanelColumns; }
    const float* panel(std::size_t index) const {
        return values_.data() + index * kPanelColumns * dimension_;
    }

private:
    std::size_t count_ = 0;
    std::size_t dimension_ = 0;
    std::vector<float> values_;
};

/// out[r * outStride + c] = row r . column c, for the `rowCount` rows (row-major, `dimension` =
/// columns.dimension() floats each) and every packed column, on up to `threads` threads.
///
/// Every value, whatever the shapes, the thread count or the position of the row and the column
/// in their blocks, is the same chain of operations: acc = 0, then acc += row[k] * column[k] for
/// k = 0, 1, ..., dimension - 1 in that order (one fused multiply-add per k where the CPU has FMA),
/// in float. So a (query, candidate) score computed in a column chunk equals, bit for bit, the
/// same score computed alone (innerProduct) or in any other chunk: the exactness the bounded
/// search (bounded_step.h) builds on. A BLAS GEMM promises no such thing (its kernels and the
/// splitting of the sum depend on the shape and the threads).
void innerProducts(const float* rows, std::size_t rowCount, const PackedColumns& columns,
                   float* out, std::size_t outStride, int threads);

/// The value innerProducts gives for this one pair, bit for bit (the same kernel, zero-padded).
float innerProduct(const float* row, const float* column, std::size_t dimension);

}  // namespace mtrec::eval
