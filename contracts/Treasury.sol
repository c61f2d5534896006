// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ITreasury} from "./interfaces/ITreasury.sol";

/// @title Treasury
/// @notice A collective's funds: ETH and any ERC-20. Pays out only when governance (the
/// timelock, i.e. an executed proposal) says so.
/// @dev Used through ERC-1167 clones. It keeps the shares and the governor beside the
/// governance address so that exits (burn shares, take the same fraction of each asset, refused
/// while the member's vote can still spend) can be settled here without another module.
contract Treasury is Initializable, ITreasury {
    using SafeERC20 for IERC20;

    address private _governance;
    address private _shares;
    address private _governor;

    modifier onlyGovernance() {
        if (msg.sender != _governance) revert TreasuryUnauthorized(msg.sender);
        _;
    }

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a clone.
    /// @param governance_ The collective's timelock.
    /// @param shares_ The collective's shares.
    /// @param governor_ The collective's governor.
    function initialize(address governance_, address shares_, address governor_) external initializer {
        _governance = governance_;
        _shares = shares_;
        _governor = governor_;
    }

    /// @notice Accepts ETH from anyone and records it.
    receive() external payable {
        emit EthReceived(msg.sender, msg.value, address(this).balance);
    }

    /// @inheritdoc ITreasury
    function pay(address token, address to, uint256 amount) external onlyGovernance {
        if (to == address(0)) revert TreasuryInvalidRecipient();
        uint256 balance;
        if (token == address(0)) {
            balance = address(this).balance;
            if (balance < amount) revert TreasuryInsufficientBalance(token, balance, amount);
            (bool ok, ) = to.call{value: amount}("");
            if (!ok) revert TreasuryEthTransferFailed(to, amount);
            balance = address(this).balance;
        } else {
            balance = IERC20(token).balanceOf(address(this));
            if (balance < amount) revert TreasuryInsufficientBalance(token, balance, amount);
            IERC20(token).safeTransfer(to, amount);
            balance = IERC20(token).balanceOf(address(this));
        }
        emit Paid(token, to, amount, balance);
    }

    /// @inheritdoc ITreasury
    function governance() external view returns (address) {
        return _governance;
    }

    /// @inheritdoc ITreasury
    function shares() external view returns (address) {
        return _shares;
    }

    /// @inheritdoc ITreasury
    function governor() external view returns (address) {
        return _governor;
    }
}
