#!/usr/bin/env bash
# Benchmark shape (c): message passing through membarrier(), no code
# modification: P0 writes a, calls membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED)
# (after registering), writes b; N readers each read b, smp_rmb(), read a.
# membarrier's smp_mb() pair already orders P0's writes, and each reader's
# smp_rmb() its reads: seeing b=1 and a=0 is Never on every architecture. The
# cost measured is that of the IPIs every reader may take at any point.
#   usage: bench/kernel-membarrier-mp.sh [NMAX]   (default 5)
source "$(dirname "$0")/kernel-lib.sh"

gen() {  # N readers
  local n=$1 i
  {
    echo "C membarrier-mp-$n"
    echo '{ int a = 0; int b = 0; }'
    echo
    echo 'P0(int *a, int *b)'
    echo '{'
    echo '	int r0;'
    echo
    echo '	r0 = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0);'
    echo '	WRITE_ONCE(*a, 1);'
    echo '	r0 = membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0);'
    echo '	WRITE_ONCE(*b, 1);'
    echo '}'
    for ((i = 1; i <= n; i++)); do
      echo
      echo "P$i(int *a, int *b)"
      echo '{'
      echo '	int r1;'
      echo '	int r2;'
      echo
      echo '	r1 = READ_ONCE(*b);'
      echo '	smp_rmb();'
      echo '	r2 = READ_ONCE(*a);'
      echo '}'
    done
    echo
    bench_exists_first '%d:r1=1 /\ %d:r2=0'  # CPU 1 for all (kernel-lib.sh)
  } >"$2"
}

bench_run "${1:-5}"
