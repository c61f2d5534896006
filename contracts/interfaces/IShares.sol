// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title IShares
/// @notice A collective's ownership shares and its membership: non-transferable, checkpointed
/// voting units in whole shares; applications to join; members' profiles (a display name, an
/// avatar link and a profile link), which members may also sign and have relayed.
/// @dev Mints and burns emit the ERC-20 `Transfer` event (from or to the zero address) and
/// voting power moves emit ERC-5805's `DelegateChanged` and `DelegateVotesChanged`, whose
/// payloads carry the post-state, so an indexer can follow balances and power from logs. The
/// ERC-20, ERC-5805 and ERC-6372 functions are those of the standards.
interface IShares {
    /// @notice A transfer or approval path was used; shares only move by mint and burn.
    error SharesNonTransferable();

    /// @notice `caller` is none of the collective's modules (timelock, treasury, work).
    error SharesUnauthorized(address caller);

    /// @notice The founders' accounts and amounts have different lengths.
    error SharesLengthMismatch(uint256 accounts, uint256 amounts);

    /// @notice An application must ask for 1 to 2^64-1 shares with a pitch of 1 to 1024 bytes.
    error SharesInvalidApplication(uint256 requestedShares, uint256 pitchLength);

    /// @notice Application `applicationId` does not exist or was already admitted or withdrawn.
    error SharesApplicationNotOpen(uint256 applicationId);

    /// @notice Only the applicant may withdraw application `applicationId`.
    error SharesNotApplicant(uint256 applicationId, address caller);

    /// @notice `account` holds no shares, so it is not a member.
    error SharesNotMember(address account);

    /// @notice A profile's avatar link and profile link must each be at most 512 bytes; one is `length`.
    error SharesInvalidProfile(uint256 length);

    /// @notice A display name must be at most 64 bytes; this one is `length`.
    error SharesNameTooLong(uint256 length);

    /// @notice A display name may not contain control characters (bytes below 0x20, and 0x7f):
    /// the byte at `index` is one.
    error SharesNameControlCharacter(uint256 index);

    /// @notice A signed profile was relayed after its deadline, `deadline`.
    error SharesExpiredSignature(uint256 deadline);

    /// @notice The signature is not `member`'s for this profile: signed by another account, or for
    /// another profile, nonce, deadline, contract or chain.
    error SharesInvalidSignature(address member);

    /// @notice `applicant` applied to join, asking for `requestedShares`, with `pitch`.
    event ApplicationSubmitted(
        uint256 indexed applicationId,
        address indexed applicant,
        uint256 requestedShares,
        string pitch
    );

    /// @notice Governance admitted `applicant` with `shares` shares.
    event ApplicationAdmitted(uint256 indexed applicationId, address indexed applicant, uint256 shares);

    /// @notice `applicant` withdrew their application.
    event ApplicationWithdrawn(uint256 indexed applicationId, address indexed applicant);

    /// @notice `member` set their profile: display `name`, `avatar` link and profile link `uri`
    /// (each empty when unset). The whole profile, so the latest event is the member's profile.
    event ProfileSet(address indexed member, string name, string avatar, string uri);

    /// @notice Mints `amount` shares to `to`; the first receipt self-delegates `to`.
    /// @dev Only a module of the collective (its timelock, treasury or work module).
    function mint(address to, uint256 amount) external;

    /// @notice Burns `amount` shares held by `from`.
    /// @dev Only the collective's treasury, as it pays `from` their fair part (ragequit): no
    /// proposal can burn a member's shares.
    function burn(address from, uint256 amount) external;

    /// @notice Whom `account` delegates to; the delegate it last took its votes away from (not
    /// counting itself), with when; and when it had done so the time before. Zeros if never.
    function delegation(
        address account
    ) external view returns (address current, address previous, uint256 movedAt, uint256 priorMovedAt);

    /// @notice Applies to join the collective. Anyone may apply, any number of times.
    /// @param requestedShares The shares the applicant asks for.
    /// @param pitch Why they should join: a link or a short text.
    /// @return applicationId The application's id, counted from 1.
    function applyForMembership(uint256 requestedShares, string calldata pitch) external returns (uint256);

    /// @notice Admits the applicant of `applicationId`, minting `shares` to them.
    /// @dev Only a module of the collective: in practice the timelock, by an admission proposal.
    function admit(uint256 applicationId, uint256 shares) external;

    /// @notice Withdraws one's own open application.
    function withdrawApplication(uint256 applicationId) external;

    /// @notice Sets the caller's whole profile. Only members.
    /// @param name A display name: at most 64 bytes, no control characters; empty for none.
    /// @param avatar A link to a picture: at most 512 bytes; empty for none.
    /// @param uri A link to more about the member: at most 512 bytes; empty for none.
    function setProfile(string calldata name, string calldata avatar, string calldata uri) external;

    /// @notice Sets `member`'s profile, which they signed (EIP-712 typed data
    /// `Profile(string name,string avatar,string uri,address member,uint256 nonce,uint256 deadline)`
    /// in the shares' domain, `eip712Domain()`), under the same rules as `setProfile`. Anyone may
    /// send it: the sender pays the gas. Contract accounts sign through ERC-1271.
    /// @param nonce `member`'s next nonce (`nonces`, shared with `delegateBySig`); each signature counts once, in order.
    /// @param deadline The last timestamp at which the signature may be used.
    /// @param signature `member`'s signature of the typed data.
    function setProfileBySig(
        string calldata name,
        string calldata avatar,
        string calldata uri,
        address member,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice Whether `account` may mint and burn shares.
    function isModule(address account) external view returns (bool);

    /// @notice An application: who applied, what they asked for, whether it is still open.
    function application(
        uint256 applicationId
    ) external view returns (address applicant, uint256 requestedShares, bool open);

    /// @notice How many applications were made.
    function applicationCount() external view returns (uint256);

    /// @notice `account`'s voter index (from 1, given when it first held votes), or 0.
    function voterIndex(address account) external view returns (uint256);

    /// @notice The members (accounts holding at least one share) whose votes `account` holds.
    function getMemberVotes(address account) external view returns (uint256);

    /// @notice The members whose votes `account` held at `timepoint`.
    function getPastMemberVotes(address account, uint256 timepoint) external view returns (uint256);

    /// @notice How many accounts hold at least one share.
    function memberCount() external view returns (uint256);

    /// @notice How many accounts held at least one share at `timepoint`.
    function getPastMemberCount(uint256 timepoint) external view returns (uint256);

    /// @notice `account`'s votes at `timepoint` and now, in shares or, `byMembers`, in member votes.
    function weightAt(
        address account,
        uint256 timepoint,
        bool byMembers
    ) external view returns (uint256 atTimepoint, uint256 current);
}
