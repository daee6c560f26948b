# Hardening (issue 9): limits that hold and no silent incomplete answer.
# --timeout bounds the whole check of a test, --memory-limit stops a runaway
# one, -j starts no more workers than tests, option values are validated,
# --dot/--variant mistakes are usage errors, symlinked inputs are checked
# once, an early stop is always Unknown (exit 5), and every suite's output is
# the same from run to run and for every -j. Scripts: tests/hardening/limits/.
set(XMCHECK_LIMITS "${CMAKE_CURRENT_SOURCE_DIR}/hardening/limits")

# ---- option values: usage errors (exit 1) --------------------------------------
xmcheck_cli_case(limits.timeout-nan 1 "^--timeout: expected a number of seconds from 0 to 1e\\+06"
                 --timeout nan examples/mp.litmus)
xmcheck_cli_case(limits.timeout-inf 1 "^--timeout: expected a number of seconds" --timeout inf examples/mp.litmus)
xmcheck_cli_case(limits.timeout-negative 1 "^--timeout: expected a number of seconds" --timeout -1 examples/mp.litmus)
# 1e10 s used to overflow the deadline (an immediate Unknown).
xmcheck_cli_case(limits.timeout-huge 1 "^--timeout: expected a number of seconds" --timeout 1e10 examples/mp.litmus)
xmcheck_cli_case(limits.memory-limit-bad 1 "^--memory-limit: expected a size such as 512M or 8G"
                 --memory-limit 10X examples/mp.litmus)
xmcheck_cli_case(limits.memory-limit-huge 1 "^--memory-limit: expected a size" --memory-limit 2P examples/mp.litmus)
xmcheck_cli_case(limits.jobs-negative 1 "^--jobs: expected a worker count >= 0" -j -2 examples/mp.litmus)

# ---- --dot: an unusable directory is a usage error before any test runs ------------
xmcheck_cli_case(limits.dot-uncreatable 1
                 "^xmcheck: error: --dot /proc/xmcheck-no-such/dot: cannot create directory"
                 --dot /proc/xmcheck-no-such/dot examples/mp.litmus)
xmcheck_cli_case(limits.dot-not-a-directory 1 "^xmcheck: error: --dot README\\.md: "
                 --dot README.md examples/mp.litmus)

# ---- --variant: checked against the models the run may use -------------------------
xmcheck_cli_case(limits.variant-unknown 1
                 "^--variant: error: unknown variant 'nosuch' \\(aarch64\\.cat: [^;]*dic[^;]*; ppc\\.cat: [^;]*coherent-icache[^;]*; riscv\\.cat: [^;]*ziccid[^;]*; x86\\.cat: [^;]*lfence-orders-fetch[^;]*; always accepted: fatal, ifetch, self\\)$"
                 --variant nosuch examples/mp.litmus)
# --arch arm64: only aarch64.cat can be used, which has no such variant.
xmcheck_cli_case(limits.variant-other-arch 1 "^--variant: error: unknown variant 'iret-not-serializing' \\(aarch64\\.cat: "
                 --arch arm64 --variant iret-not-serializing examples/mp.litmus)
# DIC without IDC (CTR_EL0.DIC=1, IDC=0) is refused rather than answered as if
# there were no DIC (issue #12; docs/arm64.md, "Cache type").
xmcheck_cli_case(limits.variant-dic-without-idc 4
                 "^--variant: error: variant DIC without IDC is not modelled"
                 --variant DIC examples/mp.litmus)
xmcheck_cli_case(limits.variant-known 0 "checking examples/mp\\.litmus" -v --variant DIC,IDC,fatal examples/mp.litmus)
# A C test with --arch all: a variant one architecture's model knows is accepted.
xmcheck_cli_case(limits.variant-c-one-arch 0 "checking tests/regression/c/MP\\+o-o\\.litmus \\(MP\\+o-o\\) for x86"
                 -v --variant iret-not-serializing tests/regression/c/MP+o-o.litmus)

# ---- the solver giving up is Unknown with its reason, exit 5 ---------------------------
xmcheck_cli_case(limits.solver-unknown 5
                 "^examples/mp\\.litmus: warning: the solver answered unknown \\(no reason given; a solver rlimit is set\\): states may be missing, verdict Unknown$"
                 --solver-rlimit 1 examples/mp.litmus)
xmcheck_cli_case(limits.solver-unknown-c 5
                 "^tests/regression/c/MP\\+o-o\\.litmus: warning: the solver answered unknown .* for arm64: states may be missing"
                 --solver-rlimit 1 tests/regression/c/MP+o-o.litmus)

# ---- scripts --------------------------------------------------------------------------
foreach(script timeout_bound memory_limit unknown_output workers symlink_loop)
  string(REPLACE "_" "-" name "${script}")
  add_test(NAME cli.limits.${name}
           COMMAND ${XMCHECK_ENV} bash "${XMCHECK_LIMITS}/run_${script}.sh"
           WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(cli.limits.${name} PROPERTIES LABELS cli TIMEOUT 300)
endforeach()
# The big generated inputs use both cores and much memory: not beside each other.
set_tests_properties(cli.limits.timeout-bound cli.limits.memory-limit PROPERTIES RUN_SERIAL TRUE)
# AddressSanitizer reserves terabytes of address space, so an ASan binary cannot
# start under `ulimit -v`: that half of the memory test is for other builds.
if(XMCHECK_SANITIZE MATCHES "address")
  set_tests_properties(cli.limits.memory-limit PROPERTIES ENVIRONMENT XMCHECK_NO_VM_CAP=asan)
endif()

# Every regression suite and the examples: -j 1 twice and -j 2, herd and JSON,
# byte-identical stdout.
add_test(NAME determinism.all-suites
         COMMAND ${XMCHECK_ENV} bash "${XMCHECK_LIMITS}/run_deterministic.sh" "${PROJECT_SOURCE_DIR}")
set_tests_properties(determinism.all-suites PROPERTIES LABELS regression TIMEOUT 900)
