// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title ReferenceTimelock
/// @notice Benchmark only: OpenZeppelin's TimelockController as is. Hardhat writes artifacts
/// only for contracts defined in the project's own files, so this file names it once; it adds
/// no code (the runtime bytecode is TimelockController's but for the metadata hash).
contract ReferenceTimelock is TimelockController {
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin
    ) TimelockController(minDelay, proposers, executors, admin) {}
}
