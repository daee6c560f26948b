#include "xmcheck/frontend/expect_herd.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

#include "xmcheck/frontend/report_herd.hpp"
#include "xmcheck/diag/diagnostic.hpp"

namespace xmcheck::frontend {
namespace fs = std::filesystem;
namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

bool is_verdict_line(const std::string& line) {
  for (const char* v : {"Ok", "No", "Undef", "Unknown"})
    if (line == v || line == std::string("Loop ") + v) return true;
  return false;
}

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string canonical_string(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return (ec ? fs::absolute(p) : c).lexically_normal().generic_string();
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "'" : ", '") + l + "'";
  return out;
}

}  // namespace

std::vector<HerdBlock> parse_herd_blocks(const std::string& text) {
  std::vector<HerdBlock> blocks;
  std::istringstream in(text);
  std::string line;
  HerdBlock* block = nullptr;
  long pending_states = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (pending_states > 0 && block != nullptr) {
      block->states.push_back(line);
      --pending_states;
      continue;
    }
    if (starts_with(line, "Test ")) {
      blocks.emplace_back();
      block = &blocks.back();
      block->test_line = line;
    } else if (block != nullptr && starts_with(line, "States ") && block->states.empty()) {
      pending_states = std::strtol(line.c_str() + 7, nullptr, 10);
    } else if (block != nullptr && block->verdict_line.empty() && is_verdict_line(line)) {
      block->verdict_line = line;
    }
  }
  for (auto& b : blocks) std::sort(b.states.begin(), b.states.end());
  return blocks;
}

HerdBlock herd_block_of(const checker::TestResult& result) {
  return parse_herd_blocks(format_herd(result)).front();
}

std::string compare_herd_blocks(const HerdBlock& want, const HerdBlock& got) {
  std::string reasons;
  auto add = [&](const std::string& r) { reasons += (reasons.empty() ? "" : "; ") + r; };
  if (want.test_line != got.test_line)
    add("Test line: got '" + got.test_line + "', herd '" + want.test_line + "'");
  if (want.verdict_line != got.verdict_line)
    add("verdict: got '" + got.verdict_line + "', herd '" + want.verdict_line + "'");
  if (want.states != got.states) {
    std::vector<std::string> herd_only, ours_only;
    std::set_difference(want.states.begin(), want.states.end(), got.states.begin(),
                        got.states.end(), std::back_inserter(herd_only));
    std::set_difference(got.states.begin(), got.states.end(), want.states.begin(),
                        want.states.end(), std::back_inserter(ours_only));
    std::string r = "states differ";
    if (!herd_only.empty()) r += " (herd only: " + join_lines(herd_only) + ")";
    if (!ours_only.empty()) r += " (xmcheck only: " + join_lines(ours_only) + ")";
    add(r);
  }
  return reasons;
}

bool is_herd_expectation(const std::string& path, bool forced) {
  std::error_code ec;
  return forced || fs::is_directory(path, ec) || fs::path(path).extension() == ".expected";
}

HerdExpectChecker HerdExpectChecker::load(const std::string& path) {
  HerdExpectChecker checker;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    checker.dir_ = canonical_string(path);
    return checker;
  }
  const auto file = std::make_shared<const std::string>(path);
  const auto text = read_text(path);
  if (!text) throw diag::UserError(diag::ErrorKind::Io, {file, {}, {}}, "cannot open file");
  for (auto& block : parse_herd_blocks(*text)) {
    std::istringstream words(block.test_line);
    std::string test, name;
    words >> test >> name;
    checker.blocks_.emplace(name, std::move(block));
  }
  if (checker.blocks_.empty())
    throw diag::UserError(diag::ErrorKind::Usage, {file, {}, {}},
                          "no herd7 result block (`Test NAME ...` line) found");
  return checker;
}

std::optional<HerdBlock> HerdExpectChecker::expected_for(const std::string& test_path,
                                                         const checker::TestResult* result) const {
  if (dir_.empty()) {
    const std::string name = result ? result->name : fs::path(test_path).stem().string();
    const auto it = blocks_.find(name);
    if (it == blocks_.end()) return std::nullopt;
    return it->second;
  }
  const fs::path rel = fs::path(canonical_string(test_path)).lexically_relative(dir_);
  if (rel.empty() || starts_with(rel.generic_string(), "..")) return std::nullopt;
  const fs::path base = fs::path(dir_) / rel;
  if (const auto text = read_text(base.string() + ".expected")) {
    auto blocks = parse_herd_blocks(*text);
    if (!blocks.empty()) return blocks.front();
  }
  std::error_code ec;
  if (fs::exists(base.string() + ".expected-failure", ec)) return HerdBlock{};
  return std::nullopt;
}

ExpectRecord HerdExpectChecker::record(const std::string& test_path,
                                       const checker::TestResult* result, bool positioned_error) {
  const auto want = expected_for(test_path, result);
  if (!want)
    return {ExpectRecord::Status::Unlisted,
            test_path + ": warning: no herd7 result to compare with; not counted"};
  std::string reasons;
  if (want->test_line.empty()) {
    if (result) reasons = "accepted, but herd rejects it";
    else if (!positioned_error) reasons = "rejected without a position";
  } else if (!result) {
    reasons = "rejected, but herd gives a result";
  } else {
    reasons = compare_herd_blocks(*want, herd_block_of(*result));
  }
  if (reasons.empty()) {
    ++passed_;
    return {ExpectRecord::Status::Pass, ""};
  }
  ++failed_;
  return {ExpectRecord::Status::Fail, test_path + ": mismatch: " + reasons};
}

std::string HerdExpectChecker::summary() const {
  return std::to_string(passed_) + " passed, " + std::to_string(failed_) + " failed";
}

}  // namespace xmcheck::frontend
