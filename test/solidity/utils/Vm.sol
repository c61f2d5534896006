// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title Vm
/// @notice The few cheatcodes Rhizome's Solidity tests use, as Hardhat's test runner (EDR) serves
/// them at the standard cheatcode address. forge-std is not on npm, so this stands in for its `Vm`.
interface Vm {
    /// @notice Sets block.timestamp.
    function warp(uint256 newTimestamp) external;

    /// @notice Sets block.number.
    function roll(uint256 newHeight) external;

    /// @notice Sets msg.sender for the next call only.
    function prank(address msgSender) external;

    /// @notice Sets msg.sender for every call until `stopPrank`.
    function startPrank(address msgSender) external;

    /// @notice Ends a `startPrank`.
    function stopPrank() external;

    /// @notice Sets the ETH balance of `account`.
    function deal(address account, uint256 newBalance) external;

    /// @notice Expects the next call to revert, with any data.
    function expectRevert() external;

    /// @notice Expects the next call to revert with exactly `revertData`.
    function expectRevert(bytes calldata revertData) external;

    /// @notice Expects the next call to revert with a custom error of this selector.
    function expectRevert(bytes4 revertData) external;

    /// @notice Expects the next call to emit the event emitted right after this, from `emitter`,
    /// comparing the topics and data chosen.
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter) external;

    /// @notice Writes `value` to storage slot `slot` of `target`.
    function store(address target, bytes32 slot, bytes32 value) external;

    /// @notice Sets the nonce of `account` (only upwards).
    function setNonce(address account, uint64 newNonce) external;

    /// @notice The nonce of `account`.
    function getNonce(address account) external view returns (uint64);

    /// @notice Discards the current fuzz input when `condition` is false.
    function assume(bool condition) external;

    /// @notice Names an address in traces.
    function label(address account, string calldata newLabel) external;

    /// @notice Sets block.chainid.
    function chainId(uint256 newChainId) external;

    /// @notice The address of private key `privateKey`.
    function addr(uint256 privateKey) external pure returns (address);

    /// @notice Signs `digest` with `privateKey` (ECDSA on secp256k1).
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
}

/// @dev The address every Foundry-compatible runner serves cheatcodes at.
Vm constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
