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

    /// @notice The delay may be at most 30 days.
    error TimelockInvalidDelay(uint256 delay);

    /// @notice Operation `id` was already scheduled or executed.
    error TimelockOperationExists(uint256 id);

    /// @notice Operation `id` is not scheduled, or not ready until `readyAt`.
    error TimelockOperationNotReady(uint256 id, uint256 readyAt);

    /// @notice The call at `index` reverted without a reason.
    error TimelockCallFailed(uint256 id, uint256 index);

    /// @notice Operation `id`'s calls reverted with less than 8,000,000 gas to run: they may have
    /// run out of the gas the executor gave, so the operation neither runs nor fails for good.
    error TimelockInsufficientGas(uint256 id);

    /// @notice Operation `id` (a proposal id) can run from `readyAt` on.
    event OperationScheduled(uint256 indexed id, uint256 readyAt);

    /// @notice Operation `id` ran.
    event OperationExecuted(uint256 indexed id);

    /// @notice Operation `id`'s calls reverted (with `reason`, the revert data) and were undone; it
    /// is over for good, as if executed: nothing backing it can keep anyone from leaving.
    event OperationFailed(uint256 indexed id, bytes reason);

    /// @notice The delay changed from `oldDelay` to `newDelay` seconds.
    event DelayUpdated(uint256 oldDelay, uint256 newDelay);

    /// @notice Schedules operation `id` to be ready after the current delay.
    /// @dev Only the governor.
    /// @return readyAt When the operation becomes executable.
    function schedule(uint256 id) external returns (uint48 readyAt);

    /// @notice Runs the calls of a ready operation, in order, all or none. If one reverts, none
    /// takes effect and the operation fails for good (`OperationFailed`): a proposal that cannot
    /// run (an applicant who withdrew, a payee that refuses ETH) ends instead of waiting out its
    /// execution window.
    /// @dev Only the governor, which derived `id` from exactly these calls.
    /// @return succeeded Whether the calls ran.
    function execute(
        uint256 id,
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata calldatas
    ) external payable returns (bool succeeded);

    /// @notice The calls of an operation being executed; reverts them all if one reverts.
    /// @dev Only the timelock itself, from `execute`, so that a failure can be undone and recorded.
    function run(
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

    /// @notice When operation `id` is ready: 0 if unknown, 1 if executed, 2 if it failed, else a timestamp.
    function readyAt(uint256 id) external view returns (uint256);

    /// @notice Leaves collective `treasury` with `shares` of the shares this timelock holds there,
    /// paid to `to`: the pass-through of a member's exit across the network. Only a module of this
    /// collective (its treasury, on a member's exit; or governance itself, by proposal).
    function exitFrom(
        address treasury,
        uint256 shares,
        address[] calldata tokens,
        uint256[] calldata forVotes,
        address to
    ) external;
}
