// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {ICollectiveGovernor} from "../interfaces/ICollectiveGovernor.sol";

/// @title GovernorParameters
/// @notice The governor's settings, changeable only by governance: voting delay, voting period,
/// proposal threshold, and the execution window after which a passed proposal expires.
/// @dev All four share one storage slot, so `propose` reads its settings with one SLOAD. The
/// execution window's history is kept too: a proposal's window is the one in force when its vote
/// ended, so changing the window never revives an expired proposal nor shortens a passed one's.
abstract contract GovernorParameters is GovernorUpgradeable, ICollectiveGovernor {
    using Checkpoints for Checkpoints.Trace208;

    struct Parameters {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint32 executionWindow;
        uint64 proposalThreshold;
    }

    /// @dev Bounds of the settings, so that no proposal can leave a collective unable to decide:
    /// a vote too short to take part in, a delay or window no one would wait out, a threshold
    /// no member reaches. The quorum's are in CollectiveGovernor, the timelock's and the work
    /// module's in theirs.
    uint256 internal constant MAX_VOTING_DELAY = 30 days;
    uint256 internal constant MIN_VOTING_PERIOD = 10 minutes;
    uint256 internal constant MAX_VOTING_PERIOD = 30 days;
    uint256 internal constant MIN_EXECUTION_WINDOW = 1 hours;
    uint256 internal constant MAX_EXECUTION_WINDOW = 90 days;

    Parameters private _parameters;
    Checkpoints.Trace208 private _executionWindows;

    // solhint-disable-next-line func-name-mixedcase
    function __GovernorParameters_init(
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint32 executionWindow_
    ) internal onlyInitializing {
        _setVotingDelay(votingDelay_);
        _setVotingPeriod(votingPeriod_);
        _setProposalThreshold(proposalThreshold_);
        _setExecutionWindow(executionWindow_);
    }

    /// @notice Seconds from a proposal to the start of its vote, its snapshot.
    function votingDelay() public view override returns (uint256) {
        return _parameters.votingDelay;
    }

    /// @notice Seconds a vote stays open.
    function votingPeriod() public view override returns (uint256) {
        return _parameters.votingPeriod;
    }

    /// @inheritdoc GovernorUpgradeable
    function proposalThreshold() public view virtual override returns (uint256) {
        return _parameters.proposalThreshold;
    }

    /// @inheritdoc ICollectiveGovernor
    function executionWindow() public view returns (uint256) {
        return _parameters.executionWindow;
    }

    /// @inheritdoc ICollectiveGovernor
    function setVotingDelay(uint48 newVotingDelay) external onlyGovernance {
        _setVotingDelay(newVotingDelay);
    }

    /// @inheritdoc ICollectiveGovernor
    function setVotingPeriod(uint32 newVotingPeriod) external onlyGovernance {
        _setVotingPeriod(newVotingPeriod);
    }

    /// @inheritdoc ICollectiveGovernor
    function setProposalThreshold(uint256 newProposalThreshold) external onlyGovernance {
        // More than the supply, no one could ever propose again (founders are checked by the factory).
        if (newProposalThreshold > _supplyNow()) revert GovernorInvalidProposalThreshold(newProposalThreshold);
        _setProposalThreshold(newProposalThreshold);
    }

    /// @inheritdoc ICollectiveGovernor
    function setExecutionWindow(uint32 newExecutionWindow) external onlyGovernance {
        _setExecutionWindow(newExecutionWindow);
    }

    /// @dev The shares' supply now.
    function _supplyNow() internal view virtual returns (uint256);

    /// @dev The voting delay, the voting period and the proposal threshold, from one SLOAD.
    function _proposalSettings() internal view returns (uint256 delay, uint256 period, uint256 threshold) {
        Parameters storage parameters = _parameters;
        return (parameters.votingDelay, parameters.votingPeriod, parameters.proposalThreshold);
    }

    /// @inheritdoc ICollectiveGovernor
    function proposalExecutionWindow(uint256 proposalId) public view returns (uint256) {
        return _executionWindows.upperLookupRecent(uint48(proposalDeadline(proposalId)));
    }

    /// @notice A passed proposal that was not queued within its execution window after its vote
    /// ended, or not executed within the window after it became ready, is Expired, for good: its
    /// window is the one in force when its vote ended.
    function state(uint256 proposalId) public view virtual override returns (ProposalState current) {
        current = super.state(proposalId);
        if (current == ProposalState.Succeeded) {
            uint256 deadline = proposalDeadline(proposalId);
            if (clock() > deadline + proposalExecutionWindow(proposalId)) return ProposalState.Expired;
        } else if (current == ProposalState.Queued) {
            if (clock() > proposalEta(proposalId) + proposalExecutionWindow(proposalId)) return ProposalState.Expired;
        }
    }

    function _setVotingDelay(uint48 newVotingDelay) private {
        if (newVotingDelay > MAX_VOTING_DELAY) revert GovernorInvalidVotingDelay(newVotingDelay);
        emit VotingDelaySet(_parameters.votingDelay, newVotingDelay);
        _parameters.votingDelay = newVotingDelay;
    }

    function _setVotingPeriod(uint32 newVotingPeriod) private {
        if (newVotingPeriod < MIN_VOTING_PERIOD || newVotingPeriod > MAX_VOTING_PERIOD) {
            revert GovernorInvalidVotingPeriod(newVotingPeriod);
        }
        emit VotingPeriodSet(_parameters.votingPeriod, newVotingPeriod);
        _parameters.votingPeriod = newVotingPeriod;
    }

    function _setProposalThreshold(uint256 newProposalThreshold) private {
        if (newProposalThreshold > type(uint64).max) revert GovernorInvalidProposalThreshold(newProposalThreshold);
        emit ProposalThresholdSet(_parameters.proposalThreshold, newProposalThreshold);
        _parameters.proposalThreshold = uint64(newProposalThreshold);
    }

    function _setExecutionWindow(uint32 newExecutionWindow) private {
        if (newExecutionWindow < MIN_EXECUTION_WINDOW || newExecutionWindow > MAX_EXECUTION_WINDOW) {
            revert GovernorInvalidExecutionWindow(newExecutionWindow);
        }
        emit ExecutionWindowSet(_parameters.executionWindow, newExecutionWindow);
        _parameters.executionWindow = newExecutionWindow;
        _executionWindows.push(clock(), newExecutionWindow);
    }
}
