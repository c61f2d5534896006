// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20VotesUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20VotesUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IShares} from "./interfaces/IShares.sol";

/// @title Shares
/// @notice A collective's ownership: whole, non-transferable voting shares, minted only by the
/// collective (admission, accepted work) and burned only on exit. Owns balances, delegation,
/// the checkpoints the governor reads at each snapshot, applications to join, and profiles.
/// @dev Used through ERC-1167 clones; the clock is the block timestamp. Shares have no
/// decimals and the supply is capped at 2^64-1, so tallies pack into one slot.
contract Shares is Initializable, ERC20VotesUpgradeable, IShares {
    struct Member {
        uint32 index;
        uint48 since;
    }

    struct Application {
        address applicant;
        uint64 requestedShares;
        bool open;
    }

    uint256 private constant _MAX_PITCH_BYTES = 1024;
    uint256 private constant _MAX_PROFILE_BYTES = 512;

    mapping(address account => bool) private _modules;
    mapping(address account => Member) private _members;
    mapping(uint256 applicationId => Application) private _applications;
    uint32 private _memberCount;
    uint64 private _applicationCount;

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
    /// @param modules The collective's timelock, treasury and work module.
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
    function applyForMembership(uint256 requestedShares, string calldata pitch) external returns (uint256 id) {
        uint256 pitchLength = bytes(pitch).length;
        if (
            requestedShares == 0 ||
            requestedShares > type(uint64).max ||
            pitchLength == 0 ||
            pitchLength > _MAX_PITCH_BYTES
        ) revert SharesInvalidApplication(requestedShares, pitchLength);
        id = ++_applicationCount;
        _applications[id] = Application(msg.sender, uint64(requestedShares), true);
        emit ApplicationSubmitted(id, msg.sender, requestedShares, pitch);
    }

    /// @inheritdoc IShares
    function admit(uint256 applicationId, uint256 shares) external onlyModule {
        Application storage app = _applications[applicationId];
        if (!app.open) revert SharesApplicationNotOpen(applicationId);
        app.open = false;
        address applicant = app.applicant;
        emit ApplicationAdmitted(applicationId, applicant, shares);
        _mint(applicant, shares);
    }

    /// @inheritdoc IShares
    function withdrawApplication(uint256 applicationId) external {
        Application storage app = _applications[applicationId];
        if (!app.open) revert SharesApplicationNotOpen(applicationId);
        if (app.applicant != msg.sender) revert SharesNotApplicant(applicationId, msg.sender);
        app.open = false;
        emit ApplicationWithdrawn(applicationId, msg.sender);
    }

    /// @inheritdoc IShares
    function setProfile(string calldata uri) external {
        if (balanceOf(msg.sender) == 0) revert SharesNotMember(msg.sender);
        if (bytes(uri).length > _MAX_PROFILE_BYTES) revert SharesInvalidProfile(bytes(uri).length);
        emit ProfileUpdated(msg.sender, uri);
    }

    /// @inheritdoc IShares
    function isModule(address account) external view returns (bool) {
        return _modules[account];
    }

    /// @inheritdoc IShares
    function application(
        uint256 applicationId
    ) external view returns (address applicant, uint256 requestedShares, bool open) {
        Application memory app = _applications[applicationId];
        return (app.applicant, app.requestedShares, app.open);
    }

    /// @inheritdoc IShares
    function applicationCount() external view returns (uint256) {
        return _applicationCount;
    }

    /// @inheritdoc IShares
    function memberIndex(address account) external view returns (uint256) {
        return _members[account].index;
    }

    /// @inheritdoc IShares
    function pastVotesWithIndex(address account, uint256 timepoint) external view returns (uint256, uint256) {
        Member memory member = _members[account];
        uint256 index = member.since <= timepoint ? member.index : 0;
        return (getPastVotes(account, timepoint), index);
    }

    /// @notice Shares are whole units.
    function decimals() public pure override returns (uint8) {
        return 0;
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

    /// @dev The supply fits 64 bits, so the governor packs a proposal's tallies in one slot.
    function _maxSupply() internal pure override returns (uint256) {
        return type(uint64).max;
    }

    /// @dev Only mints and burns move shares. The first time an account receives shares it gets
    /// a member index and, unless it already chose a delegate, delegates to itself before the
    /// shares arrive, so they count as votes at once without an extra checkpoint.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) revert SharesNonTransferable();
        if (to != address(0) && _members[to].index == 0) {
            uint32 index = ++_memberCount;
            _members[to] = Member(index, Time.timestamp());
            emit MemberIndexed(to, index);
            if (delegates(to) == address(0)) _delegate(to, to);
        }
        super._update(from, to, value);
    }
}
