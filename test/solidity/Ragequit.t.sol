// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {TestToken} from "../../contracts/testing/TestToken.sol";
import {ICollectiveGovernor} from "../../contracts/interfaces/ICollectiveGovernor.sol";
import {ITreasury} from "../../contracts/interfaces/ITreasury.sol";
import {IWork} from "../../contracts/interfaces/IWork.sol";
import {AttackerReentrantMember, AttackerReentrantToken} from "./utils/Attackers.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title RagequitTest
/// @notice A ragequit pays at most the burned fraction of every balance it names, rounding
/// down, so those who stay never lose value per share; reentrancy cannot take more; and a
/// member cannot leave while a proposal they voted for can still run (the Moloch rule).
contract RagequitTest is CollectiveTest {
    struct Balances {
        uint256 eth;
        uint256 a;
        uint256 b;
        uint256 supply;
    }

    TestToken internal tokenA;
    TestToken internal tokenB;

    function setUp() public override {
        super.setUp();
        (tokenA, tokenB) = _sortedTokens(new TestToken("Token A", "TKA"), new TestToken("Token B", "TKB"));
    }

    /// @notice Whatever the treasury holds, however the supply is split and whatever is burned.
    function testFuzz_ragequitPaysAtMostBurnedFraction(
        uint256 ethBalance,
        uint256 balanceA,
        uint256 balanceB,
        uint256 aliceShares,
        uint256 bobShares,
        uint256 aliceBurns,
        uint256 bobBurns
    ) public {
        // At least the proposal threshold (10) between them, as the factory requires.
        aliceShares = bound(aliceShares, 5, type(uint64).max / 2);
        bobShares = bound(bobShares, 5, type(uint64).max / 2);
        address[] memory founders = new address[](2);
        uint256[] memory amounts = new uint256[](2);
        (founders[0], founders[1], amounts[0], amounts[1]) = (ALICE, BOB, aliceShares, bobShares);
        _create(founders, amounts);
        VM.deal(address(treasury), bound(ethBalance, 0, 1e36));
        tokenA.mint(address(treasury), bound(balanceA, 0, type(uint128).max));
        tokenB.mint(address(treasury), bound(balanceB, 0, type(uint128).max));

        _ragequitAndCheck(ALICE, bound(aliceBurns, 1, aliceShares));
        _ragequitAndCheck(BOB, bound(bobBurns, 1, bobShares));
    }

    /// @notice A member contract that reenters ragequit (and work settlement) from its ETH
    /// receipt and from a token's transfer gets nothing more than its burned fraction.
    function testFuzz_reentrantMemberCannotTakeMore(
        uint256 ethBalance,
        uint256 tokenBalance,
        uint256 memberShares,
        uint256 burns
    ) public {
        AttackerReentrantMember attacker = new AttackerReentrantMember(treasury, work);
        AttackerReentrantToken evil = new AttackerReentrantToken(address(attacker));
        memberShares = bound(memberShares, 2, 1e18);
        _mint(address(attacker), memberShares);
        // A work item the attacker was paid for (one share): each reentry also tries to settle it again.
        uint256 workId = _commission(address(attacker), 1, address(0), 0);
        attacker.deliver(workId);
        VM.warp(block.timestamp + work.reviewWindow() + 1);
        work.settle(workId);
        attacker.setWorkId(workId);
        memberShares += 1;
        VM.warp(block.timestamp + 1);
        VM.deal(address(treasury), bound(ethBalance, 1e20, 1e30));
        evil.mint(address(treasury), bound(tokenBalance, 1e20, 1e30));
        tokenA.mint(address(treasury), 1e24);
        address[] memory tokens = new address[](2);
        (tokens[0], tokens[1]) =
            address(evil) < address(tokenA) ? (address(evil), address(tokenA)) : (address(tokenA), address(evil));
        attacker.setTokens(tokens);

        uint256 burned = bound(burns, 1, memberShares - 1);
        Balances memory before = Balances(address(treasury).balance, 0, 0, shares.totalSupply());
        uint256 evilBefore = evil.balanceOf(address(treasury));
        attacker.ragequit(burned);

        // Both payments are over zero (balances over 1e20, at least 1 of at most 1e18 + 1001
        // shares), so the attacker got to reenter from each of them, each time trying to ragequit
        // and to settle again.
        assertEq(attacker.attempts(), 4, "reentrant attempts");
        assertEq(attacker.successes(), 0, "reentrant calls that succeeded");
        assertEq(shares.balanceOf(address(attacker)), memberShares - burned, "attacker shares after");
        assertEq(address(attacker).balance, Math.mulDiv(before.eth, burned, before.supply), "ETH paid");
        assertEq(evil.balanceOf(address(attacker)), Math.mulDiv(evilBefore, burned, before.supply), "token paid");
    }

    /// @notice The Moloch rule: a *for* vote on a proposal that can still run locks the exit.
    function test_ragequitLockedWhileBackedProposalCanRun() public {
        VM.deal(address(treasury), 1 ether);
        bytes memory call = abi.encodeCall(IWork.setReviewWindow, (1 days));
        uint256 id = _propose(ALICE, address(work), call, "Shorter reviews");
        VM.warp(block.timestamp + governor.votingDelay() + 1);
        _vote(ALICE, id, 1);
        _vote(BOB, id, 0);
        assertTrue(governor.forVoteChain(ALICE) != bytes32(0), "alice's chain is empty");

        // Bob voted against: he can leave at any time.
        VM.prank(BOB);
        treasury.ragequit(100, new address[](0), new uint256[](0));

        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ICollectiveGovernor.GovernorForVotesMismatch.selector, ALICE));
        treasury.ragequit(100, new address[](0), new uint256[](0));
        VM.prank(ALICE);
        VM.expectRevert(
            abi.encodeWithSelector(
                ICollectiveGovernor.GovernorExitLocked.selector,
                ALICE,
                id,
                IGovernor.ProposalState.Active
            )
        );
        treasury.ragequit(100, new address[](0), _ids(id));

        VM.warp(block.timestamp + governor.votingPeriod());
        _queueAndExecute(address(work), call, "Shorter reviews");
        VM.prank(ALICE);
        treasury.ragequit(100, new address[](0), _ids(id));
        // Released: the chain is back to empty, and the next exit needs no ids.
        assertEq(governor.forVoteChain(ALICE), bytes32(uint256(1)), "alice's chain after release");
        VM.prank(ALICE);
        treasury.ragequit(100, new address[](0), new uint256[](0));
        assertEq(shares.balanceOf(ALICE), 400, "alice's shares after two exits");
    }

    /// @notice Malformed ragequits are refused before anything moves.
    function test_ragequitRejectsMalformedRequests() public {
        address[] memory tokens = new address[](2);
        VM.prank(ALICE);
        VM.expectRevert(ITreasury.TreasuryNothingToBurn.selector);
        treasury.ragequit(0, tokens, new uint256[](0));

        (tokens[0], tokens[1]) = (address(tokenB), address(tokenA));
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ITreasury.TreasuryTokensNotAscending.selector, 1));
        treasury.ragequit(1, tokens, new uint256[](0));

        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ITreasury.TreasuryTokensNotAscending.selector, 0));
        treasury.ragequit(1, new address[](1), new uint256[](0));

        VM.prank(DAVE);
        VM.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, DAVE, 0, 1));
        treasury.ragequit(1, new address[](0), new uint256[](0));
    }

    function _ragequitAndCheck(address member, uint256 burned) internal {
        address[] memory tokens = new address[](2);
        (tokens[0], tokens[1]) = (address(tokenA), address(tokenB));
        Balances memory before = _balances();
        uint256 memberEth = member.balance;
        uint256 memberShares = shares.balanceOf(member);

        VM.prank(member);
        treasury.ragequit(burned, tokens, new uint256[](0));

        Balances memory later = _balances();
        uint256 paidEth = member.balance - memberEth;
        uint256 paidA = tokenA.balanceOf(member);
        uint256 paidB = tokenB.balanceOf(member);
        assertLe(paidEth, Math.mulDiv(before.eth, burned, before.supply), "ETH paid over the burned fraction");
        assertLe(paidA, Math.mulDiv(before.a, burned, before.supply), "token A paid over the burned fraction");
        assertLe(paidB, Math.mulDiv(before.b, burned, before.supply), "token B paid over the burned fraction");
        assertEq(before.eth - later.eth, paidEth, "treasury ETH out != ETH paid");
        assertEq(before.a - later.a, paidA, "treasury token A out != paid");
        assertEq(before.b - later.b, paidB, "treasury token B out != paid");
        assertEq(shares.balanceOf(member), memberShares - burned, "member shares after");
        assertEq(later.supply, before.supply - burned, "supply after");
        // Those who stay hold at least as much per share as before (products fit: 2^120 * 2^64).
        assertTrue(later.eth * before.supply >= before.eth * later.supply, "ETH per share fell");
        assertTrue(later.a * before.supply >= before.a * later.supply, "token A per share fell");
        assertTrue(later.b * before.supply >= before.b * later.supply, "token B per share fell");
    }

    function _balances() internal view returns (Balances memory) {
        return
            Balances(
                address(treasury).balance,
                tokenA.balanceOf(address(treasury)),
                tokenB.balanceOf(address(treasury)),
                shares.totalSupply()
            );
    }

    function _sortedTokens(TestToken x, TestToken y) internal pure returns (TestToken, TestToken) {
        return address(x) < address(y) ? (x, y) : (y, x);
    }
}
