// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ProposalId} from "../utils/ProposalId.sol";
import {GovernorParameters} from "./GovernorParameters.sol";

/// @title GovernorProposals
/// @notice Creating a proposal: OpenZeppelin's `propose`, with the same checks in the same
/// order, the same errors, the same stored proposal and the same `ProposalCreated` event.
/// @dev What differs is the work around them, which a proposal pays for on top of crossing two
/// clones (this governor's and the shares'): the settings are read with one SLOAD (they share a
/// slot, see GovernorParameters) instead of three; the new proposal's proposer, snapshot and
/// duration are written with one SSTORE instead of three read-modify-writes of one slot; the id
/// is hashed by ProposalId, and the id and the proposer's votes come straight from ProposalId
/// and the shares rather than through the public `getProposalId`, `hashProposal` and `getVotes`
/// (which this governor does not change, so they give the same). OpenZeppelin's `_propose` is
/// not used.
abstract contract GovernorProposals is GovernorParameters {
    /// @dev Where OpenZeppelin's Governor keeps `_proposals`: the second slot (after `_name`) of
    /// its ERC-7201 namespace, keccak256(abi.encode(uint256(keccak256("openzeppelin.storage.Governor"))
    /// - 1)) & ~bytes32(uint256(0xff)). OpenZeppelin keeps a namespace's layout stable across 5.x
    /// versions, as upgrades need.
    uint256 private constant _PROPOSALS_SLOT = 0x7c712897014dbe49c045ef1299aa2d5f9e67e48eea4403efa21f1e0f3ac0cb01;

    /// @notice Creates a proposal, as OpenZeppelin's Governor does: a description may restrict
    /// who can submit it (`#proposer=0x…`), and the proposer needs at least the proposal threshold
    /// in votes one second before now. Its vote starts after the voting delay (the snapshot) and
    /// lasts the voting period.
    /// @return proposalId The proposal's id, `hashProposal` of its actions and description.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public virtual override returns (uint256) {
        address proposer = _msgSender();
        (uint256 snapshot, uint256 period) = _admitProposer(proposer, description);
        return _create(targets, values, calldatas, description, proposer, snapshot, period);
    }

    /// @notice A proposal's id: `uint256(keccak256(abi.encode(targets, values, calldatas,
    /// descriptionHash)))`, exactly as OpenZeppelin's Governor defines it (see ProposalId).
    function hashProposal(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public pure virtual override returns (uint256) {
        return ProposalId.hash(targets, values, calldatas, descriptionHash);
    }

    /// @dev OpenZeppelin's checks on who proposes, in its order: the description's restriction,
    /// then the threshold. Returns when the new proposal's vote starts and how long it lasts.
    function _admitProposer(
        address proposer,
        string memory description
    ) private view returns (uint256 snapshot, uint256 period) {
        if (!_isValidDescriptionForProposer(proposer, description)) revert GovernorRestrictedProposer(proposer);
        uint256 delay;
        uint256 threshold;
        (delay, period, threshold) = _proposalSettings();
        uint256 now_ = clock();
        if (threshold > 0) {
            uint256 proposerVotes = _proposerVotes(proposer, now_ - 1);
            // A threshold the whole supply no longer reaches (members left since it was set) would
            // keep every proposal out for good, the one that lowers it included: then any voter
            // may propose. Read only when the proposer falls short, so proposing costs no more.
            if (proposerVotes < threshold && (proposerVotes == 0 || threshold <= _supplyNow())) {
                revert GovernorInsufficientProposerVotes(proposer, proposerVotes, threshold);
            }
        }
        snapshot = now_ + delay;
    }

    /// @dev `proposer`'s votes at `timepoint`, as `_getVotes` gives them without its empty params.
    function _proposerVotes(address proposer, uint256 timepoint) internal view virtual returns (uint256);

    /// @dev OpenZeppelin's `_propose` with the settings already read and one storage write.
    function _create(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer,
        uint256 snapshot,
        uint256 period
    ) private returns (uint256 proposalId) {
        proposalId = ProposalId.hash(targets, values, calldatas, keccak256(bytes(description)));
        if (targets.length != values.length || targets.length != calldatas.length || targets.length == 0) {
            revert GovernorInvalidProposalLength(targets.length, calldatas.length, values.length);
        }
        if (proposalSnapshot(proposalId) != 0) {
            revert GovernorUnexpectedProposalState(proposalId, state(proposalId), bytes32(0));
        }
        _storeProposal(proposalId, proposer, SafeCast.toUint48(snapshot), SafeCast.toUint32(period));
        emit ProposalCreated(
            proposalId,
            proposer,
            targets,
            values,
            new string[](targets.length),
            calldatas,
            snapshot,
            snapshot + period,
            description
        );
    }

    /// @dev Writes a new proposal's first slot of OpenZeppelin's `ProposalCore`: proposer (bits
    /// 0–159), voteStart (160–207), voteDuration (208–239); executed and canceled stay false. The
    /// slot is all zero before: `propose` checked voteStart is, and no other field of a proposal
    /// is ever set before it exists.
    function _storeProposal(uint256 proposalId, address proposer, uint48 voteStart, uint32 voteDuration) private {
        // `_proposals` is private to OpenZeppelin's Governor: only its slot reaches it.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, proposalId)
            mstore(0x20, _PROPOSALS_SLOT)
            sstore(keccak256(0x00, 0x40), or(proposer, or(shl(160, voteStart), shl(208, voteDuration))))
        }
    }
}
