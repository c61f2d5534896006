// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {IShares} from "../../contracts/interfaces/IShares.sol";
import {IWork} from "../../contracts/interfaces/IWork.sol";
import {Work} from "../../contracts/Work.sol";
import {CollectiveTest} from "./utils/CollectiveTest.sol";
import {VM} from "./utils/Vm.sol";

/// @title SignedActionsTest
/// @notice Signed objections and profiles, for any signer, relayer and message: a signature
/// counts once, for its signer, in nonce order, and only for the objection or profile, the
/// contract and the chain it was made for, until its deadline; a display name is taken exactly
/// when it is at most 64 bytes without control characters.
contract SignedActionsTest is CollectiveTest {
    /// @dev The order of secp256k1: private keys are from 1 to N - 1.
    uint256 internal constant _N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
    bytes32 internal constant _DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 internal constant _OBJECTION_TYPEHASH = keccak256(
        "Objection(uint256 id,string reason,address objector,uint256 nonce,uint256 deadline)"
    );
    bytes32 internal constant _PROFILE_TYPEHASH = keccak256(
        "Profile(string name,string avatar,string uri,address member,uint256 nonce,uint256 deadline)"
    );

    struct Objection {
        uint256 id;
        string reason;
        address objector;
        uint256 nonce;
        uint256 deadline;
    }

    /// @notice A member's signed objection, relayed by anyone, counts once with the member's
    /// weight, and its replay is refused on its nonce.
    function testFuzz_signedObjectionCountsOnceForItsSigner(
        uint256 keySeed,
        address relayer,
        uint256 sharesSeed,
        string calldata reason
    ) public {
        (uint256 key, address member) = _newMember(keySeed, sharesSeed);
        VM.assume(relayer != member);
        uint256 id = _deliveredWork();
        Objection memory o = Objection(id, reason, member, 0, block.timestamp);
        bytes memory signature = _signObjection(key, address(work), o);

        VM.prank(relayer);
        work.objectBySig(o.id, o.reason, o.objector, o.nonce, o.deadline, signature);
        assertTrue(work.hasObjected(id, member), "the member's objection is not recorded");
        assertTrue(!work.hasObjected(id, relayer), "the relayer's objection is recorded");
        assertEq(work.item(id).objections, shares.getVotes(member), "objections");
        assertEq(work.nonces(member), 1, "nonce after use");

        VM.expectRevert(abi.encodeWithSelector(NoncesUpgradeable.InvalidAccountNonce.selector, member, 1));
        work.objectBySig(o.id, o.reason, o.objector, o.nonce, o.deadline, signature);
    }

    /// @notice A signature is refused when anything differs from what it was made for: the
    /// signer, the objection, the nonce, the deadline, the contract or the chain.
    function testFuzz_signedObjectionRefusedWhenAnythingDiffers(
        uint256 keySeed,
        uint256 otherKeySeed,
        uint256 what,
        uint256 delta
    ) public {
        (uint256 key, address member) = _newMember(keySeed, 1);
        uint256 id = _deliveredWork();
        delta = bound(delta, 1, type(uint64).max);
        Objection memory o = Objection(id, "not done", member, 0, block.timestamp + 1 hours);
        bytes memory signature = _signObjection(key, address(work), o);
        what = what % 7;
        bytes memory expected = abi.encodeWithSelector(IWork.WorkInvalidSignature.selector, member);
        if (what == 0) {
            // Signed by another key.
            uint256 other = bound(otherKeySeed, 1, _N - 1);
            VM.assume(other != key);
            signature = _signObjection(other, address(work), o);
        } else if (what == 1) {
            o.id = id + delta;
        } else if (what == 2) {
            o.reason = "something else";
        } else if (what == 3) {
            o.nonce = delta;
            expected = abi.encodeWithSelector(NoncesUpgradeable.InvalidAccountNonce.selector, member, 0);
        } else if (what == 4) {
            o.deadline += delta;
        } else if (what == 5) {
            // Made for another collective's work module, where the member is a founder too.
            Work ours = work;
            address[] memory accounts = new address[](1);
            uint256[] memory amounts = new uint256[](1);
            (accounts[0], amounts[0]) = (member, 100);
            _create(accounts, amounts);
            signature = _signObjection(key, address(work), o);
            work = ours;
        } else {
            // Made for this contract on another chain.
            uint256 chain = block.chainid;
            VM.chainId(bound(delta, chain + 1, type(uint32).max));
            signature = _signObjection(key, address(work), o);
            VM.chainId(chain);
        }
        VM.expectRevert(expected);
        work.objectBySig(o.id, o.reason, o.objector, o.nonce, o.deadline, signature);
    }

    /// @notice Signatures made in advance count only in nonce order, each once.
    function testFuzz_signedObjectionsInNonceOrder(uint256 keySeed, uint256 first, uint256 second) public {
        (uint256 key, address member) = _newMember(keySeed, 1);
        uint256[3] memory ids = [_deliveredWork(), _deliveredWork(), _deliveredWork()];
        uint256 deadline = block.timestamp + 1 hours;
        first = first % 3;
        second = second % 3;
        // Relay nonce `first`, then nonce `second`: each succeeds only if it is the next.
        uint256 next = 0;
        for (uint256 i = 0; i < 2; ++i) {
            uint256 nonce = i == 0 ? first : second;
            Objection memory o = Objection(ids[nonce], "", member, nonce, deadline);
            bytes memory signature = _signObjection(key, address(work), o);
            if (nonce != next) {
                VM.expectRevert(abi.encodeWithSelector(NoncesUpgradeable.InvalidAccountNonce.selector, member, next));
            }
            work.objectBySig(o.id, o.reason, o.objector, o.nonce, o.deadline, signature);
            if (nonce == next) ++next;
        }
        assertEq(work.nonces(member), next, "nonce");
    }

    /// @notice A signature is good until its deadline, inclusive, and refused after.
    function testFuzz_signedObjectionDeadline(uint256 keySeed, uint256 deadlineSeed, uint256 nowSeed) public {
        (uint256 key, address member) = _newMember(keySeed, 1);
        uint256 id = _deliveredWork();
        uint256 deadline = bound(deadlineSeed, block.timestamp, block.timestamp + 1 days);
        VM.warp(bound(nowSeed, block.timestamp, block.timestamp + 1 days));
        Objection memory o = Objection(id, "", member, 0, deadline);
        bytes memory signature = _signObjection(key, address(work), o);
        if (block.timestamp > deadline) {
            VM.expectRevert(abi.encodeWithSelector(IWork.WorkExpiredSignature.selector, deadline));
        }
        work.objectBySig(o.id, o.reason, o.objector, o.nonce, o.deadline, signature);
        assertTrue(work.hasObjected(id, member) == (block.timestamp <= deadline), "objected");
    }

    /// @notice A display name is taken exactly when it is at most 64 bytes with no byte below 0x20
    /// and no 0x7f; otherwise the error names the length, or the first offending byte.
    function testFuzz_displayNameRules(bytes calldata name, uint256 position, uint8 control) public {
        bytes memory candidate = name;
        // Half the inputs carry a control character at a chosen place.
        if (candidate.length > 0 && control % 2 == 0) {
            candidate[position % candidate.length] = control % 4 == 0 ? bytes1(0x7f) : bytes1(control % 0x20);
        }
        bytes memory expected;
        if (candidate.length > 64) {
            expected = abi.encodeWithSelector(IShares.SharesNameTooLong.selector, candidate.length);
        } else {
            for (uint256 i = 0; i < candidate.length; ++i) {
                if (uint8(candidate[i]) < 0x20 || uint8(candidate[i]) == 0x7f) {
                    expected = abi.encodeWithSelector(IShares.SharesNameControlCharacter.selector, i);
                    break;
                }
            }
        }
        if (expected.length > 0) {
            VM.expectRevert(expected);
        } else {
            VM.expectEmit(true, false, false, true, address(shares));
            emit IShares.ProfileSet(BOB, string(candidate), "", "");
        }
        VM.prank(BOB);
        shares.setProfile(string(candidate), "", "");
    }

    /// @notice A member's signed profile, relayed by anyone, is the member's; the same signature
    /// is refused for another member, contract or chain, and once used.
    function testFuzz_signedProfile(
        uint256 keySeed,
        address relayer,
        bytes calldata nameSeed,
        uint256 chainSeed
    ) public {
        (uint256 key, address member) = _newMember(keySeed, 1);
        string memory name = _cleanName(nameSeed);
        uint256 deadline = block.timestamp;
        bytes memory signature = _signProfile(key, name, member, 0, deadline);

        // Another chain's signature.
        uint256 chain = block.chainid;
        VM.chainId(bound(chainSeed, chain + 1, type(uint32).max));
        bytes memory elsewhere = _signProfile(key, name, member, 0, deadline);
        VM.chainId(chain);
        VM.expectRevert(abi.encodeWithSelector(IShares.SharesInvalidSignature.selector, member));
        shares.setProfileBySig(name, "", "", member, 0, deadline, elsewhere);
        // Claimed for another member.
        VM.expectRevert(abi.encodeWithSelector(IShares.SharesInvalidSignature.selector, BOB));
        shares.setProfileBySig(name, "", "", BOB, 0, deadline, signature);

        VM.expectEmit(true, false, false, true, address(shares));
        emit IShares.ProfileSet(member, name, "", "");
        VM.prank(relayer);
        shares.setProfileBySig(name, "", "", member, 0, deadline, signature);
        VM.expectRevert(abi.encodeWithSelector(NoncesUpgradeable.InvalidAccountNonce.selector, member, 1));
        shares.setProfileBySig(name, "", "", member, 0, deadline, signature);
    }

    /// @dev A valid display name from any bytes: the first 64, control characters moved up by 0x40.
    function _cleanName(bytes calldata seed) internal pure returns (string memory) {
        bytes memory name = seed.length > 64 ? seed[:64] : seed;
        for (uint256 i = 0; i < name.length; ++i) {
            if (uint8(name[i]) < 0x20) name[i] = bytes1(uint8(name[i]) + 0x40);
            else if (uint8(name[i]) == 0x7f) name[i] = "?";
        }
        return string(name);
    }

    /// @dev A member from a fuzzed key, with 1 to 1,000 shares; not a founder or a contract.
    function _newMember(uint256 keySeed, uint256 sharesSeed) internal returns (uint256 key, address member) {
        key = bound(keySeed, 1, _N - 1);
        member = VM.addr(key);
        VM.assume(member != ALICE && member != BOB && member != CAROL && member.code.length == 0);
        _mint(member, bound(sharesSeed, 1, 1_000));
        VM.warp(block.timestamp + 1);
    }

    /// @dev A work item commissioned to carol and delivered, its review window open.
    function _deliveredWork() internal returns (uint256 id) {
        id = _commission(CAROL, 10, address(0), 0);
        _deliver(id, CAROL);
        VM.warp(block.timestamp + 1);
    }

    function _signObjection(uint256 key, address target, Objection memory o) internal view returns (bytes memory) {
        bytes32 structHash = keccak256(
            abi.encode(_OBJECTION_TYPEHASH, o.id, keccak256(bytes(o.reason)), o.objector, o.nonce, o.deadline)
        );
        return _sign(key, target, structHash);
    }

    function _signProfile(
        uint256 key,
        string memory name,
        address member,
        uint256 nonce,
        uint256 deadline
    ) internal view returns (bytes memory) {
        bytes32 empty = keccak256("");
        bytes32 structHash = keccak256(
            abi.encode(_PROFILE_TYPEHASH, keccak256(bytes(name)), empty, empty, member, nonce, deadline)
        );
        return _sign(key, address(shares), structHash);
    }

    /// @dev Signs `structHash` in `target`'s domain as the chain is now: the digest a wallet signs.
    function _sign(uint256 key, address target, bytes32 structHash) internal view returns (bytes memory) {
        (, string memory name, string memory version, , , , ) = IERC5267(target).eip712Domain();
        bytes32 domain = keccak256(
            abi.encode(_DOMAIN_TYPEHASH, keccak256(bytes(name)), keccak256(bytes(version)), block.chainid, target)
        );
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }
}
