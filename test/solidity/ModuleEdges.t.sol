// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ICollectiveFactory} from "../../contracts/interfaces/ICollectiveFactory.sol";
import {IShares} from "../../contracts/interfaces/IShares.sol";
import {ITreasury} from "../../contracts/interfaces/ITreasury.sol";
import {IWork} from "../../contracts/interfaces/IWork.sol";
import {Shares} from "../../contracts/Shares.sol";
import {SharesVotes} from "../../contracts/shares/SharesVotes.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title ModuleEdgesTest
/// @notice The factory finds every collective's modules at the addresses its nonces predict,
/// whatever the nonce's RLP length, and refuses to go on when they are not there; and the
/// modules' guards: shares minted to no one or past the cap, founders' lengths that differ,
/// payments to no one, and the work module's settings and principles.
contract ModuleEdgesTest is CollectiveTest {
    /// @dev The factory's only storage: the collective count.
    bytes32 private constant _COUNT_SLOT = bytes32(0);

    /// @notice Collectives whose five nonces straddle every RLP length boundary, up to the last
    /// one whose nonces fit 32 bits, are created where predicted.
    function test_factoryPredictsModulesAcrossNonceLengths() public {
        uint256[9] memory ids = [uint256(25), 50, 51, 13_106, 13_107, 3_355_442, 3_355_443, 858_993_458, 0];
        for (uint256 i = 0; i + 1 < ids.length; ++i) _createAt(ids[i]);
    }

    /// @notice Any collective id in range gets its modules where predicted.
    function testFuzz_factoryPredictsModulesAtAnyId(uint256 idSeed) public {
        _createAt(bound(idSeed, 1, 858_993_458));
    }

    /// @notice Past 2^32 nonces the prediction no longer holds, and the factory refuses.
    function test_factoryRefusesWhenModulesWouldNotBeWherePredicted() public {
        uint256 id = 858_993_459;
        VM.store(address(factory), _COUNT_SLOT, bytes32(id));
        VM.setNonce(address(factory), uint64(1 + 5 * id));
        (string[] memory principles, ICollectiveFactory.Founder[] memory founders) = _terms();
        (bool ok, bytes memory reason) = address(factory).call(
            abi.encodeCall(factory.create, ("Far", "FAR", principles, founders, _settings()))
        );
        assertTrue(!ok, "created past 2^32 nonces");
        assertEq(bytes4(reason), ICollectiveFactory.FactoryUnexpectedAddress.selector, "revert reason");
    }

    function test_sharesGuards() public {
        VM.prank(address(timelock));
        VM.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InvalidReceiver.selector, address(0)));
        shares.mint(address(0), 1);

        uint256 tooMany = uint256(type(uint64).max) - 999;
        VM.prank(address(timelock));
        VM.expectRevert(abi.encodeWithSelector(SharesVotes.SharesSupplyOverflow.selector, tooMany + 1_000));
        shares.mint(ALICE, tooMany);
        _mint(ALICE, tooMany - 1);
        assertEq(shares.totalSupply(), type(uint64).max, "supply at the cap");

        Shares bare = Shares(Clones.clone(factory.sharesImplementation()));
        address[] memory accounts = new address[](1);
        accounts[0] = ALICE;
        VM.expectRevert(abi.encodeWithSelector(IShares.SharesLengthMismatch.selector, 1, 0));
        bare.initialize("Bare", "BARE", accounts, new uint256[](0));
    }

    function test_treasuryPaysOnlySomeone() public {
        VM.deal(address(treasury), 1 ether);
        VM.prank(address(timelock));
        VM.expectRevert(ITreasury.TreasuryInvalidRecipient.selector);
        treasury.pay(address(0), address(0), 1);
        VM.prank(ALICE);
        VM.expectRevert(abi.encodeWithSelector(ITreasury.TreasuryUnauthorized.selector, ALICE));
        treasury.pay(address(0), ALICE, 1);
        assertEq(treasury.work(), address(work), "the treasury's work module");
    }

    function test_workSettingsAndPrinciples() public {
        VM.startPrank(address(timelock));
        VM.expectRevert(abi.encodeWithSelector(IWork.WorkUnknownItem.selector, 99));
        work.cancel(99);

        work.setObjectionThreshold(25);
        VM.expectRevert(IWork.WorkInvalidSettings.selector);
        work.setObjectionThreshold(0);
        VM.expectRevert(IWork.WorkInvalidSettings.selector);
        work.setObjectionThreshold(101);
        VM.expectRevert(IWork.WorkInvalidSettings.selector);
        work.setReviewWindow(0);
        work.setReviewWindow(1 days);

        work.setPrinciple(2, "Values-based networks");
        work.setPrinciple(0, "Technology as shared infrastructure");
        VM.expectRevert(abi.encodeWithSelector(IWork.WorkInvalidPrinciple.selector, 4));
        work.setPrinciple(4, "Too far");
        VM.expectRevert(abi.encodeWithSelector(IWork.WorkInvalidPrinciple.selector, 1));
        work.setPrinciple(1, "");
        VM.stopPrank();
        assertEq(work.principleCount(), 3, "principles");
        assertEq(work.objectionThreshold(), 25, "objection threshold");
        assertEq(work.reviewWindow(), 1 days, "review window");

        uint256 id = _commission(BOB, 10, address(0), 0);
        _deliver(id, BOB);
        VM.prank(CAROL);
        work.object(id, "Not what was asked");
        assertTrue(work.hasObjected(id, CAROL), "carol objected");
        assertTrue(!work.hasObjected(id, ALICE), "alice did not object");
    }

    /// @dev Creates collective `id`: the count and the factory's nonce set as if `id` came before.
    function _createAt(uint256 id) internal {
        VM.store(address(factory), _COUNT_SLOT, bytes32(id));
        VM.setNonce(address(factory), uint64(1 + 5 * id));
        (string[] memory principles, ICollectiveFactory.Founder[] memory founders) = _terms();
        (uint256 created, ICollectiveFactory.Modules memory m) = factory.create(
            "Far",
            "FAR",
            principles,
            founders,
            _settings()
        );
        assertEq(created, id, "collective id");
        assertEq(factory.collectiveCount(), id + 1, "collective count");
        assertEq(keccak256(abi.encode(factory.collective(id))), keccak256(abi.encode(m)), "registry entry");
        assertEq(Shares(m.shares).balanceOf(ALICE), 10, "founder's shares");
        assertTrue(Shares(m.shares).isModule(m.timelock), "the timelock is a module of the shares");
        assertTrue(m.governor.code.length > 0 && m.timelock.code.length > 0, "governor and timelock deployed");
        assertTrue(m.treasury.code.length > 0, "treasury deployed");
    }

    function _terms() internal pure returns (string[] memory principles, ICollectiveFactory.Founder[] memory founders) {
        principles = new string[](1);
        principles[0] = "Ownership over employment";
        founders = new ICollectiveFactory.Founder[](1);
        founders[0] = ICollectiveFactory.Founder(ALICE, 10);
    }
}
