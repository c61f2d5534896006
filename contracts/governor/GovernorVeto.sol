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
/// from 1% to 50%; of the member count under one member, one vote, where objections count
/// members) the proposal is cancelled for good. Leaving is the individual answer to a
/// decision one cannot live with; the veto is the collective one.
/// @dev Who objected is a bitmap over the voters' indices, marked as votes are (GovernorCounting). A vetoed proposal's
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
        return _isMarked(_vetoedBits[proposalId], _shares().voterIndex(account));
    }

    /// @inheritdoc ICollectiveGovernor
    function vetoQuorum(uint256 proposalId) public view returns (uint256) {
        uint256 snapshot = proposalSnapshot(proposalId);
        IShares shares = _shares();
        uint256 total =
            _proposalRule(proposalId) == CountingRule.Members
                ? shares.getPastMemberCount(snapshot)
                : IVotes(address(shares)).getPastTotalSupply(snapshot);
        return Math.mulDiv(total, _vetoPercent, 100, Math.Rounding.Ceil);
    }

    /// @inheritdoc ICollectiveGovernor
    function veto(uint256 proposalId, string calldata reason) external returns (uint256 weight) {
        uint256 eta = proposalEta(proposalId);
        if (state(proposalId) != ProposalState.Queued || block.timestamp >= eta) {
            revert GovernorVetoClosed(proposalId, eta);
        }
        address voter = _msgSender();
        IShares shares = _shares();
        if (!_mark(_vetoedBits[proposalId], voter, shares.voterIndex(voter))) revert GovernorAlreadyVetoed(voter);

        weight = _vetoWeight(proposalId, voter, shares);

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

    /// @dev The lesser of `voter`'s votes at the proposal's snapshot and now: member votes under
    /// one member, one vote, else shares (under two houses as well).
    function _vetoWeight(uint256 proposalId, address voter, IShares shares) private view returns (uint256 weight) {
        (uint256 atSnapshot, uint256 current) = shares.weightAt(
            voter,
            proposalSnapshot(proposalId),
            _proposalRule(proposalId) == CountingRule.Members
        );
        if (atSnapshot == 0) revert GovernorNotAVoter(voter);
        weight = Math.min(atSnapshot, current);
        if (weight == 0) revert GovernorNoVotesLeft(voter);
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
