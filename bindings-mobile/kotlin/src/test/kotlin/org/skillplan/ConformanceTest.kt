package org.skillplan

import kotlin.test.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

class ConformanceTest {
    private fun suite(file: String): List<DynamicTest> = Conformance.cases(file).map { case ->
        DynamicTest.dynamicTest("$file: ${case.getString("name")}") {
            val failures = Conformance.run(case)
            assertTrue(failures.isEmpty(), failures.joinToString("\n"))
        }
    }

    @TestFactory
    fun planQueries() = suite("plan-queries.json")

    @TestFactory
    fun badPlans() = suite("bad-plans.json")

    @TestFactory
    fun progress() = suite("progress.json")

    @TestFactory
    fun pathway() = suite("pathway.json")

    @TestFactory
    fun records() = suite("records.json")

    @TestFactory
    fun eligibility() = suite("eligibility.json")
}
