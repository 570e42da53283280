package org.skillplan

import java.time.LocalDate

/**
 * One eligibility check from Kotlin through JNA, timed in a loop on the JVM (issue 15 goal:
 * ≤ 3 µs per `checkEligibility`). Not a test: `./scripts/bench/eligibility-kotlin.sh` runs it
 * against the release library. Each path reads the status and amount of all four subsidies; the
 * on-demand explanation of one subsidy is timed apart. It fails unless every path gives the same
 * answers for every profile.
 */
object EligibilityBench {
    private val asOf = LocalDate.of(2026, 3, 1)

    private fun profiles(n: Int): List<Pair<ProfileInput, OfferInput>> {
        val rng = java.util.Random(42)
        val levels = listOf("junior", "intermediate", "senior", "technician")
        val kinds = listOf("vocational_qualification", "skill_level_certificate", "special_ability", "training_certificate")
        return (0 until n).map {
            val received = (0 until rng.nextInt(3)).map {
                ReceivedSubsidyInput(
                    kind = if (rng.nextInt(3) < 2) SubsidyKind.SKILL_UPGRADE_SUBSIDY else SubsidyKind.TRAINING_SUBSIDY,
                    date = LocalDate.of(2025, 1, 1).plusDays(rng.nextInt(59).toLong()), level = levels[rng.nextInt(3)],
                    occupation = listOf("电工", "焊工")[rng.nextInt(2)], shortageOccupation = rng.nextBoolean(),
                )
            }
            val profile = ProfileInput(employment = if (rng.nextInt(3) < 2) Employment.EMPLOYED else Employment.REGISTERED_UNEMPLOYED,
                receivingUnemploymentBenefit = rng.nextInt(10) < 3, unemploymentInsuranceMonths = rng.nextInt(40).toUInt(),
                subsidiesReceived = received, statuses = emptyList(), schoolType = SchoolKind.SECONDARY_SCHOOL,
                graduationDate = LocalDate.of(2008, 7, 1))
            val offer = OfferInput(targetLevel = levels[rng.nextInt(4)], certificateKind = kinds[rng.nextInt(4)],
                occupation = listOf("电工", "焊工")[rng.nextInt(2)], shortageOccupation = rng.nextInt(10) < 4,
                certificateDate = LocalDate.of(2025, 3, 1).plusDays(rng.nextInt(300).toLong()))
            profile to offer
        }
    }

    private fun <T> perCall(label: String, n: Int, repeats: Int, body: () -> T): Pair<Double, T> {
        var result = body()
        val times = (0 until repeats).map {
            val start = System.nanoTime()
            result = body()
            (System.nanoTime() - start) / 1000.0 / n
        }.sorted()
        val median = times[times.size / 2]
        println("%-62s %9.2f µs".format(label, median))
        return median to result
    }

    private fun answers(a: List<EligibilityAnswer>) = a.map { d -> d.subsidies.map { it.status to it.amount } }

    @JvmStatic
    fun main(args: Array<String>) {
        val n = args.getOrNull(0)?.toInt() ?: 20000
        val repeats = args.getOrNull(1)?.toInt() ?: 5
        val plan = defaultPlan()
        val inputs = profiles(n)
        val jsonInputs = inputs.map { (p, o) -> jsonOf(p) to jsonOf(o) }
        if (args.getOrNull(2) == "direct") {  // only the direct path, for a profiler
            val checker = EligibilityChecker(plan)
            perCall("EligibilityChecker.check", n, repeats) { inputs.map { (p, o) -> checker.check(p, o, asOf) } }
            return
        }
        println("$n profiles, $repeats repeats after a warm-up, median per call")
        // What a call through uniffi and JNA costs when the core does almost nothing.
        perCall("plan.id() (a string, no work: the cost of one call)", n, repeats) { (0 until n).map { plan.id() } }
        val one = plan.checkEligibility(inputs[0].first, inputs[0].second, asOf)
        perCall("explanation.checks(kind) (a list of small records)", n, repeats) {
            (0 until n).map { one.explanation.checks(SubsidyKind.SKILL_UPGRADE_SUBSIDY) }
        }
        val (typed, typedAnswers) = perCall("checkEligibility (typed records in, status+amount of all four)", n, repeats) {
            inputs.map { (p, o) -> plan.checkEligibility(p, o, asOf) }.also { all -> all.forEach { d -> d.subsidies.forEach { it.status; it.amount } } }
        }
        val checker = EligibilityChecker(plan)
        val (direct, directAnswers) = perCall("EligibilityChecker.check (typed in, one direct call)", n, repeats) {
            inputs.map { (p, o) -> checker.check(p, o, asOf) }.also { all -> all.forEach { d -> d.subsidies.forEach { it.status; it.amount } } }
        }
        val (_, textAnswers) = perCall("checkEligibilityJson (JSON text in)", n, repeats) {
            jsonInputs.map { (p, o) -> plan.checkEligibilityJson(p, o, asOf) }
        }
        val (_, summaries) = perCall("checkEligibilitySummary (typed in, summary record out)", n, repeats) {
            inputs.map { (p, o) -> plan.checkEligibilitySummary(p, o, asOf) }
        }
        val offer = inputs[0].second
        val profiles = inputs.map { it.first }
        val (_, single) = perCall("checkEligibility, one offer", n, repeats) { profiles.map { plan.checkEligibility(it, offer, asOf) } }
        val (_, batch) = perCall("checkEligibilityBatch, per profile (all cores)", n, repeats) { plan.checkEligibilityBatch(profiles, offer, asOf) }
        val sample = typedAnswers.take(2000)
        perCall("explanation of one subsidy on demand: subsidyText(kind, ZH)", sample.size, repeats) {
            sample.map { it.explanation.subsidyText(SubsidyKind.SKILL_UPGRADE_SUBSIDY, Lang.ZH) }
        }
        perCall("one subsidy explained in both languages: subsidy(kind)", sample.size, repeats) {
            sample.map { it.explanation.subsidy(SubsidyKind.SKILL_UPGRADE_SUBSIDY) }
        }
        val agree = answers(typedAnswers) == answers(textAnswers) &&
            answers(typedAnswers) == directAnswers.map { d -> d.subsidies.map { it.status to it.amount } } &&
            answers(typedAnswers) == summaries.map { d -> d.subsidies.map { it.status to it.amount } } &&
            answers(single) == answers(batch)
        val eligible = typedAnswers.count { d -> d.subsidies[1].status == EligibilityStatus.ELIGIBLE }
        println("answers agree: $agree ($eligible of $n eligible for the skill upgrade subsidy); typed ${"%.2f".format(typed)} µs, direct ${"%.2f".format(direct)} µs")
        if (!agree) kotlin.system.exitProcess(1)
    }

    /** The record as the JSON text the core reads (the route a server-side Kotlin user takes). */
    private fun jsonOf(x: Any): String = when (x) {
        is ProfileInput -> org.json.JSONObject().apply {
            put("employment", x.employment?.name?.lowercase())
            put("receiving_unemployment_benefit", x.receivingUnemploymentBenefit)
            put("unemployment_insurance_months", x.unemploymentInsuranceMonths?.toInt())
            put("statuses", org.json.JSONArray(x.statuses))
            put("school_type", x.schoolType?.name?.lowercase())
            put("graduation_date", x.graduationDate.toString())
            put("subsidies_received", org.json.JSONArray(x.subsidiesReceived!!.map { s ->
                org.json.JSONObject(mapOf("kind" to s.kind.name.lowercase(), "date" to s.date.toString(), "level" to s.level,
                    "occupation" to s.occupation, "shortage_occupation" to s.shortageOccupation))
            }))
        }.toString()
        is OfferInput -> org.json.JSONObject(mapOf("target_level" to x.targetLevel, "certificate_kind" to x.certificateKind,
            "occupation" to x.occupation, "shortage_occupation" to x.shortageOccupation, "certificate_date" to x.certificateDate.toString())).toString()
        else -> error("not an input")
    }
}
