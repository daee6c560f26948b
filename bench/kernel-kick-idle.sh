#!/usr/bin/env bash
# Benchmark shape (b): a JIT publish through kick_all_cpus_sync() (local
# flush_icache_range, then an IPI to every other CPU and wait, the kernel's
# arm64 flush_icache_range) to N CPUs that go idle first: each enters and
# leaves an RCU extended quiescent state (the prelude's rcu_eqs_enter() /
# rcu_eqs_exit(), fully ordered RMWs of cpu_in_eqs), can take the IPI at any
# interrupt point, idle or not, and then reads `ready` once and calls the code.
# kick_all_cpus_sync() IPIs idle CPUs too (unlike Norov's kick_active_cpus_sync),
# so a CPU that saw ready=1 took the IPI before: its return (ERET / IRET /
# rfid / sret) synchronizes its fetch. Expected verdict: Never everywhere.
#   usage: bench/kernel-kick-idle.sh [NMAX]   (default 5)
source "$(dirname "$0")/kernel-lib.sh"

gen() {  # N CPUs that may be idle
  local n=$1 i
  {
    echo "C kick-idle-$n"
    echo '{ code_t f = INSN(1); int ready = 0; }'
    echo
    echo 'P0(code_t *f, int *ready)'
    echo '{'
    echo '	WRITE_ONCE(*f, INSN(2));'
    echo '	flush_icache_range(f, f + 1);'
    echo '	kick_all_cpus_sync();'
    echo '	WRITE_ONCE(*ready, 1);'
    echo '}'
    for ((i = 1; i <= n; i++)); do
      echo
      echo "P$i(code_t *f, int *ready)"
      echo '{'
      echo '	int r0;'
      echo '	int r;'
      echo
      echo '	rcu_eqs_enter();	/* idle */'
      echo '	rcu_eqs_exit();'
      echo '	r0 = READ_ONCE(*ready);'
      echo '	r = (*f)();'
      echo '}'
    done
    echo
    bench_exists_first '%d:r0=1 /\ %d:r=1'  # CPU 1 for all (kernel-lib.sh)
  } >"$2"
}

bench_run "${1:-5}"
