# Instrumented builds (issue 9). Both options apply to every xmcheck target; the
# Debian libraries (Z3, fmt, spdlog) stay uninstrumented, which ASan and UBSan allow.
#   -DXMCHECK_SANITIZE=address,undefined   the whole suite under ASan + UBSan
#                                           (scripts/test-sanitizers.sh)
#   -DXMCHECK_FUZZ=ON                       libFuzzer harnesses in tests/fuzz/ (Clang
#                                           only; implies ASan + UBSan; scripts/fuzz.sh)
set(XMCHECK_SANITIZE "" CACHE STRING "Comma-separated -fsanitize= list for every target")
option(XMCHECK_FUZZ "Build the libFuzzer harnesses of tests/fuzz (needs Clang)" OFF)

if(XMCHECK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "XMCHECK_FUZZ needs Clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(XMCHECK_SANITIZE STREQUAL "")
    set(XMCHECK_SANITIZE "address,undefined")
  endif()
  # Coverage instrumentation everywhere; only the harness executables link the
  # fuzzer's main (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer there).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(NOT XMCHECK_SANITIZE STREQUAL "")
  # Undefined behaviour is a failure, not a warning: stop at the first report.
  set(xmcheck_sanitize_flags -fsanitize=${XMCHECK_SANITIZE} -fno-omit-frame-pointer)
  if(XMCHECK_SANITIZE MATCHES "undefined")
    list(APPEND xmcheck_sanitize_flags -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${xmcheck_sanitize_flags})
  add_link_options(${xmcheck_sanitize_flags})
  message(STATUS "xmcheck: sanitizers ${XMCHECK_SANITIZE}")
endif()
