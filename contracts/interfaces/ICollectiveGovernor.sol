// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/// @title ICollectiveGovernor
/// @notice What a collective's governor adds to OpenZeppelin's IGovernor: packed parameters,
/// an execution window after which a passed proposal expires, and the record of each member's
/// *for* votes that keeps them from leaving while a proposal they backed can still spend.
interface ICollectiveGovernor {
    /// @notice How votes count: by shares; one per member (a delegate casts one for each member
    /// whose votes it holds); or in two houses, where a proposal passes only if it passes, with
    /// its quorum, both by shares and by members.
    enum CountingRule {
        Shares,
        Members,
        Both
    }

    /// @notice The counting rule is 0 (by shares), 1 (one member, one vote) or 2 (both houses).
    error GovernorInvalidCountingRule(uint256 rule);

    /// @notice The counting rule changed; it applies to proposals whose snapshot is from then on.
    event CountingRuleSet(CountingRule oldRule, CountingRule newRule);

    /// @notice Under two houses, the members' house weight of `voter`'s vote (its `VoteCast` has the shares').
    event MemberVoteCast(address indexed voter, uint256 indexed proposalId, uint8 support, uint256 weight);

    /// @notice The proposal threshold is more than the shares' supply.
    error GovernorInvalidProposalThreshold(uint256 threshold);

    /// @notice The execution window must be from one hour to 90 days.
    error GovernorInvalidExecutionWindow(uint256 window);

    /// @notice The voting delay may be at most 30 days.
    error GovernorInvalidVotingDelay(uint256 delay);

    /// @notice `voter` backed proposal `proposalId`, which is still `state` and may yet run.
    error GovernorExitLocked(address voter, uint256 proposalId, IGovernor.ProposalState state);

    /// @notice `account` has never held votes in this collective, so it has none to cast.
    error GovernorNotAVoter(address account);

    /// @notice The proposals given are not exactly `voter`'s open *for* votes, in order.
    error GovernorForVotesMismatch(address voter);

    /// @notice `account` held votes at the proposal's snapshot but holds none now: it left (or
    /// moved its votes), so it has no say in what the collective does with what it no longer shares.
    error GovernorNoVotesLeft(address account);

    /// @notice Only the collective's treasury checks an exit.
    error GovernorNotTreasury(address caller);

    /// @notice `member`'s votes are (or were until recently) `delegate`'s, whose *for* votes on
    /// proposals that can still run, or not yet released, bind them: release them once those end.
    error GovernorDelegateBound(address member, address delegate);

    /// @notice `member` moved its votes away from one delegate and then another within the longest
    /// a proposal can take, so a delegate before the last may still bind them: they can leave from `until` on.
    error GovernorRecentlyMoved(address member, uint256 until);

    /// @notice Proposal `proposalId` takes objections only while queued, before its eta (`eta`).
    error GovernorVetoClosed(uint256 proposalId, uint256 eta);

    /// @notice `account` has already objected to this proposal.
    error GovernorAlreadyVetoed(address account);

    /// @notice The veto threshold must be from 1% to 50% of the supply.
    error GovernorInvalidVetoThreshold(uint256 percent);

    /// @notice `voter` objected to queued proposal `proposalId` with `weight` votes; `vetoes` so far.
    event VetoCast(address indexed voter, uint256 indexed proposalId, uint256 weight, uint256 vetoes, string reason);

    /// @notice Members' objections (`vetoes`) reached the veto quorum (`quorum`): the proposal is cancelled.
    event ProposalVetoed(uint256 indexed proposalId, uint256 vetoes, uint256 quorum);

    /// @notice The veto threshold changed (percent of the supply at a proposal's snapshot).
    event VetoThresholdSet(uint256 oldVetoPercent, uint256 newVetoPercent);

    /// @notice The voting delay changed (seconds).
    event VotingDelaySet(uint256 oldVotingDelay, uint256 newVotingDelay);

    /// @notice The voting period changed (seconds).
    event VotingPeriodSet(uint256 oldVotingPeriod, uint256 newVotingPeriod);

    /// @notice The proposal threshold changed (shares).
    event ProposalThresholdSet(uint256 oldProposalThreshold, uint256 newProposalThreshold);

    /// @notice The execution window changed (seconds).
    event ExecutionWindowSet(uint256 oldExecutionWindow, uint256 newExecutionWindow);

    /// @notice `count` of `voter`'s *for* votes, on proposals that can no longer run, were cleared;
    /// those on `kept`, which still can, remain, in order: the start of the next exit's list.
    event ForVotesReleased(address indexed voter, uint256 count, uint256[] kept);

    /// @notice Seconds after the vote ends in which a passed proposal must be queued, and after
    /// it is ready in which it must be executed; past either, it is Expired.
    function executionWindow() external view returns (uint256);

    /// @notice The execution window of `proposalId`: the one in force when its vote ended (or will
    /// end), which no later change of the window alters.
    function proposalExecutionWindow(uint256 proposalId) external view returns (uint256);

    /// @notice Objects to proposal `proposalId` while it waits in the timelock (queued, before its
    /// eta), weighted by the lesser of the caller's votes at its snapshot and now. Once objections
    /// reach the veto quorum the proposal is cancelled for good.
    /// @return weight The votes the objection counted.
    function veto(uint256 proposalId, string calldata reason) external returns (uint256 weight);

    /// @notice The veto threshold: the percentage of the supply at a proposal's snapshot whose
    /// objections cancel it, from 1 to 50.
    function vetoThreshold() external view returns (uint256);

    /// @notice Sets the veto threshold. Only governance.
    function setVetoThreshold(uint8 newVetoPercent) external;

    /// @notice The objections to `proposalId` so far, and whether they cancelled it.
    function proposalVetoes(uint256 proposalId) external view returns (uint256 votes, bool vetoed);

    /// @notice The objections that cancel `proposalId`: the veto threshold of the supply at its snapshot, rounded up.
    function vetoQuorum(uint256 proposalId) external view returns (uint256);

    /// @notice Whether `account` objected to `proposalId`.
    function hasVetoed(uint256 proposalId, address account) external view returns (bool);

    /// @notice How votes count for proposals whose snapshot is from now on.
    function countingRule() external view returns (CountingRule);

    /// @notice Sets the counting rule for proposals whose snapshot is after this. Only governance.
    function setCountingRule(uint8 newRule) external;

    /// @notice How `proposalId` counts: its rule (the one in force at its snapshot), and the members' tallies and quorum (the
    /// members who must vote for or abstain: the quorum percentage of the member count at its
    /// snapshot). Under one member, one vote they are its tallies (as `proposalVotes`); under two
    /// houses, the members' house, `proposalVotes` being the shares'; by shares, zeros.
    function proposalCounting(
        uint256 proposalId
    )
        external
        view
        returns (CountingRule rule, uint256 againstVotes, uint256 forVotes, uint256 abstainVotes, uint256 quorum);

    /// @notice Sets the voting delay. Only governance.
    function setVotingDelay(uint48 newVotingDelay) external;

    /// @notice Sets the voting period. Only governance.
    function setVotingPeriod(uint32 newVotingPeriod) external;

    /// @notice Sets the proposal threshold. Only governance.
    function setProposalThreshold(uint256 newProposalThreshold) external;

    /// @notice Sets the execution window. Only governance.
    function setExecutionWindow(uint32 newExecutionWindow) external;

    /// @notice A commitment to `voter`'s *for* votes since they were last released: a hash
    /// chain over the proposal ids, in voting order. Zero or one when there are none.
    function forVoteChain(address voter) external view returns (bytes32);

    /// @notice Clears `voter`'s *for* votes once every proposal they backed can no longer run
    /// (executed or failed, defeated, cancelled or expired), else reverts with `GovernorExitLocked`.
    /// Anyone may call it (a member whose delegate's votes bind them does, before leaving): it
    /// only ever clears, and with none left to clear it accepts any list and does nothing, so a
    /// release in front of an exit cannot make it revert.
    /// @param proposalIds The proposals `voter` voted *for* since the last release, in order
    /// (from the governor's `VoteCast` events); empty when there are none.
    function releaseForVotes(address voter, uint256[] calldata proposalIds) external;

    /// @notice Clears the caller's *for* votes on proposals that can no longer run and keeps those
    /// on proposals that still can, in order: the list an exit proves stays short.
    /// @param proposalIds The proposals the caller voted *for* since the last release, in order.
    /// @return remaining How many are kept.
    function pruneForVotes(uint256[] calldata proposalIds) external returns (uint256 remaining);

    /// @notice Whether `member` may leave: releases their own *for* votes (as `releaseForVotes`),
    /// and requires that the *for* votes of their delegate, and of the one they moved their votes
    /// away from within the longest a proposal can take, be released: what a delegate backed
    /// binds the shares it voted with. Only the treasury, on exit.
    function checkExit(address member, uint256[] calldata proposalIds) external;
}
