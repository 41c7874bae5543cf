// Unit tests of the dev chain's exact amounts, addresses and selectors: node --test devchain/test/
import assert from 'node:assert/strict';
import test from 'node:test';
import { compile } from '../lib/compile.mjs';
import { ACCOUNT0, TOKENS, contractAddress, formatUnits, parseAddress, parseUnits, selector, token }
  from '../lib/devchain.mjs';

test('amounts in whole units convert to base units exactly', () => {
  assert.equal(parseUnits('1', 6), 1_000_000n);
  assert.equal(parseUnits('0.000001', 6), 1n);
  assert.equal(parseUnits('1000000.000001', 6), 1_000_000_000_001n);
  assert.equal(parseUnits('0.1', 18), 100_000_000_000_000_000n); // 0.1 has no exact binary floating-point form
  assert.equal(parseUnits('123456789012345678901234567890.123456789012345678', 18),
    123456789012345678901234567890123456789012345678n);
  assert.equal(parseUnits('007.50', 6), 7_500_000n);
  assert.equal(formatUnits(1_000_000_000_001n, 6), '1000000.000001');
  assert.equal(formatUnits(7_500_000n, 6), '7.5');
  assert.equal(formatUnits(5n * 10n ** 18n, 18), '5');
});

test('bad amounts are refused with the reason', () => {
  for (const [text, reason] of [['1.0000001', /at most 6 decimal places/], ['0', /more than 0/], ['0.000000', /more than 0/],
    ['-1', /decimal number/], ['1e3', /decimal number/], ['1,5', /decimal number/], ['.5', /decimal number/],
    ['1.', /decimal number/], [' 1', /decimal number/], ['', /decimal number/], ['0x10', /decimal number/],
    ['1'.repeat(80), /too large/]]) {
    assert.throws(() => parseUnits(text, 6), reason, text);
  }
});

test('addresses: EIP-55 checked when mixed case, zero address refused', () => {
  const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'; // EIP-55's own example
  assert.equal(parseAddress(checksummed), checksummed);
  assert.equal(parseAddress(checksummed.toLowerCase()), checksummed);
  assert.equal(parseAddress(`0x${checksummed.slice(2).toUpperCase()}`), checksummed);
  assert.throws(() => parseAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'), /EIP-55 checksum/);
  assert.throws(() => parseAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea'), /40 hex digits/);
  assert.throws(() => parseAddress('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'), /40 hex digits/);
  assert.throws(() => parseAddress(`0x${'0'.repeat(40)}`), /zero address/);
});

test('the token lives at account 0\'s first contract creation', () => {
  // Well known from every Hardhat/Foundry tutorial: account 0's nonce-0 contract.
  assert.equal(TOKENS.DEV_ETH_USDT.address, '0x5FbDB2315678afecb367f032d93F642f64180aa3');
  assert.equal(contractAddress(ACCOUNT0, 1), '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512');
  assert.equal(token('DEV_ETH_USDT').decimals, 6);
  assert.throws(() => token('ETH_USDT'), /unknown token 'ETH_USDT'.*DEV_ETH, DEV_ETH_USDT/);
  assert.throws(() => token('toString'), /unknown token/);
});

test('selectors', () => {
  assert.equal(selector('transfer(address,uint256)'), 'a9059cbb');
  assert.equal(selector('balanceOf(address)'), '70a08231');
  assert.equal(selector('Transfer(address,address,uint256)').length, 8);
});

test('the selectors the scripts compute are solc\'s for DevUSDT', () => {
  const { methodIdentifiers } = compile('DevUSDT');
  assert.ok(Object.keys(methodIdentifiers).length >= 9);
  for (const [signature, id] of Object.entries(methodIdentifiers)) {
    assert.equal(selector(signature), id, signature);
  }
});
