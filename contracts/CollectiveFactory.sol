// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ICollectiveFactory} from "./interfaces/ICollectiveFactory.sol";
import {IShares} from "./interfaces/IShares.sol";
import {ICollectiveTimelock} from "./interfaces/ICollectiveTimelock.sol";
import {Shares} from "./Shares.sol";
import {CollectiveGovernor} from "./CollectiveGovernor.sol";
import {CollectiveTimelock} from "./CollectiveTimelock.sol";
import {Treasury} from "./Treasury.sol";
import {Work} from "./Work.sol";

/// @title CollectiveFactory
/// @notice Creates collectives, each as ERC-1167 clones of one set of implementations, in one
/// transaction, and keeps the registry of every collective it made.
contract CollectiveFactory is ICollectiveFactory {
    uint256 private constant _MAX_NAME_BYTES = 64;
    uint256 private constant _MAX_SYMBOL_BYTES = 11;
    uint256 private constant _MAX_PRINCIPLES = 16;
    uint256 private constant _MAX_PRINCIPLE_BYTES = 64;

    /// @notice The implementation every collective's shares clone.
    address public immutable sharesImplementation;
    /// @notice The implementation every collective's governor clones.
    address public immutable governorImplementation;
    /// @notice The implementation every collective's timelock clones.
    address public immutable timelockImplementation;
    /// @notice The implementation every collective's treasury clones.
    address public immutable treasuryImplementation;
    /// @notice The implementation every collective's work module clones.
    address public immutable workImplementation;

    Modules[] private _collectives;

    /// @param shares_ The Shares implementation.
    /// @param governor_ The CollectiveGovernor implementation.
    /// @param timelock_ The CollectiveTimelock implementation.
    /// @param treasury_ The Treasury implementation.
    /// @param work_ The Work implementation.
    constructor(address shares_, address governor_, address timelock_, address treasury_, address work_) {
        sharesImplementation = shares_;
        governorImplementation = governor_;
        timelockImplementation = timelock_;
        treasuryImplementation = treasury_;
        workImplementation = work_;
    }

    /// @inheritdoc ICollectiveFactory
    function create(
        string calldata name,
        string calldata symbol,
        string[] calldata principles,
        Founder[] calldata founders,
        Settings calldata settings
    ) external returns (uint256 id, Modules memory modules) {
        _validate(name, symbol, principles, founders, settings);
        modules = _deploy(name, symbol, principles.length, founders, settings);
        id = _collectives.length;
        _collectives.push(modules);
        _emitCreated(id, modules, name, symbol, principles, settings);
    }

    /// @inheritdoc ICollectiveFactory
    function collectiveCount() external view returns (uint256) {
        return _collectives.length;
    }

    /// @inheritdoc ICollectiveFactory
    function collective(uint256 id) external view returns (Modules memory) {
        if (id >= _collectives.length) revert FactoryUnknownCollective(id);
        return _collectives[id];
    }

    function _deploy(
        string calldata name,
        string calldata symbol,
        uint256 principleCount,
        Founder[] calldata founders,
        Settings calldata settings
    ) private returns (Modules memory modules) {
        modules = Modules({
            shares: Clones.clone(sharesImplementation),
            governor: Clones.clone(governorImplementation),
            timelock: Clones.clone(timelockImplementation),
            treasury: Clones.clone(treasuryImplementation),
            work: Clones.clone(workImplementation)
        });
        _initShares(modules, name, symbol, founders);
        CollectiveGovernor(payable(modules.governor)).initialize(
            name,
            IShares(modules.shares),
            ICollectiveTimelock(modules.timelock),
            settings.votingDelay,
            settings.votingPeriod,
            settings.proposalThreshold,
            settings.executionWindow,
            settings.quorumPercent
        );
        CollectiveTimelock(payable(modules.timelock)).initialize(modules.governor, settings.timelockDelay);
        Treasury(payable(modules.treasury)).initialize(
            modules.timelock,
            modules.shares,
            modules.governor,
            modules.work
        );
        Work(modules.work).initialize(
            modules.timelock,
            modules.shares,
            modules.treasury,
            uint8(principleCount),
            settings.reviewWindow,
            settings.objectionThreshold
        );
    }

    function _emitCreated(
        uint256 id,
        Modules memory modules,
        string calldata name,
        string calldata symbol,
        string[] calldata principles,
        Settings calldata settings
    ) private {
        emit CollectiveCreated(id, modules.governor, msg.sender, modules, name, symbol, principles, settings);
    }

    function _initShares(
        Modules memory modules,
        string calldata name,
        string calldata symbol,
        Founder[] calldata founders
    ) private {
        address[] memory mintersAndBurners = new address[](3);
        mintersAndBurners[0] = modules.timelock;
        mintersAndBurners[1] = modules.treasury;
        mintersAndBurners[2] = modules.work;
        address[] memory accounts = new address[](founders.length);
        uint256[] memory amounts = new uint256[](founders.length);
        for (uint256 i = 0; i < founders.length; ++i) {
            accounts[i] = founders[i].account;
            amounts[i] = founders[i].shares;
        }
        Shares(modules.shares).initialize(name, symbol, mintersAndBurners, accounts, amounts);
    }

    function _validate(
        string calldata name,
        string calldata symbol,
        string[] calldata principles,
        Founder[] calldata founders,
        Settings calldata settings
    ) private pure {
        if (bytes(name).length == 0 || bytes(name).length > _MAX_NAME_BYTES) revert FactoryInvalidName();
        if (bytes(symbol).length == 0 || bytes(symbol).length > _MAX_SYMBOL_BYTES) revert FactoryInvalidSymbol();
        if (principles.length == 0 || principles.length > _MAX_PRINCIPLES) {
            revert FactoryInvalidPrincipleCount(principles.length);
        }
        for (uint256 i = 0; i < principles.length; ++i) {
            uint256 length = bytes(principles[i]).length;
            if (length == 0 || length > _MAX_PRINCIPLE_BYTES) revert FactoryInvalidPrinciple(i);
        }
        if (founders.length == 0) revert FactoryNoFounders();
        for (uint256 i = 0; i < founders.length; ++i) {
            if (founders[i].account == address(0) || founders[i].shares == 0) {
                revert FactoryInvalidFounder(i, founders[i].account, founders[i].shares);
            }
        }
        if (
            settings.votingPeriod == 0 ||
            settings.executionWindow == 0 ||
            settings.quorumPercent > 100 ||
            settings.reviewWindow == 0 ||
            settings.objectionThreshold == 0 ||
            settings.objectionThreshold > 100
        ) revert FactoryInvalidSettings();
    }
}
