// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ICollectiveTimelock} from "./interfaces/ICollectiveTimelock.sol";
import {IShares} from "./interfaces/IShares.sol";
import {ITreasury} from "./interfaces/ITreasury.sol";

/// @dev The governor's ERC-5805 token: the collective's shares.
interface IVotesGovernor {
    function token() external view returns (address);
}

/// @title CollectiveTimelock
/// @notice Executes a collective's passed proposals after a delay: the grace period in which
/// members who disagree can leave first. It is the collective's governance, the one caller its
/// modules obey, and the account that holds the collective's shares in other collectives.
/// @dev Used through ERC-1167 clones. Only the governor schedules and executes, and
/// only the timelock itself changes its delay. The governor and the delay share one slot.
contract CollectiveTimelock is Initializable, ICollectiveTimelock {
    uint256 private constant _DONE = 1;
    uint256 private constant _FAILED = 2;
    /// @dev The gas an execution must have had for a failure to count. A call keeps 1/64 of the
    /// gas at each level and nested calls give back what they did not use, so a timelock cannot
    /// tell a call that failed from one its executor starved; with this much, only an operation
    /// that needs more than most blocks' gas can be starved. Executing costs only the gas used.
    uint256 private constant _GAS_TO_FAIL = 8_000_000;
    /// @dev The longest delay: a delay no one would wait out leaves passed proposals unable to run.
    uint256 private constant _MAX_DELAY = 30 days;

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
        if (delay_ > _MAX_DELAY) revert TimelockInvalidDelay(delay_);
        _governor = governor_;
        _delay = delay_;
        emit DelayUpdated(0, delay_);
    }

    /// @notice Accepts ETH, e.g. a payout from a collective this one is a member of.
    receive() external payable {}

    /// @inheritdoc ICollectiveTimelock
    function exitFrom(
        address treasury,
        uint256 shares,
        address[] calldata tokens,
        uint256[] calldata forVotes,
        address to
    ) external {
        // The collective's modules are in its shares' code: the treasury, the work module, and this timelock.
        if (!IShares(IVotesGovernor(_governor).token()).isModule(msg.sender)) revert TimelockUnauthorized(msg.sender);
        ITreasury(treasury).ragequitTo(shares, tokens, forVotes, to);
    }

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
    ) external payable onlyGovernor returns (bool succeeded) {
        uint256 ready = _readyAt[id];
        if (ready <= _FAILED || ready > block.timestamp) revert TimelockOperationNotReady(id, ready);
        // Marked done before any call, so no call can run the operation again.
        _readyAt[id] = _DONE;
        uint256 gasBefore = gasleft();
        try this.run{value: msg.value}(id, targets, values, calldatas) {
            emit OperationExecuted(id);
            return true;
        } catch (bytes memory reason) {
            // The calls may have failed for want of the gas the executor held back: that is not
            // the operation failing, and must not end it.
            if (gasBefore < _GAS_TO_FAIL) revert TimelockInsufficientGas(id);
            _readyAt[id] = _FAILED;
            emit OperationFailed(id, reason);
            return false;
        }
    }

    /// @inheritdoc ICollectiveTimelock
    function run(
        uint256 id,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas
    ) external payable {
        if (msg.sender != address(this)) revert TimelockOnlySelf(msg.sender);
        for (uint256 i = 0; i < targets.length; ++i) {
            (bool success, bytes memory returndata) = targets[i].call{value: values[i]}(calldatas[i]);
            if (!success) {
                if (returndata.length == 0) revert TimelockCallFailed(id, i);
                Address.verifyCallResult(success, returndata);
            }
        }
    }

    /// @inheritdoc ICollectiveTimelock
    function updateDelay(uint48 newDelay) external {
        if (msg.sender != address(this)) revert TimelockOnlySelf(msg.sender);
        if (newDelay > _MAX_DELAY) revert TimelockInvalidDelay(newDelay);
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
