package org.skillplan

import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class ProgressTest {
    private val plan = defaultPlan()
    private val example = parseObservationsCsv(File(Conformance.corpus, "../../examples/data/jilin-observations.csv").readText())

    @Test
    fun reportWithBigDecimalsAndLocalDates() {
        val report = plan.progress(example, ProgressOptions(asOf = LocalDate.of(2025, 6, 30)))
        val row1 = report.indicators.first()
        assertEquals(BigDecimal("801000"), row1.achieved)
        assertEquals(Status.ON_TRACK, row1.status)
        assertEquals("进度正常", row1.statusLabel.zh)
        assertEquals(LocalDate.of(2025, 6, 30), row1.achievedOn)
        assertEquals(listOf(WarningCode.ROLLUP_MISMATCH), report.warnings.map { it.code })
    }

    @Test
    fun finalReport() {
        val report = plan.progress(example, ProgressOptions(asOf = LocalDate.of(2026, 11, 28)))
        assertTrue(report.isFinal)
        assertEquals(
            listOf(Status.MET, Status.MET, Status.MISSED, Status.MET, Status.MISSED, Status.MET),
            report.indicators.map { it.status },
        )
        assertTrue(plan.progressCsv(example, ProgressOptions(asOf = LocalDate.of(2026, 11, 28))).startsWith("indicator,name_zh"))
    }

    @Test
    fun decomposeSumsExactly() {
        val targets = plan.decompose("new-certificates", listOf(RegionWeight("changchun", BigDecimal("906.7")), RegionWeight("222400", BigDecimal("194.1"))))
        assertEquals(0, BigDecimal("176000").compareTo(targets.fold(BigDecimal.ZERO) { acc, t -> acc + t.target }))
        assertEquals(listOf("changchun", "yanbian"), targets.map { it.region })
    }

    @Test
    fun badTextIsATypedError() {
        val e = assertFailsWith<SkillplanException.InvalidInput> {
            parseObservationsJson("""[{"indicator": "training-bases", "date": "2024-12-31", "value": 2.5}]""")
        }
        assertEquals("INVALID_OBSERVATION", e.code)
        assertEquals("not_a_number", e.reason)
        assertEquals("observations[0].value", e.path)
    }

    @Test
    fun negativeValuesAreRefused() {
        val obs = listOf(Observation("training-bases", null, LocalDate.of(2024, 12, 31), BigDecimal("-1"), SeriesKind.CUMULATIVE))
        val e = assertFailsWith<SkillplanException.InvalidInput> { plan.progress(obs, ProgressOptions(asOf = LocalDate.of(2025, 1, 1))) }
        assertEquals("negative_value", e.reason)
    }
}
