// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title GasBurner
/// @notice Takes ETH only after spending over a million gas, for the tests of an executor
/// who gives a proposal's calls too little gas to run.
contract GasBurner {
    /// @notice What the last payment's work came to.
    bytes32 public sink;

    /// @notice Hashes for a while, then keeps the ETH.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        bytes32 value = sink;
        for (uint256 i = 0; i < 20_000; ++i) value = keccak256(abi.encode(value, i));
        sink = value;
    }
}
