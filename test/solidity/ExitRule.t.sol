// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {ExitHandler} from "./utils/ExitHandler.sol";

/// @title ExitRuleTest
/// @notice The exit rule as an invariant, over fuzzed proposals, votes, delegation back and forth,
/// objections, queueing, execution, time and exits: no account whose shares backed a proposal
/// that can still run (pending, active, succeeded or queued), through its own *for* vote or its
/// delegate's, has burned any of those shares since.
contract ExitRuleTest is CollectiveTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    ExitHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](3);
        (actors[0], actors[1], actors[2]) = (ALICE, BOB, CAROL);
        handler = new ExitHandler(shares, governor, treasury, work, actors);
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
     * hardhat-config: invariant.depth = 48
     */
    function invariant_noBackerOfARunnableProposalHasBurnedSince() public view {
        uint256[] memory ids = handler.proposals();
        address[] memory actors = handler.actors();
        for (uint256 p = 0; p < ids.length; ++p) {
            IGovernor.ProposalState state = governor.state(ids[p]);
            bool runnable =
                state == IGovernor.ProposalState.Pending ||
                    state == IGovernor.ProposalState.Active ||
                    state == IGovernor.ProposalState.Succeeded ||
                    state == IGovernor.ProposalState.Queued;
            if (!runnable) continue;
            for (uint256 a = 0; a < actors.length; ++a) {
                if (!handler.backed(ids[p], actors[a])) continue;
                assertLe(
                    handler.backedBalance(ids[p], actors[a]),
                    shares.balanceOf(actors[a]),
                    "a backer of a runnable proposal burned shares"
                );
            }
        }
    }
}
