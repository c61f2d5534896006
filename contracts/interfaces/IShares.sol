// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title IShares
/// @notice A collective's ownership shares: non-transferable, checkpointed voting units.
/// @dev Mints and burns emit the ERC-20 `Transfer` event (from or to the zero address) and
/// voting power moves emit ERC-5805's `DelegateChanged` and `DelegateVotesChanged`, whose
/// payloads carry the post-state, so an indexer can follow balances and power from logs.
interface IShares {
    /// @notice A transfer or approval path was used; shares only move by mint and burn.
    error SharesNonTransferable();

    /// @notice `caller` is neither one of the collective's modules nor its governance.
    error SharesUnauthorized(address caller);

    /// @notice The founders' accounts and amounts have different lengths.
    error SharesLengthMismatch(uint256 accounts, uint256 amounts);

    /// @notice `module` may now mint and burn shares.
    event ModuleAuthorized(address indexed module);

    /// @notice Mints `amount` shares to `to`; the first receipt self-delegates `to`.
    /// @dev Only a module of the collective (its timelock, treasury or work module).
    function mint(address to, uint256 amount) external;

    /// @notice Burns `amount` shares held by `from`.
    /// @dev Only a module of the collective (its timelock, treasury or work module).
    function burn(address from, uint256 amount) external;

    /// @notice Whether `account` may mint and burn shares.
    function isModule(address account) external view returns (bool);
}
