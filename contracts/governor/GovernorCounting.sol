// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IShares} from "../interfaces/IShares.sol";
import {ICollectiveGovernor} from "../interfaces/ICollectiveGovernor.sol";

/// @title GovernorCounting
/// @notice For, against and abstain votes; quorum counts for and abstain. Votes count by
/// shares, one per member, or in both houses (the collective's counting rule, fixed for each
/// proposal at its snapshot). Each member's *for* votes are also committed to, so the treasury
/// can refuse their exit while a proposal they backed can still run (the Moloch rule).
/// @dev A proposal's three tallies and its quorum share one slot (shares are whole units that
/// fit 64 bits). Under another rule than shares, the first vote writes a marker in place of the
/// quorum and the rule, the quorums and the members' house in a second slot, so voting by shares
/// pays nothing for the rules it does not use. Who voted is a bitmap over the voters' indices,
/// so most voters set a bit in a word another voter already paid for instead of a fresh slot.
/// The shares give an account its index when it first holds votes and never change it, so an
/// account that never held votes (and so has none at any snapshot) cannot vote at all.
abstract contract GovernorCounting is GovernorUpgradeable, ICollectiveGovernor {
    using Checkpoints for Checkpoints.Trace208;

    struct Tally {
        uint64 againstVotes;
        uint64 forVotes;
        uint64 abstainVotes;
        // Quorum at the snapshot plus one, written by the first vote; zero until then; _HOUSES
        // when the proposal counts by another rule than shares (see House).
        uint64 quorumPlusOne;
    }

    /// @dev A proposal counted by members or by both houses: its rule, the quorum of its tallies,
    /// and under both houses the members' house (member counts fit 32 bits).
    struct House {
        CountingRule rule;
        uint64 quorum;
        uint32 againstVotes;
        uint32 forVotes;
        uint32 abstainVotes;
        uint32 memberQuorum;
    }

    bytes32 private constant _EMPTY_CHAIN = bytes32(uint256(1));
    // No quorum by shares reaches it: the quorum is at most 80% of a supply below 2^64.
    uint64 private constant _HOUSES = type(uint64).max;

    mapping(uint256 proposalId => Tally) private _tallies;
    mapping(uint256 proposalId => House) private _houses;
    Checkpoints.Trace208 private _countingRules;
    mapping(uint256 proposalId => mapping(uint256 word => uint256 bits)) private _votedBits;
    mapping(address voter => bytes32) private _forVoteChain;

    /// @notice Votes are for, against or abstain; quorum counts for and abstain votes.
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for,abstain";
    }

    // solhint-disable-next-line func-name-mixedcase
    function __GovernorCounting_init(uint8 rule) internal onlyInitializing {
        _setCountingRule(rule);
    }

    /// @inheritdoc ICollectiveGovernor
    function countingRule() external view returns (CountingRule) {
        return CountingRule(_countingRules.latest());
    }

    /// @inheritdoc ICollectiveGovernor
    function setCountingRule(uint8 newRule) external onlyGovernance {
        _setCountingRule(newRule);
    }

    /// @dev How votes count on `proposalId`: the rule in force at its snapshot.
    function _proposalRule(uint256 proposalId) internal view returns (CountingRule) {
        uint64 marker = _tallies[proposalId].quorumPlusOne;
        if (marker == _HOUSES) return _houses[proposalId].rule;
        return marker == 0 ? _ruleAt(proposalSnapshot(proposalId)) : CountingRule.Shares;
    }

    /// @inheritdoc ICollectiveGovernor
    function proposalCounting(
        uint256 proposalId
    )
        external
        view
        returns (CountingRule rule, uint256 againstVotes, uint256 forVotes, uint256 abstainVotes, uint256 quorum_)
    {
        rule = _proposalRule(proposalId);
        if (rule == CountingRule.Shares) return (rule, 0, 0, 0, 0);
        uint256 snapshot = proposalSnapshot(proposalId);
        // Unknown (zero) until the snapshot passes.
        if (snapshot < clock()) quorum_ = _memberQuorum(snapshot);
        if (rule == CountingRule.Members) {
            (againstVotes, forVotes, abstainVotes) = proposalVotes(proposalId);
        } else {
            House memory house = _houses[proposalId];
            (againstVotes, forVotes, abstainVotes) = (house.againstVotes, house.forVotes, house.abstainVotes);
        }
    }

    /// @dev The members who must vote for or abstain at `timepoint`: the quorum percentage of the member count.
    function _memberQuorum(uint256 timepoint) private view returns (uint256) {
        return (_shares().getPastMemberCount(timepoint) * _quorumPercentAt(timepoint)) / 100;
    }

    /// @notice Whether `account` voted on `proposalId`.
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        return _isMarked(_votedBits[proposalId], _shares().voterIndex(account));
    }

    /// @dev Whether voter index `index` is set in `marks`, a bitmap over voter indices (of who
    /// voted on a proposal, or objected to it).
    function _isMarked(
        mapping(uint256 word => uint256 bits) storage marks,
        uint256 index
    ) internal view returns (bool) {
        return index != 0 && marks[index >> 8] & (1 << (index & 0xff)) != 0;
    }

    /// @dev Sets `account`'s voter index `index` in `marks`; false if it was set already.
    function _mark(
        mapping(uint256 word => uint256 bits) storage marks,
        address account,
        uint256 index
    ) internal returns (bool) {
        if (index == 0) revert GovernorNotAVoter(account);
        uint256 bit = 1 << (index & 0xff);
        uint256 bits = marks[index >> 8];
        if (bits & bit != 0) return false;
        marks[index >> 8] = bits | bit;
        return true;
    }

    /// @notice The tallies of a proposal.
    function proposalVotes(
        uint256 proposalId
    ) public view virtual returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) {
        Tally memory tally = _tallies[proposalId];
        return (tally.againstVotes, tally.forVotes, tally.abstainVotes);
    }

    /// @inheritdoc ICollectiveGovernor
    function forVoteChain(address voter) external view returns (bytes32) {
        return _forVoteChain[voter];
    }

    /// @inheritdoc ICollectiveGovernor
    function releaseForVotes(address voter, uint256[] calldata proposalIds) external {
        _release(voter, proposalIds, true);
    }

    /// @inheritdoc ICollectiveGovernor
    function checkExit(address member, uint256[] calldata proposalIds) external {
        if (msg.sender != _treasury()) revert GovernorNotTreasury(msg.sender);
        _release(member, proposalIds, true);
        (address current, address previous, uint256 movedAt, uint256 priorMovedAt) = _shares().delegation(member);
        if (current != member && current != address(0) && !_released(current)) {
            revert GovernorDelegateBound(member, current);
        }
        if (previous == address(0)) return;
        // A proposal whose snapshot came before a move ends, at the latest, a voting period, an
        // execution window, the grace period and a window again after it. Only the last delegate
        // moved away from is recorded: after two moves within that time, the member waits it out.
        uint256 life = _longestProposalLife();
        if (priorMovedAt != 0 && block.timestamp <= priorMovedAt + life) {
            revert GovernorRecentlyMoved(member, priorMovedAt + life + 1);
        }
        if (!_released(previous) && block.timestamp <= movedAt + life) revert GovernorDelegateBound(member, previous);
    }

    /// @dev Whether `voter` has no *for* votes to release.
    function _released(address voter) private view returns (bool) {
        bytes32 chain = _forVoteChain[voter];
        return chain == 0 || chain == _EMPTY_CHAIN;
    }

    /// @dev The collective's treasury.
    function _treasury() internal view virtual returns (address);

    /// @dev The longest a proposal can stay able to run after its snapshot, under the current settings.
    function _longestProposalLife() internal view virtual returns (uint256);

    /// @inheritdoc ICollectiveGovernor
    function pruneForVotes(uint256[] calldata proposalIds) external returns (uint256 remaining) {
        return _release(msg.sender, proposalIds, false);
    }

    /// @dev Checks `proposalIds` against `voter`'s chain, then keeps only those that can still
    /// run; `strict`, there must be none.
    function _release(address voter, uint256[] calldata proposalIds, bool strict) private returns (uint256 remaining) {
        bytes32 chain = _forVoteChain[voter];
        // Nothing to release: a release someone else made first changes nothing for an exit.
        if (chain == 0 || chain == _EMPTY_CHAIN) return 0;
        bytes32 expected = _EMPTY_CHAIN;
        bytes32 kept = _EMPTY_CHAIN;
        uint256[] memory keptIds = new uint256[](strict ? 0 : proposalIds.length);
        for (uint256 i = 0; i < proposalIds.length; ++i) {
            uint256 proposalId = proposalIds[i];
            expected = keccak256(abi.encode(expected, proposalId));
            ProposalState current = state(proposalId);
            if (
                current == ProposalState.Pending ||
                current == ProposalState.Active ||
                current == ProposalState.Succeeded ||
                current == ProposalState.Queued
            ) {
                if (strict) revert GovernorExitLocked(voter, proposalId, current);
                kept = keccak256(abi.encode(kept, proposalId));
                keptIds[remaining++] = proposalId;
            }
        }
        if (expected != chain) revert GovernorForVotesMismatch(voter);
        _forVoteChain[voter] = kept;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(keptIds, remaining)
        }
        emit ForVotesReleased(voter, proposalIds.length - remaining, keptIds);
    }

    /// @dev The collective's shares, which give votes and member indices.
    function _shares() internal view virtual returns (IShares);

    /// @dev Counts a vote under the voter's index, weighing the lesser of `totalWeight` (the
    /// voter's votes at the snapshot, which the governor looked up) and the votes it holds now:
    /// shares burned on exit since the snapshot, or moved to another delegate, no longer decide.
    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory
    ) internal virtual override returns (uint256) {
        IShares shares = _shares();
        return _record(proposalId, account, shares.voterIndex(account), support, totalWeight, shares);
    }

    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        Tally memory tally = _tallies[proposalId];
        uint256 counted = uint256(tally.forVotes) + tally.abstainVotes;
        if (tally.quorumPlusOne == 0) return _quorumBeforeVotes(proposalId) <= counted;
        if (tally.quorumPlusOne != _HOUSES) return tally.quorumPlusOne - 1 <= counted;
        House memory house = _houses[proposalId];
        return
            house.quorum <= counted &&
            (house.rule != CountingRule.Both || house.memberQuorum <= uint256(house.forVotes) + house.abstainVotes);
    }

    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        Tally memory tally = _tallies[proposalId];
        if (tally.forVotes <= tally.againstVotes) return false;
        if (tally.quorumPlusOne != _HOUSES) return true;
        House memory house = _houses[proposalId];
        return house.rule != CountingRule.Both || house.forVotes > house.againstVotes;
    }

    /// @dev The quorum of a proposal no one voted on yet, under the rule at its snapshot.
    function _quorumBeforeVotes(uint256 proposalId) private view returns (uint256) {
        uint256 snapshot = proposalSnapshot(proposalId);
        CountingRule rule = _ruleAt(snapshot);
        if (rule == CountingRule.Members) return _memberQuorum(snapshot);
        if (rule == CountingRule.Both) return Math.max(quorum(snapshot), _memberQuorum(snapshot));
        return quorum(snapshot);
    }

    /// @dev The counting rule in force at `timepoint`.
    function _ruleAt(uint256 timepoint) private view returns (CountingRule) {
        return CountingRule(_countingRules.upperLookupRecent(uint48(timepoint)));
    }

    /// @dev The quorum percentage in force at `timepoint`.
    function _quorumPercentAt(uint256 timepoint) internal view virtual returns (uint256);

    /// @dev Fixes a proposal's counting at its first vote: the rule at its snapshot and its
    /// quorums. Returns what the tally keeps in place of the quorum.
    function _fixCounting(uint256 proposalId) private returns (uint64) {
        uint256 snapshot = proposalSnapshot(proposalId);
        CountingRule rule = _ruleAt(snapshot);
        // Quorums are at most the supply or the member count, which fit 64 and 32 bits.
        if (rule == CountingRule.Shares) return uint64(quorum(snapshot) + 1);
        House storage house = _houses[proposalId];
        house.rule = rule;
        if (rule == CountingRule.Members) {
            house.quorum = uint64(_memberQuorum(snapshot));
        } else {
            house.quorum = uint64(quorum(snapshot));
            house.memberQuorum = uint32(_memberQuorum(snapshot));
        }
        return _HOUSES;
    }

    /// @dev Counts a vote by members: one member, one vote, the result being the weight of the
    /// proposal's tally; or the members' house of two, the shares' weight (`weight`) being it.
    function _countMembers(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 weight,
        IShares shares
    ) private returns (uint256) {
        (uint256 atSnapshot, uint256 current) = shares.weightAt(account, proposalSnapshot(proposalId), true);
        uint256 members = Math.min(atSnapshot, current);
        if (members == 0) revert GovernorNoVotesLeft(account);
        House memory house = _houses[proposalId];
        if (house.rule == CountingRule.Members) return members;
        // Member counts fit 32 bits; an invalid support reverts with the shares' tally.
        if (support == uint8(VoteType.Against)) house.againstVotes += uint32(members);
        else if (support == uint8(VoteType.For)) house.forVotes += uint32(members);
        else house.abstainVotes += uint32(members);
        _houses[proposalId] = house;
        emit MemberVoteCast(account, proposalId, support, members);
        return weight;
    }

    function _setCountingRule(uint8 newRule) private {
        if (newRule > uint8(CountingRule.Both)) revert GovernorInvalidCountingRule(newRule);
        uint256 count = _countingRules.length();
        CountingRule old = CountingRule(count == 0 ? 0 : _countingRules.latest());
        emit CountingRuleSet(old, CountingRule(newRule));
        _countingRules.push(clock(), newRule);
    }

    function _record(
        uint256 proposalId,
        address account,
        uint256 index,
        uint8 support,
        uint256 weight,
        IShares shares
    ) private returns (uint256) {
        if (!_mark(_votedBits[proposalId], account, index)) revert GovernorAlreadyCastVote(account);
        uint256 current = IVotes(address(shares)).getVotes(account);
        if (current < weight) {
            if (current == 0) revert GovernorNoVotesLeft(account);
            weight = current;
        }

        Tally memory tally = _tallies[proposalId];
        if (tally.quorumPlusOne == 0) tally.quorumPlusOne = _fixCounting(proposalId);
        if (tally.quorumPlusOne == _HOUSES) weight = _countMembers(proposalId, account, support, weight, shares);
        // Weights are at most the supply, which the shares cap at 64 bits.
        if (support == uint8(VoteType.Against)) {
            tally.againstVotes += uint64(weight);
        } else if (support == uint8(VoteType.For)) {
            tally.forVotes += uint64(weight);
            bytes32 chain = _forVoteChain[account];
            _forVoteChain[account] = keccak256(abi.encode(chain == 0 ? _EMPTY_CHAIN : chain, proposalId));
        } else if (support == uint8(VoteType.Abstain)) {
            tally.abstainVotes += uint64(weight);
        } else {
            revert GovernorInvalidVoteType();
        }
        _tallies[proposalId] = tally;
        return weight;
    }

    enum VoteType {
        Against,
        For,
        Abstain
    }
}
