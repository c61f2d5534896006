// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title SpamToken
/// @notice A hostile token for tests, as anyone can deploy one: it emits Transfer events for tokens
/// it never moved, and it can turn into a honeypot whose balanceOf shows a balance its transfer
/// will never send, so that taking it reverts whatever exit includes it.
contract SpamToken {
    /// @notice The ERC-20 Transfer event, emitted for transfers that never happened.
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// @notice This token never sends anything once it is a honeypot.
    error SpamTokenRefuses();

    string public name;
    string public symbol;
    /// @notice What balanceOf shows for any account.
    uint256 public shownBalance;
    /// @notice Whether transfers revert.
    bool public refusing;

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
    }

    /// @notice Emits a Transfer of `value` from the caller to `to`; nothing moves.
    function fakeTransfer(address to, uint256 value) external {
        emit Transfer(msg.sender, to, value);
    }

    /// @notice Emits an ERC-721-shaped Transfer (the token id indexed, so four topics) to `to`: an
    /// event with the ERC-20 Transfer's topic that does not decode as one.
    function fakeNftTransfer(address to, uint256 id) external {
        bytes32 topic = Transfer.selector;
        address from = msg.sender;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            log4(0, 0, topic, from, to, id)
        }
    }

    /// @notice From now on, every account seems to hold `balance`, and every transfer reverts.
    function becomeHoneypot(uint256 balance) external {
        shownBalance = balance;
        refusing = true;
    }

    /// @notice Decimals, as an ERC-20 says them.
    function decimals() external pure returns (uint8) {
        return 18;
    }

    /// @notice What an account seems to hold.
    function balanceOf(address) external view returns (uint256) {
        return shownBalance;
    }

    /// @notice What the token seems to have in all.
    function totalSupply() external view returns (uint256) {
        return shownBalance;
    }

    /// @notice Reverts once the token is a honeypot; otherwise pretends to succeed.
    function transfer(address, uint256) external view returns (bool) {
        if (refusing) revert SpamTokenRefuses();
        return true;
    }
}
