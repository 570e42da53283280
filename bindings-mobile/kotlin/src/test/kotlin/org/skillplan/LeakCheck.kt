package org.skillplan

import java.io.File
import java.time.LocalDate

/**
 * Leak check of the Kotlin binding (issue 7 goal: RSS growth under 10 MB over a million calls),
 * run by `scripts/bench/leak-kotlin.sh`, not by the test suite.
 *
 * The calls cycle through the kinds an app makes — an eligibility decision, a refused profile
 * (the error path), a pathway, a small tally (closed, as `use` does), a plan query and a refused
 * query — so that what each allocates on both sides (JVM objects, Rust values, RustBuffers,
 * object handles) is freed. RSS is read from /proc/self/status after a warm-up and every 10% of
 * the calls, after a GC; a leak shows as steady growth.
 */
object LeakCheck {
    private fun rssKib(): Long =
        File("/proc/self/status").readLines().first { it.startsWith("VmRSS:") }.split(Regex("\\s+"))[1].toLong()

    private fun settled(): Long {
        repeat(3) { System.gc(); Thread.sleep(50) }
        return rssKib()
    }

    @JvmStatic
    fun main(args: Array<String>) {
        val total = args.getOrNull(0)?.toInt() ?: 1_000_000
        val warmup = args.getOrNull(1)?.toInt() ?: 30_000
        val data = File(args.getOrNull(2) ?: "examples/data")
        val plan = defaultPlan()
        val asOf = LocalDate.of(2025, 6, 30)
        val profile = File(data, "profile.json").readText()
        val offer = File(data, "offer.json").readText()
        val badProfile = """{"statuses": ["veteran", 7]}"""
        val worker = parseWorkerJson(File(data, "worker-welder.json").readText())
        val records = (0 until 3).joinToString(",", "[", "]") {
            """{"record_id":"r$it","person_key":"k$it","region":"220100","training_type":"employment_skills","subsidised":true,"start_date":"2023-05-01","completion_date":"2023-05-31"}"""
        }
        val options = CountOptions(strict = false, maxRejected = 1000u, sourceName = null)
        fun refused(call: () -> Unit): () -> Any = {
            try { call(); error("expected an error") } catch (e: SkillplanException) { e.code }
        }
        val kinds: List<() -> Any> = listOf(
            { plan.checkEligibilityJson(profile, offer, asOf) },
            refused { plan.checkEligibilityJson(badProfile, offer, asOf) },
            { plan.pathway(worker, asOf) },
            { plan.countRecordsJson(records, options).use { it.totals() } },
            { plan.indicator("subsidized-training") },
            refused { plan.region("nowhere") },
        )
        for (i in 0 until warmup) kinds[i % kinds.size]()
        val start = settled()
        val samples = mutableListOf(0 to start)
        val step = maxOf(total / 10, 1)
        val t0 = System.nanoTime()
        for (i in 1..total) {
            kinds[i % kinds.size]()
            if (i % step == 0) samples.add(i to settled())
        }
        val seconds = (System.nanoTime() - t0) / 1e9
        val end = samples.last().second
        println("kotlin: %,d calls (%d kinds) in %.1f s".format(total, kinds.size, seconds))
        println("  calls      RSS (MiB)")
        samples.forEach { (n, kib) -> println("  %9s  %8.1f".format("%,d".format(n), kib / 1024.0)) }
        println("  RSS growth after warm-up: %+.1f MiB (goal < 10 MiB)".format((end - start) / 1024.0))
        println("""{"binding": "kotlin", "calls": $total, "seconds": ${"%.1f".format(seconds)}, "rss_start_kib": $start, "rss_end_kib": $end, "growth_kib": ${end - start}}""")
    }
}
