// tcmalloc's heap in huge pages (see heap.h). tcmalloc grows its heap by
// asking a "system allocator" for spans; this one hands them out from
// regions of 32 MB aligned to 2 MB and marked for transparent huge pages.
// The kernel backs each 2 MB only once it is touched, so a region costs
// memory only for what the heap uses.
#include <gperftools/malloc_extension.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <mutex>

#include "heap.h"

namespace ck::heap {
namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
constexpr std::uintptr_t kRegion = std::uintptr_t{32} << 20;

std::uintptr_t round_up(std::uintptr_t n, std::uintptr_t alignment) {
  return (n + alignment - 1) & ~(alignment - 1);
}

class HugePageAllocator : public SysAllocator {
 public:
  explicit HugePageAllocator(SysAllocator* fallback) : fallback_(fallback) {}

  void* Alloc(size_t size, size_t* actual_size, size_t alignment) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (alignment == 0 || alignment > kHugePage || (alignment & (alignment - 1)) != 0)
      return fallback_->Alloc(size, actual_size, alignment);
    size = round_up(size, alignment);
    std::uintptr_t start = round_up(next_, alignment);
    if (next_ == 0 || start + size > end_) {
      if (!map_region(size)) return fallback_->Alloc(size, actual_size, alignment);
      start = next_;
    }
    next_ = start + size;
    if (actual_size) *actual_size = size;
    return reinterpret_cast<void*>(start);
  }

 private:
  // A new region at least `size` long; what was left of the last one stays
  // unused, and untouched, so it costs no memory. The region extends the
  // program's break, as tcmalloc's own allocator does: beside the heap so
  // far, it falls within the pages tcmalloc already maps, which it would
  // otherwise have to extend (2 MB of zeroes for a region far away).
  bool map_region(std::uintptr_t size) {
    const std::uintptr_t length = std::max(kRegion, round_up(size, kHugePage));
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t start = round_up(top, kHugePage);
    if (sbrk(static_cast<std::intptr_t>(start - top + length)) == reinterpret_cast<void*>(-1)) return false;
    next_ = start;
    end_ = start + length;
    madvise(reinterpret_cast<void*>(start), length, MADV_HUGEPAGE);
    return true;
  }

  SysAllocator* fallback_;
  std::mutex mutex_;
  std::uintptr_t next_ = 0;
  std::uintptr_t end_ = 0;
};

void use_huge_pages() {
  static HugePageAllocator allocator(MallocExtension::instance()->GetSystemAllocator());
  MallocExtension::instance()->SetSystemAllocator(&allocator);
}

}  // namespace

void install_tcmalloc() {
  set_huge_pages_switch(&use_huge_pages);
  // What the threads keep of the memory they freed, for their own next
  // allocations, all threads together. With tcmalloc's default of 32 MB,
  // a thread kept the megabytes of a list of every procedure it had made
  // while the next list, on the other thread, took fresh memory: a clean
  // build's peak at 10,000 procedures went from 71-74 to 66-67 MB with 1 MB.
  constexpr std::size_t kThreadCaches = std::size_t{1} << 20;
  MallocExtension::instance()->SetNumericProperty("tcmalloc.max_total_thread_cache_bytes", kThreadCaches);
}

}  // namespace ck::heap
