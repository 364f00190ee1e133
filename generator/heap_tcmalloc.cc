// tcmalloc's heap in huge pages (see heap.h). tcmalloc grows its heap by
// asking a "system allocator" for spans; this one hands them out from
// regions of 32 MB aligned to 2 MB and marked for transparent huge pages.
// The kernel backs each 2 MB only once it is touched, so a region costs
// memory only for what the heap uses.
#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

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
  // unused, and untouched, so it costs no memory.
  bool map_region(std::uintptr_t size) {
    const std::uintptr_t length = std::max(kRegion, round_up(size, kHugePage));
    void* mapped =
        mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return false;
    next_ = round_up(reinterpret_cast<std::uintptr_t>(mapped), kHugePage);
    end_ = next_ + length;
    madvise(reinterpret_cast<void*>(next_), length, MADV_HUGEPAGE);
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

void install_tcmalloc_huge_pages() {
  set_huge_pages_switch(&use_huge_pages);
}

}  // namespace ck::heap
