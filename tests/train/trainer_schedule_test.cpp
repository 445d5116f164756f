#include <stdexcept>

#include <gtest/gtest.h>

#include "train/lr_schedule.h"

namespace mtrec::train {
namespace {

TEST(LinearSchedule, WarmsUpThenDecaysLinearly) {
    // peak 1, W = 2, T = 6: 1/2, 2/2, then (6 − t + 1) / 4 for t = 3..6.
    const LinearSchedule schedule(1.0, 2, 6);
    EXPECT_DOUBLE_EQ(schedule.at(1), 0.5);
    EXPECT_DOUBLE_EQ(schedule.at(2), 1.0);
    EXPECT_DOUBLE_EQ(schedule.at(3), 1.0);
    EXPECT_DOUBLE_EQ(schedule.at(4), 0.75);
    EXPECT_DOUBLE_EQ(schedule.at(5), 0.5);
    EXPECT_DOUBLE_EQ(schedule.at(6), 0.25);
}

TEST(LinearSchedule, WithoutWarmupStartsAtThePeak) {
    const LinearSchedule schedule(3e-5, 0, 4);
    EXPECT_DOUBLE_EQ(schedule.at(1), 3e-5);
    EXPECT_DOUBLE_EQ(schedule.at(2), 3e-5 * 3 / 4);
    EXPECT_DOUBLE_EQ(schedule.at(3), 3e-5 * 2 / 4);
    EXPECT_DOUBLE_EQ(schedule.at(4), 3e-5 * 1 / 4);
}

TEST(LinearSchedule, WarmupLongerThanTheRunOnlyWarmsUp) {
    const LinearSchedule schedule(2.0, 5, 3);
    EXPECT_DOUBLE_EQ(schedule.at(1), 0.4);
    EXPECT_DOUBLE_EQ(schedule.at(2), 0.8);
    EXPECT_DOUBLE_EQ(schedule.at(3), 1.2);
}

TEST(LinearSchedule, WarmupEqualToTheRunEndsAtThePeak) {
    const LinearSchedule schedule(1.0, 4, 4);
    EXPECT_DOUBLE_EQ(schedule.at(1), 0.25);
    EXPECT_DOUBLE_EQ(schedule.at(4), 1.0);
}

TEST(LinearSchedule, RejectsStepsOutsideTheRunAndBadArguments) {
    const LinearSchedule schedule(1.0, 1, 3);
    EXPECT_THROW(static_cast<void>(schedule.at(0)), std::out_of_range);
    EXPECT_THROW(static_cast<void>(schedule.at(4)), std::out_of_range);
    EXPECT_THROW(static_cast<void>(LinearSchedule(1.0, 0, 0).at(1)), std::out_of_range);  // no step at all
    EXPECT_THROW(LinearSchedule(-1.0, 0, 3), std::invalid_argument);
}

}  // namespace
}  // namespace mtrec::train
