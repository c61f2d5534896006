// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ICollectiveGovernor} from "../../../contracts/interfaces/ICollectiveGovernor.sol";
import {IShares} from "../../../contracts/interfaces/IShares.sol";
import {IWork} from "../../../contracts/interfaces/IWork.sol";
import {Shares} from "../../../contracts/Shares.sol";
import {Treasury} from "../../../contracts/Treasury.sol";
import {Work} from "../../../contracts/Work.sol";
import {Assertions} from "./Assertions.sol";
import {VM} from "./Vm.sol";

/// @title SupplyHandler
/// @notice Moves a collective's shares in every way they can move, over a fixed set of actors,
/// for the supply and votes invariants: governance mints and admissions (pranked as the timelock,
/// one of the shares' modules), accepted work rewards, ragequits, and delegation; and attempts
/// to burn a member's shares as governance or the work module, which must all be refused.
/// Counts what it minted and burned, and what each actor should hold.
contract SupplyHandler is Assertions {
    uint256 private constant _MAX_AMOUNT = 1e15;

    Shares public immutable shares;
    Treasury public immutable treasury;
    Work public immutable work;
    address public immutable timelock;
    address[] private _actors;

    uint256 public minted;
    uint256 public burned;
    /// @notice What each actor should hold: founded, plus what was minted to it, minus its own exits.
    mapping(address actor => uint256) public owned;

    constructor(Shares shares_, Treasury treasury_, Work work_, address timelock_, address[] memory actors_) {
        shares = shares_;
        treasury = treasury_;
        work = work_;
        timelock = timelock_;
        _actors = actors_;
        for (uint256 i = 0; i < actors_.length; ++i) owned[actors_[i]] = shares_.balanceOf(actors_[i]);
    }

    /// @notice Governance mints `amount` shares to an actor.
    function mint(uint256 actorSeed, uint256 amount) public {
        address to = _actor(actorSeed);
        amount = bound(amount, 1, _MAX_AMOUNT);
        VM.prank(timelock);
        shares.mint(to, amount);
        minted += amount;
        owned[to] += amount;
    }

    /// @notice Governance (what any proposal's call runs as) or the work module tries to burn part
    /// of an actor's shares without paying for them: always refused, nothing changes.
    function confiscate(uint256 actorSeed, uint256 amount, bool asWork) public {
        address from = _actor(actorSeed);
        address caller = asWork ? address(work) : timelock;
        VM.prank(caller);
        try shares.burn(from, bound(amount, 1, type(uint64).max)) {
            assertTrue(false, "a member's shares were burned without their exit");
        } catch (bytes memory reason) {
            assertTrue(
                keccak256(reason) == keccak256(abi.encodeWithSelector(IShares.SharesUnauthorized.selector, caller)),
                "refused for another reason"
            );
        }
    }

    /// @notice Work commissioned to an actor is delivered, reviewed and accepted: the reward is minted.
    function rewardWork(uint256 actorSeed, uint256 reward) public {
        address contributor = _actor(actorSeed);
        reward = bound(reward, 1, _MAX_AMOUNT);
        VM.prank(timelock);
        uint256 id = work.commission(contributor, 0, reward, address(0), 0, "Fuzzed work", "");
        VM.prank(contributor);
        work.deliver(id, "ipfs://result");
        VM.warp(block.timestamp + work.reviewWindow() + 1);
        work.settle(id);
        // With no supply at delivery there is no one to object, and no quorum either: disputed.
        if (work.item(id).state == IWork.State.Disputed) {
            VM.prank(timelock);
            work.resolve(id, true);
        }
        minted += reward;
        owned[contributor] += reward;
    }

    /// @notice An actor leaves with part of their shares, taking that part of the treasury's ETH.
    function ragequit(uint256 actorSeed, uint256 amount) public {
        address member = _actor(actorSeed);
        uint256 balance = shares.balanceOf(member);
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        VM.prank(member);
        try treasury.ragequit(amount, new address[](0), new uint256[](0)) {
            burned += amount;
            owned[member] -= amount;
        } catch (bytes memory reason) {
            // The exit rule may hold a member who moved their votes between delegates twice
            // lately (no proposals are made here, so no delegate's for votes bind them).
            assertTrue(bytes4(reason) == ICollectiveGovernor.GovernorRecentlyMoved.selector, "exit refused");
        }
    }

    /// @notice An actor applies to join and governance admits them with `amount` shares.
    function admit(uint256 actorSeed, uint256 amount) public {
        address applicant = _actor(actorSeed);
        amount = bound(amount, 1, _MAX_AMOUNT);
        VM.prank(applicant);
        uint256 id = shares.applyForMembership(amount, "I would like to join");
        VM.prank(timelock);
        shares.admit(id, amount);
        minted += amount;
        owned[applicant] += amount;
    }

    /// @notice An actor delegates its votes to another actor, or to no one (`toSeed` past the actors).
    function delegate(uint256 actorSeed, uint256 toSeed) public {
        address to = toSeed % (_actors.length + 1) == _actors.length ? address(0) : _actor(toSeed);
        VM.prank(_actor(actorSeed));
        shares.delegate(to);
    }

    /// @notice Someone sends the treasury ETH.
    function fund(uint256 amount) public {
        amount = bound(amount, 1, 1e24);
        VM.deal(address(treasury), address(treasury).balance + amount);
    }

    /// @notice Time passes.
    function wait(uint256 seconds_) public {
        VM.warp(block.timestamp + bound(seconds_, 1, 30 days));
    }

    /// @notice The actors, every account that can hold shares here.
    function actors() external view returns (address[] memory) {
        return _actors;
    }

    /// @notice The selectors of the supply actions, for the invariant runner.
    function actions() external pure returns (bytes4[] memory) {
        return _actions(false);
    }

    /// @notice The supply actions and delegation.
    function actionsWithDelegation() external pure returns (bytes4[] memory) {
        return _actions(true);
    }

    function _actions(bool withDelegation) private pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](withDelegation ? 8 : 7);
        selectors[0] = this.mint.selector;
        selectors[1] = this.confiscate.selector;
        selectors[2] = this.rewardWork.selector;
        selectors[3] = this.ragequit.selector;
        selectors[4] = this.admit.selector;
        selectors[5] = this.fund.selector;
        selectors[6] = this.wait.selector;
        if (withDelegation) selectors[7] = this.delegate.selector;
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % _actors.length];
    }
}
