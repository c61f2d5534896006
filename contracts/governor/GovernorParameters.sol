// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {ICollectiveGovernor} from "../interfaces/ICollectiveGovernor.sol";

/// @title GovernorParameters
/// @notice The governor's settings, changeable only by governance: voting delay, voting period,
/// proposal threshold, and the execution window after which a passed proposal expires.
/// @dev All four share one storage slot, so `propose` reads its settings with one SLOAD.
abstract contract GovernorParameters is GovernorUpgradeable, ICollectiveGovernor {
    struct Parameters {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint32 executionWindow;
        uint64 proposalThreshold;
    }

    Parameters private _parameters;

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
        _setProposalThreshold(newProposalThreshold);
    }

    /// @inheritdoc ICollectiveGovernor
    function setExecutionWindow(uint32 newExecutionWindow) external onlyGovernance {
        _setExecutionWindow(newExecutionWindow);
    }

    /// @dev The voting delay, the voting period and the proposal threshold, from one SLOAD.
    function _proposalSettings() internal view returns (uint256 delay, uint256 period, uint256 threshold) {
        Parameters storage parameters = _parameters;
        return (parameters.votingDelay, parameters.votingPeriod, parameters.proposalThreshold);
    }

    /// @notice A passed proposal that was not queued within the execution window after its vote
    /// ended, or not executed within the window after it became ready, is Expired.
    function state(uint256 proposalId) public view virtual override returns (ProposalState current) {
        current = super.state(proposalId);
        if (current == ProposalState.Succeeded) {
            if (clock() > proposalDeadline(proposalId) + _parameters.executionWindow) return ProposalState.Expired;
        } else if (current == ProposalState.Queued) {
            if (clock() > proposalEta(proposalId) + _parameters.executionWindow) return ProposalState.Expired;
        }
    }

    function _setVotingDelay(uint48 newVotingDelay) private {
        emit VotingDelaySet(_parameters.votingDelay, newVotingDelay);
        _parameters.votingDelay = newVotingDelay;
    }

    function _setVotingPeriod(uint32 newVotingPeriod) private {
        if (newVotingPeriod == 0) revert GovernorInvalidVotingPeriod(0);
        emit VotingPeriodSet(_parameters.votingPeriod, newVotingPeriod);
        _parameters.votingPeriod = newVotingPeriod;
    }

    function _setProposalThreshold(uint256 newProposalThreshold) private {
        if (newProposalThreshold > type(uint64).max) revert GovernorInvalidProposalThreshold(newProposalThreshold);
        emit ProposalThresholdSet(_parameters.proposalThreshold, newProposalThreshold);
        _parameters.proposalThreshold = uint64(newProposalThreshold);
    }

    function _setExecutionWindow(uint32 newExecutionWindow) private {
        if (newExecutionWindow == 0) revert GovernorInvalidExecutionWindow(0);
        emit ExecutionWindowSet(_parameters.executionWindow, newExecutionWindow);
        _parameters.executionWindow = newExecutionWindow;
    }
}
