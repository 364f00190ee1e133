// Fingerprints: 64-bit hashes of what a file was made from, to tell whether
// a rebuild would change it. They are only ever compared with fingerprints
// made by the same congkhai executable (its identity is part of every
// build's inputs), so a fast hash beats one that is stable across versions.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace ck {

class Fingerprint {
 public:
  Fingerprint& add(std::string_view bytes) {
    mix(std::hash<std::string_view>{}(bytes));
    mix(bytes.size());  // so "ab","c" and "a","bc" differ
    return *this;
  }
  Fingerprint& add(std::uint64_t n) {
    mix(n);
    return *this;
  }
  std::uint64_t value() const { return hash_; }

 private:
  void mix(std::uint64_t v) {
    hash_ = (hash_ ^ v) * 0x9E3779B97F4A7C15ULL;
    hash_ ^= hash_ >> 29;
  }
  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

}  // namespace ck
