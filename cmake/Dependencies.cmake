# Every dependency comes from Debian packages (scripts/install-deps.sh lists them);
# nothing is downloaded at configure or build time.
find_package(CLI11 CONFIG REQUIRED)   # libcli11-dev
find_package(fmt REQUIRED)            # libfmt-dev
find_package(spdlog REQUIRED)         # libspdlog-dev
find_package(nlohmann_json 3 REQUIRED)  # nlohmann-json3-dev
find_package(Threads REQUIRED)        # -j N worker threads

# libz3-dev ships no CMake package on Debian 12: locate header and library directly.
find_path(Z3_INCLUDE_DIR NAMES z3++.h PATH_SUFFIXES z3 REQUIRED)
find_library(Z3_LIBRARY NAMES z3 REQUIRED)
add_library(xmcheck_z3 INTERFACE)
target_include_directories(xmcheck_z3 SYSTEM INTERFACE ${Z3_INCLUDE_DIR})
target_link_libraries(xmcheck_z3 INTERFACE ${Z3_LIBRARY})

if(XMCHECK_BUILD_TESTS)
  find_package(doctest REQUIRED)      # doctest-dev
endif()
