// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ITreasury
/// @notice A collective's funds in ETH and ERC-20 tokens: paid out on governance's word or for
/// accepted work, and shared out pro rata to any member who leaves (ragequit).
/// @dev `token == address(0)` stands for ETH in every function and event.
interface ITreasury {
    /// @notice `caller` is neither the collective's governance (its timelock) nor its work module.
    error TreasuryUnauthorized(address caller);

    /// @notice A payment to the zero address was requested.
    error TreasuryInvalidRecipient();

    /// @notice The treasury holds `balance` of `token`, less than the `amount` asked for.
    error TreasuryInsufficientBalance(address token, uint256 balance, uint256 amount);

    /// @notice Sending `amount` wei to `to` failed.
    error TreasuryEthTransferFailed(address to, uint256 amount);

    /// @notice A ragequit must burn at least one share.
    error TreasuryNothingToBurn();

    /// @notice The tokens must be non-zero addresses in strictly ascending order; `index` is not.
    error TreasuryTokensNotAscending(uint256 index);

    /// @notice The collectives to leave through must be other collectives' treasuries, in strictly
    /// ascending order, without this one: `index` is not.
    error TreasuryNetworkNotAscending(uint256 index);

    /// @notice The part of what the collective holds in another collective, taken on the way out:
    /// that collective's treasury, the tokens of its to take a part of (strictly ascending), and the
    /// proposals this collective's timelock voted for there since its last release (its exit proof there).
    struct NetworkExit {
        address treasury;
        address[] tokens;
        uint256[] forVotes;
    }

    /// @notice `from` sent `amount` wei; the treasury now holds `balance` wei.
    event EthReceived(address indexed from, uint256 amount, uint256 balance);

    /// @notice The treasury paid `amount` of `token` to `to`; `balance` is what it holds after.
    event Paid(address indexed token, address indexed to, uint256 amount, uint256 balance);

    /// @notice `member` burned `shares` of `supply` and took the same fraction of the treasury:
    /// `ethAmount` wei and `amounts[i]` of `tokens[i]`. `ethBalance` and `balances[i]` are what
    /// the treasury holds after.
    event Ragequit(
        address indexed member,
        uint256 shares,
        uint256 supply,
        uint256 ethAmount,
        uint256 ethBalance,
        address[] tokens,
        uint256[] amounts,
        uint256[] balances
    );

    /// @notice `member`'s ragequit (the `Ragequit` event just before) was paid to `to`.
    event RagequitPaidTo(address indexed member, address indexed to);

    /// @notice On `member`'s exit, the collective's timelock left collective `treasury` with
    /// `shares` of its `held` shares there, the member's fraction, paid by that collective to `to`.
    event NetworkExited(address indexed member, address indexed treasury, uint256 shares, uint256 held, address to);

    /// @notice Pays `amount` of `token` (address(0) for ETH) to `to`.
    /// @dev Only governance (an executed proposal) or the work module (accepted work).
    function pay(address token, address to, uint256 amount) external;

    /// @notice Leaves the collective, in part or fully: burns `shares` of the caller's shares and
    /// pays them the same fraction of the treasury's ETH and of each token in `tokens`.
    /// @dev Refused while the caller voted *for* a proposal that can still run.
    /// @param shares How many shares to burn.
    /// @param tokens ERC-20 tokens to take a part of, strictly ascending, no duplicates.
    /// @param forVotes The proposals the caller voted *for* since their last release, in order
    /// (see `CollectiveGovernor.releaseForVotes`); empty if none.
    function ragequit(uint256 shares, address[] calldata tokens, uint256[] calldata forVotes) external;

    /// @notice Leaves as `ragequit` does, but has the ETH and tokens paid to `to`: a member that
    /// cannot take ETH (a contract without a way to receive it) still leaves with its fair part.
    /// @param to Who receives the payout; not the zero address.
    function ragequitTo(uint256 shares, address[] calldata tokens, uint256[] calldata forVotes, address to) external;

    /// @notice Ragequit across the network: as `ragequitTo`, and for each collective in `network`
    /// whose shares this collective's timelock holds, the timelock leaves it with the same fraction
    /// of them (rounded down), which that collective pays straight to `to`. A collective left out
    /// of `network` keeps the member's part of it, as a token left out of `tokens` does; one that
    /// refuses its exit (this collective backed a proposal there that can still run) reverts the whole.
    function ragequitAcross(
        uint256 shares,
        address[] calldata tokens,
        uint256[] calldata forVotes,
        address to,
        NetworkExit[] calldata network
    ) external;

    /// @notice The collective's governance: the timelock that executes passed proposals.
    function governance() external view returns (address);

    /// @notice The collective's shares.
    function shares() external view returns (address);

    /// @notice The collective's governor.
    function governor() external view returns (address);

    /// @notice The collective's work module.
    function work() external view returns (address);
}
