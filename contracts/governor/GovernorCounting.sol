// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IShares} from "../interfaces/IShares.sol";
import {ICollectiveGovernor} from "../interfaces/ICollectiveGovernor.sol";

/// @title GovernorCounting
/// @notice For, against and abstain votes; quorum counts for and abstain. Each member's *for*
/// votes are also committed to, so the treasury can refuse their exit while a proposal they
/// backed can still run (the Moloch rule).
/// @dev A proposal's three tallies and its quorum share one slot (shares are whole units that
/// fit 64 bits). Who voted is a bitmap over the voters' indices, so most voters set a bit in a
/// word another voter already paid for instead of a fresh slot. The shares give an account its
/// index when it first holds votes and never change it, so an account that never held votes
/// (and so has none at any snapshot) cannot vote at all.
abstract contract GovernorCounting is GovernorUpgradeable, ICollectiveGovernor {
    struct Tally {
        uint64 againstVotes;
        uint64 forVotes;
        uint64 abstainVotes;
        // Quorum at the snapshot plus one, written by the first vote; zero until then.
        uint64 quorumPlusOne;
    }

    bytes32 private constant _EMPTY_CHAIN = bytes32(uint256(1));

    mapping(uint256 proposalId => Tally) private _tallies;
    mapping(uint256 proposalId => mapping(uint256 word => uint256 bits)) private _votedBits;
    mapping(address voter => bytes32) private _forVoteChain;

    /// @notice Votes are for, against or abstain; quorum counts for and abstain votes.
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for,abstain";
    }

    /// @notice Whether `account` voted on `proposalId`.
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        uint256 index = _shares().voterIndex(account);
        return index != 0 && _votedBits[proposalId][index >> 8] & (1 << (index & 0xff)) != 0;
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
        uint256 required = tally.quorumPlusOne == 0 ? quorum(proposalSnapshot(proposalId)) : tally.quorumPlusOne - 1;
        return required <= uint256(tally.forVotes) + tally.abstainVotes;
    }

    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        Tally memory tally = _tallies[proposalId];
        return tally.forVotes > tally.againstVotes;
    }

    function _record(
        uint256 proposalId,
        address account,
        uint256 index,
        uint8 support,
        uint256 weight,
        IShares shares
    ) private returns (uint256) {
        if (index == 0) revert GovernorNotAVoter(account);
        uint256 bit = 1 << (index & 0xff);
        uint256 bits = _votedBits[proposalId][index >> 8];
        if (bits & bit != 0) revert GovernorAlreadyCastVote(account);
        _votedBits[proposalId][index >> 8] = bits | bit;
        uint256 current = IVotes(address(shares)).getVotes(account);
        if (current < weight) {
            if (current == 0) revert GovernorNoVotesLeft(account);
            weight = current;
        }

        Tally memory tally = _tallies[proposalId];
        if (tally.quorumPlusOne == 0) tally.quorumPlusOne = uint64(quorum(proposalSnapshot(proposalId)) + 1);
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
