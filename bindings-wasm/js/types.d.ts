/* The types of skillplan's browser build: bindings-node/ts/header.d.ts up to its Node-only
   part, then the core's boundary types, written by scripts/gen_host_types.py from
   core/plans/host-types.schema.json; do not edit. */

/** Stable error codes, shared by every skillplan binding (`ErrorCode`, generated below). */
export type SkillplanErrorCode = ErrorCode

/**
 * Every error skillplan throws (or rejects a Promise with) is an `Error` with these fields:
 * `code` is stable, `path` points at the offending input (`indicators[2].parent`, or the
 * argument name of a query, `rows[12].region` for a record), `reason` refines PLAN_INVALID, INVALID_OBSERVATION
 * and the record errors (`cyclic_parent`, `negative_value`, `unknown_region`, `missing_column`, …) and `issues`
 * lists every problem found in an invalid plan.
 */
export interface SkillplanError extends Error {
  code: SkillplanErrorCode
  /** The kind of error the code is: the same four every binding has (Python's exception classes, Kotlin's sealed type). */
  kind: ErrorClass
  path: string
  reason: string | null
  issues: Array<Issue>
}

/** An observation: values as decimal strings or safe integers (floats are refused), dates ISO. */
export interface ObservationInput {
  indicator: string
  /** Region id or GB/T 2260 code; absent or null for the whole plan area. */
  region?: string | null
  date: string
  value: string | number
  /** cumulative (default), day, month, quarter or year. */
  kind?: 'cumulative' | 'day' | 'month' | 'quarter' | 'year' | null
}

/** What is known of a worker; every field optional, dates ISO strings. */
export interface WorkerInput {
  /** Occupation code (e.g. 4-07-02-03) or name with its own requirements; the default template otherwise. */
  occupation?: string | null
  work_started_on?: string | null
  levels?: Array<{ level: string; obtained_on: string }>
  apprenticeship_completed_on?: string | null
  diplomas?: Array<{
    school: 'technical_school' | 'senior_technical_school' | 'technician_college' | 'secondary_vocational' | 'higher_vocational' | 'junior_college' | 'bachelor' | 'master' | 'doctorate'
    graduated_on?: string | null
    final_year?: boolean
  }>
  preparatory_technician_on?: string | null
}


/**
 * A training record (record_id, person_key …) or a training base (base_id, base_kind …).
 * Values are strings; `subsidised` may be a boolean, `region` a GB/T 2260 code as a number and
 * `groups` an array or a `;`-separated string. Floats are refused. The person key must be a
 * hashed key, never a 身份证号.
 */
export interface RecordInput {
  record_id?: string | null
  person_key?: string | null
  /** Region id, name or GB/T 2260 code (a county code counts toward its prefecture). */
  region?: string | number | null
  training_type?: string | null
  subsidised?: boolean | string | null
  groups?: Array<string> | string | null
  start_date?: string | null
  end_date?: string | null
  completion_date?: string | null
  certificate_kind?: string | null
  certificate_level?: string | null
  certificate_date?: string | null
  base_id?: string | null
  base_kind?: string | null
  designated_date?: string | null
  base_name?: string | null
  [other: string]: unknown
}

/** A record that was refused and skipped. */
export interface Rejection {
  source?: string
  /** From 1; a CSV header is not a row. */
  row: number
  field: string
  /** Stable reason, e.g. unknown_region. */
  code: string
  message: string
}

/** One non-zero cell of a tally. */
export interface TallyCell {
  indicator: string
  region: string
  /** YYYY-MM */
  month: string
  count: number
}

/** Per-indicator figures of a tally. */
export interface IndicatorTally {
  indicator: string
  matched: number
  counted: number
  undated: number
  before_period: number
  after_period: number
}

/** Everything a tally says. */
export interface TallySummary {
  plan: string
  rows_read: number
  rows_counted: number
  rows_rejected: number
  totals: Record<string, number>
  region_totals: Record<string, Record<string, number>>
  indicators: Array<IndicatorTally>
  rejections: Array<Rejection>
  ignored_columns: Array<string>
  cells: Array<TallyCell>
}

/**
 * What is known of a person (format `skillplan-profile/1`). Every field is optional: a rule
 * that needs an absent fact answers `undetermined` and names it. An absent `statuses` means
 * "unknown"; `[]` means "none of them". Dates are ISO strings; numbers are whole (floats are
 * refused). `id_number` is checked (GB 11643) and used for birth date and sex, never echoed.
 */
export interface ProfileInput {
  format?: 'skillplan-profile/1'
  birth_date?: string | null
  sex?: 'female' | 'male' | null
  hukou?: 'urban' | 'rural' | null
  /** A region id, name or GB/T 2260 code of the plan. */
  region?: string | null
  education?: 'primary_or_below' | 'junior_high' | 'senior_high' | 'secondary_vocational' | 'technical_school' | 'junior_college' | 'bachelor' | 'postgraduate' | null
  school_type?: 'university' | 'vocational_college' | 'technical_school' | 'special_education' | 'secondary_school' | null
  technical_school_class?: 'senior_worker' | 'preparatory_technician' | 'technician' | 'other' | null
  graduation_date?: string | null
  employment?: 'employed' | 'registered_unemployed' | 'self_employed' | 'preparing_business' | 'student' | 'not_continuing_after_junior_high' | 'not_continuing_after_senior_high' | null
  /** Status ids or Chinese names of the plan: rural_transfer_labour (农民工), veteran, disabled, … */
  statuses?: Array<string> | null
  unemployment_insurance_months?: number | null
  receiving_unemployment_benefit?: boolean | null
  certificates?: Array<{ kind: string; level?: string | null; occupation?: string | null; date: string }> | null
  subsidies_received?: Array<{
    kind: SubsidyId
    date: string
    level?: string | null
    occupation?: string | null
    shortage_occupation?: boolean | null
  }> | null
  id_number?: string | null
}

/** A training offer and the certificate it leads to; every field optional. */
export interface OfferInput {
  /** employment_skills, skill_upgrading, entrepreneurship, apprenticeship, safety_skills, labour_preparation, other (or the Chinese name). */
  training_type?: string | null
  /** A skill level id: junior, intermediate, senior, technician, … */
  target_level?: string | null
  /** vocational_qualification, skill_level_certificate, special_ability, training_certificate. */
  certificate_kind?: string | null
  occupation?: string | null
  /** On the 急需紧缺职业（工种） list. */
  shortage_occupation?: boolean | null
  hours?: number | null
  /** The provider is on the published list (（五）「两目录」). */
  provider_listed?: boolean | null
  start_date?: string | null
  end_date?: string | null
  /** When the certificate was (or is expected to be) obtained; chooses the 技能提升补贴 and 评价补贴 rule version. */
  certificate_date?: string | null
}

/** The four subsidies of （二十五）, by id (the core's SubsidyKind). */
export type SubsidyId = SubsidyKind

/** `checkEligibilityJson` with `explain: false` returns this, as JSON text (keys camelCase). */
export type EligibilitySummary = DecisionSummary

/** Options of a progress computation (keys camelCase or snake_case). */
export interface ProgressOptions {
  /** ISO date the progress is computed for. */
  asOf: string
  /** Points of the expected trajectory: `{ indicator, date, value }`. */
  milestones?: Array<{ indicator: string; date: string; value: string | number }>
  /** Targets per region: `{ indicator, region, target }` (e.g. from `decompose`). */
  regionalTargets?: Array<{ indicator: string; region: string; target: string | number }>
  /** Status thresholds on performance: `{ onTrack, behind }` (defaults 0.95 and 0.75). */
  thresholds?: { onTrack: string | number; behind: string | number }
}

/** How records are counted. */
export interface CountOptions {
  /** Fail on the first invalid record (`INVALID_RECORD`) instead of skipping it. */
  strict?: boolean
  /** Skip at most this many invalid records; one more fails with `TOO_MANY_INVALID_RECORDS`. */
  maxRejected?: number
  /** A name for the input, shown with its rejections. */
  sourceName?: string
  /** Files' text encoding: `auto` (the default: UTF-8 if the bytes are UTF-8, else GB18030), `utf-8` or `gb18030`. */
  encoding?: 'auto' | 'utf-8' | 'gb18030'
  /** Source header → record field (`{ '培训项目': 'training_type' }`), over the plan's header aliases. */
  columns?: Record<string, string>
  /** The sheet of an .xlsx/.xls file to read (default: the first). */
  sheet?: string
}

/** What `hashKeysFile` did: rows read, written with a person key, and left out (invalid ID numbers). */
export interface HashSummary {
  rowsRead: number
  rowsWritten: number
  rowsRejected: number
  /** The first rows left out, by row and reason (never the ID number). */
  rejections: Array<{ source?: string; row: number; field: string; code: string; message: string }>
}

/** What a decision answers: which subsidies, and whether it explains (the same options in every binding). */
export interface EligibilityOptions {
  /** Only these subsidies; all when absent. */
  subsidies?: Array<SubsidyKind>
  /** false: the summary without explanations (statuses, amounts, failed checks, missing facts). */
  explain?: boolean
}

/** @deprecated The name of `EligibilityOptions` before the typed calls took them too. */
export type EligibilityJsonOptions = EligibilityOptions

/* The core's boundary types. Keys are camelCase; decimals and dates are strings (exact
   decimals, ISO dates); an absent value is left out (or null in JSON text). */

/** 预期性 (expected, guiding) or 约束性 (binding) indicator. */
export type Attribute = 'expected' | 'binding'

/**
 * One check of a subsidy as a code with its numbers: what it checked, the outcome, the figures
 * it compared and the facts an unknown outcome lacks. No words: [`Decided::check_explanation`]
 * renders them.
 */
export interface CheckCode {
  /** What was checked. */
  check: CheckKind
  /** Yes, no, or unknown for want of a fact. */
  outcome: CheckOutcome
  /** The facts an unknown outcome lacks, by path. */
  missingFacts: Array<Fact>
  /** The date that chose the rule version, or the last day of the application window. */
  date?: string | null
  /** The figure found, where one is compared (months, hours, payments received). */
  have?: number | null
  /** The figure required or allowed. */
  need?: number | null
}

/** What a rule checks. Codes are stable. */
export type CheckKind = 'rule_in_force' | 'category' | 'training_type' | 'certificate_kind' | 'listed_provider' | 'times_total' | 'per_year' | 'insured_status' | 'insurance_months' | 'level' | 'hours' | 'application_window' | 'once_per_occupation_level' | 'no_lower_after_higher' | 'exclusive_with_training_subsidy' | 'first_time_occupation' | 'not_with_unemployment_benefit'

/** Yes, no, or unknown for want of a fact. */
export type CheckOutcome = 'yes' | 'no' | 'unknown'

/** A clause of the plan with its text. */
export interface Clause {
  /** The canonical id: 三, （二十五）, 专栏2 or 专栏2.1. */
  id: string
  /** Chapter, measure, column or column item. */
  kind: ClauseKind
  /** The clause's heading. */
  title: Label
  /** The clause's text as written; for a column, its items, one `N. text` line each. */
  textZh: string
  /** The enclosing clause: a measure's chapter, an item's column. */
  parent?: string | null
}

/** What kind of clause a reference points to. */
export type ClauseKind = 'chapter' | 'measure' | 'column' | 'column_item'

/** A boxed column (专栏). */
export interface Column {
  /** e.g. `专栏2`. */
  id: string
  /** The column's number (专栏2 → 2), by which queries find it. */
  number: number
  /** The column's heading. */
  title: Label
  /** The measure the column follows in the text. */
  afterMeasure?: string | null
  /** The column's items or rows, numbered from 1 in order. */
  items: Array<ColumnItem>
}

/** One numbered item or row of a column. */
export interface ColumnItem {
  /** The item's number, from 1; it must equal its position. */
  number: number
  /** The item's heading (its first sentence), or the row's name. */
  titleZh: string
  /** The item's whole text as written. */
  textZh: string
}

/** How the achieved value is compared with the target. */
export type Comparator = '>=' | '>' | '<=' | '<' | '='

/** What a condition of a route asks for. */
export type ConditionKind = 'years_of_work' | 'years_since_level' | 'holds_level' | 'apprenticeship_completed' | 'diploma' | 'years_since_preparatory_technician'

/** One condition of a route, evaluated. */
export interface ConditionProgress {
  /** What the condition asks for. */
  kind: ConditionKind
  /** The condition in words, in Chinese and English. */
  label: Label
  /** True when the condition is met on the as-of date. */
  met: boolean
  /** When it is (or will first be) met; absent when it cannot be met with what is known. */
  earliestDate?: string | null
  /** 0 to 1, for a progress bar: time served ÷ time required, or 0/1. */
  progress: string
  /** What is missing, when the condition cannot be met with what is known. */
  missing?: Label | null
  /**
   * True when the date assumes that a level the worker does not hold yet is obtained on the
   * earliest day one can apply for it.
   */
  projected: boolean
}

/** The value of an `equals` test. */
export type ConditionValue = boolean | string

/** How sure a sourced fact is (domain-facts' scale). */
export type Confidence = 'high' | 'medium' | 'low' | 'unconfirmed'

/**
 * How an indicator counts records: which ones, and which of their dates places them in time.
 * Compiled once when the plan loads; a rule that names an unknown field or value is a load
 * error with its path.
 */
export interface CountingRule {
  /** Which records the rule counts: trainings or bases. */
  subject: RecordSubject
  /** The date that places a counted record in a month (a date field of the subject). */
  date: RecordField
  /** Why the rule reads so: the clause and, where the plan is silent, the default chosen. */
  source: string
  /** What the plan does not settle and this rule assumes (shown with every count). */
  unconfirmed?: string | null
  /** The condition a record must meet; absent, every record of the subject counts. */
  when?: RecordCondition | null
}

/** Which way a crosswalk entry leads. */
export type CrosswalkDirection = 'skill_to_title' | 'title_to_skill'

/** One 双贯通 route between a skill level and a professional title. */
export interface CrosswalkEntry {
  /** Stable identifier, e.g. `technician-to-engineer`. */
  id: string
  /** Whether the level leads to the title or the title to the level. */
  direction: CrosswalkDirection
  /** The skill level, by id. */
  level: string
  /** The professional title, by id. */
  title: string
  /** Years of (technical) work needed after obtaining the starting level or title. */
  years: number
  /** Further conditions as the rule words them. */
  conditions: Label
  /** The documents the entry comes from. */
  source: string
  /** How sure those documents make the entry. */
  confidence: Confidence
}

/** A decision without explanations: member target groups and each subsidy's answer. */
export interface DecisionSummary {
  /** The date decided for. */
  asOf: string
  /** Ids of the plan's target groups the person is in (undetermined ones are left out). */
  targetGroups: Array<string>
  /** One answer per subsidy asked for (all by default), in the plan's order. */
  subsidies: Array<SubsidySummary>
}

/** A decision as a host shows it. */
export interface DecisionView {
  /** The date decided for. */
  asOf: string
  /** The plan's target groups the person is in or may be in, in plan order. */
  targetGroups: Array<TargetGroupDecision>
  /** One answer per subsidy asked for (all by default), in the plan's order. */
  subsidies: Array<SubsidyView>
}

/** A department or body named in the plan. */
export interface Department {
  /** Stable identifier, e.g. `hrss`. */
  id: string
  /** The short name as the plan writes it, e.g. 省人社厅. */
  shortZh: string
  /** The full official name, e.g. 吉林省人力资源和社会保障厅. */
  fullZh: string
  /** English name. */
  en: string
  /** Other forms the plan writes, e.g. 教育厅 without 省. */
  aliases: Array<string>
}

/** An education equivalence of a 技工院校 class, for a stated purpose. */
export interface EducationEquivalence {
  /** The class: `intermediate-class`, `senior-class`, `preparatory-technician-class`. */
  schoolClass: string
  /** The class's name, e.g. 技工院校中级工班. */
  className: Label
  /** The diploma the class counts as, e.g. 中专. */
  equivalent: Label
  /** What the equivalence is for, e.g. `title_application` (职称申报). */
  purpose: string
  /** The documents the equivalence comes from. */
  source: string
  /** How sure those documents make the equivalence. */
  confidence: Confidence
  /** Where it does not hold. */
  limits?: string | null
}

/** One check of a subsidy rule, explained. */
export interface EligibilityCheck {
  /** What was checked. */
  check: CheckKind
  /** Yes, no, or unknown for want of a fact. */
  outcome: CheckOutcome
  /** What the check found, in Chinese and English. */
  explanation: Label
}

/**
 * Something that would turn the answer to "eligible": a change (`kind = "change"`) or a fact
 * to supply (`kind = "fact"`, with its `field`).
 */
export interface EligibilityRequirement {
  /** The check it would settle. */
  check: CheckKind
  /** A change, or a fact to give. */
  kind: RequirementKind
  /** What to do, in Chinese and English. */
  explanation: Label
  /** The fact to give, by its path; only for `kind = "fact"`. */
  field?: Fact | null
}

/** The answer for one subsidy. */
export type EligibilityStatus = 'eligible' | 'not_eligible' | 'undetermined'

/**
 * The kind of error a host raises for a code: every binding maps these four, and only these,
 * to its own error types (Python's exception classes, Kotlin's sealed exception, Node's
 * `Error` with its `kind`), so a new code can never be misfiled.
 */
export type ErrorClass = 'plan' | 'not_found' | 'invalid_input' | 'internal'

/** Stable error codes, shared by every binding. */
export type ErrorCode = 'PLAN_EMPTY' | 'PLAN_TOO_LARGE' | 'PLAN_NOT_UTF8' | 'PLAN_SYNTAX' | 'PLAN_INVALID' | 'PLAN_IO' | 'UNKNOWN_INDICATOR' | 'UNKNOWN_CLAUSE' | 'UNKNOWN_DEPARTMENT' | 'UNKNOWN_REGION' | 'INVALID_OBSERVATION' | 'INVALID_OPTIONS' | 'INVALID_WORKER' | 'UNKNOWN_LEVEL' | 'UNKNOWN_TITLE' | 'INVALID_RECORD' | 'TOO_MANY_INVALID_RECORDS' | 'INVALID_RECORD_SOURCE' | 'INVALID_TALLY' | 'INVALID_PROFILE' | 'INVALID_OFFER' | 'INTERNAL'

/** How the value expected by a date is computed. */
export type ExpectedMethod = 'linear' | 'milestones'

/**
 * A fact a rule may need, by the path of its field in the profile or the offer. A
 * [`FieldSet`] holds some of them; an undetermined answer names the ones it lacks.
 */
export type Fact = 'profile.statuses' | 'profile.employment' | 'profile.sex' | 'profile.hukou' | 'profile.birth_date' | 'profile.graduation_date' | 'profile.school_type' | 'profile.technical_school_class' | 'profile.unemployment_insurance_months' | 'profile.receiving_unemployment_benefit' | 'profile.subsidies_received' | 'profile.subsidies_received[].occupation' | 'profile.subsidies_received[].level' | 'profile.subsidies_received[].shortage_occupation' | 'offer.training_type' | 'offer.target_level' | 'offer.certificate_kind' | 'offer.occupation' | 'offer.shortage_occupation' | 'offer.hours' | 'offer.provider_listed' | 'offer.start_date' | 'offer.certificate_date'

/** Whether a person is in a target group. */
export type GroupStatus = 'member' | 'undetermined'

/** A level the worker holds. */
export interface HeldLevelView {
  /** Level id, e.g. `senior`. */
  level: string
  /** The level's name, in Chinese and English. */
  name: Label
  /** Position on the ladder, 1 = lowest. */
  ordinal: number
  /** The date the level was obtained. */
  obtainedOn: string
}

/** A quantitative target. */
export interface Indicator {
  /** Stable identifier, e.g. `subsidized-training`. */
  id: string
  /** The clause that sets it, e.g. `专栏1`. */
  clause: string
  /** Its row in that clause, from 1. */
  row: number
  /** The indicator's name as the plan writes it. */
  name: Label
  /** What the target counts: 人次 or 个. */
  unit: Unit
  /** How the achieved value is compared with the target. */
  comparator: Comparator
  /** The exact target in units (≥84万 → "840000"). Written as a string or an integer, never a float. */
  target: string
  /** The target as the plan writes it, e.g. ≥84 万. */
  targetTextZh: string
  /** 预期性 or 约束性. */
  attribute: Attribute
  /** The indicator this one is part of (「其中」), if any. */
  parent?: string | null
  /** Which training or base records count toward this indicator, and on which date. */
  counting?: CountingRule | null
  /**
   * Cumulative values the plan expects by given dates (annual milestones), if it sets any;
   * progress interpolates between them instead of linearly over the period.
   */
  milestones?: Array<PlanMilestone>
}

/** Where one indicator (for the whole area or one region) stands as of a date. */
export interface IndicatorProgress {
  /** Indicator id, e.g. `subsidized-training`. */
  indicator: string
  /** The indicator's name in Chinese and English. */
  name: Label
  /** Region id; `None` for the whole plan area. */
  region?: string | null
  /** The clause that sets the indicator, e.g. `专栏1`. */
  clause: string
  /** Unit of the target and of every value: 人次 or 个. */
  unit: Unit
  /** How the achieved value is compared with the target. */
  comparator: Comparator
  /** The plan's target for the whole area, or the region's target from the options. */
  target: string
  /** The date the progress is computed for. */
  asOf: string
  /**
   * Cumulative value by the as-of date (or the period's end, if earlier); `None` without an
   * observation by then.
   */
  achieved?: string | null
  /** Date of the latest observation counted. */
  achievedOn?: string | null
  /** Whether `achieved` was reported, rolled up from the regions, or is absent. */
  source: Source
  /** achieved ÷ target. */
  completion?: string | null
  /** What is still missing: target − achieved, never below 0. */
  gap?: string | null
  /** Share of the period elapsed, 0 to 1. */
  elapsed: string
  /** Expected by now on the schedule. */
  expected: string
  /** `linear` over the period, or `milestones`. */
  expectedMethod: ExpectedMethod
  /** achieved ÷ expected. */
  performance?: string | null
  /** Schedule status as of the as-of date. */
  status: Status
  /** The status in Chinese and English, as reports show it. */
  statusLabel: Label
  /** Days from the as-of date to the period's end (0 once it is over). */
  remainingDays: number
  /**
   * Pace needed from now to close the gap by the end of the period, per month of 30.4375 days;
   * only for ≥ and > targets, and while days remain.
   */
  requiredPerMonth?: string | null
  /** The same pace per year of 365.25 days. */
  requiredPerYear?: string | null
  /** Pace so far: achieved ÷ elapsed days, per month. */
  achievedPerMonth?: string | null
  /** The four methods' projections, in [`ProjectionMethod`] order, applicable or not. */
  projections: Array<Projection>
}

/** One problem found in a plan, located by its path in the file (`indicators[2].parent`). */
export interface Issue {
  /** Why the plan is invalid there. */
  reason: Reason
  /** The path in the plan file, e.g. `indicators[2].parent`; empty for the file as a whole. */
  path: string
  /** What is wrong, in English. */
  message: string
}

/** A text in Chinese (as the plan writes it) and English. */
export interface Label {
  /** The Chinese text. */
  zh: string
  /** The English text. */
  en: string
}

/** What a rung of the ladder is. */
export type LevelKind = 'enterprise_internal' | 'certificate' | 'appointed_post'

/** A numbered measure, e.g. （二十五）加大职业技能培训投入力度. */
export interface Measure {
  /** The number as written, with full-width brackets, e.g. `（二十五）`. */
  id: string
  /** The measure's number (（二十五） → 25), by which queries find it. */
  number: number
  /** The chapter the measure is in. */
  chapter: string
  /** The measure's heading. */
  title: Label
  /** The full text, the closing responsibility parenthetical included. */
  textZh: string
  /** Who the measure makes responsible, when its text says. */
  responsibility?: Responsibility | null
}

/** Who issued the plan, when, under which number, for which period. */
export interface Metadata {
  /** Title of the plan itself. */
  title: Label
  /** Title of the notice that issued it (印发通知), if any. */
  noticeTitleZh?: string | null
  /** 发文字号, e.g. 吉人社联〔2022〕145号. */
  documentNumber: string
  /** 索引号 of the government information-disclosure catalogue. */
  indexNumber?: string | null
  /** Issuing departments, by department id, in the order the notice signs them. */
  issuers: Array<string>
  /** 成文日期. */
  writtenOn: string
  /** 发布日期. */
  publishedOn?: string | null
  /** The period the targets cover, both ends inclusive. */
  period: Period
  /** Addressees of the notice, as written (主送). */
  addressees: Array<string>
  /** The documents the plan says it is based on (依据). */
  basisDocuments: Array<Label>
  /** Where the text was published. */
  sourceUrl?: string | null
  /** The body of the issuing notice. */
  noticeTextZh?: string | null
  /** The plan's opening paragraph (before chapter 一). */
  preambleZh?: string | null
}

/** A caller-given point of the expected trajectory: by `date`, `value` should have been achieved. */
export interface Milestone {
  /** Indicator id. */
  indicator: string
  /** The day by which `value` is expected, within the plan period. */
  date: string
  /** Cumulative value expected by then, between 0 and the indicator's target. */
  value: string
}

/** The parts (「其中」) of an indicator against their whole, as of the report's date. */
export interface PartsCheck {
  /** Id of the whole indicator. */
  whole: string
  /** Ids of its parts, in plan order. */
  parts: Array<string>
  /** The whole's achieved value for the whole area, if any. */
  wholeAchieved?: string | null
  /**
   * Sum of the parts' achieved values (parts may overlap: it may exceed the whole); `None` when
   * no part has one.
   */
  partsAchieved?: string | null
  /** The whole's target. */
  wholeTarget: string
  /** Sum of the parts' targets. */
  partsTarget: string
  /** True when no single part has achieved more than its whole. */
  consistent: boolean
}

/** What a pathway screen shows. */
export interface Pathway {
  /** The date the pathway is computed for. */
  asOf: string
  /**
   * The requirement set used, by its `occupation`: `default`, or the occupation's own; `none`
   * when the plan has neither.
   */
  requirements: string
  /** The requirement set's name, in Chinese and English. */
  requirementsName: Label
  /** Held levels, lowest first. */
  held: Array<HeldLevelView>
  /** The highest level held. */
  currentLevel?: string | null
  /** What the held levels open (titles, subsidy caps). */
  unlocked: Array<Unlock>
  /** Every level above the current one, up to the highest the requirement set has, lowest first. */
  steps: Array<Step>
  /** True when no level is above the current one (within the requirement set's highest level). */
  atTop: boolean
}

/** A closed date interval. */
export interface Period {
  /** The first day, an ISO date. */
  start: string
  /** The last day (included), an ISO date. */
  end: string
}

/** A value an indicator should have reached by a date. */
export interface PlanMilestone {
  /** The date, an ISO date within the plan period. */
  date: string
  /** The cumulative value expected by then, an exact decimal between 0 and the target. */
  value: string
}

/** Something suspicious in the observations that does not stop the computation. */
export interface ProgressWarning {
  /** What the warning is about. */
  code: WarningCode
  /** The indicator concerned (for `part_exceeds_whole`, the part). */
  indicator: string
  /** Region id; `None` for the whole plan area. */
  region?: string | null
  /** What was found, in English, with the figures compared. */
  message: string
}

/**
 * One projection method's result with every intermediate value, so it can be audited.
 * Fields a method does not use are `None`.
 */
export interface Projection {
  /** The method. */
  method: ProjectionMethod
  /** False when the method cannot be applied; `note` says why. */
  applicable: boolean
  /** Why the method does not apply, in English; `None` when it applies. */
  note?: string | null
  /** Where the method starts from: the period's first day or, for the CAGR, the first observation. */
  baseDate?: string | null
  /** The value at `base_date`: 0, or the first observation's for the CAGR. */
  baseValue?: string | null
  /** Date of the latest observation used, on or before the as-of date. */
  latestDate?: string | null
  /** Cumulative value at `latest_date`. */
  latestValue?: string | null
  /** Observations used (the linear trend and anticipated progress also count their anchor at 0). */
  points?: number | null
  /** Slope per year (linear trend) or compound annual growth rate (CAGR). */
  rate?: string | null
  /** The rate needed to reach the target by the end of the period. */
  requiredRate?: string | null
  /** Value projected for the period's last day. */
  projectedValue?: string | null
  /**
   * The method's index: projected ÷ target (linear trend, anticipated progress), the current
   * status index, or UNSD's P = (projected − base) ÷ (target − base).
   */
  index?: string | null
  /** The method's class, e.g. `will_meet`, `substantial_progress`. */
  classification?: ProjectionClass | null
}

/** The class a projection method gives: each method has its own (README, "Progress"). */
export type ProjectionClass = 'will_meet' | 'will_not_meet' | 'target_met' | 'in_progress' | 'maintain_progress' | 'accelerate_progress' | 'reverse_trend' | 'substantial_progress' | 'fair_progress' | 'limited_or_no_progress'

/** The four projection methods of a progress report. */
export type ProjectionMethod = 'linear_trend' | 'escap_current_status' | 'escap_anticipated_progress' | 'unsd_cagr'

/** Why a plan file is invalid: the finer, equally stable, detail of `PLAN_INVALID`. */
export type Reason = 'wrong_type' | 'missing_field' | 'unknown_field' | 'not_a_number' | 'negative_target' | 'invalid_date' | 'unsupported_format' | 'empty_id' | 'duplicate_id' | 'unknown_reference' | 'cyclic_parent' | 'part_exceeds_whole' | 'unit_mismatch' | 'date_order' | 'invalid_region_code' | 'number_mismatch' | 'out_of_range' | 'invalid_rule'

/** A condition over one record: exactly one of `all`, `any`, `not`, or a `field` with one test. */
export interface RecordCondition {
  /** Every condition holds. */
  all?: Array<RecordCondition> | null
  /** At least one condition holds. */
  any?: Array<RecordCondition> | null
  /** `certificate_level` is this skill level or higher. */
  atLeast?: string | null
  /** The field equals this term id, level id, or (for `subsidised`) true or false. */
  equals?: ConditionValue | null
  /** The field a test reads. */
  field?: RecordField | null
  /** `groups` includes at least one of these group ids. */
  hasAny?: Array<string> | null
  /** The field is one of these term ids. */
  in?: Array<string> | null
  /** The condition does not hold. */
  not?: RecordCondition | null
  /** The field is given (true) or absent (false). */
  present?: boolean | null
}

/** The record fields a counting rule can test or date by. */
export type RecordField = 'training_type' | 'subsidised' | 'groups' | 'start_date' | 'end_date' | 'completion_date' | 'certificate_kind' | 'certificate_level' | 'certificate_date' | 'base_kind' | 'designated_date'

/** The kind of record a counting rule counts. */
export type RecordSubject = 'training' | 'base'

/** A region that targets and records can be attributed to. */
export interface Region {
  /** Stable identifier, e.g. `changchun`. */
  id: string
  /** GB/T 2260 code, six digits; absent for units that have none. */
  code?: string | null
  /** The region's name, e.g. 长春市. */
  name: Label
  /** What kind of administrative unit it is. */
  kind: RegionKind
  /** The enclosing region's id. */
  parent?: string | null
  /** Provenance or caveats, e.g. why a unit has no code. */
  note?: string | null
}

/** What kind of administrative unit a region is. */
export type RegionKind = 'province' | 'prefecture_city' | 'autonomous_prefecture' | 'management_area' | 'new_area'

/** A target for one region (from a published breakdown or from [`super::decompose`]). */
export interface RegionalTarget {
  /** Indicator id. */
  indicator: string
  /** Region id or GB/T 2260 code. */
  region: string
  /** The region's target, an exact decimal between 0 and 10^15. */
  target: string
}

/** Every indicator of a plan as of a date. */
export interface Report {
  /** The plan's id. */
  planId: string
  /** The plan's fingerprint: SHA-256 of its canonical JSON form. */
  fingerprint: string
  /** The date the report is computed for. */
  asOf: string
  /** The plan period's first day. */
  periodStart: string
  /** The plan period's last day. */
  periodEnd: string
  /** True when the as-of date is on or after the period's last day: statuses are final. */
  isFinal: boolean
  /** Whole-area progress, one row per indicator, in plan order. */
  indicators: Array<IndicatorProgress>
  /** Per-region progress, for each region with a target (from the options) and in plan order. */
  regions: Array<IndicatorProgress>
  /** One check per indicator that has parts (「其中」), in plan order. */
  parts: Array<PartsCheck>
  /** What looks suspicious in the observations (parts above their whole, regions against the whole). */
  warnings: Array<ProgressWarning>
}

/** What would turn an answer to "eligible". */
export type RequirementKind = 'change' | 'fact'

/** Who the plan makes responsible for a measure: the closing 「（…按职责分工负责）」. */
export interface Responsibility {
  /** The parenthetical as written. */
  textZh: string
  /** The lead department: the one named first, by the convention of joint documents. */
  lead?: string | null
  /** Every department named, in the order written (the lead included). */
  departments: Array<string>
  /** 「所有相关部门」: every relevant department, none named. */
  allRelevant: boolean
  /** 「按职责分工负责」 (each within its remit) rather than a sole 「负责」. */
  byDivisionOfDuties: boolean
}

/** One application route to a level, evaluated. */
export interface RouteProgress {
  /** The route's id in the plan's requirements. */
  id: string
  /** The route in words, in Chinese and English. */
  label: Label
  /** True when every condition is met on the as-of date. */
  met: boolean
  /**
   * When the last of its conditions is (or will first be) met, and never before the latest
   * level held was obtained; absent when a condition cannot be dated with what is known.
   */
  earliestDate?: string | null
  /** The least advanced condition's progress. */
  progress: string
  /** Each condition of the route, evaluated, in the plan's order. */
  conditions: Array<ConditionProgress>
}

/** The rule version applied. */
export interface RuleVersion {
  /** The version's id, e.g. `2025`. */
  id: string
  /** First day in force. */
  from: string
  /** Last day in force; `None` when open-ended. */
  to?: string | null
  /** The documents the version follows. */
  source: string
}

/** Kinds of school diplomas that routes name. */
export type SchoolType = 'technical_school' | 'senior_technical_school' | 'technician_college' | 'secondary_vocational' | 'higher_vocational' | 'junior_college' | 'bachelor' | 'master' | 'doctorate'

/** How an observed value is to be read. */
export type SeriesKind = 'cumulative' | 'day' | 'month' | 'quarter' | 'year'

/** A rung of the skill ladder. */
export interface SkillLevel {
  /** Stable identifier, e.g. `senior`. */
  id: string
  /** Position on the ladder, 1 = lowest. */
  ordinal: number
  /** The national level number of certificate levels: 5 (初级) … 1 (高级技师). */
  nationalLevel?: number | null
  /** The level's name, e.g. 三级/高级工; records may give either half. */
  name: Label
  /** What the rung is: set within an enterprise, a certificate level, or an appointed post. */
  kind: LevelKind
  /** The document the level comes from. */
  source: string
  /** How sure that source makes the level. */
  confidence: Confidence
  /** Cap of the 技能提升补贴 for a certificate at this level, in yuan, where national rules set one. */
  skillUpgradeSubsidyCap?: string | null
  /** Caveats, e.g. that an appointed post is not a certificate level. */
  note?: string | null
}

/** Where an achieved value came from. */
export type Source = 'reported' | 'rollup' | 'none'

/** Schedule status of an indicator as of a date. */
export type Status = 'met' | 'on_track' | 'behind' | 'far_behind' | 'missed' | 'not_started' | 'no_data'

/** A level above the worker's current one. */
export interface Step {
  /** Level id, e.g. `senior`. */
  level: string
  /** The level's name, in Chinese and English. */
  name: Label
  /** Position on the ladder, 1 = lowest. */
  ordinal: number
  /** The national level number of a certificate level: 5 (初级) … 1 (高级技师). */
  nationalLevel?: number | null
  /** Enterprise-internal, a certificate level, or an appointed post. */
  kind: LevelKind
  /**
   * The level to aim for next: the first above the current one that has an application route
   * (学徒工 and the appointed posts have none), or else the first above it.
   */
  isNext: boolean
  /** True when a route to the level is met on the as-of date. */
  canApplyNow: boolean
  /** The earliest date any route is met; absent when none can be with what is known. */
  earliestDate?: string | null
  /** Every application route to the level; empty when the requirements give none. */
  routes: Array<RouteProgress>
  /** What reaching the level opens, dated from `earliest_date`. */
  unlocks: Array<Unlock>
  /** The plan's note on the level, or why it has no application route. */
  note?: string | null
}

/** The four subsidies of （二十五）. */
export type SubsidyKind = 'training_subsidy' | 'skill_upgrade_subsidy' | 'evaluation_subsidy' | 'living_allowance'

/** One subsidy's answer without explanations: what a high-volume caller stores or sends on. */
export interface SubsidySummary {
  /** Which of the four subsidies. */
  id: SubsidyKind
  /** Eligible, not eligible, or undetermined. */
  status: EligibilityStatus
  /** Yuan, as an exact decimal string, where the rules define an amount. */
  amount?: string | null
  /** The id of the rule version applied. */
  version?: string | null
  /** The checks that failed. */
  failed: Array<CheckKind>
  /** The facts the answer lacks, by path. */
  missingFacts: Array<Fact>
}

/** The answer for one subsidy. */
export interface SubsidyView {
  /** Which of the four subsidies. */
  id: SubsidyKind
  /** The subsidy's name, in Chinese and English. */
  name: Label
  /** Eligible, not eligible, or undetermined. */
  status: EligibilityStatus
  /** Yuan, as an exact decimal string, where the rules define an amount. */
  amount?: string | null
  /** The fund that pays it. */
  fund: Label
  /** The plan's clauses, e.g. `（二十五）`. */
  clauses: Array<string>
  /** The rule version applied; `None` when the date that chooses it is not given or no version covers it. */
  version?: RuleVersion | null
  /** Every check made, explained, in order. */
  checks: Array<EligibilityCheck>
  /** For "not eligible" and "undetermined": the changes and facts that would make it "eligible". */
  toQualify: Array<EligibilityRequirement>
  /** The facts the answer lacks, by path. */
  missingFacts: Array<Fact>
  /** The values of the version applied that are documented defaults, not confirmed facts. */
  unconfirmed: Array<UnconfirmedValue>
}

/** A target group of the plan the person is in, or may be in. */
export interface TargetGroupDecision {
  /** The group's id in the plan. */
  id: string
  /** The group's name, in Chinese and English. */
  name: Label
  /** The plan clause that names the group, e.g. `（三）`. */
  clause: string
  /** A member, or undetermined. */
  status: GroupStatus
  /** Why the person is a member. */
  reasons: Array<Label>
  /** The facts that would settle an undetermined membership. */
  missingFacts: Array<Fact>
}

/** Thresholds of the schedule status, on performance = achieved ÷ expected by now. */
export interface Thresholds {
  /** At or above: on track. Default 0.95. */
  onTrack: string
  /** At or above (and below on-track): behind; below: far behind. Default 0.75. */
  behind: string
}

/** A professional title (职称). */
export interface Title {
  /** Stable identifier, e.g. `engineer`. */
  id: string
  /** The title's name, e.g. 工程师. */
  name: Label
  /** 初级, 中级, 副高级 or 正高级. */
  grade: TitleGrade
  /** The 职称 series, e.g. `engineering`. */
  series: string
}

/** Grade of a professional title. */
export type TitleGrade = 'junior' | 'intermediate' | 'deputy_senior' | 'senior'

/** A value the answer rests on that is a documented default rather than a confirmed fact. */
export interface UnconfirmedValue {
  /** The rule parameter, e.g. `amounts`; `version` for the rule version itself. */
  parameter: string
  /** Why the value is not confirmed. */
  note: string
}

/** The unit an indicator is counted in. */
export type Unit = 'person_times' | 'count'

/** Something reaching a level opens. */
export interface Unlock {
  /** A title (双贯通) or the 技能提升补贴 cap. */
  kind: UnlockKind
  /** The title id, or the level id for a subsidy. */
  id: string
  /** What it is called, in Chinese and English. */
  name: Label
  /** Years after the level that a title needs. */
  years?: number | null
  /** Earliest date it can be applied for. */
  availableFrom?: string | null
  /** The subsidy cap in yuan. */
  amount?: string | null
  /** Further conditions, as the rule words them. */
  conditions?: Label | null
  /** The documents it rests on. */
  source: string
  /** How sure the fact is; always `unconfirmed` for a subsidy cap. */
  confidence: Confidence
}

/** What reaching a level opens. */
export type UnlockKind = 'title' | 'skill_upgrade_subsidy'

/** What a progress warning is about. */
export type WarningCode = 'part_exceeds_whole' | 'regions_exceed_province' | 'rollup_mismatch'
