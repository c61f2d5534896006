// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ICollectiveFactory} from "../../../contracts/interfaces/ICollectiveFactory.sol";
import {CollectiveFactory} from "../../../contracts/CollectiveFactory.sol";
import {CollectiveGovernor} from "../../../contracts/CollectiveGovernor.sol";
import {CollectiveTimelock} from "../../../contracts/CollectiveTimelock.sol";
import {Shares} from "../../../contracts/Shares.sol";
import {Treasury} from "../../../contracts/Treasury.sol";
import {Work} from "../../../contracts/Work.sol";
import {Assertions} from "./Assertions.sol";
import {VM} from "./Vm.sol";

/// @title CollectiveTest
/// @notice The setup every Rhizome Solidity test shares: the real implementations and factory,
/// and a collective created through `CollectiveFactory.create` (alice 600, bob 300, carol 100
/// shares; the same settings as the TypeScript fixture), with helpers that act as its modules.
abstract contract CollectiveTest is Assertions {
    uint256 internal constant START = 1_700_000_000;

    address internal constant ALICE = address(uint160(uint256(keccak256("rhizome.alice"))));
    address internal constant BOB = address(uint160(uint256(keccak256("rhizome.bob"))));
    address internal constant CAROL = address(uint160(uint256(keccak256("rhizome.carol"))));
    address internal constant DAVE = address(uint160(uint256(keccak256("rhizome.dave"))));

    CollectiveFactory internal factory;
    ICollectiveFactory.Modules internal modules;
    Shares internal shares;
    CollectiveGovernor internal governor;
    CollectiveTimelock internal timelock;
    Treasury internal treasury;
    Work internal work;

    function setUp() public virtual {
        VM.warp(START);
        factory = new CollectiveFactory(
            address(new Shares()),
            address(new CollectiveGovernor()),
            address(new CollectiveTimelock()),
            address(new Treasury()),
            address(new Work())
        );
        VM.label(ALICE, "alice");
        VM.label(BOB, "bob");
        VM.label(CAROL, "carol");
        VM.label(DAVE, "dave");
        address[] memory accounts = new address[](3);
        uint256[] memory amounts = new uint256[](3);
        (accounts[0], accounts[1], accounts[2]) = (ALICE, BOB, CAROL);
        (amounts[0], amounts[1], amounts[2]) = (600, 300, 100);
        _create(accounts, amounts);
    }

    /// @dev The settings of the TypeScript fixture (test/helpers/collective.ts).
    function _settings() internal pure returns (ICollectiveFactory.Settings memory) {
        return
            ICollectiveFactory.Settings({
                votingDelay: 60,
                votingPeriod: 3_600,
                executionWindow: 7 days,
                timelockDelay: 600,
                proposalThreshold: 10,
                quorumPercent: 20,
                reviewWindow: 2 days,
                objectionThreshold: 10,
                vetoPercent: 20,
                countingRule: 0
            });
    }

    /// @dev Creates a collective through the factory, makes it the one the helpers act on, and
    /// moves the clock one second on so the founders' shares are past votes.
    function _create(address[] memory accounts, uint256[] memory amounts) internal {
        ICollectiveFactory.Founder[] memory founders = new ICollectiveFactory.Founder[](accounts.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            founders[i] = ICollectiveFactory.Founder(accounts[i], amounts[i]);
        }
        string[] memory principles = new string[](2);
        principles[0] = "Technology as infrastructure";
        principles[1] = "Ownership over employment";
        (, modules) = factory.create("Rizom", "RZM", principles, founders, _settings());
        shares = Shares(modules.shares);
        governor = CollectiveGovernor(payable(modules.governor));
        timelock = CollectiveTimelock(payable(modules.timelock));
        treasury = Treasury(payable(modules.treasury));
        work = Work(modules.work);
        VM.warp(block.timestamp + 1);
    }

    /// @dev Mints as governance (the timelock is one of the shares' modules).
    function _mint(address to, uint256 amount) internal {
        VM.prank(address(timelock));
        shares.mint(to, amount);
    }

    /// @dev Burns as the treasury, the only module that may (as it pays a member's exit).
    function _burn(address from, uint256 amount) internal {
        VM.prank(address(treasury));
        shares.burn(from, amount);
    }

    /// @dev Commissions a work item as governance, under principle 0.
    function _commission(
        address contributor,
        uint256 reward,
        address token,
        uint256 amount
    ) internal returns (uint256) {
        VM.prank(address(timelock));
        return work.commission(contributor, 0, reward, token, amount, "Write the docs", "ipfs://spec");
    }

    /// @dev Delivers work item `id` as its contributor.
    function _deliver(uint256 id, address contributor) internal {
        VM.prank(contributor);
        work.deliver(id, "ipfs://result");
    }

    /// @dev A one-call proposal.
    function _actions(
        address target,
        bytes memory data
    ) internal pure returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) {
        targets = new address[](1);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        targets[0] = target;
        calldatas[0] = data;
    }

    /// @dev Proposes a one-call proposal as `proposer`; returns its id.
    function _propose(
        address proposer,
        address target,
        bytes memory data,
        string memory description
    ) internal returns (uint256) {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(target, data);
        VM.prank(proposer);
        return governor.propose(targets, values, calldatas, description);
    }

    /// @dev Votes `support` on `proposalId` as `voter`.
    function _vote(address voter, uint256 proposalId, uint8 support) internal {
        VM.prank(voter);
        governor.castVote(proposalId, support);
    }

    /// @dev Queues a passed one-call proposal, waits out the timelock and executes it.
    function _queueAndExecute(address target, bytes memory data, string memory description) internal {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(target, data);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        VM.warp(block.timestamp + timelock.getMinDelay() + 1);
        governor.execute(targets, values, calldatas, descriptionHash);
    }

    /// @dev Proposes as alice, and alice and bob vote for, until the vote has ended.
    function _win(address target, bytes memory data, string memory description) internal returns (uint256 id) {
        id = _propose(ALICE, target, data, description);
        VM.warp(block.timestamp + governor.votingDelay() + 1);
        _vote(ALICE, id, 1);
        _vote(BOB, id, 1);
        VM.warp(block.timestamp + governor.votingPeriod());
    }

    /// @dev A whole governance round: alice proposes, alice and bob vote for, then it runs.
    function _pass(address target, bytes memory data, string memory description) internal returns (uint256 id) {
        id = _win(target, data, description);
        _queueAndExecute(target, data, description);
    }

    /// @dev One proposal id in an array, as `ragequit` and `releaseForVotes` take them.
    function _ids(uint256 id) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = id;
    }
}
