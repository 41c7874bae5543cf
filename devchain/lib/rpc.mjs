// A minimal Ethereum JSON-RPC client over node:http (no dependencies; Node 18's fetch would print an
// experimental warning).
import http from 'node:http';

export class RpcError extends Error {
  constructor(method, message, code) {
    super(`${method}: ${message}`);
    this.code = code;
  }
}

/** A client for one RPC URL: `await rpc.call('eth_chainId')`. */
export function client(url, { timeoutMs = 30_000 } = {}) {
  const target = new URL(url);
  if (target.protocol !== 'http:') {
    throw new Error(`RPC URL must be http://…: ${url}`);
  }
  let id = 0;
  const call = (method, params = []) => new Promise((resolve, reject) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params });
    const req = http.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: timeoutMs,
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let answer;
        try {
          answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          reject(new RpcError(method, `HTTP ${res.statusCode}, not a JSON-RPC answer`));
          return;
        }
        if (answer.error) {
          const data = answer.error.data ? ` (${typeof answer.error.data === 'string' ? answer.error.data : JSON.stringify(answer.error.data)})` : '';
          reject(new RpcError(method, `${answer.error.message}${data}`, answer.error.code));
        } else {
          resolve(answer.result);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(new RpcError(method, `cannot reach ${url}: ${e.code || e.message}`)));
    req.end(body);
  });
  return { url, call };
}

/**
 * Waits for a transaction's receipt (polling); fails after `timeoutMs` with a message that names the usual cause
 * (a chain that does not mine by itself).
 */
export async function waitForReceipt(rpc, hash, { timeoutMs = 30_000, pollMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await rpc.call('eth_getTransactionReceipt', [hash]);
    if (receipt) {
      return receipt;
    }
    if (Date.now() > deadline) {
      throw new Error(`transaction ${hash} not mined after ${timeoutMs / 1000} s (does the chain mine? anvil with `
        + '--no-mining needs evm_mine)');
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
