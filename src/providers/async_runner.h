// AsyncRunner: QFuture wrappers around the blocking generate() calls, for the GUI. Calls run
// with QtConcurrent on a private QThreadPool; a ProviderError thrown by the backend is rethrown
// by QFuture::result()/waitForFinished(). Cancel through the GenerationContext you passed
// (ctx.cancel(); copies share the flag). The runner waits for its calls when destroyed.
#pragma once

#include "providers/capabilities.h"

#include <QFuture>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <memory>

namespace sw::providers {

class AsyncRunner {
 public:
  explicit AsyncRunner(int maxThreads = 4) { pool_.setMaxThreadCount(maxThreads); }
  ~AsyncRunner() { pool_.waitForDone(); }
  AsyncRunner(const AsyncRunner&) = delete;
  AsyncRunner& operator=(const AsyncRunner&) = delete;

  // generator: any capability interface with generate(Request, ctx) -> GenerationResult.
  template <class Generator, class Request>
  QFuture<GenerationResult> generate(std::shared_ptr<Generator> generator, Request request,
                                     GenerationContext ctx) {
    return run<GenerationResult>(
        [generator, request, ctx] { return generator->generate(request, ctx); });
  }

  QFuture<ParsedScript> parse(std::shared_ptr<ScriptParser> parser, ScriptRequest request,
                              GenerationContext ctx) {
    return run<ParsedScript>([parser, request, ctx] { return parser->parse(request, ctx); });
  }

  QThreadPool& pool() { return pool_; }

 private:
  template <class T, class Fn>
  QFuture<T> run(Fn fn) {
    return QtConcurrent::run(&pool_, [fn](QPromise<T>& promise) {
      try {
        promise.addResult(fn());
      } catch (...) {
        promise.setException(std::current_exception());
      }
    });
  }

  QThreadPool pool_;
};

}  // namespace sw::providers
