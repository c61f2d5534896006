// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ITreasury} from "../interfaces/ITreasury.sol";

/// @title AttackerMember
/// @notice A member contract that tries to ragequit a second time from inside its first ragequit:
/// when the treasury sends it ETH, or when a token it controls calls it back mid-transfer. For
/// the attack tests only.
contract AttackerMember {
    ITreasury private immutable _treasury;
    uint256 public reentryAttempts;
    bool public reentrySucceeded;
    bytes public reentryError;

    constructor(ITreasury treasury_) {
        _treasury = treasury_;
    }

    /// @notice Leaves with `shares` of its shares and the given tokens.
    function ragequit(uint256 shares, address[] calldata tokens) external {
        _treasury.ragequit(shares, tokens, new uint256[](0));
    }

    /// @notice Called back during a payout: tries to leave again with one more share.
    function reenter() public {
        ++reentryAttempts;
        try _treasury.ragequit(1, new address[](0), new uint256[](0)) {
            reentrySucceeded = true;
        } catch (bytes memory reason) {
            reentryError = reason;
        }
    }

    /// @notice Reenters on the ETH payout, once.
    receive() external payable {
        if (reentryAttempts == 0) reenter();
    }
}
