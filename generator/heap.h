// Where the heap takes its memory from. On a virtual machine, each fresh
// 4 KB page costs about 10 µs to fault in: a rebuild of 10,000 procedures
// makes and drops a whole model in a third of a second and touched 40 MB,
// so a fifth of its time went to faults. Huge pages (2 MB) take them in
// five-hundredfold fewer faults, but round a heap up: a clean build's peak
// rose from 69 to 77 MB with them. A build asks for them only when it has a
// previous build to rebuild. After a small edit its peak is below a clean
// build's; after a rename, which remakes every list beside the booklet, it
// is above one's with or without them (115 against 106 MB at 10,000
// procedures, when the changed files were still held until all were made;
// 92–94 MB with huge pages now), and huge pages still save time (347 against
// 359 ms; 131 against 150 ms for a steps edit).
#pragma once

namespace ck::heap {

using Switch = void (*)();

// The executable's allocator tells how to take huge pages from now on;
// without a switch, asking does nothing.
void set_huge_pages_switch(Switch turn_on);
void prefer_huge_pages();

// Sets the switch for tcmalloc, and bounds the memory its threads keep for
// themselves; defined only where congkhai links it.
void install_tcmalloc();

}  // namespace ck::heap
