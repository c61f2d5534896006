// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title FeeToken
/// @notice An ERC-20 that takes 1% of every transfer from what the recipient gets, to a sink.
contract FeeToken is ERC20 {
    address public constant SINK = address(0xFEE);

    constructor() ERC20("Fee", "FEE") {}

    /// @notice Mints `amount` to `to`; open to anyone, for tests.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, SINK, fee);
        super._update(from, to, value - fee);
    }
}
