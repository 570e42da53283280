package org.skillplan.examples

import java.io.File
import org.skillplan.CountOptions
import org.skillplan.Plan
import org.skillplan.personKey

/**
 * An export from a provincial training system — GB18030, Chinese headers, dates written
 * 2023/3/1 or 20230301, groups separated by 、 — counted as it is, and the same rows in UTF-8
 * with ISO dates giving the same tally. Then a file with a 身份证号 column is hashed into person
 * keys (the salt comes from the app's secure storage, never from code) before it is counted.
 * Blocking: call it off the main thread. (The mobile library reads CSV and JSON Lines; Excel
 * workbooks are read by the CLI, Python and Node.)
 */
fun exportSummaryLines(plan: Plan, data: File, work: File, salt: ByteArray): List<String> {
    val options = CountOptions(strict = false, maxRejected = 100u, sourceName = null, encoding = "auto", columns = null)
    val source = plan.countRecordsFile(File(data, "jilin-records.csv").path, options)
    val export = plan.countRecordsFile(File(data, "jilin-export-gb18030.csv").path, options)
    val lines = mutableListOf("已读 ${export.rowsRead()} 条，计入 ${export.rowsCounted()} 条，退回 ${export.rowsRejected()} 条")
    lines += "与 UTF-8 样本一致：${export.totals() == source.totals() && export.cells() == source.cells()}"
    lines += "未读取的列：${export.ignoredColumns().joinToString("、")}"

    val ids = File(work, "with-ids.csv")
    ids.writeBytes(
        ("培训记录编号,身份证号,地区,培训类型,是否补贴,开班日期,结业日期\n" +
            "r1,11010519491231002X,长春市,就业技能培训,是,2023/5/1,2023/5/31\n" +
            "r2,110105194912310021,长春市,就业技能培训,是,2023/5/1,2023/5/31\n").toByteArray(charset("GB18030")),
    )
    val hashed = File(work, "hashed.csv")
    val summary = plan.hashKeysFile(ids.path, hashed.path, salt, options)
    lines += "脱敏：写出 ${summary.rowsWritten} 行，剔除 ${summary.rowsRejected} 行（第${summary.rejections[0].row}行 ${summary.rejections[0].code}）"
    val key = personKey("11010519491231002X", salt)
    lines += "人员标识 ${key.length} 位，与文件一致：${hashed.readText().contains(key)}"
    return lines
}
