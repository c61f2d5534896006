// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title ZeroRefusingToken
/// @notice An ERC-20 that reverts on a transfer of zero, as some tokens do: an exit whose part of
/// it rounds to zero must not be blocked by it.
contract ZeroRefusingToken is ERC20 {
    error ZeroTransfer();

    constructor() ERC20("Zero Refusing", "ZRF") {}

    /// @notice Mints `amount` to `to`; open to anyone, for tests.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (value == 0 && from != address(0) && to != address(0)) revert ZeroTransfer();
        super._update(from, to, value);
    }
}
