// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ITreasury} from "../interfaces/ITreasury.sol";

/// @title EthRefusingMember
/// @notice A member contract with no way to receive ETH (no receive or fallback function), such
/// as many multisigs and vaults: a plain ragequit, which sends it the ETH part, reverts. For the
/// protection tests only.
contract EthRefusingMember {
    ITreasury private immutable _treasury;

    constructor(ITreasury treasury_) {
        _treasury = treasury_;
    }

    /// @notice Leaves with `shares` of its shares and the given tokens, paid to itself.
    function ragequit(uint256 shares, address[] calldata tokens) external {
        _treasury.ragequit(shares, tokens, new uint256[](0));
    }

    /// @notice Leaves with `shares` of its shares and the given tokens, paid to `to`.
    function ragequitTo(uint256 shares, address[] calldata tokens, address to) external {
        _treasury.ragequitTo(shares, tokens, new uint256[](0), to);
    }
}
