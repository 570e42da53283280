package org.skillplan

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.time.LocalDate
import org.skillplan.examples.EligibilityCards
import org.skillplan.examples.PathwayViewModel
import org.skillplan.examples.SubsidyCard
import org.skillplan.examples.planOverviewLines
import org.skillplan.examples.progressLines
import org.skillplan.examples.exportSummaryLines
import org.skillplan.examples.recordSummaryLines

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

    @Test
    fun recordSummaryExample() {
        val records = listOf(
            RecordInput(recordId = "t1", personKey = "9f86d081", region = "220281", trainingType = "就业技能培训", subsidised = "是",
                groups = listOf("农民工"), startDate = "2024-04-01", completionDate = "2024-04-20"),
            RecordInput(recordId = "t2", personKey = "60303ae2", region = "长白山管委会", trainingType = "skill_upgrading", subsidised = "false",
                startDate = "2024-05-01", completionDate = "2024-05-10", certificateKind = "职业技能等级证书", certificateLevel = "三级",
                certificateDate = "2024-06-15"),
            RecordInput(recordId = "t3", personKey = "fd61a03a", region = "220100", trainingType = "juggling", subsidised = "true",
                startDate = "2024-05-01"),
        )
        val lines = recordSummaryLines(defaultPlan(), records)
        assertEquals("已读 3 条，计入 2 条，退回 1 条", lines[0])
        assertTrue(lines.contains("开展补贴性职业技能培训：1"))
        assertTrue(lines.contains("其中：农民工参加职业技能培训：1"))
        assertTrue(lines.contains("其中：新增取得高级工及以上职业资格证书或职业技能等级证书：1"))
        assertEquals("第3行 training_type：unknown_training_type", lines.last())
    }

    @Test
    fun countExportsExample() {
        val work = kotlin.io.path.createTempDirectory("skillplan-exports").toFile()
        try {
            val lines = exportSummaryLines(defaultPlan(), File(Conformance.corpus, "../../examples/data"), work,
                "a-salt-from-secure-storage".toByteArray())
            assertEquals("已读 400 条，计入 259 条，退回 0 条", lines[0])
            assertEquals("与 UTF-8 样本一致：true", lines[1])
            assertEquals("未读取的列：备注", lines[2])
            assertEquals("脱敏：写出 1 行，剔除 1 行（第2行 invalid_id_number）", lines[3])
            assertEquals("人员标识 64 位，与文件一致：true", lines[4])
            assertTrue(lines.none { it.contains("11010519491231") })
        } finally {
            work.deleteRecursively()
        }
    }

    @Test
    fun eligibilityCardsExample() {
        val profile = ProfileInput(employment = Employment.EMPLOYED, unemploymentInsuranceMonths = 7u, subsidiesReceived = emptyList())
        val offer = OfferInput(targetLevel = "intermediate", certificateKind = "skill_level_certificate", occupation = "电工",
            certificateDate = LocalDate.of(2025, 3, 1), shortageOccupation = false)
        val cards = EligibilityCards(defaultPlan()).cards(profile, offer, LocalDate.of(2025, 4, 1))
        assertEquals(4, cards.size)
        assertEquals(SubsidyCard("技能提升补贴", "暂不符合", null, "缴纳失业保险满12个月；已缴7个月", true), cards[1])
        assertEquals("待补充信息", cards[0].badge)
    }
}
