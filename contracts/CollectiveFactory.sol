// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ICollectiveFactory} from "./interfaces/ICollectiveFactory.sol";
import {Shares} from "./Shares.sol";
import {CollectiveGovernor} from "./CollectiveGovernor.sol";
import {CollectiveTimelock} from "./CollectiveTimelock.sol";
import {Work} from "./Work.sol";

/// @title CollectiveFactory
/// @notice Creates collectives, each as five ERC-1167 clones of one set of implementations, in
/// one transaction, and keeps the registry of every collective it made.
/// @dev The factory creates nothing but clones, five per collective, so collective `id`'s
/// modules are at the CREATE addresses of nonces 1 + 5·id … 5 + 5·id. Knowing them in advance,
/// it appends each module's neighbours to its clone code (see CloneArgs) instead of storing
/// them, and the registry is a counter from which every address is derived.
contract CollectiveFactory is ICollectiveFactory {
    uint256 private constant _MAX_NAME_BYTES = 64;
    uint256 private constant _MAX_SYMBOL_BYTES = 11;
    uint256 private constant _MAX_PRINCIPLES = 16;
    uint256 private constant _MAX_PRINCIPLE_BYTES = 64;
    uint256 private constant _MODULES = 5;

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

    uint256 private _collectiveCount;

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
        id = _collectiveCount++;
        modules = _modulesOf(id);
        _deploy(modules);
        _initialize(modules, name, symbol, principles.length, founders, settings);
        emit CollectiveCreated(id, modules.governor, msg.sender, modules, name, symbol, principles, settings);
    }

    /// @inheritdoc ICollectiveFactory
    function collectiveCount() external view returns (uint256) {
        return _collectiveCount;
    }

    /// @inheritdoc ICollectiveFactory
    function collective(uint256 id) external view returns (Modules memory) {
        if (id >= _collectiveCount) revert FactoryUnknownCollective(id);
        return _modulesOf(id);
    }

    function _deploy(Modules memory m) private {
        address shares = Clones.cloneWithImmutableArgs(
            sharesImplementation,
            abi.encodePacked(m.timelock, m.treasury, m.work)
        );
        Clones.cloneWithImmutableArgs(governorImplementation, abi.encodePacked(m.shares, m.timelock, m.treasury));
        Clones.clone(timelockImplementation);
        Clones.cloneWithImmutableArgs(
            treasuryImplementation,
            abi.encodePacked(m.timelock, m.shares, m.governor, m.work)
        );
        address work = Clones.cloneWithImmutableArgs(
            workImplementation,
            abi.encodePacked(m.timelock, m.shares, m.treasury)
        );
        // The first and last clones landing where predicted proves the nonces were as counted.
        if (shares != m.shares || work != m.work) revert FactoryUnexpectedAddress(work);
    }

    function _initialize(
        Modules memory m,
        string calldata name,
        string calldata symbol,
        uint256 principleCount,
        Founder[] calldata founders,
        Settings calldata settings
    ) private {
        address[] memory accounts = new address[](founders.length);
        uint256[] memory amounts = new uint256[](founders.length);
        for (uint256 i = 0; i < founders.length; ++i) {
            accounts[i] = founders[i].account;
            amounts[i] = founders[i].shares;
        }
        Shares(m.shares).initialize(name, symbol, accounts, amounts);
        CollectiveGovernor(payable(m.governor)).initialize(
            name,
            settings.votingDelay,
            settings.votingPeriod,
            settings.proposalThreshold,
            settings.executionWindow,
            settings.quorumPercent,
            settings.vetoPercent,
            settings.countingRule
        );
        CollectiveTimelock(payable(m.timelock)).initialize(m.governor, settings.timelockDelay);
        Work(m.work).initialize(uint8(principleCount), settings.reviewWindow, settings.objectionThreshold);
    }

    /// @dev Collective `id`'s modules, at the CREATE addresses of its five nonces.
    function _modulesOf(uint256 id) private view returns (Modules memory) {
        uint256 nonce = 1 + id * _MODULES;
        return
            Modules({
                shares: _createAddress(nonce),
                governor: _createAddress(nonce + 1),
                timelock: _createAddress(nonce + 2),
                treasury: _createAddress(nonce + 3),
                work: _createAddress(nonce + 4)
            });
    }

    /// @dev The address CREATE gives this contract's `nonce`-th deployment: the last 20 bytes of
    /// keccak256(rlp([address(this), nonce])). Nonces start at 1 (EIP-161) and stay below 2^32.
    function _createAddress(uint256 nonce) private view returns (address) {
        bytes memory rlp;
        if (nonce <= 0x7f) {
            rlp = abi.encodePacked(bytes2(0xd694), address(this), uint8(nonce));
        } else if (nonce <= 0xff) {
            rlp = abi.encodePacked(bytes2(0xd794), address(this), bytes1(0x81), uint8(nonce));
        } else if (nonce <= 0xffff) {
            rlp = abi.encodePacked(bytes2(0xd894), address(this), bytes1(0x82), uint16(nonce));
        } else if (nonce <= 0xffffff) {
            rlp = abi.encodePacked(bytes2(0xd994), address(this), bytes1(0x83), uint24(nonce));
        } else {
            rlp = abi.encodePacked(bytes2(0xda94), address(this), bytes1(0x84), uint32(nonce));
        }
        return address(uint160(uint256(keccak256(rlp))));
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
        uint256 supply;
        for (uint256 i = 0; i < founders.length; ++i) {
            if (founders[i].account == address(0) || founders[i].shares == 0) {
                revert FactoryInvalidFounder(i, founders[i].account, founders[i].shares);
            }
            supply += founders[i].shares;
        }
        // The modules refuse the rest of what is out of bounds as they are initialised; a
        // threshold above the founders' shares only the factory can see.
        if (
            settings.proposalThreshold > supply ||
            settings.votingPeriod == 0 ||
            settings.executionWindow == 0 ||
            settings.quorumPercent > 100 ||
            settings.reviewWindow == 0 ||
            settings.objectionThreshold == 0 ||
            settings.objectionThreshold > 100
        ) revert FactoryInvalidSettings();
    }
}
