#pragma once

#include <string>

#include "common/result.h"
#include "model/encoder.h"

namespace mtrec::model {

/// The project's own encoder checkpoint: a folder holding `encoder.json` (toJson(config),
/// versioned) and `encoder.pt` (torch::save of every named parameter and buffer, names as
/// registered in EncoderImpl). Creates the folder when missing; overwrites both files. Errors name
/// the path.
Status saveEncoder(EncoderImpl& encoder, const std::string& folder);

/// Builds an encoder from `encoder.json` and fills it from `encoder.pt`. A missing file, a bad
/// config, or a missing/mis-shaped tensor is an error naming the file (and the tensor). The encoder
/// is returned in eval mode.
Result<Encoder> loadEncoder(const std::string& folder);

/// For checkpoints that keep the model beside other state (the trainer's), EncoderImpl::save /
/// load on a torch::serialize archive store the same tensors under the same names; keep
/// toJson(encoder.config()) beside them to rebuild the module.

}  // namespace mtrec::model
