// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {SupplyHandler} from "./utils/SupplyHandler.sol";

/// @title SharesSupplyTest
/// @notice The shares' total supply always equals the sum of all balances (and of all votes, as
/// every holder is self-delegated here), and equals the founders' shares plus everything minted
/// minus everything burned, whatever sequence of governance mints, admissions, work rewards,
/// ragequits and attempts to burn a member's shares unpaid ran; and no account's shares
/// decrease except by its own exit. (Delegation is fuzzed in SharesVotesTest.)
contract SharesSupplyTest is CollectiveTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    uint256 private constant _FOUNDED = 1_000;

    SupplyHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](4);
        (actors[0], actors[1], actors[2], actors[3]) = (ALICE, BOB, CAROL, DAVE);
        handler = new SupplyHandler(shares, treasury, work, address(timelock), actors);
    }

    /// @notice The invariant runner calls only the handler (Foundry's `targetContracts`).
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @notice ...and only its actions (Foundry's `targetSelectors`).
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), handler.actions());
    }

    /**
     * hardhat-config: invariant.runs = 64
     * hardhat-config: invariant.depth = 32
     * hardhat-config: invariant.failOnRevert = true
     */
    function invariant_totalSupplyEqualsSumOfBalances() public view {
        _checkSupply();
    }

    /// @notice The same property over an explicit fuzzed sequence, checked after every action.
    function testFuzz_totalSupplyEqualsSumOfBalancesAfterEachAction(uint256[16] calldata steps) public {
        _checkSupply();
        for (uint256 i = 0; i < steps.length; ++i) {
            uint256 step = steps[i];
            uint256 actor = (step >> 8) & 0xff;
            uint256 amount = step >> 16;
            uint256 kind = step % 7;
            if (kind == 0) handler.mint(actor, amount);
            else if (kind == 1) handler.confiscate(actor, amount, amount % 2 == 0);
            else if (kind == 2) handler.rewardWork(actor, amount);
            else if (kind == 3) handler.ragequit(actor, amount);
            else if (kind == 4) handler.admit(actor, amount);
            else if (kind == 5) handler.fund(amount);
            else handler.wait(amount);
            _checkSupply();
        }
    }

    function _checkSupply() internal view {
        address[] memory actors = handler.actors();
        uint256 balances;
        uint256 votes;
        for (uint256 i = 0; i < actors.length; ++i) {
            balances += shares.balanceOf(actors[i]);
            votes += shares.getVotes(actors[i]);
        }
        uint256 supply = shares.totalSupply();
        assertEq(supply, balances, "total supply != sum of balances");
        assertEq(supply, votes, "total supply != sum of votes");
        assertEq(supply, _FOUNDED + handler.minted() - handler.burned(), "total supply != founded + minted - burned");
        // No confiscation: an account's shares decrease only by its own exit.
        for (uint256 i = 0; i < actors.length; ++i) {
            assertEq(shares.balanceOf(actors[i]), handler.owned(actors[i]), "shares changed but by mint or own exit");
        }
    }
}
