#include "heap.h"

#include <atomic>

namespace ck::heap {
namespace {

std::atomic<Switch> huge_pages_switch{nullptr};
std::atomic<bool> huge_pages_on{false};

}  // namespace

void set_huge_pages_switch(Switch turn_on) {
  huge_pages_switch.store(turn_on);
  huge_pages_on.store(false);
}

void prefer_huge_pages() {
  Switch turn_on = huge_pages_switch.load();
  if (turn_on && !huge_pages_on.exchange(true)) turn_on();
}

}  // namespace ck::heap
