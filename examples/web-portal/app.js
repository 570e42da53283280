// The worker portal: a profile form whose answers — subsidies, what is missing, target groups,
// the skill-level pathway — are computed in the page by skillplan's WebAssembly build. After
// the page and the module have loaded, nothing leaves the page. Every answer shown is the
// core's; this file only reads the form, and lays the answers out in Chinese or English.
import { init, defaultPlan } from './skillplan/skillplan.js'

const TEXT = {
  zh: {
    title: '职业技能培训补贴自助查询',
    subtitle: '依据《吉林省职业技能培训行动计划（2022-2025年）》（二十五），在本页内计算，不上传任何信息。',
    you: '个人情况', birth_date: '出生日期', sex: '性别', hukou: '户籍', region: '所在地区', employment: '就业状态',
    insurance: '失业保险缴费月数', benefit: '正在领取失业保险金', none_received: '以前未享受过职业培训补贴、技能提升补贴等',
    statuses: '身份类别（可多选）', work_started_on: '参加工作日期',
    certificates: '已取得的证书', add_certificate: '＋ 添加证书', offer: '拟参加的培训', training_type: '培训类型',
    target_level: '培训等级', certificate_kind: '取得证书类型', occupation: '职业（工种）', hours: '培训学时',
    start_date: '开班日期', end_date: '结业日期', certificate_date: '取证日期', provider_listed: '培训机构在公布目录内',
    as_of: '查询日期', check: '查询', subsidies: '可享受的补贴', groups: '所属重点群体', pathway: '技能等级晋升路径',
    footer: '本页答案与服务端、数据分析使用同一核心（skillplan）计算；金额与日期为精确值。',
    other_language: 'English', not_given: '未填写', eligible: '可享受', not_eligible: '不符合', undetermined: '待补充信息',
    amount: '补贴金额', yuan: '元', to_qualify: '还需要：', provide: '请填写：', no_groups: '未匹配到重点群体',
    next: '下一级', apply_now: '现在即可申报', earliest: '最早申报日期', unlocks: '取得后可享受', at_top: '已是最高等级',
    held: '已取得', fix: '请更正：', amount_local: '金额按当地标准核定', unknown_date: '日期尚无法确定', loading: '正在加载…', failed: '加载失败',
    field: { 'offer.start_date': '开班日期', 'offer.end_date': '结业日期', 'offer.hours': '培训学时',
      'offer.training_type': '培训类型', 'offer.target_level': '培训等级', 'offer.certificate_kind': '取得证书类型',
      'offer.certificate_date': '取证日期', 'offer.occupation': '职业（工种）', 'profile.birth_date': '出生日期',
      'profile.hukou': '户籍', 'profile.employment': '就业状态', 'profile.statuses': '身份类别', 'profile.sex': '性别',
      'profile.unemployment_insurance_months': '失业保险缴费月数', 'profile.certificates': '已取得的证书',
      'profile.region': '所在地区', 'profile.subsidies_received': '以前是否享受过补贴',
      'profile.receiving_unemployment_benefit': '是否正在领取失业保险金' },
  },
  en: {
    title: 'Vocational training subsidies: check for yourself',
    subtitle: 'Under measure (25) of the Jilin vocational skills training action plan 2022–2025; computed in this page, nothing is sent.',
    you: 'About you', birth_date: 'Date of birth', sex: 'Sex', hukou: 'Household registration', region: 'Region',
    employment: 'Employment', insurance: 'Months of unemployment insurance',
    benefit: 'Receiving unemployment benefit', none_received: 'I have not received any of these subsidies before', statuses: 'Groups you belong to',
    work_started_on: 'Started work on', certificates: 'Certificates you hold', add_certificate: '+ Add a certificate',
    offer: 'The training you plan', training_type: 'Training type', target_level: 'Level trained for',
    certificate_kind: 'Certificate it leads to', occupation: 'Occupation', hours: 'Hours', start_date: 'Starts on',
    end_date: 'Ends on', certificate_date: 'Certificate on', provider_listed: 'The provider is on the published list',
    as_of: 'As of', check: 'Check', subsidies: 'Subsidies', groups: 'Target groups', pathway: 'Your skill-level pathway',
    footer: 'The same core (skillplan) computes these answers on servers and for analysts; amounts and dates are exact.',
    other_language: '中文', not_given: 'not given', eligible: 'eligible', not_eligible: 'not eligible',
    undetermined: 'more facts needed', amount: 'Amount', yuan: 'yuan', to_qualify: 'What is missing:', provide: 'Give',
    no_groups: 'No target group matched', next: 'next level', apply_now: 'you can apply now', earliest: 'earliest date',
    unlocks: 'unlocks', at_top: 'You hold the highest level', held: 'held', fix: 'Please correct:',
    amount_local: 'amount set by the local standard', unknown_date: 'date not yet known',
    loading: 'Loading…', failed: 'Could not load',
    field: { 'offer.start_date': 'the start date', 'offer.end_date': 'the end date', 'offer.hours': 'the hours',
      'offer.training_type': 'the training type', 'offer.target_level': 'the level trained for',
      'offer.certificate_kind': 'the certificate kind', 'offer.certificate_date': 'the certificate date',
      'offer.occupation': 'the occupation', 'profile.birth_date': 'your date of birth',
      'profile.hukou': 'your household registration', 'profile.employment': 'your employment',
      'profile.statuses': 'the groups you belong to', 'profile.sex': 'your sex',
      'profile.unemployment_insurance_months': 'your months of unemployment insurance',
      'profile.certificates': 'your certificates', 'profile.region': 'your region',
      'profile.subsidies_received': 'whether you have received these subsidies before',
      'profile.receiving_unemployment_benefit': 'whether you receive unemployment benefit' },
  },
}

// The values the core takes (its error messages list them), with the words the page shows.
const OPTIONS = {
  yes_no: [['yes', '是', 'yes'], ['no', '否', 'no']],
  sex: [['female', '女', 'female'], ['male', '男', 'male']],
  hukou: [['urban', '城镇', 'urban'], ['rural', '农村', 'rural']],
  employment: [
    ['employed', '在职', 'employed'], ['registered_unemployed', '登记失业', 'registered unemployed'],
    ['self_employed', '灵活就业/个体', 'self-employed'], ['preparing_business', '准备创业', 'starting a business'],
    ['student', '在校学生', 'student'], ['not_continuing_after_junior_high', '初中毕业未升学', 'left school after junior high'],
    ['not_continuing_after_senior_high', '高中毕业未升学', 'left school after senior high'],
  ],
  statuses: [
    ['rural_transfer_labour', '农村转移劳动力', 'rural labour moving to other work'],
    ['returning_migrant_worker', '返乡农民工', 'returning migrant worker'],
    ['poverty_alleviated', '脱贫劳动力', 'lifted out of poverty'], ['veteran', '退役军人', 'veteran'],
    ['disabled', '残疾人', 'person with a disability'], ['employment_difficulty', '就业困难人员', 'hard to employ'],
    ['zero_employment_family', '零就业家庭成员', 'zero-employment family'], ['craftsperson', '传统技艺从业者', 'craftsperson'],
  ],
  training_type: [
    ['employment_skills', '就业技能培训', 'employment skills'], ['skill_upgrading', '岗位技能提升培训', 'skill upgrading'],
    ['entrepreneurship', '创业培训', 'entrepreneurship'], ['apprenticeship', '学徒培训', 'apprenticeship'],
    ['safety_skills', '安全技能培训', 'safety skills'], ['labour_preparation', '劳动预备制培训', 'labour preparation'],
  ],
  certificate_kind: [
    ['skill_level_certificate', '职业技能等级证书', 'skill level certificate'],
    ['vocational_qualification', '职业资格证书', 'vocational qualification'],
    ['special_ability', '专项职业能力证书', 'special ability certificate'],
    ['training_certificate', '培训合格证书', 'training certificate'],
  ],
}

let lang = 'zh'
let plan = null
let answers = null
const $ = (selector, root = document) => root.querySelector(selector)
const t = (key) => TEXT[lang][key] ?? key
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v)
  node.append(...children)
  return node
}

function fillOptions(root = document) {
  for (const select of root.querySelectorAll('select[data-options]')) {
    const chosen = select.value
    const items = OPTIONS[select.dataset.options]
    select.replaceChildren(el('option', { value: '' }, `— ${t('not_given')} —`),
      ...items.map(([value, zh, en]) => el('option', { value }, lang === 'zh' ? zh : en)))
    select.value = chosen
  }
  if (root !== document) return
  const region = $('#region')
  const chosen = region.value
  region.replaceChildren(el('option', { value: '' }, `— ${t('not_given')} —`),
    ...plan.regions().filter((r) => r.kind !== 'province').map((r) => el('option', { value: r.code }, r.name[lang])))
  region.value = chosen
  const checked = new Set([...document.querySelectorAll('#statuses input:checked')].map((i) => i.value))
  $('#statuses').replaceChildren(...OPTIONS.statuses.map(([value, zh, en]) =>
    el('label', { class: 'inline' }, Object.assign(el('input', { type: 'checkbox', value }), { checked: checked.has(value) }),
      el('span', {}, lang === 'zh' ? zh : en))))
}

function translate() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  document.title = `${t('title')} · skillplan`
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n)
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder)
  $('#lang').textContent = t('other_language')
  fillOptions()
  if (answers) render()
}

function addCertificate() {
  const row = $('#certificate-row').content.firstElementChild.cloneNode(true)
  $('#certificates').append(row)
  fillOptions(row)
  row.querySelector('.remove').addEventListener('click', () => row.remove())
  return row
}

/** A number when the field holds digits only; else the text as typed, for the core to judge. */
const numberOrText = (text) => (/^\d+$/.test(text) ? Number(text) : text)

/** The profile, offer, worker and date the form says; empty fields are left out. */
function readForm() {
  const form = $('#profile')
  const value = (name) => form.elements[name].value.trim()
  const profile = {}
  for (const name of ['birth_date', 'sex', 'hukou', 'region', 'employment']) if (value(name)) profile[name] = value(name)
  if (value('unemployment_insurance_months')) profile.unemployment_insurance_months = numberOrText(value('unemployment_insurance_months'))
  if (value('receiving_unemployment_benefit')) profile.receiving_unemployment_benefit = value('receiving_unemployment_benefit') === 'yes'
  if (form.elements.none_received.checked) profile.subsidies_received = []
  const statuses = [...form.querySelectorAll('#statuses input:checked')].map((i) => i.value)
  if (statuses.length) profile.statuses = statuses
  const certificates = [...form.querySelectorAll('.certificate')].map((row) => {
    const certificate = {}
    for (const field of row.querySelectorAll('[data-field]')) if (field.value.trim()) certificate[field.dataset.field] = field.value.trim()
    return certificate
  }).filter((c) => Object.keys(c).length)
  if (certificates.length) profile.certificates = certificates
  const offer = {}
  for (const name of ['training_type', 'target_level', 'certificate_kind', 'occupation', 'start_date', 'end_date', 'certificate_date'])
    if (value(name)) offer[name] = value(name)
  if (value('hours')) offer.hours = numberOrText(value('hours'))
  offer.provider_listed = form.elements.provider_listed.checked
  // The pathway starts from the levels the certificates show.
  const worker = {
    levels: certificates.filter((c) => c.level && c.date).map((c) => ({ level: c.level, obtained_on: c.date })),
  }
  if (value('work_started_on')) worker.work_started_on = value('work_started_on')
  return { profile, offer, worker, asOf: value('as_of') }
}

/** The field an error path points at: `profile.certificates[1].date` is row 2's date. */
function fieldOf(path) {
  const row = /^profile\.certificates\[(\d+)\]\.(\w+)/.exec(path)
  if (row) return $('#certificates').children[Number(row[1])]?.querySelector(`[data-field=${row[2]}]`)
  const worker = /^worker\.levels\[(\d+)\]/.exec(path)
  if (worker) return $('#certificates').children[Number(worker[1])]?.querySelector('[data-field=date]')
  for (let p = path; p; p = p.replace(/(\.[^.]*|\[\d+\])$/, '') || '') {
    const node = document.querySelector(`[data-path="${p}"]`)
    if (node) return node
    if (!/[.[]/.test(p)) break
  }
  return null
}

function clearErrors() {
  for (const node of document.querySelectorAll('.field-error')) node.remove()
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid')
  $('#form-error').hidden = true
}

function showError(error) {
  const message = `${t('fix')} ${error.message}`
  const field = error.code ? fieldOf(error.path) : null
  if (!field) {
    $('#form-error').textContent = error.code ? `${message} (${error.code})` : String(error)
    $('#form-error').hidden = false
    return
  }
  field.setAttribute('aria-invalid', 'true')
  const note = el('p', { class: 'field-error', role: 'alert', 'data-error-for': error.path, 'data-code': error.code }, message)
  ;(field.closest('label, .certificate, .wide') ?? field).after(note)
  field.focus()
}

function check(event) {
  event?.preventDefault()
  clearErrors()
  const { profile, offer, worker, asOf } = readForm()
  try {
    answers = { decision: plan.checkEligibility(profile, offer, asOf), pathway: plan.pathway(worker, asOf) }
  } catch (error) {
    answers = null
    $('#results').hidden = true
    showError(error)
    return
  }
  render()
}

function missingSentence(item) {
  if (item.kind === 'fact' && item.field) return `${t('provide')}${lang === 'en' ? ' ' : ''}${TEXT[lang].field[item.field] ?? item.field}`
  return item.explanation[lang]
}

function renderSubsidies(decision) {
  return decision.subsidies.map((s) => {
    const card = el('article', { class: `subsidy ${s.status}`, 'data-subsidy': s.id, 'data-status': s.status, 'data-amount': s.amount ?? '' },
      el('header', {}, el('h3', {}, s.name[lang]), el('span', { class: 'badge' }, t(s.status))),
      el('p', { class: 'amount' }, s.amount != null ? `${t('amount')} ${s.amount} ${t('yuan')}` : s.status === 'eligible' ? t('amount_local') : '—'),
      el('p', { class: 'fund' }, `${s.fund[lang]} · ${s.clauses.join(' ')}`))
    // One sentence per thing to do, though several checks may want the same fact.
    const missing = [...new Set(s.toQualify.map(missingSentence))]
    if (s.status !== 'eligible' && missing.length)
      card.append(el('p', { class: 'caption' }, t('to_qualify')), el('ul', { class: 'missing' }, ...missing.map((m) => el('li', {}, m))))
    return card
  })
}

function renderPathway(pathway) {
  const out = []
  if (pathway.held.length)
    out.push(el('p', { class: 'held' }, `${t('held')}: ${pathway.held.map((h) => `${h.name[lang]}（${h.obtainedOn}）`).join('、')}`))
  if (pathway.atTop) out.push(el('p', {}, t('at_top')))
  for (const step of pathway.steps) {
    const card = el('article', { class: `step${step.isNext ? ' next' : ''}`, 'data-level': step.level },
      el('header', {}, el('h3', {}, step.name[lang]), step.isNext ? el('span', { class: 'badge' }, t('next')) : ''),
      el('p', { class: 'when' }, step.canApplyNow ? t('apply_now') : (step.earliestDate ? `${t('earliest')} ${step.earliestDate}` : t('unknown_date'))))
    for (const route of step.routes) {
      const share = Math.max(0, Math.min(1, Number(route.progress)))
      card.append(el('div', { class: 'route', 'data-route': route.id, 'data-progress': route.progress },
        el('span', { class: 'route-label' }, route.label[lang]),
        el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(Math.round(share * 100)) },
          el('div', { class: 'fill', style: `width:${(share * 100).toFixed(1)}%` })),
        el('span', { class: 'route-date' },
          `${Math.round(share * 100)}% · ${route.earliestDate ? `${t('earliest')} ${route.earliestDate}` : t('unknown_date')}`)))
    }
    if (step.unlocks?.length)
      card.append(el('p', { class: 'unlocks' }, `${t('unlocks')}: ${step.unlocks.map((u) => u.name[lang]).join('；')}`))
    out.push(card)
  }
  return out
}

function render() {
  const { decision, pathway } = answers
  $('#subsidies').replaceChildren(...renderSubsidies(decision))
  const members = decision.targetGroups.filter((g) => g.status === 'member')
  $('#groups').replaceChildren(...(members.length
    ? members.map((g) => el('li', { 'data-group': g.id, title: g.reasons.map((r) => r[lang]).join('; ') }, `${g.name[lang]} ${g.clause}`))
    : [el('li', { class: 'none' }, t('no_groups'))]))
  $('#pathway').replaceChildren(...renderPathway(pathway))
  $('#results').hidden = false
}

async function start() {
  document.body.dataset.state = 'loading'
  await init()
  plan = defaultPlan()
  // Levels are the plan's own ladder, in its own words.
  OPTIONS.level = plan.skillLevels().map((l) => [l.id, l.name.zh, l.name.en])
  $('#profile').elements.as_of.value = new Date().toISOString().slice(0, 10)
  translate()
  addCertificate()
  $('#add-certificate').addEventListener('click', () => addCertificate())
  $('#lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh'
    translate()
  })
  $('#profile').addEventListener('submit', check)
  document.body.dataset.state = 'ready'
}

start().catch((error) => {
  document.body.dataset.state = 'failed'
  $('#form-error').textContent = `${t('failed')}: ${error.message}`
  $('#form-error').hidden = false
})
