// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IWork} from "./interfaces/IWork.sol";
import {IShares} from "./interfaces/IShares.sol";
import {ITreasury} from "./interfaces/ITreasury.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title Work
/// @notice A collective's work: items commissioned by proposals under its principles, delivered
/// by contributors, reviewed by members, and rewarded in shares (and optionally paid) exactly
/// once when accepted. Also holds how many principles the collective has; their names live in
/// events (the factory's `CollectiveCreated`, then `PrincipleSet`).
/// @dev Used through ERC-1167 clones whose code carries the collective's timelock, shares and
/// treasury (see CloneArgs). A Shares module (it mints rewards) and a payer of the Treasury (it
/// sends payments). Its settings and counters share one slot. Signed objections use EIP-712 with a
/// constant domain name and version: the domain's verifying contract (the clone) and chain id tell
/// collectives apart, and nothing is stored for them (the nonces live in OpenZeppelin's
/// namespaced storage).
contract Work is Initializable, EIP712Upgradeable, NoncesUpgradeable, IWork {
    // solhint-disable-next-line gas-small-strings
    bytes32 private constant _OBJECTION_TYPEHASH = keccak256(
        "Objection(uint256 id,string reason,address objector,uint256 nonce,uint256 deadline)"
    );

    uint256 private constant _MAX_TITLE_BYTES = 200;
    uint256 private constant _MAX_PRINCIPLES = 16;
    uint256 private constant _MAX_PRINCIPLE_BYTES = 64;

    uint32 private _reviewWindow;
    uint8 private _objectionThreshold;
    uint8 private _principleCount;
    uint64 private _itemCount;
    mapping(uint256 id => Item) private _items;
    mapping(uint256 id => mapping(address account => bool)) private _objected;

    modifier onlyGovernance() {
        if (msg.sender != CloneArgs.addressAt(0)) revert WorkUnauthorized(msg.sender);
        _;
    }

    constructor() {
        _disableInitializers();
    }

    /// @notice Sets up a clone.
    /// @param principleCount_ How many principles the collective starts with.
    /// @param reviewWindow_ Seconds members have to object after a delivery.
    /// @param objectionThreshold_ Percent of the supply at delivery whose objections dispute work.
    function initialize(uint8 principleCount_, uint32 reviewWindow_, uint8 objectionThreshold_) external initializer {
        _principleCount = principleCount_;
        _setReviewWindow(reviewWindow_);
        _setObjectionThreshold(objectionThreshold_);
    }

    /// @inheritdoc IWork
    function commission(
        address contributor,
        uint256 principle,
        uint256 reward,
        address paymentToken,
        uint256 paymentAmount,
        string calldata title,
        string calldata specUri
    ) external onlyGovernance returns (uint256 id) {
        if (principle >= _principleCount) revert WorkUnknownPrinciple(principle);
        uint256 titleLength = bytes(title).length;
        if (
            titleLength == 0 ||
            titleLength > _MAX_TITLE_BYTES ||
            (reward == 0 && paymentAmount == 0) ||
            reward > type(uint64).max ||
            paymentAmount > type(uint128).max
        ) revert WorkInvalidTerms();
        id = ++_itemCount;
        Item storage work = _items[id];
        work.contributor = contributor;
        work.reward = uint64(reward);
        work.principle = uint8(principle);
        work.state = State.Commissioned;
        if (paymentAmount > 0) {
            work.paymentToken = paymentToken;
            work.paymentAmount = uint128(paymentAmount);
        }
        emit WorkCommissioned(id, contributor, principle, reward, paymentToken, paymentAmount, title, specUri);
    }

    /// @inheritdoc IWork
    function take(uint256 id) external {
        Item storage work = _itemIn(id, State.Commissioned);
        if (work.contributor != address(0)) revert WorkInvalidState(id, State.Commissioned);
        if (IERC20(_shares()).balanceOf(msg.sender) == 0) revert WorkNotMember(msg.sender);
        work.contributor = msg.sender;
        emit WorkTaken(id, msg.sender);
    }

    /// @inheritdoc IWork
    function deliver(uint256 id, string calldata uri) external {
        Item storage work = _itemIn(id, State.Commissioned);
        if (work.contributor != msg.sender) revert WorkNotContributor(id, msg.sender);
        // Weights are votes as of the second before delivery, which are final by now.
        uint48 snapshot = uint48(block.timestamp - 1);
        uint48 reviewEnds = uint48(block.timestamp) + _reviewWindow;
        uint256 supply = IVotes(_shares()).getPastTotalSupply(snapshot);
        uint64 quorum = uint64(Math.mulDiv(supply, _objectionThreshold, 100, Math.Rounding.Ceil));
        work.state = State.Delivered;
        work.snapshot = snapshot;
        work.reviewEnds = reviewEnds;
        work.objectionQuorum = quorum;
        emit WorkDelivered(id, msg.sender, uri, snapshot, reviewEnds, quorum);
    }

    /// @inheritdoc IWork
    function object(uint256 id, string calldata reason) external {
        _object(id, msg.sender, reason);
    }

    /// @inheritdoc IWork
    function objectBySig(
        uint256 id,
        string calldata reason,
        address objector,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external {
        if (block.timestamp > deadline) revert WorkExpiredSignature(deadline);
        // A replayed or out-of-order signature fails on its nonce (InvalidAccountNonce) before the
        // signature is checked, so a relay can tell a replay from a forgery.
        _useCheckedNonce(objector, nonce);
        bytes32 digest = _hashTypedDataV4(
            keccak256(abi.encode(_OBJECTION_TYPEHASH, id, keccak256(bytes(reason)), objector, nonce, deadline))
        );
        if (!SignatureChecker.isValidSignatureNowCalldata(objector, digest, signature)) {
            revert WorkInvalidSignature(objector);
        }
        _object(id, objector, reason);
    }

    /// @inheritdoc IWork
    function settle(uint256 id) external {
        Item storage work = _itemIn(id, State.Delivered);
        if (block.timestamp <= work.reviewEnds) revert WorkReviewOpen(id, work.reviewEnds);
        if (work.objections >= work.objectionQuorum) {
            work.state = State.Disputed;
            emit WorkDisputed(id, work.objections, work.objectionQuorum);
        } else {
            _accept(id, work);
        }
    }

    /// @inheritdoc IWork
    function resolve(uint256 id, bool accept) external onlyGovernance {
        Item storage work = _itemIn(id, State.Disputed);
        if (accept) {
            _accept(id, work);
        } else {
            work.state = State.Rejected;
            emit WorkRejected(id);
        }
    }

    /// @inheritdoc IWork
    function cancel(uint256 id) external onlyGovernance {
        Item storage work = _items[id];
        State current = work.state;
        if (current == State.None) revert WorkUnknownItem(id);
        if (current != State.Commissioned && current != State.Delivered && current != State.Disputed) {
            revert WorkInvalidState(id, current);
        }
        work.state = State.Cancelled;
        emit WorkCancelled(id);
    }

    /// @inheritdoc IWork
    function setPrinciple(uint256 index, string calldata name) external onlyGovernance {
        uint256 count = _principleCount;
        uint256 length = bytes(name).length;
        if (index > count || index >= _MAX_PRINCIPLES || length == 0 || length > _MAX_PRINCIPLE_BYTES) {
            revert WorkInvalidPrinciple(index);
        }
        if (index == count) _principleCount = uint8(count + 1);
        emit PrincipleSet(index, name);
    }

    /// @inheritdoc IWork
    function setReviewWindow(uint32 newReviewWindow) external onlyGovernance {
        _setReviewWindow(newReviewWindow);
    }

    /// @inheritdoc IWork
    function setObjectionThreshold(uint8 newObjectionThreshold) external onlyGovernance {
        _setObjectionThreshold(newObjectionThreshold);
    }

    /// @inheritdoc IWork
    function item(uint256 id) external view returns (Item memory) {
        return _items[id];
    }

    /// @inheritdoc IWork
    function itemCount() external view returns (uint256) {
        return _itemCount;
    }

    /// @inheritdoc IWork
    function principleCount() external view returns (uint256) {
        return _principleCount;
    }

    /// @inheritdoc IWork
    function reviewWindow() external view returns (uint256) {
        return _reviewWindow;
    }

    /// @inheritdoc IWork
    function objectionThreshold() external view returns (uint256) {
        return _objectionThreshold;
    }

    /// @inheritdoc IWork
    function hasObjected(uint256 id, address account) external view returns (bool) {
        return _objected[id][account];
    }

    function _shares() private view returns (address) {
        return CloneArgs.addressAt(1);
    }

    function _itemIn(uint256 id, State expected) private view returns (Item storage work) {
        work = _items[id];
        State current = work.state;
        if (current == State.None) revert WorkUnknownItem(id);
        if (current != expected) revert WorkInvalidState(id, current);
    }

    /// @dev `objector` objects to work item `id`, whether it sent the objection or signed it.
    function _object(uint256 id, address objector, string calldata reason) private {
        Item storage work = _itemIn(id, State.Delivered);
        if (block.timestamp > work.reviewEnds) revert WorkReviewClosed(id, work.reviewEnds);
        if (_objected[id][objector]) revert WorkAlreadyObjected(id, objector);
        // The lesser of the objector's votes at delivery and now, as a vote's: shares burned on exit
        // (or moved to another delegate) since the delivery no longer decide.
        (uint256 weight, uint256 current) = IShares(_shares()).weightAt(objector, work.snapshot, false);
        if (weight == 0) revert WorkNoObjectionWeight(id, objector);
        if (current == 0) revert WorkNoVotesLeft(id, objector);
        if (current < weight) weight = current;
        _objected[id][objector] = true;
        // Weights are at most the supply, which the shares cap at 64 bits.
        uint64 objections = work.objections + uint64(weight);
        work.objections = objections;
        emit WorkObjected(id, objector, weight, objections, reason);
    }

    /// @dev The state changes before the mint and the payment, so no reentrant call can reward
    /// the same work twice.
    function _accept(uint256 id, Item storage work) private {
        work.state = State.Accepted;
        address contributor = work.contributor;
        uint256 reward = work.reward;
        address token = work.paymentToken;
        uint256 amount = work.paymentAmount;
        emit WorkAccepted(id, contributor, reward, token, amount);
        if (reward > 0) IShares(_shares()).mint(contributor, reward);
        if (amount > 0) ITreasury(CloneArgs.addressAt(2)).pay(token, contributor, amount);
    }

    function _setReviewWindow(uint32 newReviewWindow) private {
        // At least a minute to object, at most 30 days for a contributor to wait.
        if (newReviewWindow < 1 minutes || newReviewWindow > 30 days) revert WorkInvalidSettings();
        emit ReviewWindowSet(_reviewWindow, newReviewWindow);
        _reviewWindow = newReviewWindow;
    }

    function _setObjectionThreshold(uint8 newObjectionThreshold) private {
        if (newObjectionThreshold == 0 || newObjectionThreshold > 100) revert WorkInvalidSettings();
        emit ObjectionThresholdSet(_objectionThreshold, newObjectionThreshold);
        _objectionThreshold = newObjectionThreshold;
    }

    /// @dev The EIP-712 domain's name: the same for every collective's work module, told apart by
    /// the verifying contract.
    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Name() internal pure override returns (string memory) {
        return "Rhizome Work";
    }

    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Version() internal pure override returns (string memory) {
        return "1";
    }
}
