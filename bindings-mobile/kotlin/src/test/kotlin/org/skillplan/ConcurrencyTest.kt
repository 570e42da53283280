package org.skillplan

import java.io.File
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import kotlin.test.assertEquals
import org.junit.jupiter.api.Test

/** Eight JVM threads share one plan and one tally type: every answer equals the one-thread answer. */
class ConcurrencyTest {
    private val plan = defaultPlan()
    private val asOf = LocalDate.of(2025, 6, 30)
    private val data = File(Conformance.corpus, "../../examples/data")
    private val csvPath = File(Conformance.corpus, "records/sample-training.csv").path
    private val count = CountOptions(strict = false, maxRejected = 1000u, sourceName = null)

    private fun work(): List<String> = listOf(
        plan.countRecordsFile(csvPath, count).summaryJson(),
        plan.pathway(parseWorkerJson(File(data, "worker-welder.json").readText()), asOf).toString(),
        plan.progress(parseObservationsCsv(File(data, "jilin-observations.csv").readText()), ProgressOptions(asOf = asOf)).toString(),
        plan.checkEligibilityJson(File(data, "profile.json").readText(), File(data, "offer.json").readText(), asOf).explanation.view().toString(),
    )

    @Test
    fun eightThreadsGetTheOneThreadAnswers() {
        val expected = work()
        val pool = Executors.newFixedThreadPool(8)
        try {
            val answers = pool.invokeAll((1..32).map { Callable { work() } }).map { it.get() }
            answers.forEach { assertEquals(expected, it) }
        } finally {
            pool.shutdown()
        }
    }

    @Test
    fun threadsMergeIntoOneTally() {
        val whole = plan.countRecordsFile(csvPath, count)
        val shared = plan.tallyFromJson(plan.countRecordsJson("[]", count).toJson())
        val parts = (1..8).map { Thread { shared.merge(plan.countRecordsFile(csvPath, count)) } }
        parts.forEach { it.start() }
        parts.forEach { it.join() }
        assertEquals(whole.totals().mapValues { it.value * 8u }, shared.totals())
    }
}
