// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ITreasury} from "../interfaces/ITreasury.sol";

/// @title FakeTreasury
/// @notice Poses as another collective's treasury in an exit across the network: it names real
/// shares the exiting collective's timelock holds, and when the timelock calls it to leave, it
/// tries to reenter the exiting collective's treasury. For the attack tests only.
contract FakeTreasury {
    address public immutable shares;
    ITreasury private immutable _victim;

    constructor(address shares_, ITreasury victim) {
        shares = shares_;
        _victim = victim;
    }

    /// @notice Called by the timelock as if to pay out its exit: reenters instead.
    function ragequitTo(uint256, address[] calldata, uint256[] calldata, address) external {
        _victim.ragequit(1, new address[](0), new uint256[](0));
    }
}
