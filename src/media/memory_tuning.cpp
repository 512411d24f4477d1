#include "media/memory_tuning.h"
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sw::media {

void tuneAllocatorForMedia() {
  if (getenv("SW_NO_TUNE")) return;
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's upper limit: picture planes come from the heap
  mallopt(M_TRIM_THRESHOLD, 1 << 30);   // freed encoder memory stays for the next part
#endif
}

void releaseFreeMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace sw::media
