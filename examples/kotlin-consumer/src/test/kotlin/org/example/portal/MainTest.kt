package org.example.portal

import java.math.BigDecimal
import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import org.skillplan.Employment
import org.skillplan.OfferInput
import org.skillplan.ProfileInput
import org.skillplan.SkillplanException
import org.skillplan.code
import org.skillplan.defaultPlan
import org.skillplan.loadPlanStr
import org.skillplan.skillplanVersion

class MainTest {
    private val offer = OfferInput(targetLevel = "intermediate", certificateKind = "skill_level_certificate", occupation = "电工",
        certificateDate = LocalDate.of(2025, 3, 1), shortageOccupation = false)

    @Test
    fun `the installed jar loads its native library and answers`() {
        val plan = defaultPlan()
        assertEquals(BigDecimal("840000"), plan.indicator("subsidized-training").target)
        val employed = ProfileInput(employment = Employment.EMPLOYED, unemploymentInsuranceMonths = 14u, subsidiesReceived = emptyList())
        val lines = subsidyLines(plan, employed, offer, LocalDate.of(2025, 4, 1))
        assertEquals(4, lines.size)
        assertEquals("技能提升补贴: 可申领 1500 元", lines[1])
    }

    @Test
    fun `errors arrive typed with their code`() {
        val err = assertFailsWith<SkillplanException> { loadPlanStr("not a plan") }
        assertEquals("PLAN_SYNTAX", err.code)
    }

    @Test
    fun `the version is the package's`() {
        assertEquals(System.getProperty("skillplan.expected.version"), skillplanVersion())
    }
}
