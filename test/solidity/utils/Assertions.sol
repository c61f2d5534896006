// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title Assertions
/// @notice The assertions Rhizome's Solidity tests use. A failed one reverts with a message
/// that names what was checked and both values, which the test runner reports as the reason.
abstract contract Assertions {
    function assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) _fail(what, actual, " != ", expected);
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory what) internal pure {
        if (actual != expected) _fail(what, uint256(actual), " != ", uint256(expected));
    }

    function assertEq(address actual, address expected, string memory what) internal pure {
        if (actual != expected) _fail(what, uint160(actual), " != ", uint160(expected));
    }

    function assertLe(uint256 actual, uint256 limit, string memory what) internal pure {
        if (actual > limit) _fail(what, actual, " > ", limit);
    }

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert(what);
    }

    /// @dev Maps any `value` into [min, max] without discarding fuzz inputs.
    function bound(uint256 value, uint256 min, uint256 max) internal pure returns (uint256) {
        assertTrue(min <= max, "bound: min > max");
        if (min == 0 && max == type(uint256).max) return value;
        return min + (value % (max - min + 1));
    }

    function _fail(string memory what, uint256 left, string memory op, uint256 right) private pure {
        revert(string.concat(what, ": ", Strings.toString(left), op, Strings.toString(right)));
    }
}
