// Small helpers for running independent pieces of media work on a few threads.
#pragma once

#include <cstddef>
#include <functional>

namespace sw::media {

// Threads worth using for CPU work: hardware_concurrency(), at least 1.
unsigned workerCount();

// Runs fn(i) for every i in [0, n) on up to `threads` threads (the calling thread included).
// Waits for all; if any call threw, rethrows the exception of the lowest index.
void parallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace sw::media
