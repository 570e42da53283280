package org.skillplan

import java.math.BigDecimal
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Eligibility from Kotlin with typed inputs: the same answers as the JSON route, typed errors. */
class EligibilityTest {
    private val plan = defaultPlan()
    private val asOf = LocalDate.of(2025, 4, 1)
    private val offer = OfferInput(trainingType = "employment_skills", targetLevel = "intermediate", certificateKind = "skill_level_certificate",
        occupation = "电工", hours = 120u, providerListed = true, startDate = LocalDate.of(2025, 1, 10),
        certificateDate = LocalDate.of(2025, 3, 1), shortageOccupation = false)
    private val worker = ProfileInput(employment = Employment.EMPLOYED, unemploymentInsuranceMonths = 14u, statuses = listOf("农民工"),
        subsidiesReceived = emptyList(), receivingUnemploymentBenefit = false, schoolType = SchoolKind.SECONDARY_SCHOOL,
        graduationDate = LocalDate.of(2008, 7, 1))

    @Test
    fun typedInputsGiveTheAnswerWithBigDecimalAmountsAndTheExplanationOnDemand() {
        val d = plan.checkEligibility(worker, offer, asOf)
        val upgrade = d.subsidies.first { it.id == SubsidyKind.SKILL_UPGRADE_SUBSIDY }
        assertEquals(EligibilityStatus.ELIGIBLE, upgrade.status)
        assertEquals(BigDecimal("1500"), upgrade.amount)
        assertEquals("2025", upgrade.version)
        assertTrue("rural_revitalisation" in d.targetGroups)
        val explained = d.explanation.subsidy(SubsidyKind.SKILL_UPGRADE_SUBSIDY)!!
        assertEquals(listOf("（二十五）"), explained.clauses)
        assertEquals("2025", explained.version?.id)
        assertTrue(d.explanation.targetGroups().any { it.id == "rural_revitalisation" && it.status == GroupStatus.MEMBER })
    }

    @Test
    fun checksAreCodesWithNumbersAndTheirTextIsRenderedWhenAsked() {
        val d = plan.checkEligibility(worker.copy(unemploymentInsuranceMonths = 7u), offer, asOf)
        val checks = d.explanation.checks(SubsidyKind.SKILL_UPGRADE_SUBSIDY)
        val months = checks.indexOfFirst { it.check == CheckKind.INSURANCE_MONTHS }
        assertEquals(CheckCode(check = CheckKind.INSURANCE_MONTHS, outcome = CheckOutcome.NO, missingFacts = emptyList(), date = null, have = 7u, need = 12u), checks[months])
        assertEquals("12 months of unemployment insurance needed; you have 7",
            d.explanation.checkText(SubsidyKind.SKILL_UPGRADE_SUBSIDY, months.toUInt(), Lang.EN))
        val zh = d.explanation.subsidyText(SubsidyKind.SKILL_UPGRADE_SUBSIDY, Lang.ZH)!!
        assertTrue(zh.startsWith("技能提升补贴：不符合\n"), zh)
        assertTrue(d.explanation.text(Lang.EN).contains("skill upgrade subsidy: not eligible"))
        assertEquals(listOf(CheckKind.INSURANCE_MONTHS), d.subsidies[1].failed)
    }

    @Test
    fun theCheckerGivesTheAnswerOfCheckEligibilityThroughOneDirectCall() {
        EligibilityChecker(plan).use { checker ->
            val profiles = listOf(worker, worker.copy(unemploymentInsuranceMonths = 3u), ProfileInput(), worker.copy(subsidiesReceived = null))
            for (p in profiles) {
                val fast = checker.check(p, offer, asOf)
                val answer = plan.checkEligibility(p, offer, asOf)
                assertEquals(answer.subsidies, fast.subsidies)
                assertEquals(answer.targetGroups, fast.targetGroups)
                assertEquals(answer.explanation.view(), fast.explanation.view())
            }
            val only = checker.check(worker, offer, asOf, listOf(SubsidyKind.LIVING_ALLOWANCE))
            assertEquals(listOf(SubsidyKind.LIVING_ALLOWANCE), only.subsidies.map { it.id })
            assertEquals(null, only.subsidy(SubsidyKind.TRAINING_SUBSIDY))
            val e = assertThrows<SkillplanException.InvalidInput> { checker.check(ProfileInput(statuses = listOf("astronaut")), offer, asOf) }
            assertEquals("profile.statuses[0]", e.path)
            injectFault("checkEligibility")
            val fault = assertThrows<SkillplanException.Internal> { checker.check(worker, offer, asOf) }
            assertEquals("INTERNAL", fault.code)
            assertEquals(plan.checkEligibility(worker, offer, asOf).subsidies, checker.check(worker, offer, asOf).subsidies)
            val big = worker.copy(statuses = List(190) { "rural_transfer_labour" }) // more than the first input buffer holds
            assertEquals(plan.checkEligibility(big, offer, asOf).subsidies, checker.check(big, offer, asOf).subsidies)
        }
    }

    @Test
    fun typedAndJsonRoutesAgree() {
        val json = """{"employment":"employed","unemployment_insurance_months":14,"statuses":["农民工"],"subsidies_received":[],
            "receiving_unemployment_benefit":false,"school_type":"secondary_school","graduation_date":"2008-07-01"}"""
        val offerJson = """{"training_type":"employment_skills","target_level":"intermediate","certificate_kind":"skill_level_certificate",
            "occupation":"电工","hours":120,"provider_listed":true,"start_date":"2025-01-10","certificate_date":"2025-03-01","shortage_occupation":false}"""
        val (fromText, typed) = plan.checkEligibilityJson(json, offerJson, asOf) to plan.checkEligibility(worker, offer, asOf)
        assertEquals(fromText.subsidies, typed.subsidies)
        assertEquals(fromText.explanation.view(), typed.explanation.view())
    }

    @Test
    fun aBatchEqualsSingleCalls() {
        val profiles = listOf(worker, worker.copy(unemploymentInsuranceMonths = 3u), ProfileInput())
        val batch = plan.checkEligibilityBatch(profiles, offer, asOf)
        assertEquals(profiles.map { plan.checkEligibility(it, offer, asOf).explanation.view() }, batch.map { it.explanation.view() })
        assertEquals(profiles.map { plan.checkEligibility(it, offer, asOf).subsidies }, batch.map { it.subsidies })
    }

    @Test
    fun anUnknownStatusIsATypedErrorWithItsPath() {
        val e = assertThrows<SkillplanException.InvalidInput> { plan.checkEligibility(ProfileInput(statuses = listOf("astronaut")), OfferInput(), asOf) }
        assertEquals("INVALID_PROFILE", e.code)
        assertEquals("profile.statuses[0]", e.path)
        assertEquals("unknown_value", e.reason)
    }

    @Test
    fun aBadIdNumberIsRefusedAndNotEchoed() {
        val id = "110105194912310021"
        val e = assertThrows<SkillplanException.InvalidInput> { plan.checkEligibility(ProfileInput(idNumber = id), OfferInput(), asOf) }
        assertEquals("invalid_id_number", e.reason)
        assertFalse((e.message ?: "").contains("11010519491231"))
    }

    @Test
    fun aBadProfileInABatchNamesItsIndex() {
        val e = assertThrows<SkillplanException.InvalidInput> {
            plan.checkEligibilityBatch(listOf(worker, ProfileInput(region = "北京市")), offer, asOf)
        }
        assertEquals("profiles[1].region", e.path)
    }

    @Test
    fun jvmThreadsShareThePlan() {
        val expected = plan.checkEligibility(worker, offer, asOf).explanation.view()
        val results = java.util.concurrent.ConcurrentLinkedQueue<EligibilityDecision>()
        val threads = (1..8).map { Thread { repeat(50) { results.add(plan.checkEligibility(worker, offer, asOf).explanation.view()) } } }
        threads.forEach { it.start() }
        threads.forEach { it.join() }
        assertEquals(400, results.size)
        assertTrue(results.all { it == expected })
    }

    @Test
    fun subsidiesChooseTheAnswersAndTheSummaryIsTheDecisionWithoutExplanations() {
        val only = listOf(SubsidyKind.SKILL_UPGRADE_SUBSIDY)
        val d = plan.checkEligibility(worker, offer, asOf, only)
        assertEquals(only, d.subsidies.map { it.id })
        val full = plan.checkEligibility(worker, offer, asOf)
        assertEquals(full.subsidies.filter { it.id in only }, d.subsidies)
        val summary = plan.checkEligibilitySummary(worker, offer, asOf, only)
        assertEquals(only, summary.subsidies.map { it.id })
        assertEquals(d.subsidies.map { it.status }, summary.subsidies.map { it.status })
        assertEquals(d.subsidies.map { it.amount }, summary.subsidies.map { it.amount })
        val batch = plan.checkEligibilityBatchSummary(listOf(worker, ProfileInput()), offer, asOf)
        assertEquals(listOf(plan.checkEligibilitySummary(worker, offer, asOf), plan.checkEligibilitySummary(ProfileInput(), offer, asOf)), batch)
    }

    @Test
    fun decideJsonIsTheCoresJsonWithTheOptionsEveryBindingHas() {
        val profile = """{"employment":"employed","unemployment_insurance_months":14,"statuses":["农民工"]}"""
        val text = plan.decideJson(profile, null, asOf, DecisionOptions(subsidies = listOf(SubsidyKind.TRAINING_SUBSIDY), explain = false))
        val o = org.json.JSONObject(text)
        assertEquals("2025-04-01", o.getString("as_of"))
        assertEquals(1, o.getJSONArray("subsidies").length())
        assertEquals("training_subsidy", o.getJSONArray("subsidies").getJSONObject(0).getString("id"))
        assertFalse(o.getJSONArray("subsidies").getJSONObject(0).has("checks"))
        val batch = org.json.JSONArray(plan.decideBatchJson("[$profile, {}]", "{}", asOf, DecisionOptions()))
        assertEquals(2, batch.length())
        assertTrue(batch.getJSONObject(0).getJSONArray("subsidies").getJSONObject(0).has("checks"))
        assertEquals(SubsidyKind.entries.size, batch.getJSONObject(1).getJSONArray("subsidies").length())
        val e = assertThrows<SkillplanException.InvalidInput> { plan.decideBatchJson("{}", null, asOf, DecisionOptions()) }
        assertEquals("profiles", e.path)
    }

    @Test
    fun factPathsAreTheFieldsOfTheJsonFormats() {
        val d = plan.checkEligibility(ProfileInput(), offer, asOf)
        val missing = d.subsidies.flatMap { it.missingFacts }.distinct()
        assertTrue(missing.isNotEmpty())
        assertTrue(missing.map { factPath(it) }.all { it.startsWith("profile.") || it.startsWith("offer.") })
        assertEquals("profile.unemployment_insurance_months", factPath(Fact.INSURANCE_MONTHS))
    }
}
