// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @title DevUSDT: the dev chain's ERC-20 (catalogue id DEV_ETH_USDT), 6 decimals like USDT.
/// @notice A minimal, complete ERC-20 (EIP-20): transfer, approve, transferFrom, Transfer and Approval events. The
///         whole supply is minted once, to the deployer (anvil's dev account 0), who funds addresses from it with
///         `bin/waas faucet`. No owner, no minting afterwards, no fees. An allowance of 2^256-1 is not spent down.
///         No immutables: the deployed code is exactly the compiler's runtime bytecode, so the deploy script can
///         compare the two.
contract DevUSDT {
    string public constant name = "Dev Tether USD";
    string public constant symbol = "USDT";
    uint8 public constant decimals = 6;

    /// 1,000,000,000 USDT.
    uint256 public constant INITIAL_SUPPLY = 1_000_000_000 * 10 ** 6;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor() {
        totalSupply = INITIAL_SUPPLY;
        balanceOf[msg.sender] = INITIAL_SUPPLY;
        emit Transfer(address(0), msg.sender, INITIAL_SUPPLY);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        require(spender != address(0), "DevUSDT: approve to the zero address");
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= value, "DevUSDT: insufficient allowance");
            unchecked {
                allowance[from][msg.sender] = allowed - value;
            }
        }
        _transfer(from, to, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) private {
        require(to != address(0), "DevUSDT: transfer to the zero address");
        uint256 balance = balanceOf[from];
        require(balance >= value, "DevUSDT: transfer amount exceeds balance");
        unchecked {
            // no overflow: every balance is at most the fixed total supply
            balanceOf[from] = balance - value;
            balanceOf[to] += value;
        }
        emit Transfer(from, to, value);
    }
}
