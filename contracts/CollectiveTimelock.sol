// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ICollectiveTimelock} from "./interfaces/ICollectiveTimelock.sol";

/// @title CollectiveTimelock
/// @notice Executes a collective's passed proposals after a delay: the grace period in which
/// members who disagree can leave first. It is the collective's governance, the one caller its
/// modules obey, and the account that holds the collective's shares in other collectives.
/// @dev Used through ERC-1167 clones. Only the governor schedules and executes, and
/// only the timelock itself changes its delay. The governor and the delay share one slot.
contract CollectiveTimelock is Initializable, ICollectiveTimelock {
    uint256 private constant _DONE = 1;

    address private _governor;
    uint48 private _delay;
    mapping(uint256 id => uint256) private _readyAt;

    modifier onlyGovernor() {
        if (msg.sender != _governor) revert TimelockUnauthorized(msg.sender);
        _;
    }

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a clone.
    /// @param governor_ The collective's governor.
    /// @param delay_ Seconds between queueing and execution.
    function initialize(address governor_, uint48 delay_) external initializer {
        _governor = governor_;
        _delay = delay_;
        emit DelayUpdated(0, delay_);
    }

    /// @notice Accepts ETH, e.g. a payout from a collective this one is a member of.
    receive() external payable {}

    /// @inheritdoc ICollectiveTimelock
    function schedule(uint256 id) external onlyGovernor returns (uint48 ready) {
        if (_readyAt[id] != 0) revert TimelockOperationExists(id);
        ready = uint48(block.timestamp) + _delay;
        _readyAt[id] = ready;
        emit OperationScheduled(id, ready);
    }

    /// @inheritdoc ICollectiveTimelock
    function execute(
        uint256 id,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas
    ) external payable onlyGovernor {
        uint256 ready = _readyAt[id];
        if (ready <= _DONE || ready > block.timestamp) revert TimelockOperationNotReady(id, ready);
        // Marked done before any call, so no call can run the operation again.
        _readyAt[id] = _DONE;
        for (uint256 i = 0; i < targets.length; ++i) {
            (bool success, bytes memory returndata) = targets[i].call{value: values[i]}(calldatas[i]);
            if (!success) {
                if (returndata.length == 0) revert TimelockCallFailed(id, i);
                Address.verifyCallResult(success, returndata);
            }
        }
        emit OperationExecuted(id);
    }

    /// @inheritdoc ICollectiveTimelock
    function updateDelay(uint48 newDelay) external {
        if (msg.sender != address(this)) revert TimelockOnlySelf(msg.sender);
        emit DelayUpdated(_delay, newDelay);
        _delay = newDelay;
    }

    /// @inheritdoc ICollectiveTimelock
    function getMinDelay() external view returns (uint256) {
        return _delay;
    }

    /// @inheritdoc ICollectiveTimelock
    function governor() external view returns (address) {
        return _governor;
    }

    /// @inheritdoc ICollectiveTimelock
    function readyAt(uint256 id) external view returns (uint256) {
        return _readyAt[id];
    }
}
