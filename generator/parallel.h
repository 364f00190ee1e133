// Runs fn(0) … fn(count-1) on `threads` threads. Each index runs once; callers
// store results by index, so the outcome does not depend on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace ck {

template <typename Fn>
void parallel_for(std::size_t count, int threads, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) fn(i);
  };
  std::size_t extra = static_cast<std::size_t>(std::max(threads, 1)) - 1;
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < std::min(extra, count); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

// The number of threads to use when the user did not say: one per core.
inline int default_threads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace ck
