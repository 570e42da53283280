package org.skillplan

import java.math.BigDecimal
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class PathwayTest {
    private val plan = defaultPlan()

    @Test
    fun ladderHasEightRungs() {
        val levels = plan.skillLevels()
        assertEquals(listOf("学徒工", "五级/初级工", "四级/中级工", "三级/高级工", "二级/技师", "一级/高级技师", "特级技师", "首席技师"), levels.map { it.name.zh })
        assertEquals(LevelKind.APPOINTED_POST, levels.last().kind)
        assertEquals(BigDecimal("2000"), levels.first { it.id == "senior" }.skillUpgradeSubsidyCap)
    }

    @Test
    fun pathwayWithLocalDates() {
        val worker = Worker(workStartedOn = LocalDate.of(2019, 3, 1), levels = listOf(HeldLevel("junior", LocalDate.of(2021, 2, 28))))
        val p = plan.pathway(worker, LocalDate.of(2024, 6, 30))
        val next = p.steps.first { it.isNext }
        assertEquals("intermediate", next.level)
        assertEquals(LocalDate.of(2025, 2, 28), next.earliestDate)
        assertTrue(next.routes.all { it.progress <= BigDecimal.ONE })
    }

    @Test
    fun crosswalkBothWays() {
        assertEquals(listOf("assistant-engineer"), plan.crosswalkForLevel("senior").map { it.title })
        assertEquals(listOf("technician"), plan.crosswalkForTitle("工程师").map { it.level })
        val e = assertFailsWith<SkillplanException.NotFound> { plan.crosswalkForTitle("chief-engineer") }
        assertEquals("UNKNOWN_TITLE", e.code)
    }

    @Test
    fun workerJsonIsCheckedWithPaths() {
        val e = assertFailsWith<SkillplanException.InvalidInput> { parseWorkerJson("""{"diplomas": [{"school": "university"}]}""") }
        assertEquals("unknown_school", e.reason)
        assertEquals("worker.diplomas[0].school", e.path)
        val w = parseWorkerJson("""{"levels": [{"level": "technician", "obtained_on": "2020-03-01"}]}""")
        assertEquals(LocalDate.of(2020, 3, 1), w.levels.single().obtainedOn)
        assertNull(w.workStartedOn)
    }
}
