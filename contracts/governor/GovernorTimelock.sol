// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {ICollectiveTimelock} from "../interfaces/ICollectiveTimelock.sol";
import {CloneArgs} from "../utils/CloneArgs.sol";

/// @title GovernorTimelock
/// @notice Passed proposals are queued in the collective's timelock and executed by it, so the
/// timelock, not the governor, is the collective's governance and holds its authority.
/// @dev The timelock keys operations by proposal id: the governor derives that id from the
/// very calls it hands over, so nothing else needs hashing or storing on either side. The
/// timelock's address is the second one in the clone's code (see CloneArgs).
abstract contract GovernorTimelock is GovernorUpgradeable {
    /// @dev The timelock's mark of an operation whose calls reverted (see CollectiveTimelock).
    uint256 private constant _FAILED = 2;

    /// @notice The collective's timelock, which executes passed proposals.
    function timelock() public view returns (address) {
        return address(_timelock());
    }

    /// @dev The timelock's delay now.
    function _timelockDelay() internal view returns (uint256) {
        return _timelock().getMinDelay();
    }

    function _timelock() private view returns (ICollectiveTimelock) {
        return ICollectiveTimelock(CloneArgs.addressAt(1));
    }

    /// @notice Every proposal is queued in the timelock before it can run.
    function proposalNeedsQueuing(uint256) public view virtual override returns (bool) {
        return true;
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory,
        uint256[] memory,
        bytes[] memory,
        bytes32
    ) internal virtual override returns (uint48) {
        return _timelock().schedule(proposalId);
    }

    /// @notice Whether proposal `proposalId` was executed and its calls reverted: it is over,
    /// as an executed proposal is, but nothing it asked for happened.
    function proposalFailed(uint256 proposalId) public view returns (bool) {
        return _timelock().readyAt(proposalId) == _FAILED;
    }

    /// @dev The timelock runs the calls, or records that they failed: either way the proposal is
    /// executed (final), and a proposal that cannot run never keeps its backers from leaving.
    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32
    ) internal virtual override {
        _timelock().execute{value: msg.value}(proposalId, targets, values, calldatas);
    }

    function _executor() internal view virtual override returns (address) {
        return address(_timelock());
    }
}
