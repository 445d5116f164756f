// The safetensors reader and writer: a round trip over the dtypes, and one test per kind of
// broken file, each checking that the message names the file and the tensor or JSON path.
#include <cstring>
#include <filesystem>
#include <string>

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "model/safetensors.h"
#include "test_support.h"

namespace mtrec::model {
namespace {

/// A safetensors file from a header text and `dataBytes` bytes of data (values 0, 1, 2, …).
std::string fileBytes(const std::string& header, std::size_t dataBytes) {
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((header.size() >> (8 * i)) & 0xFF);
    bytes += header;
    for (std::size_t i = 0; i < dataBytes; ++i) bytes.push_back(static_cast<char>(i));
    return bytes;
}

class SafetensorsTest : public ::testing::Test {
protected:
    std::string write(const std::string& header, std::size_t dataBytes) {
        return dir_.write("model.safetensors", fileBytes(header, dataBytes)).string();
    }
    /// Opens `path` expecting an error, returns the message.
    static std::string openError(const std::string& path) {
        Result<SafetensorsFile> file = SafetensorsFile::open(path);
        EXPECT_FALSE(file.ok());
        return file.ok() ? std::string() : file.error().message;
    }
    test::TempDir dir_;
};

TEST_F(SafetensorsTest, RoundTripKeepsNamesDtypesShapesAndValues) {
    at::manual_seed(1);
    const at::Tensor f32 = at::randn({3, 4});
    const at::Tensor f16 = at::randn({5}).to(at::kHalf);
    const at::Tensor bf16 = at::randn({2, 2, 2}).to(at::kBFloat16);
    const at::Tensor i64 = at::arange(7, at::kLong);
    const at::Tensor empty = at::empty({0, 3});
    const std::string path = (dir_.path() / "t.safetensors").string();
    ASSERT_TRUE(
        writeSafetensors(
            path,
            {{"a.weight", f32}, {"half", f16}, {"brain", bf16}, {"ids", i64}, {"none", empty}},
            {{"format", "pt"}})
            .ok());
    Result<SafetensorsFile> file = SafetensorsFile::open(path);
    ASSERT_TRUE(file.ok()) << file.error().message;
    ASSERT_EQ(file.value().entries().size(), 5u);
    EXPECT_EQ(file.value().metadata().at("format"), "pt");
    EXPECT_EQ(file.value().find("half")->dtype, SafetensorsDtype::F16);
    EXPECT_EQ(file.value().find("brain")->shape, std::vector<int64_t>({2, 2, 2}));
    EXPECT_TRUE(file.value().read("a.weight").value().equal(f32));
    EXPECT_TRUE(file.value().read("half").value().equal(f16));
    EXPECT_TRUE(file.value().read("brain").value().equal(bf16));
    EXPECT_TRUE(file.value().read("ids").value().equal(i64));
    EXPECT_EQ(file.value().read("none").value().sizes(), at::IntArrayRef({0, 3}));
    const at::Tensor asFloat = file.value().readFloat("brain").value();
    EXPECT_EQ(asFloat.scalar_type(), at::kFloat);
    EXPECT_TRUE(asFloat.equal(bf16.to(at::kFloat)));

    Result<at::Tensor> notFloat = file.value().readFloat("ids");
    ASSERT_FALSE(notFloat.ok());
    EXPECT_EQ(notFloat.error().message,
              path + ": tensor 'ids' is I64, expected a floating-point dtype");
    Result<at::Tensor> missing = file.value().read("nope");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().message, path + ": no tensor 'nope'");
}

TEST_F(SafetensorsTest, ReadsLittleEndianValuesAtTheirOffsets) {
    // Two F32 tensors stored in reverse order; the second starts 4 bytes in.
    const std::string header =
        R"({"b":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})";
    std::string bytes = fileBytes(header, 0);
    const float values[2] = {2.5f, -1.0f};
    bytes.append(reinterpret_cast<const char*>(values), 8);
    const std::string path = dir_.write("le.safetensors", bytes).string();
    Result<SafetensorsFile> file = SafetensorsFile::open(path);
    ASSERT_TRUE(file.ok()) << file.error().message;
    EXPECT_EQ(file.value().read("b").value().item<float>(), 2.5f);
    EXPECT_EQ(file.value().read("a").value().item<float>(), -1.0f);
    EXPECT_EQ(file.value().entries().front().name, "b");
}

TEST_F(SafetensorsTest, TruncatedDataNamesTheTensor) {
    const std::string path =
        write(R"({"emb.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}})", 10);
    EXPECT_EQ(openError(path), path +
                                   ": $['emb.weight'].data_offsets: offsets [0, 16] run past "
                                   "the end of the data (10 bytes; file truncated?)");
}

TEST_F(SafetensorsTest, FilesTooShortForTheirHeaderAreRejected) {
    const std::string tiny = dir_.write("tiny.safetensors", "abc").string();
    EXPECT_EQ(openError(tiny), tiny + ": too short for a safetensors header (3 bytes)");
    std::string bytes = fileBytes("{}", 0);
    bytes[0] = 100;  // claims a 100-byte header
    const std::string cut = dir_.write("cut.safetensors", bytes).string();
    EXPECT_EQ(openError(cut), cut + ": header length 100 does not fit in the file (10 bytes)");
    const std::string absent = (dir_.path() / "absent.safetensors").string();
    EXPECT_NE(openError(absent).find(absent + ": cannot read"), std::string::npos);
}

TEST_F(SafetensorsTest, BadHeaderJsonGivesLineAndColumn) {
    const std::string path = write("{\"a\": {\"dtype\": \"F32\",,}}", 0);
    const std::string message = openError(path);
    EXPECT_EQ(message.rfind(path + ":1:", 0), 0u) << message;
    const std::string array = write("[1, 2]", 0);
    EXPECT_EQ(openError(array), array + ": $: the header must be a JSON object");
}

TEST_F(SafetensorsTest, UnknownDtypeIsNamed) {
    const std::string path =
        write(R"({"w":{"dtype":"F8_E4M3","shape":[4],"data_offsets":[0,4]}})", 4);
    EXPECT_EQ(openError(path), path + ": $.w.dtype: unknown dtype 'F8_E4M3'");
}

TEST_F(SafetensorsTest, OffsetsOutOfRangeOrInconsistentAreRejected) {
    const std::string far =
        write(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[96,100]}})", 8);
    EXPECT_NE(openError(far).find(": $.w.data_offsets: offsets [96, 100] run past the end"),
              std::string::npos);
    const std::string backwards =
        write(R"({"w":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}})", 8);
    EXPECT_EQ(openError(backwards),
              backwards + ": $.w.data_offsets: begin must be >= 0 and <= end");
    const std::string size =
        write(R"({"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}})", 16);
    EXPECT_EQ(openError(size), size + ": $.w.data_offsets: holds 12 bytes, shape and F32 need 16");
    const std::string overlap = write(
        R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"y":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
        12);
    EXPECT_EQ(openError(overlap), overlap + ": tensor 'y' overlaps tensor 'x'");
    const std::string shape =
        write(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4);
    EXPECT_EQ(openError(shape), shape + ": $.w.shape[0]: negative dimension");
    const std::string pair = write(R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", 4);
    EXPECT_EQ(openError(pair), pair + ": $.w.data_offsets: expected [begin, end]");
}

// Found by fuzz/safetensors_fuzzer.cpp: the element count was multiplied out in 64 bits without a
// check, so shapes whose byte size wraps to 0 passed with offsets [0, 0], and read() then asked
// LibTorch for exabytes. A header may claim no tensor larger than the file's data.
TEST_F(SafetensorsTest, HugeShapesAreRefusedAtOpenBeforeAnyAllocation) {
    const std::string wraps =
        write(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}})", 0);
    EXPECT_EQ(openError(wraps), wraps +
                                    ": $.w.shape: [4294967296, 4294967296] F32 values need "
                                    "more bytes than the file's 0 bytes of data");
    const std::string bytesWrap =
        write(R"({"w":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,0]}})", 0);
    EXPECT_EQ(openError(bytesWrap),
              bytesWrap +
                  ": $.w.shape: [4611686018427387904] F32 values need more bytes than "
                  "the file's 0 bytes of data");
    const std::string large =
        write(R"({"w":{"dtype":"F64","shape":[1000,1000],"data_offsets":[0,16]}})", 16);
    EXPECT_EQ(openError(large), large +
                                    ": $.w.shape: [1000, 1000] F64 values need more bytes "
                                    "than the file's 16 bytes of data");
    // An empty tensor stays legal whatever its other dimensions.
    const std::string empty =
        write(R"({"w":{"dtype":"F32","shape":[4294967296,0],"data_offsets":[0,0]}})", 0);
    Result<SafetensorsFile> file = SafetensorsFile::open(empty);
    ASSERT_TRUE(file.ok()) << file.error().message;
    EXPECT_EQ(file.value().read("w").value().numel(), 0);
}

}  // namespace
}  // namespace mtrec::model
