C linux-prelude
"Kernel functions of xmcheck's C dialect, written in the dialect (docs/c-dialect.md, Prelude)"
{
int cpu_mm[1];
int membarrier_state = 0;
}

/*
 * Loaded for every C test through the lowering file's `prelude` line: a
 * function of this file is callable from any test unless the test defines a
 * function of the same name (the test's wins). The init block above is the
 * kernel state these functions share; its variables are added to a test that
 * calls into the prelude, unless the test declares them itself (e.g.
 * `int membarrier_state = 1;` to start registered). Arrays are per-CPU: one
 * element per thread of the test, whatever size is written above.
 *
 *   cpu_mm[cpu]        the mm running on `cpu` (rq->curr->mm): 0 is the
 *                      test's process, any other value another process.
 *   membarrier_state   mm->membarrier_state of the test's process.
 *
 * Built in (the interpreter, c_interrupts.cpp): smp_processor_id(),
 * nr_cpu_ids, smp_call_function_single(cpu, func, wait),
 * smp_call_function(func, wait), smp_call_function_many(mask, func, wait),
 * on_each_cpu(func, wait), on_each_cpu_mask(mask, func, wait) (masks are
 * integers, bit n = CPU n), local_irq_disable/enable/save/restore,
 * irqs_disabled(). Constants (MEMBARRIER_*, EPERM, EINVAL) come from the
 * lowering files.
 */

/* kernel/smp.c: do_nothing(), the IPI handler of kick_all_cpus_sync(). */
void do_nothing(void)
{
}

/*
 * kernel/smp.c kick_all_cpus_sync(): "Make sure the change is visible before
 * we kick the cpus" -- smp_mb(); smp_call_function(do_nothing, NULL, 1).
 * (cmodx-reference 5.4)
 */
void kick_all_cpus_sync(void)
{
	smp_mb();
	smp_call_function(do_nothing, 1);
}

/* kernel/sched/membarrier.c ipi_mb(): the IPI handler of PRIVATE_EXPEDITED. */
void ipi_mb(void)
{
	smp_mb();	/* IPIs should be serializing but paranoid. */
}

/*
 * kernel/sched/membarrier.c ipi_sync_core(): the IPI handler of
 * PRIVATE_EXPEDITED_SYNC_CORE. sync_core_before_usermode() is per
 * architecture (lowering files): x86 sync_core() (without PTI), arm64 nothing
 * -- the return from the IPI, and later to user space, is an exception
 * return, a context synchronization event.
 */
void ipi_sync_core(void)
{
	smp_mb();
	sync_core_before_usermode();
}

/*
 * kernel/sched/membarrier.c membarrier_private_expedited() (cmodx-reference
 * 5.1): -EPERM unless the mm completed the matching registration; smp_mb()
 * (system call entry is not a barrier); the CPUs whose current task runs this
 * mm; SYNC_CORE: on_each_cpu_mask() -- the calling CPU included (commit
 * e45cdc71d1fa) -- otherwise smp_call_function_many() (the others), both
 * waiting; smp_mb(). The single-user / single-CPU shortcut is not modelled.
 */
int membarrier_private_expedited(int flags)
{
	int ready = MEMBARRIER_STATE_PRIVATE_EXPEDITED_READY;
	int mask = 0;
	int cpu;

	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		ready = MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY;
	if ((READ_ONCE(membarrier_state) & ready) == 0)
		return -EPERM;
	smp_mb();	/* system call entry is not a mb. */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (READ_ONCE(cpu_mm[cpu]) == 0)	/* rcu_dereference(cpu_rq(cpu)->curr)->mm == mm */
			mask = mask | (1 << cpu);
	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		on_each_cpu_mask(mask, ipi_sync_core, 1);
	else
		smp_call_function_many(mask, ipi_mb, 1);
	smp_mb();	/* exit from system call is not a mb */
	return 0;
}

/*
 * kernel/sched/membarrier.c membarrier_register_private_expedited(): marks the
 * mm registered (state, then ready). sync_runqueues_membarrier_state()
 * (synchronize_rcu() and IPIs copying the state to each runqueue) is not
 * modelled: one update of membarrier_state.
 */
int membarrier_register_private_expedited(int flags)
{
	int set = MEMBARRIER_STATE_PRIVATE_EXPEDITED | MEMBARRIER_STATE_PRIVATE_EXPEDITED_READY;

	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		set = MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE | MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY;
	membarrier_state = membarrier_state | set;
	return 0;
}

/* kernel/sched/membarrier.c SYSCALL_DEFINE3(membarrier, cmd, flags, cpu_id). */
int membarrier(int cmd, int flags)
{
	if (flags != 0)
		return -EINVAL;
	if (cmd == MEMBARRIER_CMD_QUERY)
		return MEMBARRIER_CMD_PRIVATE_EXPEDITED | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED |
		       MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE;
	if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED)
		return membarrier_private_expedited(0);
	if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE)
		return membarrier_private_expedited(MEMBARRIER_FLAG_SYNC_CORE);
	if (cmd == MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED)
		return membarrier_register_private_expedited(0);
	if (cmd == MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE)
		return membarrier_register_private_expedited(MEMBARRIER_FLAG_SYNC_CORE);
	return -EINVAL;	/* GLOBAL, GLOBAL_EXPEDITED, RSEQ: not modelled */
}
