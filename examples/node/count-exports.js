'use strict'
// Counting exports as provincial training systems write them: a GB18030 CSV with Chinese
// headers, slash and compact dates and 、-separated groups, and the same rows as an Excel
// workbook, give the tally of the UTF-8 sample they were made from. Then an export's 身份证号
// column is turned into hashed person keys before anything is counted.
//
//   node examples/node/count-exports.js

const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const skillplan = require('../../bindings-node')

const DATA = path.resolve(__dirname, '..', 'data')

async function main() {
  const plan = skillplan.defaultPlan()
  const source = (await plan.countRecordsFile(path.join(DATA, 'jilin-records.csv'))).summary()
  const exported = (await plan.countRecordsFile(path.join(DATA, 'jilin-export-gb18030.csv'))).summary()
  const workbook = (await plan.countRecordsFile(path.join(DATA, 'jilin-export.xlsx'))).summary()
  const same = ['totals', 'cells', 'rows_read', 'rows_counted'].every(
    (k) => JSON.stringify(exported[k]) === JSON.stringify(source[k]) && JSON.stringify(workbook[k]) === JSON.stringify(source[k]),
  )
  console.log(`read ${exported.rows_read}, counted ${exported.rows_counted}, rejected ${exported.rows_rejected}`)
  console.log(`the GB18030 export and the workbook count as the UTF-8 sample: ${same}`)

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skillplan-exports-'))
  try {
    // Headers no alias covers are named with a column mapping; an unknown field is refused.
    const odd = path.join(tmp, 'odd-headers.csv')
    fs.writeFileSync(odd, '编号,人员标识,所在地区,项目类别,是否补贴,开班日期,结业日期\nr1,k1,长春市,就业技能培训,是,2023/5/1,2023/5/31\n')
    const columns = { 编号: 'record_id', 所在地区: 'region', 项目类别: 'training_type' }
    const mapped = await plan.countRecordsFile(odd, { columns })
    console.log(`mapped headers: ${mapped.totals()['subsidized-training']} subsidised training counted`)
    await plan.countRecordsFile(odd, { columns: { ...columns, 备注: 'remarks' } }).catch((e) => {
      console.log(`refused: ${e.code}/${e.reason} at ${e.path}`)
    })

    // The salt is a secret kept out of the code: here an environment variable, with a demo default.
    const salt = Buffer.from(process.env.SKILLPLAN_SALT ?? 'demo-salt-not-for-real-use')
    const ids = path.join(tmp, 'with-ids.csv')
    fs.writeFileSync(ids, '培训记录编号,身份证号,地区,培训类型,是否补贴,开班日期,结业日期\n' +
      'r1,11010519491231002X,长春市,就业技能培训,是,2023/5/1,2023/5/31\n' +
      'r2,110105194912310021,长春市,就业技能培训,是,2023/5/1,2023/5/31\n')
    const hashed = path.join(tmp, 'hashed.csv')
    const summary = await plan.hashKeysFile(ids, hashed, salt)
    console.log(`hash-keys: ${summary.rowsWritten} written, ${summary.rowsRejected} left out (row ${summary.rejections[0].row}: ${summary.rejections[0].code})`)
    const counted = await plan.countRecordsFile(hashed)
    console.log(`hashed file: read ${counted.rowsRead}, counted ${counted.rowsCounted}`)
    const key = skillplan.personKey('11010519491231002X', salt)
    console.log(`one key: ${key.length} hex digits, the same in the file: ${fs.readFileSync(hashed, 'utf8').includes(key)}`)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
