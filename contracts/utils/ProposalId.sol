// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ProposalId
/// @notice OpenZeppelin Governor's proposal id, `uint256(keccak256(abi.encode(targets, values,
/// calldatas, descriptionHash)))`, with the same bytes hashed but fewer steps to lay them out:
/// Solidity's encoder walks nested dynamic arrays element by element and word by word, where
/// this copies the values, and each call, with one MCOPY.
library ProposalId {
    /// @dev The id of a proposal with these actions and description hash. The encoding is laid out
    /// past the free memory pointer and not kept: a head of three offsets and the description
    /// hash; the targets (length, then each address with its unused high bits cleared, as
    /// abi.encode does); the values (length and words, copied); the calldatas (length, each call's
    /// offset from the first offset, then each call as its length and its bytes, zero-padded to a
    /// whole word: that memory may hold anything).
    function hash(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal pure returns (uint256 id) {
        // Solidity has no cheaper way to encode nested dynamic arrays.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let start := mload(0x40)
            mstore(start, 0x80)
            mstore(add(start, 0x60), descriptionHash)
            let p := add(start, 0x80)

            let n := mload(targets)
            mstore(p, n)
            for {
                let i := 0
            } lt(i, n) {
                i := add(i, 1)
            } {
                let offset := mul(add(i, 1), 0x20)
                mstore(add(p, offset), and(mload(add(targets, offset)), 0xffffffffffffffffffffffffffffffffffffffff))
            }
            p := add(p, mul(add(n, 1), 0x20))

            mstore(add(start, 0x20), sub(p, start))
            let size := mul(add(mload(values), 1), 0x20)
            mcopy(p, values, size)
            p := add(p, size)

            mstore(add(start, 0x40), sub(p, start))
            n := mload(calldatas)
            mstore(p, n)
            p := add(p, 0x20)
            let q := add(p, mul(n, 0x20))
            for {
                let i := 0
            } lt(i, n) {
                i := add(i, 1)
            } {
                mstore(add(p, mul(i, 0x20)), sub(q, p))
                let data := mload(add(calldatas, mul(add(i, 1), 0x20)))
                let length := mload(data)
                mcopy(q, data, add(length, 0x20))
                mstore(add(add(q, 0x20), length), 0)
                q := add(q, add(0x20, and(add(length, 31), not(31))))
            }
            id := keccak256(start, sub(q, start))
        }
    }
}
