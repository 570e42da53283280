package org.skillplan

import java.io.File
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * The answer first, the explanation on demand: for every eligibility case of the conformance
 * corpus, the parts read one by one (the answer's records, a subsidy's check codes, one subsidy
 * or one check explained in one language) equal the whole explained form.
 */
class ExplainTest {
    @TestFactory
    fun onDemandEqualsTheWholeExplainedForm(): List<DynamicTest> =
        Conformance.cases("eligibility.json").filter { it.getString("call") == "eligibility" && !it.has("expect_error") }.also {
            assertTrue(it.size > 80)
        }.map { case ->
            DynamicTest.dynamicTest(case.getString("name")) {
                val a = case.getJSONObject("args")
                val plan = if (a.has("plan") && a.getString("plan") != "jilin") loadPlan(File(Conformance.corpus, a.getString("plan")).path) else defaultPlan()
                val answer = plan.checkEligibilityJson(
                    if (a.has("profile_text")) a.getString("profile_text") else a.get("profile").toString(),
                    if (a.has("offer")) a.get("offer").toString() else "{}",
                    LocalDate.parse(a.getString("as_of")),
                )
                val whole = answer.explanation.view()
                assertEquals(whole.asOf, answer.asOf)
                assertEquals(whole.targetGroups.filter { it.status == GroupStatus.MEMBER }.map { it.id }, answer.targetGroups)
                assertEquals(whole.targetGroups, answer.explanation.targetGroups())
                assertEquals(whole.subsidies.size, answer.subsidies.size)
                answer.subsidies.zip(whole.subsidies).forEach { (s, w) ->
                    assertEquals(listOf(w.id, w.status, w.amount, w.version?.id), listOf(s.id, s.status, s.amount, s.version))
                    assertEquals(w.missingFacts, s.missingFacts)
                    assertEquals(w.checks.filter { it.outcome == CheckOutcome.NO }.map { it.check }, s.failed)
                    assertEquals(w, answer.explanation.subsidy(s.id))
                    val codes = answer.explanation.checks(s.id)
                    assertEquals(w.checks.map { it.check to it.outcome }, codes.map { it.check to it.outcome })
                    val zh = answer.explanation.subsidyText(s.id, Lang.ZH)!!
                    w.checks.forEachIndexed { k, c ->
                        assertEquals(c.explanation.zh, answer.explanation.checkText(s.id, k.toUInt(), Lang.ZH))
                        assertEquals(c.explanation.en, answer.explanation.checkText(s.id, k.toUInt(), Lang.EN))
                        assertTrue(zh.contains(c.explanation.zh))
                    }
                }
            }
        }
}
