#include "procedure_codec.h"

namespace ck {

using codec::io;
using codec::Reader;
using codec::Writer;

StoredDetails encode_details(ProcedureDetails details) {
  Writer out;
  io(out, details);
  return StoredDetails(std::move(out.bytes));
}

std::optional<ProcedureDetails> decode_details(const StoredDetails& stored) {
  ProcedureDetails details;
  std::string buffer;
  std::optional<std::string_view> bytes = stored.bytes(&buffer);
  if (!bytes) return std::nullopt;
  Reader in(*bytes);
  io(in, details);
  if (!in.ok() || !in.done()) return std::nullopt;
  return details;
}

}  // namespace ck
