// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20VotesUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20VotesUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IShares} from "./interfaces/IShares.sol";

/// @title Shares
/// @notice A collective's ownership: voting units that cannot be transferred, only minted by
/// the collective (admission, accepted work) and burned (ragequit). Owns balances, delegation
/// and the checkpoints the governor reads at each proposal's snapshot.
/// @dev Deployed once and used through ERC-1167 clones; the clock is the block timestamp.
contract Shares is Initializable, ERC20VotesUpgradeable, IShares {
    mapping(address account => bool) private _modules;

    modifier onlyModule() {
        if (!_modules[msg.sender]) revert SharesUnauthorized(msg.sender);
        _;
    }

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a clone: its name, the modules allowed to mint and burn, the founders.
    /// @param name_ The shares' name, also the EIP-712 domain name for `delegateBySig`.
    /// @param symbol_ The shares' symbol.
    /// @param modules The collective's timelock, treasury and other modules.
    /// @param accounts The founders.
    /// @param amounts The founders' initial shares, by position.
    function initialize(
        string calldata name_,
        string calldata symbol_,
        address[] calldata modules,
        address[] calldata accounts,
        uint256[] calldata amounts
    ) external initializer {
        __ERC20_init(name_, symbol_);
        __EIP712_init(name_, "1");
        __ERC20Votes_init();
        for (uint256 i = 0; i < modules.length; ++i) {
            _modules[modules[i]] = true;
            emit ModuleAuthorized(modules[i]);
        }
        if (accounts.length != amounts.length) revert SharesLengthMismatch(accounts.length, amounts.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            _mint(accounts[i], amounts[i]);
        }
    }

    /// @inheritdoc IShares
    function mint(address to, uint256 amount) external onlyModule {
        _mint(to, amount);
    }

    /// @inheritdoc IShares
    function burn(address from, uint256 amount) external onlyModule {
        _burn(from, amount);
    }

    /// @inheritdoc IShares
    function isModule(address account) external view returns (bool) {
        return _modules[account];
    }

    /// @notice Always reverts: shares cannot be transferred.
    function transfer(address, uint256) public pure override returns (bool) {
        revert SharesNonTransferable();
    }

    /// @notice Always reverts: shares cannot be transferred.
    function transferFrom(address, address, uint256) public pure override returns (bool) {
        revert SharesNonTransferable();
    }

    /// @notice Always reverts: shares cannot be approved for transfer.
    function approve(address, uint256) public pure override returns (bool) {
        revert SharesNonTransferable();
    }

    /// @notice The clock is the block timestamp (ERC-6372).
    function clock() public view override returns (uint48) {
        return Time.timestamp();
    }

    /// @notice The clock mode, as ERC-6372 describes it.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @dev Only mints and burns move shares. An account that has no delegate yet is
    /// delegated to itself before it receives any, so its shares count as votes at once and
    /// the delegation costs no extra checkpoint.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) revert SharesNonTransferable();
        if (to != address(0) && delegates(to) == address(0)) _delegate(to, to);
        super._update(from, to, value);
    }
}
