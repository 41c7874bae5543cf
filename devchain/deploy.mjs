#!/usr/bin/env node
// Deploys the dev chain's token DEV_ETH_USDT (contracts/DevUSDT.sol) unless it is there already, and checks it.
//
//   node devchain/deploy.mjs [--rpc URL] [--mine]
//
// The token's address is fixed: account 0's first contract creation. On a fresh chain (account 0 has sent nothing)
// the deploy is account 0's transaction number 0; on a chain where the token is there, its code is compared with the
// compiler's output. Anything else (other code at the address, or account 0 already used without the token) fails:
// the token could not be at its catalogue address. --mine asks the node to mine the block (a chain started with
// --no-mining). Prints "DEV_ETH_USDT <address>" on stdout; what it does on stderr. RPC default: $WAAS_DEV_ETH_RPC, else
// http://127.0.0.1:8545.
import { compile } from './lib/compile.mjs';
import { ACCOUNT0, TOKENS, callData, checkChain } from './lib/devchain.mjs';
import { client, waitForReceipt } from './lib/rpc.mjs';

const token = TOKENS.DEV_ETH_USDT;

function parseArgs(argv) {
  const args = { rpc: process.env.WAAS_DEV_ETH_RPC || 'http://127.0.0.1:8545', mine: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rpc' && i + 1 < argv.length) args.rpc = argv[++i];
    else if (argv[i] === '--mine') args.mine = true;
    else throw new Error(`usage: deploy.mjs [--rpc URL] [--mine] (unknown argument '${argv[i]}')`);
  }
  return args;
}

async function uint(rpc, signature, ...args) {
  return BigInt(await rpc.call('eth_call', [{ to: token.address, data: callData(signature, ...args) }, 'latest']));
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const rpc = client(args.rpc);
  await checkChain(rpc);
  const compiled = compile(token.contract);

  let code = await rpc.call('eth_getCode', [token.address, 'latest']);
  let deployed = false;
  if (code === '0x') {
    const nonce = BigInt(await rpc.call('eth_getTransactionCount', [ACCOUNT0, 'pending']));
    if (nonce !== 0n) {
      throw new Error(`no token at ${token.address}, and account 0 (${ACCOUNT0}) has already sent ${nonce} `
        + 'transaction(s) on this chain: the token can only be deployed at its address as account 0\'s first '
        + 'transaction. Start from a fresh chain (bin/waas: delete .waas/data/anvil while it is down).');
    }
    const hash = await rpc.call('eth_sendTransaction', [{ from: ACCOUNT0, nonce: '0x0', data: compiled.bytecode }]);
    if (args.mine) await rpc.call('evm_mine');
    const receipt = await waitForReceipt(rpc, hash);
    if (receipt.status !== '0x1') throw new Error(`the deploy transaction ${hash} failed (status ${receipt.status})`);
    if (receipt.contractAddress?.toLowerCase() !== token.address.toLowerCase()) {
      throw new Error(`the token was created at ${receipt.contractAddress}, not at ${token.address}`);
    }
    process.stderr.write(`deployed ${token.contract} (${compiled.compiler}) in block ${BigInt(receipt.blockNumber)}, `
      + `transaction ${hash}\n`);
    code = await rpc.call('eth_getCode', [token.address, 'latest']);
    deployed = true;
  }
  if (code.toLowerCase() !== compiled.deployedBytecode.toLowerCase()) {
    throw new Error(`the code at ${token.address} is not ${token.contract} as contracts/${token.contract}.sol compiles `
      + `today (${(code.length - 2) / 2} bytes there, ${(compiled.deployedBytecode.length - 2) / 2} compiled). `
      + 'Start from a fresh chain (bin/waas: delete .waas/data/anvil while it is down).');
  }
  const decimals = await uint(rpc, 'decimals()');
  if (decimals !== BigInt(token.decimals)) throw new Error(`decimals() is ${decimals}, not ${token.decimals}`);
  if (deployed) {
    const supply = await uint(rpc, 'INITIAL_SUPPLY()');
    if (await uint(rpc, 'totalSupply()') !== supply || await uint(rpc, 'balanceOf(address)', ACCOUNT0) !== supply) {
      throw new Error('after the deploy, account 0 does not hold the whole supply');
    }
  } else {
    process.stderr.write(`${token.contract} already deployed at ${token.address}, code checked\n`);
  }
  process.stdout.write(`${token.tokenId} ${token.address}\n`);
}

main().catch((e) => {
  process.stderr.write(`deploy: ${e.message}\n`);
  process.exit(1);
});
