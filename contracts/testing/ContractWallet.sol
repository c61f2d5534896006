// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title ContractWallet
/// @notice A member that is a contract, as a multisig or a smart account is: it signs through
/// ERC-1271, accepting what its owner's key signed. A real wallet wraps the hash in a domain of its
/// own so that one owner's signature serves one wallet only; this one need not. For the
/// signed-action tests only.
contract ContractWallet is IERC1271 {
    address private immutable _owner;

    constructor(address owner_) {
        _owner = owner_;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError error, ) = ECDSA.tryRecoverCalldata(hash, signature);
        if (error == ECDSA.RecoverError.NoError && signer == _owner) return IERC1271.isValidSignature.selector;
        return 0xffffffff;
    }
}
