// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {CollectiveGovernor} from "../../../contracts/CollectiveGovernor.sol";
import {IWork} from "../../../contracts/interfaces/IWork.sol";
import {Shares} from "../../../contracts/Shares.sol";
import {Treasury} from "../../../contracts/Treasury.sol";
import {Work} from "../../../contracts/Work.sol";
import {Assertions} from "./Assertions.sol";
import {VM} from "./Vm.sol";

/// @title ExitHandler
/// @notice Drives a collective's governance and exits in every order the fuzzer finds: proposals,
/// votes, delegation (to anyone, and back), objections, queueing, execution, time, and members
/// trying to leave the way a client does (releasing what their delegates backed first). Records,
/// for every *for* vote, the balance of each account whose shares it used (the voter and those
/// delegating to it), for the exit-rule invariant.
contract ExitHandler is Assertions {
    Shares public immutable shares;
    CollectiveGovernor public immutable governor;
    Treasury public immutable treasury;
    Work public immutable work;
    address[] private _actors;

    uint256[] private _proposals;
    mapping(uint256 proposalId => string) private _descriptions;
    mapping(uint256 proposalId => uint256) private _windows;
    /// @notice Each voter's *for* votes since its chain was last released, in order.
    mapping(address voter => uint256[]) private _forVotes;
    /// @notice The balance an account had when a *for* vote used its shares (the largest, if several).
    mapping(uint256 proposalId => mapping(address account => uint256)) public backedBalance;
    mapping(uint256 proposalId => mapping(address account => bool)) public backed;
    uint256 public exits;

    constructor(
        Shares shares_,
        CollectiveGovernor governor_,
        Treasury treasury_,
        Work work_,
        address[] memory actors_
    ) {
        shares = shares_;
        governor = governor_;
        treasury = treasury_;
        work = work_;
        _actors = actors_;
    }

    /// @notice Alice proposes a harmless change of the review window.
    function propose(uint256 days_) public {
        uint256 window = 1 days + bound(days_, 0, 20) * 1 days;
        uint256 n = _proposals.length;
        string memory description = string.concat("Review window #", _itoa(n));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(window);
        VM.prank(_actors[0]);
        try governor.propose(targets, values, calldatas, description) returns (uint256 id) {
            _proposals.push(id);
            _descriptions[id] = description;
            _windows[id] = window;
        } catch {}
    }

    /// @notice An actor votes on a proposal; a *for* vote records whose shares it used.
    function vote(uint256 actorSeed, uint256 proposalSeed, uint8 support) public {
        if (_proposals.length == 0) return;
        address voter = _actor(actorSeed);
        uint256 id = _proposals[proposalSeed % _proposals.length];
        support = support % 3;
        VM.prank(voter);
        try governor.castVote(id, support) {
            if (support != 1) return;
            _forVotes[voter].push(id);
            for (uint256 i = 0; i < _actors.length; ++i) {
                address account = _actors[i];
                if (shares.delegates(account) != voter) continue;
                uint256 balance = shares.balanceOf(account);
                if (balance > backedBalance[id][account]) backedBalance[id][account] = balance;
                backed[id][account] = true;
            }
        } catch {}
    }

    /// @notice An actor delegates to another actor, or back to itself.
    function delegate(uint256 actorSeed, uint256 toSeed) public {
        VM.prank(_actor(actorSeed));
        shares.delegate(_actor(toSeed));
    }

    /// @notice An actor objects to a queued proposal.
    function veto(uint256 actorSeed, uint256 proposalSeed) public {
        if (_proposals.length == 0) return;
        VM.prank(_actor(actorSeed));
        try governor.veto(_proposals[proposalSeed % _proposals.length], "") {} catch {}
    }

    /// @notice Anyone queues, or executes, a proposal.
    function run(uint256 proposalSeed, bool execute) public {
        if (_proposals.length == 0) return;
        uint256 id = _proposals[proposalSeed % _proposals.length];
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actionsOf(id);
        bytes32 descriptionHash = keccak256(bytes(_descriptions[id]));
        if (execute) {
            try governor.execute(targets, values, calldatas, descriptionHash) {} catch {}
        } else {
            try governor.queue(targets, values, calldatas, descriptionHash) {} catch {}
        }
    }

    /// @notice Time passes: mostly minutes, within a vote or a grace period, sometimes days.
    function wait(uint256 seconds_) public {
        VM.warp(block.timestamp + (seconds_ % 4 == 0 ? bound(seconds_, 1, 20 days) : bound(seconds_, 1, 30 minutes)));
    }

    /// @notice An actor leaves with part of its shares, as a client does: it releases the *for*
    /// votes of its delegate and of the one it left, when they have all ended, then exits.
    function ragequit(uint256 actorSeed, uint256 amount) public {
        address member = _actor(actorSeed);
        uint256 balance = shares.balanceOf(member);
        if (balance == 0) return;
        (address current, address previous, , ) = shares.delegation(member);
        _tryRelease(current);
        _tryRelease(previous);
        VM.prank(member);
        try treasury.ragequit(bound(amount, 1, balance), new address[](0), _forVotes[member]) {
            delete _forVotes[member];
            ++exits;
        } catch {}
    }

    /// @notice The proposals made so far.
    function proposals() external view returns (uint256[] memory) {
        return _proposals;
    }

    /// @notice The actors.
    function actors() external view returns (address[] memory) {
        return _actors;
    }

    /// @notice The handler's actions, for the invariant runner.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](8);
        selectors[0] = this.propose.selector;
        selectors[1] = this.vote.selector;
        selectors[2] = this.delegate.selector;
        selectors[3] = this.veto.selector;
        selectors[4] = this.run.selector;
        selectors[5] = this.wait.selector;
        selectors[6] = this.ragequit.selector;
        selectors[7] = this.vote.selector;
    }

    function _tryRelease(address voter) private {
        if (voter == address(0) || _forVotes[voter].length == 0) return;
        try governor.releaseForVotes(voter, _forVotes[voter]) {
            delete _forVotes[voter];
        } catch {}
    }

    function _actor(uint256 seed) private view returns (address) {
        return _actors[seed % _actors.length];
    }

    function _actions(
        uint256 window
    ) private view returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) {
        targets = new address[](1);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        targets[0] = address(work);
        calldatas[0] = abi.encodeCall(IWork.setReviewWindow, (uint32(window)));
    }

    function _actionsOf(
        uint256 id
    ) private view returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) {
        return _actions(_windows[id]);
    }

    function _itoa(uint256 n) private pure returns (string memory) {
        if (n == 0) return "0";
        bytes memory digits;
        while (n > 0) {
            digits = abi.encodePacked(bytes1(uint8(48 + (n % 10))), digits);
            n /= 10;
        }
        return string(digits);
    }
}
