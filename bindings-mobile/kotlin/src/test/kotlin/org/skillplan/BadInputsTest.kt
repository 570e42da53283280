package org.skillplan

import java.io.File
import java.math.BigDecimal
import java.nio.ByteBuffer
import java.nio.charset.CharacterCodingException
import java.nio.charset.CodingErrorAction
import java.nio.file.Files
import java.time.LocalDate
import java.util.Base64
import kotlin.test.assertTrue
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory

/**
 * Runs the bad-input catalogue (tests/bad-inputs/catalogue.json) through the Kotlin API. Each
 * case is a malformed input of one kind handed to the function a Kotlin app would call; it must
 * throw a [SkillplanException] with the catalogue's code (and path), and nothing the exception
 * shows may repeat a secret of the catalogue or anything shaped like a 身份证号. Kotlin takes
 * text (String) and typed values (LocalDate, BigDecimal): cases it cannot express list the other
 * hosts only, and a case that lists Kotlin but cannot be expressed fails.
 */
class BadInputsTest {
    /** The catalogue lists Kotlin for an input Kotlin cannot express: a mistake in the catalogue. */
    private class Inexpressible(what: String) : Exception(what)

    companion object {
        private val dir = File(Conformance.corpus, "../bad-inputs")
        private val catalogue = JSONObject(File(dir, "catalogue.json").readText())
        private val allCases = catalogue.getJSONArray("cases").let { a -> (0 until a.length()).map { a.getJSONObject(it) } }
        private val secrets = catalogue.getJSONArray("secrets").let { a -> (0 until a.length()).map { a.getString(it) } }
        private val cases = allCases.filter { c ->
            !c.has("hosts") || c.getJSONArray("hosts").let { hs -> (0 until hs.length()).any { hs.getString(it) == "kotlin" } }
        }

        /** 18 characters (17 digits and a digit or X) or the old 15 digits: the shapes of a 身份证号. */
        private val idShaped = Regex("[0-9]{17}[0-9Xx]|[0-9]{15}")
        private const val DEFAULT_AS_OF = "2024-06-30"
        private val plan = defaultPlan()
        private val classes = errorClasses().associate { it.code to it.`class` }
        private val tmp = Files.createTempDirectory("skillplan-bad-inputs").toFile()

        @JvmStatic
        @AfterAll
        fun cleanUp() {
            tmp.deleteRecursively()
        }
    }

    /** The bytes of a text, base64, file, json or repeat input. */
    private fun rawBytes(form: JSONObject): ByteArray = when {
        form.has("text") -> form.getString("text").toByteArray(Charsets.UTF_8)
        form.has("base64") -> Base64.getDecoder().decode(form.getString("base64"))
        form.has("file") -> File(dir, form.getString("file")).readBytes()
        form.has("json") -> serialise(form.get("json")).toByteArray(Charsets.UTF_8)
        form.has("repeat") -> form.getJSONObject("repeat").let { r ->
            (r.optString("head") + r.getString("unit").repeat(r.getInt("times")) + r.optString("tail")).toByteArray(Charsets.UTF_8)
        }
        else -> throw Inexpressible("a value input where text is needed")
    }

    /** Text decoded strictly: bytes that are not UTF-8 cannot become a String unchanged. */
    private fun text(form: JSONObject): String {
        val decoder = Charsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
        return try {
            decoder.decode(ByteBuffer.wrap(rawBytes(form))).toString()
        } catch (e: CharacterCodingException) {
            throw Inexpressible("bytes that are not UTF-8 where the API takes a String")
        }
    }

    /** A catalogue value with {"$float": "0.1"} as the number 0.1; Kotlin's JSON carries finite floats only. */
    private fun host(value: Any?): Any? = when (value) {
        is JSONObject -> if (value.keySet() == setOf("\$float")) {
            val x = value.getString("\$float").toDouble()
            if (!x.isFinite()) throw Inexpressible("the float $x")
            BigDecimal(value.getString("\$float"))
        } else {
            JSONObject().also { out -> for (k in value.keySet()) out.put(k, host(value.get(k))) }
        }
        is JSONArray -> JSONArray().also { out -> for (i in 0 until value.length()) out.put(host(value.get(i))) }
        else -> value
    }

    private fun serialise(value: Any?): String = when (value) {
        null, JSONObject.NULL -> "null"
        is String -> JSONObject.quote(value)
        else -> value.toString()
    }

    /** The JSON text of an input: a value serialised, or the text itself. */
    private fun jsonText(form: JSONObject): String = if (form.has("value")) serialise(host(form.get("value"))) else text(form)

    private fun value(form: JSONObject): Any? = when {
        form.has("value") -> host(form.get("value"))
        form.has("json") -> form.get("json")
        else -> throw Inexpressible("text where a typed value is needed")
    }

    private fun writeTemp(name: String, bytes: ByteArray): String = File(tmp, name).also { it.writeBytes(bytes) }.path

    private fun date(v: Any?): LocalDate = (v as? String)?.let { runCatching { LocalDate.parse(it) }.getOrNull() }
        ?: throw Inexpressible("$v as a LocalDate")

    private fun decimal(v: Any?): BigDecimal = when (v) {
        is String -> runCatching { BigDecimal(v) }.getOrNull() ?: throw Inexpressible("$v as a BigDecimal")
        is Int, is Long -> BigDecimal(v.toString())
        else -> throw Inexpressible("$v as a BigDecimal")
    }

    private fun string(v: Any?): String = v as? String ?: throw Inexpressible("$v as a String")

    private fun objects(o: JSONObject, key: String): List<JSONObject> =
        o.optJSONArray(key)?.let { a -> (0 until a.length()).map { a.get(it) as? JSONObject ?: throw Inexpressible("$key[$it] as a record") } }
            ?: emptyList()

    /** Progress options as the typed Kotlin records. */
    private fun progressOptions(given: JSONObject, asOf: LocalDate): ProgressOptions = ProgressOptions(
        asOf = asOf,
        milestones = objects(given, "milestones").map { Milestone(string(it.opt("indicator")), date(it.opt("date")), decimal(it.opt("value"))) },
        regionalTargets = objects(given, "regional_targets").map { RegionalTarget(string(it.opt("indicator")), string(it.opt("region")), decimal(it.opt("target"))) },
        thresholds = given.optJSONObject("thresholds")?.let { Thresholds(decimal(it.opt("on_track")), decimal(it.opt("behind"))) },
    )

    /** Makes the call of the case's kind; a bad input must throw. */
    private fun run(case: JSONObject): Any? {
        val name = case.getString("name")
        val form = case.getJSONObject("input")
        val options = case.optJSONObject("options") ?: JSONObject()
        val asOf = LocalDate.parse(options.optString("as_of", DEFAULT_AS_OF))
        val count = CountOptions(
            strict = options.optBoolean("strict", false),
            maxRejected = options.optLong("max_rejected", 1000).toULong(),
            sourceName = null,
            encoding = options.optString("encoding", "auto"),
            columns = options.optJSONObject("columns")?.let { m -> m.keys().asSequence().associateWith { m.getString(it) } },
        )
        return when (val kind = case.getString("kind")) {
            "plan" -> loadPlanBytes(rawBytes(form))
            "records_csv", "records_jsonl" ->
                plan.countRecordsFile(writeTemp(name + if (kind == "records_csv") ".csv" else ".jsonl", rawBytes(form)), count)
            "records" -> plan.countRecordsJson(jsonText(form), count)
            "person_key" -> personKey(text(form), options.optString("salt", "").toByteArray(Charsets.UTF_8))
            "observations_json", "observations_csv" -> {
                val observations = if (kind == "observations_json") parseObservationsJson(jsonText(form)) else parseObservationsCsv(text(form))
                plan.progress(observations, ProgressOptions(asOf = asOf))
            }
            "profile" -> plan.checkEligibilityJson(jsonText(form), serialise(options.opt("offer") ?: JSONObject()), asOf)
            "offer" -> plan.checkEligibilityJson(serialise(options.opt("profile") ?: JSONObject()), jsonText(form), asOf)
            "worker" -> plan.pathway(parseWorkerJson(jsonText(form)), asOf)
            "progress_options" -> {
                val given = value(form) as? JSONObject ?: throw Inexpressible("options that are not an object")
                plan.progress(emptyList(), progressOptions(given, asOf))
            }
            "tally" -> plan.tallyFromJson(text(form))
            else -> throw Inexpressible("the kind $kind: Kotlin takes typed dates")
        }
    }

    /** Everything the exception lets an app see. */
    private fun shown(e: SkillplanException): List<String> {
        val texts = mutableListOf(e.message ?: "", e.toString(), e.path, e.localizedMessage ?: "")
        when (e) {
            is SkillplanException.Plan -> {
                texts += listOf(e.detail, e.reason ?: "")
                for (issue in e.issues) texts += listOf(issue.message, issue.path, issue.toString())
            }
            is SkillplanException.NotFound -> texts += e.detail
            is SkillplanException.InvalidInput -> texts += listOf(e.detail, e.reason ?: "")
            is SkillplanException.Internal -> texts += e.detail
        }
        return texts
    }

    private fun personalData(e: SkillplanException): List<String> = shown(e).flatMap { text ->
        secrets.filter { text.contains(it) }.map { "shows the secret ${it.take(4)}…" } +
            (if (idShaped.containsMatchIn(text)) listOf("shows an ID-number-shaped run of digits") else emptyList())
    }.distinct()

    private fun check(case: JSONObject): List<String> {
        val expect = case.getJSONObject("expect")
        val result = try {
            run(case)
        } catch (e: SkillplanException) {
            val failures = mutableListOf<String>()
            if (e.code != expect.getString("code")) failures += "code: expected ${expect.getString("code")}, got ${e.code} (${e.message})"
            if (expect.has("path") && e.path != expect.getString("path")) failures += "path: expected \"${expect.getString("path")}\", got \"${e.path}\""
            val filed = classes[e.code]
            if (filed != e.errorClass) failures += "class: ${e.code} is ${filed ?: "not listed"} in the core, raised as ${e.errorClass}"
            failures += personalData(e)
            return failures
        } catch (e: Inexpressible) {
            return listOf("Kotlin cannot express ${e.message}; drop kotlin from hosts")
        } catch (e: Exception) {
            return listOf("not a SkillplanException: ${e.javaClass.name}: ${e.message?.take(200)}")
        }
        return listOf("expected ${expect.getString("code")}, got no error but ${result?.javaClass?.simpleName}")
    }

    @TestFactory
    fun badInputs(): List<DynamicTest> = cases.map { case ->
        DynamicTest.dynamicTest("bad input: ${case.getString("name")}") {
            val failures = check(case)
            assertTrue(failures.isEmpty(), "${case.getString("name")}: ${failures.joinToString("; ")}")
        }
    }

    @Test
    fun catalogueIsWellFormedAndLargeEnough() {
        assertTrue(catalogue.getString("format") == "skillplan-bad-inputs/1")
        val names = allCases.map { it.getString("name") }
        assertTrue(names.size == names.toSet().size, "case names must be unique")
        assertTrue(allCases.size >= 75, "the catalogue has ${allCases.size} cases")
        assertTrue(cases.size >= 60, "only ${cases.size} cases apply to Kotlin")
    }
}
