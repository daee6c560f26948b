# Deep and long inputs (issue "Hardening"): each case generates its input
# (nested parentheses, long operator chains, deep statements, include cycles
# and chains) and requires a positioned nesting-limit error or, for long flat
# chains, the right result; never a crash. Included from tests/CMakeLists.txt.
set(XMCHECK_DEEP_INPUT_CASES
    condition-parens condition-not condition-implies condition-long-and condition-long-or
    c-expr-parens c-long-sum c-deep-blocks c-deep-if c-inlined-calls c-init-value
    model-parens model-long-union model-long-seq model-complement model-let-chain
    model-let-rec model-variant-if model-include-cycle model-include-chain)
foreach(deep_case IN LISTS XMCHECK_DEEP_INPUT_CASES)
  add_test(NAME malformed.deep.${deep_case}
           COMMAND ${XMCHECK_ENV} bash "${XMCHECK_TOOLS}/run_deep_inputs.sh" "${PROJECT_SOURCE_DIR}"
                   ${deep_case})
  set_tests_properties(malformed.deep.${deep_case} PROPERTIES LABELS malformed TIMEOUT 120)
endforeach()
