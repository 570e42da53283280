package org.skillplan

import com.sun.jna.Native
import java.lang.ref.Cleaner
import java.nio.BufferOverflowException
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.time.LocalDate

/** The direct calls of the library (bindings-mobile/src/direct.rs): bytes in, bytes out. */
internal object DirectLib {
    init {
        Native.register(DirectLib::class.java, System.getProperty("uniffi.component.skillplan_mobile.libraryOverride") ?: "skillplan_mobile")
    }

    @JvmStatic external fun skillplan_mobile_check_eligibility(plan: Long, input: ByteArray, inputLen: Int, out: ByteArray, outCap: Int): Int

    @JvmStatic external fun skillplan_mobile_release_plan(handle: Long)

    const val REFUSED = Int.MIN_VALUE
}

/**
 * A decision's answer, read at once: the member target groups and each subsidy's status,
 * amount, version, failed checks and missing facts. [explanation] renders the rest when first
 * asked (the core decides again for it, which costs less than any explanation).
 */
class CheckedAnswer internal constructor(
    private val summary: DecisionSummary,
    private val explain: () -> EligibilityAnswer,
) {
    val asOf: LocalDate get() = summary.asOf
    val targetGroups: List<String> get() = summary.targetGroups
    val subsidies: List<SubsidySummary> get() = summary.subsidies

    /** The answer for one subsidy, or null when it was not asked for. */
    fun subsidy(kind: SubsidyKind): SubsidySummary? = summary.subsidies.firstOrNull { it.id == kind }

    /** The explanations of this decision, rendered by the core on demand. */
    val explanation: Explanation by lazy { explain().explanation }

    override fun toString(): String = "CheckedAnswer(${summary})"
}

/**
 * Eligibility checks at native speed from the JVM: `checker.check(profile, offer, asOf)` gives the
 * answer of `plan.checkEligibility` through one plain call, without uniffi's per-call JNA
 * structures. Bad input raises the same typed [SkillplanException] as `checkEligibility`, read
 * from the library's answer (a fault inside is `SkillplanException.Internal`, as there).
 * Checks may run on many threads at once; close it (or let it be collected) to release its hold
 * on the plan, once no check is running.
 */
class EligibilityChecker(private val plan: Plan) : AutoCloseable {
    private val handle: Long = plan.directHandle().toLong()
    private val cleanable = CLEANER.register(this, Release(handle))
    @Volatile private var closed = false

    private class Release(private val handle: Long) : Runnable {
        override fun run() = DirectLib.skillplan_mobile_release_plan(handle)
    }

    private class Buffers {
        var input: ByteBuffer = ByteBuffer.allocate(4096).order(ByteOrder.BIG_ENDIAN)
        var out = ByteArray(2048)
    }

    /** The decision for one profile and offer as of a date, for `subsidies` (all when empty). */
    fun check(profile: ProfileInput, offer: OfferInput, asOf: LocalDate, subsidies: List<SubsidyKind> = emptyList()): CheckedAnswer {
        check(!closed) { "the checker is closed" }
        val b = BUFFERS.get()
        val length = write(b, profile, offer, asOf, subsidies)
        var n = DirectLib.skillplan_mobile_check_eligibility(handle, b.input.array(), length, b.out, b.out.size)
        if (n != DirectLib.REFUSED && n < 0) {
            b.out = ByteArray(-n)
            n = DirectLib.skillplan_mobile_check_eligibility(handle, b.input.array(), length, b.out, b.out.size)
        }
        // The plan must outlive the call: `this` (whose cleaner releases it) stays reachable until here.
        java.lang.ref.Reference.reachabilityFence(this)
        if (n < 1) throw SkillplanException.Internal("INTERNAL", "", "internal fault in checkEligibility: the library could not read its arguments")
        val answer = ByteBuffer.wrap(b.out, 1, n - 1).order(ByteOrder.BIG_ENDIAN)
        // The tag byte: 0 the answer, 1 the typed error checkEligibility raises for these arguments.
        if (b.out[0].toInt() != 0) throw FfiConverterTypeSkillplanError.read(answer)
        val summary = FfiConverterTypeDecisionSummary.read(answer)
        return CheckedAnswer(summary) { plan.checkEligibility(profile, offer, asOf, subsidies) }
    }

    private fun write(b: Buffers, profile: ProfileInput, offer: OfferInput, asOf: LocalDate, subsidies: List<SubsidyKind>): Int {
        while (true) {
            val buf = b.input
            buf.clear()
            try {
                FfiConverterTypeProfileInput.write(profile, buf)
                FfiConverterTypeOfferInput.write(offer, buf)
                FfiConverterTypeCalendarDate.write(asOf, buf)
                FfiConverterSequenceTypeSubsidyKind.write(subsidies, buf)
                return buf.position()
            } catch (e: BufferOverflowException) {
                b.input = ByteBuffer.allocate(buf.capacity() * 4).order(ByteOrder.BIG_ENDIAN)
            }
        }
    }

    override fun close() {
        closed = true
        cleanable.clean()
    }

    private companion object {
        val CLEANER: Cleaner = Cleaner.create()
        val BUFFERS: ThreadLocal<Buffers> = ThreadLocal.withInitial { Buffers() }
    }
}
