// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ITreasury} from "./interfaces/ITreasury.sol";
import {IShares} from "./interfaces/IShares.sol";
import {ICollectiveGovernor} from "./interfaces/ICollectiveGovernor.sol";
import {ICollectiveTimelock} from "./interfaces/ICollectiveTimelock.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title Treasury
/// @notice A collective's funds: ETH and any ERC-20. Pays out only when governance (an executed
/// proposal) or the work module (accepted work) says so, and lets any member leave with their
/// fair part: burn shares, take the same fraction of every asset they name, and of the shares the
/// collective holds in other collectives, passed through (`ragequitAcross`).
/// @dev Used through ERC-1167 clones whose code carries the collective's timelock, shares,
/// governor and work module (see CloneArgs), so a treasury has no storage and no initializer.
/// Ragequit burns before it pays, computes every amount before the first transfer, and is
/// guarded against reentrancy (transient storage).
contract Treasury is ReentrancyGuardTransient, ITreasury {
    using SafeERC20 for IERC20;

    /// @notice Accepts ETH from anyone and records it.
    receive() external payable {
        emit EthReceived(msg.sender, msg.value, address(this).balance);
    }

    /// @inheritdoc ITreasury
    function pay(address token, address to, uint256 amount) external {
        if (msg.sender != governance() && msg.sender != work()) revert TreasuryUnauthorized(msg.sender);
        if (to == address(0)) revert TreasuryInvalidRecipient();
        uint256 balance = _balanceOf(token);
        if (balance < amount) revert TreasuryInsufficientBalance(token, balance, amount);
        _send(token, to, amount);
        emit Paid(token, to, amount, token == address(0) ? address(this).balance : balance - amount);
    }

    /// @inheritdoc ITreasury
    function ragequit(uint256 shares_, address[] calldata tokens, uint256[] calldata forVotes) external nonReentrant {
        _ragequit(shares_, tokens, forVotes, msg.sender);
    }

    /// @inheritdoc ITreasury
    function ragequitTo(
        uint256 shares_,
        address[] calldata tokens,
        uint256[] calldata forVotes,
        address to
    ) external nonReentrant {
        if (to == address(0)) revert TreasuryInvalidRecipient();
        _ragequit(shares_, tokens, forVotes, to);
        if (to != msg.sender) emit RagequitPaidTo(msg.sender, to);
    }

    /// @inheritdoc ITreasury
    function ragequitAcross(
        uint256 shares_,
        address[] calldata tokens,
        uint256[] calldata forVotes,
        address to,
        NetworkExit[] calldata network
    ) external nonReentrant {
        if (to == address(0)) revert TreasuryInvalidRecipient();
        // The parts are the member's fraction of the supply before their shares burn, as their
        // part of this treasury is.
        (uint256[] memory parts, uint256[] memory held) = _networkParts(shares_, network);
        _ragequit(shares_, tokens, forVotes, to);
        if (to != msg.sender) emit RagequitPaidTo(msg.sender, to);
        // Then the timelock leaves each collective with the member's part, paid to them directly.
        // The member's shares are burned and paid before: a callback from another collective's
        // payout finds nothing left to take here, and this treasury is locked until the end.
        address timelock = governance();
        for (uint256 i = 0; i < network.length; ++i) {
            if (parts[i] == 0) continue;
            NetworkExit calldata exit = network[i];
            ICollectiveTimelock(timelock).exitFrom(exit.treasury, parts[i], exit.tokens, exit.forVotes, to);
            emit NetworkExited(msg.sender, exit.treasury, parts[i], held[i], to);
        }
    }

    /// @dev For each collective of `network` (strictly ascending, not this one), the shares the
    /// timelock holds there and the member's fraction of them, rounded down.
    function _networkParts(
        uint256 shares_,
        NetworkExit[] calldata network
    ) private view returns (uint256[] memory parts, uint256[] memory held) {
        uint256 supply = IERC20(shares()).totalSupply();
        address timelock = governance();
        parts = new uint256[](network.length);
        held = new uint256[](network.length);
        for (uint256 i = 0; i < network.length; ++i) {
            address treasury = network[i].treasury;
            if (treasury == address(this) || (i > 0 && treasury <= network[i - 1].treasury)) {
                revert TreasuryNetworkNotAscending(i);
            }
            held[i] = IERC20(ITreasury(treasury).shares()).balanceOf(timelock);
            // A member cannot leave with more than they hold: the burn refuses it before any exit.
            parts[i] = supply == 0 ? 0 : Math.mulDiv(held[i], shares_, supply);
        }
    }

    function _ragequit(uint256 shares_, address[] calldata tokens, uint256[] calldata forVotes, address to) private {
        if (shares_ == 0) revert TreasuryNothingToBurn();
        for (uint256 i = 0; i < tokens.length; ++i) {
            if (tokens[i] == address(0) || (i > 0 && tokens[i] <= tokens[i - 1])) revert TreasuryTokensNotAscending(i);
        }
        ICollectiveGovernor(governor()).checkExit(msg.sender, forVotes);

        // The part is of the supply before the burn. Burning first reverts, by name, when the caller
        // holds fewer shares, before any division: once every share is gone the supply is zero.
        uint256 supply = IERC20(shares()).totalSupply();
        IShares(shares()).burn(msg.sender, shares_);
        uint256 ethAmount = Math.mulDiv(address(this).balance, shares_, supply);
        uint256[] memory amounts = new uint256[](tokens.length);
        uint256[] memory balances = new uint256[](tokens.length);
        for (uint256 i = 0; i < tokens.length; ++i) {
            uint256 balance = IERC20(tokens[i]).balanceOf(address(this));
            amounts[i] = Math.mulDiv(balance, shares_, supply);
            balances[i] = balance - amounts[i];
        }

        if (ethAmount > 0) _send(address(0), to, ethAmount);
        for (uint256 i = 0; i < tokens.length; ++i) {
            if (amounts[i] > 0) _send(tokens[i], to, amounts[i]);
        }
        emit Ragequit(msg.sender, shares_, supply, ethAmount, address(this).balance, tokens, amounts, balances);
    }

    /// @inheritdoc ITreasury
    function governance() public view returns (address) {
        return CloneArgs.addressAt(0);
    }

    /// @inheritdoc ITreasury
    function shares() public view returns (address) {
        return CloneArgs.addressAt(1);
    }

    /// @inheritdoc ITreasury
    function governor() public view returns (address) {
        return CloneArgs.addressAt(2);
    }

    /// @inheritdoc ITreasury
    function work() public view returns (address) {
        return CloneArgs.addressAt(3);
    }

    function _balanceOf(address token) private view returns (uint256) {
        return token == address(0) ? address(this).balance : IERC20(token).balanceOf(address(this));
    }

    function _send(address token, address to, uint256 amount) private {
        if (token == address(0)) {
            (bool ok, ) = to.call{value: amount}("");
            if (!ok) revert TreasuryEthTransferFailed(to, amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }
}
