// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity ^0.8.28;

/// @title ICollectiveFactory
/// @notice Creates collectives as ERC-1167 clones of shared implementations and keeps a registry.
interface ICollectiveFactory {
    /// @notice Parameters of a new collective. Times are in seconds (ERC-6372 timestamp clock).
    /// @param votingDelay From a proposal to the start of its vote, the snapshot.
    /// @param votingPeriod How long a vote stays open.
    /// @param executionWindow How long a passed proposal has to be queued, then executed.
    /// @param timelockDelay From queueing to execution: the grace period to leave in.
    /// @param proposalThreshold Shares needed to propose.
    /// @param quorumPercent Percent of the supply at the snapshot that must vote for or abstain.
    /// @param reviewWindow How long members have to object to delivered work.
    /// @param objectionThreshold Percent of the supply at delivery whose objections dispute work.
    /// @param vetoPercent Percent of the supply at a proposal's snapshot whose objections during
    /// the grace period cancel it (1 to 50).
    /// @param countingRule How votes count: 0 by shares, 1 one member one vote, 2 both houses.
    struct Settings {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint32 executionWindow;
        uint48 timelockDelay;
        uint64 proposalThreshold;
        uint8 quorumPercent;
        uint32 reviewWindow;
        uint8 objectionThreshold;
        uint8 vetoPercent;
        uint8 countingRule;
    }

    /// @notice A founder and the shares minted to them at creation.
    struct Founder {
        address account;
        uint256 shares;
    }

    /// @notice The addresses of one collective's modules.
    struct Modules {
        address shares;
        address governor;
        address timelock;
        address treasury;
        address work;
    }

    /// @notice The collective's name is empty or longer than 64 bytes.
    error FactoryInvalidName();

    /// @notice The share symbol is empty or longer than 11 bytes.
    error FactoryInvalidSymbol();

    /// @notice There must be between 1 and 16 principles; `count` were given.
    error FactoryInvalidPrincipleCount(uint256 count);

    /// @notice Principle `index` is empty or longer than 64 bytes.
    error FactoryInvalidPrinciple(uint256 index);

    /// @notice There must be at least one founder.
    error FactoryNoFounders();

    /// @notice Founder `index` has the zero address or no shares.
    error FactoryInvalidFounder(uint256 index, address account, uint256 shares);

    /// @notice A period or window is zero, a percentage is over 100, or the objection
    /// threshold is zero.
    error FactoryInvalidSettings();

    /// @notice No collective has id `id`.
    error FactoryUnknownCollective(uint256 id);

    /// @notice A clone did not land at the address its nonce predicts (`got`): the factory must
    /// never deploy anything but clones.
    error FactoryUnexpectedAddress(address got);

    /// @notice A collective was created. Its modules' own initialisation events follow in the
    /// same transaction; founders' shares appear as mints on `modules.shares`.
    /// @param id The collective's id in this factory's registry, counted from 0.
    /// @param governor The collective's governor, also its identity across the platform.
    /// @param creator The account that called `create`.
    /// @param modules Every module address, to follow from this block on.
    /// @param name The collective's name.
    /// @param symbol The shares' symbol.
    /// @param principles The collective's principles, as short names.
    /// @param settings The governance parameters.
    event CollectiveCreated(
        uint256 indexed id,
        address indexed governor,
        address indexed creator,
        Modules modules,
        string name,
        string symbol,
        string[] principles,
        Settings settings
    );

    /// @notice Creates a collective in one transaction: shares, governor, timelock, treasury and
    /// work module, wired to each other, with the founders' shares minted.
    /// @return id The new collective's id.
    /// @return modules The new collective's module addresses.
    function create(
        string calldata name,
        string calldata symbol,
        string[] calldata principles,
        Founder[] calldata founders,
        Settings calldata settings
    ) external returns (uint256 id, Modules memory modules);

    /// @notice How many collectives this factory has created.
    function collectiveCount() external view returns (uint256);

    /// @notice The modules of collective `id`.
    function collective(uint256 id) external view returns (Modules memory);
}
