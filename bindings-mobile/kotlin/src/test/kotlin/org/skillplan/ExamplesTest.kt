package org.skillplan

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.skillplan.examples.planOverviewLines

/** Runs examples/kotlin so the example in the README keeps working. */
class ExamplesTest {
    @Test
    fun planOverviewExample() {
        val lines = planOverviewLines()
        assertEquals("吉林省职业技能培训行动计划（2022-2025年）（吉人社联〔2022〕145号）", lines[0])
        assertTrue(lines.contains("1. 开展补贴性职业技能培训 ≥ 840000"))
        assertEquals("error UNKNOWN_REGION", lines.last())
    }
}
