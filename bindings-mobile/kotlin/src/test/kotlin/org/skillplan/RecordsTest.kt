package org.skillplan

import java.io.File
import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse

class RecordsTest {
    private val plan = defaultPlan()
    private val sample = File(Conformance.corpus, "records/sample-training.csv").path
    private fun record(personKey: String = "k1", region: String = "220100") = RecordInput(
        recordId = "r1", personKey = personKey, region = region, trainingType = "employment_skills",
        subsidised = "true", startDate = "2023-05-01", completionDate = "2023-05-31",
    )
    private val defaults = CountOptions(strict = false, maxRejected = 1000u, sourceName = null)

    @Test
    fun typedRecordsCountAndFeedTheProgressReport() {
        val tally = plan.countRecords(listOf(record(), record(region = "changchun-new-area")), defaults)
        assertEquals(2uL, tally.totals()["subsidized-training"])
        assertEquals(2uL, tally.regionTotal("subsidized-training", "220100"))
        val whole = plan.countRecordsFile(sample, defaults)
        val report = plan.progress(whole.observations(), ProgressOptions(asOf = LocalDate.of(2025, 12, 31)))
        assertEquals(whole.totals()["subsidized-training"]!!.toLong(), report.indicators.first().achieved!!.toLong())
    }

    @Test
    fun talliesMergeAcrossThreads() {
        val whole = plan.countRecordsFile(sample, defaults)
        val merged = plan.countRecords(emptyList(), defaults)
        val parts = (0 until 4).map { i ->
            Thread { merged.merge(plan.tallyFromJson(plan.countRecords(listOf(record()).map { it.copy(recordId = "r$i") }, defaults).toJson())) }
        }
        parts.forEach { it.start() }
        parts.forEach { it.join() }
        assertEquals(4uL, merged.totals()["subsidized-training"])
        merged.merge(whole)
        assertEquals(whole.totals()["subsidized-training"]!! + 4uL, merged.totals()["subsidized-training"])
    }

    @Test
    fun badRecordsAreTypedAndNeverShowTheKey() {
        val key = "11010519491231002X"
        val e = assertFailsWith<SkillplanException.InvalidInput> {
            plan.countRecords(listOf(record(personKey = key)), defaults.copy(strict = true))
        }
        assertEquals("INVALID_RECORD", e.code)
        assertEquals("rows[1].person_key", e.path)
        assertFalse(e.toString().contains(key))
        assertFalse(plan.countRecords(listOf(record(personKey = key)), defaults).summaryJson().contains(key))
        val io = assertFailsWith<SkillplanException.InvalidInput> { plan.countRecordsFile("/no/such/file.csv", defaults) }
        assertEquals("INVALID_RECORD_SOURCE", io.code)
    }
}
