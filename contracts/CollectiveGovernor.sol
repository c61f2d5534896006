// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {GovernorVotesUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesUpgradeable.sol";
import {GovernorVotesQuorumFractionUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesQuorumFractionUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IShares} from "./interfaces/IShares.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";
import {GovernorParameters} from "./governor/GovernorParameters.sol";
import {GovernorProposals} from "./governor/GovernorProposals.sol";
import {GovernorCounting} from "./governor/GovernorCounting.sol";
import {GovernorTimelock} from "./governor/GovernorTimelock.sol";
import {GovernorVeto} from "./governor/GovernorVeto.sol";

/// @title CollectiveGovernor
/// @notice A collective's proposals and votes: members propose actions, vote for, against or
/// abstain (with a reason, or by EIP-712 signature), and passed proposals run through the
/// timelock. Quorum is a percentage of the shares' supply at each proposal's snapshot. A passed
/// proposal that is not queued, or not executed, within the execution window expires.
/// @dev OpenZeppelin's Governor core with Rhizome's parameters, proposals, counting and timelock
/// extensions, used through ERC-1167 clones whose code carries the collective's shares and
/// timelock (see CloneArgs). The clock is the block timestamp, as the shares'.
contract CollectiveGovernor is
    Initializable,
    GovernorUpgradeable,
    GovernorParameters,
    GovernorProposals,
    GovernorCounting,
    GovernorVeto,
    GovernorVotesUpgradeable,
    GovernorVotesQuorumFractionUpgradeable,
    GovernorTimelock
{
    uint256 private constant MIN_QUORUM_PERCENT = 1;
    uint256 private constant MAX_QUORUM_PERCENT = 80;

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a clone.
    /// @param name_ The collective's name, also the EIP-712 domain name for `castVoteBySig`.
    /// @param votingDelay_ Seconds from a proposal to the start of its vote (its snapshot).
    /// @param votingPeriod_ Seconds the vote stays open.
    /// @param proposalThreshold_ Votes a member needs to propose.
    /// @param executionWindow_ Seconds a passed proposal has to be queued, then executed.
    /// @param quorumNumerator_ Percentage of the supply at the snapshot that must take part.
    /// @param vetoPercent_ Percentage of the supply at the snapshot whose objections cancel a queued proposal.
    /// @param countingRule_ How votes count: 0 by shares, 1 one member one vote, 2 both houses.
    function initialize(
        string calldata name_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint32 executionWindow_,
        uint256 quorumNumerator_,
        uint8 vetoPercent_,
        uint8 countingRule_
    ) external initializer {
        // The EIP-712 domain reads the governor's name; it is not stored a second time.
        __Governor_init_unchained(name_);
        __GovernorParameters_init(votingDelay_, votingPeriod_, proposalThreshold_, executionWindow_);
        __GovernorVotesQuorumFraction_init(quorumNumerator_);
        __GovernorVeto_init(vetoPercent_);
        __GovernorCounting_init(countingRule_);
    }

    /// @notice The collective's shares, whose checkpoints give voting power.
    function token() public view override returns (IERC5805) {
        return IERC5805(CloneArgs.addressAt(0));
    }

    /// @notice The clock is the block timestamp (ERC-6372), as in the collective's shares.
    function clock() public view override(GovernorUpgradeable, GovernorVotesUpgradeable) returns (uint48) {
        return Time.timestamp();
    }

    /// @notice The clock mode, as ERC-6372 describes it.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(GovernorUpgradeable, GovernorVotesUpgradeable) returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice A proposal's state, as OpenZeppelin's Governor and GovernorParameters (expiry) give
    /// it, except that a queued proposal members vetoed during the delay is Canceled, for good.
    function state(
        uint256 proposalId
    ) public view override(GovernorUpgradeable, GovernorParameters) returns (ProposalState current) {
        current = super.state(proposalId);
        if ((current == ProposalState.Queued || current == ProposalState.Expired) && _vetoed(proposalId)) {
            return ProposalState.Canceled;
        }
    }

    /// @inheritdoc GovernorProposals
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public override(GovernorUpgradeable, GovernorProposals) returns (uint256) {
        return super.propose(targets, values, calldatas, description);
    }

    /// @inheritdoc GovernorProposals
    function hashProposal(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public pure override(GovernorUpgradeable, GovernorProposals) returns (uint256) {
        return super.hashProposal(targets, values, calldatas, descriptionHash);
    }

    /// @inheritdoc GovernorTimelock
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(GovernorUpgradeable, GovernorTimelock) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc GovernorParameters
    function proposalThreshold() public view override(GovernorUpgradeable, GovernorParameters) returns (uint256) {
        return super.proposalThreshold();
    }

    function _proposerVotes(address proposer, uint256 timepoint) internal view override returns (uint256) {
        return IERC5805(CloneArgs.addressAt(0)).getPastVotes(proposer, timepoint);
    }

    function _shares() internal view override returns (IShares) {
        return IShares(CloneArgs.addressAt(0));
    }

    /// @dev The treasury, third in the clone's code.
    function _treasury() internal view override returns (address) {
        return CloneArgs.addressAt(2);
    }

    function _longestProposalLife() internal view override returns (uint256) {
        return votingPeriod() + 2 * executionWindow() + _timelockDelay();
    }

    function _quorumPercentAt(uint256 timepoint) internal view override returns (uint256) {
        return quorumNumerator(timepoint);
    }

    function _supplyNow() internal view override returns (uint256) {
        return IERC20(CloneArgs.addressAt(0)).totalSupply();
    }

    /// @dev A quorum from 1% to 80%: with none, one vote decides; with all, one absent member
    /// blocks everything, for good, since changing it takes a vote.
    function _updateQuorumNumerator(uint256 newQuorumNumerator) internal override {
        if (newQuorumNumerator < MIN_QUORUM_PERCENT || newQuorumNumerator > MAX_QUORUM_PERCENT) {
            revert GovernorInvalidQuorumFraction(newQuorumNumerator, quorumDenominator());
        }
        super._updateQuorumNumerator(newQuorumNumerator);
    }

    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Name() internal view override returns (string memory) {
        return name();
    }

    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Version() internal view override returns (string memory) {
        return version();
    }

    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory params
    ) internal override(GovernorUpgradeable, GovernorCounting) returns (uint256) {
        return super._countVote(proposalId, account, support, totalWeight, params);
    }

    function _quorumReached(
        uint256 proposalId
    ) internal view override(GovernorUpgradeable, GovernorCounting) returns (bool) {
        return super._quorumReached(proposalId);
    }

    function _voteSucceeded(
        uint256 proposalId
    ) internal view override(GovernorUpgradeable, GovernorCounting) returns (bool) {
        return super._voteSucceeded(proposalId);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(GovernorUpgradeable, GovernorTimelock) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(GovernorUpgradeable, GovernorTimelock) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(GovernorUpgradeable, GovernorTimelock) returns (address) {
        return super._executor();
    }
}
