// The subsidy cards an app shows next to the pathway: one card per subsidy of （二十五） with
// its answer, the amount, and the first thing the worker can do about a "no" or "unknown".
// Compiled and run by bindings-mobile/kotlin (ExamplesTest).
package org.skillplan.examples

import java.time.LocalDate
import org.skillplan.EligibilityStatus
import org.skillplan.OfferInput
import org.skillplan.Plan
import org.skillplan.ProfileInput

/** One card as the screen draws it. */
data class SubsidyCard(val title: String, val badge: String, val amount: String?, val hint: String?, val unconfirmed: Boolean)

class EligibilityCards(private val plan: Plan) {
    fun cards(profile: ProfileInput, offer: OfferInput, today: LocalDate): List<SubsidyCard> {
        // The answer (status, amount) is read at once; the card's words come from the explanation,
        // rendered by the core for this subsidy only when the card is drawn.
        val answer = plan.checkEligibility(profile, offer, today)
        return answer.subsidies.map { s ->
            val explained = answer.explanation.subsidy(s.id)
            SubsidyCard(
                title = explained?.name?.zh ?: s.id.name,
                badge = when (s.status) {
                    EligibilityStatus.ELIGIBLE -> "可申领"
                    EligibilityStatus.NOT_ELIGIBLE -> "暂不符合"
                    EligibilityStatus.UNDETERMINED -> "待补充信息"
                },
                amount = s.amount?.let { "${it.toPlainString()} 元" },
                hint = explained?.toQualify?.firstOrNull()?.explanation?.zh,
                unconfirmed = explained?.unconfirmed?.isNotEmpty() ?: false,
            )
        }
    }
}
