// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AttackerMember} from "./AttackerMember.sol";

/// @title ReentrantToken
/// @notice A malicious ERC-20: when a treasury transfers it out, it calls its attacker back
/// before the balances move, so the attacker can try to reenter. For the attack tests only.
contract ReentrantToken is ERC20 {
    AttackerMember private immutable _attacker;

    constructor(AttackerMember attacker_) ERC20("Reentrant", "BAD") {
        _attacker = attacker_;
    }

    /// @notice Mints `amount` to `to`; open to anyone.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (to == address(_attacker) && from != address(0)) _attacker.reenter();
        super._update(from, to, value);
    }
}
