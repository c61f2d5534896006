/**
 * @rhizome/contracts: everything a TypeScript program needs to talk to Rhizome's contracts:
 * ABIs and bytecode generated from the build, known deployments by chain id, and typed viem
 * actions for deploying, creating collectives, building proposals, taking them through the
 * governor (propose, vote, queue, execute, cancel: each a call builder and an action),
 * leaving, and signed actions (a vote, a delegation, an objection, a profile: each typed data to
 * sign or verify, a signer, and the call a relay sends).
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
  GOVERNANCE_PARAMETERS,
  mintSharesProposal,
  parameterProposal,
  paymentProposal,
  resolveWorkProposal,
  workProposal,
  type GovernanceParameter,
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
export {
  readSigningContext,
  readSigningDomain,
  type SigningContext,
  type SigningDomain,
} from "./signed/readSigningContext.js";
export {
  BALLOT_TYPES,
  EXTENDED_BALLOT_TYPES,
  ballotTypedData,
  castVoteBySig,
  castVoteBySigCall,
  signVote,
  type BallotMessage,
  type SignedVote,
  type SignVoteParameters,
} from "./signed/signVote.js";
export {
  DELEGATION_TYPES,
  delegateBySig,
  delegateBySigCall,
  delegationTypedData,
  signDelegation,
  type DelegationMessage,
  type SignedDelegation,
  type SignDelegationParameters,
} from "./signed/signDelegation.js";
export {
  OBJECTION_TYPES,
  objectBySig,
  objectBySigCall,
  objectionTypedData,
  signObjection,
  type ObjectionMessage,
  type SignedObjection,
  type SignObjectionParameters,
} from "./signed/signObjection.js";
export {
  PROFILE_TYPES,
  profileTypedData,
  setProfileBySig,
  setProfileBySigCall,
  signProfile,
  type ProfileMessage,
  type SignedProfile,
  type SignProfileParameters,
} from "./signed/signProfile.js";
