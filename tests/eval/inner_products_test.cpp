// The dense kernel (inner_products.h): every score is the same float whatever the shapes, the
// column order, the thread count or the position in a tile.
#include <gtest/gtest.h>

#include <random>

#include "eval/inner_products.h"
#include "eval/top_k.h"

namespace mtrec::eval {
namespace {

std::vector<float> products(const std::vector<float>& rows, std::size_t rowCount,
                            const std::vector<float>& columns, const std::vector<std::size_t>& pick,
                            std::size_t dimension, int threads) {
    PackedColumns packed;
    packed.pack(pick.size(), dimension,
                [&](std::size_t i) { return &columns[pick[i] * dimension]; });
    std::vector<float> out(rowCount * pick.size(), -1.0f);
    innerProducts(rows.data(), rowCount, packed, out.data(), pick.size(), threads);
    return out;
}

TEST(InnerProducts, HandComputed) {
    const std::vector<float> rows = {1, 2, 3, 4};
    const std::vector<float> columns = {5, 6, 7, 8, -1, 0};
    EXPECT_EQ(products(rows, 2, columns, {0, 1, 2}, 2, 1),
              (std::vector<float>{17, 23, -1, 39, 53, -3}));
    EXPECT_EQ(innerProduct(&rows[2], &columns[2], 2), 53.0f);
}

TEST(InnerProducts, EachScoreIsOneValueWhateverTheShape) {
    std::mt19937 random(5);
    std::normal_distribution<float> gaussian;
    for (std::size_t dimension : {1u, 7u, 16u, 37u, 256u}) {
        for (std::size_t rowCount : {1u, 5u, 6u, 7u, 13u}) {
            for (std::size_t columnCount : {1u, 31u, 32u, 33u, 70u}) {
                std::vector<float> rows(rowCount * dimension), columns(columnCount * dimension);
                for (float& v : rows) v = gaussian(random);
                for (float& v : columns) v = gaussian(random);
                std::vector<std::size_t> forward(columnCount), backward(columnCount);
                for (std::size_t c = 0; c < columnCount; ++c) {
                    forward[c] = c;
                    backward[c] = columnCount - 1 - c;
                }
                const auto one = products(rows, rowCount, columns, forward, dimension, 1);
                const auto reversed = products(rows, rowCount, columns, backward, dimension, 2);
                for (std::size_t r = 0; r < rowCount; ++r) {
                    for (std::size_t c = 0; c < columnCount; ++c) {
                        const float alone =
                            innerProduct(&rows[r * dimension], &columns[c * dimension], dimension);
                        ASSERT_EQ(one[r * columnCount + c], alone)
                            << dimension << " " << r << " " << c;
                        ASSERT_EQ(reversed[r * columnCount + columnCount - 1 - c], alone);
                        double exact = 0;
                        for (std::size_t k = 0; k < dimension; ++k)
                            exact += static_cast<double>(rows[r * dimension + k]) *
                                     columns[c * dimension + k];
                        ASSERT_NEAR(alone, exact, 1e-4 * (1 + std::abs(exact)) * dimension);
                    }
                }
            }
        }
    }
}

TEST(TopK, KeepsTheBestInTrecEvalOrderAcrossOffers) {
    // Scores with docno positions; ties broken by the larger position.
    const std::vector<float> scores = {1, 4, 4, 2, 4, 0, 3, 4};
    const std::vector<std::int32_t> order = {0, 5, 1, 2, 7, 3, 4, 6};
    TopK top(3);
    top.offer(scores.data(), order.data(), 3, 0);
    top.offer(scores.data() + 3, order.data() + 3, 5, 3);
    std::vector<std::uint32_t> columns;
    for (const ScoredColumn& entry : top.take()) columns.push_back(entry.column);
    EXPECT_EQ(columns, (std::vector<std::uint32_t>{4, 7, 1}));  // the 4s at positions 7, 6, 5
    TopK one(1);
    for (std::size_t i = 0; i < scores.size(); ++i) one.offer(&scores[i], &order[i], 1, i);
    EXPECT_EQ(one.take().at(0).column, 4u);
}

}  // namespace
}  // namespace mtrec::eval
