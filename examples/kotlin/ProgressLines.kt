// A "targets" screen model for a mobile app: one line per indicator with its status.
// Compiled and run by bindings-mobile/kotlin (ExamplesTest).
package org.skillplan.examples

import java.math.BigDecimal
import java.math.RoundingMode
import java.time.LocalDate
import org.skillplan.ProgressOptions
import org.skillplan.defaultPlan
import org.skillplan.parseObservationsCsv

/** The lines a progress screen shows, from observations in CSV text. */
fun progressLines(csv: String, asOf: LocalDate): List<String> {
    val plan = defaultPlan()
    val report = plan.progress(parseObservationsCsv(csv), ProgressOptions(asOf = asOf))
    return report.indicators.map { row ->
        val percent = row.completion?.multiply(BigDecimal(100))?.setScale(1, RoundingMode.HALF_EVEN)
        "${row.name.zh}：${percent ?: "—"}%（${row.statusLabel.zh}）"
    }
}
