// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
// solhint-disable-next-line max-line-length
import {GovernorVotesQuorumFractionUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesQuorumFractionUpgradeable.sol";
import {ICollectiveGovernor} from "../../contracts/interfaces/ICollectiveGovernor.sol";
import {ICollectiveTimelock} from "../../contracts/interfaces/ICollectiveTimelock.sol";
import {IWork} from "../../contracts/interfaces/IWork.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title GovernanceEdgesTest
/// @notice The governor's and the timelock's less travelled paths: every parameter changed by a
/// passed proposal and every invalid value refused at execution, expiry of a queued proposal,
/// votes with params or of an unknown type, releasing *for* votes with the wrong ids, and the
/// timelock refusing to schedule an operation twice.
contract GovernanceEdgesTest is CollectiveTest {
    bytes32 private constant _EMPTY = bytes32(uint256(1));

    function test_parametersChangeOnlyThroughPassedProposals() public {
        _pass(address(governor), abi.encodeCall(ICollectiveGovernor.setVotingDelay, (120)), "Longer delay");
        assertEq(governor.votingDelay(), 120, "voting delay");
        _pass(address(governor), abi.encodeCall(ICollectiveGovernor.setVotingPeriod, (7_200)), "Longer period");
        assertEq(governor.votingPeriod(), 7_200, "voting period");
        _pass(address(governor), abi.encodeCall(ICollectiveGovernor.setProposalThreshold, (5)), "Lower threshold");
        assertEq(governor.proposalThreshold(), 5, "proposal threshold");
        _pass(address(governor), abi.encodeCall(ICollectiveGovernor.setExecutionWindow, (1 days)), "Shorter window");
        assertEq(governor.executionWindow(), 1 days, "execution window");
        _pass(address(timelock), abi.encodeCall(ICollectiveTimelock.updateDelay, (60)), "Shorter delay");
        assertEq(timelock.getMinDelay(), 60, "timelock delay");

        // Directly, even as the timelock, nothing changes: the call is not part of a proposal, so
        // the governor's queue of governance calls is empty (OpenZeppelin's popFront panics, 0x31).
        VM.prank(address(timelock));
        VM.expectRevert(abi.encodeWithSignature("Panic(uint256)", 0x31));
        governor.setVotingDelay(1);
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, ALICE));
        governor.setVotingDelay(1);
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ICollectiveTimelock.TimelockOnlySelf.selector, ALICE));
        timelock.updateDelay(1);
    }

    function test_outOfBoundsParametersFailTheirProposalAtExecution() public {
        address g = address(governor);
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setVotingPeriod, (599)),
            "Too short a vote",
            abi.encodeWithSelector(IGovernor.GovernorInvalidVotingPeriod.selector, 599)
        );
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setVotingPeriod, (30 days + 1)),
            "Too long a vote",
            abi.encodeWithSelector(IGovernor.GovernorInvalidVotingPeriod.selector, 30 days + 1)
        );
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setVotingDelay, (30 days + 1)),
            "Too long a delay",
            abi.encodeWithSelector(ICollectiveGovernor.GovernorInvalidVotingDelay.selector, 30 days + 1)
        );
        // The supply is 1,000 shares: a threshold above it would stop all proposals.
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setProposalThreshold, (1_001)),
            "Threshold above the supply",
            abi.encodeWithSelector(ICollectiveGovernor.GovernorInvalidProposalThreshold.selector, 1_001)
        );
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setExecutionWindow, (1 hours - 1)),
            "Too short a window",
            abi.encodeWithSelector(ICollectiveGovernor.GovernorInvalidExecutionWindow.selector, 1 hours - 1)
        );
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setExecutionWindow, (90 days + 1)),
            "Too long a window",
            abi.encodeWithSelector(ICollectiveGovernor.GovernorInvalidExecutionWindow.selector, 90 days + 1)
        );
    }

    function test_outOfBoundsQuorumDelayAndReviewFailTheirProposalAtExecution() public {
        address g = address(governor);
        _expectExecutionFails(
            g,
            abi.encodeWithSignature("updateQuorumNumerator(uint256)", 0),
            "No quorum",
            abi.encodeWithSelector(
                GovernorVotesQuorumFractionUpgradeable.GovernorInvalidQuorumFraction.selector,
                0,
                100
            )
        );
        _expectExecutionFails(
            g,
            abi.encodeWithSignature("updateQuorumNumerator(uint256)", 81),
            "Everyone's quorum",
            abi.encodeWithSelector(
                GovernorVotesQuorumFractionUpgradeable.GovernorInvalidQuorumFraction.selector,
                81,
                100
            )
        );
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setVetoThreshold, (0)),
            "No veto threshold",
            abi.encodeWithSelector(ICollectiveGovernor.GovernorInvalidVetoThreshold.selector, 0)
        );
        _expectExecutionFails(
            g,
            abi.encodeCall(ICollectiveGovernor.setVetoThreshold, (51)),
            "A majority's veto",
            abi.encodeWithSelector(ICollectiveGovernor.GovernorInvalidVetoThreshold.selector, 51)
        );
        _expectExecutionFails(
            address(timelock),
            abi.encodeCall(ICollectiveTimelock.updateDelay, (30 days + 1)),
            "Too long a grace period",
            abi.encodeWithSelector(ICollectiveTimelock.TimelockInvalidDelay.selector, 30 days + 1)
        );
        _expectExecutionFails(
            address(work),
            abi.encodeCall(IWork.setReviewWindow, (59)),
            "Too short a review",
            abi.encodeWithSelector(IWork.WorkInvalidSettings.selector)
        );
    }

    function test_parametersAtTheirBoundsPass() public {
        address g = address(governor);
        _pass(g, abi.encodeCall(ICollectiveGovernor.setVotingPeriod, (600)), "Shortest vote");
        assertEq(governor.votingPeriod(), 600, "shortest vote");
        _pass(g, abi.encodeCall(ICollectiveGovernor.setVotingPeriod, (30 days)), "Longest vote");
        _pass(g, abi.encodeCall(ICollectiveGovernor.setExecutionWindow, (1 hours)), "Shortest window");
        _pass(g, abi.encodeCall(ICollectiveGovernor.setExecutionWindow, (90 days)), "Longest window");
        _pass(g, abi.encodeWithSignature("updateQuorumNumerator(uint256)", 80), "Highest quorum");
        _pass(g, abi.encodeWithSignature("updateQuorumNumerator(uint256)", 1), "Lowest quorum");
        _pass(g, abi.encodeCall(ICollectiveGovernor.setVetoThreshold, (1)), "Lowest veto");
        _pass(g, abi.encodeCall(ICollectiveGovernor.setVetoThreshold, (50)), "Highest veto");
        assertEq(governor.vetoThreshold(), 50, "highest veto threshold");
        _pass(address(timelock), abi.encodeCall(ICollectiveTimelock.updateDelay, (30 days)), "Longest grace");
        assertEq(timelock.getMinDelay(), 30 days, "longest grace period");
        // Last: no one but a holder of every share could propose after it.
        _pass(g, abi.encodeCall(ICollectiveGovernor.setProposalThreshold, (1_000)), "Whole supply");
        assertEq(governor.proposalThreshold(), 1_000, "threshold at the supply");
    }

    function test_queuedProposalExpiresAfterTheExecutionWindow() public {
        bytes memory call = abi.encodeCall(IWork.setReviewWindow, (1 days));
        uint256 id = _win(address(work), call, "Shorter reviews");
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(address(work), call);
        governor.queue(targets, values, calldatas, keccak256("Shorter reviews"));
        assertEq(timelock.readyAt(id), block.timestamp + timelock.getMinDelay(), "ready at");
        VM.warp(governor.proposalEta(id) + governor.executionWindow());
        assertTrue(governor.state(id) == IGovernor.ProposalState.Queued, "queued until the window ends");
        VM.warp(block.timestamp + 1);
        assertTrue(governor.state(id) == IGovernor.ProposalState.Expired, "expired after the window");
        // A proposal that needs queueing is executable only when Queued (bit 5).
        VM.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Expired,
                bytes32(uint256(1 << 5))
            )
        );
        governor.execute(targets, values, calldatas, keccak256("Shorter reviews"));
        // Expired can no longer run, so it no longer locks alice's exit.
        VM.prank(ALICE);
        treasury.ragequit(1, new address[](0), _ids(id));
    }

    function test_votesWithParamsAndOfUnknownType() public {
        uint256 id = _propose(ALICE, address(work), abi.encodeCall(IWork.setReviewWindow, (1 days)), "Reviews");
        VM.warp(block.timestamp + governor.votingDelay() + 1);
        VM.prank(ALICE);
        governor.castVoteWithReasonAndParams(id, 1, "Yes", hex"01");
        (, uint256 forVotes, ) = governor.proposalVotes(id);
        assertEq(forVotes, 600, "for votes");
        VM.prank(BOB);
        VM.expectRevert(IGovernor.GovernorInvalidVoteType.selector);
        governor.castVote(id, 3);
        assertTrue(!governor.hasVoted(id, BOB), "a refused vote is not recorded");
    }

    function test_releasingForVotesNeedsExactlyTheBackedProposals() public {
        bytes memory call = abi.encodeCall(IWork.setReviewWindow, (1 days));
        uint256 id = _pass(address(work), call, "Shorter reviews");
        bytes32 backed = governor.forVoteChain(ALICE);
        assertTrue(backed != bytes32(0) && backed != _EMPTY, "alice's for vote is on her chain");
        uint256[] memory twice = new uint256[](2);
        (twice[0], twice[1]) = (id, id);
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ICollectiveGovernor.GovernorForVotesMismatch.selector, ALICE));
        governor.releaseForVotes(ALICE, twice);
        // Anyone may release her chain once everything on it has ended: it only ever clears.
        VM.expectEmit(true, false, false, true, address(governor));
        emit ICollectiveGovernor.ForVotesReleased(ALICE, 1, new uint256[](0));
        VM.prank(BOB);
        governor.releaseForVotes(ALICE, _ids(id));
        assertEq(governor.forVoteChain(ALICE), _EMPTY, "released");
        // Released already, the same list again (the exit she built before) or none changes nothing.
        VM.prank(ALICE);
        governor.releaseForVotes(ALICE, _ids(id));
        VM.prank(ALICE);
        governor.releaseForVotes(ALICE, new uint256[](0));
        assertEq(governor.forVoteChain(ALICE), _EMPTY, "still released");
        VM.prank(ALICE);
        treasury.ragequit(1, new address[](0), _ids(id));
    }

    function test_forVotesArePrunedInParts() public {
        uint256 done = _pass(address(work), abi.encodeCall(IWork.setReviewWindow, (1 days)), "Shorter reviews");
        uint256 open = _win(address(work), abi.encodeCall(IWork.setReviewWindow, (2 days)), "Two-day reviews");
        uint256[] memory both = new uint256[](2);
        (both[0], both[1]) = (done, open);
        // The strict release an exit makes names the open one.
        VM.prank(ALICE);
        VM.expectRevert(
            abi.encodeWithSelector(
                ICollectiveGovernor.GovernorExitLocked.selector,
                ALICE,
                open,
                IGovernor.ProposalState.Succeeded
            )
        );
        governor.releaseForVotes(ALICE, both);
        // Pruning drops the executed one and keeps the open one, which is now the whole chain.
        VM.expectEmit(true, false, false, true, address(governor));
        emit ICollectiveGovernor.ForVotesReleased(ALICE, 1, _ids(open));
        VM.prank(ALICE);
        assertEq(governor.pruneForVotes(both), 1, "one kept");
        assertEq(governor.forVoteChain(ALICE), keccak256(abi.encode(_EMPTY, open)), "the chain is the kept one");
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ICollectiveGovernor.GovernorForVotesMismatch.selector, ALICE));
        governor.pruneForVotes(both);
        // Once it has run, the one-item list releases her.
        _queueAndExecute(address(work), abi.encodeCall(IWork.setReviewWindow, (2 days)), "Two-day reviews");
        VM.prank(ALICE);
        governor.releaseForVotes(ALICE, _ids(open));
        assertEq(governor.forVoteChain(ALICE), _EMPTY, "released");
    }

    function test_timelockRunsOnlyWhatTheGovernorScheduledOnce() public {
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ICollectiveTimelock.TimelockUnauthorized.selector, ALICE));
        timelock.schedule(7);
        VM.prank(address(governor));
        timelock.schedule(7);
        VM.prank(address(governor));
        VM.expectRevert(abi.encodeWithSelector(ICollectiveTimelock.TimelockOperationExists.selector, 7));
        timelock.schedule(7);
        assertEq(timelock.governor(), address(governor), "the timelock's governor");
    }

    /// @dev Passes a proposal calling `target` with `data` and expects its execution to fail with
    /// `reason`: recorded as failed, for good, with nothing changed.
    function _expectExecutionFails(
        address target,
        bytes memory data,
        string memory description,
        bytes memory reason
    ) internal {
        uint256 id = _win(target, data, description);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(target, data);
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
        VM.warp(block.timestamp + timelock.getMinDelay() + 1);
        VM.expectEmit(true, false, false, true, address(timelock));
        emit ICollectiveTimelock.OperationFailed(id, reason);
        governor.execute(targets, values, calldatas, keccak256(bytes(description)));
        assertTrue(governor.proposalFailed(id), "recorded as failed");
        assertTrue(governor.state(id) == IGovernor.ProposalState.Executed, "over, as executed");
        // Executing again: the governor expects it Queued (bit 5), and it is Executed.
        VM.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Executed,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Queued))
            )
        );
        governor.execute(targets, values, calldatas, keccak256(bytes(description)));
    }
}
