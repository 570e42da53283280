// A pathway screen's view model for a mobile app: the rungs of the ladder, where the worker
// stands, and for the next rung the best route with a progress bar and what it unlocks.
// Compiled and run by bindings-mobile/kotlin (ExamplesTest).
package org.skillplan.examples

import java.math.BigDecimal
import java.time.LocalDate
import org.skillplan.Plan
import org.skillplan.Worker

/** One rung as the screen draws it. */
data class RungLine(val name: String, val state: String)

/** Everything the pathway screen shows. */
data class PathwayScreen(
    val rungs: List<RungLine>,
    val nextTitle: String?,
    val nextRoute: String?,
    /** 0–100, for the progress bar of the most advanced route. */
    val nextProgressPercent: Int?,
    val nextDate: String?,
    val unlocks: List<String>,
)

class PathwayViewModel(private val plan: Plan) {
    fun screen(worker: Worker, today: LocalDate): PathwayScreen {
        val pathway = plan.pathway(worker, today)
        val held = pathway.held.map { it.level }.toSet()
        val rungs = plan.skillLevels().map { level ->
            val step = pathway.steps.firstOrNull { it.level == level.id }
            val state = when {
                level.id in held -> "已取得"
                step == null -> "—"
                step.canApplyNow -> "可申报"
                step.isNext && step.earliestDate != null -> "${step.earliestDate}起可申报"
                step.isNext -> "条件不足"
                else -> ""
            }
            RungLine(level.name.zh, state)
        }
        val next = pathway.steps.firstOrNull { it.isNext }
        val best = next?.routes?.maxByOrNull { it.progress }
        return PathwayScreen(
            rungs = rungs,
            nextTitle = next?.name?.zh,
            nextRoute = best?.label?.zh,
            nextProgressPercent = best?.progress?.multiply(BigDecimal(100))?.toInt(),
            nextDate = next?.earliestDate?.toString(),
            unlocks = next?.unlocks?.map { it.name.zh } ?: emptyList(),
        )
    }
}
