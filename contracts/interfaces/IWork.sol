// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title IWork
/// @notice A collective's work items and principles. A passed proposal commissions work under
/// one of the principles, for a reward in shares and optionally a payment; the contributor (named,
/// or any member taking an open bounty) delivers; members may object during a review window;
/// then anyone settles: accepted work is rewarded exactly once, disputed work goes to a vote.
/// @dev An objection can also be signed (EIP-712) and relayed by anyone (`objectBySig`), so a
/// member without ETH can object; the domain is `eip712Domain()` (ERC-5267) and the signer's
/// next nonce `nonces(objector)`.
interface IWork {
    /// @notice The lifecycle of a work item.
    enum State {
        None,
        Commissioned,
        Delivered,
        Accepted,
        Disputed,
        Rejected,
        Cancelled
    }

    /// @notice A work item's stored terms and progress.
    struct Item {
        address contributor;
        uint64 reward;
        uint8 principle;
        State state;
        address paymentToken;
        uint48 reviewEnds;
        uint48 snapshot;
        uint128 paymentAmount;
        uint64 objections;
        uint64 objectionQuorum;
    }

    /// @notice `caller` is not the collective's governance (its timelock).
    error WorkUnauthorized(address caller);

    /// @notice No work item has id `id`.
    error WorkUnknownItem(uint256 id);

    /// @notice Work item `id` is `current`, not in a state that allows this.
    error WorkInvalidState(uint256 id, State current);

    /// @notice The collective has no principle `principle`.
    error WorkUnknownPrinciple(uint256 principle);

    /// @notice A work item needs a title of 1 to 200 bytes and a reward or a payment that fit.
    error WorkInvalidTerms();

    /// @notice A principle needs a name of 1 to 64 bytes, at an existing index or the next one
    /// (at most 16 principles).
    error WorkInvalidPrinciple(uint256 index);

    /// @notice The review window must be at least one second and the objection threshold 1 to 100%.
    error WorkInvalidSettings();

    /// @notice Only a member (a holder of shares) may take an open bounty.
    error WorkNotMember(address account);

    /// @notice Only the work item's contributor may deliver it.
    error WorkNotContributor(uint256 id, address caller);

    /// @notice The review window of work item `id` closed at `reviewEnds`.
    error WorkReviewClosed(uint256 id, uint256 reviewEnds);

    /// @notice The review window of work item `id` is open until `reviewEnds`.
    error WorkReviewOpen(uint256 id, uint256 reviewEnds);

    /// @notice `objector` already objected to work item `id`.
    error WorkAlreadyObjected(uint256 id, address objector);

    /// @notice `objector` had no votes when work item `id` was delivered, so no weight to object.
    error WorkNoObjectionWeight(uint256 id, address objector);

    /// @notice `objector` had votes when work item `id` was delivered but holds none now: it left
    /// (or moved its votes), so it has no say on the work any more.
    error WorkNoVotesLeft(uint256 id, address objector);

    /// @notice A signed objection was relayed after its deadline, `deadline`.
    error WorkExpiredSignature(uint256 deadline);

    /// @notice The signature is not `objector`'s for this objection: signed by another account, or
    /// for another objection, nonce, deadline, contract or chain.
    error WorkInvalidSignature(address objector);

    /// @notice Governance commissioned work item `id`. `contributor` is zero for an open bounty.
    event WorkCommissioned(
        uint256 indexed id,
        address indexed contributor,
        uint256 indexed principle,
        uint256 reward,
        address paymentToken,
        uint256 paymentAmount,
        string title,
        string specUri
    );

    /// @notice `contributor` took the open bounty `id`.
    event WorkTaken(uint256 indexed id, address indexed contributor);

    /// @notice `contributor` delivered work item `id` at `uri`; objections are open until
    /// `reviewEnds` and dispute the work at `objectionQuorum` votes (as of `snapshot`).
    event WorkDelivered(
        uint256 indexed id,
        address indexed contributor,
        string uri,
        uint256 snapshot,
        uint256 reviewEnds,
        uint256 objectionQuorum
    );

    /// @notice `objector` objected with `weight` votes; the item now has `objections` in all.
    event WorkObjected(uint256 indexed id, address indexed objector, uint256 weight, uint256 objections, string reason);

    /// @notice Work item `id` was accepted: `reward` shares minted and the payment sent to `contributor`.
    event WorkAccepted(
        uint256 indexed id,
        address indexed contributor,
        uint256 reward,
        address paymentToken,
        uint256 paymentAmount
    );

    /// @notice Work item `id` drew `objections` of the `objectionQuorum` needed: only a proposal
    /// can now accept or reject it.
    event WorkDisputed(uint256 indexed id, uint256 objections, uint256 objectionQuorum);

    /// @notice Governance rejected the disputed work item `id`.
    event WorkRejected(uint256 indexed id);

    /// @notice Governance cancelled work item `id`.
    event WorkCancelled(uint256 indexed id);

    /// @notice Principle `index` is now named `name` (a new principle when it is the next index).
    event PrincipleSet(uint256 indexed index, string name);

    /// @notice The review window changed (seconds).
    event ReviewWindowSet(uint256 oldReviewWindow, uint256 newReviewWindow);

    /// @notice The objection threshold changed (percent of supply at delivery).
    event ObjectionThresholdSet(uint256 oldObjectionThreshold, uint256 newObjectionThreshold);

    /// @notice Commissions a work item. Only governance, i.e. by a passed proposal.
    /// @param contributor Who will do it, or the zero address for an open bounty.
    /// @param principle The index of the principle it serves.
    /// @param reward Shares minted to the contributor when the work is accepted.
    /// @param paymentToken The payment's token (address(0) for ETH), paid by the treasury.
    /// @param paymentAmount The payment; 0 for none.
    /// @param title A short title.
    /// @param specUri A link to the specification.
    /// @return id The work item's id, counted from 1.
    function commission(
        address contributor,
        uint256 principle,
        uint256 reward,
        address paymentToken,
        uint256 paymentAmount,
        string calldata title,
        string calldata specUri
    ) external returns (uint256 id);

    /// @notice Takes an open bounty: the caller, a member, becomes its contributor.
    function take(uint256 id) external;

    /// @notice Delivers work item `id` with a link to the result; the review window opens.
    function deliver(uint256 id, string calldata uri) external;

    /// @notice Objects to delivered work during its review window, weighted by the lesser of the
    /// caller's votes when it was delivered and now.
    function object(uint256 id, string calldata reason) external;

    /// @notice Objects for `objector`, who signed the objection (EIP-712 typed data
    /// `Objection(uint256 id,string reason,address objector,uint256 nonce,uint256 deadline)`),
    /// under the same rules as `object`. Anyone may send it: the sender pays the gas, the objection
    /// is `objector`'s. Contract accounts sign through ERC-1271.
    /// @param nonce `objector`'s next nonce (`nonces`); each signature counts once, in order.
    /// @param deadline The last timestamp at which the signature may be used.
    /// @param signature `objector`'s signature of the typed data (65 bytes, or what its ERC-1271 wallet takes).
    function objectBySig(
        uint256 id,
        string calldata reason,
        address objector,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external;

    /// @notice After the review window: accepts the work (reward minted, payment sent) when the
    /// objections stay under the threshold, otherwise marks it disputed. Anyone may call it.
    function settle(uint256 id) external;

    /// @notice Accepts or rejects disputed work. Only governance.
    function resolve(uint256 id, bool accept) external;

    /// @notice Cancels work that is not yet accepted, rejected or cancelled. Only governance.
    function cancel(uint256 id) external;

    /// @notice Renames principle `index`, or adds one at the next index. Only governance.
    function setPrinciple(uint256 index, string calldata name) external;

    /// @notice Sets the review window for work delivered from now on. Only governance.
    function setReviewWindow(uint32 newReviewWindow) external;

    /// @notice Sets the objection threshold for work delivered from now on. Only governance.
    function setObjectionThreshold(uint8 newObjectionThreshold) external;

    /// @notice Work item `id`.
    function item(uint256 id) external view returns (Item memory);

    /// @notice How many work items were commissioned.
    function itemCount() external view returns (uint256);

    /// @notice How many principles the collective has.
    function principleCount() external view returns (uint256);

    /// @notice Seconds members have to object after a delivery.
    function reviewWindow() external view returns (uint256);

    /// @notice Percent of the supply at delivery whose objections dispute a work item.
    function objectionThreshold() external view returns (uint256);

    /// @notice Whether `account` objected to work item `id`.
    function hasObjected(uint256 id, address account) external view returns (bool);
}
