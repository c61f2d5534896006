/**
 * @rhizome/contracts: everything a TypeScript program needs to talk to Rhizome's contracts:
 * ABIs and bytecode generated from the build, known deployments by chain id, and typed viem
 * actions for deploying, creating collectives and building proposals.
 */
export * from "./generated/artifacts.js";
export { deployments } from "./generated/deployments.js";
export type { Deployment } from "./deployment-types.js";
export { deployRhizome, DeploymentFailedError, type DeployRhizomeParameters } from "./deploy.js";
export {
  createCollective,
  parseCollectiveCreated,
  settingsStruct,
  CollectiveNotCreatedError,
  type CollectiveModules,
  type CollectiveSettings,
  type CreateCollectiveParameters,
  type CreatedCollective,
  type Founder,
} from "./collective.js";
export { COUNTING_RULES, countingRuleOf, countingRuleValue, type CountingRule } from "./counting.js";
export {
  admissionProposal,
  descriptionHash,
  mintSharesProposal,
  paymentProposal,
  resolveWorkProposal,
  restrictToProposer,
  workProposal,
  type ProposalActions,
  type WorkTerms,
} from "./proposals.js";
export {
  bindingDelegates,
  exitableTokens,
  forVotesSinceRelease,
  ragequit,
  ragequitTokens,
  networkExits,
  type NetworkExit,
  releaseBindingDelegates,
  type BindingDelegate,
  type RefusedToken,
} from "./exit.js";
