// A mobile developer's first look at the plan through the uniffi Kotlin binding.
// Compiled and run by bindings-mobile/kotlin (ExamplesTest); see the README.
package org.skillplan.examples

import org.skillplan.SkillplanException
import org.skillplan.code
import org.skillplan.defaultPlan

/** The lines a "plan overview" screen shows: title, period, and each target. */
fun planOverviewLines(): List<String> {
    val plan = defaultPlan()
    val meta = plan.metadata()
    val lines = mutableListOf("${meta.title.zh}（${meta.documentNumber}）", "${meta.period.start} – ${meta.period.end}")
    for (indicator in plan.indicators()) {
        val indent = if (indicator.parent != null) "  " else ""
        lines += "$indent${indicator.row}. ${indicator.name.zh} ≥ ${indicator.target.toPlainString()}"
    }
    try {
        plan.region("220184")
    } catch (e: SkillplanException) {
        lines += "error ${e.code}"
    }
    return lines
}

fun main() {
    planOverviewLines().forEach(::println)
}
