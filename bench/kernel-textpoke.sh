#!/usr/bin/env bash
# Benchmark shape (d): a text_poke-style patch synchronized on every CPU, N
# CPUs executing the patched site.
# - x86: the prelude's text_poke_bp() on a two-part instruction (INT3 over the
#   first byte, text_poke_sync(), tail, sync, first byte, sync; each sync an
#   IPI to every CPU returning by IRET), as tests/regression/c-x86/textpoke-bp:
#   a CPU runs the old instruction, the new one or the INT3 handler's emulation
#   of the new one, never a torn one (r=-1): Never.
# - arm64, powerpc, riscv: a one-word patch, the arch's flush_icache_range,
#   on_each_cpu(ipi_sync_core, 1) (the IPI's return synchronizes the context;
#   riscv's sync_core_before_usermode is its FENCE.I), then `done`; a CPU that
#   saw done=1 and still ran the old code (r=1): Never.
#   usage: bench/kernel-textpoke.sh [NMAX]   (default 5)
source "$(dirname "$0")/kernel-lib.sh"

gen() {  # N CPUs executing the site
  local n=$1 arch=$3 i
  {
    echo "C textpoke-$n"
    if [[ $arch == x86 ]]; then
      printf '{ code_parts_t site[2] = {INSN(1), INSN(1)};'
      for ((i = 1; i <= n; i++)); do printf ' %d:r=-1;' "$i"; done
      echo ' }'
      echo
      echo 'P0(code_parts_t *site)'
      echo '{'
      echo '	text_poke_bp(site, INSN(2));'
      echo '}'
      for ((i = 1; i <= n; i++)); do
        echo
        echo "P$i(code_parts_t *site)"
        echo '{'
        echo '	int r;'
        echo
        echo '	r = site();'
        echo '}'
      done
      echo
      bench_exists_first '%d:r=-1'  # CPU 1 for all (kernel-lib.sh)
    else
      echo '{ code_t f = INSN(1); int done = 0; }'
      echo
      echo 'P0(code_t *f, int *done)'
      echo '{'
      echo '	WRITE_ONCE(*f, INSN(2));'
      echo '	flush_icache_range(f, f + 1);'
      echo '	on_each_cpu(ipi_sync_core, 1);'
      echo '	WRITE_ONCE(*done, 1);'
      echo '}'
      for ((i = 1; i <= n; i++)); do
        echo
        echo "P$i(code_t *f, int *done)"
        echo '{'
        echo '	int r0;'
        echo '	int r;'
        echo
        echo '	r0 = READ_ONCE(*done);'
        echo '	r = (*f)();'
        echo '}'
      done
      echo
      bench_exists_first '%d:r0=1 /\ %d:r=1'  # CPU 1 for all (kernel-lib.sh)
    fi
  } >"$2"
}

bench_run "${1:-5}"
