#include "xmcheck/frontend/logging.hpp"

#include <cstdio>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace xmcheck::frontend {
namespace {

spdlog::level::level_enum level_for(int verbosity, bool quiet) {
  if (quiet) return spdlog::level::err;
  switch (verbosity) {
    case 0: return spdlog::level::warn;
    case 1: return spdlog::level::info;
    case 2: return spdlog::level::debug;
    default: return spdlog::level::trace;
  }
}

}  // namespace

std::shared_ptr<spdlog::logger> setup_logging(int verbosity, bool quiet) {
  // Plain (uncoloured) stderr so that output is identical on a terminal and in CI.
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  sink->set_pattern("%n: %l: %v");
  const auto level = level_for(verbosity, quiet);
  std::shared_ptr<spdlog::logger> frontend;
  for (const char* name : kModuleLoggers) {
    spdlog::drop(name);
    auto logger = std::make_shared<spdlog::logger>(name, sink);
    logger->set_level(level);
    logger->flush_on(spdlog::level::trace);
    spdlog::register_logger(logger);
    if (frontend == nullptr) frontend = logger;
  }
  spdlog::set_default_logger(frontend);
  return frontend;
}

void print_diagnostic(const std::string& line) {
  // Results are flushed to stdout before each diagnostic so that a combined
  // stream (2>&1) keeps the input order.
  std::fflush(stdout);
  std::fputs(line.c_str(), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace xmcheck::frontend
