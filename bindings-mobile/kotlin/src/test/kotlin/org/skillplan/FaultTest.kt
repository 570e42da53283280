package org.skillplan

import java.io.File
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/**
 * An internal fault (a panic in Rust, forced with `injectFault`) reaches Kotlin as the typed
 * `SkillplanException.Internal` with code INTERNAL, for calls that throw and calls that never
 * failed before alike; the JVM goes on and the next call works.
 */
class FaultTest {
    private val plan = defaultPlan()
    private val asOf = LocalDate.of(2025, 4, 1)
    private val data = File(Conformance.corpus, "../../examples/data")
    private val profile = File(data, "profile.json").readText()
    private val offer = File(data, "offer.json").readText()
    private val worker = parseWorkerJson(File(data, "worker-welder.json").readText())
    private val observations = parseObservationsCsv(File(data, "jilin-observations.csv").readText())
    private val records = File(Conformance.corpus, "records/sample-training.jsonl").readLines().joinToString(",", "[", "]")
    private val count = CountOptions(strict = false, maxRejected = 1000u, sourceName = null)

    private val calls: Map<String, () -> Any> = mapOf(
        "checkEligibilityJson" to { plan.checkEligibilityJson(profile, offer, asOf).explanation.view() },
        "countRecordsJson" to { plan.countRecordsJson(records, count).summaryJson() },
        "pathway" to { plan.pathway(worker, asOf) },
        "progress" to { plan.progress(observations, ProgressOptions(asOf = asOf)) },
        "loadPlanStr" to { loadPlanStr(defaultPlanToml()).fingerprint() },
        "indicators" to { plan.indicators() },
        "parseWorkerJson" to { parseWorkerJson("{}") },
    )

    @Test
    fun everyKindOfCallTurnsAFaultIntoTheTypedError() {
        for ((operation, call) in calls) {
            val expected = call()
            injectFault(operation)
            val e = assertFailsWith<SkillplanException.Internal>(operation) { call() }
            assertEquals("INTERNAL", e.code)
            assertTrue(e.detail.contains(operation), e.detail)
            assertFalse(e.message.orEmpty().contains("11010"), "no input in the message")
            // The library and the JVM go on: the same call answers as before.
            assertEquals(expected.toString(), call().toString(), operation)
        }
    }

    @Test
    fun aFaultInAnotherThreadIsThatThreadsError() {
        injectFault("checkEligibilityJson")
        var caught: Throwable? = null
        val t = Thread { caught = runCatching { plan.checkEligibilityJson(profile, offer, asOf) }.exceptionOrNull() }
        t.start(); t.join()
        assertTrue(caught is SkillplanException.Internal, caught.toString())
        plan.checkEligibilityJson(profile, offer, asOf)
    }

    private fun defaultPlanToml(): String = File(Conformance.corpus, "../../core/plans/jilin-2022-2025.toml").readText()
}
