C linux-prelude
"Kernel functions of xmcheck's C dialect, written in the dialect (docs/c-dialect.md, Prelude)"
{
int cpu_mm[1];
int cpu_active_mm[1];
int cpu_in_eqs[1];
int rseq_preempted[1];
int membarrier_state = 0;
int task_on_cpu = 1;
spinlock_t cpu_hotplug_lock;
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
 *                      MM_NONE (-1): a kernel thread (task->mm == NULL).
 *   cpu_active_mm[cpu] the mm whose page tables the CPU has loaded
 *                      (rq->curr->active_mm, x86 cpu_tlbstate.loaded_mm): a
 *                      kernel thread keeps the previous one (lazy TLB).
 *   cpu_in_eqs[cpu]    RCU extended quiescent state (idle): 0 no, 1 yes,
 *                      | RCU_EQS_SPECIAL (2) when kick_active_cpus_sync()
 *                      deferred its work to the EQS exit.
 *   membarrier_state   mm->membarrier_state of the test's process.
 *   rseq_preempted[cpu] the rseq event of the task on `cpu` (preemption,
 *                      signal or membarrier RSEQ IPI since its critical
 *                      section began): its commit aborts.
 *   cpu_hotplug_lock   cpu_hotplug_lock (a percpu rwsem), as one spinlock.
 *   task_on_cpu        p->on_cpu of the one task a test preempts and resumes
 *                      (preempt_task / resume_task): 1 while a CPU runs it.
 *
 * All are shared variables: membarrier's and kick_active_cpus_sync()'s reads
 * of another CPU's state race with that CPU's scheduler and idle paths.
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
 * kernel/sched/membarrier.c ipi_rseq(): the IPI handler of
 * PRIVATE_EXPEDITED_RSEQ: rseq_preempt(current) -- the task's rseq critical
 * section, if one is running, is aborted when it returns to user space
 * (kernel/rseq.c rseq_ip_fixup) -- then smp_mb().
 */
void ipi_rseq(void)
{
	WRITE_ONCE(rseq_preempted[smp_processor_id()], 1);	/* rseq_preempt(current) */
	smp_mb();
}

/*
 * Restartable sequences (include/uapi/linux/rseq.h; kernel/rseq.c): a
 * critical section begins with rseq_begin() and ends with one commit store,
 * rseq_commit(p, v), which returns 1 if it stored and 0 if the section was
 * aborted. The kernel aborts a section that was preempted, signalled or
 * IPI'd by membarrier RSEQ before its commit instruction (it moves the
 * instruction pointer to the abort handler on the return to user space), so
 * the check and the store are one step for interrupts here.
 */
void rseq_begin(void)
{
	WRITE_ONCE(rseq_preempted[smp_processor_id()], 0);
}

int rseq_commit(int *p, int v)
{
	int flags;
	int ok = 0;

	local_irq_save(flags);
	if (READ_ONCE(rseq_preempted[smp_processor_id()]) == 0) {
		WRITE_ONCE(*p, v);
		ok = 1;
	}
	local_irq_restore(flags);
	return ok;
}

/*
 * kernel/sched/membarrier.c membarrier_private_expedited() (cmodx-reference
 * 5.1): -EPERM unless the mm completed the matching registration; smp_mb()
 * (system call entry is not a barrier); the CPUs whose current task runs this
 * mm; SYNC_CORE: on_each_cpu_mask() -- the calling CPU included (commit
 * e45cdc71d1fa) -- otherwise smp_call_function_many() (the others), both
 * waiting; smp_mb(). The single-user / single-CPU shortcut is not modelled.
 * SYNC_CORE first calls prepare_sync_core_cmd(mm) (include/linux/
 * sync_core.h: empty unless CONFIG_ARCH_HAS_PREPARE_SYNC_CORE_CMD, riscv).
 */
int membarrier_private_expedited(int flags)
{
	int ready = MEMBARRIER_STATE_PRIVATE_EXPEDITED_READY;
	int mask = 0;
	int cpu;

	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		ready = MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY;
	if (flags == MEMBARRIER_FLAG_RSEQ)
		ready = MEMBARRIER_STATE_PRIVATE_EXPEDITED_RSEQ_READY;
	if ((READ_ONCE(membarrier_state) & ready) == 0)
		return -EPERM;
	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		prepare_sync_core_cmd();	/* riscv: stale icache mask; elsewhere nothing */
	smp_mb();	/* system call entry is not a mb. */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (READ_ONCE(cpu_mm[cpu]) == 0)	/* rcu_dereference(cpu_rq(cpu)->curr)->mm == mm */
			mask = mask | (1 << cpu);
	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		on_each_cpu_mask(mask, ipi_sync_core, 1);
	else if (flags == MEMBARRIER_FLAG_RSEQ)
		smp_call_function_many(mask, ipi_rseq, 1);
	else
		smp_call_function_many(mask, ipi_mb, 1);
	smp_mb();	/* exit from system call is not a mb */
	return 0;
}

/*
 * kernel/sched/membarrier.c membarrier_register_private_expedited(): marks the
 * mm registered (state, then ready). SYNC_CORE registration sets
 * MEMBARRIER_STATE_PRIVATE_EXPEDITED too (set_state always has it), but
 * only its own ready bit (50 in all). sync_runqueues_membarrier_state()
 * (synchronize_rcu() and IPIs copying the state to each runqueue) is not
 * modelled: one update of membarrier_state.
 */
int membarrier_register_private_expedited(int flags)
{
	int set = MEMBARRIER_STATE_PRIVATE_EXPEDITED | MEMBARRIER_STATE_PRIVATE_EXPEDITED_READY;

	if (flags == MEMBARRIER_FLAG_SYNC_CORE)
		set = MEMBARRIER_STATE_PRIVATE_EXPEDITED | MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE |
		      MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE_READY;
	if (flags == MEMBARRIER_FLAG_RSEQ)
		set = MEMBARRIER_STATE_PRIVATE_EXPEDITED | MEMBARRIER_STATE_PRIVATE_EXPEDITED_RSEQ |
		      MEMBARRIER_STATE_PRIVATE_EXPEDITED_RSEQ_READY;
	membarrier_state = membarrier_state | set;
	return 0;
}

/*
 * kernel/sched/membarrier.c MEMBARRIER_CMD_GLOBAL: synchronize_rcu() (when
 * more than one CPU is online): every other CPU passes through a quiescent
 * state, a point where its earlier accesses are ordered before the caller's
 * return and its later ones after the caller's entry (membarrier(2): "all
 * running threads of the system pass through a state where all memory
 * accesses to user-space addresses match program order"). Written as an IPI
 * with smp_mb() to every other CPU: a quiescent state happens where an
 * interrupt could be taken (a CPU with interrupts disabled is in an RCU-sched
 * read-side section). The -EINVAL of nohz_full systems is not modelled.
 */
int membarrier_global(void)
{
	smp_mb();
	smp_call_function(ipi_mb, 1);
	smp_mb();
	return 0;
}

/*
 * kernel/sched/membarrier.c membarrier_global_expedited(): smp_mb(); IPI
 * ipi_mb to each other CPU whose runqueue's membarrier_state has
 * MEMBARRIER_STATE_GLOBAL_EXPEDITED and whose current task is not a kernel
 * thread, wait; smp_mb(). The caller need not be registered. Only the test's
 * process (cpu_mm 0) can be registered here: another mm's state is taken as
 * unregistered, and the runqueue's copy of the state is the mm's.
 */
int membarrier_global_expedited(void)
{
	int state;
	int mask = 0;
	int cpu;

	smp_mb();	/* system call entry is not a mb. */
	state = READ_ONCE(membarrier_state);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != smp_processor_id() && READ_ONCE(cpu_mm[cpu]) == 0 &&
		    (state & MEMBARRIER_STATE_GLOBAL_EXPEDITED) != 0)
			mask = mask | (1 << cpu);
	smp_call_function_many(mask, ipi_mb, 1);
	smp_mb();	/* exit from system call is not a mb */
	return 0;
}

/*
 * kernel/sched/membarrier.c membarrier_register_global_expedited(): the state
 * bit, then (after sync_runqueues_membarrier_state, one update here) the
 * ready bit.
 */
int membarrier_register_global_expedited(void)
{
	if ((READ_ONCE(membarrier_state) & MEMBARRIER_STATE_GLOBAL_EXPEDITED_READY) != 0)
		return 0;
	membarrier_state = membarrier_state | MEMBARRIER_STATE_GLOBAL_EXPEDITED;
	membarrier_state = membarrier_state | MEMBARRIER_STATE_GLOBAL_EXPEDITED_READY;
	return 0;
}

/* kernel/sched/membarrier.c SYSCALL_DEFINE3(membarrier, cmd, flags, cpu_id). */
int membarrier(int cmd, int flags)
{
	if (flags != 0)
		return -EINVAL;
	if (cmd == MEMBARRIER_CMD_QUERY)	/* MEMBARRIER_CMD_BITMASK without GET_REGISTRATIONS */
		return MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED |
		       MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED |
		       MEMBARRIER_CMD_PRIVATE_EXPEDITED | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED |
		       MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE |
		       MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ;
	if (cmd == MEMBARRIER_CMD_GLOBAL)
		return membarrier_global();
	if (cmd == MEMBARRIER_CMD_GLOBAL_EXPEDITED)
		return membarrier_global_expedited();
	if (cmd == MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED)
		return membarrier_register_global_expedited();
	if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED)
		return membarrier_private_expedited(0);
	if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE)
		return membarrier_private_expedited(MEMBARRIER_FLAG_SYNC_CORE);
	if (cmd == MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED)
		return membarrier_register_private_expedited(0);
	if (cmd == MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE)
		return membarrier_register_private_expedited(MEMBARRIER_FLAG_SYNC_CORE);
	if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ)
		return membarrier_private_expedited(MEMBARRIER_FLAG_RSEQ);
	if (cmd == MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ)
		return membarrier_register_private_expedited(MEMBARRIER_FLAG_RSEQ);
	return -EINVAL;	/* GET_REGISTRATIONS and MEMBARRIER_CMD_FLAG_CPU: not modelled */
}

/* ======================= modes and scheduling ========================== */

/*
 * CPU hotplug. A test that declares `int cpu_offline[N]` (1 while CPU n is
 * offline; the test gives the initial values) gets IPIs sent to online CPUs
 * only: every send reads cpu_offline[target] first and skips an offline one
 * (kernel/smp.c smp_call_function_many_cond: cpumask_and(..., mask,
 * cpu_online_mask); smp_call_function_single returns -ENXIO). cpu_bringup()
 * is the offline CPU coming up (arch/<arch>/kernel/smpboot.c start_secondary /
 * secondary_start_kernel / smp_callin): its architecture's synchronization
 * (lowering cpu_bringup_sync: x86 CR3/CR4 loads, arm64 ic iallu; dsb nsh;
 * isb, powerpc rfid, riscv FENCE.I), set_cpu_online(), then interrupts
 * enabled. The bring-up runs under cpu_hotplug_lock held for writing (cpu_up
 * holds it on the controlling CPU while the AP comes up); text patching
 * takes it for reading (cpus_read_lock(), e.g. static_key_enable() ->
 * jump_label_update()), so a CPU cannot come online in the middle of a
 * patch. The lock is modelled as one spinlock: readers exclude each other
 * too.
 */
void cpus_read_lock(void)
{
	spin_lock(&cpu_hotplug_lock);
}

void cpus_read_unlock(void)
{
	spin_unlock(&cpu_hotplug_lock);
}

void cpu_bringup(void)
{
	local_irq_disable();
	/*
	 * cpu_up() on the controlling CPU takes the lock and releases the AP,
	 * which spins on a start flag until then (e.g. powerpc
	 * generic_secondary_smp_init on paca->cpu_start): a loop on the value
	 * read, whose control dependency reaches the bring-up synchronization.
	 */
	while (cmpxchg_acquire(&cpu_hotplug_lock, 0, 1) != 0)
		;
	cpu_bringup_sync();
	WRITE_ONCE(cpu_offline[smp_processor_id()], 0);	/* set_cpu_online() */
	spin_unlock(&cpu_hotplug_lock);
	local_irq_enable();
}

/*
 * Preemption of the running task inside the kernel (a preemption point with
 * need_resched set, or a blocking call): __schedule() switches this CPU to
 * another thread of the same process (switch_to_user: the scheduler's full
 * barrier, rq->curr, switch_mm, __switch_to), and finish_task_switch() ->
 * finish_lock_switch() clears prev->on_cpu with smp_store_release() (kernel/
 * sched/core.c). The test's code after preempt_task() on this CPU is the
 * sibling thread's; the preempted task continues where a CPU calls
 * resume_task().
 */
void preempt_task(void)
{
	switch_to_user(READ_ONCE(cpu_mm[smp_processor_id()]));
	smp_store_release(&task_on_cpu, 0);
}

/*
 * The preempted task resumed on this CPU -- the same one or another
 * (migration): try_to_wake_up() waits with smp_cond_load_acquire(&p->on_cpu,
 * !VAL) until the previous CPU switched away from it ("Pairs with the
 * smp_store_release() in finish_task_switch(). This ensures that tasks getting
 * woken will be fully ordered against their previous state and preserve
 * Program Order", kernel/sched/core.c), then __schedule() here switches to it.
 * The test's code after resume_task() is the task's.
 */
void resume_task(void)
{
	while (smp_load_acquire(&task_on_cpu) != 0)
		;
	WRITE_ONCE(task_on_cpu, 1);
	switch_to_user(0);
}

/*
 * The exit of an interrupt taken with need_resched set (set_need_resched()):
 * kernel/entry/common.c irqentry_exit_to_user_mode() -> exit_to_user_mode_loop()
 * -> schedule(). The CPU switches to another thread of the same process
 * (switch_to_user: the scheduler's full barrier, rq->curr, no CR3 write for
 * the same mm), which leaves the kernel by its own return path, the
 * lowering's resched_return_to_user(): x86 the SYSRET of the system call it
 * blocked in -- not the IRET the interrupted thread would have run (Andy
 * Lutomirski, LKML Dec 2020, cmodx-reference 2.3) -- arm64 ERET, powerpc
 * rfid, riscv sret. The test's code after the interrupt point stands for
 * that thread's user code (same process, same code).
 */
void irq_exit_reschedule(void)
{
	switch_to_user(READ_ONCE(cpu_mm[smp_processor_id()]));
	resched_return_to_user();
}

/*
 * x86 arch/x86/mm/tlb.c enter_lazy_tlb(): marks the CPU lazy
 * (cpu_tlbstate_shared.is_lazy, read only by TLB shootdowns, not modelled);
 * arm64: empty. The loaded mm stays: nothing to do here.
 */
void enter_lazy_tlb(void)
{
}

/*
 * switch_mm(prev, next): x86 switch_mm_irqs_off() (arch/x86/mm/tlb.c): when
 * the loaded mm is `next` already -- a thread of the same process, or a lazy
 * kernel thread returning to its mm without a pending TLB flush -- nothing;
 * otherwise load_new_mm_cr3(), a CR3 write: serializing and a full barrier
 * (cmodx-reference 5.6). arm64 switch_mm() (arch/arm64/include/asm/
 * mmu_context.h): "if (prev != next) __switch_mm(next)", with no
 * fetch-synchronizing effect modelled (the lowering's cpu_switch_mm).
 */
void switch_mm(int prev, int next)
{
	if (prev != next)
		cpu_switch_mm(next);
}

/*
 * include/linux/sched/mm.h membarrier_mm_sync_core_before_usermode(): a
 * core-serializing instruction before returning to user space when the new
 * task runs `mm` and that mm registered SYNC_CORE (x86 sync_core();
 * arm64 nothing: the return to user space is an exception return).
 */
void membarrier_mm_sync_core_before_usermode(int mm)
{
	if (READ_ONCE(cpu_mm[smp_processor_id()]) != mm)	/* current->mm != mm */
		return;
	if ((READ_ONCE(membarrier_state) & MEMBARRIER_STATE_PRIVATE_EXPEDITED_SYNC_CORE) == 0)
		return;
	sync_core_before_usermode();
}

/*
 * kernel/sched/core.c finish_task_switch(): prev_mm is rq->prev_mm, the mm a
 * kernel thread borrowed (MM_NONE when the previous task was a user task).
 * "When switching through a kernel thread, the loop in
 * membarrier_{private,global}_expedited() may have observed that kernel
 * thread and not issued an IPI. [...] Membarrier requires a barrier after
 * storing to rq->curr, before returning to userspace": the sync_core for
 * SYNC_CORE, then the full barrier of mmdrop_lazy_tlb() (smp_mb()).
 */
void finish_task_switch(int prev_mm)
{
	if (prev_mm != MM_NONE) {
		membarrier_mm_sync_core_before_usermode(prev_mm);
		smp_mb();	/* mmdrop_lazy_tlb_sched() */
	}
}

/*
 * kernel/sched/core.c __schedule() + context_switch() to a kernel thread,
 * with interrupts disabled: rq_lock() and smp_mb__after_spinlock() (the full
 * barrier membarrier needs before rq->curr changes), rq->curr = next
 * (cpu_mm = MM_NONE: membarrier no longer sees this CPU's process), and
 * enter_lazy_tlb(): the kernel thread keeps the previous mm loaded
 * (cpu_active_mm is unchanged), no switch_mm; then switch_to()'s
 * __switch_to() (lowering: arm64 dsb(ish), x86 nothing).
 */
void switch_to_kthread(void)
{
	int cpu = smp_processor_id();
	int flags;

	local_irq_save(flags);
	smp_mb();			/* rq_lock(); smp_mb__after_spinlock() */
	WRITE_ONCE(cpu_mm[cpu], MM_NONE);	/* RCU_INIT_POINTER(rq->curr, next) */
	enter_lazy_tlb();
	__switch_to();			/* arm64: dsb(ish) */
	local_irq_restore(flags);
}

/*
 * __schedule() + context_switch() to a user thread of process `mm`: the
 * full barrier, rq->curr = next (cpu_mm = mm), switch_mm(prev->active_mm,
 * mm) -- on x86 a CR3 write only when the loaded mm changes, so a lazy
 * kernel thread returning to the same mm writes none -- __switch_to()
 * (arm64 dsb(ish): "also required by the membarrier system call"), then
 * finish_task_switch() with the borrowed mm when the previous task was a
 * kernel thread. The return to user space itself is the test's: sysret() or
 * iret() (x86), eret() (arm64).
 */
void switch_to_user(int mm)
{
	int cpu = smp_processor_id();
	int flags;
	int prev_mm;
	int active;

	local_irq_save(flags);
	prev_mm = READ_ONCE(cpu_mm[cpu]);		/* prev->mm */
	active = READ_ONCE(cpu_active_mm[cpu]);		/* prev->active_mm */
	smp_mb();			/* rq_lock(); smp_mb__after_spinlock() */
	WRITE_ONCE(cpu_mm[cpu], mm);		/* RCU_INIT_POINTER(rq->curr, next) */
	switch_mm(active, mm);
	if (active != mm)
		WRITE_ONCE(cpu_active_mm[cpu], mm);
	__switch_to();			/* arm64: dsb(ish) */
	if (prev_mm == MM_NONE)
		finish_task_switch(active);	/* rq->prev_mm = prev->active_mm */
	else
		finish_task_switch(MM_NONE);
	local_irq_restore(flags);
}

/*
 * RCU extended quiescent state (idle, nohz_full user mode), as in
 * kernel/rcu/tree.c of 2018 (b8c17e6664c4): rcu_dynticks_eqs_enter() and
 * rcu_dynticks_eqs_exit() update the per-CPU ->dynticks counter with a fully
 * ordered atomic_add_return() (here a fully ordered atomic_xchg() of
 * cpu_in_eqs), and the exit tests the returned value for the special bit that
 * rcu_eqs_special_set() left ("if (seq & RCU_DYNTICK_CTRL_MASK)"): a control
 * dependency on what the exit read. rcu_eqs_exit() returns that value
 * (nonzero & RCU_EQS_SPECIAL: a kick was deferred to this exit).
 */
void rcu_eqs_enter(void)
{
	atomic_xchg(&cpu_in_eqs[smp_processor_id()], 1);
}

int rcu_eqs_exit(void)
{
	int seq = atomic_xchg(&cpu_in_eqs[smp_processor_id()], 0);

	if (seq & RCU_EQS_SPECIAL)
		rcu_eqs_special_exit();
	return seq;
}

/* The deferred action of rcu_eqs_special_set(): Norov's series left it empty. */
void rcu_eqs_special_exit(void)
{
}

/*
 * kernel/rcu/tree.c rcu_eqs_special_set(cpu) (2018): if the CPU is in an
 * EQS, set the special bit with a fully ordered cmpxchg and report it skipped
 * (1); otherwise 0. The kernel retries a cmpxchg that lost a race; here a
 * failed one reports 0 (the CPU is then IPI'd, which is always safe).
 */
int rcu_eqs_special_set(int cpu)
{
	int old = atomic_read(&cpu_in_eqs[cpu]);

	if ((old & 1) == 0)
		return 0;
	return atomic_cmpxchg(&cpu_in_eqs[cpu], old, old | RCU_EQS_SPECIAL) == old;
}

/*
 * Yury Norov, "[PATCH 2/2] smp: introduce kick_active_cpus_sync()" (LKML,
 * March 2018; not merged -- cmodx-reference 5.5): kick_all_cpus_sync() that
 * skips the CPUs in an extended quiescent state (rcu_eqs_special_set()),
 * deferring the synchronization to their EQS exit. Returns the mask of the
 * CPUs it IPI'd (the kernel's returns nothing).
 */
int kick_active_cpus_sync(void)
{
	int mask = 0;
	int cpu;

	smp_mb();
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != smp_processor_id() && !rcu_eqs_special_set(cpu))
			mask = mask | (1 << cpu);
	smp_call_function_many(mask, do_nothing, 1);
	return mask;
}
