/**
 * @rhizome/contracts: everything a TypeScript program needs to talk to Rhizome's contracts:
 * ABIs and bytecode generated from the build, known deployments by chain id, and typed viem
 * actions for deploying, creating collectives, building proposals, taking them through the
 * governor (propose, vote, queue, execute, cancel: each a call builder and an action) and
 * leaving.
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
  mintSharesProposal,
  paymentProposal,
  resolveWorkProposal,
  workProposal,
  type WorkTerms,
} from "./proposals.js";
export {
  descriptionHash,
  parseDescription,
  proposalIdOf,
  proposalOperation,
  restrictToProposer,
  type ParsedDescription,
  type ProposalActions,
} from "./governance/operation.js";
export { propose, proposeCall, proposalCreated, type ProposeParameters } from "./governance/propose.js";
export { castVote, castVoteCall, SUPPORT, type CastVoteParameters, type Support } from "./governance/castVote.js";
export { queue, queueCall, type QueueParameters } from "./governance/queue.js";
export { execute, executeCall, type ExecuteParameters } from "./governance/execute.js";
export { cancel, cancelCall, type CancelParameters } from "./governance/cancel.js";
export {
  describeActions,
  PROPOSAL_KINDS,
  type DescribedAction,
  type ProposalContext,
  type ProposalKind,
} from "./governance/describeActions.js";
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
  type ForVotesSource,
  type RefusedToken,
} from "./exit.js";
