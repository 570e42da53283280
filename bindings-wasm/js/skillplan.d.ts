// The declarations of skillplan's browser build (skillplan.js, and node.mjs for Node). The
// types of inputs and answers are the core's (types.d.ts, generated); these are the calls.
import type {
  Clause, Column, CrosswalkEntry, DecisionSummary, DecisionView, Department, EducationEquivalence, EligibilityOptions,
  ErrorClass, ErrorCode, Indicator, IndicatorProgress, Measure, Metadata, ObservationInput, OfferInput, Pathway,
  ProfileInput, ProgressOptions, Region, RegionalTarget, Report, SkillLevel, Title, WorkerInput,
} from './types.js'

export * from './types.js'

/** The answer the options ask for: the summary with `explain: false`, else the explained decision. */
export type Answer<O> = O extends { explain: false } ? DecisionSummary : DecisionView

/** What loads the module: a URL, a fetch `Response`, the bytes, or a compiled module. */
export type ModuleSource = string | URL | Response | BufferSource | WebAssembly.Module

/** Loads the module (by default the `.wasm` beside skillplan.js); call once before anything else. */
export function init(source?: ModuleSource | Promise<Response>): Promise<void>
/** Loads the module from its bytes or a compiled module, synchronously (mini-programs, workers, Node). */
export function initSync(module: BufferSource | WebAssembly.Module): void

/** A loaded, validated plan. Immutable. */
export class Plan {
  private constructor()
  /** Stable identifier of the plan, e.g. "jilin-2022-2025". */
  readonly id: string
  /** SHA-256 of the plan's canonical form: equal fingerprints mean the same definition. */
  readonly fingerprint: string
  /** Who issued the plan, when, under which number, for which period. */
  readonly metadata: Metadata
  /** All indicators, in the plan's order. */
  indicators(): Array<Indicator>
  /** One indicator by id; throws UNKNOWN_INDICATOR. */
  indicator(id: string): Indicator
  /** The indicators that are parts (「其中」) of `id`. */
  parts(id: string): Array<Indicator>
  /** The measures （一）…, in the plan's order. */
  measures(): Array<Measure>
  /** A measure by label ("（二十五）", "(二十五)") or number ("25"). */
  measure(id: string): Measure
  /** The boxed columns 专栏1…, each with its items. */
  columns(): Array<Column>
  /** Any clause: "三", "（二十五）", "25", "专栏2", "专栏2.1". */
  clause(id: string): Clause
  /** The departments the plan names. */
  departments(): Array<Department>
  /** A department by id, short name (省教育厅), full name or alias. */
  department(name: string): Department
  /** The measures that name `department` as responsible (lead or listed). */
  measuresForDepartment(department: string): Array<Measure>
  /** The measures assigned to 「所有相关部门」. */
  measuresForAllRelevant(): Array<Measure>
  /** The regions and administrative units, with GB/T 2260 codes. */
  regions(): Array<Region>
  /** A region by id, name or GB/T 2260 code. */
  region(idOrCode: string): Region
  /** The plan's canonical JSON. */
  toJson(): string
  /** Progress of every indicator as of `options.asOf`; values as decimal strings or safe integers. */
  progress(observations: Array<ObservationInput>, options: ProgressOptions): Report
  /** The report of `progress` as CSV: one row per indicator (and region). */
  progressCsv(observations: Array<ObservationInput>, options: ProgressOptions): string
  /** Progress of one indicator, for the whole area or a region with a target in `options.regionalTargets`. */
  indicatorProgress(
    observations: Array<ObservationInput>,
    indicator: string,
    options: ProgressOptions,
    region?: string | null,
  ): IndicatorProgress
  /** Splits an indicator's target over regions by weights so the parts add up exactly. */
  decompose(indicator: string, weights: Array<{ region: string; weight: string | number }>): Array<RegionalTarget>
  /** The skill ladder, lowest level first (学徒工 … 首席技师). */
  skillLevels(): Array<SkillLevel>
  /** The professional titles (职称) the crosswalk leads to. */
  titles(): Array<Title>
  /** The 双贯通 crosswalk entries of a level, both directions. */
  crosswalkForLevel(level: string): Array<CrosswalkEntry>
  /** The 双贯通 crosswalk entries of a title (id or Chinese name), both directions. */
  crosswalkForTitle(title: string): Array<CrosswalkEntry>
  /** Equivalences of 技工院校 classes (中级工班 ≈ 中专 …) and their limits. */
  educationEquivalences(): Array<EducationEquivalence>
  /** A worker's pathway as of `asOf` (ISO date): levels held, the levels above, routes, earliest dates, unlocks. */
  pathway(worker: WorkerInput, asOf: string): Pathway
  /**
   * Target groups and, for each subsidy of （二十五）, eligible / not_eligible / undetermined with the
   * amount. Explained unless `options.explain` is false (the fast answer). Throws INVALID_PROFILE /
   * INVALID_OFFER with the field's path.
   */
  checkEligibility<O extends EligibilityOptions = {}>(
    profile: ProfileInput | string,
    offer: OfferInput | string | null | undefined,
    asOf: string,
    options?: O | null,
  ): Answer<O>
  /** `checkEligibility` from JSON text to JSON text. */
  checkEligibilityJson(
    profileJson: string,
    offerJson: string | null | undefined,
    asOf: string,
    options?: EligibilityOptions | null,
  ): string
  /** `checkEligibility` for many profiles and one offer, in order; a bad profile throws at `profiles[i]…`. */
  checkEligibilityBatch<O extends EligibilityOptions = {}>(
    profiles: Array<ProfileInput>,
    offer: OfferInput | string | null | undefined,
    asOf: string,
    options?: O | null,
  ): Array<Answer<O>>
}

/** The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号). */
export function defaultPlan(): Plan
/** Loads and validates a plan from TOML text, or from bytes (which must be UTF-8). */
export function loadPlanStr(text: string | Uint8Array): Plan
/** Observations from the bytes (or text) of a CSV or JSON file, every field as text. */
export function readObservations(
  input: string | Uint8Array | ArrayBuffer,
  format: 'csv' | 'json',
  encoding?: 'auto' | 'utf-8' | 'gb18030' | null,
): Array<ObservationInput>
/** The person key of one ID number: HMAC-SHA256(salt, the normalised ID) as 64 hex digits. */
export function personKey(idNumber: string, salt: string | Uint8Array): string
/** Every error code with the kind of error it is (`kind` of the errors thrown). */
export function errorKinds(): Array<[ErrorCode, ErrorClass]>
/** The JSON Schema of the plan data format. */
export function jsonSchema(): string
/** The version of this package and of the skillplan core inside it. */
export function version(): string
/** Makes the next call of `operation` (or `*`) throw INTERNAL as a panic would, once; the module goes on. */
export function injectFault(operation: string): void
