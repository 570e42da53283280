// A portal back end's first use of skillplan from the installed jar: the plan it carries, one
// worker's subsidy answers and their next skill level. Run: mvn -q compile exec:java
package org.example.portal

import java.time.LocalDate
import org.skillplan.Employment
import org.skillplan.EligibilityStatus
import org.skillplan.OfferInput
import org.skillplan.Plan
import org.skillplan.ProfileInput
import org.skillplan.defaultPlan
import org.skillplan.skillplanVersion

/** One line per subsidy of （二十五）: its name, the answer and the amount when there is one. */
fun subsidyLines(plan: Plan, profile: ProfileInput, offer: OfferInput, asOf: LocalDate): List<String> {
    val decision = plan.checkEligibility(profile, offer, asOf)
    return decision.subsidies.map { s ->
        val answer = when (s.status) {
            EligibilityStatus.ELIGIBLE -> "可申领 ${s.amount?.toPlainString()} 元"
            EligibilityStatus.NOT_ELIGIBLE -> "暂不符合"
            EligibilityStatus.UNDETERMINED -> "待补充信息"
        }
        "${decision.explanation.subsidy(s.id)?.name?.zh ?: s.id.name}: $answer"
    }
}

fun main() {
    val plan = defaultPlan()
    println("skillplan ${skillplanVersion()} — ${plan.metadata().title.zh}（${plan.metadata().documentNumber}）")
    val profile = ProfileInput(employment = Employment.EMPLOYED, unemploymentInsuranceMonths = 14u, subsidiesReceived = emptyList())
    val offer = OfferInput(targetLevel = "intermediate", certificateKind = "skill_level_certificate", occupation = "电工",
        certificateDate = LocalDate.of(2025, 3, 1), shortageOccupation = false)
    subsidyLines(plan, profile, offer, LocalDate.of(2025, 4, 1)).forEach(::println)
}
