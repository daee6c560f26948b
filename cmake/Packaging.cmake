# The Debian package (issue 9): `cpack -G DEB` in the build directory, or
# scripts/package.sh. It holds the binary, the models, lowering files and the
# C prelude (share/xmcheck), the man page and the documentation. Runtime
# dependencies (libz3-4, libfmt, libspdlog, libstdc++) are computed from the
# binary by dpkg-shlibdeps, so they follow whatever Debian release builds it.
find_program(XMCHECK_HELP2MAN help2man)
if(XMCHECK_HELP2MAN)
  # The man page is generated from --help, so it cannot drift from the options.
  set(xmcheck_man "${CMAKE_BINARY_DIR}/man/xmcheck.1")
  add_custom_command(
    OUTPUT "${xmcheck_man}.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
    COMMAND ${XMCHECK_HELP2MAN} --no-info --no-discard-stderr
            --name "exhaustive memory-model checker for cross-modifying code"
            --include "${PROJECT_SOURCE_DIR}/docs/xmcheck.h2m"
            --output "${xmcheck_man}" $<TARGET_FILE:xmcheck>
    COMMAND gzip -9nf "${xmcheck_man}"
    DEPENDS xmcheck "${PROJECT_SOURCE_DIR}/docs/xmcheck.h2m"
    COMMENT "Generating the xmcheck(1) man page from --help"
    VERBATIM)
  add_custom_target(xmcheck_man ALL DEPENDS "${xmcheck_man}.gz")
  install(FILES "${xmcheck_man}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "xmcheck: help2man not found; the package will have no man page")
endif()

file(GLOB xmcheck_docs "${PROJECT_SOURCE_DIR}/docs/*.md" "${PROJECT_SOURCE_DIR}/docs/*.json")
install(FILES ${xmcheck_docs} "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/" DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME xmcheck)
set(CPACK_PACKAGE_VENDOR "xmcheck developers")
set(CPACK_PACKAGE_CONTACT "xmcheck developers <xmcheck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "xmcheck decides litmus tests (herd7's AArch64 and X86_64 formats, and a C dialect for\n"
    "kernel patterns: membarrier, IPIs, code pointers) against axiomatic models of instruction\n"
    "fetch and context synchronization, and prints every allowed outcome in herd7's format.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS graphviz)   # --png
set(CPACK_STRIP_FILES ON)
include(CPack)
