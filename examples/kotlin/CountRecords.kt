package org.skillplan.examples

import org.skillplan.CountOptions
import org.skillplan.Plan
import org.skillplan.RecordInput

/**
 * Records collected on a device (a training provider's tablet, say) counted by the plan's
 * rules, as lines for a summary screen. Large files go through `countRecordsFile` off the main
 * thread; tallies from several devices merge with `merge` or `tallyFromJson`.
 */
fun recordSummaryLines(plan: Plan, records: List<RecordInput>): List<String> {
    val tally = plan.countRecords(records, CountOptions(strict = false, maxRejected = 100u, sourceName = "tablet"))
    val names = plan.indicators().associate { it.id to it.name.zh }
    val lines = mutableListOf("已读 ${tally.rowsRead()} 条，计入 ${tally.rowsCounted()} 条，退回 ${tally.rowsRejected()} 条")
    for ((indicator, count) in tally.totals().toSortedMap()) {
        if (count > 0u) lines += "${names[indicator]}：$count"
    }
    for (r in tally.rejections()) lines += "第${r.row}行 ${r.field}：${r.code}"
    return lines
}
