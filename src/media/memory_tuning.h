// The C allocator tuned for rendering. A render opens and closes many large buffers (x264's
// lookahead for every encoded part, decoded pictures for every segment). By default glibc hands
// blocks over 128 KiB straight back to the kernel and trims free heap tops, so each new encoder
// faults in hundreds of MB of freshly zeroed pages again: ~3 s of kernel time in a 40 s 1080p
// render. Keeping freed blocks for reuse (and releasing them once a render ends) saves ~6%.
#pragma once

namespace sw::media {

// Call once at program start, before threads are started (the CLI's and the GUI's main()).
void tuneAllocatorForMedia();
// Returns the memory kept for reuse to the system; stitch() calls it when it is done.
void releaseFreeMemory();

}  // namespace sw::media
