// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IShares} from "./interfaces/IShares.sol";
import {SharesVotes} from "./shares/SharesVotes.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title Shares
/// @notice A collective's ownership and membership: whole, non-transferable voting shares,
/// minted only by the collective (admission, accepted work) and burned only on exit, by the
/// treasury as it pays the member's fair part;
/// applications to join; members' profiles (display name, avatar and link), also by signature.
/// @dev Used through ERC-1167 clones whose code carries the collective's timelock, treasury and
/// work module (see CloneArgs): the modules that may mint and burn. Balances, delegation and
/// checkpoints are in SharesVotes.
contract Shares is Initializable, SharesVotes, IShares {
    struct Application {
        address applicant;
        uint64 requestedShares;
        bool open;
    }

    uint256 private constant _MAX_PITCH_BYTES = 1024;
    uint256 private constant _MAX_NAME_BYTES = 64;
    uint256 private constant _MAX_PROFILE_BYTES = 512;
    // solhint-disable-next-line gas-small-strings
    bytes32 private constant _PROFILE_TYPEHASH = keccak256(
        "Profile(string name,string avatar,string uri,address member,uint256 nonce,uint256 deadline)"
    );

    mapping(uint256 applicationId => Application) private _applications;

    modifier onlyModule() {
        if (!_isModule(msg.sender)) revert SharesUnauthorized(msg.sender);
        _;
    }

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a clone: its name and the founders' shares.
    /// @param name_ The shares' name, also the EIP-712 domain name for `delegateBySig`.
    /// @param symbol_ The shares' symbol.
    /// @param accounts The founders.
    /// @param amounts The founders' initial shares, by position.
    function initialize(
        string calldata name_,
        string calldata symbol_,
        address[] calldata accounts,
        uint256[] calldata amounts
    ) external initializer {
        __SharesVotes_init(name_, symbol_);
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
    function burn(address from, uint256 amount) external {
        // Only the treasury, which burns a member's shares when it pays them their fair part: no
        // proposal and no module can take a member's shares without paying for them.
        if (msg.sender != CloneArgs.addressAt(1)) revert SharesUnauthorized(msg.sender);
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
        id = ++_supply.applications;
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
    function setProfile(string calldata name_, string calldata avatar, string calldata uri) external {
        _setProfile(msg.sender, name_, avatar, uri);
    }

    /// @inheritdoc IShares
    function setProfileBySig(
        string calldata name_,
        string calldata avatar,
        string calldata uri,
        address member,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external {
        if (block.timestamp > deadline) revert SharesExpiredSignature(deadline);
        // A replayed or out-of-order signature fails on its nonce (InvalidAccountNonce) before the
        // signature is checked, so a relay can tell a replay from a forgery.
        _useCheckedNonce(member, nonce);
        bytes32 digest = _hashTypedDataV4(_profileHash(name_, avatar, uri, member, nonce, deadline));
        if (!SignatureChecker.isValidSignatureNowCalldata(member, digest, signature)) {
            revert SharesInvalidSignature(member);
        }
        _setProfile(member, name_, avatar, uri);
    }

    /// @inheritdoc IShares
    function delegation(
        address account
    ) external view returns (address current, address previous, uint256 movedAt, uint256 priorMovedAt) {
        return _delegation(account);
    }

    /// @inheritdoc IShares
    function isModule(address account) external view returns (bool) {
        return _isModule(account);
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
        return _supply.applications;
    }

    /// @inheritdoc IShares
    function voterIndex(address account) external view returns (uint256) {
        return _voterIndex(account);
    }

    /// @inheritdoc IShares
    function getMemberVotes(address account) external view returns (uint256) {
        return _memberVotes(account, block.timestamp);
    }

    /// @inheritdoc IShares
    function getPastMemberVotes(address account, uint256 timepoint) external view returns (uint256) {
        _requirePast(timepoint);
        return _memberVotes(account, timepoint);
    }

    /// @inheritdoc IShares
    function memberCount() external view returns (uint256) {
        return _memberCount(block.timestamp);
    }

    /// @inheritdoc IShares
    function getPastMemberCount(uint256 timepoint) external view returns (uint256) {
        _requirePast(timepoint);
        return _memberCount(timepoint);
    }

    /// @inheritdoc IShares
    function weightAt(
        address account,
        uint256 timepoint,
        bool byMembers
    ) external view returns (uint256 atTimepoint, uint256 current) {
        _requirePast(timepoint);
        if (byMembers) return (_memberVotes(account, timepoint), _memberVotes(account, block.timestamp));
        return (getPastVotes(account, timepoint), _votesNow(account));
    }

    /// @notice Always reverts: shares cannot be transferred.
    function transfer(address, uint256) external pure returns (bool) {
        revert SharesNonTransferable();
    }

    /// @notice Always reverts: shares cannot be transferred.
    function transferFrom(address, address, uint256) external pure returns (bool) {
        revert SharesNonTransferable();
    }

    /// @notice Always reverts: shares cannot be approved for transfer.
    function approve(address, uint256) external pure returns (bool) {
        revert SharesNonTransferable();
    }

    /// @dev Checks a member's profile and emits it. A name is shown wherever the member is, so it is
    /// short and holds no control characters (line breaks, escapes, NUL); Unicode beyond them is
    /// the reader's to render as text.
    function _setProfile(address member, string calldata name_, string calldata avatar, string calldata uri) private {
        if (balanceOf(member) == 0) revert SharesNotMember(member);
        uint256 length = bytes(name_).length;
        if (length > _MAX_NAME_BYTES) revert SharesNameTooLong(length);
        uint256 control = _firstControlCharacter(bytes(name_));
        if (control < length) revert SharesNameControlCharacter(control);
        if (bytes(avatar).length > _MAX_PROFILE_BYTES) revert SharesInvalidProfile(bytes(avatar).length);
        if (bytes(uri).length > _MAX_PROFILE_BYTES) revert SharesInvalidProfile(bytes(uri).length);
        emit ProfileSet(member, name_, avatar, uri);
    }

    /// @dev The index of the first control character in `text` (a byte below 0x20, or 0x7f), or
    /// its length if it has none. Read byte by byte from calldata: Solidity's checked indexing of
    /// a calldata slice costs several times as much per byte.
    function _firstControlCharacter(bytes calldata text) private pure returns (uint256 index) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let end := add(text.offset, text.length)
            let position := text.offset
            for {} lt(position, end) {
                position := add(position, 1)
            } {
                let value := byte(0, calldataload(position))
                if or(lt(value, 0x20), eq(value, 0x7f)) {
                    break
                }
            }
            index := sub(position, text.offset)
        }
    }

    /// @dev The EIP-712 struct hash of a signed profile.
    function _profileHash(
        string calldata name_,
        string calldata avatar,
        string calldata uri,
        address member,
        uint256 nonce,
        uint256 deadline
    ) private pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    _PROFILE_TYPEHASH,
                    keccak256(bytes(name_)),
                    keccak256(bytes(avatar)),
                    keccak256(bytes(uri)),
                    member,
                    nonce,
                    deadline
                )
            );
    }

    /// @dev The timelock, treasury and work module, from the clone's code.
    function _isModule(address account) private view returns (bool) {
        return
            account == CloneArgs.addressAt(0) || account == CloneArgs.addressAt(1) || account == CloneArgs.addressAt(2);
    }
}
