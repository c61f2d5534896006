// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title CloneArgs
/// @notice Reads the addresses a factory appended to an ERC-1167 clone's code
/// (OpenZeppelin's `Clones.cloneWithImmutableArgs`): how a module knows the other modules of its
/// collective without storing them. Reading one costs an EXTCODECOPY of the clone's own (warm)
/// code instead of a cold SLOAD, and writing them cost the factory no storage.
library CloneArgs {
    /// @dev Length of the ERC-1167 proxy code that precedes the arguments.
    uint256 private constant _PROXY_CODE_LENGTH = 0x2d;

    /// @dev The `index`-th 20-byte address appended to the executing clone's code.
    function addressAt(uint256 index) internal view returns (address result) {
        // Solidity has no way to read a slice of the executing contract's own code.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            extcodecopy(address(), 0x00, add(_PROXY_CODE_LENGTH, mul(index, 20)), 20)
            result := shr(96, mload(0x00))
        }
    }
}
