// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ICollectiveTimelock
/// @notice Runs a collective's passed proposals once their delay has passed. Operations are keyed
/// by the governor's proposal id, which already commits to every call, so the timelock keeps one
/// word per operation and repeats none of the calldata in its events.
interface ICollectiveTimelock {
    /// @notice `caller` is not the collective's governor.
    error TimelockUnauthorized(address caller);

    /// @notice Only the timelock itself (an executed proposal) may change its delay.
    error TimelockOnlySelf(address caller);

    /// @notice Operation `id` was already scheduled or executed.
    error TimelockOperationExists(uint256 id);

    /// @notice Operation `id` is not scheduled, or not ready until `readyAt`.
    error TimelockOperationNotReady(uint256 id, uint256 readyAt);

    /// @notice The call at `index` reverted without a reason.
    error TimelockCallFailed(uint256 id, uint256 index);

    /// @notice Operation `id` (a proposal id) can run from `readyAt` on.
    event OperationScheduled(uint256 indexed id, uint256 readyAt);

    /// @notice Operation `id` ran.
    event OperationExecuted(uint256 indexed id);

    /// @notice The delay changed from `oldDelay` to `newDelay` seconds.
    event DelayUpdated(uint256 oldDelay, uint256 newDelay);

    /// @notice Schedules operation `id` to be ready after the current delay.
    /// @dev Only the governor.
    /// @return readyAt When the operation becomes executable.
    function schedule(uint256 id) external returns (uint48 readyAt);

    /// @notice Runs the calls of a ready operation, in order, reverting all if one reverts.
    /// @dev Only the governor, which derived `id` from exactly these calls.
    function execute(
        uint256 id,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas
    ) external payable;

    /// @notice Sets the delay for operations scheduled from now on.
    /// @dev Only the timelock itself, i.e. through a proposal.
    function updateDelay(uint48 newDelay) external;

    /// @notice The delay, in seconds, between queueing and execution.
    function getMinDelay() external view returns (uint256);

    /// @notice The governor, the only account allowed to schedule and execute.
    function governor() external view returns (address);

    /// @notice When operation `id` is ready: 0 if unknown, 1 if done, else a timestamp.
    function readyAt(uint256 id) external view returns (uint256);
}
