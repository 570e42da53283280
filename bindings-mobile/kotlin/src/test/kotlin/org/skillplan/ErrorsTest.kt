package org.skillplan

import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/** Every error code the core has is filed under a class, and each class is an exception type. */
class ErrorsTest {
    @Test
    fun everyCodeHasAClassAndEveryClassAnExceptionType() {
        val classes = errorClasses()
        val codes = classes.map { it.code }
        assertEquals(codes.toSet().size, codes.size, "a code is listed twice")
        // The codes the README documents are the codes the core lists.
        val readme = File(Conformance.corpus, "../../README.md").readText()
        val documented = Regex("`([A-Z][A-Z0-9_]+)`").findAll(readme).map { it.groupValues[1] }.toSet()
        for (code in codes) assertTrue(code in documented, "$code is not in the README's error table")
        // Every class has its subclass of SkillplanException (the `when` in errorClass is exhaustive).
        assertEquals(ErrorClass.entries.toSet(), classes.map { it.`class` }.toSet())
        val subclasses = SkillplanException::class.java.declaredClasses.filter { SkillplanException::class.java.isAssignableFrom(it) }
        assertEquals(ErrorClass.entries.size, subclasses.size)
    }

    @Test
    fun errorsCarryTheClassOfTheirCode() {
        val classes = errorClasses().associate { it.code to it.`class` }
        val plan = defaultPlan()
        val raised = listOf(
            runCatching { plan.indicator("no-such") }.exceptionOrNull(),
            runCatching { loadPlanStr("") }.exceptionOrNull(),
            runCatching { plan.checkEligibilityJson("{", "{}", java.time.LocalDate.of(2024, 6, 30)) }.exceptionOrNull(),
        )
        for (e in raised) {
            e as SkillplanException
            assertEquals(classes[e.code], e.errorClass, e.code)
        }
    }
}
