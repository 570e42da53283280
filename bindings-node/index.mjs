// ES module entry: the same native binding as `index.js` (CommonJS), with its named exports.
import binding from './index.js'

export const {
  EligibilityDecision,
  Plan,
  Tally,
  defaultPlan,
  errorKinds,
  injectFault,
  jsonSchema,
  loadPlan,
  loadPlanAsync,
  loadPlanStr,
  personKey,
  readObservations,
  version,
} = binding
export default binding
