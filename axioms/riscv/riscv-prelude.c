C riscv-prelude
"riscv kernel code of xmcheck's C dialect, merged over axioms/prelude/linux.c (docs/c-dialect.md, Prelude)"
{
int icache_stale_mask = 0;
}

/*
 * Named by riscv.lower after the generic prelude: a function here replaces
 * the generic one of the same name, and one that another architecture lowers
 * as a primitive (cpu_switch_mm, prepare_sync_core_cmd, flush_icache_range)
 * is this C code on riscv. Sources: arch/riscv/mm/cacheflush.c,
 * arch/riscv/mm/context.c, arch/riscv/include/asm/{cacheflush,sync_core,
 * membarrier}.h (cmodx-reference 4.4).
 *
 *   icache_stale_mask  mm->context.icache_stale_mask of the test's process
 *                      (mm 0), bit n = hart n: the harts that must run
 *                      FENCE.I before they next run that mm in user space.
 *                      Other processes' masks are not modelled.
 *
 * mm_cpumask(mm) is approximated by the harts whose loaded mm
 * (cpu_active_mm) is the test's process.
 */

/* arch/riscv/mm/cacheflush.c ipi_remote_fence_i(): the IPI handler. */
void ipi_remote_fence_i(void)
{
	local_flush_icache_all();
}

/*
 * arch/riscv/mm/cacheflush.c flush_icache_all(): local_flush_icache_all(),
 * then every other hart runs FENCE.I (sbi_remote_fence_i(NULL), or
 * on_each_cpu(ipi_remote_fence_i, NULL, 1)), waiting for them. The smp_mb()
 * is the ordering the send itself carries in the kernel -- the fence w,o of
 * the IPI's device write (writel's __io_bw() in OpenSBI and in the
 * IMSIC/ACLINT drivers) and kernel/smp.c's fully ordered llist_add -- which
 * riscv.lower's IPI send does not: xmcheck's IPIs order only what a fence
 * before them orders.
 */
void flush_icache_all(void)
{
	local_flush_icache_all();
	smp_mb();
	smp_call_function(ipi_remote_fence_i, 1);
}

/* arch/riscv/include/asm/cacheflush.h: flush_icache_range(start, end) is flush_icache_all(). */
void flush_icache_range(code_t *start, code_t *end)
{
	flush_icache_all();
}

/*
 * arch/riscv/mm/cacheflush.c flush_icache_mm(mm, local) for the test's
 * process: mark every hart stale (cpumask_setall), clear this hart
 * (cpumask_clear_cpu: amoand.w, unordered) and run FENCE.I here, then
 * either the smp_mb() that orders this hart's writes with a later
 * flush_icache_deferred() (local, or no other hart runs the mm), or an IPI
 * to each other hart of mm_cpumask(mm) (the send's ordering written out as
 * in flush_icache_all). Harts not running the mm get their FENCE.I from
 * switch_mm (flush_icache_deferred below).
 */
void flush_icache_mm(int local)
{
	int cpu = smp_processor_id();
	int others = 0;
	int c;

	WRITE_ONCE(icache_stale_mask, -1);
	atomic_andnot(1 << cpu, &icache_stale_mask);
	local_flush_icache_all();
	for (c = 0; c < nr_cpu_ids; c++)
		if (c != cpu && READ_ONCE(cpu_active_mm[c]) == 0)
			others = others | (1 << c);
	smp_mb();
	if (!local && others != 0)
		smp_call_function_many(others, ipi_remote_fence_i, 1);
}

/*
 * GCC's riscv back end expands __builtin___clear_cache to libgcc's
 * __clear_cache, which makes the riscv_flush_icache system call with flags 0
 * (arch/riscv/kernel/sys_riscv.c: flush_icache_mm(current->mm, false)).
 * The system call's ecall and sret synchronize nothing (sync_core.h).
 */
void __builtin___clear_cache(code_t *start, code_t *end)
{
	flush_icache_mm(0);
}

/*
 * arch/riscv/include/asm/sync_core.h prepare_sync_core_cmd(mm), called by
 * membarrier(PRIVATE_EXPEDITED_SYNC_CORE) before its smp_mb():
 * cpumask_setall(&mm->context.icache_stale_mask), so that the next
 * switch_mm into the mm on any hart runs FENCE.I.
 */
void prepare_sync_core_cmd(void)
{
	WRITE_ONCE(icache_stale_mask, -1);
}

/*
 * arch/riscv/include/asm/membarrier.h membarrier_arch_switch_mm(): "The
 * membarrier system call requires a full memory barrier after storing to
 * rq->curr, before going back to user-space" -- smp_mb() when switching into
 * an mm registered for PRIVATE_EXPEDITED (SYNC_CORE registration sets that
 * bit too) or GLOBAL_EXPEDITED. Its comment describes the store-buffering
 * race with prepare_sync_core_cmd() that this barrier closes.
 */
void membarrier_arch_switch_mm(int next)
{
	if (next == 0 &&
	    (READ_ONCE(membarrier_state) & (MEMBARRIER_STATE_PRIVATE_EXPEDITED | MEMBARRIER_STATE_GLOBAL_EXPEDITED)))
		smp_mb();
}

/*
 * arch/riscv/mm/context.c flush_icache_deferred(): if this hart is in the
 * mm's stale mask, clear it (cpumask_test_and_clear_cpu: amoand.w.aqrl),
 * smp_mb() ("Ensure the remote hart's writes are visible to this hart. This
 * pairs with a barrier in flush_icache_mm") and run FENCE.I.
 */
void flush_icache_deferred(int next)
{
	int bit = 1 << smp_processor_id();

	if (next != 0)
		return;
	if (atomic_fetch_andnot(bit, &icache_stale_mask) & bit) {
		smp_mb();
		local_flush_icache_all();
	}
}

/*
 * arch/riscv/mm/context.c switch_mm() once prev != next (the generic
 * prelude's switch_mm checks that): membarrier_arch_switch_mm(), the
 * mm_cpumask update and set_mm() (satp, TLB: not modelled), then
 * flush_icache_deferred().
 */
void cpu_switch_mm(int next)
{
	membarrier_arch_switch_mm(next);
	flush_icache_deferred(next);
}
