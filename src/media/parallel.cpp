#include "media/parallel.h"

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace sw::media {

unsigned workerCount() { return std::max(1u, std::thread::hardware_concurrency()); }

void parallelFor(size_t n, unsigned threads, const std::function<void(size_t)>& fn) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<size_t> nextIndex{0};
  auto work = [&] {
    for (size_t i; (i = nextIndex.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  const size_t extra = std::min<size_t>(n, std::max(1u, threads)) - (n > 0 ? 1 : 0);
  for (size_t k = 0; k < extra; ++k) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace sw::media
