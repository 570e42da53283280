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

/** The answer the options ask for: the summary with `explain: false`, else the explained decision. */
export type Answer<O> = O extends { explain: false } ? DecisionSummary : EligibilityDecision
