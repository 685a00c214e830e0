// Calls any rpc by its full method name with serialized messages, whatever its kind (unary or
// streaming): for tests that enumerate a service's methods from its descriptor.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "google/protobuf/message.h"

namespace pif::testing {

// What a raw call ended with: its status and every response message, serialized.
struct RawCallResult {
  grpc::Status status;
  std::vector<std::string> responses;
};

// The messages, serialized, that a call sends.
template <typename... Messages>
std::vector<std::string> Serialized(const Messages&... messages) {
  return {messages.SerializeAsString()...};
}

// Calls `method` ("/pif.intake.v1.IntakeService/GetBatch") on `channel` with `token` as its
// bearer token (none when empty), sends `messages` (one for a unary or server-streaming rpc), and
// reads every response until the call ends (at most `timeout`).
inline RawCallResult RawCall(const std::shared_ptr<grpc::Channel>& channel,
                             const std::string& method, const std::string& token,
                             const std::vector<std::string>& messages,
                             std::chrono::seconds timeout = std::chrono::seconds(30)) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + timeout);
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  grpc::CompletionQueue queue;
  // Every operation below is started alone, so the next event is its completion.
  auto completed = [&queue] {
    void* tag = nullptr;
    bool ok = false;
    return queue.Next(&tag, &ok) && ok;
  };
  void* const tag = reinterpret_cast<void*>(1);
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call =
      stub.PrepareCall(&context, method, &queue);
  call->StartCall(tag);
  bool open = completed();
  for (const std::string& message : messages) {
    if (!open) break;
    grpc::Slice slice(message);
    grpc::ByteBuffer buffer(&slice, 1);
    call->Write(buffer, tag);
    open = completed();
  }
  if (open) {
    call->WritesDone(tag);
    completed();
  }
  RawCallResult result;
  for (;;) {
    grpc::ByteBuffer buffer;
    call->Read(&buffer, tag);
    if (!completed()) break;
    std::vector<grpc::Slice> slices;
    if (!buffer.Dump(&slices).ok()) break;
    std::string bytes;
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    result.responses.push_back(std::move(bytes));
  }
  call->Finish(&result.status, tag);
  completed();
  queue.Shutdown();
  void* drained = nullptr;
  bool ok = false;
  while (queue.Next(&drained, &ok)) {
  }
  return result;
}

}  // namespace pif::testing
