// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ITreasury} from "../../../contracts/interfaces/ITreasury.sol";
import {IWork} from "../../../contracts/interfaces/IWork.sol";

/// @title AttackerReentrantMember
/// @notice A member contract that, whenever it is paid (ETH, or an AttackerReentrantToken),
/// tries to ragequit again and to settle or resolve a work item again. It swallows the reverts
/// so the outer call can complete, and counts the attempts and the ones that got through.
contract AttackerReentrantMember {
    ITreasury public immutable treasury;
    IWork public immutable work;
    address[] private _tokens;
    uint256 public workId;
    bool public ragequitOnReentry = true;
    uint256 public attempts;
    uint256 public successes;

    constructor(ITreasury treasury_, IWork work_) {
        treasury = treasury_;
        work = work_;
    }

    receive() external payable {
        reenter();
    }

    /// @notice Sets the tokens a ragequit names.
    function setTokens(address[] calldata tokens) external {
        _tokens = tokens;
    }

    /// @notice Whether a reentry also tries to ragequit.
    function setRagequitOnReentry(bool enabled) external {
        ragequitOnReentry = enabled;
    }

    /// @notice Sets the work item to settle again when paid.
    function setWorkId(uint256 id) external {
        workId = id;
    }

    /// @notice Ragequits `amount` shares, naming the tokens set.
    function ragequit(uint256 amount) external {
        treasury.ragequit(amount, _tokens, new uint256[](0));
    }

    /// @notice Takes an open bounty.
    function take(uint256 id) external {
        work.take(id);
    }

    /// @notice Delivers a work item.
    function deliver(uint256 id) external {
        work.deliver(id, "ipfs://attack");
    }

    /// @notice The reentrant attempts: one more ragequit of one share, one more settle.
    function reenter() public {
        if (ragequitOnReentry) {
            ++attempts;
            try treasury.ragequit(1, _tokens, new uint256[](0)) {
                ++successes;
            } catch {}
        }
        if (workId != 0) {
            ++attempts;
            try work.settle(workId) {
                ++successes;
            } catch {}
        }
    }
}

/// @title AttackerReentrantToken
/// @notice An ERC-20 that calls back into its recipient when that is the attacking member.
contract AttackerReentrantToken is ERC20 {
    address public immutable attacker;

    constructor(address attacker_) ERC20("Reentrant", "REE") {
        attacker = attacker_;
    }

    /// @notice Mints to anyone.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (to == attacker && from != address(0)) AttackerReentrantMember(payable(attacker)).reenter();
    }
}
