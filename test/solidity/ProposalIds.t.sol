// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {ProposalId} from "../../contracts/utils/ProposalId.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title ProposalIdsTest
/// @notice Proposals are OpenZeppelin's: the governor's hand-encoded `hashProposal` is
/// `keccak256(abi.encode(targets, values, calldatas, descriptionHash))` for any actions (calls of
/// any length, arrays of unequal lengths, none at all), whatever the memory it lays the encoding
/// out in held before and whatever high bits an address carries in memory; and `propose` stores
/// what OpenZeppelin's views read back.
contract ProposalIdsTest is CollectiveTest {
    function testFuzz_idIsTheHashOfTheAbiEncoding(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public view {
        assertEq(
            governor.hashProposal(targets, values, calldatas, descriptionHash),
            uint256(keccak256(abi.encode(targets, values, calldatas, descriptionHash))),
            "proposal id"
        );
    }

    function testFuzz_idIgnoresWhatFreeMemoryHeld(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public pure {
        uint256 expected = uint256(keccak256(abi.encode(targets, values, calldatas, descriptionHash)));
        _fillFreeMemory();
        assertEq(ProposalId.hash(targets, values, calldatas, descriptionHash), expected, "proposal id");
    }

    function test_idCleansAddressesAsAbiEncodeDoes() public pure {
        address[] memory targets = new address[](2);
        (targets[0], targets[1]) = (address(0xa11ce), address(0xb0b));
        uint256[] memory values = new uint256[](2);
        bytes[] memory calldatas = new bytes[](2);
        // High bits an address variable cannot hold, but an inline assembly write to memory can.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(add(targets, 0x20), or(shl(160, 0xdead), mload(add(targets, 0x20))))
        }
        assertEq(
            ProposalId.hash(targets, values, calldatas, bytes32(0)),
            uint256(keccak256(abi.encode(targets, values, calldatas, bytes32(0)))),
            "proposal id"
        );
    }

    function test_idOfCallsAroundWordBoundaries() public view {
        uint256[8] memory lengths = [uint256(0), 1, 31, 32, 33, 64, 100, 257];
        address[] memory targets = new address[](lengths.length);
        uint256[] memory values = new uint256[](lengths.length);
        bytes[] memory calldatas = new bytes[](lengths.length);
        for (uint256 i = 0; i < lengths.length; ++i) {
            targets[i] = address(uint160(0xa11ce + i));
            values[i] = i;
            calldatas[i] = new bytes(lengths[i]);
            // Every byte set, so a missing zero in the padding would show.
            for (uint256 j = 0; j < lengths[i]; ++j) calldatas[i][j] = 0xff;
        }
        assertEq(
            governor.hashProposal(targets, values, calldatas, keccak256("Edges")),
            uint256(keccak256(abi.encode(targets, values, calldatas, keccak256("Edges")))),
            "proposal id"
        );
    }

    function testFuzz_proposalReadsBackAsProposed(bytes memory data, string memory description, uint32 wait) public {
        VM.warp(block.timestamp + wait);
        uint256 id = _propose(BOB, address(work), data, description);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _actions(address(work), data);
        assertEq(id, governor.hashProposal(targets, values, calldatas, keccak256(bytes(description))), "id");
        assertEq(governor.proposalProposer(id), BOB, "proposer");
        assertEq(governor.proposalSnapshot(id), block.timestamp + governor.votingDelay(), "snapshot");
        assertEq(governor.proposalDeadline(id), governor.proposalSnapshot(id) + governor.votingPeriod(), "deadline");
        assertEq(governor.proposalEta(id), 0, "eta");
        assertTrue(governor.state(id) == IGovernor.ProposalState.Pending, "pending");
    }

    /// @dev Sets every byte of the next 8 KiB past the free memory pointer.
    function _fillFreeMemory() private pure {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let start := mload(0x40)
            for {
                let i := 0
            } lt(i, 0x2000) {
                i := add(i, 0x20)
            } {
                mstore(add(start, i), not(0))
            }
        }
    }
}
