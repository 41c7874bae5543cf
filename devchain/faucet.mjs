#!/usr/bin/env node
// Sends dev ETH or a dev chain token from anvil's dev account 0 to an address, and prints the transaction hash.
//
//   node devchain/faucet.mjs [--rpc URL] [--no-wait] ADDRESS AMOUNT [TOKEN_ID]
//
// AMOUNT is in whole units as a decimal string ("1.5" DEV_ETH, "100" DEV_ETH_USDT), converted exactly. TOKEN_ID:
// DEV_ETH (default) or DEV_ETH_USDT. Waits for the receipt and fails unless the transfer succeeded; --no-wait prints
// the hash as soon as the node took the transaction (a chain that mines on demand). Exit 1 with a message on a bad
// address, amount or token, an unreachable node, too small a balance of account 0, or a failed transaction. RPC
// default: $WAAS_DEV_ETH_RPC, else http://127.0.0.1:8545.
import { ACCOUNT0, balanceOf, callData, checkChain, formatUnits, parseAddress, parseUnits, token } from './lib/devchain.mjs';
import { client, waitForReceipt } from './lib/rpc.mjs';

const USAGE = 'usage: faucet.mjs [--rpc URL] [--no-wait] ADDRESS AMOUNT [TOKEN_ID]';

function parseArgs(argv) {
  const args = { rpc: process.env.WAAS_DEV_ETH_RPC || 'http://127.0.0.1:8545', wait: true, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') args.positional.push(...argv.splice(i + 1));
    else if (argv[i] === '--rpc' && i + 1 < argv.length) args.rpc = argv[++i];
    else if (argv[i] === '--no-wait') args.wait = false;
    else if (argv[i].startsWith('--')) throw new Error(`${USAGE} (unknown option '${argv[i]}')`);
    else args.positional.push(argv[i]);
  }
  if (args.positional.length < 2 || args.positional.length > 3) throw new Error(USAGE);
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [addressText, amountText, tokenId = 'DEV_ETH'] = args.positional;
  const t = token(tokenId);
  const to = parseAddress(addressText);
  const amount = parseUnits(amountText, t.decimals);

  const rpc = client(args.rpc);
  await checkChain(rpc);
  let tx;
  if (t.native) {
    tx = { from: ACCOUNT0, to, value: `0x${amount.toString(16)}` };
  } else {
    if (await rpc.call('eth_getCode', [t.address, 'latest']) === '0x') {
      throw new Error(`${tokenId} is not deployed at ${t.address} on ${args.rpc} (bin/waas up deploys it)`);
    }
    const held = await balanceOf(rpc, t, ACCOUNT0);
    if (held < amount) {
      throw new Error(`account 0 holds ${formatUnits(held, t.decimals)} ${tokenId}, less than ${amountText}`);
    }
    tx = { from: ACCOUNT0, to: t.address, data: callData('transfer(address,uint256)', to, amount) };
  }
  const hash = await rpc.call('eth_sendTransaction', [tx]);
  if (args.wait) {
    const receipt = await waitForReceipt(rpc, hash);
    if (receipt.status !== '0x1') {
      throw new Error(`transaction ${hash} failed (status ${receipt.status})`);
    }
    process.stderr.write(`sent ${formatUnits(amount, t.decimals)} ${tokenId} to ${to} in block `
      + `${BigInt(receipt.blockNumber)}\n`);
  }
  process.stdout.write(`${hash}\n`);
}

main().catch((e) => {
  process.stderr.write(`faucet: ${e.message}\n`);
  process.exit(1);
});
