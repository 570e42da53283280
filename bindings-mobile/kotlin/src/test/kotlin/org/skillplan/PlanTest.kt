package org.skillplan

import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class PlanTest {
    private val minimal = File(Conformance.corpus, "plans/good/minimal.toml")

    @Test
    fun `the library reports the package version`() {
        // Surefire passes the pom's version: the jar and the native library agree on it.
        assertEquals(System.getProperty("skillplan.expected.version"), skillplanVersion())
    }

    @Test
    fun targetsAreBigDecimals() {
        val plan = defaultPlan()
        assertEquals(BigDecimal("176000"), plan.indicator("new-certificates").target)
        val parts = plan.parts("subsidized-training").fold(BigDecimal.ZERO) { acc, i -> acc + i.target }
        assertEquals(0, BigDecimal("520000").compareTo(parts))
        assertEquals(IndicatorUnit.COUNT, plan.indicator("training-bases").unit)
    }

    @Test
    fun datesAreLocalDates() {
        val meta = defaultPlan().metadata()
        assertEquals(LocalDate.of(2022, 8, 29), meta.writtenOn)
        assertEquals(LocalDate.of(2025, 12, 31), meta.period.end)
    }

    @Test
    fun queryErrorsAreSealedAndTyped() {
        val plan = defaultPlan()
        val e = assertFailsWith<SkillplanException.NotFound> { plan.clause("（九十）") }
        assertEquals("UNKNOWN_CLAUSE", e.code)
        assertEquals("id", e.path)
    }

    @Test
    fun invalidPlanListsEveryIssue() {
        val text = minimal.readText().replace("parent = \"trained\"", "parent = \"x\"").replace("target = \"100000\"", "target = \"-1\"")
        val e = assertFailsWith<SkillplanException.Plan> { loadPlanStr(text) }
        assertEquals("PLAN_INVALID", e.code)
        assertEquals(listOf(Reason.NEGATIVE_TARGET, Reason.UNKNOWN_REFERENCE), e.issues.map { it.reason })
    }

    @Test
    fun bytesMustBeUtf8() {
        val e = assertFailsWith<SkillplanException.Plan> { loadPlanBytes(byteArrayOf(0x66, 0xff.toByte(), 0x0a)) }
        assertEquals("PLAN_NOT_UTF8", e.code)
        assertEquals("sample-2026-2030", loadPlanBytes(minimal.readBytes()).id())
    }

    @Test
    fun optionalFieldsAreNull() {
        val region = defaultPlan().region("changbaishan")
        assertNull(region.code)
        assertEquals(RegionKind.MANAGEMENT_AREA, region.kind)
    }

    @Test
    fun threadsShareOnePlan() {
        val plan = defaultPlan()
        val pool = Executors.newFixedThreadPool(4)
        val futures = (1..64).map { pool.submit<String> { plan.measuresForDepartment("省教育厅").joinToString { it.id } + plan.fingerprint() } }
        val answers = futures.map { it.get() }.toSet()
        pool.shutdown()
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS))
        assertEquals(1, answers.size)
    }
}
