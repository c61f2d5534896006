// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {SupplyHandler} from "./utils/SupplyHandler.sol";
import {VM} from "./utils/Vm.sol";

/// @title SharesVotesTest
/// @notice Votes are conserved: every delegate's votes equal the balances delegated to it, and
/// its member votes the members (holders of a share or more) delegating to it, whatever mints,
/// burns, work rewards, ragequits and delegations (to anyone or to no one) ran; and the shares'
/// own checkpoints answer every past lookup, of votes, member votes, supply and member count, as
/// a plain record of history would.
contract SharesVotesTest is CollectiveTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    struct Record {
        uint256 time;
        uint256[4] votes;
        uint256[4] memberVotes;
        uint256 supply;
        uint256 members;
    }

    SupplyHandler internal handler;
    address[4] internal actors;
    Record[] internal records;

    function setUp() public override {
        super.setUp();
        actors = [ALICE, BOB, CAROL, DAVE];
        address[] memory list = new address[](4);
        for (uint256 i = 0; i < 4; ++i) list[i] = actors[i];
        handler = new SupplyHandler(shares, treasury, work, address(timelock), list);
    }

    /// @notice The invariant runner calls only the handler, delegation included.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice ...and only its actions.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), handler.actionsWithDelegation());
    }

    /**
     * hardhat-config: invariant.runs = 64
     * hardhat-config: invariant.depth = 32
     * hardhat-config: invariant.failOnRevert = true
     */
    function invariant_votesEqualDelegatedBalances() public view {
        uint256 votes;
        uint256 undelegated;
        uint256 members;
        for (uint256 i = 0; i < 4; ++i) {
            uint256 delegated;
            uint256 delegatedMembers;
            for (uint256 j = 0; j < 4; ++j) {
                if (shares.delegates(actors[j]) != actors[i]) continue;
                delegated += shares.balanceOf(actors[j]);
                if (shares.balanceOf(actors[j]) > 0) ++delegatedMembers;
            }
            assertEq(shares.getVotes(actors[i]), delegated, "a delegate's votes != the balances delegated to it");
            assertEq(shares.getMemberVotes(actors[i]), delegatedMembers, "a delegate's member votes != its members");
            votes += delegated;
            if (shares.delegates(actors[i]) == address(0)) undelegated += shares.balanceOf(actors[i]);
            if (shares.balanceOf(actors[i]) > 0) ++members;
        }
        assertEq(votes + undelegated, shares.totalSupply(), "votes + undelegated balances != supply");
        assertEq(shares.memberCount(), members, "member count != accounts holding a share");
    }

    /// @notice A member who delegated to no one and is then minted shares (an admission, a work
    /// reward) is delegated to themself again, so all their shares must vote again, and they must
    /// still be able to leave with all of them.
    function test_undelegatedMemberMintedSharesVotesAndLeavesWithAll() public {
        VM.prank(ALICE);
        shares.delegate(address(0));
        assertEq(shares.getVotes(ALICE), 0, "alice's votes after delegating to no one");

        _mint(ALICE, 1);
        assertEq(shares.delegates(ALICE), ALICE, "alice's delegate after the mint");
        assertEq(shares.getVotes(ALICE), 601, "alice's votes after the mint (all her shares)");

        VM.prank(ALICE);
        treasury.ragequit(601, new address[](0), new uint256[](0));
        assertEq(shares.balanceOf(ALICE), 0, "alice's shares after leaving");
        assertEq(shares.getVotes(ALICE), 0, "alice's votes after leaving");
    }

    /// @notice Every past lookup of votes and supply matches a plain record of each second's
    /// values, over fuzzed mints, burns, delegations (between members) and waits, several in
    /// the same second or seconds apart.
    function testFuzz_pastVotesMatchRecordedHistory(uint256[24] calldata steps) public {
        _record();
        for (uint256 i = 0; i < steps.length; ++i) {
            uint256 step = steps[i];
            address actor = actors[(step >> 8) % 4];
            uint256 amount = step >> 16;
            uint256 kind = step % 4;
            if (kind == 0) {
                _mint(actor, bound(amount, 1, 1e15));
            } else if (kind == 1) {
                uint256 balance = shares.balanceOf(actor);
                if (balance > 0) _burn(actor, bound(amount, 1, balance));
            } else if (kind == 2) {
                VM.prank(actor);
                shares.delegate(actors[amount % 4]);
            } else {
                // Often the same second, sometimes one, sometimes days.
                uint256 choice = amount % 4;
                VM.warp(
                    block.timestamp +
                        (
                            choice == 0
                                ? 0
                                : choice == 1
                                    ? 1
                                    : choice == 2
                                        ? 7
                                        : 3 days
                        )
                );
            }
            _record();
        }
        VM.warp(block.timestamp + 1);
        _checkRecords();
    }

    /// @dev Every record against the shares' past lookups.
    function _checkRecords() internal view {
        // Before the collective existed there was nothing.
        uint256 founded = records[0].time - 1;
        assertEq(shares.getPastTotalSupply(founded - 1), 0, "supply before founding");
        for (uint256 i = 0; i < records.length; ++i) {
            // The last record at a second is that second's final value.
            if (i + 1 < records.length && records[i + 1].time == records[i].time) continue;
            Record storage r = records[i];
            assertEq(shares.getPastTotalSupply(r.time), r.supply, "past supply");
            assertEq(shares.getPastMemberCount(r.time), r.members, "past member count");
            for (uint256 a = 0; a < 4; ++a) {
                assertEq(shares.getPastVotes(actors[a], r.time), r.votes[a], "past votes");
                assertEq(shares.getPastMemberVotes(actors[a], r.time), r.memberVotes[a], "past member votes");
                if (i > 0 && records[i - 1].time < r.time - 1) {
                    // A second between two records holds the earlier one's value.
                    assertEq(shares.getPastVotes(actors[a], r.time - 1), records[i - 1].votes[a], "votes between");
                }
            }
        }
    }

    function _record() internal {
        Record storage r = records.push();
        r.time = block.timestamp;
        r.supply = shares.totalSupply();
        r.members = shares.memberCount();
        for (uint256 a = 0; a < 4; ++a) {
            r.votes[a] = shares.getVotes(actors[a]);
            r.memberVotes[a] = shares.getMemberVotes(actors[a]);
        }
    }
}
