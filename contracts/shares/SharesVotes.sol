// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/// @title SharesVotes
/// @notice Whole, non-transferable shares with ERC-5805 voting power on a timestamp clock:
/// balances, delegation (also by EIP-712 signature), and checkpoints of each delegate's votes
/// and of the supply, which the governor reads at every proposal's snapshot.
/// @dev Storage is laid out for the operations a collective repeats. A holder's balance and
/// delegate share one slot. A delegate's latest checkpoint, its voter index and its history
/// length share one slot, so reading recent votes costs one SLOAD and the first checkpoint one
/// SSTORE; older checkpoints move to a history mapping when a newer one arrives. The supply's
/// latest checkpoint shares a slot with the contract's counters. Amounts fit 64 bits.
abstract contract SharesVotes is EIP712Upgradeable, NoncesUpgradeable, IERC20Metadata, IERC20Errors, IERC5805 {
    struct Holder {
        uint64 balance;
        address delegate;
        // When the holder last took its votes away from another account's delegation; 0 if never.
        uint32 movedAt;
    }

    /// @dev The latest checkpoint of one delegate's votes or of the supply.
    struct Head {
        uint48 key;
        uint64 value;
        uint32 count;
        // Delegates: the voter index (from 1). Supply: how many voter indices were given out.
        uint32 index;
        // Supply only: how many applications were made (used by Shares).
        uint48 applications;
        // Delegates: the members (holders of at least one share) whose votes they hold. Supply:
        // how many members there are. What one member, one vote counts.
        uint32 members;
    }

    /// @dev The delegate a holder last took its votes away from, and when it did so the time before.
    struct Move {
        address previous;
        uint32 priorMovedAt;
    }

    struct Checkpoint {
        uint48 key;
        uint64 value;
        uint32 members;
    }

    // solhint-disable-next-line gas-small-strings
    bytes32 private constant _DELEGATION_TYPEHASH = keccak256(
        "Delegation(address delegatee,uint256 nonce,uint256 expiry)"
    );

    string private _name;
    string private _symbol;
    mapping(address account => Holder) private _holders;
    mapping(address delegate => Head) private _heads;
    mapping(address delegate => mapping(uint256 => Checkpoint)) private _history;
    Head internal _supply;
    mapping(uint256 => Checkpoint) private _supplyHistory;
    mapping(address account => Move) private _moves;

    /// @notice A lookup asked for `timepoint`, which is not yet in the past at `clock`.
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);

    /// @notice The supply would pass 2^64-1 shares.
    error SharesSupplyOverflow(uint256 supply);

    // solhint-disable-next-line func-name-mixedcase
    function __SharesVotes_init(string calldata name_, string calldata symbol_) internal onlyInitializing {
        _name = name_;
        _symbol = symbol_;
    }

    /// @inheritdoc IERC20Metadata
    function name() public view returns (string memory) {
        return _name;
    }

    /// @inheritdoc IERC20Metadata
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice Shares are whole units.
    function decimals() external pure returns (uint8) {
        return 0;
    }

    /// @inheritdoc IERC20
    function totalSupply() public view returns (uint256) {
        return _supply.value;
    }

    /// @inheritdoc IERC20
    function balanceOf(address account) public view returns (uint256) {
        return _holders[account].balance;
    }

    /// @notice Always zero: shares cannot be approved for transfer.
    function allowance(address, address) external pure returns (uint256) {
        return 0;
    }

    /// @inheritdoc IVotes
    function delegates(address account) public view returns (address) {
        return _holders[account].delegate;
    }

    /// @inheritdoc IVotes
    function getVotes(address account) external view returns (uint256) {
        return _heads[account].value;
    }

    /// @dev `account`'s votes now.
    function _votesNow(address account) internal view returns (uint256) {
        return _heads[account].value;
    }

    /// @inheritdoc IVotes
    function getPastVotes(address account, uint256 timepoint) public view returns (uint256) {
        _requirePast(timepoint);
        Head storage head = _heads[account];
        (uint48 key, uint64 value) = (head.key, head.value);
        if (key <= timepoint) return value;
        return _search(_history[account], head.count, timepoint).value;
    }

    /// @inheritdoc IVotes
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        _requirePast(timepoint);
        (uint48 key, uint64 value) = (_supply.key, _supply.value);
        if (key <= timepoint) return value;
        return _search(_supplyHistory, _supply.count, timepoint).value;
    }

    /// @inheritdoc IVotes
    function delegate(address delegatee) external {
        _delegate(msg.sender, delegatee);
    }

    /// @inheritdoc IVotes
    function delegateBySig(address delegatee, uint256 nonce, uint256 expiry, uint8 v, bytes32 r, bytes32 s) external {
        if (block.timestamp > expiry) revert VotesExpiredSignature(expiry);
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(_DELEGATION_TYPEHASH, delegatee, nonce, expiry)));
        address signer = ECDSA.recover(digest, v, r, s);
        _useCheckedNonce(signer, nonce);
        _delegate(signer, delegatee);
    }

    /// @notice The clock is the block timestamp (ERC-6372).
    function clock() public view returns (uint48) {
        return Time.timestamp();
    }

    /// @notice The clock mode, as ERC-6372 describes it.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @dev The members (accounts holding at least one share) whose votes `account` holds at
    /// `timepoint`, or now if `timepoint` is the current time: its weight where each member has one vote.
    function _memberVotes(address account, uint256 timepoint) internal view returns (uint256) {
        Head storage head = _heads[account];
        if (head.key <= timepoint) return head.members;
        return _search(_history[account], head.count, timepoint).members;
    }

    /// @dev How many accounts held at least one share at `timepoint`, or hold now if it is the current time.
    function _memberCount(uint256 timepoint) internal view returns (uint256) {
        if (_supply.key <= timepoint) return _supply.members;
        return _search(_supplyHistory, _supply.count, timepoint).members;
    }

    /// @dev `account`'s voter index (from 1, given when it first held votes), or 0.
    function _voterIndex(address account) internal view returns (uint256) {
        return _heads[account].index;
    }

    /// @dev Mints `amount` to `to`. An account without a delegate is delegated to itself first, so
    /// its shares, old and new, vote at once.
    function _mint(address to, uint256 amount) internal {
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        uint256 supply = _supply.value + amount;
        if (supply > type(uint64).max) revert SharesSupplyOverflow(supply);
        Holder memory holder = _holders[to];
        uint256 votes = amount;
        // A new member brings one member vote; so does one whose shares voted for no one.
        uint256 joins = holder.balance == 0 && amount != 0 ? 1 : 0;
        uint256 members = joins;
        if (holder.delegate == address(0)) {
            holder.delegate = to;
            emit DelegateChanged(to, address(0), to);
            // Shares held while delegated to no one start voting too.
            votes += holder.balance;
            if (holder.balance != 0) members = 1;
        }
        uint32 memberCount_ = _supply.members + uint32(joins);
        holder.balance += uint64(amount);
        _holders[to] = holder;
        _pushSupply(uint64(supply), memberCount_);
        emit Transfer(address(0), to, amount);
        _moveVotes(address(0), holder.delegate, votes, members);
    }

    /// @dev Burns `amount` of `from`'s shares.
    function _burn(address from, uint256 amount) internal {
        Holder memory holder = _holders[from];
        if (holder.balance < amount) revert ERC20InsufficientBalance(from, holder.balance, amount);
        // Both fit 64 bits: amount is at most the balance, which is at most the supply.
        uint64 balance = holder.balance - uint64(amount);
        _holders[from].balance = balance;
        // Burning the last share ends a membership, and with it a member vote.
        uint256 members = balance == 0 && amount != 0 ? 1 : 0;
        _pushSupply(_supply.value - uint64(amount), _supply.members - uint32(members));
        emit Transfer(from, address(0), amount);
        _moveVotes(holder.delegate, address(0), amount, members);
    }

    /// @dev Moving votes away from another account (not from oneself) is recorded, with when: the
    /// governor holds a member to the *for* votes their former delegate cast with them.
    function _delegate(address account, address delegatee) private {
        Holder memory holder = _holders[account];
        address previous = holder.delegate;
        if (previous != account && previous != address(0) && previous != delegatee) {
            _moves[account] = Move(previous, holder.movedAt);
            holder.movedAt = uint32(block.timestamp);
        }
        holder.delegate = delegatee;
        _holders[account] = holder;
        emit DelegateChanged(account, previous, delegatee);
        _moveVotes(previous, delegatee, holder.balance, holder.balance == 0 ? 0 : 1);
    }

    /// @dev `account`'s delegate; the delegate it last moved its votes away from, with when; and
    /// when it had done so the time before (zeros if never).
    function _delegation(
        address account
    ) internal view returns (address current, address previous, uint256 movedAt, uint256 priorMovedAt) {
        Holder memory holder = _holders[account];
        Move memory move = _moves[account];
        return (holder.delegate, move.previous, holder.movedAt, move.priorMovedAt);
    }

    /// @dev Moves `amount` votes and `members` member votes (0 or 1) from one delegate to another.
    function _moveVotes(address from, address to, uint256 amount, uint256 members) private {
        if (from == to || amount == 0) return;
        if (from != address(0)) _pushVotes(from, false, amount, members);
        if (to != address(0)) _pushVotes(to, true, amount, members);
    }

    function _pushVotes(address account, bool add, uint256 amount, uint256 members) private {
        Head memory head = _heads[account];
        uint64 previous = head.value;
        // Amounts and votes are bounded by the supply, which fits 64 bits; member votes by the
        // member count, which fits 32.
        uint64 next = add ? previous + uint64(amount) : previous - uint64(amount);
        uint32 nextMembers = add ? head.members + uint32(members) : head.members - uint32(members);
        if (head.index == 0) head.index = ++_supply.index;
        _heads[account] = _advance(head, _history[account], next, nextMembers);
        emit DelegateVotesChanged(account, previous, next);
    }

    function _pushSupply(uint64 supply, uint32 members) private {
        _supply = _advance(_supply, _supplyHistory, supply, members);
    }

    /// @dev Sets the head's values at the current time, moving the previous head into history if
    /// it is from an earlier time.
    function _advance(
        Head memory head,
        mapping(uint256 => Checkpoint) storage history,
        uint64 value,
        uint32 members
    ) private returns (Head memory) {
        uint48 now_ = clock();
        if (head.key != now_) {
            if (head.key != 0) history[head.count++] = Checkpoint(head.key, head.value, head.members);
            head.key = now_;
        }
        head.value = value;
        head.members = members;
        return head;
    }

    /// @dev The checkpoint in force at `timepoint` from a history of `count` checkpoints older
    /// than the head: the last one at or before it (binary search), else zeros.
    function _search(
        mapping(uint256 => Checkpoint) storage history,
        uint256 count,
        uint256 timepoint
    ) private view returns (Checkpoint memory) {
        uint256 low = 0;
        uint256 high = count;
        while (low < high) {
            uint256 mid = (low + high) / 2;
            if (history[mid].key > timepoint) high = mid;
            else low = mid + 1;
        }
        return high == 0 ? Checkpoint(0, 0, 0) : history[high - 1];
    }

    function _requirePast(uint256 timepoint) internal view {
        // The same test as against `clock()`, without its cast until there is an error to report.
        if (timepoint >= block.timestamp) revert ERC5805FutureLookup(timepoint, clock());
    }

    /// @dev The EIP-712 domain reuses the shares' name instead of storing it a second time.
    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Name() internal view override returns (string memory) {
        return _name;
    }

    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Version() internal pure override returns (string memory) {
        return "1";
    }
}
