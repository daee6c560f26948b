#pragma once
// Logging set-up: the only place that configures spdlog sinks. Libraries fetch
// their named loggers (spdlog::get("litmus"|"axioms"|"checker")) and never
// configure sinks. Everything goes to stderr; stdout carries results only.
#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace xmcheck::frontend {

/// Module loggers registered by `setup_logging`, sharing one stderr sink.
inline constexpr const char* kModuleLoggers[] = {"xmcheck", "litmus", "axioms", "checker"};

/// Creates the stderr sink and the module loggers. Level: warnings by default,
/// info with -v, debug with -vv, trace with -vvv; errors only with -q.
/// Returns the frontend's own logger ("xmcheck", also the default logger).
std::shared_ptr<spdlog::logger> setup_logging(int verbosity, bool quiet);

/// Prints one user-facing diagnostic line verbatim on stderr (no prefix), e.g.
/// "file:line:col: error: message". Never filtered by -q.
void print_diagnostic(const std::string& line);

}  // namespace xmcheck::frontend
