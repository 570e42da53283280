package org.skillplan

import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import org.json.JSONArray
import org.json.JSONObject

/**
 * Runs cases of the shared conformance corpus (the JSON files in tests/conformance) through the Kotlin API.
 * Each corpus `call` maps to the function a Kotlin user would call; fields are read by their
 * camelCase property names, BigDecimal and LocalDate compare as the corpus's strings.
 */
object Conformance {
    val corpus = File(System.getProperty("skillplan.corpus") ?: "../../tests/conformance")

    fun cases(suite: String): List<JSONObject> {
        val cases = JSONObject(File(corpus, suite).readText()).getJSONArray("cases")
        return (0 until cases.length()).map { cases.getJSONObject(it) }
    }

    private fun plan(args: JSONObject): Plan =
        if (args.has("plan") && args.getString("plan") != "jilin") loadPlan(File(corpus, args.getString("plan")).path) else defaultPlan()

    /**
     * Observations as typed Kotlin records. Text that cannot even become a BigDecimal or
     * LocalDate (or a float) goes through parseObservationsJson, which must raise the typed error.
     */
    private fun observations(args: JSONObject): List<Observation> {
        val items = args.getJSONArray("observations")
        return try {
            (0 until items.length()).map { i ->
                val o = items.getJSONObject(i)
                val value = o.get("value")
                require(value is String || value is Int || value is Long) { "not exact" }
                Observation(
                    indicator = o.getString("indicator"),
                    region = o.optString("region").ifEmpty { null },
                    date = LocalDate.parse(o.getString("date")),
                    value = BigDecimal(value.toString()),
                    kind = if (o.has("kind")) SeriesKind.valueOf(o.getString("kind").uppercase()) else SeriesKind.CUMULATIVE,
                )
            }
        } catch (e: RuntimeException) {
            parseObservationsJson(items.toString())
        }
    }

    /** A worker as a typed record; text that cannot become one goes through parseWorkerJson. */
    private fun worker(a: JSONObject): Worker {
        val w = a.getJSONObject("worker")
        fun date(o: JSONObject, key: String): LocalDate? = if (o.has(key) && !o.isNull(key)) LocalDate.parse(o.getString(key)) else null
        return try {
            Worker(
                occupation = if (w.has("occupation")) w.getString("occupation") else null,
                workStartedOn = date(w, "work_started_on"),
                levels = w.optJSONArray("levels")?.let { ls -> (0 until ls.length()).map { ls.getJSONObject(it) }.map { HeldLevel(it.getString("level"), LocalDate.parse(it.getString("obtained_on"))) } } ?: emptyList(),
                apprenticeshipCompletedOn = date(w, "apprenticeship_completed_on"),
                diplomas = w.optJSONArray("diplomas")?.let { ds ->
                    (0 until ds.length()).map { ds.getJSONObject(it) }.map {
                        Diploma(SchoolType.valueOf(it.getString("school").uppercase()), date(it, "graduated_on"), it.optBoolean("final_year", false))
                    }
                } ?: emptyList(),
                preparatoryTechnicianOn = date(w, "preparatory_technician_on"),
            )
        } catch (e: RuntimeException) {
            parseWorkerJson(w.toString())
        }
    }

    private fun options(a: JSONObject): ProgressOptions {
        val milestones = a.optJSONArray("milestones")?.let { ms ->
            (0 until ms.length()).map { ms.getJSONObject(it) }.map {
                Milestone(it.getString("indicator"), LocalDate.parse(it.getString("date")), BigDecimal(it.get("value").toString()))
            }
        } ?: emptyList()
        val targets = a.optJSONArray("regional_targets")?.let { ts ->
            (0 until ts.length()).map { ts.getJSONObject(it) }.map {
                RegionalTarget(it.getString("indicator"), it.getString("region"), BigDecimal(it.get("target").toString()))
            }
        } ?: emptyList()
        val thresholds = a.optJSONObject("thresholds")?.let {
            Thresholds(BigDecimal(it.getString("on_track")), BigDecimal(it.getString("behind")))
        }
        return ProgressOptions(LocalDate.parse(a.getString("as_of")), milestones, targets, thresholds)
    }

    private val recordKeys = setOf(
        "record_id", "person_key", "region", "training_type", "subsidised", "groups", "start_date", "end_date",
        "completion_date", "certificate_kind", "certificate_level", "certificate_date", "base_id", "base_kind",
        "designated_date", "base_name",
    )

    /** A corpus record as a Kotlin app builds it (numbers and flags as text), or null when only
     *  JSON text can carry it (floats, nested values, keys the format does not have). */
    private fun typedRecord(item: Any?): RecordInput? {
        val o = item as? JSONObject ?: return null
        if (!o.keySet().all { it in recordKeys }) return null
        val text = mutableMapOf<String, String?>()
        var groups = emptyList<String>()
        for (key in o.keySet()) {
            when (val v = o.get(key)) {
                JSONObject.NULL -> text[key] = null
                is String -> if (key == "groups") groups = listOf(v) else text[key] = v
                // A number in a date field is not text a typed record holds: JSON text carries it.
                is Boolean, is Int, is Long -> if (key.endsWith("_date")) return null else text[key] = v.toString()
                is JSONArray -> if (key == "groups" && (0 until v.length()).all { v.get(it) is String }) {
                    groups = (0 until v.length()).map { v.getString(it) }
                } else return null
                else -> return null
            }
        }
        return RecordInput(
            recordId = text["record_id"], personKey = text["person_key"], region = text["region"],
            trainingType = text["training_type"], subsidised = text["subsidised"], groups = groups,
            startDate = text["start_date"], endDate = text["end_date"], completionDate = text["completion_date"],
            certificateKind = text["certificate_kind"], certificateLevel = text["certificate_level"],
            certificateDate = text["certificate_date"], baseId = text["base_id"], baseKind = text["base_kind"],
            designatedDate = text["designated_date"], baseName = text["base_name"],
        )
    }

    private fun countOptions(a: JSONObject) = CountOptions(
        strict = a.optBoolean("strict", false), maxRejected = a.optLong("max_rejected", 1000).toULong(), sourceName = null,
        encoding = a.optString("encoding", "auto"),
        columns = a.optJSONObject("columns")?.let { m -> m.keys().asSequence().associateWith { m.getString(it) } },
    )

    private fun countRecords(a: JSONObject): Tally {
        val items = a.getJSONArray("records")
        val typed = (0 until items.length()).map { typedRecord(items.get(it)) }
        return if (typed.all { it != null }) plan(a).countRecords(typed.map { it!! }, countOptions(a))
        else plan(a).countRecordsJson(items.toString(), countOptions(a))
    }

    /** The tally in the corpus's shape, built from the typed API: cells and indicators as maps. */
    private fun tallyView(plan: Plan, t: Tally): Map<String, Any?> {
        val totals = t.totals()
        val regionTotals = plan.regions().associate { r -> r.id to totals.keys.associateWith { t.regionTotal(it, r.id) } }
            .filterValues { row -> row.values.any { it > 0u } }
        return mapOf(
            "rows_read" to t.rowsRead(),
            "rows_counted" to t.rowsCounted(),
            "rows_rejected" to t.rowsRejected(),
            "totals" to totals,
            "region_totals" to regionTotals,
            "indicators" to t.indicators().associateBy { it.indicator },
            "rejections" to t.rejections(),
            "ignored_columns" to t.ignoredColumns(),
            "cells" to t.cells().associate { "${it.indicator}/${it.region}/${it.month}" to it.count },
        )
    }

    private fun countMerged(a: JSONObject): Map<String, Any?> {
        val p = plan(a)
        val files = a.getJSONArray("files")
        var whole: Tally? = null
        for (i in 0 until files.length()) {
            val part = p.countRecordsFile(File(corpus, files.getString(i)).path, countOptions(a))
            // Through JSON, as partial tallies travel between processes.
            val copy = p.tallyFromJson(part.toJson())
            if (whole == null) whole = copy else whole.merge(copy)
        }
        return tallyView(p, whole!!)
    }

    private fun call(name: String, a: JSONObject): Any? = when (name) {
        "count_records" -> tallyView(plan(a), countRecords(a))
        "count_file" -> plan(a).let { p -> tallyView(p, p.countRecordsFile(File(corpus, a.getString("file")).path, countOptions(a))) }
        "count_files_merged" -> countMerged(a)
        "load_plan" -> loadPlan(File(corpus, a.getString("file")).path)
        "load_plan_str" -> loadPlanStr(
            if (a.has("text_repeat")) a.getJSONObject("text_repeat").let { it.getString("unit").repeat(it.getInt("times")) }
            else File(corpus, a.getString("file")).readText()
        )
        "plan" -> plan(a)
        "metadata" -> plan(a).metadata()
        "indicators" -> plan(a).indicators()
        "indicator" -> plan(a).indicator(a.getString("id"))
        "parts" -> plan(a).parts(a.getString("id"))
        "measures" -> plan(a).measures()
        "measure" -> plan(a).measure(a.getString("id"))
        "columns" -> plan(a).columns()
        "clause" -> plan(a).clause(a.getString("id"))
        "departments" -> plan(a).departments()
        "department" -> plan(a).department(a.getString("name"))
        "measures_for_department" -> plan(a).measuresForDepartment(a.getString("department"))
        "regions" -> plan(a).regions()
        "region" -> plan(a).region(a.getString("id"))
        "progress" -> plan(a).indicatorProgress(observations(a), a.getString("indicator"), options(a), a.optString("region").ifEmpty { null })
        "report" -> plan(a).progress(observations(a), options(a))
        "skill_levels" -> plan(a).skillLevels()
        "crosswalk_for_level" -> plan(a).crosswalkForLevel(a.getString("level"))
        "crosswalk_for_title" -> plan(a).crosswalkForTitle(a.getString("title"))
        "education_equivalences" -> plan(a).educationEquivalences()
        "pathway" -> plan(a).pathway(worker(a), LocalDate.parse(a.getString("as_of")))
        // The explained form of the answer (ExplainTest checks that its parts on demand equal it).
        "eligibility" -> plan(a).checkEligibilityJson(
            if (a.has("profile_text")) a.getString("profile_text") else a.get("profile").toString(),
            if (a.has("offer")) a.get("offer").toString() else "{}",
            LocalDate.parse(a.getString("as_of")),
        ).explanation.view()
        "eligibility_batch" -> {
            val p = plan(a)
            val asOf = LocalDate.parse(a.getString("as_of"))
            val offer = if (a.has("offer")) a.get("offer").toString() else "{}"
            val profiles = a.getJSONArray("profiles")
            val decisions = p.checkEligibilityBatchJson(profiles.toString(), offer, asOf).map { it.explanation.view() }
            for (i in 0 until profiles.length()) {
                check(decisions[i] == p.checkEligibilityJson(profiles.get(i).toString(), offer, asOf).explanation.view()) { "batch and single calls differ" }
            }
            decisions
        }
        "decompose" -> plan(a).decompose(a.getString("indicator"), a.getJSONArray("weights").let { ws ->
            (0 until ws.length()).map { ws.getJSONArray(it) }.map { RegionWeight(it.getString(0), BigDecimal(it.getString(1))) }
        })
        else -> throw IllegalArgumentException("unknown call $name")
    }

    private fun camel(key: String) = key.split('_').mapIndexed { i, p -> if (i == 0) p else p.replaceFirstChar { it.uppercase() } }.joinToString("")

    /** A field of a record (its getter) or a no-argument method of an object. */
    private fun field(obj: Any, key: String): Any? {
        val name = camel(key)
        val methods = obj.javaClass.methods
        val getterName = "get" + name.replaceFirstChar { c -> c.uppercase() }
        // Properties of unsigned (inline) types have mangled getters such as getRow-pVg5ArA.
        val getter = methods.firstOrNull { (it.name == getterName || it.name.startsWith("$getterName-")) && it.parameterCount == 0 }
            ?: methods.firstOrNull { it.name == name && it.parameterCount == 0 }
            ?: throw NoSuchElementException("no field $key on ${obj.javaClass.simpleName}")
        return getter.invoke(obj)
    }

    private val selectors = listOf("id", "method", "indicator", "code", "level", "check")

    private val comparators = mapOf(
        Comparator.AT_LEAST to ">=", Comparator.MORE_THAN to ">", Comparator.AT_MOST to "<=",
        Comparator.LESS_THAN to "<", Comparator.EQUAL to "=",
    )

    /** A scalar as the corpus writes it. */
    private fun plain(value: Any?): Any? = when (value) {
        is BigDecimal -> value.toPlainString()
        is LocalDate -> value.toString()
        is Comparator -> comparators[value]
        is Fact -> factPath(value)
        is Enum<*> -> value.name.lowercase()
        is UInt -> value.toLong()
        is ULong -> value.toLong()
        is Int -> value.toLong()
        is Long -> value
        else -> value
    }

    private fun expected(value: Any?): Any? = when (value) {
        JSONObject.NULL -> null
        is Int -> value.toLong()
        else -> value
    }

    private fun check(actual: Any?, expect: Any?, at: String, failures: MutableList<String>) {
        if (expect is JSONObject && actual is List<*>) {
            for (key in expect.keySet()) {
                val want = expect.get(key)
                val here = "$at.$key"
                when (key) {
                    "len" -> check(actual.size, want, here, failures)
                    "ids" -> check(actual.map { field(it!!, "id") }, want, here, failures)
                    "first" -> check(actual.firstOrNull(), want, here, failures)
                    "last" -> check(actual.lastOrNull(), want, here, failures)
                    else -> if (key.startsWith("all_")) {
                        check(actual.map { field(it!!, key.removePrefix("all_")) }, want, here, failures)
                    } else {
                        val found = actual.firstOrNull { item -> selectors.any { plain(runCatching { field(item!!, it) }.getOrNull()) == key } }
                        if (found != null) check(found, want, here, failures) else failures += "$here: no element $key"
                    }
                }
            }
        } else if (expect is JSONObject && actual is Map<*, *>) {
            for (key in expect.keySet()) {
                if (!actual.containsKey(key)) failures += "$at.$key: missing" else check(actual[key], expect.get(key), "$at.$key", failures)
            }
        } else if (expect is JSONObject) {
            if (actual == null) { failures += "$at: expected $expect, got null"; return }
            for (key in expect.keySet()) {
                val want = expect.get(key)
                if (key.endsWith("_contains")) {
                    val text = field(actual, key.removeSuffix("_contains")) as String
                    if (!text.contains(want as String)) failures += "$at.$key: \"$text\" does not contain \"$want\""
                } else {
                    check(field(actual, key), want, "$at.$key", failures)
                }
            }
        } else if (expect is JSONArray && actual is List<*>) {
            if (expect.length() != actual.size) failures += "$at: expected $expect, got $actual"
            for (i in 0 until minOf(expect.length(), actual.size)) check(actual[i], expect.get(i), "$at[$i]", failures)
        } else if (plain(actual) != expected(expect)) {
            failures += "$at: expected ${expected(expect)}, got ${plain(actual)}"
        }
    }

    fun run(case: JSONObject): List<String> {
        val failures = mutableListOf<String>()
        val result = try {
            call(case.getString("call"), case.getJSONObject("args"))
        } catch (e: SkillplanException) {
            if (!case.has("expect_error")) return listOf("unexpected error ${e.code} at '${e.path}': ${e.message}")
            val issues = (e as? SkillplanException.Plan)?.issues ?: emptyList()
            val actual = mapOf(
                "code" to e.code,
                "path" to e.path,
                "reason" to when (e) {
                    is SkillplanException.Plan -> e.reason
                    is SkillplanException.InvalidInput -> e.reason
                    else -> null
                },
                "issue_count" to issues.size.toLong(),
                "issue_paths" to issues.map { it.path },
            )
            val want = case.getJSONObject("expect_error")
            if (want.has("message_excludes")) {
                val secret = want.getString("message_excludes")
                if (listOf(e.message ?: "", e.path, e.toString()).any { it.contains(secret) }) failures += "error: the message repeats the input it must not"
            }
            for (key in want.keySet().filter { it != "message_excludes" }) {
                val w = want.get(key)
                val expectedValue: Any? = if (w is JSONArray) (0 until w.length()).map { w.get(it) } else expected(w)
                if (actual[key] != expectedValue) failures += "error.$key: expected $expectedValue, got ${actual[key]}"
            }
            return failures
        }
        if (case.has("expect_error")) return listOf("expected error ${case.get("expect_error")}, got $result")
        check(result, case.get("expect"), "result", failures)
        return failures
    }
}
