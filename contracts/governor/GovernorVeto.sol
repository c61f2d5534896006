// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICollectiveGovernor} from "../interfaces/ICollectiveGovernor.sol";
import {IShares} from "../interfaces/IShares.sol";
import {GovernorCounting} from "./GovernorCounting.sol";

/// @title GovernorVeto
/// @notice Members' veto during the grace period: while a passed proposal waits in the timelock,
/// members may object to it, each weighted by the lesser of their votes at its snapshot and now;
/// once the objections reach the veto threshold (a percentage of the supply at the snapshot,
/// from 1% to 50%) the proposal is cancelled for good. Leaving is the individual answer to a
/// decision one cannot live with; the veto is the collective one.
/// @dev Who objected is a bitmap over the voters' indices, as for votes. A vetoed proposal's
/// state is Canceled (see CollectiveGovernor.state); it emits OpenZeppelin's ProposalCanceled.
abstract contract GovernorVeto is GovernorCounting {
    struct Veto {
        uint64 votes;
        bool vetoed;
    }

    uint256 private constant _MIN_VETO_PERCENT = 1;
    uint256 private constant _MAX_VETO_PERCENT = 50;

    uint8 private _vetoPercent;
    mapping(uint256 proposalId => Veto) private _vetoes;
    mapping(uint256 proposalId => mapping(uint256 word => uint256 bits)) private _vetoedBits;

    // solhint-disable-next-line func-name-mixedcase
    function __GovernorVeto_init(uint8 vetoPercent_) internal onlyInitializing {
        _setVetoThreshold(vetoPercent_);
    }

    /// @inheritdoc ICollectiveGovernor
    function vetoThreshold() external view returns (uint256) {
        return _vetoPercent;
    }

    /// @inheritdoc ICollectiveGovernor
    function setVetoThreshold(uint8 newVetoPercent) external onlyGovernance {
        _setVetoThreshold(newVetoPercent);
    }

    /// @inheritdoc ICollectiveGovernor
    function proposalVetoes(uint256 proposalId) external view returns (uint256 votes, bool vetoed) {
        Veto memory v = _vetoes[proposalId];
        return (v.votes, v.vetoed);
    }

    /// @inheritdoc ICollectiveGovernor
    function hasVetoed(uint256 proposalId, address account) external view returns (bool) {
        uint256 index = _shares().voterIndex(account);
        return index != 0 && _vetoedBits[proposalId][index >> 8] & (1 << (index & 0xff)) != 0;
    }

    /// @inheritdoc ICollectiveGovernor
    function vetoQuorum(uint256 proposalId) public view returns (uint256) {
        uint256 supply = IVotes(address(_shares())).getPastTotalSupply(proposalSnapshot(proposalId));
        return Math.mulDiv(supply, _vetoPercent, 100, Math.Rounding.Ceil);
    }

    /// @inheritdoc ICollectiveGovernor
    function veto(uint256 proposalId, string calldata reason) external returns (uint256 weight) {
        uint256 eta = proposalEta(proposalId);
        if (state(proposalId) != ProposalState.Queued || block.timestamp >= eta) {
            revert GovernorVetoClosed(proposalId, eta);
        }
        address voter = _msgSender();
        IShares shares = _shares();
        uint256 index = shares.voterIndex(voter);
        if (index == 0) revert GovernorNotAVoter(voter);
        uint256 bit = 1 << (index & 0xff);
        uint256 bits = _vetoedBits[proposalId][index >> 8];
        if (bits & bit != 0) revert GovernorAlreadyVetoed(voter);
        _vetoedBits[proposalId][index >> 8] = bits | bit;

        uint256 atSnapshot = IVotes(address(shares)).getPastVotes(voter, proposalSnapshot(proposalId));
        if (atSnapshot == 0) revert GovernorNotAVoter(voter);
        weight = Math.min(atSnapshot, IVotes(address(shares)).getVotes(voter));
        if (weight == 0) revert GovernorNoVotesLeft(voter);

        Veto memory v = _vetoes[proposalId];
        // Weights are at most the supply, which the shares cap at 64 bits.
        v.votes += uint64(weight);
        emit VetoCast(voter, proposalId, weight, v.votes, reason);
        uint256 quorum = vetoQuorum(proposalId);
        if (v.votes >= quorum) {
            v.vetoed = true;
            emit ProposalVetoed(proposalId, v.votes, quorum);
            emit ProposalCanceled(proposalId);
        }
        _vetoes[proposalId] = v;
    }

    /// @dev Whether members vetoed `proposalId`.
    function _vetoed(uint256 proposalId) internal view returns (bool) {
        return _vetoes[proposalId].vetoed;
    }

    function _setVetoThreshold(uint8 newVetoPercent) private {
        if (newVetoPercent < _MIN_VETO_PERCENT || newVetoPercent > _MAX_VETO_PERCENT) {
            revert GovernorInvalidVetoThreshold(newVetoPercent);
        }
        emit VetoThresholdSet(_vetoPercent, newVetoPercent);
        _vetoPercent = newVetoPercent;
    }
}
