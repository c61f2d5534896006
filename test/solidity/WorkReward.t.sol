// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IWork} from "../../contracts/interfaces/IWork.sol";
import {AttackerReentrantMember} from "./utils/Attackers.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title WorkRewardTest
/// @notice A work item's reward is minted at most once, and its payment sent at most once:
/// whatever order settle, resolve, cancel, objections and deliveries are called in, however
/// often, and even when the contributor reenters from the payment. Accepted work paid exactly
/// the reward and payment; work that ends otherwise paid nothing.
contract WorkRewardTest is CollectiveTest {
    uint256 internal constant _OPS = 16;

    uint256 internal id;
    address internal contributor;
    uint256 internal reward;
    uint256 internal payment;
    uint256 internal sharesBefore;
    uint256 internal ethBefore;

    /// @param rewardSeed The reward in shares.
    /// @param paymentSeed The ETH payment (zero for none).
    /// @param bounty Whether it is an open bounty the contributor takes.
    /// @param reentrant Whether the contributor is a contract that settles again when paid.
    /// @param ops The fuzzed calls, in order (see `_apply`).
    function testFuzz_rewardMintedAtMostOnce(
        uint256 rewardSeed,
        uint256 paymentSeed,
        bool bounty,
        bool reentrant,
        uint256[_OPS] calldata ops
    ) public {
        reward = bound(rewardSeed, 1, type(uint64).max / 2);
        payment = bound(paymentSeed, 0, 10 ether);
        VM.deal(address(treasury), 10 ether);
        AttackerReentrantMember attacker;
        if (reentrant) {
            attacker = new AttackerReentrantMember(treasury, work);
            attacker.setRagequitOnReentry(false);
            contributor = address(attacker);
            _mint(contributor, 1);
        } else {
            contributor = BOB;
        }
        id = _commission(bounty ? address(0) : contributor, reward, address(0), payment);
        if (reentrant) attacker.setWorkId(id);
        if (bounty) {
            VM.prank(contributor);
            work.take(id);
        }
        sharesBefore = shares.balanceOf(contributor);
        ethBefore = contributor.balance;

        for (uint256 i = 0; i < _OPS; ++i) {
            _apply(ops[i]);
            _checkPaidAtMostOnce();
            IWork.State state = work.item(id).state;
            if (state == IWork.State.Rejected || state == IWork.State.Cancelled) {
                // Ended unpaid: nothing can pay it any more.
                _tryToPayAgain();
                assertEq(shares.balanceOf(contributor), sharesBefore, "an unpaid item minted");
                assertEq(contributor.balance, ethBefore, "an unpaid item paid");
                return;
            }
        }
        // Drive the item to an end, then try every way of paying it again.
        IWork.State current = work.item(id).state;
        if (current == IWork.State.Commissioned) _try(contributor, abi.encodeCall(IWork.deliver, (id, "ipfs://r")));
        VM.warp(block.timestamp + work.reviewWindow() + 1);
        _try(CAROL, abi.encodeCall(IWork.settle, (id)));
        _try(address(timelock), abi.encodeCall(IWork.resolve, (id, true)));
        _tryToPayAgain();
        assertTrue(work.item(id).state == IWork.State.Accepted, "the item did not end accepted");
        assertEq(shares.balanceOf(contributor), sharesBefore + reward, "contributor shares at the end");
        if (reentrant) assertEq(attacker.successes(), 0, "reentrant settlements that succeeded");
    }

    /// @dev 0 delivers, 1 objects, 2 settles, 3 resolves accepting, 4 resolves rejecting,
    /// 5 cancels, 6 waits out the review window, 7 waits a little. Reverts are expected and ignored.
    function _apply(uint256 op) internal {
        uint256 kind = op % 8;
        address actor = [ALICE, BOB, CAROL, DAVE][(op >> 8) % 4];
        if (kind == 0) _try(contributor, abi.encodeCall(IWork.deliver, (id, "ipfs://r")));
        else if (kind == 1) _try(actor, abi.encodeCall(IWork.object, (id, "not done")));
        else if (kind == 2)
            _try(actor, abi.encodeCall(IWork.settle, (id)));
            // Rejecting or cancelling ends the item unpaid; make those rare so acceptance is common.
        else if (kind == 3) _try(address(timelock), abi.encodeCall(IWork.resolve, (id, true)));
        else if (kind == 4 && (op >> 16) % 8 == 0) _try(address(timelock), abi.encodeCall(IWork.resolve, (id, false)));
        else if (kind == 5 && (op >> 16) % 8 == 0) _try(address(timelock), abi.encodeCall(IWork.cancel, (id)));
        else if (kind == 6) VM.warp(block.timestamp + work.reviewWindow() + 1);
        else VM.warp(block.timestamp + ((op >> 16) % 1 days));
    }

    /// @dev Every call that could pay, repeated, checking after each round.
    function _tryToPayAgain() internal {
        for (uint256 i = 0; i < 3; ++i) {
            _try(CAROL, abi.encodeCall(IWork.settle, (id)));
            _try(address(timelock), abi.encodeCall(IWork.resolve, (id, true)));
            _try(address(timelock), abi.encodeCall(IWork.cancel, (id)));
            _checkPaidAtMostOnce();
        }
    }

    function _checkPaidAtMostOnce() internal view {
        bool accepted = work.item(id).state == IWork.State.Accepted;
        assertEq(shares.balanceOf(contributor), sharesBefore + (accepted ? reward : 0), "contributor shares");
        assertEq(contributor.balance, ethBefore + (accepted ? payment : 0), "contributor ETH");
    }

    /// @dev Calls the work module as `caller`; a revert is an expected outcome, not a failure:
    /// the checks are on the state after.
    function _try(address caller, bytes memory data) internal returns (bool ok) {
        VM.prank(caller);
        (ok, ) = address(work).call(data);
    }
}
