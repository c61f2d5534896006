// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {ICollectiveGovernor} from "../../contracts/interfaces/ICollectiveGovernor.sol";
import {IWork} from "../../contracts/interfaces/IWork.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title VoteTallyTest
/// @notice For + against + abstain on a proposal never exceeds the shares' supply at its
/// snapshot, and always equals the snapshot votes of those who voted, whatever the voters'
/// shares, how they vote, and how votes move by delegation and mints before and after the
/// snapshot; no account can vote twice, and one that never held votes cannot vote at all.
contract VoteTallyTest is CollectiveTest {
    address internal constant EVE = address(uint160(uint256(keccak256("rhizome.eve"))));
    address internal constant FRANK = address(uint160(uint256(keccak256("rhizome.frank"))));

    address[6] internal accounts;
    mapping(address account => bool) internal voted;
    uint256 internal proposalId;
    uint256 internal snapshot;
    uint256 internal countedVotes;

    /// @param founderShares The four founders' shares (alice can always propose).
    /// @param ops Each word is one action before or after the snapshot: a delegation, a mint,
    /// a burn or a vote (see `_apply`); `split` of them run before the snapshot.
    /// @param delay Seconds after the proposal that the pre-snapshot actions run (up to the
    /// snapshot itself).
    /// @param finalVotes How each account votes at the end if it has not voted yet.
    function testFuzz_tallyNeverExceedsSnapshotSupply(
        uint64[4] calldata founderShares,
        uint256[16] calldata ops,
        uint256 split,
        uint256 delay,
        uint8[6] calldata finalVotes
    ) public {
        accounts = [ALICE, BOB, CAROL, DAVE, EVE, FRANK];
        address[] memory founders = new address[](4);
        uint256[] memory amounts = new uint256[](4);
        for (uint256 i = 0; i < 4; ++i) {
            founders[i] = accounts[i];
            amounts[i] = bound(founderShares[i], i == 0 ? 10 : 1, type(uint64).max / 8);
        }
        _create(founders, amounts);

        proposalId = _propose(ALICE, address(work), abi.encodeCall(IWork.setReviewWindow, (1 days)), "Shorter reviews");
        snapshot = governor.proposalSnapshot(proposalId);
        VM.warp(block.timestamp + bound(delay, 0, governor.votingDelay()));
        split = bound(split, 0, ops.length);
        for (uint256 i = 0; i < split; ++i) _apply(ops[i]);

        VM.warp(snapshot + 1);
        assertTrue(governor.state(proposalId) == IGovernor.ProposalState.Active, "the vote is not open");
        for (uint256 i = split; i < ops.length; ++i) _apply(ops[i]);
        for (uint256 i = 0; i < accounts.length; ++i) {
            if (!voted[accounts[i]]) _castVote(accounts[i], finalVotes[i] % 3);
        }
        _checkTally();
    }

    /// @dev One action: 0 delegates, 1 mints, 2 burns (as governance), 3 votes. Voting before
    /// the snapshot must be refused; voting twice must be refused.
    function _apply(uint256 op) internal {
        address actor = accounts[(op >> 8) % accounts.length];
        address other = accounts[(op >> 16) % accounts.length];
        uint256 amount = op >> 24;
        uint256 kind = op % 4;
        if (kind == 0) {
            VM.prank(actor);
            shares.delegate(other);
        } else if (kind == 1) {
            // At most 2^63 founded and 16 * 2^58 minted: the supply stays under its 2^64 - 1 cap.
            _mint(actor, bound(amount, 1, type(uint64).max / 64));
        } else if (kind == 2) {
            uint256 balance = shares.balanceOf(actor);
            if (balance > 0) _burn(actor, bound(amount, 1, balance));
        } else if (block.timestamp <= snapshot) {
            // Voting opens after the snapshot: only an Active proposal (bit 1) takes votes.
            VM.prank(actor);
            VM.expectRevert(
                abi.encodeWithSelector(
                    IGovernor.GovernorUnexpectedProposalState.selector,
                    proposalId,
                    IGovernor.ProposalState.Pending,
                    bytes32(uint256(1 << 1))
                )
            );
            governor.castVote(proposalId, uint8(amount % 3));
        } else {
            _castVote(actor, uint8(amount % 3));
        }
    }

    function _castVote(address voter, uint8 support) internal {
        if (voted[voter]) {
            VM.prank(voter);
            VM.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, voter));
            governor.castVote(proposalId, support);
            return;
        }
        if (shares.voterIndex(voter) == 0) {
            // Never held votes, so none at the snapshot: refused, and nothing counted.
            VM.prank(voter);
            VM.expectRevert(abi.encodeWithSelector(ICollectiveGovernor.GovernorNotAVoter.selector, voter));
            governor.castVote(proposalId, support);
            return;
        }
        uint256 atSnapshot = shares.getPastVotes(voter, snapshot);
        uint256 current = shares.getVotes(voter);
        if (atSnapshot > 0 && current == 0) {
            // Left (or moved every vote away) since the snapshot: no say any more.
            VM.prank(voter);
            VM.expectRevert(abi.encodeWithSelector(ICollectiveGovernor.GovernorNoVotesLeft.selector, voter));
            governor.castVote(proposalId, support);
            return;
        }
        assertTrue(!governor.hasVoted(proposalId, voter), "hasVoted before voting");
        _vote(voter, proposalId, support);
        voted[voter] = true;
        // The lesser of the votes at the snapshot and now: burned or moved shares no longer decide.
        countedVotes += atSnapshot < current ? atSnapshot : current;
        assertTrue(governor.hasVoted(proposalId, voter), "hasVoted after voting");
        _checkTally();
    }

    function _checkTally() internal view {
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(proposalId);
        uint256 total = against + forVotes + abstain;
        assertLe(total, shares.getPastTotalSupply(snapshot), "tally over the supply at the snapshot");
        assertEq(total, countedVotes, "tally != the voters' votes (the lesser of the snapshot's and now)");
    }
}
