#!/usr/bin/env bash
# Benchmark shape (a), issue 4's interrupts: a JIT publish with
# membarrier(PRIVATE_EXPEDITED_SYNC_CORE) by 1 patching CPU and N executing
# CPUs, each of which can take the IPI at any interrupt point, N = 1..NMAX, on
# every architecture, in the default search (one execution per reachable
# state, exact flags; MODES=count-executions for every execution). Prints a Markdown table
# (bench/kernel-lib.sh). Expected verdict: Never on every architecture (the
# SYNC_CORE IPI's return is a context synchronization / serializing IRET, and
# the reader sees ready=1 only after every IPI completed).
#   usage: bench/kernel.sh [NMAX]   (default 5; target, issue 13: N=16 under 5 s)
source "$(dirname "$0")/kernel-lib.sh"

gen() {  # N executing CPUs
  local n=$1 i
  {
    echo "C jit-membarrier-$n"
    echo '{ code_t f = INSN(1); int ready = 0; }'
    echo
    echo 'P0(code_t *f, int *ready)'
    echo '{'
    echo '	int r0;'
    echo
    echo '	r0 = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE, 0);'
    echo '	WRITE_ONCE(*f, INSN(2));'
    echo '	flush_icache_range(f, f + 1);'
    echo '	r0 = membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE, 0);'
    echo '	WRITE_ONCE(*ready, 1);'
    echo '}'
    for ((i = 1; i <= n; i++)); do
      echo
      echo "P$i(code_t *f, int *ready)"
      echo '{'
      echo '	int r;'
      echo
      echo '	while (READ_ONCE(*ready) != 1)'
      echo '		;'
      echo '	barrier();'
      echo '	r = (*f)();'
      echo '}'
    done
    echo
    bench_exists_any "$n" '%d:r=1'
  } >"$2"
}

bench_run "${1:-5}"
