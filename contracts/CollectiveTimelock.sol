// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {TimelockControllerUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/TimelockControllerUpgradeable.sol";

/// @title CollectiveTimelock
/// @notice Executes a collective's passed proposals after a delay, the grace period in which
/// members who disagree can leave first. It is the collective's governance: the one caller
/// its modules obey, and the account that holds the collective's shares in other collectives.
/// @dev An OpenZeppelin TimelockController used through ERC-1167 clones. The factory calls
/// `initialize(minDelay, [governor], [governor], address(0))`: only the governor proposes,
/// cancels and executes, and the timelock administers itself, so its delay changes only by
/// a proposal (`updateDelay`).
contract CollectiveTimelock is TimelockControllerUpgradeable {
    constructor() {
        _disableInitializers();
    }
}
