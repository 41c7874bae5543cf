// What the dev chain is: its chain id, the dev account that pays for everything, the tokens on it, and exact
// conversions between whole-unit decimal strings and base units. Shared by deploy.mjs and faucet.mjs.
import sha3 from 'js-sha3';

export const CHAIN_ID = 31337n;

/** anvil's first well-known dev account (mnemonic "test test … junk", m/44'/60'/0'/0/0): unlocked on anvil. */
export const ACCOUNT0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

export function keccak256Hex(bytes) {
  return sha3.keccak256(bytes);
}

/** The 4-byte selector of a Solidity function signature, e.g. `transfer(address,uint256)` → `a9059cbb`. */
export function selector(signature) {
  return keccak256Hex(Buffer.from(signature, 'utf8')).slice(0, 8);
}

/** The EIP-55 mixed-case form of a 20-byte hex address. */
export function toChecksumAddress(address) {
  const lower = address.toLowerCase().replace(/^0x/, '');
  const hash = keccak256Hex(Buffer.from(lower, 'ascii'));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out;
}

/**
 * The address of the contract that `sender` creates with its transaction number `nonce`:
 * keccak256(rlp([sender, nonce]))[12..].
 */
export function contractAddress(sender, nonce) {
  const n = BigInt(nonce);
  let nonceRlp;
  if (n === 0n) {
    nonceRlp = Buffer.from([0x80]);
  } else if (n < 0x80n) {
    nonceRlp = Buffer.from([Number(n)]);
  } else {
    let hex = n.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    const bytes = Buffer.from(hex, 'hex');
    nonceRlp = Buffer.concat([Buffer.from([0x80 + bytes.length]), bytes]);
  }
  const senderRlp = Buffer.concat([Buffer.from([0x94]), Buffer.from(sender.replace(/^0x/, ''), 'hex')]);
  const payload = Buffer.concat([senderRlp, nonceRlp]);
  const list = Buffer.concat([Buffer.from([0xc0 + payload.length]), payload]);
  return toChecksumAddress(keccak256Hex(list).slice(24));
}

/**
 * The tokens of the dev chain, by catalogue id. DEV_ETH_USDT lives at account 0's first contract creation: the
 * deploy script sends it as account 0's transaction number 0 on a fresh chain, so its address never changes.
 */
export const TOKENS = Object.freeze({
  DEV_ETH: Object.freeze({ tokenId: 'DEV_ETH', native: true, decimals: 18 }),
  DEV_ETH_USDT: Object.freeze({
    tokenId: 'DEV_ETH_USDT', native: false, decimals: 6, contract: 'DevUSDT', address: contractAddress(ACCOUNT0, 0),
  }),
});

/** A token by catalogue id, or an error that lists the known ones. */
export function token(tokenId) {
  const t = Object.hasOwn(TOKENS, tokenId) ? TOKENS[tokenId] : undefined;
  if (!t) {
    throw new Error(`unknown token '${tokenId}': the dev chain has ${Object.keys(TOKENS).join(', ')}`);
  }
  return t;
}

/**
 * A 20-byte hex address (0x + 40 hex digits). All lower- or upper-case is taken as it is; mixed case must be the
 * EIP-55 checksum (a typo in a checksummed address is caught). The zero address is refused. Returns the EIP-55 form.
 */
export function parseAddress(text) {
  if (typeof text !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(text)) {
    throw new Error(`invalid address '${text}': expected 0x and 40 hex digits`);
  }
  const digits = text.slice(2);
  const checksummed = toChecksumAddress(text);
  const mixed = digits !== digits.toLowerCase() && digits !== digits.toUpperCase();
  if (mixed && checksummed !== text) {
    throw new Error(`invalid address '${text}': wrong EIP-55 checksum (expected ${checksummed})`);
  }
  if (/^0+$/.test(digits)) {
    throw new Error('invalid address: the zero address');
  }
  return checksummed;
}

const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * An amount in whole units, as a plain decimal string ("1", "0.5", "1000000.000001"), to base units — exactly, with
 * no floating point. Refuses signs, exponents, more fraction digits than the token has, zero, and values past uint256.
 */
export function parseUnits(text, decimals) {
  if (typeof text !== 'string' || !/^[0-9]+(\.[0-9]+)?$/.test(text)) {
    throw new Error(`invalid amount '${text}': expected a decimal number of whole units, e.g. 1.5`);
  }
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length > decimals) {
    throw new Error(`invalid amount '${text}': at most ${decimals} decimal places`);
  }
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (units === 0n) {
    throw new Error(`invalid amount '${text}': must be more than 0`);
  }
  if (units > MAX_UINT256) {
    throw new Error(`invalid amount '${text}': too large`);
  }
  return units;
}

/** Base units to a whole-unit decimal string (no trailing zeros). */
export function formatUnits(units, decimals) {
  const d = BigInt(decimals);
  const base = 10n ** d;
  const whole = units / base;
  const fraction = (units % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** ABI words: an address or an unsigned integer as 32 bytes of hex (no 0x). */
export function abiWord(value) {
  if (typeof value === 'string') {
    return value.toLowerCase().replace(/^0x/, '').padStart(64, '0');
  }
  return BigInt(value).toString(16).padStart(64, '0');
}

/** The data of an ERC-20 call: selector followed by its arguments as ABI words. */
export function callData(signature, ...args) {
  return `0x${selector(signature)}${args.map(abiWord).join('')}`;
}

/** The amount of `token` that `address` holds, in base units, read at the latest block. */
export async function balanceOf(rpc, t, address) {
  if (t.native) {
    return BigInt(await rpc.call('eth_getBalance', [address, 'latest']));
  }
  const result = await rpc.call('eth_call', [{ to: t.address, data: callData('balanceOf(address)', address) }, 'latest']);
  return BigInt(result === '0x' ? 0 : result);
}

/** Fails unless the RPC URL is a dev chain (chain id 31337). */
export async function checkChain(rpc) {
  const id = BigInt(await rpc.call('eth_chainId'));
  if (id !== CHAIN_ID) {
    throw new Error(`${rpc.url} is chain ${id}, not the dev chain (${CHAIN_ID})`);
  }
}
