#include "xmcheck/checker/session.hpp"

#include "session_impl.hpp"

namespace xmcheck::checker {

Session::Session() : impl_(std::make_unique<Impl>()) {}
Session::~Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;

}  // namespace xmcheck::checker
