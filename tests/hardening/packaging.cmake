# The .deb package builds, declares its runtime dependencies, and its unpacked
# binary checks shipped examples (tests/tools/run_package.sh). Not in
# sanitizer builds: the package is for release binaries.
if(XMCHECK_SANITIZE STREQUAL "")
  add_test(NAME package.deb
           COMMAND bash "${XMCHECK_TOOLS}/run_package.sh" "${PROJECT_BINARY_DIR}" "${PROJECT_SOURCE_DIR}")
  set_tests_properties(package.deb PROPERTIES LABELS cli SKIP_RETURN_CODE 77 TIMEOUT 600
                       RUN_SERIAL TRUE)
endif()
