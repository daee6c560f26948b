C x86-prelude
"x86 kernel code of xmcheck's C dialect, merged over axioms/prelude/linux.c (docs/c-dialect.md, Prelude)"
{
int bp_desc = 0;
}

/*
 * Named by x86.lower after the generic prelude. text_poke_bp(): the kernel's
 * protocol for patching an instruction longer than one atomic store while
 * other CPUs may run it (arch/x86/kernel/alternative.c text_poke_bp_batch,
 * text_poke_sync, poke_int3_handler; renamed smp_text_poke_* in 2025;
 * cmodx-reference 2.5). The site is a two-part instruction
 * (`code_parts_t site[2]`: first byte, tail); a CPU that fetches the
 * temporary INT3 runs poke_int3_handler() instead (the interpreter,
 * c_traps.cpp).
 *
 *   bp_desc   the descriptor of the patch in progress (bp_desc.vec[i].text),
 *             here the new instruction's value; 0: none. Its refcount
 *             (bp_desc.refs, which text_poke_bp_batch waits to drop to zero
 *             at the end) is not modelled: handlers run with interrupts
 *             disabled, so the last text_poke_sync() already waited for them.
 *
 * Not modelled: text_poke() writes through a temporary mm (poking_mm), a
 * second mapping of the text; the executing CPUs are other CPUs, for which
 * the mapping does not matter (x86.cat jump-fetch is per CPU).
 */

/* alternative.c do_sync_core(): the IPI handler of text_poke_sync(). */
void do_sync_core(void)
{
	sync_core();
}

/* alternative.c text_poke_sync(): on_each_cpu(do_sync_core, NULL, 1). */
void text_poke_sync(void)
{
	on_each_cpu(do_sync_core, 1);
}

/*
 * alternative.c text_poke_bp_batch() for one site: publish the descriptor
 * (atomic_set_release(&bp_desc.refs, 1); smp_wmb(): plain stores on x86);
 * "First step: add a int3 trap to the address that will be patched";
 * text_poke_sync(); "Second step: update all but the first byte of the
 * patched range"; text_poke_sync(); "Third step: replace the first byte
 * (int3) by the first byte of replacing opcode"; text_poke_sync(); "Remove
 * and wait for refs to be zero".
 */
void text_poke_bp(code_parts_t *addr, int insn)
{
	WRITE_ONCE(bp_desc, insn);
	smp_wmb();
	addr[0] = INSN_INT3;
	text_poke_sync();
	addr[1] = insn;
	text_poke_sync();
	addr[0] = insn;
	text_poke_sync();
	WRITE_ONCE(bp_desc, 0);
}

/*
 * alternative.c poke_int3_handler(), run by exc_int3 when a CPU fetched the
 * INT3: "Having observed our INT3 instruction, we now must observe bp_desc"
 * (smp_rmb(), a compiler barrier on x86; x86.cat trap-fetch), then emulate
 * the new instruction (int3_emulate_jmp/call, NOPs as a jump over the
 * instruction) and return after it: the call returns what the new
 * instruction returns. No descriptor: not our INT3, and do_int3() dies
 * (int3_emulate stops the CPU, interrupts masked).
 */
int poke_int3_handler(void)
{
	int insn;

	smp_rmb();
	insn = READ_ONCE(bp_desc);
	return int3_emulate(insn);
}
