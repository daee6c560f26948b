# The registered architectures, by their kernel name. This list is the only
# registry edit when adding one (docs/adding-an-architecture.md); every module
# reads the generated files below instead of naming architectures.
#
# Order matters: it is the order of `--arch all` columns and of C targets.
set(XMCHECK_ARCHITECTURES lkmm x86 arm64 powerpc riscv)

set(XMCHECK_GENERATED_DIR "${PROJECT_BINARY_DIR}/generated")
set(_arch_list "")
set(_arch_sets "")
foreach(arch IN LISTS XMCHECK_ARCHITECTURES)
  foreach(dir litmus/src/arch checker/src/semantics axioms)
    if(NOT IS_DIRECTORY "${PROJECT_SOURCE_DIR}/${dir}/${arch}")
      message(FATAL_ERROR "architecture '${arch}' is registered but ${dir}/${arch}/ is missing")
    endif()
  endforeach()
  string(APPEND _arch_list "XMCHECK_ARCH(${arch})\n")
  # Each architecture's event sets, as data (axioms/<arch>/event_sets.def).
  string(APPEND _arch_sets "#define XMCHECK_SET_ARCH \"${arch}\"\n"
                           "#include \"${PROJECT_SOURCE_DIR}/axioms/${arch}/event_sets.def\"\n"
                           "#undef XMCHECK_SET_ARCH\n")
endforeach()
file(CONFIGURE OUTPUT "${XMCHECK_GENERATED_DIR}/xmcheck/arch_list.inc"
     CONTENT "// Generated from cmake/Architectures.cmake: one XMCHECK_ARCH(id) per architecture.\n${_arch_list}")
file(CONFIGURE OUTPUT "${XMCHECK_GENERATED_DIR}/xmcheck/arch_event_sets.inc"
     CONTENT "// Generated from cmake/Architectures.cmake: every architecture's event sets.\n${_arch_sets}")
foreach(arch IN LISTS XMCHECK_ARCHITECTURES)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               "${PROJECT_SOURCE_DIR}/axioms/${arch}/event_sets.def")
endforeach()
