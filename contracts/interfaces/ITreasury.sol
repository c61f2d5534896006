// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ITreasury
/// @notice A collective's funds in ETH and ERC-20 tokens, paid out only on governance's word.
/// @dev `token == address(0)` stands for ETH in every function and event.
interface ITreasury {
    /// @notice `caller` is not the collective's governance (its timelock).
    error TreasuryUnauthorized(address caller);

    /// @notice A payment to the zero address was requested.
    error TreasuryInvalidRecipient();

    /// @notice The treasury holds `balance` of `token`, less than the `amount` asked for.
    error TreasuryInsufficientBalance(address token, uint256 balance, uint256 amount);

    /// @notice Sending `amount` wei to `to` failed.
    error TreasuryEthTransferFailed(address to, uint256 amount);

    /// @notice `from` sent `amount` wei; the treasury now holds `balance` wei.
    event EthReceived(address indexed from, uint256 amount, uint256 balance);

    /// @notice The treasury paid `amount` of `token` to `to`; `balance` is what it holds after.
    event Paid(address indexed token, address indexed to, uint256 amount, uint256 balance);

    /// @notice Pays `amount` of `token` (address(0) for ETH) to `to`.
    /// @dev Only governance (the collective's timelock), i.e. an executed proposal.
    function pay(address token, address to, uint256 amount) external;

    /// @notice The collective's governance: the timelock that executes passed proposals.
    function governance() external view returns (address);

    /// @notice The collective's shares.
    function shares() external view returns (address);

    /// @notice The collective's governor.
    function governor() external view returns (address);
}
