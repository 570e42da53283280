package org.skillplan

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.time.LocalDate
import org.skillplan.examples.PathwayViewModel
import org.skillplan.examples.planOverviewLines
import org.skillplan.examples.progressLines

/** Runs examples/kotlin so the example in the README keeps working. */
class ExamplesTest {
    @Test
    fun planOverviewExample() {
        val lines = planOverviewLines()
        assertEquals("吉林省职业技能培训行动计划（2022-2025年）（吉人社联〔2022〕145号）", lines[0])
        assertTrue(lines.contains("1. 开展补贴性职业技能培训 ≥ 840000"))
        assertEquals("error UNKNOWN_REGION", lines.last())
    }

    @Test
    fun progressLinesExample() {
        val csv = File(Conformance.corpus, "../../examples/data/jilin-observations.csv").readText()
        val lines = progressLines(csv, LocalDate.of(2025, 6, 30))
        assertEquals("开展补贴性职业技能培训：95.4%（进度正常）", lines[0])
        assertEquals("其中：企业新型学徒制培训：79.5%（进度滞后）", lines[2])
    }

    @Test
    fun pathwayViewModelExample() {
        val worker = Worker(workStartedOn = LocalDate.of(2019, 3, 1), levels = listOf(HeldLevel("junior", LocalDate.of(2021, 2, 28))))
        val screen = PathwayViewModel(defaultPlan()).screen(worker, LocalDate.of(2024, 6, 30))
        assertEquals("已取得", screen.rungs[1].state)
        assertEquals("2025-02-28起可申报", screen.rungs[2].state)
        assertEquals("四级/中级工", screen.nextTitle)
        assertEquals(88, screen.nextProgressPercent)
        assertEquals(listOf("技能提升补贴（四级/中级工，上限1500元）"), screen.unlocks)
    }
}
